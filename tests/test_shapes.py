"""The samples read the same in every shape of ``bench/robustness.py``: re-wrapped prose,
double spacing, blank lines dropped, the other tone placement, decomposed Unicode, Windows
line ends, non-breaking spaces, a bold header, indented or space-padded lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.robustness import SHAPES, reshape
from vanban.graph.model import FileFacts
from vanban.loaders.extract import extract_text

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))


def _facts(facts: FileFacts) -> list[tuple]:
    """What a document says, by what it names (not where: offsets change with the shape)."""
    return [(d.symbol, d.doc_type, d.date, d.issuer.name if d.issuer else None,
             tuple((s.capacity, s.title, s.person) for s in d.signatures),
             sorted((r.symbol or r.title or "", r.relation.value) for r in d.references),
             sorted((r.reporter.key, r.recipient.key) for r in d.reports),
             sorted({a.organ.key for t in d.tasks for a in t.assignments}),
             sorted(r.organ.key for r in d.recipients))
            for d in facts.documents]


def test_there_are_samples_and_shapes() -> None:
    assert len(SAMPLES) == 5 and len(SHAPES) >= 10


@pytest.mark.parametrize("shape", [s for s in SHAPES if s != "as given"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name[:3])
def test_a_sample_reads_the_same_in_another_shape(sample: Path, shape: str) -> None:
    text = sample.read_text(encoding="utf-8")
    assert reshape(shape, text) != text  # the shape changes the file
    assert _facts(extract_text(reshape(shape, text), sample.name)) == _facts(extract_text(text, sample.name))


def test_the_other_tone_placement_goes_both_ways() -> None:
    assert reshape("other tones", "Hóa học, thuỷ lợi, HÒA BÌNH, hoàng") == "Hoá học, thủy lợi, HOÀ BÌNH, hoàng"
    assert reshape("other tones", reshape("other tones", "Khỏe, Thủy, hòa")) == "Khỏe, Thủy, hòa"
