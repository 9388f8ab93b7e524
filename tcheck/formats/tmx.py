"""TMX reader (hardened XML): one target document per language of the memory.

``<header srclang>`` names the source language (``*all*`` or missing: the language of the first
variant of the first unit, unless one is given). Every ``<tu>`` pairs the ``<seg>`` of its source
variant (``<tuv xml:lang>``) with the ``<seg>`` of each other language; the inline elements
``<bpt>``/``<ept>`` (formatting) add nothing, ``<ph>``/``<it>``/``<ut>`` (codes) one space, and the
text of ``<hi>`` is read. Offsets are kept through escapes and inline codes.
"""

from __future__ import annotations

from tcheck.errors import InputError
from tcheck.formats.bilingual import TextBuilder, Unit, bilingual_document
from tcheck.formats.xmlsafe import Element, Text, parse
from tcheck.model import Document


def _key(lang: str) -> str:
    return lang.strip().lower().replace("_", "-")


def _same(lang: str, wanted: str) -> bool:
    a, b = _key(lang), _key(wanted)
    return a == b or a.split("-")[0] == b or b.split("-")[0] == a


def _variants(tu: Element) -> list[tuple[str, Element]]:
    found = []
    for tuv in tu.elements("tuv"):
        lang = tuv.get("lang")
        seg = tuv.first("seg")
        if lang and seg is not None:
            found.append((lang, seg))
    return found


def _build(seg: Element, source: Text, seg_id: str, path: str) -> TextBuilder:
    builder = TextBuilder()
    builder.add_inline(seg, source)
    return builder


def read_all(
    path: str, text: str, source_lang: str | None = None, target_lang: str | None = None
) -> list[Document]:
    """One target document per language other than the source (or only ``target_lang``)."""
    root, source = parse(path, text)
    if root.name != "tmx":
        raise InputError(path, f"not a TMX file (root element <{root.name}>)")
    header = root.first("header")
    body = root.first("body")
    if body is None:
        raise InputError(path, "TMX file has no <body>")
    tus = list(body.elements("tu"))
    src = source_lang or (header.get("srclang") if header is not None else None)
    if not src or src == "*all*":
        first = next((v for tu in tus for v in _variants(tu)), None)
        if first is None:
            raise InputError(path, "TMX file has no translation units")
        src = first[0]
    languages: list[str] = []
    units: dict[str, list[Unit]] = {}
    for n, tu in enumerate(tus, 1):
        variants = _variants(tu)
        src_seg = next((seg for lang, seg in variants if _same(lang, src)), None)
        if src_seg is None:
            continue
        tu_id = f"tu{n}:{tu.get('tuid') or n}"
        counterpart = _build(src_seg, source, tu_id, path).build(f"{tu_id}:source", path)
        if counterpart is None:
            continue
        for lang, seg in variants:
            if _same(lang, src) or (target_lang and not _same(lang, target_lang)):
                continue
            target = _build(seg, source, tu_id, path).build(f"{tu_id}:{_key(lang)}", path)
            if target is None:
                continue
            key = _key(lang)
            if key not in units:
                languages.append(lang)
                units[key] = []
            units[key].append(Unit(counterpart, target))
    if not languages:
        wanted = f" in {target_lang}" if target_lang else ""
        raise InputError(path, f"TMX file has no translations{wanted} from {src}")
    meta = {"format": f"tmx-{root.get('version') or '1.4'}"}
    return [bilingual_document(path, text, units[_key(lang)], lang, src, meta) for lang in languages]


def read(path: str, text: str) -> Document:
    """The first target language of the memory."""
    return read_all(path, text)[0]
