"""Language evidence for the TC4xx checks: which sentences and runs of words are not in the target.

Cheap first: each word is scored once (cached) under the profiles of the plausible languages, and a
sentence's evidence is the sum over its words. When the target language wins clearly, the sentence
is settled without langdetect; so is a sentence whose likelihood under one other language (or a
group of close relatives: Norwegian or Danish) beats every other by ``CLEAR_GAP`` nats while its
function words agree (:func:`~tcheck.checks._evidence.clear_choice`): a unit of a PO file left
in French or Chinese costs a fraction of a millisecond. Only when the evidence is close, or the
function words point elsewhere, does langdetect (seeded, restricted to the plausible languages)
have the last word. Technical strings
(identifiers, paths, flags, URLs, versions, placeholders, acronyms: see ``_tokens``) are no
evidence at all and break runs; names (capitalised words inside a sentence) count little.

Two more kinds of evidence decide what is reported:

- Script. A language is only ever named for text in its own script. A sentence mostly in another
  script than the target's (English in a Japanese page, Cyrillic in an English one) is strong
  evidence even when short; the language is chosen among the plausible ones written in that script
  (or, when none is, every language langdetect knows in it).
- Function words (``tcheck/data/function_words.toml``). Within the target's script, and for runs
  inside a sentence, the stretch must hold several function words of the language named (not
  shared with the target): a clause, not a row of nouns and product names ("Helm chart, service
  mesh" in a Korean or Vietnamese sentence is terminology, not an untranslated clause).

Plausible languages: the target, the source, and a pool of common languages (option
``languages`` of TC401), without the target's close relatives (``nb``/``da``/``sv`` ...) unless one
of them is the source: telling a Norwegian sentence from a Danish one inside a Norwegian text is not
what these checks are for.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tcheck.checks._evidence import (
    Settings,
    Verdict,
    clause_words,
    clear_choice,
    confirm,
    full_tokens,
    listing,
    probabilities,
    relatives,
)
from tcheck.checks._settle import settled, settled_text, telling_words
from tcheck.checks._sums import raw_sums, sentence_sums
from tcheck.checks._tokens import Scan, scan
from tcheck.checks._words import Words, words
from tcheck.context import Context
from tcheck.language.purescore import affordable
from tcheck.language.scripts import LATIN, lang_script, wide
from tcheck.locale import primary
from tcheck.locale.memo import forget_with_document
from tcheck.model import Document, Segment

if TYPE_CHECKING:
    from tcheck.language.profiles import Scorer

DEFAULT_POOL = ("en", "de", "fr", "es", "it", "nl", "pt", "nb", "da", "sv", "fi", "pl")


def plausible(doc: Document, ctx: Context, code: str = "TC401") -> tuple[str, ...] | None:
    """Target first, then the other plausible languages (all with a langdetect profile)."""
    if not doc.lang:
        return None
    pool: Sequence[str] = ctx.option(code, "languages", DEFAULT_POOL, list)
    return plausible_for(doc.lang, doc.source_lang, tuple(pool))


@lru_cache(maxsize=256)
def plausible_for(target: str, source: str | None, pool: tuple[str, ...]) -> tuple[str, ...] | None:
    """:func:`plausible` for a target language, a source language and a pool of languages."""
    from tcheck.services.langid import supported

    if not supported(target):
        return None
    near = relatives(target)
    langs = [primary(target)]
    candidates = [source] if source else []
    candidates += [p for p in pool if primary(p) not in near]
    for lang in candidates:
        base = primary(lang)
        if base not in langs and supported(base) and not (source and base == primary(target)):
            langs.append(base)
    return tuple(langs) if len(langs) > 1 else None


def judge(
    text: str, items: Words, langs: tuple[str, ...], settings: Settings, offset: int = 0
) -> Verdict | None:
    """Whether ``text`` (described by ``items``; its offsets start at ``offset``) is in another
    language than ``langs[0]``. A list of words (``[and], [or], [not]``) is not a sentence."""
    if not len(items):
        return None
    script = lang_script(langs[0]) or LATIN
    if items.foreign > items.own:
        verdict = _other_script(items, langs, script, settings)
        if verdict is None or listing(text, offset, items, 0, len(items) - 1):
            return None
        return verdict
    if not needs_scores(items, settings):
        return None
    same = _same_script(langs)
    if not same:
        return None  # no plausible language shares the target's script
    sums, grams, count, letters, rows = sentence_sums(items, langs)
    if count < settings.min_words or grams <= 0:
        return None
    full = full_tokens(items)
    if letters < settings.min_letters:  # short: only several function words can tell
        needed_words = settings.min_function_words + 1
        if all((clause_words(full, langs[i + 1], langs[0]) or 0) < needed_words for i in same):
            return None
    needed = settings.clear if letters >= settings.short_letters else settings.short_clear
    if (sums[0] - max(sums[i + 1] for i in same)) / grams >= needed:
        return None  # the target language's own evidence settles it: no langdetect needed
    sample = " ".join(items.tokens)
    raw = raw_sums(items, rows)  # unweighted: the evidence langdetect would weigh
    columns = [0, *(i + 1 for i in same)]
    chosen = (langs[0], *(langs[i + 1] for i in same))
    found = confirm(sample, chosen, settings, [raw[c] for c in columns], full)
    if found is None or listing(text, offset, items, 0, len(items) - 1):
        return None
    clause = clause_words(full, found[0], langs[0])
    if clause is None:
        if letters < settings.min_letters:
            return None  # too short to tell without function words
    elif clause < function_words_needed(letters, settings):
        return None  # a row of nouns and names, not a sentence of that language
    return Verdict(items.starts[0], items.ends[-1], found[0], found[1])


@lru_cache(maxsize=64)
def _same_script(langs: tuple[str, ...]) -> tuple[int, ...]:
    """Positions in ``langs[1:]`` of the languages written in the script of ``langs[0]``."""
    script = lang_script(langs[0]) or LATIN
    return tuple(i for i, lang in enumerate(langs[1:]) if (lang_script(lang) or LATIN) == script)


def needs_scores(items: Words, settings: Settings) -> bool:
    """Whether :func:`judge` asks for the words' matrix of scores of a sentence mostly in the
    target's script: ``min_words`` words or more, and the most favourable other language does
    not lose clearly (bound by the words' gaps)."""
    if len(items) < settings.min_words:
        return False
    gain, grams = items.bound()
    return grams > 0 and -gain / grams < settings.clear


def function_words_needed(letters: int, settings: Settings) -> int:
    """Function words a sentence of ``letters`` letters needs: one from ``short_letters`` on,
    ``min_function_words`` from ``min_letters`` on, one more below."""
    if letters >= settings.short_letters:
        return 1
    return settings.min_function_words + (letters < settings.min_letters)


def _other_script(items: Words, langs: tuple[str, ...], own: str, settings: Settings) -> Verdict | None:
    """A sentence mostly in a script the target does not use: which language of that script."""
    if items.own > settings.mixed_share * (items.own + items.foreign):
        return None  # a mixed sentence: TC403's business
    script = items.main_script(own)
    if script is None:
        return None
    chosen = [i for i, s in enumerate(items.scripts) if s == script]
    tokens = [items.tokens[i] for i in chosen]
    letters = sum(map(len, tokens))
    if wide(script):
        if letters < settings.other_chars:
            return None
    else:
        ordinary = sum(1 for i in chosen if items.weights[i] >= 1)
        if len(chosen) < settings.other_words or ordinary < settings.other_ordinary:
            return None
        if letters < settings.other_letters:
            return None
    candidates = [lang for lang in langs[1:] if lang_script(lang) == script] or script_languages(script)
    found = _name(tokens, [items.tokens[i] for i in chosen if items.weights[i] >= 1], candidates, langs[0])
    if found is None:
        return None
    return Verdict(items.starts[chosen[0]], items.ends[chosen[-1]], found[0], found[1])


def _name(
    tokens: list[str], full: list[str], candidates: Sequence[str], target: str
) -> tuple[str, float] | None:
    """The language of ``tokens`` among ``candidates``: the naive-Bayes choice when it is clear
    (:func:`~tcheck.checks._evidence.clear_choice`; Han, kana and Hangul first narrow the CJK
    languages), else langdetect's when it is sure, else the candidate with the most function
    words; None when none settles it."""
    if not candidates:
        return None
    from tcheck.services.langid import narrow, scorer

    candidates = narrow(tokens, tuple(candidates))
    sums, grams = scorer(candidates).total(tokens)
    clear = clear_choice(sums, candidates, full, target_first=False) if grams else None
    found = [clear] if clear is not None else probabilities(" ".join(tokens), candidates)
    if not found:
        return None
    best, probability = found[0]
    clauses = {lang: clause_words(full, lang, target) for lang in candidates}
    if len(candidates) > 1 and probability < 0.9:
        ranked = sorted(((n, lang) for lang, n in clauses.items() if n), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            return None
        best = ranked[0][1]
        probability = dict(found).get(best, 0.0)
    if clauses.get(best) == 0:
        return None  # words of the script, but not one function word: names, terms
    return best, round(min(max(probability, 0.5), 1.0), 3)


@lru_cache(maxsize=64)
def script_languages(script: str) -> tuple[str, ...]:
    """Every language langdetect knows that is written in ``script``."""
    from tcheck.services.langid import languages

    return tuple(lang for lang in languages() if lang_script(lang) == script)


# (segment, start, end, the TC403 run inside it or None, the TC401 verdict on it or None)
Sentence = tuple[Segment, int, int, "Verdict | None", "Verdict | None"]
_cache: dict[int, tuple[Any, ...]] = {}
forget_with_document(_cache.clear)  # the cached result holds the document's segments


def analyse(doc: Document, ctx: Context) -> list[Sentence] | None:
    """What TC401 and TC403 need of every sentence, computed once per document: the sentence's
    language verdict, and (when TC403 runs) the strongest foreign run inside a sentence that is
    not foreign as a whole. The word analysis of a block of sentences is dropped once they are
    judged, so memory follows the findings, not the text."""
    langs = plausible(doc, ctx)
    if langs is None:
        return None
    settings = Settings.of(ctx, "TC401")
    config = ctx.config
    runs = _selects(tuple(config.select), tuple(config.ignore), "TC403")
    run_settings = Settings.of(ctx, "TC403") if runs else None
    key = (langs, settings, run_settings)
    hit = _cache.get(id(doc))
    if hit is not None and hit[0] is doc and hit[1] == key:
        return list(hit[2])
    from tcheck.checks._units import analyse_units, spread

    if spread(doc):  # no one target language: each unit's own, and only the source's text told
        found = analyse_units(doc, ctx, settings, run_settings)
        _cache.clear()
        _cache[id(doc)] = (doc, key, found)
        return list(found)
    from tcheck.services.langid import scorer

    scoring = scorer(langs)
    telling = telling_words(langs, settings, run_settings)
    own = lang_script(langs[0]) or LATIN
    result: list[Sentence] = []
    block: list[tuple[Segment, int, int, str, Scan]] = []
    size = 0  # characters in the block
    for seg in doc.segments:
        if is_copy(seg):
            continue  # TC402's business
        if seg.lang is not None:
            continue  # marked by the file as written in another language (HTML lang)
        for start, end, sentence in sentence_windows(seg):
            if telling is not None and settled_text(sentence, telling, own):
                continue  # settled by its raw text: not cut into words
            scanned = scan(sentence)
            if telling is not None and settled(scanned, telling, own):
                continue
            block.append((seg, start, end, sentence, scanned))
            size += end - start
            if len(block) >= _BLOCK or size >= _BLOCK_CHARS:
                judge_block(block, scoring, langs, settings, run_settings, result)
                block = []
                size = 0
    judge_block(block, scoring, langs, settings, run_settings, result)
    _cache.clear()
    _cache[id(doc)] = (doc, key, result)
    return result


_BLOCK = 256  # sentences whose new words are scored together
_BLOCK_CHARS = 65_536  # or fewer, when they hold this many characters
_WINDOW = 4096  # characters of a sentence judged at a time


def sentence_windows(seg: Segment) -> Iterator[tuple[int, int, str]]:
    """``(start, end, text)`` of each sentence of ``seg`` (the whole segment when unsplit), one at
    a time. A sentence longer than ``_WINDOW`` characters (a megabyte of text without a full stop)
    comes in pieces of at most that size, cut at white space where there is any: what the
    language checks hold of it at a time stays bounded, and a piece in another language is
    reported as a sentence would be (consecutive pieces in one language as one finding)."""
    text = seg.text
    for start, end in seg.sentences or ((0, len(text)),):
        while end - start > _WINDOW:
            low, high = start + _WINDOW // 2, start + _WINDOW
            cut = max(text.rfind(" ", low, high), text.rfind("\n", low, high))
            if cut <= start:
                cut = high
            yield start, cut, text[start:cut]
            start = cut
        yield start, end, text[start:end]


def judge_block(
    block: list[tuple[Segment, int, int, str, Scan]],
    scoring: Scorer,
    langs: tuple[str, ...],
    settings: Settings,
    run_settings: Settings | None,
    result: list[Sentence],
) -> None:
    """Judge a block of sentences, adding to ``result``: their new words scored together first,
    then the rows of scores of the words of the sentences that need them (:func:`needs_scores`),
    which the scorer may have let go since it scored them (it keeps fewer rows than scores)."""
    from tcheck.checks._runs import foreign_run

    scoring.prime(word for *_, scanned in block for _, _, word in scanned.words)
    described = [words(sentence, langs, start, scanned) for _, start, _, sentence, scanned in block]
    # the rows of the words whose sentences need their matrix, computed together
    needing = [
        t
        for items in described
        if items.own >= items.foreign and needs_scores(items, settings)
        for t in items.tokens
    ]
    if not affordable(len(langs), len(needing)):  # else scored as lists, without numpy
        scoring.keep(needing)
    for (seg, start, end, sentence, _), items in zip(block, described, strict=True):
        whole = judge(sentence, items, langs, settings, start)
        run = None
        if run_settings is not None and whole is None:
            run = foreign_run(sentence, start, items, langs, run_settings)
        if whole is not None or run is not None:
            result.append((seg, start, end, run, whole))


@lru_cache(maxsize=32)
def _selects(select: Any, ignore: Any, code: str) -> bool:
    """Whether a run with these ``--select``/``--ignore`` prefixes runs check ``code``."""
    from tcheck.registry import selected_rules

    return any(r.code == code for r in selected_rules(select, ignore))


def language_name(lang: str, in_lang: str = "en") -> str:
    """``Norwegian Bokmål (nb)``: the CLDR name of a language, with its code."""
    from tcheck.locale import babel_locale

    try:
        name = babel_locale(in_lang).languages.get(lang) or lang
    except Exception:  # an unknown code keeps its code as its name
        name = lang
    return f"{name} ({lang})"


def as_source(lang: str, source: str | None) -> str:
    """Name a close relative of the source language as the source (Danish-looking Norwegian)."""
    if source and lang != primary(source) and lang in relatives(source):
        return primary(source)
    return lang


def is_original(doc: Document) -> bool:
    """Whether ``doc`` is not known to be a translation: no source document, no source language
    (given, from front matter, or from a repository layout whose original page was not found:
    ``metadata["layout-source-lang"]``) and no segment paired with a source. Its sentences in
    another language are its author's (quotations), not left untranslated."""
    return (
        doc.source is None
        and doc.source_lang is None
        and not doc.bilingual
        and "layout-source-lang" not in doc.metadata
    )


def is_copy(seg: Segment) -> bool:
    """The target segment is its source, character for character (TC402's business)."""
    other = seg.counterpart
    if other is None:
        return False
    text, source = seg.text, other.text
    if text == source:
        return True
    # the same words between the same runs of white space (lists compare without joining them);
    # their first eight words first, which tell most translations from their source at once
    if text.split(None, 8)[:8] != source.split(None, 8)[:8]:
        return False
    return text.split() == source.split()
