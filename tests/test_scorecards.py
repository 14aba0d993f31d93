"""Scorecards: a page per statement, the portfolio, year over year, the workbook, and untrusted text kept inert."""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.ingest import InputItem
from nlp.models import StatementReport
from nlp.scorecards import ScorecardError, build_scorecards, load_config
from nlp.scorecards.build import ResultsStore
from nlp.scorecards.config import ScorecardConfig
from nlp.scorecards.excel import ScorecardWorkbook
from nlp.scorecards.grades import grade_report
from nlp.scorecards.render import script_json
from nlp.scorecards.views import highlight
from nlp.scorecards.yoy import company_key, compare
from tests.scorecard_fixtures import (
    HOSTILE_COMPANY,
    analyse_items,
    bundled_items,
    hostile_item,
    write_results,
)

runner = CliRunner()


class TagCollector(HTMLParser):
    """Every start tag of a page with its attributes, and the text of each executable script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script" and dict(attrs).get("type") != "application/json"  # data is not run
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(html)
    return collector


@pytest.fixture(scope="module")
def reports(pipeline, ruleset) -> list[StatementReport]:
    return analyse_items(bundled_items(), pipeline, ruleset)


@pytest.fixture(scope="module")
def built(reports, tmp_path_factory):
    harbour_2023 = reports[1].source
    results = write_results(tmp_path_factory.mktemp("results"), reports, copied={harbour_2023: 0.25})
    summary = build_scorecards(results, results / "scorecards")
    return results, summary


def page_of(summary, company: str, year: int) -> str:
    index = Path(summary.index).read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="portfolio-data">(.*?)</script>', index, re.S).group(1))
    cols = data["columns"]
    for row in data["rows"]:
        rec = dict(zip(cols, row, strict=True))
        if rec["company"] == company and rec["year"] == year:
            return (Path(summary.out_dir) / rec["page"]).read_text(encoding="utf-8")
    raise AssertionError(f"no page for {company} {year}")


def test_a_page_for_every_statement_and_an_index(built, reports):
    _, summary = built
    out = Path(summary.out_dir)
    assert summary.statements == summary.pages == len(reports) == 5
    assert (summary.ok, summary.errors, summary.non_english) == (3, 1, 1)
    pages = sorted((out / "statements").glob("*.html"))
    assert len(pages) == 5
    index = (out / "index.html").read_text(encoding="utf-8")
    for page in pages:
        assert f"statements/{page.name}" in index  # the portfolio links every page (in its embedded rows)
        html = page.read_text(encoding="utf-8")
        assert "../index.html" in html
    assert summary.year_over_year == 1
    assert summary.workbook and Path(summary.workbook).is_file()


def test_pages_load_nothing_from_the_network_and_carry_a_csp(built):
    _, summary = built
    out = Path(summary.out_dir)
    for path in [out / "index.html", *(out / "statements").glob("*.html")]:
        html = path.read_text(encoding="utf-8")
        doc = parse(html)
        csp = [a["content"] for t, a in doc.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert (
            len(csp) == 1 and "default-src 'none'" in csp[0] and "'unsafe-inline'" not in csp[0].split("style-src")[0]
        )
        for tag, attrs in doc.tags:
            for name in ("src", "href", "action", "srcset", "poster", "data"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("http:", "https:", "//", "javascript:")), (path.name, tag, name, value)
            assert tag not in ("iframe", "object", "embed", "img", "link") or (
                tag == "link" and attrs["href"] == "data:,"
            )
        assert "@import" not in html and "url(" not in html
        scripts = [s for t, a in doc.tags if t == "script" for s in [a.get("src")] if s]
        assert scripts == []


def test_statement_page_shows_grade_scores_xinjiang_and_findings(built, reports):
    _, summary = built
    html = page_of(summary, "Harbour Apparel Limited", 2023)
    report = reports[1]
    grade = grade_report(report, load_config())
    assert f'<div class="grade-letter">{grade.letter}</div>' in html
    assert 'data-xinjiang-level="5"' in html
    assert "corpus/statements/harbour_apparel_2023.txt" in html and "United Kingdom" in html
    # every framework with a plain-English reading; inline SVG charts
    for fid in report.scores:
        assert load_config().framework_name(fid) in html
    assert "criteria met in full" in html
    assert html.count("<svg") >= 3
    # every finding is listed with its index and the trigger highlighted in its sentence
    for i in range(len(report.findings)):
        assert f'id="f-{i}"' in html
    first = report.findings[0]
    assert "<mark" in html and first.text.replace("&", "&amp;") in html
    # the criteria table and what is missing
    assert 'class="criteria"' in html and "What is missing" in html
    for c in report.scores["xinjiang_dd"].criteria:
        if c.applicable and not c.met:
            assert c.title in html


def test_xinjiang_panel_reads_assertions_plainly(built, reports):
    _, summary = built
    html = page_of(summary, "Wattle & Loom Pty Ltd", 2023)
    assert 'data-xinjiang-level="2"' in html
    assert "Denial of sourcing from the region" in html
    assert "direct suppliers only" in html  # the denial's scope, in words
    assert "xinjiang.denial_direct_only" in html  # the red flag, with its evidence quoted
    harbour = page_of(summary, "Harbour Apparel Limited", 2022)
    assert "plan, not done" in harbour


def test_highlight_merges_overlapping_triggers():
    segs = highlight("We do not source cotton from Xinjiang.", [(3, 23, 0, "denial"), (17, 23, 1, "commodity")])
    assert "".join(s.text for s in segs) == "We do not source cotton from Xinjiang."
    assert [(s.text, s.marks) for s in segs] == [
        ("We ", ()),
        ("do not source ", (0,)),
        ("cotton", (0, 1)),
        (" from Xinjiang.", ()),
    ]


def test_year_over_year_for_the_harbour_pair(built, reports):
    _, summary = built
    html = page_of(summary, "Harbour Apparel Limited", 2023)
    assert 'id="yoy"' in html and "2022 → 2023" in html
    assert "harbour_apparel_2022.txt" in html
    assert "25% of this year" in html  # corpus.csv's copied share
    first_year = page_of(summary, "Harbour Apparel Limited", 2022)
    assert 'id="yoy"' not in first_year
    cfg = load_config()
    prev, cur = reports[0], reports[1]
    yoy = compare(prev, cur, grade_report(prev, cfg), grade_report(cur, cfg), cfg, previous_page="p.html")
    assert (yoy.xinjiang_before, yoy.xinjiang_after) == (prev.xinjiang.level, 5)
    assert yoy.xinjiang_before < yoy.xinjiang_after
    assert any(c.change == "newly_met" for c in yoy.criteria)
    # 2022 promised origin testing ("We will begin isotope testing"); 2023 reports it done
    traced = [c for c in yoy.commitments if c.label == "xinjiang.traceability"]
    assert traced and all(c.status == "done" for c in traced) and traced[0].evidence
    assert all(c.label != "xinjiang.mention" for c in yoy.commitments)
    assert "reported done" in html


def test_copied_sentences_are_shown(tmp_path, pipeline, ruleset):
    same = (
        "We audited 40 supplier factories in Bangladesh and Vietnam during the year using unannounced visits by "
        "Elevate, and we found no cases of forced labour."
    )
    (tmp_path / "a.txt").write_text(f"Copyco statement 2022.\n\n{same}\n\nWe will train our buyers on forced labour.\n")
    (tmp_path / "b.txt").write_text(f"Copyco statement 2023.\n\n{same}\n\nWe trained 35 buyers in March 2023.\n")
    items = [
        InputItem(path=str(tmp_path / "a.txt"), company="Copyco Ltd", year=2022, jurisdiction="GB"),
        InputItem(path=str(tmp_path / "b.txt"), company="COPYCO LIMITED", year=2023, jurisdiction="GB"),
    ]
    results = write_results(tmp_path / "r", analyse_items(items, pipeline, ruleset))
    summary = build_scorecards(results, excel=False)
    assert summary.year_over_year == 1 and summary.workbook is None
    page = next(p for p in (tmp_path / "r" / "scorecards" / "statements").glob("copyco-*-2023-*.html"))
    html = page.read_text(encoding="utf-8")
    assert "read exactly as last year" in html and "unannounced visits by Elevate" in html
    assert "Training" in html and "reported done" in html


def test_company_key_ignores_case_accents_and_legal_suffixes():
    assert company_key("Harbour Apparel Limited") == company_key("HARBOUR APPAREL LTD") == "harbour apparel"
    assert company_key("Érable Logistique inc.") == "erable logistique"
    assert company_key(None) is None and company_key("Ltd") is None


def test_error_and_non_english_documents_get_a_clear_page(built):
    _, summary = built
    error = page_of(summary, "Ghost Holdings plc", 2023)
    assert "This document could not be analysed" in error and "not_found" in error
    assert "was not found" in error  # the plain explanation of the code
    assert 'id="xinjiang"' not in error and "Not analysed" in error
    french = page_of(summary, "Érable Logistique inc.", 2024)
    assert "not in English" in french and "Not graded" in french and "<strong>French</strong> (fr)" in french
    assert 'id="findings"' not in french


def test_hostile_statement_renders_as_text(tmp_path, pipeline, ruleset):
    (report,) = analyse_items([hostile_item(tmp_path)], pipeline, ruleset)
    assert report.status == "ok" and report.findings
    assert any("<script>" in f.sentence for f in report.findings)
    results = write_results(tmp_path / "r", [report])
    summary = build_scorecards(results)
    out = Path(summary.out_dir)
    (page,) = (out / "statements").glob("*.html")
    for path, expected_scripts in ((page, 1), (out / "index.html", 2)):
        html = path.read_text(encoding="utf-8")
        doc = parse(html)
        assert [t for t, _ in doc.tags].count("script") == expected_scripts
        assert "alert(1)" not in "".join(doc.scripts) and "__pwned" not in "".join(doc.scripts)
        assert not [t for t, _ in doc.tags if t in ("img", "iframe")]
        for _, attrs in doc.tags:
            assert not any(name.startswith("on") for name in attrs), attrs
            assert not (attrs.get("href") or "").lower().startswith("javascript:")
        assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
        assert 'href="javascript:' not in html and "<iframe" not in html
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text
    assert "&lt;a href=&#34;javascript:alert(1)&#34;&gt;" in html
    index = (out / "index.html").read_text(encoding="utf-8")
    block = re.search(r'id="portfolio-data">(.*?)</script>', index, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["rows"][0][1] == HOSTILE_COMPANY  # the data round-trips intact


def test_script_json_cannot_close_the_script_element():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(str(text)) == {"a": "</script><!-- & \u2028"}


def test_excel_workbook_has_a_sheet_per_table(built, reports):
    _, summary = built
    wb = openpyxl.load_workbook(summary.workbook, read_only=True)
    assert wb.sheetnames == ["statements", "criteria", "findings", "flags", "year_over_year"]
    statements = list(wb["statements"].iter_rows(values_only=True))
    assert statements[0][:5] == ("statement_id", "page", "source", "company", "year")
    assert len(statements) == 1 + len(reports)
    header = statements[0]
    harbour = next(r for r in statements[1:] if r[header.index("source")].endswith("harbour_apparel_2023.txt"))
    assert harbour[header.index("xinjiang_level")] == 5
    assert harbour[header.index("uk_s54.completeness")] == reports[1].scores["uk_s54"].completeness
    findings = list(wb["findings"].iter_rows(values_only=True))
    assert len(findings) == 1 + sum(len(r.findings) for r in reports)
    assert len(list(wb["year_over_year"].iter_rows(values_only=True))) > 3
    wb.close()


def test_excel_cells_from_statements_never_become_formulas(tmp_path):
    book = ScorecardWorkbook(tmp_path / "x.xlsx", [])
    book._row(book.flags, ['=HYPERLINK("http://evil","x")', "bad\x01char", 3])
    book.close()
    wb = openpyxl.load_workbook(tmp_path / "x.xlsx")
    a, b, c = wb["flags"][2][:3]
    assert a.data_type == "s" and a.value.startswith("=HYPERLINK")
    assert b.value == "badchar" and c.value == 3


def test_grade_bands_come_from_config(reports):
    cfg = load_config()
    harbour = grade_report(reports[1], cfg)
    assert harbour.letter == "A" and harbour.framework == "uk_s54" and all(c.ok for c in harbour.checks)
    strict = cfg.model_copy(
        update={
            "grade": cfg.grade.model_copy(
                update={
                    "bands": [cfg.grade.bands[0].model_copy(update={"min_completeness": 99.5}), *cfg.grade.bands[1:]]
                }
            )
        }
    )
    stricter = grade_report(reports[1], strict)
    assert stricter.letter == "B" and stricter.next_grade == "A"
    assert any("completeness" in n for n in stricter.next_needs)
    assert grade_report(reports[3], cfg).letter is None  # not in English
    assert grade_report(reports[4], cfg).letter is None  # error
    with pytest.raises(ValueError, match="last grade band"):
        ScorecardConfig.model_validate(
            {
                **cfg.model_dump(),
                "grade": {**cfg.grade.model_dump(), "bands": [{"grade": "A", "label": "x", "min_completeness": 1}]},
            }
        )


def test_scorecard_command(built, tmp_path):
    results, _ = built
    result = runner.invoke(app, ["scorecard", str(results), "--out", str(tmp_path / "sc"), "--no-excel"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sc" / "index.html").is_file() and not (tmp_path / "sc" / "scorecards.xlsx").exists()
    missing = runner.invoke(app, ["scorecard", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "statements.jsonl" in missing.output


def test_a_broken_results_line_is_reported_with_its_line(tmp_path):
    (tmp_path / "statements.jsonl").write_text('{"id": "x"}\n')
    with pytest.raises(ScorecardError, match=r"statements\.jsonl:1"):
        list(ResultsStore(tmp_path).scan())


def test_wheel_ships_templates_and_settings(built_wheel):
    wheel = built_wheel
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "statement.html",
        "index.html",
        "base.html",
        "_macros.html",
        "style.css",
        "portfolio.js",
        "statement.js",
    ):
        assert f"nlp/scorecards/templates/{name}" in names
    assert "nlp/scorecards/scorecards.yaml" in names


def test_chart_texts_are_escaped():
    from nlp.scorecards import charts

    svg = str(charts.score_bars([charts.BarRow("<script>x</script>", 50, 20, True)]))
    svg += str(charts.criteria_coverage([("a&b", [charts.CoverageCell('"><img src=x>', None, 0, 3)])]))
    svg += str(charts.column_chart([("<b>", 3, "#123456")], "<i>t</i>", x_title="</svg>"))
    doc = parse(svg)
    assert {t for t, _ in doc.tags} <= {"svg", "rect", "text", "line", "title"}
    assert "&lt;script&gt;" in svg and "&lt;/svg&gt;" in svg


def test_unknown_jurisdiction_is_measured_against_the_best_covered_framework(reports):
    cfg = load_config()
    report = reports[1].model_copy(update={"jurisdiction": None})
    grade = grade_report(report, cfg)
    legal = {f: report.scores[f].completeness for f in cfg.grade.legal_frameworks}
    assert grade.completeness == max(legal.values()) and grade.framework in legal


def test_screenshots_are_skipped_with_a_note_without_chromium(tmp_path, monkeypatch, capsys):
    from nlp.scorecards import screenshot

    monkeypatch.setattr(screenshot, "chromium_path", lambda: None)
    assert screenshot.main([str(tmp_path), "--to", str(tmp_path / "png")]) == 0
    assert "screenshots skipped" in capsys.readouterr().err
    assert not (tmp_path / "png").exists()


def test_screenshot_statement_option_names_a_page_or_fails_clearly(tmp_path, capsys, monkeypatch):
    """``--statement`` takes a path or a page name in SCORECARDS/statements; an unknown one is a usage error."""
    from nlp.scorecards import screenshot

    (tmp_path / "statements").mkdir()
    (tmp_path / "statements" / "acme-2024-abc.html").write_text("<html></html>", encoding="utf-8")
    seen = {}

    def fake(scorecards, out, statement=None, full_page=True):
        seen["statement"] = statement
        return []

    monkeypatch.setattr(screenshot, "take_screenshots", fake)
    assert screenshot.main([str(tmp_path), "--to", str(tmp_path / "png"), "--statement", "acme-2024-abc"]) == 0
    assert seen["statement"] == tmp_path / "statements" / "acme-2024-abc.html"
    with pytest.raises(SystemExit) as exc:
        screenshot.main([str(tmp_path), "--to", str(tmp_path / "png"), "--statement", "nope"])
    assert exc.value.code == 2
    assert "no such page" in capsys.readouterr().err
