"""Extraction quality on real documents: the corpus and the saved web pages, built with the
command line as users build them and scored by the shared scorers (``../shared/tools``).

The bars are those the project promises (README, Measured quality): references F1 ≥ 0.97 on
the corpus gold, ≥ 0.90 with facts ≥ 90 % on the saved pages' gold, and ≥ 95 % of the page
facts on the 146 saved pages, both as saved and with their chrome and metadata table cut away.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

VANBAN = [sys.executable, "-m", "vanban.cli"]


def _build(folder: Path, export: Path) -> None:
    run = subprocess.run([*VANBAN, "build", str(folder), "-q", "--json", str(export)],
                         capture_output=True, text=True)
    assert export.exists(), f"vanban build wrote no export: {run.stderr[-500:]}"


def _gold_files(shared: Path, gold: Path, into: Path) -> Path:
    """The files a gold file scores, copied flat into ``into`` (their names are the sources)."""
    into.mkdir(parents=True)
    for entry in json.loads(gold.read_text(encoding="utf-8"))["files"]:
        shutil.copy(shared / "corpus" / entry["file"], into)
    return into


def _score(tool: Path, *args: Path) -> str:
    run = subprocess.run([sys.executable, str(tool), *map(str, args)], capture_output=True, text=True,
                         check=True)
    return run.stdout


def _summary(text: str) -> tuple[float, float]:
    """(references F1, share of facts) from a scorer's SUMMARY line."""
    m = re.search(r"SUMMARY refs_F1=([\d.]+) facts=(\d+)/(\d+)", text)
    assert m, f"no SUMMARY line in the scorer's output:\n{text}"
    return float(m.group(1)), int(m.group(2)) / int(m.group(3))


def _page_facts(text: str) -> float:
    m = re.search(r"SUMMARY page_facts=(\d+)/(\d+)", text)
    assert m, f"no SUMMARY line in the page scorer's output:\n{text}"
    return int(m.group(1)) / int(m.group(2))


@pytest.mark.parametrize(("gold_name", "min_f1", "min_facts"), [
    ("corpus", 0.97, 0.95),
    ("tvpl-pages-a", 0.90, 0.90),
    ("tvpl-pages-b", 0.90, 0.90),
])
def test_hand_gold_of_real_documents(shared_dir: Path, tmp_path: Path, gold_name: str, min_f1: float,
                                     min_facts: float) -> None:
    gold = shared_dir / "gold" / f"{gold_name}.json"
    folder = _gold_files(shared_dir, gold, tmp_path / gold_name)
    export = tmp_path / "graph.json"
    _build(folder, export)
    f1, facts = _summary(_score(shared_dir / "tools" / "score.py", export, gold))
    assert f1 >= min_f1
    assert facts >= min_facts


@pytest.fixture(scope="module")
def pages(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "tvpl-pages"


def test_saved_pages_as_saved(shared_dir: Path, pages: Path, tmp_path: Path) -> None:
    export = tmp_path / "pages.json"
    _build(pages, export)
    score = _page_facts(_score(shared_dir / "tools" / "page-score.py", export, pages / "pages.json"))
    assert score >= 0.95


def test_saved_pages_read_from_their_own_header(shared_dir: Path, pages: Path, tmp_path: Path) -> None:
    """The chrome and metadata table cut away: only the document's header can give the facts."""
    bodies = tmp_path / "bodies"
    subprocess.run([sys.executable, str(shared_dir / "tools" / "strip-page.py"), str(pages), str(bodies)],
                   capture_output=True, text=True, check=True)
    export = tmp_path / "bodies.json"
    _build(bodies, export)
    score = _page_facts(_score(shared_dir / "tools" / "page-score.py", export, pages / "pages.json"))
    assert score >= 0.95
