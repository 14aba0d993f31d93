"""Helpers shared by the scorecard tests: results folders built from bundled statements, a hostile statement."""

from __future__ import annotations

import csv
from pathlib import Path

from nlp.analyse import analyse_document
from nlp.ingest import InputItem, read_document
from nlp.models import StatementReport
from tests.conftest import CORPUS

STATEMENTS = CORPUS / "statements"

# Bundled statements with what the manifest says of them; plus a file that does not exist (an error record).
BUNDLED = [
    ("harbour_apparel_2022.txt", "Harbour Apparel Limited", 2022, "GB", "apparel"),
    ("harbour_apparel_2023.txt", "Harbour Apparel Limited", 2023, "GB", "apparel"),
    ("wattle_and_loom_2023.html", "Wattle & Loom Pty Ltd", 2023, "AU", "apparel"),
    ("erable_logistique_2024.txt", "Érable Logistique inc.", 2024, "CA", "logistics"),
    ("missing_statement_2023.pdf", "Ghost Holdings plc", 2023, "GB", "retail"),
]

HOSTILE_COMPANY = 'Evil </script><script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> Ltd'
HOSTILE_TEXT = """Modern Slavery Statement 2023 <script>alert(1)</script>

We do not source cotton from Xinjiang <script>alert(1)</script> and we audit our suppliers every year.
Our Code <img src=x onerror=alert(1)> prohibits suppliers at every tier from using cotton from the Uyghur Region.
See <a href="javascript:alert(1)">our supplier list</a>: in 2023 we traced 80% of our cotton to the gin with Oritain.
</script><script>window.__pwned = 1</script> We will publish a list of our tier-2 fabric mills in 2024.
<!-- <iframe src="https://example.com/"></iframe> --> Our board approved this statement.
"""


def analyse_items(items: list[InputItem], pipeline, ruleset) -> list[StatementReport]:
    """Read and analyse each item with the session pipeline."""
    return [analyse_document(read_document(item, ruleset), pipeline, ruleset) for item in items]


def write_results(out: Path, reports: list[StatementReport], copied: dict[str, float] | None = None) -> Path:
    """Write a results folder the way msa analyse does (statements.jsonl; corpus.csv when copied shares are given)."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "statements.jsonl").open("w", encoding="utf-8") as fh:
        for r in reports:
            fh.write(r.model_dump_json() + "\n")
    if copied is not None:
        with (out / "corpus.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["statement_id", "source", "company", "year", "boilerplate_share", "copied_share"])
            for r in reports:
                share = copied.get(r.source)
                writer.writerow([r.id, r.source, r.company or "", r.year or "", 0.1, "" if share is None else share])
    return out


def bundled_items() -> list[InputItem]:
    """The bundled statements of :data:`BUNDLED` as manifest items."""
    return [
        InputItem(path=str(STATEMENTS / name), company=company, year=year, jurisdiction=j, extra={"sector": sector})
        for name, company, year, j, sector in BUNDLED
    ]


def hostile_item(folder: Path) -> InputItem:
    """A statement whose text and manifest fields try to inject markup and script."""
    path = folder / "evil_2023.txt"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    return InputItem(
        path=str(path),
        company=HOSTILE_COMPANY,
        year=2023,
        jurisdiction="GB",
        extra={"sector": "<img src=x onerror=alert(1)>", "note": "javascript:alert(1)"},
    )
