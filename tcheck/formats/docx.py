"""Word documents (``.docx``): the text of paragraphs, tables, headers, footers, footnotes,
endnotes and comments, read from the archive's XML with the hardened parser
(:mod:`tcheck.formats.xmlsafe`); Word itself and python-docx are not needed.

Positions: a ``.docx`` has no lines, so the document's text is its paragraphs joined by line
breaks, one paragraph a line: a finding's line is the paragraph's number and its column the
character in the paragraph (both from 1), in every output format. Paragraphs are numbered as they
come: the body in document order (each table cell's paragraphs row by row, a text box's after
the paragraph that holds it), then headers, footers, footnotes, endnotes and comments. Empty
paragraphs count, so the numbers are those of the document, not of its non-empty paragraphs. A
line break inside a paragraph (Shift+Enter) reads as U+2028 LINE SEPARATOR, a tab as a tab.

Not read: deleted text of tracked changes, moved-from text, field codes (the field's result is
read), hidden text (``w:vanish``), and the fallback copy of text boxes. URLs and e-mail addresses
are masked as in plain text.

The document's date (for TC202) is its core properties' ``dcterms:created`` (else
``dcterms:modified``) when its text has no dateline of its own (``metadata["file-date"]``: a file
made from an older one keeps that one's creation date, so the text's dateline wins); its language
is ``dc:language``, else the default language of its styles.

Refused with TC001 and the reason, never read: files that are not zip archives, password-protected
documents (Word stores them encrypted, not as a zip), encrypted zip members, archives of more than
:data:`MAX_MEMBERS` members or over :data:`MAX_ARCHIVE` bytes, and any part over :data:`MAX_PART`
bytes uncompressed or compressed more than :data:`MAX_RATIO` times (zip bombs).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib

from tcheck.errors import EmptyInput, InputError
from tcheck.formats.masking import mask_urls
from tcheck.formats.sentences import split_sentences
from tcheck.formats.xmlsafe import Chunk, Element, OnUnit, parse
from tcheck.model import Document, Segment, Span, frozen_map

MAX_ARCHIVE = 256 * 2**20
MAX_MEMBERS = 10_000
MAX_PART = 32 * 2**20
MAX_TOTAL = 96 * 2**20  # all parts read together
MAX_RATIO = 200
_RATIO_FROM = 2**20  # small parts may compress any amount
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?!\d)")
_NUMBER = re.compile(r"(\d+)")
_SKIPPED = frozenset({"del", "moveFrom", "instrText", "delText", "delInstrText", "Fallback", "rPr", "pPr"})
_CHARACTERS = {"tab": "\t", "ptab": "\t", "br": "\u2028", "cr": "\u2028", "noBreakHyphen": "\u2011"}
_UNITS = frozenset({"p"})
_NOTES = frozenset({"footnote", "endnote", "comment"})
_HEADING_STYLE = re.compile(r"(?i)^(?:heading|title|subtitle|overskrift|berschrift|titre)")


def read_archive(path: str, data: bytes | None = None) -> bytes:
    """The bytes of the ``.docx`` at ``path`` (or ``data``); refused over :data:`MAX_ARCHIVE`."""
    from tcheck.formats import read_bytes

    if data is None:
        try:
            size = os.stat(path).st_size
        except OSError:
            size = 0  # read_bytes says why
        if size > MAX_ARCHIVE:
            raise InputError(path, f"Word document over {MAX_ARCHIVE // 2**20} MiB; refused")
        data = read_bytes(path)
    elif len(data) > MAX_ARCHIVE:
        raise InputError(path, f"Word document over {MAX_ARCHIVE // 2**20} MiB; refused")
    if not data:
        raise EmptyInput(path, "empty file, nothing to check")
    return data


class _Archive:
    """The parts of one archive, read with limits."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        if data.startswith(_OLE):
            raise InputError(
                path,
                "a password-protected (encrypted) Word document, or an old binary .doc file: "
                "save it unprotected as .docx to check it",
            )
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            raise InputError(path, f"not a Word document (not a valid zip archive: {exc})") from None
        if len(infos) > MAX_MEMBERS:
            raise InputError(path, f"zip archive of {len(infos):,} members (over {MAX_MEMBERS:,}); refused")
        self.members = {info.filename: info for info in infos}
        self.total = 0

    def names(self, pattern: str) -> list[str]:
        """Members whose name matches ``pattern``, in natural order (header2 before header10)."""
        found = [name for name in self.members if re.fullmatch(pattern, name)]
        return sorted(found, key=lambda n: [int(p) if p.isdigit() else p for p in _NUMBER.split(n)])

    def xml(self, name: str, paragraphs: _Paragraphs | None = None, kind: str = "") -> Element | None:
        """The parsed part ``name`` (None when the archive has none). With ``paragraphs``, each
        paragraph is handed to it (as ``kind``) as soon as it is read, and dropped from the tree."""
        info = self.members.get(name)
        if info is None:
            return None
        where = f"{name} in the archive"
        if info.flag_bits & 0x1:
            raise InputError(self.path, f"{where} is encrypted; refused")
        if info.file_size > MAX_PART:
            raise InputError(
                self.path,
                f"{where} is {info.file_size:,} bytes uncompressed (over {MAX_PART // 2**20} MiB); refused",
            )
        if info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError(self.path, f"{where} is compressed {ratio:,} times (a zip bomb?); refused")
        self.total += info.file_size
        if self.total > MAX_TOTAL:
            raise InputError(
                self.path, f"the parts to read are over {MAX_TOTAL // 2**20} MiB uncompressed; refused"
            )
        try:
            with self.zip.open(info) as member:
                raw = member.read(MAX_PART + 1)  # never more than the size the archive declares
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise InputError(self.path, f"{where} cannot be read: {exc}") from None
        if len(raw) > MAX_PART:
            raise InputError(self.path, f"{where} is over {MAX_PART // 2**20} MiB uncompressed; refused")
        try:
            text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(self.path, f"{where} is not valid UTF-8 (byte {exc.start})") from None
        if "\x00" in text:
            raise InputError(self.path, f"{where} holds a NUL character; refused")
        try:
            if paragraphs is None:
                root, _ = parse(f"{self.path}:{name}", text)
            else:
                root, _ = parse(f"{self.path}:{name}", text, _UNITS, paragraphs.streamed(kind))
        except InputError as exc:
            raise InputError(self.path, f"{where}: {exc.reason}", exc.line) from None
        return root


