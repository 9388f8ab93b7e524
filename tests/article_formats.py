"""One article in three formats: the seed as text, as an HTML page and as a Word document.

The HTML and DOCX versions are built here from the text (no binary fixtures): one ``<p>`` or
``<w:p>`` per paragraph, the dateline in ``<time>``, quotation marks written as references in the
HTML. :func:`placed` maps findings to (paragraph, character) so the formats can be compared.
"""

from __future__ import annotations

import html
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from tcheck.engine import RunResult
from tcheck.formats import read_document
from tcheck.model import Document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "kazakhstan-unrest.en.txt"


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def html_page(paras: Sequence[str], lang: str = "en", date: str | None = "2022-01-19") -> str:
    """A CMS-like page: navigation and footer chrome around an ``<article>``; the first paragraph
    is the dateline in ``<time>``; quotation marks and apostrophes as character references."""
    out = [
        "<!DOCTYPE html>\n",
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>Kazakhstan | News</title>\n',
        "<style>p { margin: 0 }</style>\n<script>window.dataLayer = [];</script>\n</head>\n<body>\n",
        '<header class="site"><nav><a href="/">Front page</a> <a href="/world">World</a></nav></header>\n',
        "<article>\n",
    ]
    for index, para in enumerate(paras):
        body = html.escape(para, quote=False).replace("“", "&ldquo;").replace("”", "&rdquo;")
        body = body.replace("’", "&rsquo;").replace("\n", "<br>\n")
        if index == 0 and date:
            out.append(f'<p><time datetime="{date}">{body}</time></p>\n')
        else:
            out.append(f"<p>{body}</p>\n")
    out.append(
        "</article>\n<footer>© News 2022 · <a href='/privacy'>Privacy</a></footer>\n</body>\n</html>\n"
    )
    return "".join(out)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def w_paragraph(text: str, style: str | None = None) -> str:
    """A ``<w:p>`` with the text cut into runs at every space after the first word (as Word
    splits runs where formatting or spell-checking state changes)."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    words = text.split(" ")
    runs = []
    for index, word in enumerate(words):
        piece = word if index == 0 else " " + word
        bold = "<w:rPr><w:b/></w:rPr>" if index % 5 == 3 else ""
        runs.append(f'<w:r>{bold}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def docx_bytes(
    body: str,
    *,
    parts: dict[str, str] | None = None,
    created: str | None = "2022-01-19T08:30:00Z",
    language: str | None = "en",
) -> bytes:
    """A minimal valid .docx holding ``body`` (the XML inside ``<w:body>``) and extra parts."""
    import io

    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    core_fields = ""
    if created:
        core_fields += f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
    if language:
        core_fields += f"<dc:language>{language}</dc:language>"
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>Kazakhstan</dc:title>{core_fields}</cp:coreProperties>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("docProps/core.xml", core)
        for name, xml in (parts or {}).items():
            archive.writestr(name, xml)
    return buffer.getvalue()


def docx_article(
    paras: Sequence[str], language: str = "en", created: str | None = "2022-01-19T08:30:00Z"
) -> bytes:
    body = "".join(w_paragraph(p.replace("\n", " ")) for p in paras)
    return docx_bytes(body, language=language, created=created)


def placed(result: RunResult, doc: Document) -> list[tuple[str, int, int]]:
    """``(code, paragraph, character)`` of each finding on ``doc``: the index of the segment that
    holds it and of the character in the segment's text where it begins."""
    out = []
    for finding in result.findings:
        if finding.path != doc.path:
            continue
        for number, seg in enumerate(doc.segments):
            hits = [i for i in range(len(seg.text)) if seg.file_span(i, i + 1).start == finding.span.start]
            if hits:
                out.append((finding.code, number, hits[0]))
                break
        else:
            out.append((finding.code, -1, finding.span.start))
    return sorted(out)


def read(path: Path) -> Document:
    return read_document(str(path))
