"""TBX termbases (ISO 30042): TBX-Basic and TBX-Min, version 2 (``martif``) and 3 (``tbx``).

Read safely: the XML parser (defusedxml) refuses entity declarations and external entities, so
neither "billion laughs" nor a file fetched through a DTD can happen; the DOCTYPE line that TBX v2
files carry is allowed but its DTD is never read.

Mapping to the glossary model:

- a concept is ``termEntry`` (v2), ``conceptEntry`` (v3) or ``entry`` (TBX-Min);
- its language sections ``langSet`` / ``langSec`` / ``langGroup`` (``xml:lang``) hold term
  sections ``tig`` / ``ntig`` / ``termSec`` / ``termGroup`` with one ``term`` each;
- ``administrativeStatus`` (``termNote type=...`` in DCA style, an element in DCT style) or
  ``termStatus`` (TBX-Min): preferred / admitted; ``deprecated``, ``superseded``,
  ``notRecommended`` and ``obsolete`` terms are forbidden. Without a status a term is admitted
  (the first allowed term of a language is then its preferred term);
- a ``note`` / ``transferComment`` / ``translationNote`` / ``usageNote`` saying "do not translate"
  (or a ``doNotTranslate`` category set to yes) marks the concept do-not-translate;
- ``termType`` is kept (``acronym``, ``abbreviation`` ... are short forms of the full form);
- matching is case-insensitive, except for terms written without lower-case letters (acronyms)
  and terms with a ``caseSensitive`` term note set to yes.

A termbase's languages are those of its language sections, and it serves any pair of them: the
run's languages decide which side is the source (a termbase whose root says ``xml:lang="en"``, as
IATE exports and most tools write it, serves a nb -> en run as well as an en -> nb one). The
direction the file itself is read in (for ``tcheck glossary convert`` to CSV) is TBX-Min's
``languages source=``, else the root ``xml:lang`` when a language section has it; with exactly two
languages the other one is the target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from tcheck.formats.xmlsafe import MarkupTooLong, feed
from tcheck.glossary.model import Entry, Parsed, Problem, Status, Term, primary

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
_CONCEPT = {"termEntry", "conceptEntry", "entry"}
_LANGSEC = {"langSet", "langSec", "langGroup"}
_TERMSEC = frozenset({"tig", "ntig", "termSec", "termGroup", "termGrp"})
_NESTED_LANGSEC = frozenset(_CONCEPT | _LANGSEC)  # a language section's terms stop at these
_STATUS_KEYS = {"administrativeStatus", "normativeAuthorization", "termStatus"}
# Elements nested deeper are refused: real termbases use about 10 levels, and a limit keeps the
# work on a hostile file (a concept inside a note inside a concept ...) linear in its size.
MAX_DEPTH = 128
_NOTE_KEYS = {"note", "transferComment", "translationNote", "usageNote", "doNotTranslate", "definition"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The node's own text followed by its descendants' (depth first, without recursion)."""
        out: list[str] = []
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            out.extend(node.parts)
            stack.extend(reversed(node.children))
        return "".join(out)

    @property
    def key(self) -> str:
        """The data category: the ``type`` of ``termNote``/``descrip``/``admin``, else the tag."""
        return self.attrs.get("type", self.tag) if self.tag in ("termNote", "descrip", "admin") else self.tag

    def walk(self, stop: frozenset[str] = frozenset()) -> list[Node]:
        """This node and its descendants in document order, without recursion; the subtrees of
        descendants tagged in ``stop`` are left out (each is walked on its own)."""
        out: list[Node] = []
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            if node.tag in stop and node is not self:
                continue
            out.append(node)
            stack.extend(reversed(node.children))
        return out


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].split(":")[-1]


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Builder:
    """ElementTree target that builds :class:`Node` trees with line numbers."""

    def __init__(self) -> None:
        self.parser: Any = None
        self.stack: list[Node] = []
        self.root: Node | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        line = self.parser.parser.CurrentLineNumber if self.parser is not None else 0
        if len(self.stack) >= MAX_DEPTH:
            raise _TooDeep(line)
        node = Node(_local(tag), {_local(k): v for k, v in attrib.items()}, line)
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def end(self, tag: str) -> None:
        self.stack.pop()

    def data(self, text: str) -> None:
        if self.stack:
            self.stack[-1].parts.append(text)

    def close(self) -> Node | None:
        return self.root


