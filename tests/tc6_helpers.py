"""Running a TC6xx check on a translated page and its source written to a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import findings, run_paths


def check_pair(
    tmp_path: Path, code: str, source: str, target: str, lang: str, suffix: str = ".md", **settings: Any
) -> list[dict[str, Any]]:
    """Findings of ``code`` on ``target`` (in ``lang``) checked against ``source`` (English)."""
    src = tmp_path / f"source{suffix}"
    src.write_text(source, encoding="utf-8")
    path = tmp_path / f"page.{lang}{suffix}"
    path.write_text(target, encoding="utf-8")
    return findings(run_paths([path], source=src, source_lang="en", target_lang=lang, **settings), code)


def check_file(tmp_path: Path, code: str, name: str, text: str, **settings: Any) -> list[dict[str, Any]]:
    """Findings of ``code`` on one bilingual file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return findings(run_paths([path], **settings), code)


def po(lang: str, *entries: tuple[str, str, str]) -> str:
    """A PO file in ``lang`` translated from English: entries of (flags, msgid, msgstr)."""
    head = f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"X-Source-Language: en\\n"\n'
    body = []
    for flags, msgid, msgstr in entries:
        lines = [f"#, {flags}"] if flags else []
        lines += [f'msgid "{msgid}"', f'msgstr "{msgstr}"']
        body.append("\n".join(lines))
    return head + "\n" + "\n\n".join(body) + "\n"
