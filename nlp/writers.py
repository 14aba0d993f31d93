"""Writers for the result tables: statements.jsonl, findings.csv, scores.csv, corpus.csv."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from nlp.models import StatementReport
from nlp.scoring.corpus import CorpusRow

FINDING_COLUMNS = (
    "statement_id",
    "source",
    "company",
    "year",
    "label",
    "rule_id",
    "text",
    "page",
    "start",
    "end",
    "section",
    "negated",
    "future",
    "hedged",
    "reported",
    "scope",
    "specificity",
    "sentence",
)
SCORE_COLUMNS = (
    "statement_id",
    "source",
    "company",
    "year",
    "jurisdiction",
    "status",
    "error_code",
    "language",
    "pages",
    "words",
    "findings",
    "xinjiang_mentioned",
    "xinjiang_level",
    "specificity",
    "flags",
)


def _cue(value: object) -> str:
    return getattr(value, "text", "") if value is not None else ""


def finding_values(report: StatementReport) -> Iterable[tuple[object, ...]]:
    """One CSV row per finding of a report, as values in the order of :data:`FINDING_COLUMNS`."""
    head = (report.id, report.source, report.company or "", report.year or "")
    for f in report.findings:
        a = f.assertion
        yield (
            *head,
            f.label,
            f.rule_id,
            f.text,
            f.page or "",
            f.start,
            f.end,
            f.section or "",
            _cue(a.negated),
            _cue(a.future),
            _cue(a.hedged),
            _cue(a.reported),
            a.scope.value if a.scope else "",
            f.specificity.score,
            f.sentence,
        )


def finding_rows(report: StatementReport) -> Iterable[dict[str, object]]:
    """One CSV row per finding of a report, keyed by column name."""
    for values in finding_values(report):
        yield dict(zip(FINDING_COLUMNS, values, strict=True))


def score_row(report: StatementReport) -> dict[str, object]:
    """One CSV row per statement (framework scores are added as columns when present)."""
    row: dict[str, object] = {
        "statement_id": report.id,
        "source": report.source,
        "company": report.company or "",
        "year": report.year or "",
        "jurisdiction": report.jurisdiction or "",
        "status": report.status,
        "error_code": report.error.code if report.error else "",
        "language": report.language or "",
        "pages": report.pages,
        "words": report.words,
        "findings": len(report.findings),
        "xinjiang_mentioned": bool(report.xinjiang and report.xinjiang.mentioned),
        "xinjiang_level": report.xinjiang.level if report.xinjiang else "",
        "specificity": "" if report.specificity is None else report.specificity,
        "flags": ";".join(f.id for f in report.flags),
    }
    for fid, score in sorted(report.scores.items()):
        row[f"{fid}.completeness"] = score.completeness
        row[f"{fid}.specificity"] = score.specificity
    return row


@dataclass
class PreparedRows:
    """One report rendered for the tables: its JSON line, its findings.csv rows (CSV text) and its scores.csv row.

    Workers prepare these next to the analysis, so that writing the tables of a large batch is mostly copying.
    """

    report_json: str
    findings_csv: str
    score: dict[str, object]

    @classmethod
    def of(cls, report: StatementReport) -> PreparedRows:
        """Render a report."""
        buf = io.StringIO()
        csv.writer(buf).writerows(finding_values(report))  # rows as tuples: DictWriter's per-cell lookups cost more
        return cls(report.model_dump_json(), buf.getvalue(), score_row(report))


class TableWriter:
    """Writes the result tables in input order; each file appears atomically when the writer closes.

    ``statements.jsonl`` and ``findings.csv`` are streamed to temporary files (reports are not kept in memory);
    ``scores.csv`` is written at the end, when the framework columns of every report are known; ``corpus.csv``
    from :meth:`write_corpus`. On an exception nothing is replaced: the previous tables stay as they were.
    """

    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self._tmp: dict[str, Path] = {}
        self._jsonl: IO[str] = self._open("statements.jsonl")
        self._findings_fh: IO[str] = self._open("findings.csv")
        csv.DictWriter(self._findings_fh, fieldnames=FINDING_COLUMNS).writeheader()
        self._scores: list[dict[str, object]] = []
        self._corpus: list[CorpusRow] | None = None

    def _open(self, name: str) -> IO[str]:
        tmp = self.out / f".{name}.tmp"
        self._tmp[name] = tmp
        return tmp.open("w", encoding="utf-8", newline="")

    def write(self, report: StatementReport | PreparedRows) -> None:
        """Append one report (or its prepared rows)."""
        rows = report if isinstance(report, PreparedRows) else PreparedRows.of(report)
        self._jsonl.write(rows.report_json + "\n")
        self._findings_fh.write(rows.findings_csv)
        self._scores.append(rows.score)

    def write_corpus(self, rows: Iterable[CorpusRow]) -> None:
        """Set the batch-level rows of corpus.csv."""
        self._corpus = list(rows)

    def close(self, commit: bool = True) -> None:
        """Close the files; write scores.csv (and corpus.csv); move every table into place."""
        self._jsonl.close()
        self._findings_fh.close()
        if not commit:
            for tmp in self._tmp.values():
                tmp.unlink(missing_ok=True)
            return
        columns = list(SCORE_COLUMNS)
        for row in self._scores:
            columns += [k for k in row if k not in columns]
        with self._open("scores.csv") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            writer.writerows(self._scores)
        if self._corpus is not None:
            with self._open("corpus.csv") as fh:
                _write_corpus(fh, self._corpus)
        for name, tmp in self._tmp.items():
            os.replace(tmp, self.out / name)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(commit=exc_type is None)


CORPUS_COLUMNS = (
    "statement_id",
    "source",
    "company",
    "year",
    "boilerplate_share",
    "common_tetragrams",
    "previous_source",
    "copied_share",
)


def _write_corpus(fh: IO[str], rows: Iterable[CorpusRow]) -> None:
    """Write corpus.csv: the batch-level boilerplate and copying measures (they depend on the whole batch)."""
    writer = csv.DictWriter(fh, fieldnames=CORPUS_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.model_dump().items()})
