"""Placeholders of message formats, masked with spaces (same length, offsets kept).

A translation file's message is prose with holes the program fills in: ICU MessageFormat
(``{count}``, ``{n, number}``, and the structure of ``{count, plural, one {# Datei} other {#
Dateien}}``, whose sub-messages stay prose), i18next and Hugo/Go templates (``{{name}}``,
``{{ .Count }}``), i18next nesting (``$t(key)``), Rails (``%{count}``), printf (``%s``, ``%1$d``,
``%@``, ``%(name)s``), Chrome extension messages (``$USER$``) and inline tags (``<b>``, ``</0>``,
``<br/>``). None of them is evidence of a language or a word to translate.
"""

from __future__ import annotations

import re

_SIMPLE = re.compile(
    r"""
      \{\{[^{}\n]*\}\}                                   # {{name}}  {{ .Count }}
    | \$t\([^()\n]*\)                                    # $t(key)
    | %\{[\w.]+\}                                        # %{count}
    | %\(\w+\)[-+#0]*\d*(?:\.\d+)?[sdifeEgGxXorc]        # %(name)s
    | %(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?:ll|l|h|z)?[sdiufxXoeEgGc@]  # %s %1$d %@
    | \$[A-Za-z_]\w*\$                                   # $USER$
    | \{\s*[\w.-]+\s*(?:,\s*(?:number|date|time|spellout|ordinal|duration)\s*(?:,[^{}]*)?)?\}  # {name}
    | </?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>                # <b> </b> <br/> <a href="...">
    | </?\d+>                                            # <0> </0> (react-i18next)
    """,
    re.VERBOSE,
)
_ICU_HEAD = re.compile(r"\{\s*[\w.]+\s*,\s*(?:plural|select|selectordinal)\s*,")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _mask_icu(text: str, chars: list[str]) -> set[int]:
    """The structure of ICU plural/select arguments: the head, the selectors (``one``, ``=0``,
    ``other``, ``offset:1``), the braces around sub-messages and ``#`` in plural sub-messages.
    Returns where sub-messages open (``{Er}`` there is prose, not a placeholder)."""
    opens: set[int] = set()
    for head in _ICU_HEAD.finditer(text):
        plural = "select," not in head.group(0).replace(" ", "")
        _blank(chars, head.start(), head.end())
        depth = 1  # 1: between sub-messages; 2: inside one
        i = head.end()
        while i < len(text) and depth:
            ch = text[i]
            if ch == "{":
                depth += 1
                if depth == 2:
                    chars[i] = " "
                    opens.add(i)
            elif ch == "}":
                if depth <= 2:
                    chars[i] = " "
                depth -= 1
            elif (depth == 1 and ch != "\n") or (depth == 2 and ch == "#" and plural):
                chars[i] = " "  # a selector, or the number of a plural form
            i += 1
    return opens


def mask_placeholders(text: str) -> str:
    """``text`` with every placeholder replaced by spaces (line breaks kept)."""
    if not any(c in text for c in "{%$<"):
        return text
    chars = list(text)
    opens = _mask_icu(text, chars) if "{" in text else set()
    for match in _SIMPLE.finditer(text):
        if match.start() in opens:
            continue
        _blank(chars, match.start(), match.end())
    return "".join(chars)
