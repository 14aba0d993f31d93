"""Benchmark ``msa analyse`` at registry scale against raw pypdfium2 text extraction on the same PDFs.

One run measures, on the corpus made by ``make_corpus.py`` (default ``.bench/corpus``):

(a) raw text extraction with pypdfium2 in this process (one core): open each PDF, ``get_textpage()`` and
    ``get_text_range()`` on every page, close; the median of ``--raw-repeats`` passes, open time included;
(b) ``msa analyse DIR --out OUT --jobs 1 --quiet`` as a subprocess, wall time including start-up;
(c) the same with ``--jobs 2`` (unless ``--skip-jobs2``);
(d) the ratios jobs1 / raw (goal >= 0.40, stretch 0.70) and jobs2 / jobs1 (goal >= 1.7);
(e) peak memory per worker: ``worker_peak_rss_mb`` in ``OUT/run.json`` when msa writes it, else the peak RSS of
    the largest process of the run (``ru_maxrss`` from ``os.wait4`` on the msa process, which covers it and the
    workers it waited for); goal under 300 MB.

It prints a table and PASS / MISS per goal, and writes ``.bench/results.json`` with the machine description. The
exit status is 1 when a run fails (msa exits non-zero, or a document is missing or in error), 2 on a usage error,
and 0 otherwise, whether or not the goals are met.

Usage::

    python tests/benchmarks/bench_batch.py                 # whole corpus
    python tests/benchmarks/bench_batch.py --docs 30       # the first 30 documents only
    python tests/benchmarks/bench_batch.py --skip-jobs2 --corpus /tmp/corpus
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BENCH_DIR = ROOT / ".bench"
DEFAULT_CORPUS = BENCH_DIR / "corpus"
DEFAULT_RESULTS = BENCH_DIR / "results.json"
RUNS_DIR = BENCH_DIR / "runs"

GOAL_JOBS1_RAW = 0.40
STRETCH_JOBS1_RAW = 0.70
GOAL_JOBS2_JOBS1 = 1.7
GOAL_RSS_MB = 300.0


@dataclass
class RawResult:
    """Raw pypdfium2 extraction over the corpus."""

    seconds: float
    pages: int
    chars: int
    repeats: list[float]
    cpu_seconds: float = 0.0

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds


@dataclass
class MsaRun:
    """One ``msa analyse`` subprocess."""

    name: str
    command: list[str]
    returncode: int | None = None
    seconds: float = 0.0
    cpu_seconds: float | None = None
    pages_per_s: float = 0.0
    docs_ok: int = 0
    docs_error: dict[str, int] = field(default_factory=dict)
    records: int = 0
    msa_pages: int = 0
    findings: int = 0
    worker_peak_rss_mb: list[float] | None = None
    peak_rss_mb: float | None = None
    rss_method: str = ""
    run_json: dict | None = None
    failure: str | None = None
    skipped: str | None = None
    out: str = ""


# --------------------------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------------------------
def raw_extract(paths: list[Path]) -> tuple[int, int]:
    """Extract the text of every page of ``paths`` with pypdfium2; return (pages, characters)."""
    pages = chars = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                chars += len(textpage.get_text_range())
                textpage.close()
                page.close()
                pages += 1
        finally:
            pdf.close()
    return pages, chars


def measure_raw(paths: list[Path], repeats: int) -> RawResult:
    """Time raw extraction ``repeats`` times (after one read of every file into the page cache); keep the median."""
    for path in paths:
        path.read_bytes()
    times, cpu = [], []
    pages = chars = 0
    for _ in range(repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        pages, chars = raw_extract(paths)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return RawResult(
        seconds=statistics.median(times),
        pages=pages,
        chars=chars,
        repeats=[round(t, 3) for t in times],
        cpu_seconds=round(statistics.median(cpu), 3),
    )


def _maxrss_mb(ru_maxrss: int) -> float:
    """``ru_maxrss`` in MB (Linux reports kilobytes, macOS bytes)."""
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def run_timed(command: list[str], log_stem: Path) -> tuple[int, float, float | None, float | None]:
    """Run ``command``; return (exit status, wall s, CPU s, peak RSS in MB of its largest process).

    CPU time and peak come from ``os.wait4``: the child's own usage merged with that of the children it waited
    for, so CPU time covers the workers and the peak is that of the largest single process (main or worker).
    Both are None where ``os.wait4`` does not exist.
    """
    with open(f"{log_stem}.stdout.txt", "wb") as out, open(f"{log_stem}.stderr.txt", "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, seconds, usage.ru_utime + usage.ru_stime, _maxrss_mb(usage.ru_maxrss)
        proc.wait()
        return proc.returncode, time.perf_counter() - started, None, None


def check_outputs(run: MsaRun, out: Path, docs: int) -> None:
    """Read ``statements.jsonl`` and ``run.json`` of a run into ``run``; set ``run.failure`` on a problem."""
    jsonl = out / "statements.jsonl"
    if not jsonl.is_file():
        run.failure = f"no {jsonl}"
        return
    with jsonl.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            run.records += 1
            run.msa_pages += int(record.get("pages") or 0)
            run.findings += len(record.get("findings") or [])
            if record.get("status") == "ok":
                run.docs_ok += 1
            else:
                code = (record.get("error") or {}).get("code", "unknown")
                run.docs_error[code] = run.docs_error.get(code, 0) + 1
    if run.records != docs:
        run.failure = f"{run.records} records in statements.jsonl for {docs} documents"
    elif run.docs_error:
        run.failure = f"documents in error: {run.docs_error}"
    run_json = out / "run.json"
    if run_json.is_file():
        try:
            run.run_json = json.loads(run_json.read_text(encoding="utf-8"))
        except ValueError:
            run.run_json = None
    if (run.run_json or {}).get("resumed"):
        run.failure = f"{run.run_json['resumed']} document(s) resumed from an earlier run: the timing is not valid"
    peaks = (run.run_json or {}).get("worker_peak_rss_mb")
    if isinstance(peaks, list) and peaks:
        run.worker_peak_rss_mb = [float(p) for p in peaks]
        run.rss_method = "run.json worker_peak_rss_mb"
    elif run.peak_rss_mb is not None:
        run.rss_method = "wait4 ru_maxrss (largest process of the run; run.json has no worker_peak_rss_mb)"


def measure_msa(
    name: str, msa: list[str], inputs: Path, jobs: int | None, docs: int, pages: int, log_dir: Path
) -> MsaRun:
    """Run ``msa analyse`` once over ``inputs`` and check what it wrote."""
    out = RUNS_DIR / name
    shutil.rmtree(out, ignore_errors=True)
    jobs_option = ["--jobs", str(jobs)] if jobs is not None else []
    command = [*msa, "analyse", str(inputs), "--out", str(out), *jobs_option, "--quiet"]
    run = MsaRun(name=name, command=command, out=str(out))
    print(f"  {name}: {' '.join(command)}", flush=True)
    run.returncode, run.seconds, run.cpu_seconds, run.peak_rss_mb = run_timed(command, log_dir / name)
    run.pages_per_s = pages / run.seconds
    check_outputs(run, out, docs)
    if run.returncode != 0 and run.failure is None:
        run.failure = f"msa exited with status {run.returncode}"
    if run.failure:
        tail = (log_dir / f"{name}.stderr.txt").read_text(encoding="utf-8", errors="replace").strip()[-1500:]
        print(f"  {name} FAILED: {run.failure}\n{tail}", file=sys.stderr)
    else:
        print(f"  {name}: {run.seconds:.1f}s, {run.pages_per_s:.1f} pages/s", flush=True)
    return run


# --------------------------------------------------------------------------------------------
# Environment
# --------------------------------------------------------------------------------------------
def find_msa(explicit: str | None) -> list[str]:
    """Return the command that runs msa: ``--msa``, the one next to this Python, or ``msa`` on PATH."""
    if explicit:
        return [explicit]
    beside = Path(sys.executable).parent / "msa"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("msa")
    return [found] if found else [sys.executable, "-m", "nlp"]


def supports_jobs(msa: list[str]) -> bool:
    """Return whether ``msa analyse`` has a ``--jobs`` option (read from its help)."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    proc = subprocess.run([*msa, "analyse", "--help"], capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    return "--jobs" in proc.stdout + proc.stderr


