"""``tcheck init``: look at a content repository and write a configuration a run uses as is.

:func:`survey` reads the repository the way a run pairs it (:mod:`tcheck.bilingual.pairing`):
the layout (Hugo ``content/{lang}/`` or ``page.{lang}.md``, Docusaurus ``i18n/{lang}/...``,
``{lang}/`` folders; the site's own configuration where present), the source language, the
languages of the translations, the files per language, how many translations found their
original and which did not.

:func:`write_project` writes ``tcheck.toml`` and, per language pair, a starter glossary
(:mod:`tcheck.project.starter_glossary`). On a site with a layout no single ``target-lang`` is written:
each file's language comes from the layout, and each translation language gets an
``[[overrides]]`` block with its pair's glossary. In a folder without a layout, ``--source-lang``
and ``--target-lang`` name the one pair and the configuration pins them.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tcheck.bilingual.pairing import pair_inputs, summarise
from tcheck.bilingual.site import DOCUSAURUS_CONFIGS, HUGO_CONFIGS, read_site
from tcheck.engine import discover
from tcheck.errors import UsageError
from tcheck.locale import normalize_lang
from tcheck.project.starter_glossary import Row, glossary_text, starter_rows

__all__ = ["Row", "Survey", "glossary_text", "render_config", "starter_rows", "survey", "write_project"]

CONFIG_NAME = "tcheck.toml"
FAMILIES = {
    "TC0": "input",
    "TC1": "terminology",
    "TC2": "dates and times",
    "TC3": "numbers and currency",
    "TC4": "language",
    "TC5": "round trip",
    "TC6": "markup, code and links",
}


@dataclass
class Survey:
    """What ``tcheck init`` found in a repository."""

    root: Path
    layout: str | None  # e.g. "Hugo site (config.toml), language folders"; None: no layout
    source_lang: str | None
    files: dict[str, int] = field(default_factory=dict)  # per language, the source's included
    paired: dict[str, int] = field(default_factory=dict)  # translations with their original
    unpaired: dict[str, list[str]] = field(default_factory=dict)  # translations without one
    without_language: int = 0  # files the layout gives no language

    @property
    def targets(self) -> list[str]:
        """The translation languages, by code."""
        return sorted(lang for lang in self.files if lang != self.source_lang)

    def lines(self) -> list[str]:
        """What was found, in words (printed by ``tcheck init``)."""
        if self.layout is None:
            return [f"{self.root}: no language layout found ({self.without_language} files)"]
        out = [f"{self.root}: {self.layout}; source language {self.source_lang}"]
        width = max(len(lang) for lang in self.files)
        for lang in sorted(self.files, key=lambda code: (code != self.source_lang, code)):
            count = self.files[lang]
            line = f"  {lang:<{width}}  {count:>5} file{'s' if count != 1 else ' '}"
            if lang == self.source_lang:
                line += "  (source)"
            else:
                missing = len(self.unpaired.get(lang, []))
                line += f"  {self.paired.get(lang, 0)} paired with their source, {missing} without a source"
            out.append(line)
        if self.without_language:
            out.append(f"  {self.without_language} files without a language in the layout (checked alone)")
        return out


def _layout_name(root: Path, langs: dict[str, int], paths: list[str]) -> str:
    site = None
    for name in (*DOCUSAURUS_CONFIGS, *HUGO_CONFIGS):
        if (root / name).is_file():
            kind = "Docusaurus" if name in DOCUSAURUS_CONFIGS else "Hugo"
            site = f"{kind} site ({name})"
            break
    parts = []
    if any("/i18n/" in f"/{p}" and "docusaurus-plugin" in p for p in paths):
        parts.append("i18n/{lang}/ translations of docs/, blog/ and pages")
    if any(f"/{lang}/" in f"/{p}" for p in paths for lang in langs if not p.startswith("i18n/")):
        parts.append("{lang}/ folders")
    if any(f".{lang}." in Path(p).name for p in paths for lang in langs):
        parts.append("page.{lang}.md names")
    return ", ".join(filter(None, [site, " and ".join(parts) or None]))


def survey(root: Path, source_lang: str | None = None) -> Survey:
    """Read the repository at ``root`` as a run pairs it (see the module)."""
    if not root.is_dir():
        raise UsageError(f"{root}: not a folder")
    source = normalize_lang(source_lang) if source_lang else None
    inputs = pair_inputs(discover([str(root)]), source, {})
    langs = Counter(item.lang for item in inputs if item.lang)
    if not langs:
        return Survey(root, None, source, without_language=len(inputs))
    if source is None:
        found = Counter(item.source_lang for item in inputs if item.source_lang)
        declared = read_site(root).default_lang
        source = found.most_common(1)[0][0] if found else declared or "en"
    files = {lang: n for lang, n in sorted(langs.items())}
    src_code = next((lang for lang in files if _same(lang, source)), source)
    # Originals outside the language folders (Docusaurus docs/) count as source files.
    originals = {os.path.abspath(item.source) for item in inputs if item.source}
    extra = [item for item in inputs if not item.lang and os.path.abspath(item.path) in originals]
    files[src_code] = files.get(src_code, 0) + len(extra)
    pairing = summarise(inputs)
    paths = [os.path.relpath(item.path, root) for item in inputs if item.lang]
    return Survey(
        root,
        _layout_name(root, files, [Path(p).as_posix() for p in paths]),
        src_code,
        files,
        {lang: p.paired for lang, p in pairing.items()},
        {lang: p.unpaired for lang, p in pairing.items()},
        sum(1 for item in inputs if not item.lang) - len(extra),
    )


def _same(a: str, b: str) -> bool:
    return a.lower().replace("_", "-") == b.lower().replace("_", "-") or a == normalize_lang(b)


def _glossary_name(source: str, target: str) -> str:
    return f"glossaries/{source.replace('_', '-')}-{target.replace('_', '-')}.csv"


def _families() -> str:
    from tcheck.registry import all_rules

    present = {rule.code[:3] for rule in all_rules()}
    return ", ".join(f"{p} = {name}" for p, name in FAMILIES.items() if p in present)


def render_config(found: Survey, targets: list[str], pinned: str | None = None) -> str:
    """The text of ``tcheck.toml`` for ``found`` and the chosen translation languages."""
    source = found.source_lang or ""
    head = [
        "# tcheck configuration, written by `tcheck init`. Command-line options win over this file.",
        "# Every key mirrors an option of `tcheck check`; `tcheck rules` lists the checks and",
        "# `tcheck explain CODE` documents one of them and its options.",
        "",
    ]
    if pinned:
        head += [
            "# Language of the source text and of the checked (translated) text.",
            f'source-lang = "{source}"',
            f'target-lang = "{pinned}"  # remove to take each file\'s language from its front matter or text',
            "",
            "# Glossaries (CSV/TSV, TOML or TBX), relative to this file. The glossaries shipped with",
            "# tcheck are used as well unless default-glossaries is false.",
            f'glossary = ["{_glossary_name(source, pinned)}"]',
        ]
    else:
        head += [
            f"# Found: {found.layout}.",
            "# The source language; each file's own language comes from the layout (no target-lang",
            "# here: a target-lang would apply one language to every file).",
            f'source-lang = "{source}"',
            "",
            "# Glossaries for every file (CSV/TSV, TOML or TBX), relative to this file; each language's",
            "# starter glossary is added by its [[overrides]] block below. The glossaries shipped with",
            "# tcheck are used as well unless default-glossaries is false.",
            '# glossary = ["glossaries/house.csv"]',
        ]
    head += [
        "# default-glossaries = true",
        "",
        f"# Which checks run: code prefixes, the most specific wins ({_families()}).",
        '# select = ["TC1", "TC2", "TC3"]',
        '# ignore = ["TC205"]',
        "",
        "# Files to skip inside the folders you check (glob patterns).",
        '# exclude = ["drafts/**", "archive/*.md"]',
        "",
        "# Lowest severity that makes the run fail: error, warning, info or never.",
        'fail-on = "error"',
        "",
        "# Output: text, json, sarif, github or html (html is one self-contained page; use --output).",
        '# format = "text"',
        "",
        "# Processes to check files with; 0 means one per core. The output is the same for any number.",
        "# jobs = 0",
        "",
        "# Hide the findings recorded with `tcheck check --write-baseline tcheck-baseline.json`.",
        '# baseline = "tcheck-baseline.json"',
        "",
        "# Severity per code prefix, the most specific wins.",
        "# [severity]",
        '# TC3 = "error"',
        '# TC205 = "info"',
        "",
        "# Options of one check (documented in `tcheck explain CODE`).",
        "# [options.TC303]",
        '# assumed-currencies = ["USD", "EUR"]',
    ]
    if not pinned:
        head += [
            "",
            '# Settings per language (and per path: paths = ["content/ja/**"]); a block may set select,',
            "# ignore, severity, options, glossary and (by paths) target-lang for its files.",
        ]
        for lang in targets:
            count = found.files.get(lang, 0)
            head += [
                "",
                f"[[overrides]]  # {count} file{'s' if count != 1 else ''}",
                f'languages = ["{lang}"]',
                f'glossary = ["{_glossary_name(source, lang)}"]',
                '# ignore = ["TC403"]',
                '# severity = { TC102 = "error" }',
            ]
    return "\n".join(head) + "\n"


def write_project(
    directory: Path,
    source: str | None = None,
    targets: tuple[str, ...] = (),
    force: bool = False,
) -> tuple[Survey, list[Path]]:
    """Survey ``directory`` and write ``tcheck.toml`` and the starter glossaries into it.

    A site with a layout needs no languages (``source`` and ``targets`` narrow what was found);
    a folder without one needs ``source`` and exactly one target, which the configuration pins.
    """
    found = survey(directory, source)
    wanted = [normalize_lang(t) for t in targets]
    pinned = None
    if found.layout is None:
        if not found.source_lang or len(wanted) != 1:
            raise UsageError(
                f"{directory}: no language layout found (content/{{lang}}/, i18n/{{lang}}/, page.{{lang}}.md); "
                "give --source-lang and one --target-lang"
            )
        pinned = wanted[0]
        chosen = [pinned]
    else:
        chosen = [t for t in found.targets if not wanted or any(_same(t, w) for w in wanted)]
        if wanted and not chosen:
            raise UsageError(
                f"{directory}: no files in {', '.join(targets)} (found: {', '.join(found.targets)})"
            )
    source_lang = found.source_lang or ""
    for lang in chosen:
        if normalize_lang(lang) == normalize_lang(source_lang):
            raise UsageError(f"source and target language are both {normalize_lang(source_lang)!r}")
    files = {directory / CONFIG_NAME: render_config(found, chosen, pinned)}
    for lang in chosen:
        files[directory / _glossary_name(source_lang, lang)] = glossary_text(source_lang, lang)
    existing = [str(p) for p in files if p.exists()]
    if existing and not force:
        raise UsageError(
            f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; use --force"
        )
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return found, list(files)
