"""The ``msa scorecard`` command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console


def register(app: typer.Typer) -> None:
    """Add the ``scorecard`` command to the msa command line.

    Args:
        app: The msa typer application.
    """

    @app.command()
    def scorecard(
        results_dir: Annotated[Path, typer.Argument(help="A folder written by msa analyse (statements.jsonl).")],
        out: Annotated[
            Path | None, typer.Option("--out", "-o", help="Output folder (default: RESULTS_DIR/scorecards).")
        ] = None,
        config: Annotated[
            Path | None, typer.Option(help="Scorecard settings YAML (grade bands; default: the shipped one).")
        ] = None,
        excel: Annotated[bool, typer.Option("--excel/--no-excel", help="Also write scorecards.xlsx.")] = True,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary output.")] = False,
    ) -> None:
        """Write investor scorecards: a page per statement, index.html (portfolio) and scorecards.xlsx."""
        from pydantic import ValidationError

        from nlp.scorecards import ScorecardError, build_scorecards

        err = Console(stderr=True, highlight=False)
        try:
            summary = build_scorecards(results_dir, out, config=config, excel=excel)
        except (ScorecardError, ValidationError, OSError) as exc:
            err.print(f"[bold red]error:[/] {exc}")
            raise typer.Exit(2) from exc
        if not quiet:
            grades = ", ".join(f"{g}: {n}" for g, n in sorted(summary.grades.items()))
            err.print(
                f"[bold]{summary.pages}[/] statement pages ({summary.ok} graded, {summary.errors} errors, "
                f"{summary.non_english} not in English; grades {grades}; {summary.year_over_year} with "
                f"year-over-year) in {summary.seconds:.1f}s"
            )
            err.print(f"portfolio: {summary.index}" + (f"; workbook: {summary.workbook}" if summary.workbook else ""))
