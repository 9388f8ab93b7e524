"""TC405 untranslated-word."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tcheck.checks._codemix import Source, WordSettings, judge_for, leftovers
from tcheck.checks._evidence import relatives
from tcheck.checks._language import DEFAULT_POOL, analyse, is_copy, language_name, sentence_windows
from tcheck.checks._tokens import scan
from tcheck.checks._units import spread, unit_target
from tcheck.context import Context
from tcheck.language.function_words import widely_borrowed
from tcheck.language.scripts import CJK, lang_script
from tcheck.locale import primary
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register

if TYPE_CHECKING:
    from tcheck.checks._codemix import _Judge


@register("TC405", "untranslated-word", Severity.WARNING)
def untranslated_word(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A word or a short phrase of the source language left in a translated sentence.

    What it does: looks at every word of the translation on its own, with three kinds of evidence:

    - script: a word in a script the target language is not written in (``отношения`` or
      ``三聚氰胺`` in English). Latin words in Japanese, Chinese, Russian or Arabic text are names,
      brands and terms, not evidence; a single letter (``β-blockers``) is not a word;
    - word frequencies (wordfreq, about 40 languages): a word common in the source language
      (Zipf ``source-zipf``, 3.5, or more) and rare in the target (``target-zipf``, 2.5, or less),
      by a ``margin`` of 2 (``sind``, ``titre``, ``parlement`` in English). Words common in both
      languages (names such as ``Merkel``, loanwords such as ``café``, ``angst``,
      ``kindergarten``) stay quiet. A capitalised word inside a sentence is a name unless the
      source language capitalises its nouns (German: ``Partei``); then it must be rare in the
      target (2.5) and far more common in the source (by 3);
    - spelling: a lower-case word neither list holds, with a letter the target does not write
      its words with and the source language does (``lebensgefährliche`` in English); with the
      source text at hand, also a word of eight letters or more whose character n-grams are
      clearly of the source language.

    When the source text is at hand (bilingual files, paired pages), a word of the target's
    script counts only if the source has it verbatim, and a word found there needs a Zipf of 3 in
    the source language. Without a source language (an original page), only the script is
    evidence: ``repos`` or ``grep`` in an English page was not left from anywhere. Adjacent
    left-over words are reported as one phrase, with the words between and beside them that are
    clearly more common in the source language (``de la politique``); a comma, a bracket or a
    quote ends a phrase.

    Not reported: mentions, hashtags, cashtags, URLs, e-mail addresses, HTML/XML tags,
    placeholders and other technical strings (never words); a word that is all the content of
    brackets (a gloss: ``Xi Jinping (习近平)``); words in italics (``_on-premise_``) or that make up
    every lower-case word of a quotation ("No SSH tunnels currently open", the so-called
    "Wutbürger"); an item of a list (``unknown, deployed, failed``); half of a hyphenated
    compound (``multi-tenancy``); a sentence of fewer than three words or mostly in the other
    language (a word list, TC401's business). Sentences reported by TC401, runs reported by TC403
    and segments that are a copy of their source (TC402) are left to those checks.

    English words are borrowed everywhere (data: ``[borrowed-from]`` in
    ``function_words.toml``), so an English word in another language is reported only when that
    language does not know it at all (not ``rebounds`` in Swedish) and the page does not use it
    again (terminology: ``manifests``), and then as ``info``: documentation keeps many English
    terms on purpose.

    This is a check of its own rather than a lower threshold of TC403: TC403 reports a clause (its
    evidence is the sentence's character n-grams and function words), TC405 a single word (its
    evidence is the word's script and frequency). Documentation that keeps product terms in the
    source language may ignore TC405 and keep TC403.

    A bilingual file with no declared target language whose units are in several languages (see
    TC401) is judged unit by unit, each against its own language.

    Why it matters: machine translation leaves a word it does not know as it is; the sentence
    reads as translated at a glance, and the reader stumbles on one foreign word.

    Example (``--source-lang ru``, checking English)::

        Diplomatic отношения with Qatar were restored in 2021.
                   ^^^^^^^^^ TC405: Russian
    """
    target = doc.lang
    if not target:
        return
    source = doc.source_lang
    if source and primary(source) == primary(target):
        return
    settings = WordSettings(
        source_zipf=ctx.option("TC405", "source-zipf", WordSettings.source_zipf, float),
        target_zipf=ctx.option("TC405", "target-zipf", WordSettings.target_zipf, float),
        margin=ctx.option("TC405", "margin", WordSettings.margin, float),
    )
    pool = tuple(ctx.option("TC401", "languages", DEFAULT_POOL, list))
    judge = _judge(primary(target), source, pool, settings)
    reported = _reported(doc, ctx)
    target_name = language_name(primary(target))
    counts = _Counts(doc)
    units = spread(doc) is not None  # no one target language: each unit is in its own
    for seg in doc.segments:
        if is_copy(seg) or getattr(seg, "lang", None) is not None:
            continue  # a copy is TC402's; a segment marked as written in another language is fine
        if units:
            own = unit_target(doc, seg)
            if own is None:
                continue  # in none of the file's languages (but the source): nothing to judge against
            judge = _judge(primary(own), source, pool, settings)
            target_name = language_name(primary(own))
        other = seg.counterpart
        copied = Source.of(other.text) if other is not None and judge.others else None
        for start, end, sentence in sentence_windows(seg):
            if any(a < end and start < b for s, a, b in reported if s is seg):
                continue
            for found in leftovers(sentence, judge, copied):
                words = sentence[found.start : found.end]
                span = seg.file_span(start + found.start, start + found.end)
                if found.script is None and _emphasised(doc.text, span.start, span.end):
                    continue  # a term in italics or bold, set apart on purpose
                borrowed = found.script is None and found.lang is not None and widely_borrowed(found.lang)
                if borrowed:
                    if counts.again(max(words.lower().split(), key=len)):
                        continue  # an English term the page uses again and again: terminology
                named = language_name(found.lang) if found.lang is not None else None
                if found.script is not None:
                    script = "CJK" if found.script == CJK else found.script.title()
                    message = f"{words!r} is in {script} script, which {target_name} is not written in"
                    message += f": left untranslated from {named}?" if named else ": left untranslated?"
                else:
                    message = f"{words!r} is common in {named}, rare in {target_name}: left untranslated?"
                yield Hit(
                    span=span,
                    message=message,
                    confidence=found.confidence,
                    severity=Severity.INFO if borrowed else None,
                    data={"language": found.lang or "", "script": found.script or lang_script(target) or ""},
                )


