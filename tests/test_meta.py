"""Every registered check documents itself and has failing and passing fixtures.

Fixtures live in ``tests/fixtures/checks/<CODE>/``: files named ``fail-*`` must produce the code,
files named ``pass-*`` must not. A sidecar ``<fixture>.toml`` gives settings (``source-lang``,
``target-lang``, ``glossary``, ``source``, ``select`` ...) and, for fail fixtures, optionally
``expect = [lines]``: the exact lines the code must be reported on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CHECK_FIXTURES, findings, fixture_settings, run_fixture
from tcheck.registry import all_rules

RULES = all_rules()


def _fixtures(code: str, kind: str) -> list[Path]:
    folder = CHECK_FIXTURES / code
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.startswith(f"{kind}-") and p.suffix != ".toml")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_documented(rule) -> None:
    assert rule.summary, f"{rule.code} has no docstring summary"
    for part in ("What it does", "Why it matters", "Example"):
        assert part in rule.doc, f"{rule.code} docstring lacks '{part}'"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_fixtures(rule) -> None:
    assert _fixtures(rule.code, "fail"), f"{rule.code}: no failing fixture in {CHECK_FIXTURES / rule.code}"
    assert _fixtures(rule.code, "pass"), f"{rule.code}: no passing fixture in {CHECK_FIXTURES / rule.code}"


CASES = [(r.code, p) for r in RULES for kind in ("fail", "pass") for p in _fixtures(r.code, kind)]
# Fixtures whose sidecar names tiny Argos models (round-trip checks) build and install them.
PARAMS = [
    pytest.param(
        c, p, id=f"{c}/{p.name}", marks=[pytest.mark.model] if "models" in fixture_settings(p) else []
    )
    for c, p in CASES
]


@pytest.mark.parametrize(("code", "path"), PARAMS)
def test_fixture(code: str, path: Path) -> None:
    result = run_fixture(path)
    found = findings(result, code)
    if path.name.startswith("fail-"):
        assert found, f"{path.name}: expected {code}, got {[f['code'] for f in findings(result)]}"
        expected = fixture_settings(path).get("expect")
        if expected is not None:
            assert sorted({f["line"] for f in found}) == sorted(expected)
    else:
        assert not found, f"{path.name}: unexpected {code}: {[f['message'] for f in found]}"
