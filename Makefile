# Two commands: `make demo` (build the samples' graph: JSON, GraphML, HTML, Turtle) and `make test`.
# `make demo` installs what vanban needs to run; `make test` adds the test and lint tools.
# pip runs with -qq: errors only (setuptools says "Editable installation…" on every editable
# install; the packaging itself gives no warning, see [tool.setuptools] in pyproject.toml).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
DEV     := $(VENV)/.installed-dev

.PHONY: demo test test-compiled lint typecheck compiled clean bench bench-full bench-compiled

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

# The package as a regular install builds it, its extractor compiled with mypyc (setup.py), in
# build/compiled; rebuilt only when a source changed. tests/test_compiled_build.py checks it.
compiled: $(DEV)
	scripts/build-compiled $(BIN)/python

test: lint typecheck compiled
	$(BIN)/pytest

# The test suite again with vanban imported from build/compiled (the slow tests left out): what
# a regular install runs. .ci/run runs it after `make test`.
test-compiled: compiled
	PYTHONSAFEPATH=1 $(BIN)/pytest -o "pythonpath=build/compiled ." -m "not slow" -q

bench: $(DEV)
	$(BIN)/python -m bench

bench-full: $(DEV)
	$(BIN)/python -m bench --full

# The extraction benchmarks on the compiled build, the extractor users install.
bench-compiled: compiled
	scripts/with-compiled $(BIN)/python -m bench --only extraction
	scripts/with-compiled $(BIN)/python -m bench.pages --compare bench/data/pages-baseline.json

clean:
	rm -rf $(VENV) out .pytest_cache
