"""Which files of a repository are translation resource files, by their path alone.

Discovery asks this of every file it walks; it needs none of what reading a resource file does
(:mod:`tcheck.formats.resources`: the value parsers, placeholder masking, sentence splitting),
so a run that finds no resource file does not import those.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from tcheck.formats import RESOURCE_SUFFIXES

RESOURCE_FOLDERS = frozenset({"i18n", "locales", "locale", "lang", "langs", "translations", "l10n"})
CATEGORY_FILES = frozenset({"_category_.json", "_category_.yml", "_category_.yaml"})
NOT_RESOURCES = frozenset(
    {"package.json", "package-lock.json", "tsconfig.json", "jsconfig.json", "composer.json", "versions.json"}
)


def is_resource_path(rel_path: str) -> bool:
    """Whether a file of a repository (path relative to the folder searched) is a translation
    resource file: a ``.json``/``.yaml``/``.yml``/``.toml`` file below a folder named ``i18n``,
    ``locales``, ``locale``, ``lang``, ``langs``, ``translations`` or ``l10n`` (at any depth), any
    ``.arb`` file, or a Docusaurus ``_category_.json``/``.yml``. ``package.json``, ``tsconfig.json``,
    ``versions.json``, hidden files, a Hugo ``config.toml`` or a CI workflow are not."""
    path = PurePosixPath(rel_path.replace("\\", "/"))
    name = path.name.lower()
    suffix = path.suffix.lower()
    if name.startswith(".") or name in NOT_RESOURCES:
        return False
    if name in CATEGORY_FILES or suffix == ".arb":
        return True
    if suffix not in RESOURCE_SUFFIXES:
        return False
    return any(part.lower() in RESOURCE_FOLDERS for part in path.parts[:-1])
