"""Writers for the result tables: statements.jsonl, findings.csv, scores.csv."""

from __future__ import annotations

import csv
from collections.abc import Iterable
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


def finding_rows(report: StatementReport) -> Iterable[dict[str, object]]:
    """One CSV row per finding of a report."""
    for f in report.findings:
        a = f.assertion
        yield {
            "statement_id": report.id,
            "source": report.source,
            "company": report.company or "",
            "year": report.year or "",
            "label": f.label,
            "rule_id": f.rule_id,
            "text": f.text,
            "page": f.page or "",
            "start": f.start,
            "end": f.end,
            "section": f.section or "",
            "negated": _cue(a.negated),
            "future": _cue(a.future),
            "hedged": _cue(a.hedged),
            "reported": _cue(a.reported),
            "scope": a.scope.value if a.scope else "",
            "specificity": f.specificity.score,
            "sentence": f.sentence,
        }


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


class ResultWriter:
    """Writes reports as they come: JSONL line by line, findings CSV row by row, scores CSV at close."""

    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self._jsonl: IO[str] = (self.out / "statements.jsonl").open("w", encoding="utf-8")
        self._findings_fh: IO[str] = (self.out / "findings.csv").open("w", encoding="utf-8", newline="")
        self._findings = csv.DictWriter(self._findings_fh, fieldnames=FINDING_COLUMNS)
        self._findings.writeheader()
        self._scores: list[dict[str, object]] = []

    def write(self, report: StatementReport) -> None:
        """Append one report."""
        self._jsonl.write(report.model_dump_json() + "\n")
        self._jsonl.flush()
        for row in finding_rows(report):
            self._findings.writerow(row)
        self._scores.append(score_row(report))

    def close(self) -> None:
        """Flush and close the files; write scores.csv."""
        self._jsonl.close()
        self._findings_fh.close()
        columns = list(SCORE_COLUMNS)
        for row in self._scores:
            columns += [k for k in row if k not in columns]
        with (self.out / "scores.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            writer.writerows(self._scores)

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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


def write_corpus_rows(out_dir: str | Path, rows: Iterable[CorpusRow]) -> Path:
    """Write corpus.csv: the batch-level boilerplate and copying measures (they depend on the whole batch)."""
    path = Path(out_dir) / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CORPUS_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.model_dump().items()})
    return path
