"""Translation resource files: Docusaurus, i18next, ARB, Hugo (TOML/YAML), Rails YAML.

Segments are keyed strings with exact file positions through escapes; placeholders are masked;
non-prose keys are skipped; translations pair with their source by key; bad files are TC001.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import FIXTURES, findings, run_paths
from tcheck.errors import InputError
from tcheck.formats import read_document
from tcheck.formats.resource_values import MAX_DEPTH, Str
from tcheck.formats.resources import is_resource_path, pair_by_key, read
from tcheck.formats.resources_json import parse as parse_json
from tcheck.model import Document, Segment

RES = FIXTURES / "resources"
DOCUSAURUS_DE = RES / "docusaurus" / "i18n" / "de" / "code.json"
I18NEXT = RES / "i18next" / "locales"
HUGO = RES / "hugo" / "i18n"
RAILS = RES / "rails" / "config" / "locales"


def texts(doc: Document) -> dict[str, str]:
    return {s.id: s.text for s in doc.segments}


def raw(doc: Document, seg: Segment, start: int = 0, end: int | None = None) -> str:
    """The file text under ``seg.text[start:end]``."""
    span = seg.file_span(start, len(seg.text) if end is None else end)
    return doc.text[span.start : span.end]


def by_id(doc: Document, seg_id: str) -> Segment:
    return next(s for s in doc.segments if s.id == seg_id)


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# --- what is read ---------------------------------------------------------------------------


def test_docusaurus_messages_not_descriptions() -> None:
    doc = read_document(str(DOCUSAURUS_DE))
    assert doc.metadata["format"] == "resource-json"
    assert all(s.kind == "resource" for s in doc.segments)
    assert list(texts(doc)) == [
        "home.hero.title",
        "home.about.cncf",
        "home.quote",
        "theme.contentVisibility.unlistedBanner.message",
        "theme.blog.post.plurals",
    ]  # version.label "3.14.2" and a URL-only message are not prose
    assert not any("description" in s.id or "hero title" in s.text for s in doc.segments)


def test_docusaurus_plural_bars_are_sentence_breaks() -> None:
    seg = by_id(read_document(str(DOCUSAURUS_DE)), "theme.blog.post.plurals")
    assert "|" not in seg.text and "count" not in seg.text
    assert [seg.text[a:b] for a, b in seg.sentences] == ["Ein Beitrag", "Beiträge"]


def test_category_file_label_and_link() -> None:
    doc = read_document(str(RES / "docusaurus" / "docs" / "guides" / "_category_.json"))
    assert texts(doc) == {
        "label": "Guides",
        "link.title": "How-to guides",
        "link.description": "Short recipes for everyday tasks with charts and releases.",
    }  # position, link.type are not prose


def test_category_file_without_prose_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "_category_.json"
    path.write_text('{\n  "link": { "type": "doc", "id": "helm-category" }\n}\n', encoding="utf-8")
    assert read_document(str(path)).segments == ()
    assert findings(run_paths([path], target_lang="ja")) == []


def test_i18next_nested_keys_lists_and_non_strings() -> None:
    doc = read_document(str(I18NEXT / "en" / "translation.json"))
    ids = list(texts(doc))
    assert ids[:3] == ["nav.home", "nav.items.0.label", "nav.items.1.label"]
    assert "enabled" not in ids and "retries" not in ids  # true, 3
    assert not any(i.endswith("href") for i in ids)  # "/releases" and a URL are not prose


def test_arb_metadata_skipped_and_locale_read() -> None:
    doc = read_document(str(RES / "arb" / "app_ar.arb"))
    assert doc.lang == "ar"
    assert list(texts(doc)) == ["appTitle", "unreadMessages", "greeting"]
    assert doc.metadata["format"] == "resource-arb"


def test_hugo_toml_plural_tables_skip_description() -> None:
    doc = read_document(str(HUGO / "nb.toml"))
    assert doc.lang == "nb"  # from the file name
    assert texts(doc)["files.other"] == "filer"
    assert "files.description" not in texts(doc)
    assert texts(doc)["note"] == "Denne siden er oversatt av frivillige."


def test_rails_root_language_is_not_part_of_the_key() -> None:
    doc = read_document(str(RAILS / "de.yml"))
    assert doc.lang == "de"
    assert list(texts(doc)) == [
        "activerecord.errors.messages.blank",
        "activerecord.errors.messages.taken",
        "dashboard.welcome",
        "dashboard.summary",
    ]  # count: 5 and enabled: yes are not strings


def test_yaml_keys_as_written_and_aliases_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "nb.yaml"
    path.write_text('no: "Nei"\nyes: &ja "Ja, gjerne"\nagain: *ja\n', encoding="utf-8")
    assert texts(read_document(str(path))) == {"no": "Nei", "yes": "Ja, gjerne"}


def test_go_i18n_v1_list(tmp_path: Path) -> None:
    path = tmp_path / "fr.json"
    path.write_text(
        '[{"id": "readMore", "translation": "Lire la suite"},\n'
        ' {"id": "posts", "translation": {"one": "Un article", "other": "{{.Count}} articles"}}]',
        encoding="utf-8",
    )
    doc = read_document(str(path))
    assert doc.lang == "fr"
    assert texts(doc) == {"readMore": "Lire la suite", "posts.one": "Un article", "posts.other": "articles"}


# --- positions through escapes ------------------------------------------------------------------


def test_json_escapes_keep_positions() -> None:
    doc = read_document(str(DOCUSAURUS_DE))
    seg = by_id(doc, "home.quote")
    assert seg.text == 'Sie nennen es "die Schaltzentrale" – und das zu Recht.\nMehr dazu im Blog.'
    dash = seg.text.index("–")
    assert raw(doc, seg, dash, dash + 1) == "\\u2013"
    word = seg.text.index("Mehr")
    assert raw(doc, seg, word - 1, word + 4) == "\\nMehr"
    assert raw(doc, seg, 14, 34) == '\\"die Schaltzentrale\\"'


def test_yaml_quoting_and_folding_keep_positions() -> None:
    doc = read_document(str(RAILS / "de.yml"))
    taken = by_id(doc, "activerecord.errors.messages.taken")
    assert raw(doc, taken) == "ist bereits von einem anderen Konto ''vergeben''"
    welcome = by_id(doc, "dashboard.welcome")
    u = welcome.text.index("ü")
    assert raw(doc, welcome, u, u + 1) == "\\u00fc"
    assert raw(doc, welcome, u - 3, u + 3) == "zur\\u00fcck"
    summary = by_id(doc, "dashboard.summary")
    assert summary.text == "Der Wochenbericht steht zum Herunterladen bereit."
    start = summary.text.index("zum")
    assert raw(doc, summary, start, start + 3) == "zum"
    assert line_col(doc.text, summary.file_span(start, start + 3).start) == (11, 7)


def test_toml_escapes_and_line_end_backslash_keep_positions() -> None:
    doc = read_document(str(HUGO / "nb.toml"))
    updated = by_id(doc, "lastUpdated")
    assert updated.text == 'Sist oppdatert – se "Endringer"'
    assert raw(doc, updated, 15, 16) == "\\u2013"
    note = by_id(doc, "note")
    start = note.text.index("oversatt")
    assert raw(doc, note, start, start + 8) == "oversatt"
    assert line_col(doc.text, note.file_span(start, start).start) == (5, 4)


def test_yaml_double_quoted_escapes_and_escaped_line_break(tmp_path: Path) -> None:
    path = tmp_path / "nb.yml"
    path.write_text(
        'nb:\n  hint: "Trykk \\"Lagre\\"\\tfør du \\\n    lukker vinduet\\x21"\n', encoding="utf-8"
    )
    doc = read_document(str(path))
    seg = by_id(doc, "hint")
    assert seg.text == 'Trykk "Lagre"\tfør du lukker vinduet!'
    assert raw(doc, seg, 6, 13) == '\\"Lagre\\"'
    start = seg.text.index("lukker")
    assert raw(doc, seg, start, start + 6) == "lukker"
    assert line_col(doc.text, seg.file_span(start, start).start) == (3, 5)
    assert raw(doc, seg, len(seg.text) - 1) == "\\x21"


def test_toml_arrays_of_tables_and_inline_tables(tmp_path: Path) -> None:
    path = tmp_path / "de.toml"
    path.write_text(
        'menu = { main = "Hauptmenü", footer = "Fußzeile" }\n'
        "[[links]]\nlabel = 'Dokumentation'\n[[links]]\nlabel = \"Gemeinschaft\"\n"
        '[links.extra]\nnote = "Treffen jeden Donnerstag"\n',
        encoding="utf-8",
    )
    doc = read_document(str(path))
    assert texts(doc) == {
        "menu.main": "Hauptmenü",
        "menu.footer": "Fußzeile",
        "links.0.label": "Dokumentation",
        "links.1.label": "Gemeinschaft",
        "links.1.extra.note": "Treffen jeden Donnerstag",
    }
    for seg in doc.segments:
        assert raw(doc, seg) == seg.text


def test_norwegian_rails_root(tmp_path: Path) -> None:
    path = tmp_path / "nb.yml"
    path.write_text("no:\n  greeting: Velkommen tilbake\n", encoding="utf-8")
    doc = read_document(str(path))
    assert (doc.lang, list(texts(doc))) == ("nb", ["greeting"])


def test_tc401_at_the_message_position() -> None:
    result = run_paths([DOCUSAURUS_DE])
    (hit,) = findings(result, "TC401")
    text = DOCUSAURUS_DE.read_text(encoding="utf-8")
    start = text.index("Search engines")
    end = text.index('",', start)
    assert (hit["line"], hit["column"]) == line_col(text, start)
    assert (hit["end_line"], hit["end_column"]) == line_col(text, end)
    assert "German" in hit["message"]


# --- placeholders -------------------------------------------------------------------------------


def test_placeholders_masked_with_spaces() -> None:
    de = texts(read_document(str(I18NEXT / "de" / "translation.json")))
    assert de["welcome"] == "Willkommen zurück,         ! Sie haben neue Nachrichten."
    assert de["settings"] == "Öffnen Sie             , um Ihre Einstellungen zu ändern."
    assert texts(read_document(str(DOCUSAURUS_DE)))["home.about.cncf"].count("{") == 0
    ar = texts(read_document(str(RES / "arb" / "app_ar.arb")))
    assert "%s" not in ar["greeting"] and "%1$s" not in ar["greeting"]
    plural = ar["unreadMessages"]
    assert "plural" not in plural and "count" not in plural and "{" not in plural
    assert "رسالتان" in plural and "لا توجد رسائل" in plural  # the sub-messages stay prose


# --- pairing by key -----------------------------------------------------------------------------


def test_pair_by_key_and_unpaired_extras() -> None:
    de = read_document(str(I18NEXT / "de" / "translation.json"))
    en = read_document(str(I18NEXT / "en" / "translation.json"))
    doc = pair_by_key(de, en)
    pairs = {s.id: s.counterpart.id if s.counterpart else None for s in doc.segments}
    assert pairs["nav.items.1.label"] == "nav.items.1.label"
    assert pairs["files_one"] == "files_one"
    assert pairs["extra"] is None
    assert doc.source is en and doc.metadata["alignment"] == "key"


def test_plural_forms_without_source_pair_with_other() -> None:
    ru = read_document(str(I18NEXT / "ru" / "translation.json"))
    en = read_document(str(I18NEXT / "en" / "translation.json"))
    pairs = {s.id: s.counterpart.id for s in pair_by_key(ru, en).segments if s.counterpart}
    assert pairs == {
        "files_one": "files_one",
        "files_few": "files_other",
        "files_many": "files_other",
        "files_other": "files_other",
    }
    ru_yaml = read_document(str(HUGO / "ru.yaml"))
    en_toml = read_document(str(HUGO / "en.toml"))
    pairs = {s.id: s.counterpart.id for s in pair_by_key(ru_yaml, en_toml).segments if s.counterpart}
    assert pairs["files.few"] == "files.other" and pairs["files.one"] == "files.one"


def test_category_files_pair_by_key() -> None:
    de = read_document(
        str(
            RES
            / "docusaurus"
            / "i18n"
            / "de"
            / "docusaurus-plugin-content-docs"
            / "current"
            / "guides"
            / "_category_.json"
        )
    )
    en = read_document(str(RES / "docusaurus" / "docs" / "guides" / "_category_.json"))
    pairs = {s.id: s.counterpart.text for s in pair_by_key(de, en).segments if s.counterpart}
    assert pairs == {
        "label": "Guides",
        "link.title": "How-to guides",
        "link.description": "Short recipes for everyday tasks with charts and releases.",
    }


def test_rails_pairs_across_language_roots() -> None:
    doc = pair_by_key(read_document(str(RAILS / "de.yml")), read_document(str(RAILS / "en.yml")))
    assert all(s.counterpart is not None and s.counterpart.id == s.id for s in doc.segments)


def test_copied_english_value_is_tc402() -> None:
    target = I18NEXT / "de" / "translation.json"
    result = run_paths([target], source=I18NEXT / "en" / "translation.json")
    (hit,) = findings(result, "TC402")
    text = target.read_text(encoding="utf-8")
    assert (hit["line"], hit["column"]) == line_col(text, text.index("The export now"))


def test_translated_values_are_not_tc402() -> None:
    result = run_paths([RAILS / "de.yml"], source=RAILS / "en.yml")
    assert findings(result, "TC402") == []


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("de.json", '{"a": "x",}', "invalid JSON at line 1, column 11"),
        ("de.json", '{"a": "unterminated', "invalid JSON at line 1"),
        ("de.json", '{"a": 1} {"b": 2}', "extra data"),
        ("de.yml", "de:\n  a: [eins\n", "invalid YAML at line 3"),
        ("de.toml", 'a = "x"\na = "y"\n', "invalid TOML at line 2"),
    ],
)
def test_malformed_files_are_input_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_document(str(path))
    assert message in str(info.value)


def test_malformed_file_is_tc001_and_others_still_checked() -> None:
    result = run_paths([RES / "broken" / "code.json", DOCUSAURUS_DE])
    (error,) = findings(result, "TC001")
    assert error["path"].endswith("broken/code.json") and "line 4" in error["message"]
    assert findings(result, "TC401")  # the good file was checked


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("deep.json", '{"a":' * 5_000 + '"x"' + "}" * 5_000),
        ("deep.yaml", "a: " + "[" * 5_000 + "]" * 5_000),
        ("deep.toml", "a = " + "[" * 5_000 + "]" * 5_000),
    ],
)
def test_absurd_nesting_is_an_input_error(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="nested deeper than"):
        read_document(str(path))


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "de.json"
    depth = MAX_DEPTH - 1
    path.write_text('{"a":' * depth + '"Eine tief verschachtelte Meldung"' + "}" * depth, encoding="utf-8")
    (seg,) = read_document(str(path)).segments
    assert seg.id == ".".join(["a"] * depth)


# --- discovery ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("i18n/de/code.json", True),
        ("website/i18n/ja/docusaurus-theme-classic/navbar.json", True),
        ("i18n/nb.toml", True),
        ("themes/docsy/i18n/ru.yaml", True),
        ("public/locales/de/translation.json", True),
        ("config/locales/de.yml", True),
        ("lib/l10n/app_ar.arb", True),
        ("src/lang/fr.json", True),
        ("docs/guides/_category_.json", True),
        ("versioned_docs/version-3/helm/_category_.yml", True),
        ("package.json", False),
        ("tsconfig.json", False),
        ("versions.json", False),
        ("config.toml", False),
        ("hugo.yaml", False),
        (".github/workflows/ci.yml", False),
        ("i18n/de/package.json", False),
        ("i18n/.prettierrc.json", False),
        ("i18n/de/docusaurus-plugin-content-docs/current/intro.md", False),
    ],
)
def test_is_resource_path(path: str, expected: bool) -> None:
    assert is_resource_path(path) is expected


# --- the JSON scanner against the standard library --------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def _plain(node: object) -> object:
    if isinstance(node, Str):
        return node.value
    if isinstance(node, dict):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _strings(node: object) -> list[Str]:
    if isinstance(node, Str):
        return [node]
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return [s for v in values for s in _strings(v)]


@settings(max_examples=150, deadline=None)
@given(value=_json_values, ascii_only=st.booleans(), indent=st.sampled_from([None, 2]))
def test_json_scanner_matches_the_standard_library(
    value: object, ascii_only: bool, indent: int | None
) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    tree = parse_json("x.json", text)
    expected = json.loads(text)
    assert _plain(tree) == _plain_nonstrings(expected)
    for s in _strings(tree):
        if s.starts is None:
            assert text[s.start : s.end] == s.value
            continue
        assert s.ends is not None
        for ch, a, b in zip(s.value, s.starts, s.ends, strict=True):
            assert json.loads(f'"{text[a:b]}"') == ch


def _plain_nonstrings(node: object) -> object:
    """The standard library's value with non-strings as None (the scanner keeps no numbers)."""
    if isinstance(node, str):
        return node
    if isinstance(node, dict):
        return {k: _plain_nonstrings(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain_nonstrings(v) for v in node]
    return None


def test_resources_read_from_text_directly() -> None:
    doc = read(
        "i18n/ja/code.json", (RES / "docusaurus" / "i18n" / "ja" / "code.json").read_text(encoding="utf-8")
    )
    assert texts(doc)["theme.blog.post.plurals"] == "件の投稿"
