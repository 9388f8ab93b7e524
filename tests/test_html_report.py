"""The HTML report: findings in place, related spans linked, filters, escaping, round-trip text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tcheck import app
from tcheck.cli import main
from tcheck.config import resolve
from tcheck.engine import RunResult
from tcheck.model import Finding, LineIndex, Related, Severity, Span, frozen_map
from tcheck.reporters.html import render

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-unrest.en.txt"


class Page(HTMLParser):
    """Collects the text of every highlighted piece, by finding id, and every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.by_finding: dict[int, str] = {}
        self.by_related: dict[int, str] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._stack: list[dict[str, str | None]] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag == "span":
            self._stack.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if tag == "span" and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
            return
        for attrs in self._stack:
            for key, target in (("data-f", self.by_finding), ("data-r", self.by_related)):
                for fid in (attrs.get(key) or "").split():
                    target[int(fid)] = target.get(int(fid), "") + data

    @property
    def data(self) -> dict[str, Any]:
        return json.loads(self.scripts[0])


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def seed_report() -> tuple[RunResult, str]:
    config = resolve({"source-lang": "nb", "format": "html"}, None, SEED.parent)
    result = app.check([str(SEED)], config)
    return result, render(result)


def result_for(text: str, findings: list[Finding], path: str = "doc.txt") -> RunResult:
    return RunResult(findings, {path: LineIndex(text)}, 1, "error", texts={path: text})


def test_seed_findings_are_highlighted_in_place() -> None:
    result, html = seed_report()
    page = parse(html)
    for fid, finding in enumerate(result.findings):
        text = SEED.read_text(encoding="utf-8")[finding.span.start : finding.span.end]
        assert page.by_finding[fid] == text
        if finding.code == "TC101":
            assert page.by_finding[fid] == "CTSO"
    weekday = [n for n, f in enumerate(result.findings) if f.code == "TC202"]
    assert weekday and all(page.by_related[n] == "Wednesday, January 19" for n in weekday)


def test_seed_page_structure() -> None:
    result, html = seed_report()
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    boxes = {(a.get("data-filter"), a.get("value")) for t, a in page.tags if t == "input"}
    assert {("sev", "error"), ("sev", "warning"), ("sev", "info")} <= boxes
    assert {("code", "TC101"), ("code", "TC202"), ("code", "TC303")} <= boxes
    items = [a for t, a in page.tags if t == "li" and "finding" in (a.get("class") or "")]
    assert len(items) == len(result.findings)
    assert [i["data-code"] for i in items] == [f.code for f in result.findings]
    counts = result.counts()
    assert f"{counts['error']} errors" in html and counts["error"] >= 5
    tc101 = sum(f.code == "TC101" for f in result.findings)
    assert f"TC101 ×{tc101}" in html  # per-file summary
    data = page.data
    assert [f["code"] for f in data["findings"]] == [f.code for f in result.findings]
    tc303 = next(f for f in data["findings"] if f["code"] == "TC303")
    assert tc303["suggestion"] == "NOK 5,000" and tc303["line"] == 101
    tc202 = next(f for f in data["findings"] if f["code"] == "TC202")
    assert tc202["related"][0]["text"] == "Wednesday, January 19"
    assert tc202["related"][0]["file"] == 0
    # lines are numbered and anchored
    assert 'id="f0-L61"' in html and 'id="f0-L101"' in html


def test_self_contained() -> None:
    _, html = seed_report()
    page = parse(html)
    assert not [t for t, a in page.tags if t in ("link", "img", "iframe", "object")]
    assert not [a for _, a in page.tags if "src" in a]
    assert not re.search(r"https?://", html)
    assert "<style>" in html and len(page.scripts) == 2


HOSTILE = 'Click <a href="x">here</a> & see </script><script>alert("pwned")</script> CTSO <!-- x -->\n'


