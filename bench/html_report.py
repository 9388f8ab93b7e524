"""How fast the HTML report opens and answers in headless Chromium, at site scale.

The report of a run over N translated pages with 8 findings each (plus quiet pages; the run is
made up by the browser test's ``site_result``) is opened in headless Chromium (Debian's
``chromium`` and ``chromium-driver``, and selenium). Printed per size: the report's size, the
time until the document is loaded (``domContentLoadedEventEnd``), until its script is ready, and
the best of three times for opening a page from the summary and for selecting a finding of a page
not yet open (layout included). Wall times of a browser: run it on an idle machine.

    python bench/html_report.py [--pages 250,1000,2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_browser import start_chromium
from test_browser_scale import site_result

from tcheck.reporters.html import render

_OPEN_PAGE = """
const link = document.querySelector(`table.summary tr[data-file="${arguments[0]}"] a.open`);
const t = performance.now();
link.click();
document.getElementById('f' + arguments[0]).getBoundingClientRect();
return performance.now() - t;
"""
_SELECT = """
const t = performance.now();
window.location.hash = '#f' + arguments[0];
window.dispatchEvent(new HashChangeEvent('hashchange'));
document.getElementById('f' + arguments[0]).getBoundingClientRect();
return performance.now() - t;
"""


def measure(driver: Any, pages: int, folder: Path) -> str:
    from selenium.webdriver.support.ui import WebDriverWait

    out = folder / f"site-{pages}.html"
    out.write_text(render(site_result(pages=pages)), encoding="utf-8")
    started = time.perf_counter()
    driver.get(out.as_uri())
    WebDriverWait(driver, 120).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready")
    )
    ready = (time.perf_counter() - started) * 1000
    loaded = driver.execute_script(
        "return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;"
    )
    middle = pages // 2
    opening = min(driver.execute_script(_OPEN_PAGE, p) for p in (middle + 2, middle + 1, middle))
    late = pages * 9 // 10
    selecting = min(driver.execute_script(_SELECT, p) for p in (late + 2, late + 1, late))
    return (
        f"{pages:>6} pages {out.stat().st_size / 1e6:6.1f} MB  loaded {loaded:7.0f} ms  ready {ready:7.0f} ms"
        f"  open a page {opening:6.1f} ms  select a finding {selecting:6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="250,1000,2000", help="comma-separated numbers of pages")
    args = parser.parse_args()
    driver = start_chromium()
    if driver is None:
        sys.exit("no headless Chromium: install Debian's chromium and chromium-driver packages")
    try:
        with tempfile.TemporaryDirectory() as folder:
            for pages in (int(n) for n in args.pages.split(",")):
                print(measure(driver, pages, Path(folder)), flush=True)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
