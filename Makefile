# Two commands: `make demo` (build the samples' graph: JSON, GraphML, HTML, Turtle) and `make test`.
# `make demo` installs what vanban needs to run; `make test` adds the test and lint tools.
# pip runs with -qq: errors only (setuptools says "Editable installation…" on every editable
# install; the packaging itself gives no warning, see [tool.setuptools] in pyproject.toml).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
DEV     := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck clean bench bench-full

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -qq --disable-pip-version-check --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -qq --disable-pip-version-check -e .
	touch $(RUNTIME)

$(DEV): pyproject.toml $(RUNTIME)
	$(BIN)/pip install -qq --disable-pip-version-check -e '.[dev]'
	touch $(DEV)

demo: $(RUNTIME)
	$(BIN)/vanban build samples --json out/graph.json --graphml out/graph.graphml
	$(BIN)/vanban html out/graph.json --out out/graph.html
	$(BIN)/vanban rdf out/graph.json --out out/graph.ttl
	$(BIN)/vanban implementers 54-KL/TW --graph out/graph.json

lint: $(DEV)
	$(BIN)/ruff check .

typecheck: $(DEV)
	MYPY=$(BIN)/mypy scripts/typecheck

test: lint typecheck
	$(BIN)/pytest

bench: $(DEV)
	$(BIN)/python -m bench

bench-full: $(DEV)
	$(BIN)/python -m bench --full

clean:
	rm -rf $(VENV) out .pytest_cache
