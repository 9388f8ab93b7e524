"""A run of forbidden terms alone (``--select TC101``) does not read pages that cannot hold one.

TC101 reports a place only where its matcher's automaton hits a key of a forbidden term; every
such key holds runs of letters and digits (its longest is kept, lower-cased:
:meth:`~tcheck.glossary.matcher.TermMatcher.selective_words`) that then stand, unchanged, in
the page's text, after a non-alphanumeric character where the key puts a word boundary before
them: readers of plain text and Markdown only blank markup out (into spaces), never add letters,
and markup ends in punctuation (``>``, ``;``, a backtick, ``]``, ``)``) or an underscore, which
the test also takes for a boundary. So a page in whose lower-cased text none of those runs
occurs has no TC101 finding, whatever its markup or inflections, and it is neither parsed nor
language-identified: it counts as a checked file with no findings, as it would have.

It applies only where that file's part of the report is known without reading it:

- the run selects TC101 and nothing else, without ``[[overrides]]``, the round trip, ``--source``
  or a report that shows texts (HTML, baselines);
- the file is plain text or Markdown (``.txt``, ``.text``, ``.md``, ``.markdown``) without front
  matter (which may name its languages) and without backslashes (escapes in front matter);
- its language comes from ``--target-lang`` or the repository layout (not from detection), and
  its source language from ``--source-lang``, or it has no original.
Otherwise, and whenever a run of the page occurs, the page is read and checked as always; when
a run occurs in most of the first pages tested (a glossary of everyday words), the test stops.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tcheck.engine import Input
from tcheck.glossary.words import MARK, lower_same_length, with_marks
from tcheck.pipeline.executor import DocResult, Job

SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
_FRONT_MATTER = ("---", "+++", "{")
GIVE_UP_AFTER = 64  # pages tested before a run in which most pass stops testing
MIN_WORD = 2  # shortest run searched anywhere in a word (CJK terms are often two characters)

Skip = Callable[[Input], list[DocResult] | None]


def term_prefilter(job: Job) -> Skip | None:
    """The test of :mod:`this module <tcheck.pipeline.prefilter>` for this run, or None when the
    run does not allow it."""
    from tcheck.registry import selected_rules

    config, ctx = job.config, job.ctx
    if job.source is not None or job.keep_texts or ctx.services is not None or config.overrides:
        return None
    if [rule.code for rule in selected_rules(config.select, config.ignore)] != ["TC101"]:
        return None
    if not ctx.glossaries:
        return None
    finders: dict[tuple[str | None, str | None], Any] = {}
    tally = [0, 0]  # pages tested, pages in which a run occurs

    def skip(item: Input) -> list[DocResult] | None:
        if tally[0] >= GIVE_UP_AFTER and 2 * tally[1] > tally[0]:
            return None  # the terms occur in most pages: the test costs more than it saves
        langs = _languages(item, config)
        if langs is None or Path(item.path).suffix.lower() not in SUFFIXES:
            return None
        if langs not in finders:
            finders[langs] = _finder(ctx.target_matcher_for(*langs).selective_words())
        finder = finders[langs]
        if finder is False:
            return None
        text = _text(item)
        if text is None or text.lstrip("\ufeff \t\r\n").startswith(_FRONT_MATTER) or "\\" in text:
            return None
        tally[0] += 1
        if callable(finder) and finder(lower_same_length(text).replace("ς", "σ")):
            tally[1] += 1
            return None  # a term may occur: read and check the page
        return [DocResult(item.shown, [], languages=langs)]

    return skip


def _finder(words: frozenset[tuple[str, bool]] | None) -> Callable[[str], bool] | bool | None:
    """Whether any of ``words`` occurs in a lower-cased text, after a non-alphanumeric character
    (or at the start) where so marked (None: no words, nothing occurs; False: the test cannot rule
    anything out)."""
    if words is None or any(len(word) < MIN_WORD and not bounded for word, bounded in words):
        return False  # a letter or two occurs in nearly every page
    if not words:
        return None
    import ahocorasick

    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for word, bounded in words:
        automaton.add_word(MARK + word if bounded else word)
    automaton.make_automaton()

    def occurs(low: str) -> bool:
        marked = with_marks(low).replace("_", MARK)  # markup may blank out an underscore
        return next(automaton.iter(marked), None) is not None

    return occurs


def _languages(item: Input, config: Any) -> tuple[str | None, str | None] | None:
    """The (source, target) languages the loader gives the file's document without reading it
    (see :func:`tcheck.loader.with_languages`), or None when that needs the page."""
    from tcheck.errors import UsageError
    from tcheck.loader import language_from_path
    from tcheck.locale import normalize_lang

    lang = config.target_lang or item.lang or (language_from_path(item.path) if item.lang is None else None)
    if not lang or (item.source is not None and not config.source_lang):
        return None
    try:
        return (normalize_lang(config.source_lang) if config.source_lang else None, normalize_lang(lang))
    except UsageError:
        return None


def _text(item: Input) -> str | None:
    """The file's text as the readers decode it, or None when it cannot be read (the reader then
    reports it as usual)."""
    from tcheck.errors import InputError
    from tcheck.formats import read_file

    try:
        return read_file(item.path, item.data)
    except (InputError, OSError):
        return None
