"""The run's last look at links into a translation's own tree: is the page there?

TC602 cannot read other files, so a changed link that points into the translation's own tree
(``/bn/scalable/`` where the source links ``/scalability/``) leaves the check as info, with the
link and the source's link in its data. Once every document is checked, the run looks each such
link up among the pages of its site (:mod:`tcheck.bilingual.routes`, read from disk on every run:
a page added or removed since a cached result is seen at once, and no cached result depends on
the other pages):

- the site serves that page: the link is the page under its translated name, no finding;
- the source's own link, localised (``/bn/devops/`` for ``/devops/``), to a page the
  translation's language does not have: a warning (a dead link for its readers); unknown: nothing;
- it does not: a warning that names the missing page;
- the file is in no Hugo or Docusaurus site, or the link names something the site generates or
  a file that is not a page: the info stays as it was.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tcheck.bilingual.site import site_root
from tcheck.model import Finding, Severity, sorted_findings

if TYPE_CHECKING:  # the site's routes are read only when a finding has an own-tree link
    from tcheck.bilingual.routes import Routes

OWN_TREE = "own-tree"  # data key: the destination written in the translation
SOURCE_LINK = "source-link"  # data key: the source's destination it stands for
LOCALISED = "localised"  # data key: the source's own link, localised (only a missing page is news)

SeverityFor = Callable[[str, str, Severity], Severity]  # (path, code, default) -> configured


def resolve_page_links(
    findings: list[Finding], inputs: Sequence[object], severity_for: SeverityFor
) -> list[Finding]:
    """``findings`` with each own-tree link resolved against its site's pages (see the module).

    ``inputs`` are the run's (:class:`tcheck.engine.Input`): a finding's shown path is looked up
    there for the file's path on disk (a path missing there is taken as it is), only when some
    finding has such a link; ``severity_for`` gives the configured severity of a code for a
    document."""
    if not any(OWN_TREE in f.data for f in findings):
        return findings
    real_paths = real_paths_of(inputs)
    sites: dict[Path, Routes | None] = {}
    out: list[Finding] = []
    changed = False
    for finding in findings:
        destination = finding.data.get(OWN_TREE)
        if not isinstance(destination, str):
            out.append(finding)
            continue
        changed = True
        data = {k: v for k, v in finding.data.items() if k not in (OWN_TREE, SOURCE_LINK, LOCALISED)}
        routes = _routes(real_paths.get(finding.path, finding.path), sites)
        found = routes.find(destination) if routes is not None else None
        localised = bool(finding.data.get(LOCALISED))
        if found or (found is None and localised):
            continue  # the page under its translated name, or a localised link nothing contradicts
        if found is None:
            out.append(dataclasses.replace(finding, data=data))
            continue
        source = finding.data.get(SOURCE_LINK)
        message = f"'{destination}' is not a page of the site"
        if localised and isinstance(source, str) and source:
            message += f": the source's '{source}' has no page in this language"
        elif isinstance(source, str) and source:
            message += f": the source links '{source}'"
        severity = severity_for(finding.path, finding.code, Severity.WARNING)
        out.append(dataclasses.replace(finding, severity=severity, message=message, data=data))
    return sorted_findings(out) if changed else findings


def real_paths_of(inputs: Sequence[object]) -> dict[str, str]:
    """Shown path → path on disk, of the run's inputs (:class:`tcheck.engine.Input`)."""
    out: dict[str, str] = {}
    for item in inputs:
        shown, path = getattr(item, "shown", None), getattr(item, "path", None)
        if isinstance(shown, str) and isinstance(path, str):
            out[shown] = path
    return out


def _routes(path: str, sites: dict[Path, Routes | None]) -> Routes | None:
    root = site_root(Path(os.path.abspath(path)).parent)
    if root is None:
        return None
    if root not in sites:
        try:
            from tcheck.bilingual.routes import site_routes

            sites[root] = site_routes(root)
        except OSError:  # a tree that cannot be listed: the pages are unknown
            sites[root] = None
    return sites[root]
