"""A piece of markup found in a file, and how two lists of them are compared."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Kinds of markup (the checks select by kind).
CODE = "code"  # inline code span
LINK = "link"  # link destination
IMAGE = "image"  # image source
ANCHOR = "anchor"  # heading id {#id}, <a id="...">
SHORTCODE = "shortcode"  # Hugo {{< name args >}}
TAG = "tag"  # HTML tag or JSX component
FOOTNOTE = "footnote"  # footnote reference [^1]
CODE_BLOCK = "code-block"  # fenced or indented code block
URL = "url"  # a bare URL in the text
EMAIL = "email"  # an e-mail address in the text
HANDLE = "handle"  # an @handle in the text
ALL_KINDS = (CODE, LINK, IMAGE, ANCHOR, SHORTCODE, TAG, FOOTNOTE, CODE_BLOCK, URL, EMAIL, HANDLE)


@dataclass(frozen=True, slots=True)
class Mark:
    """One piece of markup: ``text`` is ``file[start:end]`` (a code block's content); ``key`` is what is compared (the
    destination of a link, the content of a code span, a tag's name and non-text attributes);
    ``block`` is the index of the text block it is in (-1: none, e.g. a reference definition)."""

    kind: str
    key: str
    text: str
    start: int
    end: int
    block: int = -1


@dataclass(frozen=True, slots=True)
class Difference:
    """Marks of the source that the translation lacks (``lost``) and marks of the translation
    that the source lacks (``added``), each list in file order."""

    lost: tuple[Mark, ...]
    added: tuple[Mark, ...]

    def __bool__(self) -> bool:
        return bool(self.lost or self.added)


def compare(
    source: Sequence[Mark], target: Sequence[Mark], same: Callable[[str], str] | None = None
) -> Difference:
    """The marks that differ between ``source`` and ``target`` by key (as often as each key
    occurs); ``same`` maps a key to what is compared (a localised link to its page)."""
    norm = same or (lambda key: key)
    return Difference(_unmatched(source, target, norm), _unmatched(target, source, norm))


def _unmatched(marks: Sequence[Mark], others: Sequence[Mark], norm: Callable[[str], str]) -> tuple[Mark, ...]:
    """The marks of ``marks`` left over once each of ``others`` has taken one with its key."""
    left = Counter(norm(m.key) for m in others)
    out: list[Mark] = []
    for mark in marks:
        k = norm(mark.key)
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(mark)
    return tuple(out)


def shown(text: str, limit: int = 60) -> str:
    """``text`` on one line, shortened for a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
