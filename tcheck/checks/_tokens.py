"""Words of a text, with technical strings set apart (they are evidence of no language).

The text is cut into chunks at white space and at punctuation that separates words (commas,
brackets, quotes, CJK punctuation). A chunk is *technical* when it is an identifier or a piece of
markup rather than a word of some language:

- ``camelCase``, ``CamelCase``, ``snake_case``, ``kebab-case-identifiers`` (three parts or more,
  lower case), ALL-CAPS acronyms (``API``, ``URLs``);
- dotted names and file names (``values.yaml``, ``.Values.image``, ``get.helm.sh``; abbreviations
  with short parts such as ``e.g.`` and ``f.eks.`` stay words), paths (``/usr/local/bin``,
  ``./helm_plugin.md``, ``a/b/c``), URLs and e-mail addresses;
- flags (``--set``, ``-n``), ``@mentions``, ``#hashtags``, ``$VARS``, placeholders (``{count}``,
  ``%s``, ``{{name}}``, ``<name>``) and anything else holding ``@#$%{}<>=|~^+`&_:*\\``;
- letters mixed with digits (``v1.2.3``, ``adler32sum``, ``k8s``); numbers and symbols (emoji).

Before the text is cut, markup and placeholders that may hold spaces or quotes are set apart whole:
HTML/XML tags with their attributes (``<span class="note">``, ``<div id=sec1>``), template tags
(``{{ include "chart.name" . }}``, ``{% if x %}``), named printf placeholders (``%(name)s``),
``${name}`` and the keywords of ICU plural and select messages (``{count, plural, one {``); the
text they hold between them (``# Datei``) is still read.

Technical chunks and numbers give no word, and the next word is marked as *broken* from the one
before: a run of foreign words never crosses them. A chunk that mixes scripts without a space
(``issueを作成する``) gives one word per script.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CHUNK = re.compile(r"[^\s\"'()\[\]«»“”‘’„‚‹›「」『』（）【】〈〉《》，。、！？：；…,;!?¿¡–—·•]+")
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_SCRIPT_RUN = re.compile(rf"[{_LATIN}]+|[^\W\d_{_LATIN}]+")


@lru_cache(maxsize=1)
def _marked() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Word and script-run patterns that keep combining marks in their word (the vowel signs of
    Devanagari, Bengali or Thai: ``सरकार``), built on first need."""
    spans: list[list[int]] = []
    for cp in range(0x300, 0x10000):
        if unicodedata.category(chr(cp))[0] == "M":
            if spans and spans[-1][1] == cp - 1:
                spans[-1][1] = cp
            else:
                spans.append([cp, cp])
    marks = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)
    word = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{marks}])*")
    runs = re.compile(rf"[{_LATIN}](?:[{_LATIN}]|[{marks}])*|[^\W\d_{_LATIN}](?:[^\W\d_{_LATIN}]|[{marks}])*")
    return word, runs


_LEAD = "*_"
_TRAIL = ".:*_-}"  # "}": the end of an ICU branch (``{# Dateien}``)
_SIGIL_START = frozenset("@#$%{<\\/~=^+&|`-")
_TECH_CHARS = frozenset("@#$%{}<>\\=|~^+`&_:*")
_MASK = re.compile(
    r"</?[A-Za-z][\w:.-]*(?:\s+[^<>]*)?/?>"  # HTML/XML tags, attributes included
    r"|<[!?][^<>]*>"  # comments, declarations, processing instructions
    r"|\{\{.*?\}\}|\{%.*?%\}|\$\{[^{}]*\}|%\(\w+\)[#0 +-]*\d*(?:\.\d+)?[a-zA-Z]"
    r"|\{\s*\w+\s*,\s*(?:plural|select|selectordinal)\s*,(?:\s*offset:\d+)?"
    r"|(?<=[\s{}])(?:=\d+|zero|one|two|few|many|other)\s*\{",
    re.S,
)
_MASKABLE = frozenset("<{$%")

Word = tuple[int, int, str]


class Scan:
    """The words of a text (``(start, end, word)``, offsets in the text), a flag per word telling
    whether a technical chunk or a number stands between it and the word before, and how many
    technical chunks and numbers there were."""

    __slots__ = ("acronyms", "breaks", "technical", "words")

    def __init__(self) -> None:
        self.words: list[Word] = []
        self.breaks: list[bool] = []
        self.technical = 0
        self.acronyms: list[Word] = []  # upper-case words outside ASCII (``НАТО``), not words here


