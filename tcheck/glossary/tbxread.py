"""Streaming TBX reader: expat handlers write straight into the concepts' term lists.

No element tree is built: each element is one small frame on a stack while it is open, and only
the text of the elements that matter (terms, their status, type and case notes, the notes that
say "do not translate") is collected. A 50,000-concept termbase (about 30 MB) reads in about a
second. What is read, and how, is described in :mod:`tcheck.glossary.tbx`.

The reader is as hardened as a tree parser behind defusedxml: entity declarations and external
references are refused before anything is expanded or fetched (the DOCTYPE line of TBX v2 files is
allowed, its DTD never read), one piece of markup over 4 MiB is refused
(:func:`tcheck.formats.xmlsafe.feed`), and elements nested deeper than :data:`MAX_DEPTH` stop the
reading with the line where it happened.
"""

from __future__ import annotations

import re
from typing import Any

from tcheck.formats.xmlsafe import MarkupTooLong, feed
from tcheck.glossary.model import Problem, Status, Term

_DNT = re.compile(r"do[\s_-]*not[\s_-]*translate|\bdnt\b|untranslat|not to be translated", re.I)
_STATUS: dict[str, Status] = {
    "preferredterm-admn-sts": "preferred",
    "preferred": "preferred",
    "preferredterm": "preferred",
    "standardizedterm-admn-sts": "preferred",
    "legalterm-admn-sts": "preferred",
    "regulatedterm-admn-sts": "preferred",
    "admittedterm-admn-sts": "admitted",
    "admitted": "admitted",
    "admittedterm": "admitted",
    "deprecatedterm-admn-sts": "forbidden",
    "deprecated": "forbidden",
    "deprecatedterm": "forbidden",
    "supersededterm-admn-sts": "forbidden",
    "superseded": "forbidden",
    "notrecommended": "forbidden",
    "obsolete": "forbidden",
}
# Elements nested deeper are refused: real termbases use about 10 levels, and a limit keeps the
# work on a hostile file (a concept inside a note inside a concept ...) bounded.
MAX_DEPTH = 128
_STATUS_KEYS = frozenset({"administrativeStatus", "normativeAuthorization", "termStatus"})
_TERM_KEYS = _STATUS_KEYS | {"termType", "caseSensitive"}
_DNT_KEYS = frozenset({"note", "transferComment", "translationNote", "usageNote", "doNotTranslate"})
_NOTE_KEYS = frozenset({"note", "definition"})
_NOTED = _DNT_KEYS | _NOTE_KEYS
_TYPED = frozenset({"termNote", "descrip", "admin"})  # their data category is their ``type``

# What an element is to the reader (``termGrp``, TBX-Min's group inside an ``ntig``, is any other
# element: what it holds belongs to the enclosing term section)
_OTHER, _CONCEPT, _LANGSEC, _TERMSEC = range(4)
_KIND = {
    "termEntry": _CONCEPT,
    "conceptEntry": _CONCEPT,
    "entry": _CONCEPT,
    "langSet": _LANGSEC,
    "langSec": _LANGSEC,
    "langGroup": _LANGSEC,
    "tig": _TERMSEC,
    "ntig": _TERMSEC,
    "termSec": _TERMSEC,
    "termGroup": _TERMSEC,
}


