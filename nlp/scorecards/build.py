"""Build the scorecards of a results folder: a page per statement, the portfolio page and the workbook.

Two passes over ``statements.jsonl``: the first grades every statement and keeps only a small row per statement
(and the line's byte offset); the second re-reads each report to render its page, and the previous year's report
when the company has one. Memory stays proportional to the number of statements, not to their findings.
"""

from __future__ import annotations

import csv
import hashlib
import re
import statistics
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pydantic import ValidationError

from nlp import __version__
from nlp.models import StatementReport
from nlp.scorecards import charts
from nlp.scorecards.config import ScorecardConfig, load_config
from nlp.scorecards.excel import ScorecardWorkbook
from nlp.scorecards.grades import grade_report, is_non_english, red_flag_count
from nlp.scorecards.models import Grade, PortfolioRow, ScorecardSummary, YearOverYear
from nlp.scorecards.render import content_security_policy, inline_script, render, script_json
from nlp.scorecards.views import display_name, statement_view
from nlp.scorecards.yoy import company_key, compare

PAGES_DIR = "statements"
WORKBOOK = "scorecards.xlsx"
PORTFOLIO_COLUMNS = [
    "page",
    "company",
    "year",
    "jurisdiction",
    "sector",
    "status",
    "grade",
    "completeness",
    "specificity",
    "xinjiang_dd",
    "xinjiang_level",
    "red_flags",
    "flags",
    "findings",
    "change",
]
TABLE_COLUMNS = [  # key, heading, kind, width (%), tooltip
    ("company", "Company", "text", 21, "Reporting company (manifest, else inferred); opens its scorecard"),
    ("year", "Year", "num", 6, "Reporting year"),
    ("jurisdiction", "Juris\u00addiction", "text", 9, "GB, AU, CA, US-CA..."),
    ("sector", "Sector", "text", 11, "From the manifest's sector column"),
    ("grade", "Grade", "text", 8, "Headline grade (see How the grade is defined)"),
    ("completeness", "Complete\u00adness", "num", 9, "Completeness against the jurisdiction's legal baseline (0-100)"),
    ("specificity", "Specif\u00adicity", "num", 8, "Statement specificity (0-100)"),
    ("xinjiang_dd", "Xinjiang DD", "num", 8, "Completeness of the Xinjiang due-diligence checklist (0-100)"),
    ("xinjiang_level", "Xinjiang level", "num", 7, "Xinjiang ladder level, 0 (no mention) to 5 (outcomes)"),
    ("red_flags", "Red flags", "num", 6, "Flags of severity red"),
    ("change", "YoY change", "num", 7, "Completeness change since the company's previous statement"),
]


class ScorecardError(Exception):
    """The results folder cannot be turned into scorecards (missing or unreadable statements.jsonl)."""


class ResultsStore:
    """Reads the reports of statements.jsonl one at a time, by line index."""

    def __init__(self, results_dir: Path):
        self.path = results_dir / "statements.jsonl"
        if not self.path.is_file():
            raise ScorecardError(f"{self.path} not found: run `msa analyse ... --out {results_dir}` first")
        self.offsets: list[int] = []

    def _parse(self, line: bytes, number: int) -> StatementReport:
        try:
            return StatementReport.model_validate_json(line)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ScorecardError(f"{self.path}:{number}: not a StatementReport ({where}: {first['msg']})") from exc

    def scan(self) -> Iterator[tuple[int, StatementReport]]:
        """Every report in file order, recording where each line starts."""
        self.offsets = []
        with self.path.open("rb") as fh:
            offset = 0
            for number, line in enumerate(fh, start=1):
                start, offset = offset, offset + len(line)
                if not line.strip():
                    continue
                self.offsets.append(start)
                yield len(self.offsets) - 1, self._parse(line, number)

    def get(self, index: int) -> StatementReport:
        """The report on a line seen by :meth:`scan`."""
        with self.path.open("rb") as fh:
            fh.seek(self.offsets[index])
            return self._parse(fh.readline(), index + 1)


def read_copied_shares(results_dir: Path) -> dict[str, float]:
    """corpus.csv's year-over-year copied share per statement source (empty when the file is absent)."""
    path = results_dir / "corpus.csv"
    if not path.is_file():
        return {}
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            value = (row.get("copied_share") or "").strip()
            if value:
                try:
                    out[row.get("source", "")] = float(value)
                except ValueError:
                    continue
    return out


