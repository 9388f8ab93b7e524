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

Technical chunks and numbers give no word, and the next word is marked as *broken* from the one
before: a run of foreign words never crosses them. A chunk that mixes scripts without a space
(``issueを作成する``) gives one word per script.
"""

from __future__ import annotations

import re
import unicodedata

_CHUNK = re.compile(r"[^\s\"'()\[\]«»“”‘’„‚‹›「」『』（）【】〈〉《》，。、！？：；…,;!?¿¡–—·•]+")
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_SCRIPT_RUN = re.compile(rf"[{_LATIN}]+|[^\W\d_{_LATIN}]+")
_LEAD = "*_"
_TRAIL = ".:*_-"
_SIGIL_START = frozenset("@#$%{<\\/~=^+&|`-")
_TECH_CHARS = frozenset("@#$%{}<>\\=|~^+`&_:*")

Word = tuple[int, int, str]


class Scan:
    """The words of a text (``(start, end, word)``, offsets in the text), a flag per word telling
    whether a technical chunk or a number stands between it and the word before, and how many
    technical chunks and numbers there were."""

    __slots__ = ("breaks", "technical", "words")

    def __init__(self) -> None:
        self.words: list[Word] = []
        self.breaks: list[bool] = []
        self.technical = 0


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
    """The words of ``text`` without its technical strings (see the module docstring)."""
    out = Scan()
    words = out.words
    breaks = out.breaks
    pending = False
    single = _SCRIPT_RUN.fullmatch
    for match in _CHUNK.finditer(text):
        chunk = match.group(0)
        start = match.start()
        if chunk.isalpha():
            if chunk.isascii() or single(chunk):  # one word of one script: the common case
                if chunk.islower() or plain(chunk):
                    words.append((start, match.end(), chunk))
                    breaks.append(pending)
                    pending = False
                else:
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
        for piece in _WORD.finditer(core):
            if any(ch.isdigit() for ch in core[seen : piece.start()]):
                pending = True  # 1990-tallet, 14-Jan-2026: a number between the words
            seen = piece.end()
            runs = [piece] if piece.group(0).isascii() else list(_SCRIPT_RUN.finditer(piece.group(0)))
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