def _text_of(node: Element) -> str:
    return "".join(c.text for c in node.children if isinstance(c, Chunk))


def _hidden(run: Element) -> bool:
    props = run.first("rPr")
    if props is None:
        return False
    vanish = props.first("vanish")
    return vanish is not None and vanish.get("val", "true") not in ("0", "false", "off")


class _Paragraphs:
    """Paragraph texts of the parts, in reading order, with their kind."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []  # (kind, text)

    def paragraph(self, para: Element, kind: str) -> None:
        pieces: list[str] = []
        inner: list[Element] = []  # text boxes: their paragraphs come after this one
        stack: list[Element | Chunk] = list(reversed(para.children))
        while stack:
            node = stack.pop()
            if isinstance(node, Chunk):
                continue
            name = node.name
            if name in _SKIPPED or (name == "r" and _hidden(node)):
                continue
            if name == "t":
                pieces.append(_text_of(node).replace("\r", " ").replace("\n", " "))
            elif name in _CHARACTERS:
                pieces.append(_CHARACTERS[name])
            elif name == "txbxContent":
                inner.append(node)
            else:
                stack.extend(reversed(node.children))
        self.found.append((self.kind_of(para, kind), "".join(pieces)))
        for box in inner:
            self.block(box, kind)

    @staticmethod
    def kind_of(para: Element, kind: str) -> str:
        if kind != "paragraph":
            return kind
        props = para.first("pPr")
        if props is None:
            return kind
        style = props.first("pStyle")
        if style is not None and _HEADING_STYLE.match(style.get("val") or ""):
            return "heading"
        if props.first("numPr") is not None or props.first("outlineLvl") is not None:
            return "list_item" if props.first("numPr") is not None else "heading"
        return kind

    def streamed(self, kind: str) -> OnUnit:
        """What reads a part's paragraphs one by one (see :func:`tcheck.formats.xmlsafe.parse`)."""

        def on_paragraph(para: Element, ancestors: list[Element], _: object) -> None:
            here = kind
            for node in ancestors:
                if node.name in _SKIPPED or (
                    node.name in _NOTES and node.get("type") not in (None, "normal")
                ):
                    return  # deleted text, or a footnote's separator line
                if node.name == "tbl" and kind == "paragraph":
                    here = "table"
            self.paragraph(para, here)

        return on_paragraph

    def block(self, container: Element, kind: str) -> None:
        """The paragraphs of a body, cell, note or comment, tables row by row."""
        stack: list[Element | Chunk] = list(reversed(container.children))
        while stack:
            node = stack.pop()
            if isinstance(node, Chunk) or node.name in _SKIPPED:
                continue
            if node.name == "p":
                self.paragraph(node, kind)
            elif node.name == "tbl":
                self.block(node, "table")
            else:
                stack.extend(reversed(node.children))


def _core(archive: _Archive) -> dict[str, str]:
    meta: dict[str, str] = {}
    core = archive.xml("docProps/core.xml")
    if core is not None:
        for field in ("created", "modified"):
            node = core.first(field)
            match = _DATE.match(_text_of(node)) if node is not None else None
            if match and "file-date" not in meta:
                meta["file-date"] = match.group(1)
        language = core.first("language")
        if language is not None and _text_of(language).strip():
            meta["lang"] = _text_of(language).strip()
    if "lang" not in meta:
        styles = archive.xml("word/styles.xml")
        defaults = styles.first("docDefaults") if styles is not None else None
        for node in defaults.iter("lang") if defaults is not None else ():
            if node.get("val"):
                meta["lang"] = str(node.get("val"))
                break
    return meta


def read(path: str, data: bytes) -> Document:
    """Read a ``.docx`` archive's bytes into a :class:`Document`, one line per paragraph."""
    archive = _Archive(path, data)
    reader = _Paragraphs()
    if archive.xml("word/document.xml", reader, "paragraph") is None:
        raise InputError(path, "not a Word document (no word/document.xml in the archive)")
    for kind, pattern in (
        ("header", r"word/header\d*\.xml"),
        ("footer", r"word/footer\d*\.xml"),
        ("footnote", r"word/footnotes\.xml"),
        ("endnote", r"word/endnotes\.xml"),
        ("comment", r"word/comments\.xml"),
    ):
        for name in archive.names(pattern):
            archive.xml(name, reader, kind)
    meta = _core(archive)
    texts = [text for _, text in reader.found]
    segments = []
    at = 0
    for number, (kind, text) in enumerate(reader.found, 1):
        body_text = text.strip()
        if body_text:
            start = at + len(text) - len(text.lstrip())
            prose = mask_urls(body_text)
            segments.append(
                Segment(
                    f"p{number}",
                    prose,
                    Span(start, start + len(prose)),
                    kind,
                    split_sentences(prose),
                    path=path,
                )
            )
        at += len(text) + 1
    return Document(
        path=path,
        text="\n".join(texts),
        lang=meta.pop("lang", None),
        segments=tuple(segments),
        metadata=frozen_map(meta),
    )
