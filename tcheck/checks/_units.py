"""TC401/TC403 in a bilingual file with no one target language: each unit judged as its own.

A PO file without a ``Language:`` header can hold the translations of one text into ten languages
(an NTREX test set: 1,997 units each of German, French, Spanish, Russian, Chinese ...). Detecting
the file's language from its first units named German its target, and nine units in ten were
then reported as "in French, not German": 16,662 findings against a target the file never had.
The loader detects such a file from a sample of its units (:func:`tcheck.loader.unit_languages`,
``metadata["unit-languages"]``); here each unit is the target of its own sentences, and the one
thing a linter can still tell without a target is reported: text left in the *source* language
(a sentence of English in a French unit, a unit not translated at all). Units in another of the
file's languages are not findings; TC402 still reports copies of the source.

Cheap evidence first. A sentence can be named as the source language only when it holds a function
word of the source that its unit's language does not share (:func:`~tcheck.checks._evidence.clause_words`:
TC401 and TC403 both require one), so a unit with no function word of the source at all (every
Russian, Chinese, Arabic unit, and most Latin ones) costs a regular-expression search and a set
test; only the others get a language of their own (script, then the n-gram scorer among the
file's languages of that script) and the usual sentence analysis against it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tcheck.checks._evidence import Settings, _owners, relatives
from tcheck.checks._language import (
    _BLOCK,
    DEFAULT_POOL,
    Sentence,
    as_source,
    function_words_needed,
    is_copy,
    judge_block,
    plausible_for,
    sentence_windows,
)
from tcheck.checks._tokens import Scan, scan
from tcheck.context import Context
from tcheck.language.function_words import distinctive, function_words
from tcheck.language.scripts import LATIN, char_script, lang_script, wide
from tcheck.locale import primary
from tcheck.locale.memo import forget_with_document
from tcheck.model import Document, Segment

UNIT_LANGUAGES = "unit-languages"  # the loader's metadata key (tcheck.loader.UNIT_LANGUAGES)
_RUN = re.compile(r"[^\W\d_]+")  # a run of letters: a superset of the words _tokens gives
_PIECE = re.compile(r"[A-Za-z]+|[^\W\d_A-Za-z]+")  # a run's ASCII letters, and the others
_targets: dict[int, tuple[Document, dict[int, str | None]]] = {}
forget_with_document(_targets.clear)


def spread(doc: Document) -> tuple[str, ...] | None:
    """The languages of the units of a file with no one target language, commonest first; None
    for a file with one (see the module docstring)."""
    found = doc.metadata.get(UNIT_LANGUAGES)
    return tuple(found.split()) if found else None


def unit_target(doc: Document, seg: Segment) -> str | None:
    """The language of ``seg``, a unit of ``doc`` (a file with no one target language): the
    language of its letters among the file's languages but the source (see :func:`_language_of`),
    computed once per unit; None when none of them is written in its script."""
    hit = _targets.get(id(doc))
    if hit is None or hit[0] is not doc:
        _targets.clear()
        hit = _targets[id(doc)] = (doc, {})
    known = hit[1]
    if id(seg) not in known:
        source = primary(doc.source_lang) if doc.source_lang else ""
        candidates = tuple(lang for lang in spread(doc) or () if primary(lang) != source)
        known[id(seg)] = _language_of(_RUN.findall(seg.text), candidates, source)
    return known[id(seg)]


def analyse_units(
    doc: Document, ctx: Context, settings: Settings, run_settings: Settings | None
) -> list[Sentence]:
    """:func:`~tcheck.checks._language.analyse` for a file with no one target language: the
    sentences (TC401) and runs (TC403) in the source language, each unit judged against its
    own language (see the module docstring); nothing without a source language."""
    languages = spread(doc)
    if not languages or not doc.source_lang:
        return []
    source = primary(doc.source_lang)
    own_words = function_words(source)
    pool = tuple(ctx.option("TC401", "languages", DEFAULT_POOL, list))
    candidates = tuple(lang for lang in languages if primary(lang) != source)
    _targets.clear()
    targets: dict[int, str | None] = {}
    _targets[id(doc)] = (doc, targets)
    blocks: dict[tuple[str, ...], list[tuple[Segment, int, int, str, Scan]]] = {}
    found: list[Sentence] = []
    for seg in doc.segments:
        if is_copy(seg) or seg.lang is not None:
            continue
        runs = _RUN.findall(seg.text)
        if own_words is not None and own_words.isdisjoint(w.lower() for w in runs):
            continue  # not one function word of the source: no sentence of it to find
        target = targets[id(seg)] = _language_of(runs, candidates, source)
        langs = plausible_for(target, doc.source_lang, pool) if target else None
        if target is None or langs is None:
            continue
        telling = distinctive(source, target)
        same_script = (lang_script(target) or LATIN) == (lang_script(source) or LATIN)
        for start, end, sentence in sentence_windows(seg):
            if telling is not None and _too_few(
                _RUN.findall(sentence), telling, same_script, settings, run_settings
            ):
                continue  # TC401 and TC403 name the source only where its function words are
            block = blocks.setdefault(langs, [])
            block.append((seg, start, end, sentence, scan(sentence)))
            if len(block) >= _BLOCK:
                _judge(block, langs, settings, run_settings, source, found)
                block.clear()
    for langs, block in blocks.items():
        _judge(block, langs, settings, run_settings, source, found)
    order = {id(seg): i for i, seg in enumerate(doc.segments)}
    found.sort(key=lambda s: (order[id(s[0])], s[1]))
    return found


def _too_few(
    runs: list[str],
    telling: frozenset[str],
    same_script: bool,
    settings: Settings,
    run_settings: Settings | None,
) -> bool:
    """Whether a sentence (its runs of letters) holds too few of the source's ``telling``
    function words for TC401 to name the source (TC403: none at all). TC401 asks more of a short
    sentence of the target's script (:func:`~tcheck.checks._language.function_words_needed`);
    counted over all its letters, the number needed is never more than the check's own."""
    found = sum(1 for run in runs if run.lower() in telling)
    if found == 0:
        return True
    if run_settings is not None or not same_script:
        return False
    return found < function_words_needed(sum(map(len, runs)), settings)