def parse_xml(text: str) -> tuple[Node | None, Problem | None]:
    """The element tree of ``text``, or the problem that stopped the (safe) parser."""
    import defusedxml
    from defusedxml.ElementTree import DefusedXMLParser

    builder = _Builder()
    parser = DefusedXMLParser(target=builder)
    builder.parser = parser
    try:
        feed(parser.feed, text.encode("utf-8"), lambda: parser.parser.CurrentByteIndex)
        parser.close()
    except MarkupTooLong as exc:
        return None, Problem(exc.line, exc.message)
    except _TooDeep as exc:
        return None, Problem(
            exc.line, f"XML nested deeper than {MAX_DEPTH} elements (a termbase needs about 10)"
        )
    except defusedxml.DefusedXmlException as exc:
        line = parser.parser.CurrentLineNumber
        return None, Problem(line, f"refused unsafe XML ({type(exc).__name__}: entities are not allowed)")
    except Exception as exc:  # expat raises ParseError (a SyntaxError) with a position
        position = getattr(exc, "position", None)
        line = position[0] if position else getattr(exc, "lineno", None)
        message = str(exc).split(": line")[0]
        return None, Problem(line, f"not well-formed XML: {message}")
    return builder.root, None


def parse(path: str, text: str) -> Parsed:
    root, problem = parse_xml(text)
    if root is None:
        return Parsed(None, None, (), (problem or Problem(None, "empty XML document"),))
    if root.tag not in ("martif", "tbx", "TBX"):
        return Parsed(None, None, (), (Problem(root.line, f"not a TBX file (root element <{root.tag}>)"),))
    problems: list[Problem] = []
    source = target = None
    for node in root.walk():
        if node.tag == "languages":
            source, target = node.attrs.get("source"), node.attrs.get("target")
    concepts = [n for n in root.walk() if n.tag in _CONCEPT]
    if not concepts:
        problems.append(Problem(root.line, "no concept entries (termEntry / conceptEntry / entry)"))
    raw = [_concept(c, problems) for c in concepts]
    langs = sorted({primary(t.lang) for _, terms, _ in raw for t in terms})
    if source is None:  # the root's language names the file's main language, if it has terms
        main = root.attrs.get("lang")
        source = main if main and primary(main) in langs else None
    src = primary(source) if source else None
    if target is None and src is not None and len(langs) == 2 and src in langs:
        target = next(lang for lang in langs if lang != src)
    tgt = primary(target) if target else None
    entries = []
    for (node, terms, dnt), concept in zip(raw, concepts, strict=True):
        if not terms:
            continue
        sources = tuple(t for t in terms if src is not None and primary(t.lang) == src)
        targets = tuple(t for t in terms if tgt is not None and primary(t.lang) == tgt)
        others = tuple(t for t in terms if t not in sources and t not in targets)
        note = " ".join(n.text.strip() for n in concept.children if n.key in ("note", "definition"))
        entries.append(
            Entry(
                node.attrs.get("id") or f"{path}:{node.line}", sources, targets, dnt, note, node.line, others
            )
        )
    return Parsed(src, tgt, tuple(entries), tuple(problems), tuple(langs), any_pair=True)


def _concept(concept: Node, problems: list[Problem]) -> tuple[Node, list[Term], bool]:
    dnt = _is_dnt(concept)
    terms: list[Term] = []
    for langsec in (n for n in concept.children if n.tag in _LANGSEC):
        lang = langsec.attrs.get("lang", "")
        if not lang:
            problems.append(Problem(langsec.line, f"<{langsec.tag}> without xml:lang"))
            continue
        dnt = dnt or _is_dnt(langsec)
        for sec in (n for n in langsec.walk(_NESTED_LANGSEC) if n.tag in _TERMSEC):
            term = _term(sec, lang, problems)
            if term is not None:
                terms.append(term)
                dnt = dnt or _is_dnt(sec)
    return concept, terms, dnt


