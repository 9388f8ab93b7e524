"""The pages a Hugo or Docusaurus site serves, and whether a link names one of them.

The site is read from disk (its configuration, see :mod:`tcheck.bilingual.site`, and every file
below its root), so the answer is the same whichever of its files a run checks, and a page added
or removed since the last run is seen at once. Routes are compared loosely, as a reader's browser
reaches them: without ``#fragment`` or ``?query``, percent-decoded, in lower case, without a
trailing ``/``, ``index.html``, ``.html``, ``.md`` or ``.mdx``.

Hugo: ``content/<lang>/a/b.md`` is ``/<lang>/a/b/`` (each language's ``contentDir``; the default
language without its prefix unless ``defaultContentLanguageInSubdir``), ``_index.md`` and
``index.md`` are their folder, every folder above a page is a section, files named
``post.<lang>.md`` belong to that language, and the front matter's ``slug``, ``url`` and
``aliases`` add the routes they name. Docusaurus: ``docs/a/b.md`` is ``/docs/a/b`` (numbered
prefixes ``01-`` dropped, ``index``/``README`` and a file named like its folder are the folder,
``slug`` and ``id`` in the front matter), ``versioned_docs/version-X/`` is ``/docs/X/`` (the last
version under ``/docs/``), ``blog/2021-03-04-news.md`` is ``/blog/2021/03/04/news``,
``src/pages/x`` is ``/x`` (files and folders named ``_...`` are partials, not pages); every
locale serves every page under ``/<locale>/`` (untranslated pages fall back to the default
language), besides its own ``i18n/<locale>/...`` files. Files in ``static/`` (and a Hugo page
bundle's resources) are served as they are.

A link is *unknown* (neither a page nor a missing one) when it names something the site generates
(Hugo's taxonomies and sections placed by ``[permalinks]``, RSS feeds, Docusaurus's tag and
category pages) or a file that is not a page.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from tcheck.bilingual.site import Site, read_site

PAGE_SUFFIXES = frozenset({".md", ".mdx", ".markdown", ".html", ".htm", ".adoc", ".asciidoc", ".org", ".rst"})
_SKIPPED = frozenset({".git", "node_modules", ".docusaurus", "build", "public", "resources", ".venv"})
_HEAD = 4096  # bytes of a page read for its front matter
_NUMBER = re.compile(r"^\d+[-_.]")
_BLOG_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_LANG_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)$")
_SCALAR = re.compile(r"^(slug|url|id)\s*[:=]\s*['\"]?([^'\"#\n]*?)['\"]?\s*$", re.M | re.I)
_ALIASES = re.compile(r"^aliases\s*[:=]\s*(.*)$", re.I)
_GENERATED = frozenset({"index.xml", "sitemap.xml", "rss.xml", "atom.xml", "feed.xml", "search"})


def normalise(route: str) -> str:
    """A route as compared: ``/Bn/Scalable/index.html#x`` → ``/bn/scalable``."""
    route = unquote(route.split("#", 1)[0].split("?", 1)[0]).strip().lower()
    for tail in ("/index.html", "/index.htm", ".html", ".htm", ".mdx", ".md"):
        if route.endswith(tail):
            route = route[: -len(tail)]
            break
    route = re.sub(r"/{2,}", "/", route).rstrip("/")
    return route if route.startswith("/") else "/" + route


@dataclass(frozen=True)
class Routes:
    """The routes of one site (normalised) and the prefixes of routes the site generates."""

    root: Path
    pages: frozenset[str]
    generated: frozenset[str] = frozenset()

    def find(self, destination: str) -> bool | None:
        """Whether a root-relative link (``/bn/scalable/``) names a page of the site; None when
        it names a file that is not a page, or something the site generates (a taxonomy, a feed)."""
        route = normalise(destination)
        if route in self.pages:
            return True
        parts = route.strip("/").split("/")
        if any(p in self.generated for p in parts[:3]) or parts[-1] in _GENERATED:
            return None
        suffix = PurePosixPath(unquote(destination.split("#", 1)[0].split("?", 1)[0])).suffix.lower()
        if suffix and suffix not in PAGE_SUFFIXES:
            return None  # an image, a PDF...: not a page; without the build's output, unknown
        return False


def site_routes(root: Path) -> Routes | None:
    """The routes of the Hugo or Docusaurus site at ``root`` (None: not such a site)."""
    site = read_site(root)
    if site.kind == "hugo":
        return Routes(root, frozenset(_hugo(site)), site.generated)
    if site.kind == "docusaurus":
        pages, unknown = _docusaurus(site)
        return Routes(root, frozenset(pages), frozenset({"tags", "category", *unknown}))
    return None


