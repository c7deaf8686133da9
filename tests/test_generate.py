"""The corpus generator: reproducible, its gold agrees with its text, and the extractor
scores well against the gold it plants."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vanban.graph.export import write_json
from vanban.loaders.text import fold
from vanban.pipeline import build_graph, read_inputs

ROOT = Path(__file__).resolve().parents[1]

from bench.generate import generate  # noqa: E402


def _files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate(60, 3, out)
    return out


def test_same_seed_same_bytes_other_seed_other_text(tmp_path, small):
    generate(60, 3, tmp_path / "again")
    generate(60, 4, tmp_path / "other")
    first, again, other = _files(small), _files(tmp_path / "again"), _files(tmp_path / "other")
    assert len(first) == 61  # 60 documents and gold.json
    assert first == again
    assert set(first) != set(other)


def _unbroken(text: str) -> str:
    """The text with OCR Ð, cut symbols and line breaks undone (what the gold describes)."""
    text = text.replace("Ð", "Đ")
    text = re.sub(r"-\s*\n\s*(?=[A-ZĐ])", "-", text)
    return re.sub(r"\s+", " ", text)


def test_gold_agrees_with_the_text(small):
    gold = json.loads((small / "gold.json").read_text(encoding="utf-8"))
    texts = {p.name: _unbroken(p.read_text(encoding="utf-8")) for p in (small / "docs").rglob("*.txt")}
    assert [f["file"] for f in gold["files"]] == sorted(texts)
    levels = set()
    for entry in gold["files"]:
        text = texts[entry["file"]]
        doc = entry["documents"][0]
        levels.add(doc["symbol"].split("/")[-1])
        assert f"Số {doc['symbol']}" in text
        assert fold(doc["signatories"][0]["name"]) in fold(text)
        implemented = [r for r in entry["references"] if r["relation"] == "IMPLEMENTS"]
        assert len(implemented) == 1, entry["file"]
        for ref in entry["references"]:
            if "symbol" in ref:
                assert ref["symbol"] in text, (entry["file"], ref["symbol"])
            else:
                assert all(fold(w) in fold(text) for w in ref["name_has"]), ref
        for name in entry["assigned"]:
            assert fold(name) in fold(text)
    assert {"TW", "TU", "HU", "ĐU"} <= levels
    assert gold["files"][0]["documents"][0]["symbol"] == "54-KL/TW"
    assert gold["corpus"]["implementers_of_54-KL/TW_at_least"]


def test_noise_of_real_files_is_planted(small):
    raw = "".join(p.read_text(encoding="utf-8") for p in (small / "docs").rglob("*.txt"))
    assert "**" in raw and "\\*" in raw  # markdown remnants
    assert "uỷ" in raw and "ủy" in raw  # both tone placements
    assert re.search(r"\d-\n\n?[A-ZĐ]+/", raw)  # a symbol cut across lines
    assert "Ð" in raw  # OCR's look-alike of Đ


def test_extractor_scores_high_on_planted_gold(small, shared_dir, tmp_path):
    result = read_inputs([small / "docs"])
    assert not result.failures
    export = tmp_path / "graph.json"
    write_json(build_graph(result.facts), export)
    out = subprocess.run([sys.executable, str(shared_dir / "tools" / "score.py"), str(export),
                          str(small / "gold.json")], capture_output=True, text=True, check=True).stdout
    f1 = float(re.search(r"SUMMARY refs_F1=([\d.]+)", out).group(1))
    ok, total = map(int, re.search(r"facts=(\d+)/(\d+)", out).groups())
    assert f1 >= 0.95, out
    assert ok / total >= 0.85, out