def test_html_in_the_checked_text_is_escaped() -> None:
    start = HOSTILE.index("CTSO")
    finding = Finding(
        "TC101",
        "forbidden-term",
        Severity.ERROR,
        "'CTSO' is forbidden </script><b>bold</b>",
        "a<b>&\"'.txt",
        Span(start, start + 4),
        suggestion="<i>CSTO</i>",
        related=(Related("a<b>&\"'.txt", Span(6, 26), "the <a> tag"),),
        data=frozen_map({"round_trip": "</script><script>alert(2)</script>"}),
    )
    result = result_for(HOSTILE, [finding], "a<b>&\"'.txt")
    html = render(result)
    assert "<script>alert" not in html
    assert '<a href="x">' not in html
    assert "<b>bold</b>" not in html and "<i>CSTO</i>" not in html
    assert html.count("<script") == 2
    page = parse(html)
    assert page.by_finding[0] == "CTSO"
    assert page.by_related[0] == '<a href="x">here</a>'
    assert page.data["findings"][0]["message"] == "'CTSO' is forbidden </script><b>bold</b>"
    assert page.data["findings"][0]["data"] == [["Round trip", "</script><script>alert(2)</script>"]]
    assert page.data["findings"][0]["path"] == "a<b>&\"'.txt"
    doc_text = "".join(re.findall(r'<span class="tx">(.*?)</span></div>', html, flags=re.S))
    assert "&lt;/script&gt;&lt;script&gt;alert(&quot;pwned&quot;)" in doc_text


def test_round_trip_text_is_shown() -> None:
    text = "The ministers met on Friday to discuss the new sanctions package.\n"
    finding = Finding(
        "TC501",
        "round-trip-drift",
        Severity.WARNING,
        "the round trip drifts (chrF 41.2)",
        "doc.txt",
        Span(0, len(text) - 1),
        data=frozen_map({"round_trip": "The ministers met on Friday about new punishments.", "chrf": 41.2}),
    )
    html = render(result_for(text, [finding]))
    assert "<dt>Round trip</dt><dd>The ministers met on Friday about new punishments.</dd>" in html
    assert "<dt>chrF</dt><dd>41.2</dd>" in html
    assert html.index("<dt>Round trip</dt>") < html.index("<dt>chrF</dt>")  # the text first


def test_overlapping_and_empty_spans() -> None:
    text = "Kassym-Jomart Tokayev met the CTSO.\nSecond line.\n"
    outer = Finding("TC102", "name-variant", Severity.WARNING, "variant", "doc.txt", Span(0, 21))
    inner = Finding("TC101", "forbidden-term", Severity.ERROR, "forbidden", "doc.txt", Span(7, 13))
    crossing = Finding("TC103", "x", Severity.INFO, "crosses a line", "doc.txt", Span(30, 42))
    empty = Finding("TC001", "unreadable-input", Severity.ERROR, "file-level", "doc.txt", Span(0, 0))
    findings = [empty, outer, inner, crossing]
    html = render(result_for(text, findings))
    page = parse(html)
    assert page.by_finding[1] == "Kassym-Jomart Tokayev"
    assert page.by_finding[2] == "Jomart"
    assert page.by_finding[3] == "CTSO.Second"  # split at the line end, both halves marked
    assert 'class="hl sev-error" data-f="1 2"' in html  # the overlap takes the worst severity
    assert 'class="hl pin sev-error" data-f="0"' in html


def test_findings_in_files_without_text_and_clean_runs() -> None:
    finding = Finding("TC001", "unreadable-input", Severity.ERROR, "not UTF-8", "bad.txt", Span(0, 0))
    html = render(RunResult([finding], {}, 0, "error"))
    assert "The text of this file is not available." in html
    assert "not UTF-8" in html
    clean = render(RunResult([], {}, 3, "error"))
    assert "No findings." in clean and "3 files checked" in clean


def test_texts_are_kept_only_when_needed(tmp_path: Path) -> None:
    for fmt, kept in (("json", False), ("text", False), ("html", True)):
        config = resolve({"source-lang": "nb", "format": fmt}, None, tmp_path)
        result = app.check([str(SEED)], config)
        assert bool(result.texts) is kept


@pytest.mark.parametrize("to_file", [True, False])
def test_cli(tmp_path: Path, to_file: bool) -> None:
    out = tmp_path / "report.html"
    args = ["check", str(SEED), "--source-lang", "nb", "--format", "html"]
    result = CliRunner().invoke(main, [*args, "--output", str(out)] if to_file else args)
    assert result.exit_code == 1
    html = out.read_text(encoding="utf-8") if to_file else result.stdout
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert 'data-code="TC101"' in html
