# Two commands: `make demo` (build the samples' graph: JSON, GraphML, HTML, Turtle) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck clean bench bench-full

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/vanban build samples --json out/graph.json --graphml out/graph.graphml
	$(BIN)/vanban html out/graph.json --out out/graph.html
	$(BIN)/vanban rdf out/graph.json --out out/graph.ttl
	$(BIN)/vanban implementers 54-KL/TW --graph out/graph.json

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	MYPY=$(BIN)/mypy scripts/typecheck

test: lint typecheck
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m bench

bench-full: $(STAMP)
	$(BIN)/python -m bench --full

clean:
	rm -rf $(VENV) out .pytest_cache