def _judge(target: str, source: str | None, pool: tuple[str, ...], settings: WordSettings) -> _Judge:
    """The judge of words for ``target``: against the source language, or (without one) the
    pool of common languages but the target's close relatives. Without a source language only
    the script is evidence: an English page with ``repos`` or ``grep`` in it has no source to
    have left them from."""
    candidates: tuple[str, ...]
    if source:
        candidates = (primary(source),)
    else:
        near = relatives(target)
        candidates = tuple(primary(p) for p in pool if primary(p) not in near)
    return judge_for(target, candidates, settings, lexical=bool(source))


def _emphasised(text: str, start: int, end: int) -> bool:
    """Whether the file wraps ``text[start:end]`` in emphasis marks (``_term_``, ``*term*``,
    ``<em>term</em>``, ``<i>term</i>``)."""
    before, after = text[max(0, start - 4) : start], text[end : end + 5]
    return (before.endswith(("_", "*")) and after.startswith(("_", "*"))) or (
        before.endswith(("<em>", "<i>")) and after.startswith(("</em>", "</i>"))
    )


class _Counts:
    """How often words (lower case) occur in a document, asked one word at a time.

    The lower-cased text of the segments is searched first: a word it holds at most once
    occurs at most once among the document's words (each is a stretch of the text, and the
    stretches do not overlap), which settles most questions without reading the words. Else the
    words of the segments whose lower-cased text holds it are counted (all segments for a word
    with a sigma, whose lower case depends on the letter after it), until a second is found: a
    bilingual file of 20,000 units is not cut into words for one term."""

    __slots__ = ("_doc", "_known", "_lowered")

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._lowered: str | None = None
        self._known: dict[str, bool] = {}

    def again(self, word: str) -> bool:
        """Whether ``word`` (lower case) occurs more than once among the document's words."""
        sigma = "σ" in word or "ς" in word
        if not sigma:
            if self._lowered is None:
                self._lowered = "\n".join(seg.text for seg in self._doc.segments).lower()
            if self._lowered.count(word) <= 1:
                return False
        found = self._known.get(word)
        if found is None:
            seen = 0
            for seg in self._doc.segments:
                if sigma or word in seg.text.lower():
                    seen += sum(1 for _, _, w in scan(seg.text).words if w.lower() == word)
                    if seen > 1:
                        break
            found = self._known[word] = seen > 1
        return found


def _reported(doc: Document, ctx: Context) -> list[tuple[object, int, int]]:
    """Stretches TC401 and TC403 report (segment, start, end): TC405 leaves them alone."""
    sentences = analyse(doc, ctx)
    out: list[tuple[object, int, int]] = []
    for seg, start, end, run, whole in sentences or ():
        if whole is not None:
            out.append((seg, start, end))
        elif run is not None:
            out.append((seg, run.start, run.end))
    return out