def _judge(
    block: list[tuple[Segment, int, int, str, Scan]],
    langs: tuple[str, ...],
    settings: Settings,
    run_settings: Settings | None,
    source: str,
    found: list[Sentence],
) -> None:
    """Judge a block of sentences of units in ``langs[0]``, keeping what is in the source."""
    from tcheck.services.langid import scorer

    judged: list[Sentence] = []
    judge_block(block, scorer(langs), langs, settings, run_settings, judged)
    for seg, start, end, run, whole in judged:
        if whole is not None:
            if as_source(whole.lang, source) == source:
                found.append((seg, start, end, None, whole))
        elif run is not None and as_source(run.lang, source) == source:
            found.append((seg, start, end, run, None))


def _language_of(runs: list[str], candidates: tuple[str, ...], source: str) -> str | None:
    """The language of a unit (its runs of letters) among ``candidates`` (the file's languages
    but the source): those written in its main script, where, as in :mod:`~tcheck.checks._words`,
    a character of a script written without spaces counts three letters and a capitalised Latin
    word a quarter of its letters; the source's script counts only when no other has a quarter
    of them (an English sentence after a Russian one leaves the unit Russian). Among several
    languages of the script: Hangul, kana or Chinese characters first; then the one with the
    most function words, when it has two or more and more than any other language but its
    close relatives; else the naive-Bayes choice of the n-gram profiles."""
    letters: dict[str, int] = {}
    for run in runs:
        if run.isascii():  # a capitalised word (a name) counts a quarter, as in _words
            letters[LATIN] = letters.get(LATIN, 0) + len(run) * (1 if run[0].isupper() else 4)
            continue
        # a run may change script ("NHS工作人员", "MengaがConnor"): its ASCII and other pieces
        for piece in _PIECE.findall(run):
            script = LATIN if piece.isascii() else char_script(piece[0])
            letters[script] = letters.get(script, 0) + len(piece) * (12 if wide(script) else 4)
    if not letters:
        return None
    own = lang_script(source) or LATIN
    others = {script: n for script, n in letters.items() if script != own}
    if others and 4 * max(others.values()) >= sum(letters.values()):
        letters = others
    written = _written_in(candidates, max(letters, key=letters.__getitem__))
    if len(written) > 1 and ("ja" in written or "ko" in written):
        from tcheck.services.langid import narrow

        written = narrow(runs, written)  # Hangul, kana, or Chinese
    if len(written) < 2:
        return written[0] if written else None
    votes = [0] * len(written)
    owners = _owners(written).get
    for run in runs:
        for i in owners(run.lower(), ()):
            votes[i] += 1
    top = max(votes)
    leaders = [lang for lang, n in zip(written, votes, strict=True) if n == top]
    if top >= 2 and (len(leaders) == 1 or all(lang in relatives(leaders[0]) for lang in leaders)):
        return leaders[0]  # Danish or Norwegian: judged alike (their relatives leave the pool)
    from tcheck.services.langid import scorer

    sums, grams = scorer(written).total(runs[:_SAMPLE_WORDS])
    if not grams:
        return None
    return written[max(range(len(written)), key=sums.__getitem__)]


_SAMPLE_WORDS = 300  # of a unit's runs of letters, scored to name its language


@lru_cache(maxsize=64)
def _written_in(candidates: tuple[str, ...], script: str) -> tuple[str, ...]:
    return tuple(lang for lang in candidates if (lang_script(lang) or LATIN) == script)
