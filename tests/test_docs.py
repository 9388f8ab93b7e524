"""The README's rule table is generated from the checks' docstrings and must be current."""

from __future__ import annotations

from pathlib import Path

from tcheck.docs import rules_table, with_table

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_rule_table_is_current() -> None:
    text = README.read_text(encoding="utf-8")
    assert with_table(text) == text, "README rule table is stale: run `python -m tcheck.docs README.md`"


def test_table_lists_every_rule() -> None:
    from tcheck.registry import all_rules

    table = rules_table()
    for rule in all_rules():
        assert f"| {rule.code} | {rule.name} |" in table
