"""Analyse many documents: parallel, isolated, resumable; one report per input, in input order, whatever happens.

A run has three layers:

- :func:`process_item` is the per-document function: read, analyse, and compute the batch-measure signature. It
  runs wherever the work runs (this process, a worker process, a Dask worker) and builds the pipeline once per
  process.
- An *executor* runs it over the documents still to do: in this process (``jobs=0``), in a pool of worker
  processes (``jobs>=1``; each document has a time limit and a memory ceiling, a worker that hangs or eats memory
  is killed, the document recorded as ``timeout`` / ``too_large`` and the worker replaced), or on a Dask cluster.
- A **journal** (``journal.jsonl`` in the output folder) receives each result as soon as it exists, one line per
  document written in one ``write`` call. Running the same command again skips the documents the journal holds
  (keyed by content hash, manifest metadata, rules fingerprint and reading options), so a run killed even with
  ``kill -9`` resumes where it stopped. The tables (``statements.jsonl``, ``findings.csv``, ``scores.csv``,
  ``corpus.csv``) are written from the journal at the end, in input order, each replaced atomically: the output
  of a resumed run is identical to that of an uninterrupted one, whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import resource
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from nlp import __version__
from nlp.ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, InputItem, read_document
from nlp.ingest.pdf import Engine
from nlp.models import DocumentError, StatementReport
from nlp.scoring.corpus import CorpusIndex, signature, signature_from_json, signature_to_json
from nlp.writers import PreparedRows

JOURNAL = "journal.jsonl"
JOURNAL_FORMAT = "3"  # bumped when a journal record changes shape: older records are then analysed again
RUN_FILE = "run.json"
DEFAULT_TIMEOUT = 300.0
DEFAULT_MAX_MEMORY_MB = 2048


@dataclass
class BatchOptions:
    """Options of a batch run.

    Attributes:
        rules_dir: Rules directory (None: the default rules).
        max_bytes: Files larger than this are refused (``too_large``).
        max_pages: PDFs with more pages are refused (``too_large``); None for no limit.
        pdf_engine: ``fast`` (pypdfium2) or ``layout`` (pdfplumber).
        jobs: Worker processes; 0 runs in this process (no isolation).
        timeout: Seconds one document may take in a worker before it is killed (``timeout``).
        max_memory_mb: Resident memory a worker may reach on one document before it is killed (``too_large``).
        scheduler: Address of a Dask scheduler (``tcp://host:8786``), or ``local`` for a local Dask cluster.
        force: Ignore the journal and analyse every document again.
    """

    rules_dir: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int | None = DEFAULT_MAX_PAGES
    pdf_engine: Engine = "fast"
    jobs: int = 0
    timeout: float = DEFAULT_TIMEOUT
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB
    scheduler: str | None = None
    force: bool = False

    def reading_key(self) -> str:
        """The options that change a document's result (part of its journal key)."""
        return f"{self.pdf_engine}|{self.max_bytes}|{self.max_pages}"


@dataclass
class BatchSummary:
    """What a run did."""

    documents: int = 0
    ok: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    words: int = 0
    seconds: float = 0.0
    analysed: int = 0
    resumed: int = 0
    duplicates: int = 0
    worker_peak_rss_mb: list[float] = field(default_factory=list)


@dataclass
class Task:
    """One unique document to analyse: the first input item with its content hash."""

    key: str
    item: InputItem
    content: str = ""


@dataclass
class Result:
    """What :func:`process_item` returns: the document's journal line, ready to append, and a brief for progress.

    The line is rendered where the document was analysed (a worker), so the parent only writes it: one JSON
    object, ``{"head": {...}, "report": {...}}``, whose head (key, seconds, findings.csv rows, scores.csv row,
    brief, batch-measure signature) comes first, so that a reader can take the report's JSON text as it is instead
    of decoding it (:func:`read_record`).
    """

    key: str
    line: str
    brief: dict[str, Any] = field(default_factory=dict)  # source, status, pages, error: for progress, unparsed
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    retire: bool = False  # the worker should exit after sending this (it ran out of memory)

    @classmethod
    def of(
        cls, key: str, report: StatementReport, sig: dict[str, Any] | None, seconds: float, retire: bool = False
    ) -> Result:
        """The result of one document, with its table rows prepared."""
        rows = PreparedRows.of(report)
        brief = {
            "source": report.source,
            "status": report.status,
            "pages": report.pages,
            "words": report.words,
            "error": report.error.model_dump() if report.error else None,
        }
        head = json.dumps(
            {
                "key": key,
                "seconds": round(seconds, 3),
                "findings_csv": rows.findings_csv,
                "score": rows.score,
                "brief": brief,
                "sig": sig,
            },
            ensure_ascii=False,
        )
        return cls(key, f"{_HEAD}{head}{_REPORT}{rows.report_json}}}", brief, seconds, _peak_rss_mb(), retire)

    def to_line(self) -> str:
        """The journal line of this result (without its line break)."""
        return self.line

    @property
    def report_json(self) -> str:
        """The report as JSON."""
        return str(read_record(self.line)["report"])


_HEAD = '{"head": '
_REPORT = ', "report": '
_DECODER = json.JSONDecoder()


def read_record(line: bytes | str) -> dict[str, Any]:
    """A journal line as a dict: the fields of its head and ``report``, the report's JSON text as written.

    Only the head is decoded. Lines of earlier versions (``report`` as a JSON string) are read as well.

    Raises:
        ValueError: The line is not a journal record (e.g. cut short).
    """
    text = line.decode("utf-8") if isinstance(line, bytes) else line
    text = text.rstrip("\n")
    if text.startswith(_HEAD):
        record, end = _DECODER.raw_decode(text, len(_HEAD))
        if not isinstance(record, dict) or not text.startswith(_REPORT, end) or not text.endswith("}"):
            raise ValueError("not a journal record")
        record["report"] = text[end + len(_REPORT) : -1]
        return record
    old: dict[str, Any] = json.loads(text)
    return old


# ----------------------------------------------------------------------------------------------- the unit of work
_STATE: dict[str | None, tuple[Any, Any]] = {}


def _state(rules_dir: str | None) -> tuple[Any, Any]:
    """The (ruleset, pipeline) of this process, built on first use."""
    if rules_dir not in _STATE:
        from nlp.pipeline import build_pipeline
        from nlp.ruleset import load_ruleset

        _STATE[rules_dir] = (load_ruleset(rules_dir), build_pipeline(rules_dir))
    return _STATE[rules_dir]


def _peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def error_report(item: InputItem, code: str, message: str, doc_id: str = "", fingerprint: str = "") -> StatementReport:
    """An error record for an input that produced no report of its own."""
    return StatementReport(
        id=doc_id,
        source=item.path,
        company=item.company,
        year=item.year,
        jurisdiction=item.jurisdiction,
        extra=item.extra,
        status="error",
        error=DocumentError(code=code, message=message),  # type: ignore[arg-type]
        rules_fingerprint=fingerprint,
        version=__version__,
    )


def process_item(item: InputItem, options: BatchOptions, key: str = "") -> Result:
    """Read and analyse one document; never raises for a bad document.

    Args:
        item: The input (path and manifest metadata).
        options: Reading options and rules directory.
        key: The journal key of the document (carried through).

    Returns:
        The report as JSON, with the document's batch-measure signature.
    """
    from nlp.analyse import analyse_document

    started = time.perf_counter()
    ruleset, pipeline = _state(options.rules_dir)
    try:
        document = read_document(item, ruleset, options.max_bytes, options.pdf_engine, options.max_pages)
        report = analyse_document(document, pipeline, ruleset)
        sig = signature(report, document.text)
        sig_json = signature_to_json(sig) if sig is not None else None
    except MemoryError:
        report = error_report(item, "too_large", "ran out of memory while analysing", fingerprint=ruleset.fingerprint)
        return Result.of(key, report, None, time.perf_counter() - started, retire=True)
    except Exception as exc:  # one document must never stop the batch
        report = error_report(
            item, "internal", f"analysis failed: {type(exc).__name__}: {exc}", fingerprint=ruleset.fingerprint
        )
        sig_json = None
    return Result.of(key, report, sig_json, time.perf_counter() - started)


# ----------------------------------------------------------------------------------------------- keys and journal
def content_hash(path: str | os.PathLike[str]) -> str | None:
    """sha256 of a file's bytes (the report id), or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def item_key(item: InputItem, content: str, fingerprint: str, options: BatchOptions) -> str:
    """Journal key: what determines a document's report (content, manifest metadata, rules, version, options)."""
    meta = json.dumps(
        [item.path, item.company, item.year, item.jurisdiction, sorted(item.extra.items())], ensure_ascii=False
    )
    raw = "\x1f".join((content, meta, fingerprint, __version__, JOURNAL_FORMAT, options.reading_key()))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Journal:
    """Append-only JSON-lines file of finished documents; survives ``kill -9`` (a torn last line is dropped).

    Only each record's offset is kept in memory; records are read back from the file when the tables are written.
    """

    def __init__(self, path: Path, force: bool = False):
        self.path = path
        self.records: dict[str, tuple[int, int]] = {}
        if force and path.exists():
            path.unlink()
        size = 0
        if path.exists():
            size = self._load()
        self._fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        self._size = size

    def _load(self) -> int:
        good = 0
        with self.path.open("rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    break  # torn write: the process died mid-line
                try:
                    key = read_record(line)["key"]
                except (ValueError, KeyError, TypeError):
                    break
                self.records[key] = (good, len(line))
                good += len(line)
        if good < self.path.stat().st_size:
            with self.path.open("r+b") as fh:
                fh.truncate(good)
        return good

    def __contains__(self, key: str) -> bool:
        return key in self.records

    def append(self, result: Result) -> None:
        """Record a finished document (one ``write`` of one whole line)."""
        line = (result.to_line() + "\n").encode("utf-8")
        os.write(self._fd, line)
        self.records[result.key] = (self._size, len(line))
        self._size += len(line)

    def get(self, key: str) -> dict[str, Any]:
        """The record of a finished document."""
        offset, length = self.records[key]
        return read_record(os.pread(self._fd, length, offset))

    def compact(self, keep: set[str]) -> int:
        """Rewrite the file with only the records of ``keep``; returns how many records were dropped.

        The others come from earlier runs with other inputs, rules or options.
        """
        stale = [k for k in self.records if k not in keep]
        if not stale:
            return 0
        tmp = self.path.with_name(self.path.name + ".tmp")
        offsets: dict[str, tuple[int, int]] = {}
        with tmp.open("wb") as fh:
            for key in self.records:
                if key in keep:
                    offset, length = self.records[key]
                    offsets[key] = (fh.tell(), length)
                    fh.write(os.pread(self._fd, length, offset))
        os.replace(tmp, self.path)
        os.close(self._fd)
        self._fd = os.open(self.path, os.O_RDWR | os.O_APPEND)
        self.records = offsets
        self._size = sum(length for _, length in offsets.values())
        return len(stale)

    def close(self) -> None:
        """Close the file."""
        os.close(self._fd)


# ----------------------------------------------------------------------------------------------- executors
Emit = Callable[[Result], None]


def _run_inline(tasks: Sequence[Task], options: BatchOptions, emit: Emit) -> list[float]:
    for task in tasks:
        emit(process_item(task.item, options, task.key))
    return [_peak_rss_mb()]


def _worker_main(conn: Connection, options: BatchOptions) -> None:
    """Worker process loop: receive (key, item), send back a Result, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _state(options.rules_dir)
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        key, item = msg
        result = process_item(item, options, key)
        conn.send(result)
        if result.retire:
            return  # after a MemoryError the process may be in a bad state: the parent replaces it


def _size(task: Task) -> int:
    try:
        return os.path.getsize(task.item.path)
    except OSError:
        return 0


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: Task | None = None
    started: float = 0.0
    peak_mb: float = 0.0


def _run_pool(tasks: Sequence[Task], options: BatchOptions, emit: Emit, fingerprint: str) -> list[float]:
    """Run tasks in ``options.jobs`` worker processes with a time limit and a memory ceiling per document."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if ctx.get_start_method() == "fork":
        _state(options.rules_dir)  # build once here; forked workers share it copy-on-write

    def spawn() -> _Worker:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker_main, args=(child, options), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    # Largest files first: the run does not end with one worker busy on a long document while the others idle.
    pending = deque(sorted(tasks, key=_size, reverse=True))
    workers = [spawn() for _ in range(max(1, min(options.jobs, len(tasks))))]
    peaks: list[float] = []

    def retire(w: _Worker) -> _Worker:
        if w.process.is_alive():
            w.process.kill()
        w.process.join()
        w.conn.close()
        peaks.append(w.peak_mb)
        w.peak_mb = 0.0
        return spawn() if pending else w

    def fail(w: _Worker, code: str, message: str) -> None:
        assert w.task is not None
        report = error_report(w.task.item, code, message, w.task.content, fingerprint)
        emit(Result.of(w.task.key, report, None, time.perf_counter() - w.started))
        w.task = None

    try:
        while True:
            for w in workers:
                if w.task is None and pending and w.process.is_alive():
                    w.task = pending.popleft()
                    w.started = time.perf_counter()
                    w.conn.send((w.task.key, w.task.item))
            busy = [w for w in workers if w.task is not None]
            if not busy:
                break
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.2)
            now = time.perf_counter()
            for i, w in enumerate(workers):
                if w.task is None:
                    continue
                if w.conn in ready or w.process.sentinel in ready:
                    try:
                        result: Result = w.conn.recv()
                    except (EOFError, OSError):
                        w.process.join(timeout=1)
                        code = w.process.exitcode
                        if code == -signal.SIGKILL:
                            fail(w, "too_large", "the worker was killed by the system while analysing (out of memory?)")
                        else:
                            fail(w, "internal", f"the worker process died while analysing (exit code {code})")
                        workers[i] = retire(w)
                        continue
                    w.peak_mb = max(w.peak_mb, result.peak_rss_mb)
                    w.task = None
                    emit(result)
                    if result.retire or not w.process.is_alive():
                        workers[i] = retire(w)
                    continue
                if now - w.started > options.timeout:
                    w.process.kill()
                    fail(w, "timeout", f"analysis took longer than {options.timeout:g} s (--timeout); stopped")
                    workers[i] = retire(w)
                    continue
                rss = _rss_mb(w.process.pid)
                if rss is not None:
                    w.peak_mb = max(w.peak_mb, rss)
                    if rss > options.max_memory_mb:
                        w.process.kill()
                        fail(
                            w,
                            "too_large",
                            f"analysis needed more than {options.max_memory_mb} MB of memory (--max-memory-mb); "
                            "stopped",
                        )
                        workers[i] = retire(w)
    finally:
        for w in workers:
            if w.process.is_alive():
                with contextlib.suppress(OSError):
                    w.conn.send(None)
        for w in workers:
            w.process.join(timeout=5)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            peaks.append(w.peak_mb)
    return [round(p, 1) for p in peaks if p > 0]


def _run_dask(tasks: Sequence[Task], options: BatchOptions, emit: Emit) -> list[float]:
    """Run tasks on a Dask cluster: ``options.scheduler`` is an address, or ``local`` for a LocalCluster."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError("the Dask engine needs the 'distributed' package: pip install 'msa[dask]'") from exc
    cluster = None
    if options.scheduler == "local":
        cluster = LocalCluster(n_workers=max(1, options.jobs or 1), threads_per_worker=1, processes=True)
        client = Client(cluster)
    else:
        client = Client(options.scheduler)
    peaks: dict[str, float] = {}
    try:
        futures = {
            client.submit(process_item, t.item, options, t.key, key=f"msa-{t.key}", pure=False): t
            for t in sorted(tasks, key=_size, reverse=True)
        }
        for future in as_completed(futures):
            task = futures[future]
            try:
                result: Result = future.result()
            except Exception as exc:  # a worker lost or a failure outside process_item
                report = error_report(task.item, "internal", f"the Dask task failed: {type(exc).__name__}: {exc}")
                result = Result.of(task.key, report, None, 0.0)
            worker = str(getattr(future, "_worker", "") or task.key)
            peaks[worker] = max(peaks.get(worker, 0.0), result.peak_rss_mb)
            emit(result)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return sorted(peaks.values())


# ----------------------------------------------------------------------------------------------- the run
@dataclass
class _Plan:
    keys: list[str | None]  # per input: its journal key; None for duplicates and unreadable inputs
    contents: list[str | None]  # per input: content hash; None when not a readable file
    first_of: dict[str, int]  # content hash -> index of its first input
    tasks: list[Task]


def _plan(items: Sequence[InputItem], fingerprint: str, options: BatchOptions) -> _Plan:
    plan = _Plan([], [], {}, [])
    for n, item in enumerate(items):
        content = content_hash(item.path) if Path(item.path).is_file() else None
        plan.contents.append(content)
        if content is None or content in plan.first_of:  # unreadable, or the same bytes again (analysed once)
            plan.keys.append(None)
            continue
        plan.first_of[content] = n
        key = item_key(item, content, fingerprint, options)
        plan.keys.append(key)
        plan.tasks.append(Task(key, item, content))
    return plan


def _duplicate(first: StatementReport, item: InputItem) -> StatementReport:
    return first.model_copy(
        update={
            "source": item.path,
            "duplicate_of": first.source,
            "extra": item.extra,
            "company": item.company or first.company,
            "year": item.year or first.year,
            "jurisdiction": item.jurisdiction or first.jurisdiction,
        }
    )


def _unreadable(item: InputItem, ruleset: Any, options: BatchOptions) -> StatementReport:
    """The report of an input that is not a readable file (missing, a folder, no permission)."""
    from nlp.analyse import analyse_document

    try:
        document = read_document(item, ruleset, options.max_bytes, options.pdf_engine, options.max_pages)
    except OSError as exc:
        return error_report(
            item, "not_found", f"cannot be read: {exc.strerror or exc}", fingerprint=ruleset.fingerprint
        )
    if document.error is None:  # became readable after the run started: report what was seen then
        return error_report(
            item, "not_found", "could not be read when the run started", fingerprint=ruleset.fingerprint
        )
    return analyse_document(document, None, ruleset)  # type: ignore[arg-type]  # error documents need no pipeline


def run_batch(
    items: Sequence[InputItem],
    out_dir: str | os.PathLike[str],
    options: BatchOptions | None = None,
    on_result: Callable[[StatementReport], None] | None = None,
    on_start: Callable[[int, int], None] | None = None,
) -> BatchSummary:
    """Analyse ``items`` into ``out_dir``: journal as documents finish, tables at the end.

    Args:
        items: Inputs, in the order of the output tables.
        out_dir: Output folder (created).
        options: Run options.
        on_result: Called in this process for each document analysed in this run, as it finishes, with a brief
            of its report: ``source``, ``status``, ``pages`` and ``error`` (``code``, ``message``) or None.
        on_start: Called once with ``(documents to analyse, documents already in the journal)``.

    Returns:
        The run summary (also written to ``run.json``).
    """
    from nlp.ruleset import load_ruleset
    from nlp.writers import TableWriter

    options = options or BatchOptions()
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ruleset = load_ruleset(options.rules_dir)
    plan = _plan(items, ruleset.fingerprint, options)
    journal = Journal(out / JOURNAL, force=options.force)
    todo = [t for t in plan.tasks if t.key not in journal]
    if on_start is not None:
        on_start(len(todo), len(plan.tasks) - len(todo))

    def emit(result: Result) -> None:
        journal.append(result)
        if on_result is not None:
            on_result(result.brief)

    peaks: list[float] = []
    try:
        if todo and options.scheduler:
            peaks = _run_dask(todo, options, emit)
        elif todo and options.jobs >= 1:
            peaks = _run_pool(todo, options, emit, ruleset.fingerprint)
        elif todo:
            peaks = _run_inline(todo, options, emit)
        summary = BatchSummary(analysed=len(todo), resumed=len(plan.tasks) - len(todo), worker_peak_rss_mb=peaks)
        corpus = CorpusIndex()
        with TableWriter(out) as writer:
            for n, item in enumerate(items):
                key, content = plan.keys[n], plan.contents[n]
                if key is not None:
                    rec = journal.get(key)
                    writer.write(PreparedRows(rec["report"], rec["findings_csv"], rec["score"]))
                    _count_brief(summary, rec["brief"])
                    if rec.get("sig"):
                        corpus.add_signature(signature_from_json(rec["sig"]))
                    continue
                if content is not None:
                    first_key = plan.keys[plan.first_of[content]]
                    assert first_key is not None
                    report = _duplicate(StatementReport.model_validate_json(journal.get(first_key)["report"]), item)
                    summary.duplicates += 1
                else:
                    report = _unreadable(item, ruleset, options)
                writer.write(report)
                _count(summary, report)
            writer.write_corpus(corpus.rows())
        journal.compact({k for k in plan.keys if k is not None})
    finally:
        journal.close()
    summary.seconds = time.perf_counter() - started
    _write_run_file(out, summary, options, ruleset.fingerprint)
    return summary


def _count(summary: BatchSummary, report: StatementReport) -> None:
    summary.documents += 1
    summary.pages += report.pages
    summary.words += report.words
    if report.status == "ok":
        summary.ok += 1
    elif report.error:
        summary.errors[report.error.code] = summary.errors.get(report.error.code, 0) + 1


def _count_brief(summary: BatchSummary, brief: dict[str, Any]) -> None:
    summary.documents += 1
    summary.pages += int(brief.get("pages") or 0)
    summary.words += int(brief.get("words") or 0)  # journal lines of an older msa have none
    if brief.get("status") == "ok":
        summary.ok += 1
    elif brief.get("error"):
        code = brief["error"]["code"]
        summary.errors[code] = summary.errors.get(code, 0) + 1


def _write_run_file(out: Path, summary: BatchSummary, options: BatchOptions, fingerprint: str) -> None:
    data = {
        "documents": summary.documents,
        "ok": summary.ok,
        "errors": summary.errors,
        "pages": summary.pages,
        "words": summary.words,
        "seconds": round(summary.seconds, 3),
        "analysed": summary.analysed,
        "resumed": summary.resumed,
        "duplicates": summary.duplicates,
        "jobs": options.jobs,
        "engine": "dask" if options.scheduler else ("processes" if options.jobs >= 1 else "inline"),
        "worker_peak_rss_mb": summary.worker_peak_rss_mb,
        "version": __version__,
        "rules_fingerprint": fingerprint,
    }
    tmp = out / (RUN_FILE + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, out / RUN_FILE)


# ----------------------------------------------------------------------------------------------- in-process API
def analyse_items(
    items: Iterable[InputItem],
    options: BatchOptions | None = None,
    corpus: CorpusIndex | None = None,
) -> Iterator[StatementReport]:
    """Analyse documents one after another in this process, yielding one report per item in order.

    Identical files (same bytes) are analysed once; later copies get the same findings and ``duplicate_of``.
    A failure inside the analysis of one document becomes an ``internal`` error record for that document.

    Args:
        items: Inputs (paths and manifest metadata).
        options: Rules directory, size limits, PDF engine.
        corpus: Collects each analysed statement's signature for the batch-level measures (corpus.csv).

    Yields:
        Reports, in input order.
    """
    options = options or BatchOptions()
    seen: dict[str, StatementReport] = {}
    for item in items:
        content = content_hash(item.path) if Path(item.path).is_file() else None
        if content is not None and content in seen:
            yield _duplicate(seen[content], item)
            continue
        record = read_record(process_item(item, options).line)
        report = StatementReport.model_validate_json(record["report"])
        if report.status == "ok" and content is not None:
            seen[content] = report
            if corpus is not None and record["sig"] is not None:
                corpus.add_signature(signature_from_json(record["sig"]))
        yield report


def summarise(reports: Iterable[StatementReport], started: float) -> BatchSummary:
    """Count documents, errors by code and pages."""
    summary = BatchSummary()
    for r in reports:
        _count(summary, r)
    summary.seconds = time.perf_counter() - started
    return summary
