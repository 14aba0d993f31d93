"""The ``msa`` command line: a thin typer layer over pure functions that return models."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from nlp import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="msa: analyse modern slavery statements for Xinjiang / Uyghur-Region disclosures and "
    "due-diligence claims, with evidence.",
)
rules_app = typer.Typer(no_args_is_help=True, help="Validate and test the rule files.")
evaluate_app = typer.Typer(no_args_is_help=True, help="Measure accuracy against gold annotations.")
app.add_typer(rules_app, name="rules")
app.add_typer(evaluate_app, name="evaluate")

RulesOpt = Annotated[
    Path | None,
    typer.Option("--rules", help="Rules directory (default: $MSA_RULES, then the rules shipped with msa)."),
]


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 2) -> typer.Exit:
    _err().print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


@app.callback(invoke_without_command=True)
def _root(version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False) -> None:
    if version:
        typer.echo(__version__)
        raise typer.Exit(0)


@app.command()
def analyse(
    inputs: Annotated[list[str] | None, typer.Argument(help="Files or folders of statements.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("results"),
    manifest: Annotated[Path | None, typer.Option(help="CSV with path, company, year, jurisdiction, ...")] = None,
    rules: RulesOpt = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="Worker processes (default: all cores); 0 analyses in this process."),
    ] = None,
    engine: Annotated[str, typer.Option(help="local (worker processes) or dask.")] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); implies --engine dask."),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds one document may take before it is stopped.")] = 300.0,
    max_memory_mb: Annotated[int, typer.Option(help="Memory one worker may use on a document (too_large).")] = 2048,
    max_mb: Annotated[int, typer.Option(help="Refuse files larger than this many MB (too_large).")] = 150,
    max_pages: Annotated[int, typer.Option(help="Refuse PDFs with more pages (too_large); 0: no limit.")] = 600,
    pdf_engine: Annotated[str, typer.Option(help="fast (pypdfium2) or layout (pdfplumber).")] = "fast",
    force: Annotated[bool, typer.Option("--force", help="Analyse again what an earlier run already did.")] = False,
    scorecards: Annotated[
        bool, typer.Option("--scorecards", help="Also write HTML scorecards to OUT/scorecards.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Analyse statements; write statements.jsonl, findings.csv, scores.csv and corpus.csv to --out.

    Results are journalled as each document finishes: run the same command again after an interruption and it
    resumes (--force starts over). Exit code 0 when every document was analysed, 1 when any document has an error
    (its record says why), 2 on a usage error.
    """
    import os

    from nlp.batch import BatchOptions, run_batch
    from nlp.ingest import InputItem, ManifestError, expand_inputs, read_manifest
    from nlp.ruleset import RuleFileError

    if pdf_engine not in ("fast", "layout"):
        raise _fail(f"--pdf-engine must be fast or layout, not {pdf_engine!r}")
    if engine not in ("local", "dask"):
        raise _fail(f"--engine must be local or dask, not {engine!r}")
    items: list[InputItem] = []
    try:
        if manifest is not None:
            items += read_manifest(manifest)
    except ManifestError as exc:
        raise _fail(str(exc)) from exc
    items += list(expand_inputs(inputs or []))
    if not items:
        raise _fail("nothing to analyse: give files, folders or --manifest")
    n_jobs = (os.cpu_count() or 1) if jobs is None else max(0, jobs)
    options = BatchOptions(
        rules_dir=str(rules) if rules else None,
        max_bytes=max_mb * 1024 * 1024,
        max_pages=max_pages or None,
        pdf_engine=pdf_engine,  # type: ignore[arg-type]
        jobs=n_jobs,
        timeout=timeout,
        max_memory_mb=max_memory_mb,
        scheduler=scheduler or ("local" if engine == "dask" else None),
        force=force,
    )
    console = _err()
    show_bar = not quiet and console.is_terminal and os.environ.get("CI", "").lower() not in ("1", "true")
    progress = _Progress(console, len(items), show_bar, quiet)
    try:
        with progress:
            summary = run_batch(items, out, options, on_result=progress.result, on_start=progress.start)
    except RuleFileError as exc:
        raise _fail(str(exc)) from exc
    except KeyboardInterrupt:
        console.print(f"interrupted: finished documents are kept; run the same command again to resume ({out})")
        raise typer.Exit(130) from None
    if scorecards:
        from nlp.scorecards import build_scorecards

        build_scorecards(out, out / "scorecards")
    errors = ", ".join(f"{code}: {n}" for code, n in sorted(summary.errors.items())) or "none"
    rate = summary.pages / summary.seconds if summary.seconds else 0.0
    words_rate = summary.words / summary.seconds if summary.seconds else 0.0  # text files count as one page each
    console.print(
        f"[bold]{summary.documents}[/] documents, [green]{summary.ok} ok[/], errors: {errors}; "
        f"{summary.pages} pages, {summary.words:,} words in {summary.seconds:.1f}s ({rate:.1f} pages/s, "
        f"{words_rate:,.0f} words/s)"
        + (f"; {summary.resumed} taken from an earlier run" if summary.resumed else "")
        + (f"; {summary.duplicates} duplicate file(s) reported with their first copy" if summary.duplicates else "")
    )
    console.print(
        f"results: {out / 'statements.jsonl'}, {out / 'findings.csv'}, {out / 'scores.csv'}; "
        f"batch-level boilerplate and copying: {out / 'corpus.csv'}; run summary: {out / 'run.json'}"
        + (f"; scorecards: {out / 'scorecards' / 'index.html'}" if scorecards else "")
    )
    raise typer.Exit(1 if summary.errors else 0)