def _capture(command: list[str]) -> str | None:
    try:
        proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def machine_info(msa: list[str]) -> dict[str, object]:
    """Describe the machine, the software and the code under test."""
    info: dict[str, object] = {
        "timestamp": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "hostname": platform.node(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "python": platform.python_version(),
        "pypdfium2": getattr(pdfium, "__version__", None) or str(getattr(pdfium, "PYPDFIUM_INFO", "")) or None,
        "msa_version": _capture([*msa, "--version"]),
        "git_commit": _capture(["git", "rev-parse", "HEAD"]),
        "git_dirty": bool(_capture(["git", "status", "--porcelain", "--untracked-files=no"])),
    }
    if hasattr(os, "getloadavg"):
        info["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    try:
        meminfo = Path("/proc/meminfo").read_text().split("\n", 1)[0]
        info["memory_total_mb"] = round(int(meminfo.split()[1]) / 1024)
    except (OSError, IndexError, ValueError):
        pass
    return info


def select_inputs(corpus: Path, docs: int | None) -> tuple[Path, list[Path]]:
    """Return the folder to give msa and the PDFs in it: the corpus, or a folder of links to its first ``docs``."""
    pdfs = sorted(p for p in corpus.iterdir() if p.suffix.lower() == ".pdf" and not p.name.startswith("."))
    if docs is None or docs >= len(pdfs):
        return corpus, pdfs
    subset = RUNS_DIR / f"input_first_{docs}"
    shutil.rmtree(subset, ignore_errors=True)
    subset.mkdir(parents=True)
    chosen = []
    for pdf in pdfs[:docs]:
        link = subset / pdf.name
        link.symlink_to(pdf.resolve())
        chosen.append(link)
    return subset, chosen


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------
def _verdict(value: float | None, goal: float, higher_is_better: bool = True) -> str:
    if value is None:
        return "n/a"
    ok = value >= goal if higher_is_better else value < goal
    return "PASS" if ok else "MISS"


def evaluate_goals(raw: RawResult, jobs1: MsaRun, jobs2: MsaRun | None) -> list[dict[str, object]]:
    """Compare the measurements with the goals."""
    goals: list[dict[str, object]] = []
    r1 = jobs1.pages_per_s / raw.pages_per_s if not jobs1.failure else None
    verdict = _verdict(r1, GOAL_JOBS1_RAW)
    if r1 is not None and r1 >= STRETCH_JOBS1_RAW:
        verdict = "PASS (stretch)"
    goals.append({"goal": "jobs1 / raw pages/s", "target": f">= {GOAL_JOBS1_RAW:.2f} (stretch {STRETCH_JOBS1_RAW:.2f})",
                  "value": r1, "verdict": verdict})  # fmt: skip
    if jobs2 is None or jobs2.skipped:
        goals.append({"goal": "jobs2 / jobs1 pages/s", "target": f">= {GOAL_JOBS2_JOBS1:.2f}", "value": None,
                      "verdict": "SKIP" + (f" ({jobs2.skipped})" if jobs2 and jobs2.skipped else "")})  # fmt: skip
    else:
        r2 = jobs2.pages_per_s / jobs1.pages_per_s if not (jobs1.failure or jobs2.failure) else None
        goals.append({"goal": "jobs2 / jobs1 pages/s", "target": f">= {GOAL_JOBS2_JOBS1:.2f}", "value": r2,
                      "verdict": _verdict(r2, GOAL_JOBS2_JOBS1)})  # fmt: skip
    peaks = []
    for run in (jobs1, jobs2):
        if run is None or run.skipped or run.failure:
            continue
        peaks.append(max(run.worker_peak_rss_mb) if run.worker_peak_rss_mb else run.peak_rss_mb)
    peak = max((p for p in peaks if p is not None), default=None)
    goals.append({"goal": "peak RSS per worker (MB)", "target": f"< {GOAL_RSS_MB:.0f}", "value": peak,
                  "verdict": _verdict(peak, GOAL_RSS_MB, higher_is_better=False)})  # fmt: skip
    return goals


def _rss_cell(run: MsaRun) -> str:
    if run.worker_peak_rss_mb:
        return "workers " + ", ".join(f"{p:.0f}" for p in run.worker_peak_rss_mb)
    return f"{run.peak_rss_mb:.0f} (wait4)" if run.peak_rss_mb is not None else "-"


def print_report(corpus: Path, docs: int, raw: RawResult, runs: list[MsaRun], goals: list[dict], info: dict) -> None:
    """Print the results table and the goals."""
    print()
    print(f"batch benchmark: {docs} documents, {raw.pages:,} pages ({corpus})")
    print(f"machine: {info['cpus_usable']} usable CPUs, Python {info['python']}, msa {info['msa_version']}, "
          f"load {info.get('load_average_at_start')}")  # fmt: skip
    print()
    header = (f"{'run':<28} {'wall s':>9} {'msa s':>8} {'CPU s':>8} {'pages/s':>9} {'docs/s':>8}  "
              f"{'peak RSS MB':<24} status")  # fmt: skip
    print(header)
    print("-" * len(header))
    print(
        f"{'raw pypdfium2 (1 process)':<28} {raw.seconds:>9.2f} {'':>8} {raw.cpu_seconds:>8.2f} "
        f"{raw.pages_per_s:>9.1f} {docs / raw.seconds:>8.2f}  {'-':<24} ok (median of {len(raw.repeats)})"
    )
    for run in runs:
        label = f"msa analyse --{run.name.replace('jobs', 'jobs ')}"
        if run.skipped:
            print(f"{label:<28} {'':>9} {'':>8} {'':>8} {'':>9} {'':>8}  {'':<24} skipped: {run.skipped}")
            continue
        status = f"FAILED: {run.failure}" if run.failure else f"ok, {run.findings:,} findings"
        own = (run.run_json or {}).get("seconds")
        own_cell = f"{own:.2f}" if isinstance(own, int | float) else "-"
        cpu_cell = f"{run.cpu_seconds:.2f}" if run.cpu_seconds is not None else "-"
        print(f"{label:<28} {run.seconds:>9.2f} {own_cell:>8} {cpu_cell:>8} {run.pages_per_s:>9.1f} "
              f"{docs / run.seconds:>8.2f}  "
              f"{_rss_cell(run):<24} {status}")  # fmt: skip
    print("\nwall s: the whole subprocess (start-up included); msa s: the time msa reports in run.json;")
    print("CPU s: user + system time of the process and its workers (CPU s well under wall s x processes = waiting)")
    load = info.get("load_average_at_start")
    cpus = info.get("cpus_usable") or 1
    if isinstance(load, list) and load and load[0] > 0.5 * cpus:
        print(f"WARNING: the machine was busy (load {load[0]} on {cpus} CPUs): throughput figures are lower bounds")
    methods = {run.rss_method for run in runs if run.rss_method}
    if methods:
        print(f"peak RSS method: {'; '.join(sorted(methods))}")
    fingerprints = {(run.run_json or {}).get("rules_fingerprint") for run in runs if run.run_json}
    if len(fingerprints) > 1:
        print("note: the rules changed between the runs (rules_fingerprint differs): findings are not comparable")
    print("\ngoals")
    for g in goals:
        value = g["value"]
        shown = "-" if value is None else f"{value:.3f}" if isinstance(value, float) and value < 10 else f"{value:.0f}"
        print(f"  {g['goal']:<28} {g['target']:<24} {shown:>8}  {g['verdict']}")


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"PDF folder (default {DEFAULT_CORPUS})")
    parser.add_argument("--docs", type=int, default=None, help="use only the first N documents of the corpus")
    parser.add_argument("--skip-jobs2", action="store_true", help="do not run msa with --jobs 2")
    parser.add_argument("--raw-repeats", type=int, default=3, help="raw extraction passes (median kept)")
    parser.add_argument("--msa", default=None, help="msa executable (default: the one next to this Python)")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS, help=f"JSON file (default {DEFAULT_RESULTS})")
    args = parser.parse_args(argv)
    if args.docs is not None and args.docs < 1:
        parser.error("--docs must be at least 1")
    if not args.corpus.is_dir():
        print(f"error: no corpus at {args.corpus}; run: python tests/benchmarks/make_corpus.py", file=sys.stderr)
        return 2
    RUNS_DIR.mkdir(parents=True, exist_ok=True)
    inputs, pdfs = select_inputs(args.corpus.resolve(), args.docs)
    if not pdfs:
        print(f"error: no PDFs in {args.corpus}", file=sys.stderr)
        return 2
    msa = find_msa(args.msa)
    info = machine_info(msa)
    jobs_ok = supports_jobs(msa)
    support = "supported" if jobs_ok else "NOT supported: --jobs 1 is run without the option, --jobs 2 is skipped"
    print(f"{len(pdfs)} documents from {args.corpus}; msa: {' '.join(msa)} (--jobs {support})")

    print("raw pypdfium2 extraction...", flush=True)
    raw = measure_raw(pdfs, max(1, args.raw_repeats))
    print(f"  raw: {raw.pages} pages in {raw.seconds:.2f}s, {raw.pages_per_s:.1f} pages/s", flush=True)

    runs = [measure_msa("jobs1", msa, inputs, 1 if jobs_ok else None, len(pdfs), raw.pages, RUNS_DIR)]
    if args.skip_jobs2:
        runs.append(MsaRun(name="jobs2", command=[], skipped="--skip-jobs2"))
    elif not jobs_ok:
        runs.append(MsaRun(name="jobs2", command=[], skipped="msa analyse has no --jobs option"))
    else:
        runs.append(measure_msa("jobs2", msa, inputs, 2, len(pdfs), raw.pages, RUNS_DIR))
    for run in runs:
        if not run.skipped and not run.failure and run.msa_pages != raw.pages:
            print(f"  note: msa reports {run.msa_pages} pages in {run.name}, pypdfium2 {raw.pages}")

    goals = evaluate_goals(raw, runs[0], runs[1])
    print_report(args.corpus, len(pdfs), raw, runs, goals, info)
    stamp = args.corpus / ".corpus.json"
    corpus_info: dict[str, object] = {"path": str(args.corpus), "docs_used": len(pdfs), "pages_used": raw.pages}
    if stamp.is_file():
        meta = json.loads(stamp.read_text(encoding="utf-8"))
        corpus_info |= {k: meta.get(k) for k in ("generator_version", "source_hash", "seed", "docs", "summary")}
    results = {
        "machine": info,
        "corpus": corpus_info,
        "msa_supports_jobs": jobs_ok,
        "raw": {**asdict(raw), "pages_per_s": raw.pages_per_s},
        "runs": [asdict(run) for run in runs],
        "goals": goals,
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nresults written to {args.results}; msa outputs and logs in {RUNS_DIR}")
    return 1 if any(run.failure for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
