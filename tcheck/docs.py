"""Documentation generated from the checks' docstrings, so that it cannot drift from the code.

``python -m tcheck.docs README.md`` rewrites the rule table between the markers
``<!-- rules:start -->`` and ``<!-- rules:end -->``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tcheck.registry import all_rules

START = "<!-- rules:start -->"
END = "<!-- rules:end -->"


def rules_table() -> str:
    """A Markdown table of every check: code, name, default severity, what it needs, summary."""
    lines = ["| code | name | severity | needs | what it finds |", "|---|---|---|---|---|"]
    for rule in all_rules():
        needs = ", ".join(sorted(rule.needs)) or "–"
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| {rule.code} | {rule.name} | {rule.severity.label} | {needs} | {summary} |")
    return "\n".join(lines) + "\n"


def with_table(text: str) -> str:
    """``text`` with the block between the markers replaced by the current table."""
    head, sep, rest = text.partition(START)
    if not sep or END not in rest:
        raise ValueError(f"markers {START} ... {END} not found")
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{rules_table()}{END}{tail}"


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "README.md")
    text = path.read_text(encoding="utf-8")
    updated = with_table(text)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        print(f"updated the rule table in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
