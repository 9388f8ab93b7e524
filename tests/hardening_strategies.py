"""Hypothesis strategies for the hardening suite: realistic files of every format, mutated.

A sample (one of the project's fixtures or a small realistic file) goes through a few random edits
that a broken editor, a bad merge or an attacker could make: a fragment of the format's syntax
inserted, a range deleted or doubled, bytes that are not UTF-8. Everything is derived from the
drawn data, so runs are deterministic under ``derandomize=True``.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Fast, deterministic, offline: no example database, no deadline (the first example warms caches).
HARDENING = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

COMMON = [
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "\x00",
    "\ufeff",
    "\u00a0",
    "\u202f",
    "\u200b",
    "ø",
    "Ä",
    "日本語",
    "مرحبا",
    "🎌",
    "\U0010ffff",
    '"',
    "'",
    "\\",
    "#",
    "onsdag 19. januar 2022",
    "Wednesday, January 19",
    "2 300",
    "1,5 millioner kroner",
    "14.30",
    "https://example.org/a?b=c",
]
XML = [
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;",
    "&#233;",
    "&#x1F600;",
    "&#0;",
    "&#xD800;",
    "&bogus;",
    "<g id='1'>",
    "</g>",
    '<x id="2"/>',
    '<ph x="1"/>',
    '<bpt i="1">&lt;b&gt;</bpt>',
    "<mrk mtype='seg' mid='1'>",
    "</mrk>",
    '<pc id="1">',
    "</pc>",
    '<cp hex="D800"/>',
    '<cp hex="zz"/>',
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<?pi x?>",
    '<!DOCTYPE x SYSTEM "http://example.org/x.dtd">',
    '<!ENTITY a "b">',
    "</target>",
    "<target>",
    '<target state="new">',
    "</source>",
    "</seg>",
    "<seg>",
    '<tuv xml:lang="de">',
    "</tu>",
    'xml:lang=""',
    "<termNote type='administrativeStatus'>deprecatedTerm-admn-sts</termNote>",
    "<note>do not translate</note>",
    "</termEntry>",
    "<langSet>",
]
PO = [
    'msgid "',
    'msgstr "',
    "msgstr[1] ",
    "msgid_plural ",
    'msgctxt "x"\n',
    "#, fuzzy\n",
    "#~ ",
    "\\n",
    "\\t",
    '\\"',
    "\\777",
    "\\x",
    "\\xff",
    "\\q",
    '"\n"',
    "\n\n",
]
MARKDOWN = [
    "---\n",
    "title: ",
    "date: 2022-01-19\n",
    "```",
    "`",
    "**",
    "[",
    "](",
    ")",
    "![",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "{{< ref ",
    ">}}",
    "{#id}",
    "|",
    "| --- |",
    "> ",
    "- ",
    "1. ",
    "    ",
    "<!-- tcheck-disable TC1 -->",
    "<!-- tcheck-enable -->",
    "import X from 'y'\n",
    "{props.x}",
]
DELIMITED = [",", ";", "\t", "|", " | ", '"', '""', "\n", "# languages: nb -> en\n", "yes", "no", "maybe"]
TOML = [
    "=",
    "[",
    "]",
    "[[term]]\n",
    "[[entry]]\n",
    "{",
    "}",
    '"""',
    "'''",
    "true",
    "false",
    "1e999",
    "-5",
    "[severity]\n",
    "[options.TC303]\n",
    "[options.po]\n",
    'foo = "error"\n',
    'include-fuzzy = "false"\n',
    "assumed-currencies = 5\n",
    "jobs = -1\n",
    'fail-on = "often"\n',
    "[[[",
    "]]]",
]
JSON = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    '"',
    "null",
    "true",
    "-5",
    "1.5",
    "1e400",
    "9" * 60,
    '"count": ',
    "\\u0000",
]
DIFF = [
    "--- a/",
    "+++ b/",
    "+++ /dev/null\n",
    "--- /dev/null\n",
    "@@ -1 +1 @@\n",
    "@@ -0,0 +1,3 @@\n",
    "@@ -99999999999999999999 +1 @@\n",
    "+",
    "-",
    " ",
    '"b/\\303\\270.txt"',
    '"b/\\777"',
    '"b/\\',
    "diff --git a/x b/x\n",
    "Binary files a/x and b/x differ\n",
    "\\ No newline at end of file\n",
]


def fixture_text(*parts: str) -> str:
    return (FIXTURES.joinpath(*parts)).read_text(encoding="utf-8")


# Well-formed pieces of XML content, inserted after a '>' so that many mutants still parse.
XML_CONTENT = [
    "&amp;",
    "&#233;",
    "&#x1F600;",
    "&lt;b&gt;",
    '<g id="9">fet skrift</g>',
    '<g id="8"><g id="9">dypt</g></g>',
    '<x id="7"/>',
    '<ph id="6">{0}</ph>',
    '<mrk mtype="seg" mid="1">Setning.</mrk>',
    '<pc id="5">Fett</pc>',
    '<cp hex="1F600"/>',
    '<cp hex="D800"/>',
    "<![CDATA[a < b & c]]>",
    "<!-- kommentar -->",
    "<?pi data?>",
    "\r\n",
    "  ",
    "Møtet er onsdag 19. januar kl. 14.30.",
    "会議は水曜日です。",
]


@st.composite
def mutated(
    draw: st.DrawFn,
    samples: list[str],
    fragments: list[str],
    content: list[str] | None = None,
    max_edits: int = 6,
) -> str:
    """One of ``samples`` after up to ``max_edits`` random edits; with ``content``, many of the
    insertions are one of those pieces right after a ``>`` (inside XML content)."""
    text = draw(st.sampled_from(samples))
    pieces = st.sampled_from(fragments + COMMON) | st.text(max_size=6)
    ops = ("insert", "insert", "delete", "double", "replace") + (("content",) * 10 if content else ())
    for _ in range(draw(st.integers(0, max_edits))):
        op = draw(st.sampled_from(ops))
        if op == "content" and content:
            closes = [k + 1 for k, ch in enumerate(text) if ch == ">"]
            if closes:
                at = draw(st.sampled_from(closes))
                text = text[:at] + draw(st.sampled_from(content)) + text[at:]
                continue
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 60)))
        if op in ("insert", "content"):
            text = text[:i] + draw(pieces) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "double":
            text = text[:j] + text[i:j] * draw(st.integers(1, 3)) + text[j:]
        else:
            text = text[:i] + draw(pieces) + text[j:]
    return text


@st.composite
def as_bytes(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> bytes:
    """UTF-8 of a drawn text, now and then with bytes that are not UTF-8 or with another encoding."""
    text = draw(texts)
    how = draw(st.sampled_from(("utf-8", "utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "bytes")))
    if how == "bytes":
        data = text.encode("utf-8", "surrogatepass")
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return text.encode(how, "surrogatepass")
