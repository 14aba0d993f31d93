"""Shared fixtures: pipelines built once per session, the bundled corpus and the shared corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.pipeline import build_pipeline
from nlp.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MIN_RULES = FIXTURES / "rules_min"
CORPUS = ROOT / "corpus"
SHARED = Path(os.environ.get("MSA_SHARED_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session", autouse=True)
def _regex_facts_cache(tmp_path_factory):
    """Keep the suite's regex-analysis cache (see RegexFactsCache) out of the user's home; CLI subprocesses share it."""
    if "MSA_CACHE_DIR" not in os.environ:
        os.environ["MSA_CACHE_DIR"] = str(tmp_path_factory.mktemp("msa-cache"))
    yield


@pytest.fixture(scope="session")
def ruleset():
    return load_ruleset()


@pytest.fixture(scope="session")
def pipeline():
    return build_pipeline()


@pytest.fixture(scope="session")
def min_ruleset():
    return load_ruleset(MIN_RULES)


@pytest.fixture(scope="session")
def min_pipeline():
    return build_pipeline(MIN_RULES)


@pytest.fixture(scope="session")
def corpus_pdfs() -> Path:
    """The bundled PDFs, built by corpus/build_pdfs.py if `make` has not built them yet."""
    out = CORPUS / "statements"
    sources = sorted((CORPUS / "pdf_src").glob("*.txt"))
    if any(not (out / f"{s.stem}.pdf").exists() for s in sources):
        subprocess.run([sys.executable, str(CORPUS / "build_pdfs.py")], check=True)
    return out


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory) -> Path:
    """Broken and awkward PDFs written by corpus/build_pdfs.py --bad."""
    out = tmp_path_factory.mktemp("bad")
    subprocess.run([sys.executable, str(CORPUS / "build_pdfs.py"), "--bad", str(out)], check=True)
    return out


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not (SHARED / "statements" / "manifest.csv").exists():
        pytest.skip(f"shared corpus not found at {SHARED} (set MSA_SHARED_CORPUS)")
    return SHARED


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory) -> Path:
    """The msa wheel, built once per test session (no dependencies, no isolation: offline)."""
    out = tmp_path_factory.mktemp("wheel")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)]
    subprocess.run(cmd, check=True, capture_output=True)
    (wheel,) = out.glob("msa-*.whl")
    return wheel
