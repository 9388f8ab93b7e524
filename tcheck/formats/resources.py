"""Translation resource files read as key → text units, and paired with their source by key.

Content repositories keep the strings of their interface in resource files; each string becomes
one segment (``kind="resource"``) whose ``id`` is its key path (``home.about.cncf``,
``nav.items.0.label``) and whose characters keep their exact file positions through escapes.

What is read as prose:

- Docusaurus ``i18n/{lang}/code.json`` and the plugin files (``current.json``, ``navbar.json`` ...):
  ``{"key": {"message": "...", "description": "..."}}``: the ``message`` (also Chrome extension
  ``messages.json``, which has the same shape), never the ``description``;
- Docusaurus ``_category_.json``/``.yml``: ``label``, ``link.title`` and ``link.description``;
- i18next and other nested JSON: every string, keys joined with ``.`` (list items by index);
  plural keys ``key_one``/``key_other`` are ordinary keys;
- Flutter ARB: every ``"key": "text"``; ``@key`` metadata is skipped and ``@@locale`` names the
  language;
- Hugo ``i18n/{lang}.toml|yaml|json`` (go-i18n): ``key = "..."`` or a table of plural forms
  (``one``/``other`` ...; ``description``, ``hash`` and ``id`` are not prose), and the older list of
  ``{id, translation}`` entries;
- Rails-style YAML (``de: {a: {b: "text"}}``): the single root key is the language and is not part
  of the key path, so ``de.a.b`` and ``en.a.b`` are both ``a.b``.

Keys starting with ``@``, values that are not strings, and values with no letter once URLs and
placeholders are masked (``https://...``, ``4.2.3``, ``{count}``) or that are a lone path
(``/img/logo.svg``) are not prose. Placeholders are masked with spaces
(:mod:`tcheck.formats.placeholders`). The language comes from ``@@locale``, the Rails root key, or a
file named by a language code (``de.toml``, ``app_de.arb``); otherwise from the path as for any
file (``i18n/de/code.json``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from tcheck.formats.masking import mask_urls
from tcheck.formats.placeholders import mask_placeholders
from tcheck.formats.resource_paths import CATEGORY_FILES
from tcheck.formats.resource_paths import is_resource_path as is_resource_path  # callers' name for it
from tcheck.formats.resource_values import Node, Str
from tcheck.formats.sentences import split_sentences
from tcheck.locale import language_code as shared_language_code
from tcheck.model import Document, Segment, Span, frozen_map

PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
_GO_I18N_FIELDS = frozenset({"id", "hash", "description", "leftdelim", "rightdelim", *PLURAL_FORMS})
_DOCUSAURUS_FIELDS = frozenset({"message", "description", "placeholders"})
_CATEGORY_PROSE = ("label", "link.title", "link.description")
_LETTER = re.compile(r"[^\W\d_]")
_LONE_PATH = re.compile(r"[\w.~%@+-]*(?:/[\w.~%@+-]*)+")
_LANG_CODE = re.compile(r"[a-z]{2,3}(?:[-_](?:[A-Za-z]{2}|[A-Z][a-z]{3}|\d{3}))?")
_PLURAL_SUFFIX = re.compile(r"^(?P<base>.+?)(?P<sep>[._])(?P<form>zero|one|two|few|many|other|plural|\d)$")


def is_resource_document(doc: Document) -> bool:
    """Whether ``doc`` was read by this module (its segments are keyed strings)."""
    return doc.metadata.get("format", "").startswith("resource-")


def language_code(name: str) -> str | None:
    """``name`` as a CLDR language code (``de``, ``pt_BR``, ``zh-Hans``, ``no`` → ``nb``), or None."""
    return shared_language_code(name) if _LANG_CODE.fullmatch(name) else None


def _file_language(path: str) -> str | None:
    """The language a resource file's own name gives: ``de.toml``, ``pt-BR.json``, ``app_de.arb``."""
    stem = PurePosixPath(path.replace("\\", "/")).stem
    if code := language_code(stem):
        return code
    parts = stem.split("_")
    if len(parts) >= 2:
        return language_code("_".join(parts[-2:])) or language_code(parts[-1])
    return None


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _docusaurus_message(node: dict[str, Node]) -> Str | None:
    message = node.get("message")
    if isinstance(message, Str) and node.keys() <= _DOCUSAURUS_FIELDS:
        return message
    return None


def _go_i18n_message(node: dict[str, Node]) -> bool:
    """A go-i18n message table (Hugo): plural forms, maybe with ``description``/``hash``/``id``."""
    return (
        node.keys() <= _GO_I18N_FIELDS
        and any(k in PLURAL_FORMS for k in node)
        and all(v is None or isinstance(v, Str) for v in node.values())
    )


def _v1_entries(node: list[Node]) -> list[tuple[str, Node]] | None:
    """The older go-i18n list ``[{id: key, translation: text}]`` as ``(key, translation)`` pairs."""
    entries: list[tuple[str, Node]] = []
    for item in node:
        if not isinstance(item, dict) or "translation" not in item:
            return None
        key = item.get("id")
        if not isinstance(key, Str):
            return None
        entries.append((key.value, item["translation"]))
    return entries or None