def _slug(report: StatementReport, taken: set[str]) -> str:
    base = report.company or Path(report.source.replace("\\", "/")).stem or "statement"
    ascii_name = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:48].strip("-") or "statement"
    digest = hashlib.sha1(f"{report.source}\0{report.id}".encode()).hexdigest()[:8]
    slug = f"{name}-{report.year or 'nd'}-{digest}"
    n, candidate = 1, slug
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def portfolio_row(index: int, report: StatementReport, grade: Grade, page: str) -> PortfolioRow:
    """The portfolio row of one statement."""
    status = "error" if report.status == "error" else "non_english" if is_non_english(report) else "ok"
    graded = status == "ok"
    xdd = report.scores.get("xinjiang_dd")
    return PortfolioRow(
        index=index,
        page=page,
        company=display_name(report),
        company_key=company_key(report.company),
        year=report.year,
        jurisdiction=report.jurisdiction,
        sector=report.extra.get("sector") or None,
        status=status,  # type: ignore[arg-type]
        grade=grade.letter,
        completeness=grade.completeness if graded else None,
        specificity=report.specificity if graded else None,
        xinjiang_dd=xdd.completeness if xdd and graded else None,
        xinjiang_level=report.xinjiang.level if report.xinjiang and graded else None,
        red_flags=red_flag_count(report),
        flags=len(report.flags),
        findings=len(report.findings),
    )


def previous_years(rows: list[PortfolioRow]) -> dict[int, int]:
    """For each statement, the index of the same company's latest earlier statement (when there is one)."""
    by_company: dict[str, dict[int, int]] = {}
    for row in rows:
        if row.company_key and row.year is not None and row.status == "ok":
            by_company.setdefault(row.company_key, {}).setdefault(row.year, row.index)
    out = {}
    for row in rows:
        years = by_company.get(row.company_key or "", {})
        earlier = [y for y in years if row.year is not None and y < row.year]
        if earlier and row.status == "ok":
            out[row.index] = years[max(earlier)]
    return out


@dataclass
class _Counts:
    statements: int = 0
    ok: int = 0
    errors: int = 0
    non_english: int = 0


