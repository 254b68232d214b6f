# Two commands do all the set-up on a fresh machine (see README):
#   make seeds   create .venv, install, run the report on seeds/ (writes reports/seeds.json and seeds.html)
#   make test    create .venv, install, run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: seeds test lint setup eval score bench-threshold bench-scale bench-encoding bench-processes cli-docs clean

setup: $(STAMP)

# torch==2.13.0 first: it is a local CPU wheel; letting pip pick torch pulls gigabytes of CUDA packages.
# compare/__init__.py holds the version the installed metadata is made from.
$(STAMP): pyproject.toml compare/__init__.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

seeds: $(STAMP)
	$(BIN)/compare-sources report seeds/
	$(BIN)/compare-sources report seeds/ --format json -o reports/seeds.json
	$(BIN)/compare-sources report seeds/ --format html -o reports/seeds.html

test: $(STAMP)
	$(BIN)/python -m pytest

# ruff (lint and format) and mypy over the package; .ci/run runs it before the tests.
lint: $(STAMP)
	$(BIN)/ruff check compare
	$(BIN)/ruff format --check compare
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/compare-sources eval

# The development corpora's articles live outside the repository (corpora/README.md says how to rebuild them).
CORPORA ?= ../corpora
score: $(STAMP)
	$(BIN)/compare-sources score corpora/*/gold.json --corpora $(CORPORA)

bench-threshold: $(STAMP)
	$(BIN)/python benchmarks/threshold.py

bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py --sizes 10,100,1000

bench-encoding: $(STAMP)
	$(BIN)/python benchmarks/encoding.py --articles 40

bench-processes: $(STAMP)
	$(BIN)/python benchmarks/processes.py

cli-docs: $(STAMP)
	$(BIN)/python scripts/cli_docs.py

clean:
	rm -rf $(VENV) reports/*.json reports/*.md
