"""Batch at scale: parallel workers, resume after kill -9, isolation, the bad-input matrix, Dask."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import nlp.batch
from nlp.batch import JOURNAL, BatchOptions, Result, error_report, read_record, run_batch
from nlp.ingest import InputItem, read_manifest
from nlp.models import StatementReport
from tests.conftest import MIN_RULES, ROOT

TABLES = ("statements.jsonl", "findings.csv", "scores.csv", "corpus.csv")


def tables(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in TABLES}


def reports(out: Path) -> list[StatementReport]:
    lines = (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    return [StatementReport.model_validate_json(line) for line in lines]


@pytest.fixture(scope="module")
def corpus_items(corpus_pdfs) -> list[InputItem]:
    """Twelve bundled statements (the 2022/2023 pair, HTML, four PDFs, cp1252, French) and a duplicate file."""
    items = read_manifest(ROOT / "corpus" / "manifest.csv")
    chosen = items[:4] + items[13:17] + items[-2:] + items[5:7]
    return [*chosen, InputItem(path=items[0].path, company="Copy Ltd", extra={"sector": ""})]


@pytest.fixture(scope="module")
def reference(corpus_items, tmp_path_factory) -> Path:
    """An uninterrupted run in this process (jobs=0)."""
    out = tmp_path_factory.mktemp("reference")
    summary = run_batch(corpus_items, out, BatchOptions(jobs=0))
    assert summary.documents == len(corpus_items) and summary.duplicates == 1
    return out


def test_jobs_do_not_change_the_output(corpus_items, reference, tmp_path):
    summary = run_batch(corpus_items, tmp_path, BatchOptions(jobs=2))
    assert summary.analysed == len(corpus_items) - 1  # the duplicate is analysed once
    assert tables(tmp_path) == tables(reference)
    run = json.loads((tmp_path / "run.json").read_text())
    assert run["jobs"] == 2 and run["engine"] == "processes"
    assert run["worker_peak_rss_mb"] and all(0 < mb < 1000 for mb in run["worker_peak_rss_mb"])
    assert run["words"] == summary.words == sum(r.words for r in reports(tmp_path)) > 0
    dup = reports(tmp_path)[-1]
    assert dup.duplicate_of == corpus_items[0].path and dup.company == "Copy Ltd"


def test_second_run_resumes_everything_and_force_starts_over(corpus_items, reference, tmp_path):
    items = corpus_items[:3]
    first = run_batch(items, tmp_path, BatchOptions(jobs=0))
    again = run_batch(items, tmp_path, BatchOptions(jobs=0))
    assert (first.analysed, again.analysed, again.resumed) == (3, 0, 3)
    forced = run_batch(items, tmp_path, BatchOptions(jobs=0, force=True))
    assert forced.analysed == 3
    lines = (tmp_path / JOURNAL).read_text().splitlines()
    assert len(lines) == 3  # --force emptied the journal first
    fewer = run_batch(items[:2], tmp_path, BatchOptions(jobs=0))
    assert (fewer.analysed, fewer.resumed) == (0, 2)
    assert len((tmp_path / JOURNAL).read_text().splitlines()) == 2  # records no longer asked for are dropped
    assert tables(tmp_path)["statements.jsonl"].count(b"\n") == 2


def test_kill_dash_nine_then_resume_gives_the_uninterrupted_output(corpus_items, reference, tmp_path):
    manifest = tmp_path / "manifest.csv"
    with manifest.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["path", "company", "year", "jurisdiction", "sector"])
        for it in corpus_items:
            writer.writerow(
                [it.path, it.company or "", it.year or "", it.jurisdiction or "", it.extra.get("sector", "")]
            )
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "nlp", "analyse", "--manifest", str(manifest), "--out", str(out), "--jobs", "1", "-q"]
    journal = out / JOURNAL
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 3:
            break
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        time.sleep(0.01)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = journal.read_bytes().count(b"\n")
    assert 3 <= done < len(corpus_items) - 1
    assert not (out / "statements.jsonl").exists()  # tables appear only at the end
    with journal.open("ab") as fh:  # what a kill in the middle of a write would leave
        fh.write(b'{"head": {"key": "torn')
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert tables(out) == tables(reference)
    run = json.loads((out / "run.json").read_text())
    assert run["resumed"] == done and run["analysed"] == len(corpus_items) - 1 - done
    assert run["words"] == json.loads((reference / "run.json").read_text())["words"]  # resumed ones counted too
    keys = [read_record(line)["key"] for line in journal.read_bytes().splitlines()]
    assert len(keys) == len(set(keys)) == len(corpus_items) - 1  # no duplicates, no gaps


def test_journal_lines_are_json_and_keep_the_report_text_as_written():
    report = error_report(InputItem("a.txt"), "empty", "the file is empty")
    result = Result.of("k1", report, None, 0.5)
    line = result.to_line()
    whole = json.loads(line)  # a journal line is one JSON object
    assert whole["head"]["key"] == "k1" and whole["report"] == json.loads(report.model_dump_json())
    record = read_record(line.encode("utf-8") + b"\n")
    assert record["report"] == report.model_dump_json() == result.report_json
    assert record["brief"]["status"] == "error" and record["sig"] is None
    older = json.dumps({"key": "k0", "report": report.model_dump_json(), "findings_csv": "", "score": {}})
    assert read_record(older.encode("utf-8"))["report"] == report.model_dump_json()
    with pytest.raises(ValueError):
        read_record(line[: len(line) // 2].encode("utf-8"))


# ----------------------------------------------------------------------------------------------- isolation
def _slow_reader(real):
    def read(item, *args, **kwargs):
        name = Path(item.path).name
        if name == "hang.txt":
            time.sleep(120)
        elif name == "hog.txt":
            blob = b"x" * (700 * 1024 * 1024)  # resident at once
            time.sleep(120)
            del blob
        elif name == "crash.txt":
            os._exit(3)
        return real(item, *args, **kwargs)

    return read


def test_hanging_hungry_and_crashing_documents_are_stopped_and_the_run_goes_on(tmp_path, monkeypatch):
    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("needs the fork start method to patch the reader in workers")
    monkeypatch.setattr(nlp.batch, "read_document", _slow_reader(nlp.batch.read_document))
    names = ["a.txt", "hang.txt", "b.txt", "hog.txt", "crash.txt", "c.txt"]
    for n, name in enumerate(names):
        (tmp_path / name).write_text(f"Statement {n}. We audit supplier factories every year.")
    items = [InputItem(path=str(tmp_path / name)) for name in names]
    out = tmp_path / "out"
    options = BatchOptions(rules_dir=str(MIN_RULES), jobs=2, timeout=4, max_memory_mb=500)
    started = time.monotonic()
    summary = run_batch(items, out, options)
    assert time.monotonic() - started < 60
    got = {Path(r.source).name: r for r in reports(out)}
    assert [Path(r.source).name for r in reports(out)] == names
    assert got["hang.txt"].error.code == "timeout" and "--timeout" in got["hang.txt"].error.message
    assert got["hog.txt"].error.code == "too_large" and "--max-memory-mb" in got["hog.txt"].error.message
    assert got["crash.txt"].error.code == "internal" and "died" in got["crash.txt"].error.message
    assert all(got[n].status == "ok" and got[n].findings for n in ("a.txt", "b.txt", "c.txt"))
    assert summary.errors == {"timeout": 1, "too_large": 1, "internal": 1}


# ----------------------------------------------------------------------------------------------- bad input
def _pdf_with_pages(path: Path, pages: int) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for n in range(pages):
        canvas.drawString(72, 500, f"Page {n + 1}. We audit supplier factories and train buyers every year.")
        canvas.showPage()
    canvas.save()


def test_bad_input_matrix(tmp_path, bad_files):
    d = tmp_path / "in"
    d.mkdir()
    (d / "zero.txt").write_bytes(b"")
    _pdf_with_pages(d / "thousand.pdf", 1000)
    with (d / "huge.txt").open("w") as fh:  # 200 MB of text
        line = "We audit supplier factories and publish the results of every audit each year.\n"
        fh.write(line * (200 * 1024 * 1024 // len(line) + 1))
    (d / "scripts.html").write_text(
        "<html><head><script>alert('x')</script></head><body><main><p>We audit supplier factories."
        "</p><script>document.write('We audit nothing')</script></main></body></html>"
    )
    (d / "latin1.txt").write_bytes("Zürich office: we audit supplier factories.".encode("latin-1"))
    (d / "utf16.txt").write_bytes("Zürich office: we audit supplier factories.".encode("utf-16"))
    (d / "french.txt").write_text(
        "Nous effectuons des audits de nos fournisseurs et nous formons nos acheteurs chaque année. "
        "Le conseil d'administration a approuvé le présent rapport et la direction le signe. " * 3
    )
    (d / "copy.txt").write_bytes((d / "latin1.txt").read_bytes())
    names = {
        "zero.txt": "empty",
        "thousand.pdf": "too_large",
        "huge.txt": "too_large",
        "scripts.html": None,
        "latin1.txt": None,
        "utf16.txt": None,
        "french.txt": None,
        "copy.txt": None,
    }
    pdfs = {
        "empty.pdf": "empty",
        "truncated.pdf": "corrupt",
        "random.pdf": "corrupt",
        "encrypted.pdf": "encrypted",
        "encrypted_empty_password.pdf": None,
        "scanned.pdf": "scanned",
    }
    manifest = tmp_path / "manifest.csv"
    paths = [str(d / n) for n in names] + [str(bad_files / n) for n in pdfs] + [str(d / "gone.pdf")]
    manifest.write_text("path\n" + "\n".join(paths) + "\n")
    expected = [*names.values(), *pdfs.values(), "not_found"]
    out = tmp_path / "out"
    try:
        summary = run_batch(read_manifest(manifest), out, BatchOptions(rules_dir=str(MIN_RULES), jobs=2))
    finally:
        (d / "huge.txt").unlink()
    got = reports(out)
    assert [r.source for r in got] == paths  # one record per input, in order: nothing lost or skipped
    assert [r.error.code if r.error else None for r in got] == expected
    for r in got:
        if r.error:
            assert r.error.message and len(r.error.message) > 10
    by = {Path(r.source).name: r for r in got}
    assert "600-page limit" in by["thousand.pdf"].error.message
    assert "MB limit" in by["huge.txt"].error.message
    assert "alert" not in json.dumps([f.sentence for f in by["scripts.html"].findings])
    assert any("Zürich" in f.sentence for f in by["latin1.txt"].findings)
    assert any("Zürich" in f.sentence for f in by["utf16.txt"].findings)
    assert by["french.txt"].language == "fr" and any(f.id == "language.non_english" for f in by["french.txt"].flags)
    assert by["copy.txt"].duplicate_of == str(d / "latin1.txt")
    assert summary.ok == 6 and sum(summary.errors.values()) == len(paths) - 6


def test_a_thousand_page_pdf_is_read_when_the_limit_is_lifted(tmp_path):
    _pdf_with_pages(tmp_path / "thousand.pdf", 1000)
    out = tmp_path / "out"
    run_batch(
        [InputItem(path=str(tmp_path / "thousand.pdf"))], out, BatchOptions(rules_dir=str(MIN_RULES), max_pages=None)
    )
    (report,) = reports(out)
    assert report.status == "ok" and report.pages == 1000
    assert {f.page for f in report.findings if f.label == "dd.audit"} == set(range(1, 1001))


# ----------------------------------------------------------------------------------------------- Dask
def test_dask_local_cluster_gives_the_same_output(tmp_path):
    distributed = pytest.importorskip("distributed", reason="install msa[dask] to run on a Dask cluster")
    for n in range(4):
        (tmp_path / f"s{n}.txt").write_text(f"Statement {n}. We audit supplier factories. We train buyers.")
    items = [InputItem(path=str(tmp_path / f"s{n}.txt")) for n in range(4)]
    inline = tmp_path / "inline"
    run_batch(items, inline, BatchOptions(rules_dir=str(MIN_RULES), jobs=0))
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        out = tmp_path / "dask"
        summary = run_batch(items, out, BatchOptions(rules_dir=str(MIN_RULES), scheduler=cluster.scheduler_address))
    assert summary.analysed == 4 and summary.ok == 4
    assert tables(out) == tables(inline)
    assert json.loads((out / "run.json").read_text())["engine"] == "dask"
