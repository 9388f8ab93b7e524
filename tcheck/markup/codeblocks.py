"""Code blocks compared without their comments, which translators may translate.

A comment is what the block's language (its info string, ``bash``, ``yaml``, ``go`` ...) says it
is; for a block without a language, ``#`` and ``//`` comments that begin a line or follow white
space, ``/* ... */`` and ``<!-- ... -->``. What is left is compared with its white space runs
folded, so re-indenting a comment away does not count either.
"""

from __future__ import annotations

import re

_HASH = r"(?:^|(?<=\s))#(?![!{])[^\n]*"
_SLASH = r"(?:^|(?<=\s))//[^\n]*"
_BLOCK = r"/\*.*?\*/"
_TEMPLATE = r"\{\{-?\s*/\*.*?\*/\s*-?\}\}"  # Go template comments in Helm charts
_XML = r"<!--.*?-->"
_DASH = r"(?:^|(?<=\s))--(?!-)\s[^\n]*"
_SEMI = r"(?:^|(?<=\s));[^\n]*"
_BY_LANGUAGE: dict[str, str] = {}
for _names, _pattern in (
    (
        "sh bash shell console zsh fish powershell ps1 yaml yml toml python py ruby rb perl r make "
        "makefile dockerfile docker ini conf properties cfg nginx gitignore terraform hcl tf text txt",
        f"{_HASH}|{_TEMPLATE}",
    ),
    (
        "go js javascript jsx ts typescript tsx java c cpp c++ cs csharp kotlin swift rust rs scala php json5 proto",
        f"{_SLASH}|{_BLOCK}",
    ),
    ("html xml svg vue markdown md mdx", _XML),
    ("sql lua haskell hs", f"{_DASH}|{_BLOCK}"),
    ("css scss less", _BLOCK),
    ("lisp clojure clj asm", _SEMI),
):
    for _name in _names.split():
        _BY_LANGUAGE[_name] = _pattern
_ANY = re.compile(f"{_TEMPLATE}|{_HASH}|{_SLASH}|{_BLOCK}|{_XML}", re.S | re.M)
_COMPILED = {name: re.compile(pattern, re.S | re.M) for name, pattern in _BY_LANGUAGE.items()}


def strip_comments(content: str, language: str = "") -> str:
    """``content`` without comments, white space runs folded to one space."""
    pattern: re.Pattern[str] | None = _COMPILED.get(language.lower().strip("{}."), _ANY)
    if language.lower() in ("json", "csv", "diff", "patch"):
        pattern = None
    stripped = pattern.sub(" ", content) if pattern is not None else content
    return " ".join(stripped.split())


_FLAG_LINE = re.compile(r"^(\s*-{1,2}[\w-].*?)(?:\s{2,}\S.*)?$", re.M)
_EDGE = "()[]{},;\"'`“”«»"
_WORDY = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")  # a word or a hyphenated compound
_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,3}\.)+")  # e.g. z.B. i.e.
_PROMPTS = frozenset({"$", "#", ">", "%", "PS>"})  # shell prompts, shown or not
_YAML_KEY = re.compile(r"[a-z][\w.-]*:")
# What the reader replaces: RELEASE_NAME, <repo_name>, [flags] (translated in some languages).
# Words in angle brackets (``<flag 1>``, ``<and so on, recursively>``), not a tag with attributes.
_PHRASE_METAVARIABLE = re.compile(r"<[^\W\d_][^<>=\"'\n]*\s[^<>=\"'\n]*>")
# A usage line's choice of arguments: ``helm pull [chart URL | repo/chartname]`` (brackets around
# alternatives set apart by `` | ``), each what the reader replaces; not a choice of flags.
_ALTERNATIVES = re.compile(r"\[(?!\s*-)[^\[\]\n|]*[^\W\d_][^\[\]\n|]*(?:\s\|\s(?!-)[^\[\]\n|]+)+\]")
_METAVARIABLE = re.compile(r"[A-Z][A-Z0-9_]*|<[^<>\s]+>|\[[^\[\]\s]+\]|\.\.\.")


def code_tokens(content: str, language: str = "") -> str:
    """What a translator must not change in a code block: its code, not the words in it.

    Comments go (:func:`strip_comments`); on a line that lists a command-line flag
    (``  --burst-limit int   client-side default throttling limit``), the description after the
    flag; then every token that is a plain word or hyphenated compound (``client-side``), an
    abbreviation (``e.g.``), a capitalised label (``Commands:``) or a token whose letters are all
    beyond ASCII (``увімкнення/вимкнення``, ``バージョン（必須）``) goes too, since generated help
    output and sample text are translated with the page. What stays is flags, paths, keys
    (``replicaCount:``), values with digits or symbols, commands with options: the code.
    Metavariables the reader replaces (``RELEASE_NAME``, ``<repo_name>``, ``<and so on,
    recursively>``: words in angle brackets, without ``=`` or quotes; a usage line's choice of
    arguments in square brackets, ``[chart URL | repo/chartname]``) go as well."""
    text = strip_comments(content, language) if "\n" not in content else _strip_lines(content, language)
    text = _ALTERNATIVES.sub(" ", _PHRASE_METAVARIABLE.sub(" ", text))
    kept = []
    for token in text.split():
        bare = token.strip(_EDGE)
        if (
            not bare
            or bare in _PROMPTS
            or _WORDY.fullmatch(bare.rstrip(".!?。"))
            or _ABBREVIATION.fullmatch(bare)
        ):
            continue
        if bare.endswith(":") and not _YAML_KEY.fullmatch(bare):
            continue
        if _METAVARIABLE.fullmatch(bare):
            continue
        if not any(ch.isascii() and ch.isalpha() for ch in bare) and any(ch.isalpha() for ch in bare):
            continue  # words in another script with their punctuation: 1페이지는, バージョン（必須）
        kept.append(bare)
    return " ".join(kept)


def _strip_lines(content: str, language: str) -> str:
    lines = []
    for line in content.split("\n"):
        match = _FLAG_LINE.match(line)
        lines.append(match.group(1) if match else line)
    return strip_comments("\n".join(lines), language)