def prose(root: Node) -> Iterator[tuple[str, Str, bool]]:
    """``(key path, string, is a Docusaurus message)`` of every prose string of a resource tree,
    in file order."""
    stack: list[tuple[str, Node]] = [("", root)]
    while stack:
        prefix, node = stack.pop()
        if isinstance(node, Str):
            yield prefix, node, False
            continue
        items: list[tuple[str, Node]]
        if isinstance(node, list):
            items = _v1_entries(node) or [(str(i), item) for i, item in enumerate(node)]
        elif isinstance(node, dict):
            message = _docusaurus_message(node)
            if message is not None:
                yield prefix, message, True
                continue
            items = [(k, v) for k, v in node.items() if not k.startswith("@")]
            if _go_i18n_message(node):
                items = [(k, v) for k, v in items if k in PLURAL_FORMS]
        else:
            continue
        stack.extend((_join(prefix, k), v) for k, v in reversed(items))


def _category_prose(root: Node) -> Iterator[tuple[str, Str, bool]]:
    for key in _CATEGORY_PROSE:
        node: Node = root
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, Str):
            yield key, node, False


def _sentences(text: str, bars: list[int]) -> tuple[tuple[int, int], ...]:
    """Sentences of ``text``, never across the given ``bars`` (offsets of plural separators)."""
    if not bars:
        return split_sentences(text)
    found: list[tuple[int, int]] = []
    start = 0
    for stop in [*bars, len(text)]:
        found.extend((start + a, start + b) for a, b in split_sentences(text[start:stop]))
        start = stop + 1
    return tuple(found)


def _segment(seg_id: str, leaf: Str, path: str, plural_bars: bool = False) -> Segment | None:
    """One prose string as a segment: placeholders and URLs masked, outer white space trimmed;
    None when nothing is left to read. With ``plural_bars`` (Docusaurus), ``|`` separates plural
    forms (``Ein Beitrag|{count} Beiträge``): it is masked and each form is its own sentence."""
    masked = mask_urls(mask_placeholders(leaf.value))
    bars = [i for i, ch in enumerate(masked) if ch == "|"] if plural_bars else []
    if bars:
        masked = masked.replace("|", " ")
    first = len(masked) - len(masked.lstrip())
    last = len(masked.rstrip())
    text = masked[first:last]
    sentences = _sentences(text, [i - first for i in bars if first <= i < last])
    if not _LETTER.search(text) or _LONE_PATH.fullmatch(text):
        return None
    if leaf.starts is None or leaf.ends is None:
        span = Span(leaf.start + first, leaf.start + last)
        offsets = ends = None
    else:
        ends = leaf.ends[first:last]
        offsets = (*leaf.starts[first:last], ends[-1])
        span = Span(min(offsets), max(ends))
    return Segment(
        id=seg_id,
        text=text,
        span=span,
        kind="resource",
        sentences=sentences,
        offsets=offsets,
        path=path,
        ends=ends,
        extent=Span(leaf.start, leaf.end) if (leaf.start, leaf.end) != (span.start, span.end) else None,
    )


def _parse(path: str, text: str, suffix: str) -> tuple[Node, str]:
    if suffix in (".yaml", ".yml"):
        from tcheck.formats import resources_yaml

        return resources_yaml.parse(path, text), "yaml"
    if suffix == ".toml":
        from tcheck.formats import resources_toml

        return resources_toml.parse(path, text), "toml"
    from tcheck.formats import resources_json

    return resources_json.parse(path, text), "arb" if suffix == ".arb" else "json"


def read(path: str, text: str) -> Document:
    """A resource file as a document of keyed segments (see the module documentation)."""
    file = PurePosixPath(path.replace("\\", "/"))
    root, fmt = _parse(path, text, file.suffix.lower())
    lang: str | None = None
    if isinstance(root, dict):
        locale = root.get("@@locale")
        if isinstance(locale, Str):
            lang = language_code(locale.value)
        if len(root) == 1:  # Rails: the single root key is the language
            ((key, value),) = root.items()
            if isinstance(value, dict) and (code := language_code(key)):
                lang, root = code, value
    found = _category_prose(root) if file.name.lower() in CATEGORY_FILES else prose(root)
    segments = tuple(seg for key, leaf, bars in found if (seg := _segment(key, leaf, path, bars)) is not None)
    return Document(
        path=path,
        text=text,
        lang=lang or _file_language(path),
        segments=segments,
        metadata=frozen_map({"format": f"resource-{fmt}"}),
    )


def _candidates(seg_id: str) -> Iterator[str]:
    """Source keys a target key pairs with, best first: the same key; for a plural form the
    source's ``other`` form (either spelling), the old i18next ``_plural``, or the bare key; for a
    bare key the source's ``other`` form."""
    yield seg_id
    match = _PLURAL_SUFFIX.match(seg_id)
    if match is None:
        yield from (f"{seg_id}.other", f"{seg_id}_other", f"{seg_id}_plural")
        return
    base, sep = match.group("base"), match.group("sep")
    other_sep = "_" if sep == "." else "."
    yield from (f"{base}{sep}other", f"{base}{other_sep}other", f"{base}_plural", base)


def pair_by_key(target: Document, source: Document) -> Document:
    """``target`` with each segment's ``counterpart`` the source segment of the same key.

    A plural form the source lacks (Russian ``few``, Arabic ``two``) pairs with the source's
    ``other``. Keys only one side has stay unpaired; nothing here is an error."""
    by_key = {seg.id: seg for seg in source.segments}
    paired = []
    for seg in target.segments:
        counterpart = next((by_key[k] for k in _candidates(seg.id) if k in by_key), None)
        paired.append(dataclasses.replace(seg, counterpart=counterpart))
    return dataclasses.replace(
        target,
        segments=tuple(paired),
        source=source,
        metadata=frozen_map({**target.metadata, "alignment": "key"}),
    )
