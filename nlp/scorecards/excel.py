"""The Excel workbook: one sheet per table (statements, criteria, findings, flags, year over year).

Written with openpyxl in write-only mode, row by row, so a registry-sized batch does not sit in memory. Statement
text is untrusted: a cell is always written as text (never as a formula, even when it starts with ``=``), and
characters that XML cannot hold are dropped.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from nlp.models import StatementReport
from nlp.scorecards.models import Grade, PortfolioRow, YearOverYear

MAX_CELL = 32767
STATEMENT_COLUMNS = [
    "statement_id",
    "page",
    "source",
    "company",
    "year",
    "jurisdiction",
    "sector",
    "status",
    "error_code",
    "language",
    "grade",
    "grade_label",
    "baseline_framework",
    "completeness",
    "specificity",
    "xinjiang_dd",
    "xinjiang_level",
    "xinjiang_title",
    "red_flags",
    "flags",
    "findings",
    "pages",
    "words",
    "completeness_change",
]
CRITERIA_COLUMNS = [
    "statement_id",
    "company",
    "year",
    "framework",
    "baseline",
    "criterion",
    "title",
    "applicable",
    "status",
    "level",
    "points",
    "max_points",
    "reason",
    "evidence",
]
FINDING_COLUMNS = [
    "statement_id",
    "company",
    "year",
    "index",
    "label",
    "rule_id",
    "text",
    "page",
    "section",
    "negated",
    "future",
    "hedged",
    "reported",
    "scope",
    "specificity",
    "sentence",
]
FLAG_COLUMNS = ["statement_id", "company", "year", "flag", "severity", "message", "evidence"]
YOY_COLUMNS = ["statement_id", "company", "year", "previous_year", "kind", "item", "before", "after", "detail"]


class ScorecardWorkbook:
    """Streams the scorecard tables into an .xlsx file."""

    def __init__(self, path: str | Path, frameworks: list[str]):
        self.path = Path(path)
        self.frameworks = frameworks
        self._wb = Workbook(write_only=True)
        self._bold = Font(bold=True)
        columns = STATEMENT_COLUMNS + [f"{f}.{m}" for f in frameworks for m in ("completeness", "specificity")]
        self.statements = self._sheet("statements", columns)
        self.criteria = self._sheet("criteria", CRITERIA_COLUMNS)
        self.findings = self._sheet("findings", FINDING_COLUMNS)
        self.flags = self._sheet("flags", FLAG_COLUMNS)
        self.yoy = self._sheet("year_over_year", YOY_COLUMNS)

    def _sheet(self, title: str, columns: list[str]) -> WriteOnlyWorksheet:
        ws = self._wb.create_sheet(title)
        ws.freeze_panes = "A2"
        header = []
        for name in columns:
            cell = WriteOnlyCell(ws, value=name)
            cell.font = self._bold
            header.append(cell)
        ws.append(header)
        return ws

    def _row(self, ws: WriteOnlyWorksheet, values: list[object]) -> None:
        cells: list[object] = []
        for value in values:
            if isinstance(value, str):
                text = ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL]
                if text.startswith("="):  # openpyxl would store it as a formula: force text
                    cell = WriteOnlyCell(ws, value=text)
                    cell.data_type = "s"
                    cells.append(cell)
                else:
                    cells.append(text)
            else:
                cells.append(value)
        ws.append(cells)

    def add(self, report: StatementReport, grade: Grade, row: PortfolioRow, yoy: YearOverYear | None) -> None:
        """Append one statement to every sheet."""
        sid, company, year = report.id, row.company, report.year
        values: list[object] = [
            sid,
            row.page,
            report.source,
            company,
            year,
            report.jurisdiction,
            row.sector,
            row.status,
            report.error.code if report.error else None,
            report.language,
            grade.letter,
            grade.label,
            grade.framework,
            grade.completeness,
            report.specificity,
            row.xinjiang_dd,
            row.xinjiang_level,
            report.xinjiang.title if report.xinjiang else None,
            row.red_flags,
            row.flags,
            row.findings,
            report.pages,
            report.words,
            row.change,
        ]
        for fid in self.frameworks:
            score = report.scores.get(fid)
            values += [score.completeness, score.specificity] if score else [None, None]
        self._row(self.statements, values)
        for fid, score in sorted(report.scores.items()):
            for c in score.criteria:
                status = (
                    "n/a"
                    if not c.applicable
                    else "missing"
                    if not c.met
                    else "met"
                    if c.points >= c.max_points
                    else "partly"
                )
                self._row(
                    self.criteria,
                    [
                        sid,
                        company,
                        year,
                        fid,
                        fid == grade.framework,
                        c.id,
                        c.title,
                        c.applicable,
                        status,
                        c.level,
                        c.points,
                        c.max_points,
                        c.reason,
                        " ".join(str(i) for i in c.evidence),
                    ],
                )
        for i, f in enumerate(report.findings):
            a = f.assertion
            self._row(
                self.findings,
                [
                    sid,
                    company,
                    year,
                    i,
                    f.label,
                    f.rule_id,
                    f.text,
                    f.page,
                    f.section,
                    a.negated.text if a.negated else None,
                    a.future.text if a.future else None,
                    a.hedged.text if a.hedged else None,
                    a.reported.text if a.reported else None,
                    a.scope.value if a.scope else None,
                    f.specificity.score,
                    f.sentence,
                ],
            )
        for flag in report.flags:
            self._row(
                self.flags,
                [sid, company, year, flag.id, flag.severity, flag.message, " ".join(str(i) for i in flag.evidence)],
            )
        if yoy is not None:
            self._yoy(sid, company, year, yoy)

    def _yoy(self, sid: str, company: str, year: int | None, yoy: YearOverYear) -> None:
        head = [sid, company, year, yoy.previous_year]
        self._row(self.yoy, [*head, "grade", "grade", yoy.grade_before, yoy.grade_after, None])
        self._row(self.yoy, [*head, "xinjiang_level", "Xinjiang level", yoy.xinjiang_before, yoy.xinjiang_after, None])
        for c in yoy.criteria:
            self._row(self.yoy, [*head, f"criterion_{c.change}", f"{c.framework}: {c.title}", c.before, c.after, None])
        for m in yoy.commitments:
            self._row(self.yoy, [*head, f"commitment_{m.status}", m.label_name, m.sentence, m.evidence, m.cue])
        for s in yoy.copied:
            self._row(self.yoy, [*head, "copied_sentence", s.sentence, None, None, None])

    def close(self) -> Path:
        """Write the file and return its path."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._wb.save(self.path)
        return self.path
