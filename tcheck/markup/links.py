"""Link targets as a multilingual site localises them.

A translated page may point at the same page in its own language's tree, and that is right:
``/docs/x/`` becomes ``/ja/docs/x/`` (Hugo and Docusaurus put the language first),
``https://developer.mozilla.org/en-US/docs/Web`` becomes ``.../de/docs/Web``. So a destination
is compared as its *page*: language codes of the source or target language (any case, ``-`` or
``_``, with or without region) dropped from its path, extra prefixes from the option
``language-prefixes`` dropped too, ``http``/``https`` and ``www.`` folded, and ``./``, a trailing
``/``, ``index.md``/``_index.md`` and the ``.md``/``.mdx`` suffix (which Docusaurus and Hugo
resolve either way) ignored, and a path is compared without its leading ``/`` or ``../`` (Hugo
resolves ``../container/`` on a page to the site's ``/container/``). The fragment (``#section``) is kept apart: a heading translated on
the other page may rightly change it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_SCHEME = re.compile(r"^(?:https?:)?//(?:www\.)?([^/?#]*)", re.I)
_SUFFIX = re.compile(r"(?:/(?:_?index)(?:\.mdx?)?|\.mdx?)$")


@dataclass(frozen=True, slots=True)
class Target:
    """A destination split into the page it names and its fragment."""

    page: str
    fragment: str

    @property
    def same_page(self) -> bool:
        return not self.page


def language_codes(*langs: str | None, extra: Iterable[str] = ()) -> frozenset[str]:
    """Path segments that name one of ``langs`` (``pt-BR`` gives ``pt-br``, ``pt_br``, ``pt``)."""
    out: set[str] = {e.lower().strip("/") for e in extra}
    for lang in langs:
        if not lang:
            continue
        low = lang.lower()
        parts = re.split(r"[-_]", low)
        primary = parts[0]
        script = next((p for p in parts[1:] if len(p) == 4), "")
        region = next((p for p in parts[1:] if len(p) == 2 or (len(p) == 3 and p.isdigit())), "")
        forms = {low, primary}
        for tail in (
            ([script] if script else [])
            + ([region] if region else [])
            + ([f"{script}-{region}"] if script and region else [])
        ):
            forms.add(f"{primary}-{tail}")
        out.update(forms)
        out.update(f.replace("-", "_") for f in forms)
    out.discard("")
    return frozenset(out)


def country_domains(lang: str | None) -> frozenset[str]:
    """The country top-level domains of ``lang``: its own region's (``pt-BR`` → ``br``), else
    the region CLDR finds most likely for it (``tr`` → ``tr``, ``ja`` → ``jp``, ``ko`` → ``kr``)."""
    if not lang:
        return frozenset()
    from babel.core import get_global

    parts = re.split(r"[-_]", lang)
    regions = [p for p in parts[1:] if len(p) == 2 and p.isalpha()]
    if not regions:
        likely = get_global("likely_subtags").get(parts[0].lower())
        regions = [likely.rsplit("_", 1)[-1]] if likely else []
    return frozenset("uk" if r.upper() == "GB" else r.lower() for r in regions)


def host(destination: str) -> str:
    """The host of an absolute ``http``/``https`` destination, lower case, else ``""``."""
    match = re.match(r"(?:https?:)?//([^/?#:\s]+)", destination.strip().strip("<>"), re.I)
    return match.group(1).lower() if match else ""


_TAG_SHAPE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{2,8}){1,2}")


def _names_language(segment: str, codes: frozenset[str]) -> bool:
    """Whether a path segment is a language code of ``codes`` (``ja``, ``zh-CN``, ``en-US``)."""
    low = segment.lower()
    if low in codes:
        return True
    match = _TAG_SHAPE.fullmatch(low)
    return match is not None and match.group(1) in codes


@lru_cache(maxsize=4096)
def target(destination: str, codes: frozenset[str]) -> Target:
    """The page and fragment of ``destination`` with the language codes ``codes`` dropped."""
    dest = destination.strip().strip("<>")
    dest, _, fragment = dest.partition("#")
    host = ""
    match = _SCHEME.match(dest)
    if match is not None:
        labels = match.group(1).lower().split(".")
        if len(labels) > 2 and labels[0] in codes:
            labels = labels[1:]  # ja.wikipedia.org
        host = "//" + ".".join(labels)
        dest = dest[match.end() :]
    path, _, query = dest.partition("?")
    parts = [p for p in path.split("/") if p not in (".", "") and not _names_language(p, codes)]
    while parts and parts[0] == "..":  # Hugo's ../x/ from a page is the site's /x/
        parts.pop(0)
    page = "/".join(parts)
    if path.startswith("/") and not page:
        page = "/"
    page = _SUFFIX.sub("", page)
    if len(page) > 1:
        page = page.rstrip("/")
    if host:
        page = host + ("/" + page if page not in ("/", "") else "")
    if query:
        page += "?" + query
    return Target(page, fragment)


def same_path(source: str, translation: str, codes: frozenset[str]) -> bool:
    """Whether one of the two is absolute and the other relative to the site with the same path
    or page name: ``https://glossary.cncf.io/containerization/`` and ``/fr/containerization/``
    (a page of the site itself, written either way; or its source file on a code host)."""
    a, b = target(source, codes).page, target(translation, codes).page
    if a.startswith("//") == b.startswith("//"):
        return False
    absolute, relative = (a, b) if a.startswith("//") else (b, a)
    path = absolute[2:].partition("/")[2]
    if not path or not relative.strip("/"):
        return False
    # the same path, or the same page name (a source file on a code host: .../en/scalability.md)
    return path == relative.lstrip("/") or path.rsplit("/", 1)[-1] == relative.rsplit("/", 1)[-1]


def localised(source: str, translation: str, codes: frozenset[str], own: frozenset[str]) -> bool:
    """Whether ``translation`` is the translation's own language version of the site
    ``source`` points into: both absolute on one host (language labels aside), and the
    translation names one of ``own`` (the translation's language) where the source does not
    (``en.wikipedia.org/wiki/Capital_expenditure`` and ``ja.wikipedia.org/wiki/資本的支出``; a
    file named for the language, ``.../code-of-conduct.md`` and ``.../languages/ru.md``)."""
    a, b = _SCHEME.match(source), _SCHEME.match(translation)
    if a is None or b is None:
        return False
    if target(source, codes).page.split("/")[2:3] != target(translation, codes).page.split("/")[2:3]:
        return False
    return bool(_markers(translation) & own) and not _markers(source) & own


def _markers(url: str) -> set[str]:
    match = _SCHEME.match(url)
    host = match.group(1).lower().split(".") if match is not None else []
    rest = url[match.end() :] if match is not None else url
    parts = {p.lower() for p in re.split(r"[/?#&=]", rest) if p}
    stems = {p.rsplit(".", 1)[0] for p in parts if "." in p}  # a file per language: .../ru.md
    return set(host) | parts | stems


def same_file(source: str, translation: str, source_path: str, path: str, codes: frozenset[str]) -> bool:
    """Whether a relative link on one side and a site-absolute one on the other name the same
    file: ``./helm_get.md`` on ``.../helm/helm.md`` and ``/helm/helm_get.md`` (Docusaurus
    resolves the first from the page's folder, the second from the docs root)."""
    pairs = ((source, translation, path), (translation, source, source_path))
    for relative, absolute, page_path in pairs:
        rel, ab = relative.strip(), absolute.strip()
        if _SCHEME.match(rel) or _SCHEME.match(ab) or rel.startswith(("/", "#")) or not ab.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), rel.partition("#")[0]))
        if ("/" + target(resolved, codes).page.lstrip("/")).endswith(
            "/" + target(ab, codes).page.lstrip("/")
        ):
            return True
    return False


def same_route(source: str, translation: str, codes: frozenset[str]) -> bool:
    """Whether one path is the other with one more leading folder: a file path and the site
    route it is served at (``/topics/charts.md`` and ``/zh/docs/topics/charts``, Docusaurus
    serving the docs under ``/docs/``)."""
    a = [p for p in target(source, codes).page.split("/") if p]
    b = [p for p in target(translation, codes).page.split("/") if p]
    if source.startswith(("http:", "https:", "//")) or translation.startswith(("http:", "https:", "//")):
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return bool(short) and len(long) - len(short) == 1 and long[1:] == short