def plain(word: str) -> bool:
    """A word as a language writes it: lower case, capitalised, one letter, or caseless (CJK);
    not camelCase and not an acronym."""
    return word.islower() or len(word) == 1 or word[1:].islower() or not any(c.isupper() for c in word[1:])


def _symbolic(chunk: str) -> bool:
    """A chunk without letters that is a number or a symbol (emoji, arrows), not mere punctuation."""
    return any(ch.isdigit() or unicodedata.category(ch)[0] == "S" for ch in chunk)


def _technical(core: str) -> bool:
    """Whether a chunk with letters and other characters is an identifier, path, flag ... (see the
    module docstring); words joined by hyphens, apostrophes or one slash, and abbreviations, are not.
    """
    if core[0] in _SIGIL_START or (core[0] == "." and len(core) > 1):
        return True
    if any(ch in _TECH_CHARS for ch in core):
        return True
    slashes = core.count("/")
    if slashes > 1 or (slashes == 1 and not all(part.isalpha() for part in core.split("/"))):
        return True
    if "." in core:
        parts = core.split(".")
        if not all(parts) or max(len(p) for p in parts) >= 4:
            return True
    if "-" in core:
        parts = core.split("-")
        if len(parts) >= 3 and core.isascii() and all(p.isalpha() and p.islower() for p in parts):
            return True  # kebab-case-identifier
    return any(ch.isdigit() for ch in core) and "-" not in core


def scan(text: str) -> Scan:
    """The words of ``text`` without its technical strings (see the module docstring).

    Sentences are cached (TC401/TC403 and TC405 read the same ones); callers must not change the
    result."""
    return _scan_cached(text) if len(text) <= _CACHED_LENGTH else _scan(text)


_CACHED_LENGTH = 2000


@lru_cache(maxsize=4096)
def _scan_cached(text: str) -> Scan:
    return _scan(text)


def _scan(text: str) -> Scan:
    out = Scan()
    words = out.words
    breaks = out.breaks
    pending = False
    single = _SCRIPT_RUN.fullmatch
    masked: list[tuple[int, int]] = []
    if not _MASKABLE.isdisjoint(text):
        masked = [m.span() for m in _MASK.finditer(text)]
        if masked:
            chars = list(text)
            for a, b in masked:
                chars[a:b] = " " * (b - a)
            text = "".join(chars)
            out.technical += len(masked)
    cut = 0  # the next masked stretch
    stretches = len(masked)
    for match in _CHUNK.finditer(text):
        chunk = match.group(0)
        start = match.start()
        if cut < stretches and masked[cut][0] < start:
            pending = True
            while cut < stretches and masked[cut][0] < start:
                cut += 1
        if chunk.isalpha():
            if chunk.isascii() or single(chunk):  # one word of one script: the common case
                if chunk.islower() or chunk[1:].islower() or plain(chunk):
                    words.append((start, match.end(), chunk))
                    breaks.append(pending)
                    pending = False
                else:
                    if chunk.isupper() and not chunk.isascii():
                        out.acronyms.append((start, match.end(), chunk))
                    out.technical += 1
                    pending = True
                continue
            core, offset = chunk, start
        else:
            lead = len(chunk) - len(chunk.lstrip(_LEAD))
            core = chunk[lead:].rstrip(_TRAIL)
            offset = start + lead
            if not core:
                continue
            if not any(ch.isalpha() for ch in core):
                if _symbolic(core):
                    out.technical += 1
                    pending = True
                continue
            if _technical(core):
                out.technical += 1
                pending = True
                continue
        seen = 0
        word_re, run_re = _WORD, _SCRIPT_RUN
        if not core.isascii() and any(unicodedata.category(ch)[0] == "M" for ch in core):
            word_re, run_re = _marked()
        for piece in word_re.finditer(core):
            if any(ch.isdigit() for ch in core[seen : piece.start()]):
                pending = True  # 1990-tallet, 14-Jan-2026: a number between the words
            seen = piece.end()
            runs = [piece] if piece.group(0).isascii() else list(run_re.finditer(piece.group(0)))
            base = offset + piece.start()
            for run in runs:
                word = run.group(0)
                if not plain(word):
                    out.technical += 1
                    pending = True
                    continue
                first = base + (run.start() if run is not piece else 0)
                words.append((first, first + len(word), word))
                breaks.append(pending)
                pending = False
        if any(ch.isdigit() for ch in core[seen:]):
            pending = True
    return out
