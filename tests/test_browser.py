"""The scorecards in a real browser: headless Chromium (the Debian package) driven by Playwright.

Nothing is downloaded: Playwright launches /usr/bin/chromium (``$MSA_CHROMIUM`` overrides). Without it the tests are
skipped locally and fail under CI (``CI=true``), where ``make test`` installs the package first.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from nlp.scorecards import build_scorecards
from nlp.scorecards.screenshot import CHROMIUM_ARGS, chromium_path
from tests.scorecard_fixtures import analyse_items, bundled_items, hostile_item, write_results


@pytest.fixture(scope="module")
def browser():
    exe = chromium_path()
    if exe is None:
        message = "Chromium not found at /usr/bin/chromium (apt-get install chromium, or run `make test`)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}: browser tests must run in CI")
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install -e '.[dev]')")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, pipeline, ruleset, browser) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    reports = analyse_items([*bundled_items(), hostile_item(folder)], pipeline, ruleset)
    results = write_results(folder / "results", reports)
    return Path(build_scorecards(results, folder / "scorecards").out_dir)


class Watched:
    """A page with everything that should never happen recorded: console errors, page errors, dialogs, requests
    other than the page's own files."""

    def __init__(self, browser):
        self.context = browser.new_context(java_script_enabled=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_load_state("load")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.close()


def statement_page(site: Path, stem: str) -> Path:
    (page,) = (site / "statements").glob(f"{stem}-*.html")
    return page


def table_column(page, key: str) -> list[str]:
    index = page.eval_on_selector(f'#portfolio th[data-key="{key}"]', "th => th.cellIndex")
    return page.eval_on_selector_all(
        "#portfolio tbody tr", f"rows => rows.map(r => r.cells[{index}] ? r.cells[{index}].textContent : '')"
    )


def test_index_and_statement_pages_load_without_errors(site, watched):
    watched.open(site / "index.html")
    watched.page.wait_for_selector("html[data-ready='1']")
    assert watched.page.locator("#portfolio tbody tr").count() == 6
    links = watched.page.eval_on_selector_all("#portfolio tbody a", "as => as.map(a => a.getAttribute('href'))")
    assert len(links) == 6 and all(re.fullmatch(r"statements/[a-z0-9-]+\.html", h) for h in links)
    for page in sorted((site / "statements").glob("*.html")):
        watched.open(page)
        assert watched.page.locator("h1").count() == 1
    assert watched.errors == []
    assert all(u.startswith(("file:", "data:")) for u in watched.requests), watched.requests


def test_portfolio_table_sorts_on_a_header_click(site, watched):
    watched.open(site / "index.html")
    companies = table_column(watched.page, "company")
    assert companies == sorted(companies, key=str.lower)
    watched.page.click('#portfolio th[data-key="company"] button')
    assert table_column(watched.page, "company") == sorted(companies, key=str.lower, reverse=True)
    watched.page.click('#portfolio th[data-key="completeness"] button')
    assert watched.page.get_attribute('#portfolio th[data-key="completeness"]', "aria-sort") == "descending"
    values = [float(v) for v in table_column(watched.page, "completeness") if v != "\u2014"]
    assert len(values) == 4 and values == sorted(values, reverse=True)
    watched.page.click('#portfolio th[data-key="completeness"] button')
    values = [float(v) for v in table_column(watched.page, "completeness") if v != "\u2014"]
    assert values == sorted(values)
    assert table_column(watched.page, "completeness")[-1] == "\u2014"  # not graded: last either way
    assert watched.errors == []


def test_portfolio_table_filters_as_you_type(site, watched):
    watched.open(site / "index.html")
    watched.page.fill("#filter", "harbour")
    assert table_column(watched.page, "company") == ["Harbour Apparel Limited", "Harbour Apparel Limited"]
    assert "2 matching" in watched.page.text_content("#count")
    watched.page.fill("#filter", "no such company")
    assert "No statement matches" in watched.page.text_content("#portfolio tbody")
    watched.page.fill("#filter", "")
    watched.page.select_option("#sector-filter", "apparel")
    assert len(table_column(watched.page, "company")) == 3
    watched.page.check("#red-filter")
    assert table_column(watched.page, "company") == ["Wattle & Loom Pty Ltd"]
    assert watched.errors == []


@pytest.mark.parametrize(("stem", "level"), [("harbour-apparel-limited-2023", 5), ("wattle-loom-pty-ltd-2023", 2)])
def test_xinjiang_panel_shows_the_ladder_level(site, watched, stem, level):
    watched.open(statement_page(site, stem))
    panel = watched.page.locator("#xinjiang")
    assert panel.is_visible()
    assert panel.locator("[data-xinjiang-level]").inner_text() == f"Level {level}"
    assert panel.locator("svg").get_attribute("aria-label") == f"Xinjiang ladder: level {level} of 5"
    assert panel.locator(".steps li.met").count() == level
    assert watched.errors == []


def test_year_over_year_section_links_the_previous_year(site, watched):
    watched.open(statement_page(site, "harbour-apparel-limited-2023"))
    yoy = watched.page.locator("#yoy")
    assert "2022 → 2023" in yoy.locator("h2").inner_text()
    watched.page.click("#yoy a >> text=its scorecard")
    assert "harbour-apparel-limited-2022" in watched.page.url
    assert watched.errors == []


def test_hostile_statement_executes_nothing(site, watched):
    page = statement_page(site, "evil-*")
    for path in (page, site / "index.html"):
        watched.open(path)
        watched.page.wait_for_timeout(200)
        assert watched.dialogs == []
        assert watched.page.evaluate("typeof window.__pwned") == "undefined"
        assert watched.page.locator("img, iframe, a[href^='javascript:' i]").count() == 0
    watched.open(page)
    text = watched.page.inner_text("body")
    assert "<script>alert(1)</script>" in text  # shown as text
    assert '<a href="javascript:alert(1)">' in text
    watched.open(site / "index.html")
    watched.page.fill("#filter", "evil")
    assert watched.page.locator("#portfolio tbody a").inner_text().startswith("Evil </script><script>")
    assert watched.dialogs == [] and watched.page.evaluate("typeof window.__pwned") == "undefined"
    assert all(u.startswith(("file:", "data:")) for u in watched.requests), watched.requests


def test_print_opens_collapsed_sections(site, watched):
    watched.open(statement_page(site, "harbour-apparel-limited-2023"))
    closed = watched.page.locator("details:not([open])").count()
    assert closed > 0
    watched.page.emulate_media(media="print")
    watched.page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert watched.page.locator("details:not([open])").count() == 0
    assert not watched.page.locator("nav.toc").is_visible()
    pdf = watched.page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000
