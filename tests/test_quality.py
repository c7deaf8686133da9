"""Extraction quality on the samples, measured by the shared scorer against the hand-made gold."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from vanban.graph.export import write_json

BARS = {"facts": 0.90, "signatories": 0.90, "reports": 0.90, "assign": 0.90, "flags": 0.90,
        "implementers": 0.90}


@pytest.fixture(scope="module")
def scores(shared_dir: Path, sample_graph, tmp_path_factory) -> dict[str, float]:
    export = tmp_path_factory.mktemp("score") / "graph.json"
    write_json(sample_graph, export)
    run = subprocess.run([sys.executable, str(shared_dir / "tools" / "score.py"), str(export),
                          str(shared_dir / "gold" / "seeds.json")], capture_output=True, text=True, check=True)
    text = run.stdout
    print(text)

    def ratio(label: str) -> float:
        m = re.search(rf"^{label}\s+(\d+)/(\d+)", text, re.M)
        assert m, f"scorer printed no '{label}' line"
        return int(m.group(1)) / int(m.group(2))

    f1 = re.search(r"F1=([\d.]+)", text)
    impl = re.search(r"implementers of 54-KL/TW (\d+)/(\d+)", text)
    return {
        "refs_f1": float(f1.group(1)),
        "facts": ratio("document facts"),
        "signatories": ratio("signatories"),
        "relation": ratio("relation kind"),
        "reports": ratio("reports-to"),
        "assign": ratio(r"assign/recipient"),
        "flags": ratio(r"conflicts/derived"),
        "implementers": int(impl.group(1)) / int(impl.group(2)),
        "merged": 1.0 if "54-KL/TW merged  yes" in text else 0.0,
    }


def test_reference_f1(scores: dict[str, float]) -> None:
    assert scores["refs_f1"] >= 0.95


@pytest.mark.parametrize("measure", sorted(BARS))
def test_measure_meets_its_bar(scores: dict[str, float], measure: str) -> None:
    assert scores[measure] >= BARS[measure]


def test_repeated_text_merges(scores: dict[str, float]) -> None:
    assert scores["merged"] == 1.0
