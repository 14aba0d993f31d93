"""Analyse many documents: read, analyse, report; one report per input, in input order, whatever happens."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from nlp import __version__
from nlp.analyse import analyse_document
from nlp.ingest import DEFAULT_MAX_BYTES, InputItem, read_document
from nlp.ingest.pdf import Engine
from nlp.models import DocumentError, StatementReport
from nlp.pipeline import build_pipeline
from nlp.ruleset import load_ruleset
from nlp.scoring.corpus import CorpusIndex


@dataclass
class BatchOptions:
    """Options of a batch run."""

    rules_dir: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    pdf_engine: Engine = "fast"


@dataclass
class BatchSummary:
    """What a run did."""

    documents: int = 0
    ok: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    seconds: float = 0.0


def analyse_items(
    items: Iterable[InputItem],
    options: BatchOptions | None = None,
    corpus: CorpusIndex | None = None,
) -> Iterator[StatementReport]:
    """Analyse documents one after another, yielding one report per item in order.

    Identical files (same bytes) are analysed once; later copies get the same findings and ``duplicate_of``.
    A failure inside the analysis of one document becomes an ``internal`` error record for that document.

    Args:
        items: Inputs (paths and manifest metadata).
        options: Rules directory, size limit, PDF engine.
        corpus: Collects each analysed statement's signature for the batch-level measures (corpus.csv).

    Yields:
        Reports, in input order.
    """
    options = options or BatchOptions()
    ruleset = load_ruleset(options.rules_dir)
    pipeline = build_pipeline(options.rules_dir)
    seen: dict[str, StatementReport] = {}
    for item in items:
        document = read_document(item, ruleset, options.max_bytes, options.pdf_engine)
        if document.error is None and document.id in seen:
            first = seen[document.id]
            report = first.model_copy(
                update={
                    "source": item.path,
                    "duplicate_of": first.source,
                    "extra": item.extra,
                    "company": item.company or first.company,
                    "year": item.year or first.year,
                    "jurisdiction": item.jurisdiction or first.jurisdiction,
                }
            )
        else:
            try:
                report = analyse_document(document, pipeline, ruleset)
            except Exception as exc:  # one document must never stop the batch
                report = StatementReport(
                    id=document.id,
                    source=item.path,
                    status="error",
                    error=DocumentError(
                        code="internal", message=f"{item.path}: analysis failed: {type(exc).__name__}: {exc}"
                    ),
                    rules_fingerprint=ruleset.fingerprint,
                    version=__version__,
                )
            if report.status == "ok":
                seen[document.id] = report
                if corpus is not None:
                    corpus.add(report, document.text)
        yield report


def summarise(reports: Iterable[StatementReport], started: float) -> BatchSummary:
    """Count documents, errors by code and pages."""
    summary = BatchSummary()
    for r in reports:
        summary.documents += 1
        summary.pages += r.pages
        if r.status == "ok":
            summary.ok += 1
        elif r.error:
            summary.errors[r.error.code] = summary.errors.get(r.error.code, 0) + 1
    summary.seconds = time.perf_counter() - started
    return summary
