# msa: two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= results/demo
PIP    := $(BIN)/python -m pip
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install demo test lint rules-check pdfs bench browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

pdfs: $(STAMP)
	$(BIN)/python corpus/build_pdfs.py

demo: install pdfs
	@$(MAKE) --no-print-directory browser || echo "note: Chromium could not be installed; the demo skips its screenshots"
	$(BIN)/msa analyse --manifest corpus/manifest.csv --out $(OUT)
	$(BIN)/msa scorecard $(OUT) --out $(OUT)/scorecards
	$(BIN)/python -m nlp.scorecards.screenshot $(OUT)/scorecards --to $(OUT)/screenshots
	@echo
	@echo "Results are in $(OUT)/: statements.jsonl (one report per statement), findings.csv, scores.csv"
	@echo "Scorecards: open $(OUT)/scorecards/index.html (workbook: $(OUT)/scorecards/scorecards.xlsx)"
	@echo "Try: $(BIN)/msa explain corpus/statements/harbour_apparel_2023.txt --label xinjiang"

lint: install
	$(BIN)/ruff check nlp tests corpus

rules-check: install
	$(BIN)/msa rules check

# Headless Chromium for the browser tests and the demo screenshots: the Debian package (Playwright never downloads).
browser:
	@command -v chromium >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

test: install pdfs lint browser
	$(BIN)/python -m pytest

# Batch throughput benchmark (not part of `make test`): generates .bench/corpus once, then times msa against raw
# pypdfium2 extraction. Pass options through, e.g. `make bench BENCH_ARGS="--docs 30 --skip-jobs2"`.
BENCH_ARGS ?=
bench: install
	$(BIN)/python tests/benchmarks/make_corpus.py
	$(BIN)/python tests/benchmarks/bench_batch.py $(BENCH_ARGS)

clean:
	rm -rf results .pytest_cache .ruff_cache build dist *.egg-info corpus/statements/*.pdf
