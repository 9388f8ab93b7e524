"""The HTML report at site scale in headless Chromium: 1,000 pages, 8,000 findings.

It opens with no page rendered, and a page is rendered when it is opened from the summary or a
link; pages without findings are listed, not rendered; the summary is sorted by findings and
filtered by language. Uses the driver of ``test_browser`` (skips the same way without Chromium).
How fast it opens and answers is measured by ``bench/html_report.py``, not asserted here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_browser import driver  # noqa: F401  (the module-scoped Chromium fixture)

from tcheck.engine import RunResult
from tcheck.model import Finding, LineIndex, Related, Severity, Span
from tcheck.reporters.html import render

pytestmark = pytest.mark.browser

LANGS = ("nb", "de", "ja", "ar")
SENTENCES = {
    "nb": "Kommunestyret godkjente 5 300 kroner til biblioteket mandag {n}.",
    "de": "Der Rat bewilligte am Montag {n} 5.300 Euro für die Bibliothek.",
    "ja": "議会は月曜日{n}に図書館のために5,300円を承認した。",
    "ar": "وافق المجلس يوم الاثنين {n} على 5,300 دولار للمكتبة.",
}
SOURCE = "The council approved 5,000 dollars for the library on Monday {n}."
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def site_result(pages: int = 1000, per_page: int = 8, quiet: int = 200) -> RunResult:
    """A run over ``pages`` translated pages with ``per_page`` findings each, plus quiet pages."""
    findings: list[Finding] = []
    texts: dict[str, str] = {}
    langs: dict[str, str | None] = {}
    for n in range(pages + quiet):
        lang = LANGS[n % len(LANGS)]
        path = f"content/{lang}/page-{n:04d}.md"
        source = f"content/en/page-{n:04d}.md"
        lines = [SENTENCES[lang].format(n=i) for i in range(40)]
        if n == 7:  # text that must stay text
            lines[1] = '<img src=x onerror="document.title=1"> & <script>document.title=2</script>'

        texts[path] = "\n".join(lines) + "\n"
        texts[source] = "\n".join(SOURCE.format(n=i) for i in range(40)) + "\n"
        langs[path] = lang
        if n >= pages:
            continue
        starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
        for k in range(per_page - (n % 3 == 0)):  # not all pages have the same count
            start = starts[k * 4]
            findings.append(
                Finding(
                    code=("TC301", "TC304", "TC102", "TC405")[k % 4],
                    name=("number-mismatch", "amount-mismatch", "term-mismatch", "untranslated-word")[k % 4],
                    severity=SEVERITIES[k % 3],
                    message=f"'5 300' is not in the source, which has '5,000' here <{k}>",
                    path=path,
                    span=Span(start, start + 12),
                    suggestion="5 000",
                    related=(Related(source, Span(0, 20), "the source sentence"),),
                )
            )
    findings.sort(key=lambda f: (f.path, f.span.start))
    return RunResult(
        findings=findings,
        lines={p: LineIndex(t) for p, t in texts.items()},
        files_checked=pages + quiet,
        fail_on="error",
        texts=texts,
        doc_langs=langs,
    )


@pytest.fixture(scope="module")
def big_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("big") / "site.html"
    result = site_result()
    assert len(result.findings) >= 7600
    out.write_text(render(result), encoding="utf-8")
    return out


def test_opens_with_no_page_rendered_and_a_click_renders_one(driver: Any, big_report: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(big_report.as_uri())
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready")
    )
    assert driver.execute_script("return document.querySelectorAll('section.file').length") == 0

    rows = driver.find_elements(By.CSS_SELECTOR, "table.summary tbody tr")
    assert len(rows) == 1000
    totals = [
        int(r)
        for r in driver.execute_script(
            "return Array.from(document.querySelectorAll('table.summary td.total')).map(td => td.textContent)"
        )
    ]
    assert totals == sorted(totals, reverse=True)
    assert (
        "200 pages without findings"
        in driver.find_element(By.CSS_SELECTOR, "details.quiet-pages summary").text
    )

    for page in (502, 501, 500):
        driver.execute_script(
            'document.querySelector(`table.summary tr[data-file="${arguments[0]}"] a.open`).click()', page
        )
    section = driver.find_element(By.ID, "f500")
    assert section.find_elements(By.CSS_SELECTOR, "li.finding")
    assert driver.execute_script("return document.querySelectorAll('section.file').length") == 3

    # A finding in a page not yet open: selecting it opens its page.
    driver.execute_script("window.location.hash = '#f902'")
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.querySelectorAll('#f902 li.finding').length")
    )
    assert driver.execute_script("return document.querySelectorAll('section.file').length") == 4

    # Clicking a highlight selects its finding; its related link opens the source page.
    piece = driver.find_element(By.CSS_SELECTOR, "#f500 .hl[data-f]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", piece)
    piece.click()
    fid = piece.get_attribute("data-f").split()[0]
    assert "selected" in (driver.find_element(By.ID, f"finding-{fid}").get_attribute("class") or "")
    driver.find_element(By.CSS_SELECTOR, f"#finding-{fid} a.rel-link").click()
    related = driver.find_elements(By.CSS_SELECTOR, ".related-active")
    assert [r.text for r in related] == ["The council approved"]
    assert related[0].find_element(By.XPATH, "ancestor::section").get_attribute("id") != "f500"

    # Checked text stays text when a page renders.
    link = driver.find_element(By.XPATH, "//a[@class='open'][text()='content/ar/page-0007.md']")
    link.click()
    page = driver.find_element(By.ID, link.get_attribute("data-file").join(("f", "")))
    assert not page.find_elements(By.CSS_SELECTOR, "img, .doc script")
    assert "<img src=x" in page.text and driver.title.startswith("tcheck report")

    # The language filter hides the other languages' rows.
    for lang in ("nb", "de", "ja"):
        driver.find_element(By.CSS_SELECTOR, f'input[data-filter="lang"][value="{lang}"]').click()
    visible = driver.execute_script(
        "return Array.from(document.querySelectorAll('table.summary tbody tr')).filter(r => !r.hidden)"
        ".map(r => r.querySelector('td.lang').textContent)"
    )
    assert visible and set(visible) == {"ar"}
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_source_beside_translation(driver: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from click.testing import CliRunner
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from sites import hugo_site

    from tcheck.cli import main

    monkeypatch.chdir(hugo_site(tmp_path / "site"))
    out = tmp_path / "report.html"
    args = ["check", ".", "--no-round-trip", "-q", "-j", "1", "--no-default-glossaries", "--select", "TC3"]
    assert CliRunner().invoke(main, [*args, "--format", "html", "-o", str(out)]).exit_code == 1
    driver.get(out.as_uri())
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready")
    )
    link = driver.find_element(By.XPATH, "//a[@class='open'][text()='content/nb/budget.md']")
    section = driver.find_element(By.ID, link.get_attribute("data-file").join(("f", "")))
    assert "← content/en/budget.md" in section.find_element(By.CSS_SELECTOR, "h2").text
    rows = section.find_elements(By.CSS_SELECTOR, "table.pairs tr")
    assert [r.find_element(By.CSS_SELECTOR, "td.src").text for r in rows] == [
        "Budget",
        "The council approved 5,000 dollars for the new library on Monday.",
    ]
    piece = section.find_element(By.CSS_SELECTOR, ".hl[data-f]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", piece)
    piece.click()
    active = section.find_elements(By.CSS_SELECTOR, "table.pairs tr.pair-active")
    assert len(active) == 1
    assert active[0].find_element(By.CSS_SELECTOR, "td.tgt").text.startswith("Kommunestyret godkjente 5 300")
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
