"""A Markdown summary of a run, for GitHub Actions' job summary (``$GITHUB_STEP_SUMMARY``).

Counts per code and per language, then the first findings with links to their lines (on the
commit checked, when the workflow's ``GITHUB_SERVER_URL``, ``GITHUB_REPOSITORY`` and
``GITHUB_SHA`` are set). Text from the checked files is escaped so it cannot become Markdown or
HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from urllib.parse import quote

from tcheck.engine import RunResult
from tcheck.model import Finding
from tcheck.reporters import located, pairing_lines

FIRST = 50  # findings listed with links
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&])")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line: special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _language(finding: Finding, langs: Mapping[str, str | None]) -> str:
    return langs.get(finding.path) or "–"


def _link(path: str, line: int, environ: Mapping[str, str]) -> str:
    label = escape(f"{path}:{line}")
    server, repo, sha = (environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if not (server and repo and sha) or path.startswith(("/", "..")):
        return label
    return f"[{label}]({server}/{repo}/blob/{sha}/{quote(path)}#L{line})"


def render(result: RunResult, environ: Mapping[str, str]) -> str:
    """The job summary of ``result``."""
    counts = result.counts()
    total = len(result.findings)
    langs = result.doc_langs
    lines = [
        "## tcheck",
        "",
        f"{total} finding{'s' if total != 1 else ''} ({counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} info) in {result.files_checked} file{'s' if result.files_checked != 1 else ''}.",
        "",
    ]
    lines += [f"> {escape(line)}" for line in pairing_lines(result)]
    if not total:
        return "\n".join(lines) + "\n"
    by_code = Counter((f.code, f.name) for f in result.findings)
    lines += ["", "| code | check | findings |", "|---|---|---:|"]
    lines += [f"| {code} | {escape(name)} | {n} |" for (code, name), n in sorted(by_code.items())]
    by_lang = Counter(_language(f, langs) for f in result.findings)
    if any(lang != "–" for lang in by_lang):
        lines += ["", "| language | findings |", "|---|---:|"]
        lines += [f"| {escape(lang)} | {n} |" for lang, n in by_lang.most_common()]
    shown = result.findings[:FIRST]
    lines += ["", f"### First {len(shown)} of {total} findings" if total > len(shown) else "### Findings", ""]
    for finding in shown:
        item = located(result, finding)
        message = escape(item["message"])
        if item["suggestion"]:
            message += f" (suggestion: {escape(str(item['suggestion']))})"
        lines.append(
            f"- {_link(item['path'], item['line'], environ)} **{item['code']}** {item['severity']}: {message}"
        )
    return "\n".join(lines) + "\n"