def _index_charts(rows: list[PortfolioRow], config: ScorecardConfig) -> dict[str, object]:
    bands = config.grade.bands
    grades = [(b.grade, sum(1 for r in rows if r.grade == b.grade), charts.grade_colour(b.grade)) for b in bands]
    grades.append(("none", sum(1 for r in rows if r.grade is None), charts.NO_GRADE))
    bins = [0] * 10
    for r in rows:
        if r.completeness is not None:
            bins[min(9, int(r.completeness // 10))] += 1
    levels = [(str(n), sum(1 for r in rows if r.xinjiang_level == n), "#1f4e79") for n in range(6)]
    return {
        "grade_chart": charts.column_chart(grades, "Grades", width=290, x_title="grade ('none': not graded)"),
        "completeness_chart": charts.column_chart(
            [(f"{10 * i}", n, "#1f4e79") for i, n in enumerate(bins)],
            "Completeness",
            width=340,
            x_title="baseline completeness, bins of 10 points",
        ),
        "xinjiang_chart": charts.column_chart(
            levels, "Xinjiang level", width=290, x_title="0 = no mention … 5 = outcomes"
        ),
    }


def build_scorecards(
    results_dir: str | Path,
    out_dir: str | Path | None = None,
    *,
    config: str | Path | ScorecardConfig | None = None,
    excel: bool = True,
) -> ScorecardSummary:
    """Write a scorecard page per statement, the portfolio page ``index.html`` and the Excel workbook.

    Args:
        results_dir: A folder written by ``msa analyse`` (statements.jsonl; corpus.csv is used when present).
        out_dir: Where to write; default ``results_dir / "scorecards"``.
        config: Scorecard settings (a YAML path or a loaded config); default ``nlp/scorecards/scorecards.yaml``.
        excel: Also write ``scorecards.xlsx``.

    Returns:
        What was written.

    Raises:
        ScorecardError: statements.jsonl is missing or holds a line that is not a StatementReport.
    """
    started = time.perf_counter()
    results = Path(results_dir)
    out = Path(out_dir) if out_dir is not None else results / "scorecards"
    cfg = config if isinstance(config, ScorecardConfig) else load_config(config)
    store = ResultsStore(results)
    copied = read_copied_shares(results)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    # Pass 1: grade, name and summarise every statement.
    rows: list[PortfolioRow] = []
    grades: list[Grade] = []
    frameworks: set[str] = set()
    taken: set[str] = set()
    for index, report in store.scan():
        grade = grade_report(report, cfg)
        grades.append(grade)
        frameworks.update(report.scores)
        rows.append(portfolio_row(index, report, grade, f"{PAGES_DIR}/{_slug(report, taken)}.html"))
    prev_of = previous_years(rows)
    for i, j in prev_of.items():
        a, b = rows[i].completeness, rows[j].completeness
        if a is not None and b is not None:
            rows[i] = rows[i].model_copy(update={"change": round(a - b, 1)})

    # Pass 2: the statement pages and the workbook.
    pages = out / PAGES_DIR
    pages.mkdir(parents=True, exist_ok=True)
    script = inline_script("statement.js")
    csp = content_security_policy(script)
    workbook = ScorecardWorkbook(out / WORKBOOK, sorted(frameworks)) if excel else None
    counts = _Counts()
    with_yoy = 0
    for index, report in store.scan():
        row, grade = rows[index], grades[index]
        counts.statements += 1
        counts.ok += row.status == "ok"
        counts.errors += row.status == "error"
        counts.non_english += row.status == "non_english"
        yoy: YearOverYear | None = None
        if index in prev_of:
            j = prev_of[index]
            yoy = compare(
                store.get(j),
                report,
                grades[j],
                grade,
                cfg,
                previous_page=Path(rows[j].page).name,
                copied_share=copied.get(report.source),
            )
            with_yoy += 1
        view = statement_view(report, grade, cfg, yoy)
        html = render(
            "statement.html",
            v=view,
            csp=csp,
            script=script,
            version=__version__,
            generated=generated,
            index_href="../index.html",
        )
        (out / row.page).write_text(html, encoding="utf-8")
        if workbook is not None:
            workbook.add(report, grade, row, yoy)
    workbook_path = workbook.close() if workbook is not None else None

    # The portfolio page.
    portfolio_js = inline_script("portfolio.js")
    completeness = [r.completeness for r in rows if r.completeness is not None]
    data = {
        "columns": PORTFOLIO_COLUMNS,
        "rows": [[getattr(r, c) for c in PORTFOLIO_COLUMNS] for r in rows],
    }
    html = render(
        "index.html",
        s=counts,
        results_name=str(results),
        workbook=WORKBOOK if workbook_path else None,
        median_completeness=statistics.median(completeness) if completeness else None,
        xinjiang_addressed=sum(1 for r in rows if (r.xinjiang_level or 0) >= 3),
        with_red_flags=sum(1 for r in rows if r.red_flags),
        bands=cfg.grade.bands,
        baseline=[(j, cfg.framework_name(f)) for j, f in cfg.grade.baseline.items()],
        fallback=cfg.grade.fallback,
        sectors=sorted({r.sector for r in rows if r.sector}),
        columns=TABLE_COLUMNS,
        data=script_json(data),
        csp=content_security_policy(portfolio_js),
        script=portfolio_js,
        version=__version__,
        generated=generated,
        **_index_charts(rows, cfg),
    )
    index_path = out / "index.html"
    index_path.write_text(html, encoding="utf-8")
    grade_counts: dict[str, int] = {}
    for r in rows:
        grade_counts[r.grade or "-"] = grade_counts.get(r.grade or "-", 0) + 1
    return ScorecardSummary(
        results_dir=str(results),
        out_dir=str(out),
        index=str(index_path),
        pages=len(rows),
        statements=counts.statements,
        ok=counts.ok,
        errors=counts.errors,
        non_english=counts.non_english,
        grades=grade_counts,
        year_over_year=with_yoy,
        workbook=str(workbook_path) if workbook_path else None,
        index_bytes=index_path.stat().st_size,
        seconds=round(time.perf_counter() - started, 2),
    )
