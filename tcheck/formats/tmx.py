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


def _variants(tu: Element, source: Text) -> list[tuple[str, TextBuilder]]:
    found = []
    for tuv in tu.elements("tuv"):
        lang = tuv.get("lang")
        seg = tuv.first("seg")
        if lang and seg is not None:
            builder = TextBuilder()
            builder.add_inline(seg, source)
            found.append((lang, builder))
    return found


Variants = list[tuple[str, TextBuilder]]


class _Units:
    """The ``<tu>`` elements of the (first) ``<body>``, read as the parser finishes each.

    Once the source language is known (given, the header's ``srclang``, or the language of the
    first variant of the first unit) each unit becomes segments at once; until then its variants
    wait as text builders.
    """

    def __init__(self, path: str, source_lang: str | None, target_lang: str | None) -> None:
        self.path = path
        self.src = source_lang
        self.target_lang = target_lang
        self.count = 0
        self.body: Element | None = None
        self.pending: list[tuple[int, str | None, Variants]] = []
        self.languages: list[str] = []
        self.units: dict[str, list[Unit]] = {}

    def __call__(self, tu: Element, ancestors: list[Element], source: Text) -> None:
        if len(ancestors) != 2 or ancestors[1].name != "body":
            return
        if self.body is None:
            self.body = ancestors[0].first("body")
        if ancestors[1] is not self.body:
            return
        self.count += 1
        self.pending.append((self.count, tu.get("tuid"), _variants(tu, source)))
        if self.src is None and ancestors[0].first("header") is not None:
            self.decide(ancestors[0])
        if self.src is not None:
            self.flush()

    def decide(self, root: Element) -> None:
        """The source language from the header, else from the first variant read."""
        header = root.first("header")
        src = header.get("srclang") if header is not None else None
        if not src or src == "*all*":
            src = next((lang for _, _, variants in self.pending for lang, _ in variants), None)
        self.src = src

    def flush(self) -> None:
        src = self.src
        assert src is not None
        for n, tuid, variants in self.pending:
            src_builder = next((b for lang, b in variants if _same(lang, src)), None)
            if src_builder is None:
                continue
            tu_id = f"tu{n}:{tuid or n}"
            counterpart = src_builder.build(f"{tu_id}:source", self.path)
            if counterpart is None:
                continue
            for lang, builder in variants:
                if _same(lang, src) or (self.target_lang and not _same(lang, self.target_lang)):
                    continue
                target = builder.build(f"{tu_id}:{_key(lang)}", self.path, counterpart=counterpart)
                if target is None:
                    continue
                key = _key(lang)
                if key not in self.units:
                    self.languages.append(lang)
                    self.units[key] = []
                self.units[key].append(Unit(counterpart, target))
        self.pending.clear()


def read_all(
    path: str, text: str, source_lang: str | None = None, target_lang: str | None = None
) -> list[Document]:
    """One target document per language other than the source (or only ``target_lang``)."""
    collected = _Units(path, source_lang, target_lang)
    root, _ = parse(path, text, frozenset({"tu"}), collected)
    if root.name != "tmx":
        raise InputError(path, f"not a TMX file (root element <{root.name}>)")
    if root.first("body") is None:
        raise InputError(path, "TMX file has no <body>")
    if collected.src is None:
        collected.decide(root)
    src = collected.src
    if src is None:
        raise InputError(path, "TMX file has no translation units")
    collected.flush()
    if not collected.languages:
        wanted = f" in {target_lang}" if target_lang else ""
        raise InputError(path, f"TMX file has no translations{wanted} from {src}")
    meta = {"format": f"tmx-{root.get('version') or '1.4'}"}
    units = collected.units
    return [
        bilingual_document(path, text, units[_key(lang)], lang, src, meta) for lang in collected.languages
    ]


def read(path: str, text: str) -> Document:
    """The first target language of the memory."""
    return read_all(path, text)[0]
