"""Shared fixtures: the bundled samples, the graph built from them, and ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vanban.pipeline import build_graph, read_inputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("VANBAN_SHARED", ROOT.parent / "shared"))


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
