# msa: two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= results/demo
PIP    := $(BIN)/python -m pip

.PHONY: install demo test lint rules-check pdfs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

pdfs: $(STAMP)
	$(BIN)/python corpus/build_pdfs.py

demo: install pdfs
	$(BIN)/msa analyse --manifest corpus/manifest.csv --out $(OUT)
	@echo
	@echo "Results are in $(OUT)/: statements.jsonl (one report per statement), findings.csv, scores.csv"
	@echo "Try: $(BIN)/msa explain corpus/statements/harbour_apparel_2023.txt --label xinjiang"

lint: install
	$(BIN)/ruff check nlp tests corpus

rules-check: install
	$(BIN)/msa rules check

test: install pdfs lint
	$(BIN)/python -m pytest

clean:
	rm -rf results .pytest_cache .ruff_cache build dist *.egg-info corpus/statements/*.pdf
