"""URLs, e-mail addresses and @handles written in plain text.

A bare URL (``https://helm.sh/docs``, ``www.example.org``), an e-mail address and a social or
code-hosting handle (``@helm``, ``@cncf/glossary``) name something outside the text: a translator
copies them. URLs are found as the readers mask them (:mod:`tcheck.formats.masking`), without the
punctuation that ends a sentence; a handle is ``@`` and two or more letters, digits or ``_``
(``-`` and ``.`` inside), not part of an e-mail address or a word, nor closed by ``@``
(``@name@`` is a variable of a message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tcheck.formats.masking import EMAIL_RE, URL_RE

# ASCII only: in Japanese or Chinese the word after a handle follows it without a space
# (``@MerPolCCに連絡``).
HANDLE_RE = re.compile(
    r"(?<![A-Za-z0-9_@.+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:/[A-Za-z0-9_.-]*[A-Za-z0-9_])?"
    r"(?![@A-Za-z0-9_])"  # ``@name@`` is a variable of a message (TC606), not a handle
)
URL, EMAIL, HANDLE = "url", "email", "handle"


@dataclass(frozen=True, slots=True)
class Address:
    kind: str
    key: str
    start: int
    end: int


def find(text: str) -> list[Address]:
    """The URLs, e-mail addresses and handles of ``text``, in order, not overlapping."""
    found: list[Address] = []
    taken = bytearray(len(text))
    for kind, pattern in ((URL, URL_RE), (EMAIL, EMAIL_RE), (HANDLE, HANDLE_RE)):
        if kind == URL and "://" not in text and "www." not in text:
            continue
        if kind != URL and "@" not in text:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]) or (kind == HANDLE and len(match.group()) < 3):
                continue
            taken[start:end] = b"\x01" * (end - start)
            key = match.group().lower() if kind != URL else match.group()
            found.append(Address(kind, key, start, end))
    return sorted(found, key=lambda a: a.start)


_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?([^/?#:\s@]+)", re.I)
# Domains reserved for examples and tests (RFC 2606, RFC 6761).
_EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
_EXAMPLE_TLDS = ("example", "test", "invalid", "localhost")


def host_of(address: str) -> str:
    """The host of a URL (``https://www.example.org/x`` → ``example.org``) or e-mail address."""
    if "@" in address and "://" not in address:
        return address.rpartition("@")[2].lower()
    match = _HOST.match(address)
    return match.group(1).lower() if match else ""


def illustrative(host: str) -> bool:
    """Whether ``host`` only illustrates: a domain reserved for examples (``example.com``,
    ``*.example``, ``*.test``, ``localhost``) or one whose name says it is an example
    (``example-url.com``), whose paths a translator may write in the reader's words."""
    labels = host.split(".")
    if host in _EXAMPLE_DOMAINS or host.endswith(tuple("." + d for d in _EXAMPLE_DOMAINS)):
        return True
    if labels[-1] in _EXAMPLE_TLDS:
        return True
    return len(labels) >= 2 and labels[-2].startswith("example")


def same_example(source: str, translation: str) -> bool:
    """Whether two addresses are one illustrative host's, perhaps with another path or user:
    ``www.example-url.com/path`` and ``www.example-url.com/chemin``."""
    host = host_of(source)
    return bool(host) and host == host_of(translation) and illustrative(host)
