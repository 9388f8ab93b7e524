"""TC603 inline-code."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from tcheck.context import Context
from tcheck.language.lexicon import lexicon
from tcheck.markup.blocks import PagePair
from tcheck.markup.marks import CODE, CODE_BLOCK, Mark
from tcheck.markup.report import Wording, group_hits, page_for, quoted
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register

_WORDING = Wording(what=lambda m: f"code span {quoted(m.text)}", restore=lambda lost: lost.text)


@register("TC603", "inline-code", Severity.WARNING, needs=("source",))
def inline_code(doc: Document, ctx: Context) -> Iterator[Hit]:
    """An inline code span of the source is changed or lost in the translation.

    What it does: compares the inline code spans (`` `helm install` ``) of a Markdown or MDX
    page with those of its source, paragraph by paragraph where the text aligns and over the
    rest of the page otherwise (white space inside a span is folded). A code span whose content
    differs is reported on the translation's span, the source's as the fix; a lost one on the
    passage that should hold it. Code spans the translation adds (a term set as code) are fine,
    and so are translated metavariables, what the reader replaces: ``<release-name>``,
    ``RELEASE_NAME``, a word in capitals (``quote ARGUMENT`` → ``quote 参数``, ``DEFAULT_VALUE``
    → ``STANDARDWERT``). White space in a span is not compared, nor quotes, and a span that
    holds the source's unchanged (or is held by it) is the same code shown with more or less of
    its line (``kind: CustomResource`` for
    ``CustomResource``). A lost span whose code the passage still has as a word of its own,
    plain or in the language's quotes, case aside (``「helm home」``, ``die Helm-Binärdatei``),
    is only its formatting lost: info (emphasis may wrap it, ``_helm_``; inside another code
    span, `` `pre-install` `` for `` `install` ``, it does not count). One the translator made
    the text of a link (``[get.helm.sh](https://get.helm.sh)``) is not reported, nor is a lost
    symbol (`` `,` ``, which a translation may call "commas": punctuation is not code), nor a
    changed span that the source's own paragraph has as well (``a branch called `gh-pages` ...
    create that `gh-branch` `` translated with `` `gh-pages` `` both times: the source's slip).
    A span holding one everyday word of the source language (`` `install` ``, `` `servers` ``)
    may have been taken for a word of the text: lost, it is info when the page shows the word is
    a name (its code blocks use it, the source lists it with other spans, `` `application` or
    `library` ``, or writes it in its paragraph's text too) and no finding otherwise; changed,
    it stays a warning when the code blocks use it, is info when the page names it otherwise
    and no finding when nothing does. A changed span that is the whole text of a link (its
    words name the linked page) is no finding when it keeps a name of the source's, a word
    that is not an everyday word (``[`2to3 插件`](...)`` for ``[`2to3 plugin`](...)``), and
    info otherwise; so is a one-word span
    renamed in the paragraph's text too (``1 parameter (end) ... `end``` as ``1 parámetro
    (fin) ... `fin```: a name the page gives, not code). A template the page proves is one is
    no finding: the changed words are in none of the source's code blocks, on a page that has
    some, and the span keeps the shape of a template: a syntax with an ellipsis (``the syntax
    `functionName arg1 arg2...``` with ``nomeDaFuncao``), the form of a variable the examples
    write with other names (`` `$name` `` → `` `$nombre` `` beside ``$relname :=``), or a
    signature's result in words (``... -> resource or resource list``).

    Why it matters: a code span is what the reader types or reads on screen: a command, a flag,
    a file name, a key. Translated (`` `helm installieren` ``) or dropped, the instruction no
    longer works.

    Example (source ``Run `helm repo update` first.``)::

        Führen Sie zuerst `helm repo aktualisieren` aus.
                          ^^^^^^^^^^^^^^^^^^^^^^^^^ TC603: code span '`helm repo aktualisieren`'
                                                    stands where the source has '`helm repo update`'
    """
    pair = page_for(doc, ctx, "TC603")
    if pair is None:
        return
    for hit in group_hits(pair, (CODE,), _WORDING, accept=_same_code):
        weighed = _weigh(hit, doc.text, pair)
        if weighed is not None:
            yield weighed


def _weigh(hit: Hit, text: str, pair: PagePair) -> Hit | None:
    """The hit as reported: a lost span whose code the passage holds as text, a changed span
    that is the text of a link, and an everyday word the page uses as a name are info; a lost
    symbol, a lost span that became the text of a link, a changed span that the source's own
    passage has too, and an everyday word set as code for emphasis are no hit."""
    if not hit.related:
        return hit
    source_text = pair.source_doc.text
    where = hit.related[0].span
    span = source_text[where.start : where.end]
    evidence = _word_evidence(span, where.start, pair)
    if not hit.data.get("lost"):
        before, after = text[: hit.span.start].rstrip(" "), text[hit.span.end :]
        note = None
        if _in_source_passage(text[hit.span.start : hit.span.end], where.start, pair):
            return None  # the source names it so too (`gh-pages` for its slip `gh-branch`)
        if _placeholder(span, text[hit.span.start : hit.span.end], pair):
            return None  # the page shows the span is a template: `functionName arg1 arg2...`
        if evidence is not None and evidence != _IN_CODE:
            return _as_word(hit, evidence)
        if before.endswith("[") and after.startswith("]("):
            if _keeps_name(span, text[hit.span.start : hit.span.end], pair):
                return None  # the link's text names its page, and keeps the name (`2to3 插件`)
            note = "the text of a link"
        elif _renamed_in_prose(span, where.start, text[hit.span.start : hit.span.end], hit.span.start, pair):
            note = "the passage renames it in its text too: a name the page gives, not code?"
        if note is None:
            return hit
        return dataclasses.replace(hit, message=f"{hit.message} ({note})", severity=Severity.INFO)
    if not any(ch.isalnum() for ch in span):
        return None  # a symbol (`)`, `,`): a translation may name it in words or join it with another
    kept = _kept_as_text(span, text[hit.span.start : hit.span.end])
    if kept == "link":
        return None
    if kept == "text":
        message = (
            f"the source's code span {quoted(span)} is written without code formatting in this "
            "passage of the translation"
        )
        return dataclasses.replace(hit, message=message, severity=Severity.INFO)
    return hit if evidence is None else _as_word(hit, evidence)


_IN_CODE, _NAMED, _NONE = "code", "name", ""


def _word_evidence(span: str, at: int, pair: PagePair) -> str | None:
    """For a span that holds one lower-case everyday word of the source language (`` `install` ``,
    `` `servers` ``, which a translator may take for a word of the text), what shows it is a name:
    ``"code"`` the source page's code blocks use it (a key, a command), ``"name"`` the source
    lists it with other code spans (`` `application` or `library` ``) or writes it in its
    paragraph's text too (``1 parameter (end) ... `end```), ``""`` nothing; None for any other
    span."""
    word = span.strip("`").strip()
    if not _LOWER_WORD.fullmatch(word):
        return None
    lang = pair.doc.source_lang or pair.source_doc.lang
    found = lexicon(lang) if lang else None
    if found is None or found.zipf(word) < EVERYDAY:
        return None
    code = "\n".join(m.text for m in pair.source_page.marks if m.kind == CODE_BLOCK)
    if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", code):
        return _IN_CODE
    if _listed(span, at, pair.source_doc.text) or _in_prose(word, at, pair):
        return _NAMED
    return _NONE


_LISTED = re.compile(r"\s*(?:,|/|\||,?\s+(?:or|and|nor)\b)\s*")


def _listed(span: str, at: int, text: str) -> bool:
    """Whether the span at ``at`` is one of a list of code spans (`` `application` or
    `library` ``): values or names offered together, not a word set as code for emphasis."""
    after = _LISTED.match(text, at + len(span))
    if after is not None and text.startswith("`", after.end()):
        return True
    before = text[max(0, at - 12) : at]
    return re.search(r"`(?:\s*(?:,|/|\||,?\s+(?:or|and|nor)))\s*$", before) is not None


def _keeps_name(lost: str, added: str, pair: PagePair) -> bool:
    """Whether a changed span keeps a word of the source's that is a name, not an everyday word
    of the source language (``2to3``, ``fullstatus`` kept, ``plugin`` translated)."""
    lang = pair.doc.source_lang or pair.source_doc.lang
    found = lexicon(lang) if lang else None
    shared = set(re.findall(r"\w+", lost)) & set(re.findall(r"\w+", added))
    return any(found is None or found.zipf(word.lower()) < EVERYDAY for word in shared)


def _in_prose(word: str, at: int, pair: PagePair) -> bool:
    """Whether the source's paragraph around ``at`` has ``word`` outside code as well."""
    page = pair.source_page
    block = page.block_at(at)
    if block < 0:
        return False
    prose = _SPANS.sub(" ", pair.source_doc.text[page.blocks[block].start : page.blocks[block].end])
    return re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", prose) is not None


def _as_word(hit: Hit, evidence: str) -> Hit | None:
    """A span holding an everyday word: info when the page shows it is a name (a name the
    reader may have to type), else no finding (a word of the text, set as code for emphasis)."""
    if not evidence:
        return None
    note = "an everyday word, but the source uses it as a name: check it is not one to type"
    return dataclasses.replace(hit, message=f"{hit.message} ({note})", severity=Severity.INFO)


_LOWER_WORD = re.compile(r"[a-z]{2,}")
EVERYDAY = 4.0  # Zipf frequency of an everyday word (about once per 100,000 words: `install`, `servers`)


def _in_source_passage(code: str, offset: int, pair: PagePair) -> bool:
    """Whether the block of the source around ``offset`` has the code span ``code`` (white
    space folded): the translator wrote the passage's other span where the source, perhaps by
    a slip, names it otherwise (``that `gh-branch``` after ``a branch called `gh-pages```)."""
    page = pair.source_page
    block = page.block_at(offset)
    if block < 0:
        return False
    key = "".join(code.strip("`").split())
    start, end = page.blocks[block].start, page.blocks[block].end
    return any(m.kind == CODE and m.key == key for m in page.marks if start <= m.start < end)


_WORD = re.compile(r"[^\W\d_]+")
_SPANS = re.compile(r"`+[^`]*`+")


def _renamed_in_prose(lost: str, source_at: int, added: str, target_at: int, pair: PagePair) -> bool:
    """Whether a one-word span was renamed throughout its passage: the source's paragraph has
    the word outside code too and the translation's has the new one (``1 parameter (end) ...
    between 1 and `end``` as ``1 parámetro (fin) ... entre 1 y `fin```)."""
    old, new = lost.strip("`").strip(), added.strip("`").strip()
    if not _WORD.fullmatch(old) or not _WORD.fullmatch(new):
        return False
    sides = (
        (pair.source_page, pair.source_doc.text, source_at, old),
        (pair.page, pair.doc.text, target_at, new),
    )
    for page, text, at, word in sides:
        block = page.block_at(at)
        if block < 0:
            return False
        prose = _SPANS.sub(" ", text[page.blocks[block].start : page.blocks[block].end])
        if not re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", prose):
            return False
    return True


def _placeholder(lost: str, added: str, pair: PagePair) -> bool:
    """Whether the page proves that the words a changed span changes are a template's, which
    the reader replaces: none of the source page's code blocks uses them (a real key or
    function, ``metadata``, ``nindent``, is in the examples too), and the span has the shape of
    a template, kept in the translation: a syntax with an ellipsis (``the syntax `functionName
    arg1 arg2...``` → `` `nomeDaFuncao arg1 arg2...` ``), the form of a variable whose sigil the
    examples use with other names (``variables take the form `$name``` beside ``$relname :=``
    but no ``$name``: a word after a sigil counts with it), or the result of a signature
    described in words (``lookup apiVersion, kind -> resource or resource list``). A word
    changed in a span of no such shape (`` `dependencies` `` → `` `залежностей` ``, a key the
    examples happen not to show) is not proven a placeholder."""
    blocks = [m.text for m in pair.source_page.marks if m.kind == CODE_BLOCK]
    if not blocks:
        return False
    a, b = _TOKEN.findall(lost.strip("`")), _TOKEN.findall(added.strip("`"))
    changed = [
        i
        for op, i1, i2, _, _ in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if op != "equal"
        for i in range(i1, i2)
        if _WORD.fullmatch(a[i])
    ]
    if not changed:
        return False
    code = "\n".join(blocks)
    sigils = [_SIGILS.get(a[i - 1], "") if i else "" for i in changed]
    if any(
        re.search(rf"(?<!\w){sigil}{re.escape(a[i])}(?!\w)", code)
        for i, sigil in zip(changed, sigils, strict=True)
    ):
        return False
    if _ELLIPSIS.search(lost) and _ELLIPSIS.search(added):
        return True  # a syntax: `functionName arg1 arg2...`
    if all(sigils) and all(re.search(rf"{sigil}[^\W\d]", code) for sigil in sigils):
        return True  # the form of a variable the examples write with other names
    arrow = next((i for i, t in enumerate(a) if t == "→" or (t == ">" and i and a[i - 1] == "-")), None)
    return arrow is not None and min(changed) > arrow  # a signature's result, in words


_ELLIPSIS = re.compile(r"\.\.\.|…")
# A variable's sigil before a changed word: the examples must use the variable (`$name`), not
# merely the word (a `name:` key), for the span to be code rather than the form of a variable.
_SIGILS = {sigil: re.escape(sigil) for sigil in "$%@"}


def _kept_as_text(span: str, passage: str) -> str | None:
    """Whether the code of a lost span is in the passage all the same: ``"link"`` when it is
    (in) the text of a link (the translator made ``get.helm.sh`` a link), ``"text"`` when it
    is written there as plain or quoted text (``「helm home」``, ``ConfigMap です``), else None.
    The code must stand alone: no Latin letter or digit right before or after it."""
    code = " ".join(span.strip("`").split())
    if not code.strip("\"'`“”‘’«»「」『』.,:;()[]{}-_/ "):
        return None
    text = _SPANS.sub(lambda m: " " * len(m.group()), " ".join(passage.split()))  # not inside other code
    # emphasis may wrap it (``_helm_``), a letter, digit or word's underscore may not
    found = re.compile(
        rf"(?<![A-Za-z0-9])(?<![A-Za-z0-9]_){re.escape(code)}(?![A-Za-z0-9])(?!_[A-Za-z0-9])", re.I
    )
    if not found.search(text):
        return None
    for link in _LINK_TEXT.finditer(text):
        if found.search(link.group(1)):
            return "link"
    return "text"


_LINK_TEXT = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(")


def _same_code(lost: Mark, added: Mark) -> bool:
    return _metavariables_only(lost, added) or _within(lost, added)


_QUOTES = str.maketrans("", "", "\"'`“”‘’ʼ")


def _within(lost: Mark, added: Mark) -> bool:
    """Whether one span's tokens, quotes aside, run unchanged inside the other's: the translator
    quoted a key (``"helm.sh/resource-policy": keep``), showed more of the line
    (``kind: CustomResourceDefinition`` for ``CustomResourceDefinition``) or joined two spans
    (``{}`` for ``{``). A different word (``indent`` for ``nindent``) is no such case."""
    a = _TOKEN.findall(lost.text.translate(_QUOTES))
    b = _TOKEN.findall(added.text.translate(_QUOTES))
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


_TOKEN = re.compile(r"\w+|[^\w\s]")
_PLACEHOLDER_WORD = re.compile(r"[A-Z][A-Z0-9_]*[A-Z0-9]")


def _metavariables_only(lost: Mark, added: Mark) -> bool:
    """Whether the spans differ only where the source has a word in capitals, which stands for
    what the reader types (``quote ARGUMENT`` / ``quote 参数``, ``[NAME]`` / ``[ΟΝΟΜΑ]``)."""
    a, b = _TOKEN.findall(lost.text.strip("`")), _TOKEN.findall(added.text.strip("`"))
    changed = [
        a[i1:i2]
        for op, i1, i2, _, _ in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if op != "equal"
    ]
    return bool(changed) and all(t and all(_PLACEHOLDER_WORD.fullmatch(x) for x in t) for t in changed)
