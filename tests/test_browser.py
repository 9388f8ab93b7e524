"""The seed's HTML report in a real headless Chromium: click, related span, hover, filters, no errors.

Needs Debian's ``chromium`` and ``chromium-driver`` packages (``.ci/run`` installs them) and
``selenium`` (test extra); skips with the reason otherwise. Set ``TCHECK_SCREENSHOT=path.png`` to
keep the screenshot (the README's picture is made that way).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-unrest.en.txt"

pytestmark = pytest.mark.browser


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def start_chromium() -> Any:
    """A headless Chromium driven by selenium (the caller quits it), or None without Chromium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser = _find("chromium", "chromium-browser", "google-chrome")
    chromedriver = _find("chromedriver")
    if browser is None or chromedriver is None:
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--window-size=1400,1200",
        "--lang=en-US",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    drv.set_page_load_timeout(60)
    return drv


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    drv = start_chromium()
    if drv is None:
        pytest.skip("no headless Chromium: install Debian's chromium and chromium-driver packages")
    try:
        yield drv
    finally:
        drv.quit()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "seed.html"
    here = Path.cwd()
    os.chdir(ROOT)  # the report names the seed as the README's command does
    try:
        result = CliRunner().invoke(
            main,
            [
                "check",
                "seeds/kazakhstan-unrest.en.txt",
                "--source-lang",
                "nb",
                "--format",
                "html",
                "-o",
                str(out),
            ],
        )
    finally:
        os.chdir(here)
    assert result.exit_code == 1, result.output
    return out


def _open(driver: Any, report: Path) -> dict[str, Any]:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(report.as_uri())
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready")
    )
    return json.loads(driver.execute_script("return document.getElementById('tcheck-data').textContent"))


def _classes(element: Any) -> set[str]:
    return set((element.get_attribute("class") or "").split())


def test_click_shows_the_related_span_without_console_errors(
    driver: Any, report: Path, tmp_path: Path
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    data = _open(driver, report)
    weekday = next(f for f in data["findings"] if f["code"] == "TC202" and f["line"] == 19)
    piece = driver.find_element(By.CSS_SELECTOR, f'#f0-L19 [data-f~="{weekday["id"]}"]')
    assert piece.text == "Thursday"
    assert "sev-error" in _classes(piece)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", piece)
    piece.click()

    assert "selected" in _classes(piece)
    item = driver.find_element(By.ID, f"finding-{weekday['id']}")
    assert "selected" in _classes(item)
    related = driver.find_elements(By.CSS_SELECTOR, ".related-active")
    assert [r.text for r in related] == ["Wednesday, January 19"]
    assert related[0].find_element(By.XPATH, "ancestor::div[@class='line']").get_attribute("id") == "f0-L1"

    # Hovering a forbidden term shows its message and suggestion.
    ctso = next(f for f in data["findings"] if f["code"] == "TC101")
    term = driver.find_element(By.CSS_SELECTOR, f'[data-f~="{ctso["id"]}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", term)
    ActionChains(driver).move_to_element(term).perform()
    tooltip = driver.find_element(By.ID, "tooltip")
    assert tooltip.is_displayed()
    assert "Suggestion: CSTO" in tooltip.text and "TC101" in tooltip.text

    # The picture for the README: the top of the report with the selection on line 19.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", piece)
    piece.click()  # cycles back to the same single finding
    driver.execute_script("window.scrollTo(0, 0)")
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", piece)
    in_view = driver.execute_script(
        "return Array.from(document.querySelectorAll('.hl.sev-error, .related-active'))"
        ".filter(e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }).length"
    )
    assert in_view >= 2
    shot = tmp_path / "report.png"
    assert driver.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    keep = os.environ.get("TCHECK_SCREENSHOT")
    if keep:
        shutil.copy(shot, keep)

    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_filters_and_side_list(driver: Any, report: Path) -> None:
    from selenium.webdriver.common.by import By

    data = _open(driver, report)
    ctso_ids = [f["id"] for f in data["findings"] if f["code"] == "TC101"]
    box = driver.find_element(By.CSS_SELECTOR, 'input[data-filter="code"][value="TC101"]')
    box.click()
    for fid in ctso_ids:
        assert not driver.find_element(By.ID, f"finding-{fid}").is_displayed()
        pieces = driver.find_elements(By.CSS_SELECTOR, f'[data-f~="{fid}"]')
        assert pieces and all("off" in _classes(p) for p in pieces)
    box.click()
    assert all(driver.find_element(By.ID, f"finding-{fid}").is_displayed() for fid in ctso_ids)

    warning = driver.find_element(By.CSS_SELECTOR, 'input[data-filter="sev"][value="warning"]')
    warning.click()
    hidden = [f for f in data["findings"] if f["severity"] == "warning"]
    assert hidden and not any(driver.find_element(By.ID, f"finding-{f['id']}").is_displayed() for f in hidden)
    warning.click()

    # Clicking a list item selects the finding in the text; the related link highlights the date.
    weekday = next(f for f in data["findings"] if f["code"] == "TC202" and f["line"] == 61)
    item = driver.find_element(By.ID, f"finding-{weekday['id']}")
    item.find_element(By.CSS_SELECTOR, ".msg").click()
    pieces = driver.find_elements(By.CSS_SELECTOR, f'[data-f~="{weekday["id"]}"]')
    assert pieces and all("selected" in _classes(p) for p in pieces)
    item.find_element(By.CSS_SELECTOR, "a.rel-link").click()
    assert [r.text for r in driver.find_elements(By.CSS_SELECTOR, ".related-active")] == [
        "Wednesday, January 19"
    ]
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
