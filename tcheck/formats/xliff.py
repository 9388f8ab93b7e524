"""XLIFF 1.2 and 2.0 reader (hardened XML, offsets kept through escapes and inline codes).

XLIFF 1.2: ``<file source-language target-language>`` → ``<trans-unit>`` (also inside ``<group>``)
→ ``<source>``/``<target>``; when the unit is segmented (``<seg-source>`` with
``<mrk mtype="seg" mid>``), each target ``mrk`` pairs with the source ``mrk`` of the same ``mid``.
XLIFF 2.0: ``<xliff srcLang trgLang>`` → ``<unit>`` → ``<segment>`` → ``<source>``/``<target>``.
Inline codes (``<x/>``, ``<ph>``, ``<bpt>``, ``<pc>``, ``<sc/>`` ...) are not prose: stand-alone
codes become one space, paired ones nothing, and the text inside ``<g>``/``<pc>``/``<mrk>`` is read.
Units marked ``translate="no"``, units without a target, and unfinished targets (1.2 ``state`` new or
needs-translation, 2.0 ``state="initial"``) are skipped unless ``include_unfinished``.
"""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.errors import InputError
from tcheck.formats.bilingual import TextBuilder, Unit, bilingual_document
from tcheck.formats.xmlsafe import Element, Text, parse
from tcheck.model import Document

UNFINISHED = frozenset({"new", "needs-translation", "initial"})


def _text(node: Element, source: Text) -> TextBuilder:
    builder = TextBuilder()
    builder.add_inline(node, source)
    return builder


def _pair(src: Element, trg: Element, source: Text, seg_id: str, path: str) -> Unit | None:
    target = _text(trg, source)
    if not target.text.strip():  # no translation: its source is not needed
        return None
    counterpart = _text(src, source).build(f"{seg_id}:source", path)
    if counterpart is None:
        return None
    built = target.build(seg_id, path, counterpart=counterpart)
    return None if built is None else Unit(counterpart, built)


def _finished(node: Element, include_unfinished: bool) -> bool:
    return include_unfinished or (node.get("state") or "").lower() not in UNFINISHED


def _unit_v1(tu: Element, n: int, source: Text, path: str, include_unfinished: bool) -> Iterator[Unit]:
    if (tu.get("translate") or "yes").lower() == "no":
        return
    src, trg = tu.first("source"), tu.first("target")
    if src is None or trg is None or not _finished(trg, include_unfinished):
        return
    unit_id = f"tu{n}:{tu.get('id') or n}"
    seg_source = tu.first("seg-source")
    target_marks = [m for m in trg.iter("mrk") if m.get("mtype") == "seg"]
    if seg_source is not None and target_marks:
        by_mid = {m.get("mid"): m for m in seg_source.iter("mrk") if m.get("mtype") == "seg"}
        for mark in target_marks:
            src_mark = by_mid.get(mark.get("mid"))
            if src_mark is not None:
                unit = _pair(src_mark, mark, source, f"{unit_id}#{mark.get('mid')}", path)
                if unit is not None:
                    yield unit
        return
    unit = _pair(src, trg, source, unit_id, path)
    if unit is not None:
        yield unit


def _unit_v2(unit_node: Element, n: int, source: Text, path: str, include_unfinished: bool) -> Iterator[Unit]:
    if (unit_node.get("translate") or "yes").lower() == "no":
        return
    unit_id = f"u{n}:{unit_node.get('id') or n}"
    for k, seg in enumerate(unit_node.elements("segment"), 1):
        src, trg = seg.first("source"), seg.first("target")
        if src is None or trg is None or not _finished(seg, include_unfinished):
            continue
        unit = _pair(src, trg, source, f"{unit_id}/{seg.get('id') or k}", path)
        if unit is not None:
            yield unit


class _Units:
    """Reads each translation unit as the parser finishes it (the file is never held as a tree).

    XLIFF 1.2 units count from 1 in each ``<file>`` (a direct child of the root; units elsewhere
    are not read), XLIFF 2.0 units through the whole document.
    """

    def __init__(self, path: str, include_unfinished: bool) -> None:
        self.path = path
        self.include_unfinished = include_unfinished
        self.units: list[Unit] = []
        self.counts: dict[int, int] = {}

    def _next(self, key: int) -> int:
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    def __call__(self, node: Element, ancestors: list[Element], source: Text) -> None:
        root = ancestors[0]
        if root.name != "xliff":
            return
        if (root.get("version") or "").startswith("2"):
            for unit_node in node.iter("unit"):
                n = self._next(0)
                self.units.extend(_unit_v2(unit_node, n, source, self.path, self.include_unfinished))
            return
        if len(ancestors) < 2 or ancestors[1].name != "file":
            return
        for tu in node.iter("trans-unit"):
            n = self._next(id(ancestors[1]))
            self.units.extend(_unit_v1(tu, n, source, self.path, self.include_unfinished))


def read(path: str, text: str, include_unfinished: bool = False) -> Document:
    collected = _Units(path, include_unfinished)
    root, _ = parse(path, text, frozenset({"trans-unit", "unit"}), collected)
    if root.name != "xliff":
        raise InputError(path, f"not an XLIFF file (root element <{root.name}>)")
    version = root.get("version") or ""
    if version.startswith("2"):
        src_lang, trg_lang = root.get("srcLang"), root.get("trgLang")
    else:
        files = list(root.elements("file"))
        if not files:
            raise InputError(path, "XLIFF file has no <file> element")
        src_lang = files[0].get("source-language")
        trg_lang = files[0].get("target-language")
    if version.startswith("2") and not src_lang:
        raise InputError(path, "XLIFF 2.0 file has no srcLang")
    meta = {"format": f"xliff-{version or '1.2'}"}
    return bilingual_document(path, text, collected.units, trg_lang or None, src_lang or None, meta)