def _term(sec: Node, lang: str, problems: list[Problem]) -> Term | None:
    inside = sec.walk(_TERMSEC if sec.tag == "termGrp" else _TERMSEC - {"termGrp"})
    term_node = next((n for n in inside if n.tag == "term"), None)
    if term_node is None:
        if sec.tag != "termGrp":
            problems.append(Problem(sec.line, f"<{sec.tag}> without <term>"))
        return None
    if sec.tag == "termGrp":
        return None  # handled by its ntig
    text = " ".join(term_node.text.split())
    if not text:
        problems.append(Problem(term_node.line, "empty term"))
        return None
    status: Status = "admitted"
    kind = ""
    case: bool | None = None
    for node in inside:
        key = node.key
        value = node.text.strip()
        if key in _STATUS_KEYS:
            mapped = _STATUS.get(value.lower())
            if mapped is None:
                problems.append(Problem(node.line, f"unknown {key} {value!r}"))
            else:
                status = mapped
        elif key == "termType":
            kind = value
        elif key == "caseSensitive":
            case = value.lower() in ("yes", "true", "1")
    if case is None:
        case = sum(c.isalpha() for c in text) >= 2 and not any(c.islower() for c in text)
    return Term(text, lang, status, case, kind, line=term_node.line)


def _is_dnt(node: Node) -> bool:
    for child in node.children:
        if child.key in _NOTE_KEYS and child.key != "definition":
            value = child.text.strip()
            if child.key == "doNotTranslate":
                if value.lower() in ("yes", "true", "1", ""):
                    return True
            elif _DNT.search(value):
                return True
    return False


def write(
    entries: tuple[Entry, ...], source_lang: str | None, target_lang: str | None, version: int = 3
) -> str:
    """TBX-Basic text (version 3 DCA style by default, or version 2 ``martif``)."""
    main = source_lang or target_lang or "en"
    if version == 2:
        head = (
            '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
            f'<martif type="TBX-Basic" xml:lang="{main}">\n'
            "  <martifHeader><fileDesc><sourceDesc><p>Written by tcheck</p></sourceDesc></fileDesc></martifHeader>\n"
        )
        tags = ("termEntry", "langSet", "tig", "martif")
    else:
        head = (
            f'<tbx style="dca" type="TBX-Basic" xml:lang="{main}" xmlns="urn:iso:std:iso:30042:ed-2">\n'
            "  <tbxHeader><fileDesc><sourceDesc><p>Written by tcheck</p></sourceDesc></fileDesc></tbxHeader>\n"
        )
        tags = ("conceptEntry", "langSec", "termSec", "tbx")
    concept, langsec, termsec, root = tags
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n', head, "  <text>\n    <body>\n"]
    for e in entries:
        out.append(f"      <{concept} id={quoteattr(e.id)}>\n")
        if e.note:
            out.append(f"        <note>{escape(e.note)}</note>\n")
        if e.dnt:
            out.append("        <note>Do not translate.</note>\n")
        by_lang: dict[str, list[Term]] = {}
        for t in e.all_terms:
            by_lang.setdefault(t.lang or main, []).append(t)
        for lang, terms in by_lang.items():
            out.append(f"        <{langsec} xml:lang={quoteattr(lang)}>\n")
            for t in terms:
                status = {
                    "preferred": "preferredTerm",
                    "admitted": "admittedTerm",
                    "forbidden": "deprecatedTerm",
                }
                out.append(f"          <{termsec}><term>{escape(t.text)}</term>")
                out.append(f'<termNote type="administrativeStatus">{status[t.status]}-admn-sts</termNote>')
                if t.kind:
                    out.append(f'<termNote type="termType">{escape(t.kind)}</termNote>')
                auto = sum(c.isalpha() for c in t.text) >= 2 and not any(c.islower() for c in t.text)
                if t.case_sensitive != auto:
                    out.append(
                        f'<termNote type="caseSensitive">{"yes" if t.case_sensitive else "no"}</termNote>'
                    )
                out.append(f"</{termsec}>\n")
            out.append(f"        </{langsec}>\n")
        out.append(f"      </{concept}>\n")
    out.append(f"    </body>\n  </text>\n</{root}>\n")
    return "".join(out)
