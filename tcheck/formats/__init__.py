"""Readers: turn a file into a :class:`~tcheck.model.Document` with exact offsets.

Each reader module exposes ``read(path, text) -> Document``; :func:`read_document` decodes the
file and picks the reader by extension (``.md``/``.markdown`` → Markdown, ``.xlf``/``.xliff``,
``.po``, ``.tmx``, ``.tsv`` → bilingual readers, ``.json``/``.arb``/``.yaml``/``.yml``/``.toml`` →
translation resource files (:mod:`tcheck.formats.resources`), ``.html``/``.htm`` → HTML articles
(:mod:`tcheck.formats.html`), ``.docx`` → Word documents (:mod:`tcheck.formats.docx`), anything else
→ text). Every reader also takes the file's bytes instead of its path (``data``: standard input).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from tcheck.errors import EmptyInput, InputError
from tcheck.model import Document

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
XLIFF_SUFFIXES = frozenset({".xlf", ".xliff", ".sdlxliff", ".mqxliff"})
BILINGUAL_SUFFIXES = XLIFF_SUFFIXES | {".po", ".tmx", ".tsv"}
# Read as key -> text resource files when named; found in directories by resources.is_resource_path.
RESOURCE_SUFFIXES = frozenset({".json", ".arb", ".yaml", ".yml", ".toml"})
# Searched for inside directories (a .tsv is read as bilingual only when named explicitly).
CHECKED_SUFFIXES = (
    MARKDOWN_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | (BILINGUAL_SUFFIXES - {".tsv"})
)


def name_suffix(name: str) -> str:
    """The suffix of a file name (one part of a path) as :attr:`pathlib.PurePath.suffix` gives
    it: ``.md`` of ``intro.md``, none of ``.bashrc`` or ``notes.``."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def suffix_of(path: str) -> str:
    """:func:`name_suffix` of a path's last part, without making a :class:`~pathlib.Path` (which
    interns every part of it: a run over many files would keep one string a file)."""
    return name_suffix(os.path.basename(os.path.normpath(path))) if path else ""


def decode(path: str, data: bytes) -> str:
    """UTF-8 text (a BOM is dropped) or an :class:`InputError` saying why not."""
    if not data.strip():
        raise EmptyInput(path, "empty file, nothing to check")
    nul = data.find(b"\x00")
    if nul >= 0:  # anywhere: text never holds NUL, and a checker must not read past it as prose
        raise InputError(
            path, f"binary file, not text (a NUL byte at byte {nul})", data.count(b"\n", 0, nul) + 1
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid UTF-8 (byte {exc.start} cannot be decoded)") from None
    if not text.strip():
        raise EmptyInput(path, "empty file, nothing to check")
    return text


def read_bytes(path: str) -> bytes:
    """The file's bytes, or an :class:`InputError` saying why they cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        if os.path.isdir(path):
            raise InputError(
                path, f"folder cannot be read ({exc.strerror}): its files are not checked"
            ) from None
        raise InputError(path, f"cannot read: {exc.strerror}") from None


def read_file(path: str, data: bytes | None = None) -> str:
    """The decoded text of ``path`` (or of ``data``, the file's bytes when already read)."""
    return decode(path, read_bytes(path) if data is None else data)


def read_documents(
    path: str,
    display_path: str | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    options: Mapping[str, Any] | None = None,
    data: bytes | None = None,
) -> list[Document]:
    """Every document in one file: one, or one per target language of a TMX.

    ``options`` are reader settings (``include-fuzzy`` for PO, ``include-unfinished`` for XLIFF);
    ``data`` the file's bytes when they do not come from ``path`` (standard input).
    """
    shown = display_path or path
    suffix = suffix_of(path).lower()
    if suffix not in BILINGUAL_SUFFIXES:
        return [read_document(path, shown, options, data)]
    text = read_file(path, data)
    opts = options or {}
    if suffix == ".tmx":
        from tcheck.formats import tmx

        return tmx.read_all(shown, text, source_lang, target_lang)
    if suffix == ".po":
        from tcheck.formats import po

        return [po.read(shown, text, bool(opts.get("include-fuzzy", False)))]
    if suffix == ".tsv":
        from tcheck.formats import tsv

        return [tsv.read(shown, text)]
    from tcheck.formats import xliff

    return [xliff.read(shown, text, bool(opts.get("include-unfinished", False)))]


def read_document(
    path: str,
    display_path: str | None = None,
    options: Mapping[str, Any] | None = None,
    data: bytes | None = None,
) -> Document:
    """Read and parse one file; ``display_path`` is the path shown in findings, ``options`` the
    reader settings (``prose-keys`` for Markdown front matter), ``data`` the file's bytes when
    they do not come from ``path`` (standard input)."""
    shown = display_path or path
    suffix = suffix_of(path).lower()
    if suffix in BILINGUAL_SUFFIXES:
        return read_documents(path, shown, data=data)[0]
    if suffix in DOCX_SUFFIXES:
        from tcheck.formats import docx

        return docx.read(shown, docx.read_archive(path, data))
    text = read_file(path, data)
    if suffix in HTML_SUFFIXES:
        from tcheck.formats import html

        return html.read(shown, text)
    if suffix in RESOURCE_SUFFIXES:
        from tcheck.formats import resources

        return resources.read(shown, text)
    if suffix in MARKDOWN_SUFFIXES:
        from tcheck.formats import markdown
        from tcheck.formats.frontmatter import prose_keys_option

        return markdown.read(shown, text, prose_keys_option(options))
    from tcheck.formats import text as plain

    return plain.read(shown, text)
