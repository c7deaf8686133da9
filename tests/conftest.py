"""Shared fixtures: the bundled samples, the graph built from them, and ../shared."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from vanban.errors import StoreError
from vanban.graph.neo4j import Neo4jStore
from vanban.pipeline import build_graph, read_inputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("VANBAN_SHARED", ROOT.parent / "shared"))
CHROMIUM = os.environ.get("VANBAN_CHROMIUM", "/usr/bin/chromium")


def unavailable(reason: str) -> None:
    """Skip with ``reason``, or fail in CI, where every tool the tests need is installed."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def confine(context, page, allowed, outside: list[str], errors: list[str]) -> None:
    """Abort every request of ``context`` whose URL ``allowed`` refuses, recording it in
    ``outside``; record the page's console errors and uncaught exceptions in ``errors``."""

    def route(r):
        if allowed(r.request.url):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright (one per test module)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install -e '.[dev]')")
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not executable:
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (gold, scorer, corpus); skips with one line where it is absent."""
    if not (SHARED / "gold" / "seeds.json").exists():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing in CI")
        pytest.skip(f"{SHARED} not present (gold, scorer and corpus live there)")
    return SHARED


@pytest.fixture(scope="session")
def sample_result():
    return read_inputs([SAMPLES])


@pytest.fixture(scope="session")
def sample_graph(sample_result):
    return build_graph(sample_result.facts)


@pytest.fixture(scope="module")
def neo4j_store():
    """A store on the Neo4j the environment names, emptied and with its schema made afresh.

    Needs ``NEO4J_URI`` and ``NEO4J_PASSWORD`` (``scripts/neo4j-dev start``): without them the
    test skips with one line, and fails in CI.
    """
    missing = [name for name in ("NEO4J_URI", "NEO4J_PASSWORD") if not os.environ.get(name)]
    reason = f"{' and '.join(missing)} not set (scripts/neo4j-dev start, then export them)"
    store = None
    if not missing:
        store = Neo4jStore.from_env()
        try:
            store.ping()
        except StoreError as error:
            store.close()
            store, reason = None, f"Neo4j unreachable: {error}"
    if store is None:
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    store.clear()
    store.drop_schema()
    store.ensure_schema()
    yield store
    store.close()


# Property-based tests: 200 examples per property in CI, fewer on a laptop. No deadline: an
# example's wall-clock time depends on the machine's load, and speed is measured by growth.
settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