class TooDeep(Exception):
    """Elements nested deeper than :data:`MAX_DEPTH`, from ``line``."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class Concept:
    """A concept being read: its flags, notes and language sections (in document order)."""

    __slots__ = ("attrs", "dnt", "langsecs", "line", "notes", "order")

    def __init__(self, attrs: dict[str, str], line: int, order: int) -> None:
        self.attrs = attrs
        self.line = line
        self.order = order  # its place among all concepts (nested ones come after their parent)
        self.dnt = False
        self.notes: list[str] = []
        self.langsecs: list[LangSec] = []


class LangSec:
    """A language section of a concept: its language and its term sections, in document order."""

    __slots__ = ("dnt", "lang", "line", "tag", "termsecs")

    def __init__(self, tag: str, lang: str, line: int) -> None:
        self.tag = tag
        self.lang = lang
        self.line = line
        self.dnt = False
        self.termsecs: list[TermSec] = []


class TermSec:
    """A term section (``tig``, ``ntig``, ``termSec``, ``termGroup``): its first ``term`` and the
    term notes around it (in document order, each ``[key, value, line]`` once its text is read)."""

    __slots__ = ("dnt", "line", "notes", "tag", "term", "term_line")

    def __init__(self, tag: str, line: int) -> None:
        self.tag = tag
        self.line = line
        self.dnt = False
        self.term: str | None = None
        self.term_line = 0
        self.notes: list[list[Any]] = []

    def result(self, lang: str, problems: list[Problem]) -> Term | None:
        """The term this section holds (problems go to ``problems``)."""
        if self.term is None:
            problems.append(Problem(self.line, f"<{self.tag}> without <term>"))
            return None
        text = " ".join(self.term.split())
        if not text:
            problems.append(Problem(self.term_line, "empty term"))
            return None
        status: Status = "admitted"
        kind = ""
        case: bool | None = None
        for key, value, line in self.notes:
            value = value.strip()
            if key == "termType":
                kind = value
            elif key == "caseSensitive":
                case = value.lower() in ("yes", "true", "1")
            else:
                mapped = _STATUS.get(value.lower())
                if mapped is None:
                    problems.append(Problem(line, f"unknown {key} {value!r}"))
                else:
                    status = mapped
        if case is None:
            case = _written_in_capitals(text)
        return Term(text, lang, status, case, kind, line=self.term_line)


def _written_in_capitals(text: str) -> bool:
    """At least two letters and none lower-case (an acronym: matched with its case)."""
    if text.islower():  # the usual term: a lower-case letter, so not in capitals
        return False
    return sum(c.isalpha() for c in text) >= 2 and not any(c.islower() for c in text)


def says_dnt(key: str, text: str) -> bool:
    """Whether a note of data category ``key`` marks its concept (or term) do-not-translate."""
    value = text.strip()
    if key == "doNotTranslate":
        return value.lower() in ("yes", "true", "1", "")
    return _DNT.search(value) is not None


# An open element is a tuple on the reader's stack: (kind, data category, the nearest enclosing
# concept or counted language section (a term section belongs to it), the nearest term section
# (itself included), what the element itself is (its Concept, LangSec or TermSec), the list its
# text is collected in (or None), and where that text goes).
_Frame = tuple[int, str, Any, Any, Any, Any, Any]
_TERM_SLOT = "term"  # the text is the term of the term section
_DIRECT_SLOT = "direct"  # the text is a note directly under a concept, language or term section


class Reader:
    """Expat handlers that fill :attr:`concepts` (in document order) while the file is read."""

    def __init__(self) -> None:
        self.parser: Any = None
        self.root_tag: str | None = None
        self.root_lang: str | None = None
        self.root_line = 0
        self.languages: tuple[str | None, str | None] | None = None
        self.concepts: list[Concept] = []
        self._stack: list[_Frame] = []
        self._open_texts: list[list[str]] = []
        self._names: dict[str, str] = {}

    def _local(self, name: str) -> str:
        local = self._names.get(name)
        if local is None:
            local = self._names[name] = name.rsplit("}", 1)[-1].split(":")[-1]
        return local

    def _attrs(self, attrs: dict[str, str]) -> dict[str, str]:
        return {self._local(k): v for k, v in attrs.items()} if attrs else {}

    def start(self, name: str, attrs: dict[str, str]) -> None:
        stack = self._stack
        if len(stack) >= MAX_DEPTH:
            raise TooDeep(self.parser.CurrentLineNumber)
        tag = self._names.get(name) or self._local(name)
        kind = _KIND.get(tag, _OTHER)
        key = tag
        if tag in _TYPED and attrs:
            key = (
                attrs["type"] if len(attrs) == 1 and "type" in attrs else self._attrs(attrs).get("type", tag)
            )
        if not stack:
            self._root(tag, attrs)
            stack.append((kind, key, None, None, None, None, None))
            return
        parent = stack[-1]
        scope, termsec = parent[2], parent[3]
        own: Any = None
        if kind == _CONCEPT:
            own = scope = Concept(self._attrs(attrs), self.parser.CurrentLineNumber, len(self.concepts))
            self.concepts.append(own)
        elif kind == _LANGSEC:
            scope = None  # a section nested in a section, or outside a concept, counts for none
            if parent[0] == _CONCEPT and parent[4] is not None:
                own = scope = LangSec(tag, self._attrs(attrs).get("lang", ""), self.parser.CurrentLineNumber)
                parent[4].langsecs.append(own)
        elif kind == _TERMSEC:
            own = termsec = TermSec(tag, self.parser.CurrentLineNumber)
            if type(scope) is LangSec:
                scope.termsecs.append(termsec)
        elif tag == "languages":
            found = self._attrs(attrs)
            self.languages = (found.get("source"), found.get("target"))
        slot: Any = None
        if termsec is not None and kind != _TERMSEC:  # inside a term section
            if tag == "term":
                if termsec.term_line == 0:  # its first term
                    termsec.term_line = self.parser.CurrentLineNumber
                    slot = _TERM_SLOT
            elif key in _TERM_KEYS:
                slot = [key, None, self.parser.CurrentLineNumber]
                termsec.notes.append(slot)
        if slot is None and key in _NOTED and parent[0] != _OTHER and parent[4] is not None:
            slot = _DIRECT_SLOT
        if slot is None:
            stack.append((kind, key, scope, termsec, own, None, None))
            return
        text: list[str] = []
        self._open_texts.append(text)
        stack.append((kind, key, scope, termsec, own, text, slot))

    def _root(self, tag: str, attrs: dict[str, str]) -> None:
        """The root element: its name (a termbase's is ``martif``, ``tbx`` or ``TBX``) and language."""
        self.root_tag = tag
        self.root_lang = self._attrs(attrs).get("lang")
        self.root_line = self.parser.CurrentLineNumber

    def end(self, name: str) -> None:
        frame = self._stack.pop()
        if frame[5] is None:
            return
        self._open_texts.pop()  # opened last, closed first
        text = "".join(frame[5])
        slot = frame[6]
        if slot is _TERM_SLOT:
            frame[3].term = text
        elif slot is _DIRECT_SLOT:
            _direct(frame[1], self._stack[-1][4], text)
        else:
            slot[1] = text

    def data(self, text: str) -> None:
        for collected in self._open_texts:
            collected.append(text)


def _direct(key: str, owner: Concept | LangSec | TermSec, text: str) -> None:
    """A note (or definition) directly under a concept, a language section or a term section."""
    if type(owner) is Concept and key in _NOTE_KEYS:
        owner.notes.append(text.strip())
    if key in _DNT_KEYS and says_dnt(key, text):
        owner.dnt = True


def read(text: str) -> tuple[Reader | None, Problem | None]:
    """The concepts of ``text`` as read, or the problem that stopped the (safe) reader."""
    from xml.parsers import expat

    from defusedxml.common import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

    reader = Reader()
    parser = expat.ParserCreate(namespace_separator="}")
    reader.parser = parser
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data

    def entity(name: str, *args: Any) -> None:
        raise EntitiesForbidden(name, None, None, None, None, None)

    def external(context: str, base: str | None, sysid: str | None, pubid: str | None) -> int:
        raise ExternalReferenceForbidden(context, base, sysid, pubid)

    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ExternalEntityRefHandler = external
    try:
        feed(lambda piece: parser.Parse(piece, False), text.encode("utf-8"), lambda: parser.CurrentByteIndex)
        parser.Parse(b"", True)
    except MarkupTooLong as exc:
        return None, Problem(exc.line, exc.message)
    except TooDeep as exc:
        return None, Problem(
            exc.line, f"XML nested deeper than {MAX_DEPTH} elements (a termbase needs about 10)"
        )
    except DefusedXmlException as exc:
        line = parser.CurrentLineNumber
        return None, Problem(line, f"refused unsafe XML ({type(exc).__name__}: entities are not allowed)")
    except Exception as exc:  # expat's ExpatError (with a line), or a bad encoding declaration
        message = str(exc).split(": line")[0]
        return None, Problem(getattr(exc, "lineno", None), f"not well-formed XML: {message}")
    if reader.root_tag is None:
        return None, Problem(None, "empty XML document")
    return reader, None
