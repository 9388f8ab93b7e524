"""TC401 untranslated."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks._language import analyse, as_source, is_original, language_name, plausible
from tcheck.checks._units import spread, unit_target
from tcheck.context import Context
from tcheck.locale import primary
from tcheck.model import Document, Hit, Segment, Severity
from tcheck.registry import register


@register("TC401", "untranslated", Severity.ERROR)
def untranslated(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A sentence of the translation is still in another language (usually the source).

    What it does: scores every sentence under the character n-gram profiles of the plausible
    languages: the target, the source, and a pool of common languages (option ``languages``,
    default ``en de fr es it nl pt nb da sv fi pl``; the target's close relatives, such as Danish
    and Swedish for Norwegian, are left out unless one of them is the source). A sentence whose
    own target-language evidence is clear is settled at once, and so is one whose evidence for
    one other language (or a group of close relatives) beats every other language by far, its
    function words agreeing: langdetect is not called for them, so most text, and most units of
    a bilingual file left in another language, cost a fraction of a millisecond a sentence. For
    the others langdetect (seeded, restricted to the same languages) decides, and the sentence is
    reported when it names another language with probability ``min-probability`` (0.9) or more.
    A sentence of thousands of characters with no full stop is judged in pieces of at most
    4,096 characters (cut at white space). Consecutive sentences in
    the same language are reported together; a segment that is an exact copy of its source is left
    to TC402. Norwegian, Danish and Swedish are named as the source language when the source is
    one of them.

    Technical strings are evidence of no language: identifiers (``camelCase``, ``snake_case``,
    ``kebab-case-ids``), dotted names and paths (``values.yaml``, ``./helm_plugin.md``), flags
    (``--set``), URLs, e-mail addresses, versions (``v1.2.3``), ``@mentions``, ``#hashtags``,
    ``$VARS``, placeholders (``{count}``, ``%s``), acronyms, emoji and code; names count little, a
    list of words (``[and], [or], [not]``) is not a sentence.

    A language is only named for text in its own script. A sentence mostly in another script than
    the target's (English in a Japanese page, Arabic in a Spanish one) is strong evidence: it is
    reported from three words, two of them ordinary words, with a function word of the language
    named (``the``, ``is``, ``of``) when tcheck knows them; "Helm Chart Repository" in a Japanese
    page is a name, not a sentence. In the target's script a sentence needs ``min-words`` (4)
    words and function words of the language named that the target does not share (option
    ``min-function-words``, 2, for sentences of ``min-letters`` = 24 to 40 letters; one more below
    24 letters, one from 40 letters on), so "How to install the chart" in a German page is
    reported and "Getting Started Guide" or "Recommended → Opt-In" are not.

    A text that is not a translation (an original: checked without a source file or a source
    language) has nothing to leave untranslated: a sentence in another language there is a
    quotation or a deliberate choice of its author ("Il faut bien le faire." in an English
    column), reported at severity ``info`` at most. A page that a repository layout places
    among the translations (an ``i18n/zh/`` page of a documentation site) is a translation even
    when its original page was not found: its sentences in the layout's source language are
    left untranslated, not quoted. In a translation, a quotation left in the source language is
    reported as any other sentence.

    A bilingual file with no declared target language whose units are in several languages, none
    of them most units' (the translations of one text into ten languages in one PO file), has no
    one target to judge against: each unit is taken as written in its own language, and only
    sentences in the source language are reported ("this sentence is in the source language,
    English (en), not French (fr)").

    Why it matters: machine translation leaves sentences untranslated when it fails on them, and
    a hurried editor pastes the original next to the translation; readers meet a paragraph in a
    language they may not read.

    Example (``--source-lang nb``, checking English)::

        Police closed the road on Monday. Saken er fortsatt under etterforskning.
                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ TC401: Norwegian
    """
    langs = plausible(doc, ctx)
    sentences = analyse(doc, ctx)
    if langs is None or sentences is None:
        return
    target = language_name(langs[0])
    original = is_original(doc)
    pending: list[tuple[Segment, int, int, str, float]] = []
    for seg, start, end, _run, verdict in sentences:
        if verdict is None:
            continue
        lang = as_source(verdict.lang, doc.source_lang)
        last = pending[-1] if pending else None
        if last is not None and last[0] is seg and last[3] == lang:
            pending[-1] = (seg, last[1], end, lang, min(last[4], verdict.confidence))
        else:
            pending.append((seg, start, end, lang, verdict.confidence))
    units = spread(doc) is not None  # no one target: each unit is in its own language
    for seg, start, end, lang, confidence in pending:
        if units:
            target = language_name(unit_target(doc, seg) or langs[0])
        whole = start == 0 and end == len(seg.text.rstrip())
        several = sum(1 for a, b in seg.sentences if start <= a and b <= end) > 1
        what = (
            "this paragraph is"
            if whole and several
            else "these sentences are"
            if several
            else "this sentence is"
        )
        named = language_name(lang)
        if doc.source_lang and lang == primary(doc.source_lang):
            named = f"the source language, {named}"
        quotation = original
        if quotation:
            message = f"{what} in {named}, in an original {target} text (not a translation): a quotation?"
        else:
            message = f"{what} in {named}, not {target}: left untranslated?"
        yield Hit(
            span=seg.file_span(start, end),
            message=message,
            severity=Severity.INFO if quotation else None,
            confidence=confidence,
            data={"language": lang},
        )