class _Progress:
    """Progress of a batch on stderr.

    A bar with documents/s, pages/s and ETA on a terminal, else one line per failed document; nothing with --quiet.
    """

    def __init__(self, console: Console, total: int, bar: bool, quiet: bool):
        self.console = console
        self.total = total
        self.quiet = quiet
        self.bar = None
        self.pages = 0
        self.done = 0
        self.started = time.perf_counter()
        if bar:
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("[bold]analysing[/]"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total} docs"),
                TextColumn("{task.fields[docs_s]:.1f} docs/s, {task.fields[pages_s]:.0f} pages/s"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self.task = self.bar.add_task("analyse", total=total, docs_s=0.0, pages_s=0.0)

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def start(self, todo: int, resumed: int) -> None:
        """The run knows what it will do."""
        if self.bar is not None:
            self.bar.update(self.task, total=todo)
        if resumed and not self.quiet:
            self.console.print(f"resuming: {resumed} document(s) already analysed in {self.total} input(s)")

    def result(self, brief: dict[str, object]) -> None:
        """One document finished (``brief``: source, status, pages, error)."""
        self.done += 1
        self.pages += int(brief.get("pages") or 0)  # type: ignore[call-overload]
        error = brief.get("error")
        if isinstance(error, dict) and not self.quiet:
            self.console.print(f"[red]{error['code']}[/] {brief['source']}: {error['message']}")
        if self.bar is not None:
            elapsed = max(time.perf_counter() - self.started, 1e-6)
            self.bar.update(self.task, advance=1, docs_s=self.done / elapsed, pages_s=self.pages / elapsed)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a StatementReport (one line of statements.jsonl)."""
    from nlp.models import StatementReport

    typer.echo(json.dumps(StatementReport.model_json_schema(), indent=2))


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="A statement file (pdf, html, docx, txt).")],
    label: Annotated[str | None, typer.Option(help="Only labels starting with this, e.g. xinjiang.")] = None,
    rules: RulesOpt = None,
) -> None:
    """Print a statement's findings with the evidence highlighted in its sentence."""
    from nlp.analyse import analyse_document
    from nlp.ingest import InputItem, read_document
    from nlp.pipeline import build_pipeline
    from nlp.ruleset import load_ruleset

    ruleset = load_ruleset(rules)
    document = read_document(InputItem(path=str(file)), ruleset)
    report = analyse_document(document, build_pipeline(rules), ruleset)
    console = Console(highlight=False)
    console.print(
        f"[bold]{report.source}[/]  company={report.company!r} year={report.year} "
        f"jurisdiction={report.jurisdiction} language={report.language} pages={report.pages}"
    )
    if report.error:
        console.print(f"[red]{report.error.code}: {report.error.message}[/]")
        raise typer.Exit(1)
    for flag in report.flags:
        console.print(f"[yellow]flag {flag.id}[/]: {flag.message}")
    shown = [f for f in report.findings if not label or f.label.startswith(label)]
    by_sentence: dict[int, list] = {}
    for f in shown:
        by_sentence.setdefault(f.sentence_start, []).append(f)
    for findings in by_sentence.values():
        first = findings[0]
        head = Text()
        head.append(f"p.{first.page} ", style="dim")
        if first.section:
            head.append(f"[{first.section}] ", style="dim")
        head.append(f"specificity {first.specificity.score:g}", style="dim")
        console.print(head)
        sent = Text("  " + first.sentence)
        for f in findings:
            sent.stylize("bold black on yellow", 2 + f.start - f.sentence_start, 2 + f.end - f.sentence_start)
        console.print(sent)
        for f in findings:
            line = Text("    ")
            line.append(f.label, style="bold cyan")
            line.append(f" {f.text!r} ", style="")
            line.append(f.rule_id, style="dim")
            if f.reference:
                line.append(f" via {f.reference}", style="dim")
            marks = [
                f"{k}: {v.text!r}"
                for k, v in (
                    ("negated", f.assertion.negated),
                    ("future", f.assertion.future),
                    ("hedged", f.assertion.hedged),
                    ("reported", f.assertion.reported),
                )
                if v is not None
            ]
            if f.assertion.scope:
                marks.append(f"scope: {f.assertion.scope.value} ({f.assertion.scope.text!r})")
            if marks:
                line.append("  " + "; ".join(marks), style="magenta")
            console.print(line)
    console.print(f"[bold]{len(shown)}[/] findings")


@rules_app.command("check")
def rules_check(rules: RulesOpt = None) -> None:
    """Validate every rule file and run every rule's examples through the pipeline."""
    from nlp.checks import iter_cases, run_all
    from nlp.pipeline import build_pipeline
    from nlp.ruleset import RuleFileError, load_ruleset

    console = _err()
    try:
        ruleset = load_ruleset(rules)
        pipeline = build_pipeline(rules)
    except RuleFileError as exc:
        raise _fail(str(exc), 1) from exc
    cases = list(iter_cases(ruleset))
    failures = run_all(pipeline, ruleset)
    for case, msg in failures:
        where = ruleset.rule_files.get(case.rule_id, "metadata.yaml")
        console.print(f"[red]FAIL[/] {case.name} {where}: {msg}\n     {case.example.text!r}")
    console.print(
        f"{len(ruleset.targets)} target rules, {len(ruleset.cues)} cues, {len(ruleset.sections)} "
        f"sections, {len(ruleset.specificity)} specificity features; {len(cases)} examples, "
        f"{len(failures)} failed. rules: {ruleset.root}"
    )
    raise typer.Exit(1 if failures else 0)


@evaluate_app.command("gold")
def evaluate_gold(
    gold: Annotated[Path, typer.Argument(help="Folder of gold YAML files (corpus/gold).")],
    corpus: Annotated[
        Path | None,
        typer.Option(help="Folder the gold 'document' paths are relative to (default: the gold folder's parent)."),
    ] = None,
    rules: RulesOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    errors: Annotated[bool, typer.Option(help="List every false positive and false negative.")] = False,
) -> None:
    """Precision, recall and F1 per label against gold annotations (per label and sentence)."""
    from nlp.evaluate import GoldError, evaluate_gold_dir
    from nlp.ruleset import RuleFileError

    try:
        result = evaluate_gold_dir(gold, corpus or gold.parent, rules)
    except (GoldError, RuleFileError) as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        return
    console = Console(highlight=False)
    console.print(f"{'label':32} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for name, s in sorted(result.labels.items()):
        console.print(_prf_row(name, s, 32))
    console.print(_prf_row("micro", result.micro, 32))
    console.print(f"{'macro-F1':32} {'':6} {'':6} {result.macro_f1:6.3f}   ({result.documents} documents)")
    if errors:
        for e in result.errors:
            console.print(
                f"[{'red' if e.kind == 'fp' else 'yellow'}]{e.kind}[/] {e.label} {e.document}: {e.sentence[:200]}"
            )


@evaluate_app.command("passages")
def evaluate_passages_cmd(
    challenges: Annotated[
        list[Path], typer.Argument(help="Challenge set YAML files, or folders of them (corpus/challenge).")
    ],
    rules: RulesOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output (a list, one per file).")] = False,
    errors: Annotated[bool, typer.Option(help="List every false positive and false negative.")] = False,
    half: Annotated[
        str,
        typer.Option(
            help="'odd' or 'even': only the passages whose id ends in an odd (even) number (sets split into a "
            "development half and a blind half); default all."
        ),
    ] = "all",
) -> None:
    """Precision, recall and F1 per label on challenge sets of short passages (per label and passage)."""
    from nlp.evaluate import GoldError, evaluate_passages
    from nlp.pipeline import build_pipeline
    from nlp.ruleset import RuleFileError, load_ruleset

    files = [f for p in challenges for f in (sorted(p.glob("*.yaml")) if p.is_dir() else [p])]
    if not files:
        raise _fail(f"no challenge set (*.yaml) in {', '.join(map(str, challenges))}")
    if half not in ("all", "odd", "even"):
        raise _fail(f"--half must be all, odd or even, not {half!r}")
    try:
        ruleset, pipeline = load_ruleset(rules), build_pipeline(rules)  # once for every set
        results = [
            evaluate_passages(f, rules, ruleset=ruleset, pipeline=pipeline, half=half)  # type: ignore[arg-type]
            for f in files
        ]
    except (GoldError, RuleFileError) as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in results], indent=2))
        return
    console = Console(highlight=False)
    for result in results:
        which = "" if result.half == "all" else f" (ids ending in an {result.half} number)"
        console.print(f"{result.file}: {result.passages} passages{which}, scored {', '.join(result.scored)}")
        console.print(f"{'label':32} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for name, s in result.labels.items():
            console.print(_prf_row(name, s, 32))
        console.print(_prf_row("micro", result.micro, 32))
        console.print(f"{'macro-F1':32} {'':6} {'':6} {result.macro_f1:6.3f}")
        console.print(f"{'passages exactly right':32} {'':6} {'':6} {result.exact:6.3f}\n")
        if errors:
            for e in result.errors:
                console.print(
                    f"[{'red' if e.kind == 'fp' else 'yellow'}]{e.kind}[/] {e.label} {e.document}: {e.sentence}"
                )


def _prf_row(name: str, s: Any, width: int) -> str:
    """One row of an evaluation table: name, P, R, F1, tp, fp, fn."""
    return f"{name:{width}} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}"


@evaluate_app.command("aims")
def evaluate_aims_cmd(
    csv_file: Annotated[Path, typer.Argument(help="CSV in the AIMS layout (statement_id, sentence, criteria...).")],
    framework: Annotated[str, typer.Option(help="Framework whose criteria name AIMS columns.")] = "au_s16",
    jurisdiction: Annotated[
        str | None, typer.Option(help="Jurisdiction of all statements (default: inferred per statement).")
    ] = None,
    rules: RulesOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    errors: Annotated[
        Path | None,
        typer.Option(help="Write every disagreement (sentence, criterion, fp/fn, rules, section) to this CSV."),
    ] = None,
    half: Annotated[
        str,
        typer.Option(
            help="'odd' or 'even': only the statements whose id ends in an odd (even) number (SID_401 is odd), to "
            "write rules on one half and measure them on the other; default all."
        ),
    ] = "all",
) -> None:
    """Sentence-level precision, recall and F1 per AIMS criterion, and the macro-F1 over the eleven."""
    from nlp.evaluate import GoldError, evaluate_aims
    from nlp.ruleset import RuleFileError

    if half not in ("all", "odd", "even"):
        raise _fail(f"--half must be all, odd or even, not {half!r}")
    try:
        result = evaluate_aims(csv_file, rules, framework, jurisdiction, errors, half)  # type: ignore[arg-type]
    except (GoldError, OSError, RuleFileError) as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        return
    console = Console(highlight=False)
    which = "" if result.half == "all" else f" (ids ending in an {result.half} number)"
    console.print(f"{result.file}: {result.statements} statements{which}, {result.sentences} sentences")
    console.print(f"{'criterion':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for e in result.criteria:
        console.print(_prf_row(e.column, e, 24))
    console.print(f"{'macro-F1 (all)':24} {'':6} {'':6} {result.macro_f1:6.3f}")
    console.print(f"{'macro-F1 (with gold)':24} {'':6} {'':6} {result.macro_f1_with_positives:6.3f}")


def main() -> None:
    """Entry point of the ``msa`` console script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


from nlp.scorecards.cli import register  # noqa: E402  (msa scorecard)

register(app)
