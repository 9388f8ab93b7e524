"""TBX termbases (ISO 30042): TBX-Basic and TBX-Min, version 2 (``martif``) and 3 (``tbx``).

Read safely and as a stream (:mod:`tcheck.glossary.tbxread`): no element tree is built; the XML
parser refuses entity declarations and external entities, so neither "billion laughs" nor a file
fetched through a DTD can happen; the DOCTYPE line that TBX v2 files carry is allowed but its DTD
is never read.

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

from xml.sax.saxutils import escape, quoteattr

from tcheck.glossary.model import Entry, Parsed, Problem, Term, primary
from tcheck.glossary.tbxread import MAX_DEPTH, Concept, read

__all__ = ["MAX_DEPTH", "parse", "write"]


def parse(path: str, text: str) -> Parsed:
    """The entries of a termbase and every problem found (none raised)."""
    reader, problem = read(text)
    if reader is None:
        return Parsed(None, None, (), (problem or Problem(None, "empty XML document"),))
    if reader.root_tag not in ("martif", "tbx", "TBX"):
        return Parsed(
            None, None, (), (Problem(reader.root_line, f"not a TBX file (root element <{reader.root_tag}>)"),)
        )
    problems: list[Problem] = []
    source, target = reader.languages or (None, None)
    if not reader.concepts:
        problems.append(Problem(reader.root_line, "no concept entries (termEntry / conceptEntry / entry)"))
    raw = [_concept(c, problems) for c in reader.concepts]
    langs = sorted({primary(t.lang) for terms, _ in raw for t in terms})
    if source is None:  # the root's language names the file's main language, if it has terms
        main = reader.root_lang
        source = main if main and primary(main) in langs else None
    src = primary(source) if source else None
    if target is None and src is not None and len(langs) == 2 and src in langs:
        target = next(lang for lang in langs if lang != src)
    tgt = primary(target) if target else None
    entries = []
    for (terms, dnt), concept in zip(raw, reader.concepts, strict=True):
        if not terms:
            continue
        sources = tuple(t for t in terms if src is not None and primary(t.lang) == src)
        targets = tuple(t for t in terms if tgt is not None and primary(t.lang) == tgt)
        others = tuple(t for t in terms if t not in sources and t not in targets)
        entries.append(
            Entry(
                concept.attrs.get("id") or f"{path}:{concept.line}",
                sources,
                targets,
                dnt,
                " ".join(concept.notes),
                concept.line,
                others,
            )
        )
    return Parsed(src, tgt, tuple(entries), tuple(problems), tuple(langs), any_pair=True)


def _concept(concept: Concept, problems: list[Problem]) -> tuple[list[Term], bool]:
    """A concept's terms, and whether it (or one of its sections) is do-not-translate."""
    dnt = concept.dnt
    terms: list[Term] = []
    for langsec in concept.langsecs:
        if not langsec.lang:
            problems.append(Problem(langsec.line, f"<{langsec.tag}> without xml:lang"))
            continue
        dnt = dnt or langsec.dnt
        for sec in langsec.termsecs:
            term = sec.result(langsec.lang, problems)
            if term is not None:
                terms.append(term)
                dnt = dnt or sec.dnt
    return terms, dnt


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
