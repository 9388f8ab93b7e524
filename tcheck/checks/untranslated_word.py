"""TC405 untranslated-word."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks._codemix import Source, WordSettings, judge_for, leftovers
from tcheck.checks._language import DEFAULT_POOL, analyse, is_copy, language_name, relatives
from tcheck.context import Context
from tcheck.language.scripts import CJK, lang_script
from tcheck.locale import primary
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register


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
      ``kindergarten``) stay quiet; a capitalised word inside a sentence (a name, or a German
      noun) must be almost unknown in the target (1.5) and far more common in the source (3);
    - with the source text at hand: a long word neither list holds
      (``Nationalversammlungsmitgliedern``), copied from the source, whose letters are clearly
      of the source language.

    When the source text is at hand (bilingual files, paired pages), a word of the target's
    script counts only if the source has it verbatim, and a word found there needs a Zipf of 3 in
    the source language. Without a source language, the candidates are the pool of TC401
    (option ``languages``) without the target's close relatives. Adjacent left-over words are
    reported as one phrase, with the words between and beside them that are more common in the
    source language (``de la politique``). Mentions, hashtags, cashtags, URLs, e-mail addresses,
    HTML/XML tags, placeholders and other technical strings are never words; a word that is all
    the content of quotes or brackets (a gloss: ``Xi Jinping (习近平)``, ``the so-called
    "Wutbürger"``) is quoted on purpose. Sentences reported by TC401, runs reported by TC403 and
    segments that are a copy of their source (TC402) are left to those checks.

    This is a check of its own rather than a lower threshold of TC403: TC403 reports a clause (its
    evidence is the sentence's character n-grams and function words), TC405 a single word (its
    evidence is the word's script and frequency). Documentation that keeps product terms in the
    source language may ignore TC405 and keep TC403.

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
    if source:
        candidates = [primary(source)]
    else:
        near = relatives(target)
        pool = ctx.option("TC401", "languages", DEFAULT_POOL, list)
        candidates = [primary(p) for p in pool if primary(p) not in near]
    judge = judge_for(primary(target), candidates, settings)
    reported = _reported(doc, ctx)
    target_name = language_name(primary(target))
    for seg in doc.segments:
        if is_copy(seg):
            continue
        other = seg.counterpart
        copied = Source.of(other.text) if other is not None else None
        for start, end, sentence in seg.sentence_texts():
            if any(a < end and start < b for s, a, b in reported if s is seg):
                continue
            for found in leftovers(sentence, judge, copied):
                words = sentence[found.start : found.end]
                named = language_name(found.lang) if found.lang is not None else None
                if found.script is not None:
                    script = "CJK" if found.script == CJK else found.script.title()
                    message = f"{words!r} is in {script} script, which {target_name} is not written in"
                    message += f": left untranslated from {named}?" if named else ": left untranslated?"
                else:
                    message = f"{words!r} is common in {named}, rare in {target_name}: left untranslated?"
                yield Hit(
                    span=seg.file_span(start + found.start, start + found.end),
                    message=message,
                    confidence=found.confidence,
                    data={"language": found.lang or "", "script": found.script or lang_script(target) or ""},
                )


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