# -- reading the tree ---------------------------------------------------------------------------
def _files(folder: Path) -> Iterator[PurePosixPath]:
    """Every file below ``folder``, relative to it (hidden and build folders skipped)."""
    for top, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith("."))
        rel = PurePosixPath(Path(top).relative_to(folder).as_posix())
        for name in sorted(names):
            yield rel / name if str(rel) != "." else PurePosixPath(name)


def front_matter(path: Path) -> dict[str, list[str]]:
    """``slug``, ``url``, ``id`` and ``aliases`` from a page's YAML or TOML front matter."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD).decode("utf-8", errors="replace")
    except OSError:
        return {}
    head = head.lstrip("\ufeff")
    fence = head[:3]
    if fence not in ("---", "+++"):
        return {}
    end = head.find("\n" + fence, 3)
    block = head[3 : end if end >= 0 else len(head)]
    out: dict[str, list[str]] = {}
    for match in _SCALAR.finditer(block):
        if match.group(2).strip():
            out.setdefault(match.group(1).lower(), []).append(match.group(2).strip())
    lines = block.splitlines()
    for i, line in enumerate(lines):
        found = _ALIASES.match(line)
        if found is None:
            continue
        rest = found.group(1).strip()
        if rest:
            items = re.findall(r"['\"]?([^'\",\[\]]+?)['\"]?\s*(?:,|\]|$)", rest)
        else:
            items = []
            for follow in lines[i + 1 :]:
                item = re.match(r"^\s*-\s*['\"]?([^'\"]+?)['\"]?\s*$", follow)
                if item is None:
                    break
                items.append(item.group(1))
        out["aliases"] = [a.strip() for a in items if a.strip()]
    return out


def _join(*parts: str) -> str:
    return normalise("/".join(p.strip("/") for p in parts if p.strip("/")))


def _with_ancestors(route: str, into: set[str]) -> None:
    parts = route.strip("/").split("/")
    for n in range(len(parts) + 1):
        into.add("/" + "/".join(parts[:n]) if n else "/")


# -- Hugo ---------------------------------------------------------------------------------------
def _hugo(site: Site) -> set[str]:
    routes: set[str] = {"/"}
    default = site.default_lang or "en"
    folders: dict[str, list[str]] = {}
    for lang, folder in site.content_dirs:
        folders.setdefault(folder, []).append(lang)
    for folder, langs in folders.items():
        base = site.root / folder
        shared = len(langs) > 1 or langs == [""]  # one folder for several languages: post.<lang>.md
        for rel in _files(base):
            lang = langs[0] if not shared else default
            stem_path = rel.with_suffix("")
            if rel.suffix.lower() in PAGE_SUFFIXES and shared:
                match = _LANG_SUFFIX.match(rel.stem)
                if match and (match.group("lang") in langs or match.group("lang").lower() in langs):
                    lang, stem_path = match.group("lang"), rel.with_name(match.group("stem"))
            prefix = "" if (not lang or (lang == default and not site.default_in_subdir)) else lang
            if rel.suffix.lower() not in PAGE_SUFFIXES:
                routes.add(_join(prefix, str(rel)))  # a bundle's resource
                continue
            page_dir = str(stem_path.parent) if str(stem_path.parent) != "." else ""
            name = stem_path.name
            route = _join(prefix, page_dir) if name in ("_index", "index") else _join(prefix, page_dir, name)
            route = route.replace(" ", "-")
            _with_ancestors(route, routes)
            meta = front_matter(base / rel)
            bundle = name in ("_index", "index")
            slug_dir = str(PurePosixPath(page_dir).parent) if bundle and page_dir else page_dir
            for slug in meta.get("slug", ()):  # a bundle's slug renames its folder
                routes.add(_join(prefix, slug_dir.strip("."), slug))
            for url in meta.get("url", ()):
                routes.update({_join(url), _join(prefix, url)})
            for alias in meta.get("aliases", ()):
                routes.add(_join(alias) if alias.startswith("/") else _join(prefix, page_dir, alias))
    prefixes = [lang for lang, _ in site.content_dirs if lang] or [""]
    for rel in _files(site.root / "static"):
        routes.update(_join(p, str(rel)) for p in ("", *prefixes))
    return routes


# -- Docusaurus ---------------------------------------------------------------------------------
def _doc_routes(base: Path, mount: str) -> Iterator[str]:
    """Routes of the docs (or pages) below ``base``, served under ``mount``."""
    for rel in _files(base):
        if rel.suffix.lower() not in PAGE_SUFFIXES or any(p.startswith("_") for p in rel.parts):
            continue  # Docusaurus leaves out files and folders named with a leading "_" (partials)
        parts = [_NUMBER.sub("", p) for p in rel.with_suffix("").parts]
        folder = parts[:-1]
        name = parts[-1]
        if name.lower() in ("index", "readme") or (folder and name == folder[-1]):
            yield _join(mount, *folder)
        else:
            yield _join(mount, *folder, name)
        meta = front_matter(base / rel)
        for slug in meta.get("slug", ()):
            yield _join(mount, slug) if slug.startswith("/") else _join(mount, *folder, slug)
        for doc_id in meta.get("id", ()):
            yield _join(mount, *folder, doc_id)


def _blog_routes(base: Path, mount: str) -> Iterator[str]:
    yield _join(mount)
    for rel in _files(base):
        if rel.suffix.lower() not in PAGE_SUFFIXES:
            continue
        stem = rel.parent.name if rel.stem == "index" else rel.stem
        dated = _BLOG_DATE.match(stem)
        if dated:
            yield _join(mount, *dated.groups()[:3], dated.group(4))
            yield _join(mount, dated.group(4))
        else:
            yield _join(mount, stem)
        for slug in front_matter(base / rel).get("slug", ()):
            yield _join(mount, slug)


def _plugins(root: Path) -> list[str]:
    """Ids of the docs plugins besides the default one (``i18n/*/docusaurus-plugin-content-docs-X``)."""
    found = {
        p.name[len("docusaurus-plugin-content-docs-") :]
        for p in root.glob("i18n/*/docusaurus-plugin-content-docs-*")
        if p.is_dir()
    }
    return sorted(found)


