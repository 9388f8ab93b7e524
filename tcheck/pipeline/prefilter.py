"""A run of forbidden terms alone (``--select TC101``) does not read pages that cannot hold one.

TC101 reports a place only where its matcher's automaton hits a key of a forbidden term; every
such key holds runs of letters and digits (:meth:`~tcheck.glossary.matcher.TermMatcher.selective_runs`,
lower-cased) that then all stand, unchanged, in the page's text, each after a non-alphanumeric
character where the key puts a word boundary before it: readers of plain text and Markdown only
blank markup out (into spaces), never add letters, and markup ends in punctuation (``>``, ``;``,
a backtick, ``]``, ``)``) or an underscore, which the test also takes for a boundary. So a page
that lacks one run of every forbidden key has no TC101 finding, whatever its markup or
inflections, and it is neither parsed nor language-identified: it counts as a checked file with
no findings, as it would have. The test is one Aho–Corasick pass over the page for each key's
longest run; only where one occurs are that key's other runs looked up (a termbase's
``nnonm-ilitary service`` is ruled out by ``nnonm`` in a page that says ``service``).

It applies only where that file's part of the report is known without reading it:

- the run selects TC101 and nothing else, without ``[[overrides]]``, the round trip, ``--source``
  or a report that shows texts (HTML, baselines);
- the file is plain text or Markdown (``.txt``, ``.text``, ``.md``, ``.markdown``) without front
  matter (which may name its languages) and without backslashes (escapes in front matter);
- its source language comes from ``--source-lang``, or it has no original, or the repository
  layout names its original's language and the original is plain text or Markdown with text (the
  loader takes that language once it has read the original).

A page whose language comes from ``--target-lang`` or the repository layout is tested with the
matcher of that language. A page whose language would be identified from its text is tested
with the matcher of every language some glossary has terms in (and of an unidentified one), and
is not read when none of them can match: its language is then never identified (identifying it
was most of the cost of such a run), and it counts as a document of unknown language, which the
notes on glossaries that fit no checked document do not name. A glossary that names no target
language (it serves any) keeps such pages read. Otherwise, and whenever a run of the page
occurs, the page is read and checked as always; when a key's runs occur in most of the first
pages tested (a glossary of everyday words), the test stops.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from tcheck import gcutil
from tcheck.engine import Input
from tcheck.glossary.model import Glossary, primary
from tcheck.glossary.runfinder import RunFinder
from tcheck.glossary.words import lower_same_length
from tcheck.pipeline.executor import DocResult, Job

SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
_FRONT_MATTER = ("---", "+++", "{")
GIVE_UP_AFTER = 64  # pages tested before a run in which most pass stops testing

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
    targets = _targets(ctx.glossaries)
    finders: dict[tuple[str | None, str | None], RunFinder | None] = {}
    tally = [0, 0]  # pages tested, pages in which all runs of a key occur
    readable = _readable_sources()

    def finder(pair: tuple[str | None, str | None]) -> RunFinder | None:
        if pair not in finders:
            with gcutil.paused():  # what is built here lives for the run
                finders[pair] = ctx.target_matcher_for(*pair).run_finder()
        return finders[pair]

    def skip(item: Input) -> list[DocResult] | None:
        if tally[0] >= GIVE_UP_AFTER and 2 * tally[1] > tally[0]:
            return None  # the terms occur in most pages: the test costs more than it saves
        langs = _languages(item, config, readable)
        if langs is None or os.path.splitext(item.path)[1].lower() not in SUFFIXES:
            return None
        source, lang = langs
        if lang is None and targets is None:
            return None  # a glossary of any target language: the page's language decides
        pairs = [langs] if lang is not None else [(source, target) for target in targets or ()]
        found = [finder(pair) for pair in pairs]
        if None in found:
            return None
        text = _text(item)
        if text is None or text.lstrip("\ufeff \t\r\n").startswith(_FRONT_MATTER) or "\\" in text:
            return None
        tally[0] += 1
        low = lower_same_length(text)
        if not low.isascii():
            low = low.replace("ς", "σ")
        if any(f.occurs(low) for f in found if f is not None):
            tally[1] += 1
            return None  # a term may occur: read and check the page
        return [DocResult(item.shown, [], languages=langs)]

    return skip


def _targets(glossaries: Sequence[Glossary]) -> tuple[str | None, ...] | None:
    """Every language a document may have for which some glossary has terms, and None (a
    language not identified); None when a glossary serves any language (it names no target)."""
    found: set[str] = set()
    for glossary in glossaries:
        own = glossary.languages if glossary.any_pair or glossary.multilingual else (glossary.target_lang,)
        if not own or None in own:
            return None
        found.update(primary(lang) for lang in own if lang)
    return (*sorted(found), None)


def _languages(
    item: Input, config: Any, readable: Callable[[str], bool]
) -> tuple[str | None, str | None] | None:
    """The (source, target) languages the loader gives the file's document without reading it
    (see :func:`tcheck.loader.with_languages`), the target None when it is identified from the
    page; None when the page must be read for them (its source language, a code that is none)."""
    from tcheck.loader import language_from_path

    source_lang = config.source_lang
    if item.source is not None and not source_lang:
        # the loader takes the layout's source language when the original is read: one that
        # cannot be (empty, not text) leaves the page without one
        if not item.source_lang or not readable(item.source):
            return None
        source_lang = item.source_lang
    lang = config.target_lang or item.lang or (language_from_path(item.path) if item.lang is None else None)
    return _normalized(source_lang, lang or None)


def _readable_sources() -> Callable[[str], bool]:
    """Whether the loader reads the original at a path: a plain text or Markdown file with text.
    An original is tested once for all its translations: those into one language come one after
    another, and the next language's come after them all, so the answers of a whole language's
    pages are kept."""

    @lru_cache(maxsize=4096)
    def readable(path: str) -> bool:
        return os.path.splitext(path)[1].lower() in SUFFIXES and _text(Input(path, path)) is not None

    return readable


@lru_cache(maxsize=256)
def _normalized(source_lang: str | None, lang: str | None) -> tuple[str | None, str | None] | None:
    """``(source_lang, lang)`` normalised (None when either is no language code)."""
    from tcheck.errors import UsageError
    from tcheck.locale import normalize_lang

    try:
        return (normalize_lang(source_lang) if source_lang else None, normalize_lang(lang) if lang else None)
    except UsageError:
        return None


def _text(item: Input) -> str | None:
    """The file's text as the readers decode it, or None when it cannot be read (the reader then
    reports it as usual)."""
    from tcheck.errors import InputError
    from tcheck.formats import decode

    try:
        if item.data is not None:
            return decode(item.path, item.data)
        with open(item.path, "rb") as handle:
            return decode(item.path, handle.read())
    except (InputError, OSError):
        return None