def _latest_version(root: Path, versions: list[str]) -> str:
    """Docusaurus's default ``lastVersion``: the first of ``versions.json``, else "current"."""
    try:
        listed = json.loads((root / "versions.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        listed = None
    if isinstance(listed, list) and listed and str(listed[0]) in versions:
        return str(listed[0])
    return "current"


def _docs_areas(site: Site) -> Iterator[tuple[Path, str, str]]:
    """(folder, route it is served at, the matching folder in ``i18n/<locale>/...``)."""
    root = site.root
    for plugin in _plugins(root):
        yield root / plugin, f"/{plugin}", f"docusaurus-plugin-content-docs-{plugin}/current"
    versions = sorted(p.name[len("version-") :] for p in (root / "versioned_docs").glob("version-*"))
    last = site.last_version or _latest_version(root, versions)
    for base in dict.fromkeys(("/docs", *site.route_bases)):  # which is the docs' is not known
        current_mount = base if last == "current" else _join(base, "next")
        yield root / "docs", current_mount, "docusaurus-plugin-content-docs/current"
        for version in versions:
            mount = base if version == last else _join(base, version)
            yield (
                root / "versioned_docs" / f"version-{version}",
                mount,
                f"docusaurus-plugin-content-docs/version-{version}",
            )
    yield root / "src" / "pages", "/", "docusaurus-plugin-content-pages"


def _docusaurus(site: Site) -> tuple[set[str], set[str]]:
    """The site's routes, and the first folders of routes it serves from folders not in the
    repository (a docs plugin or blog whose files are elsewhere: links there are unknown)."""
    root = site.root
    unknown = {plugin for plugin in _plugins(root) if not (root / plugin).is_dir()}
    if not (root / "blog").is_dir():
        unknown.add("blog")
    default: set[str] = {"/"}
    areas = list(_docs_areas(site))
    for folder, mount, _ in areas:
        for route in _doc_routes(folder, mount):
            _with_ancestors(route, default)
    default.update(_blog_routes(root / "blog", "/blog") if (root / "blog").is_dir() else ())
    for rel in _files(root / "static"):
        default.add(_join(str(rel)))
    routes = set(default)
    locales = sorted((site.languages or frozenset()) - {site.default_lang or "en"})
    if not locales and (root / "i18n").is_dir():
        locales = sorted(p.name for p in (root / "i18n").iterdir() if p.is_dir())
    for locale in locales:
        own = {_join(locale, r) for r in default}  # untranslated pages fall back to the default
        for _, mount, i18n in areas:
            for route in _doc_routes(root / "i18n" / locale / i18n, mount):
                _with_ancestors(_join(locale, route), own)
        blog = root / "i18n" / locale / "docusaurus-plugin-content-blog"
        if blog.is_dir():
            own.update(_join(locale, r) for r in _blog_routes(blog, "/blog"))
        routes |= own
    return routes, unknown
