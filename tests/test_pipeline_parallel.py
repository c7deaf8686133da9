"""Extraction spread over processes gives exactly the serial result, in input order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vanban.pipeline import collect_files, read_inputs

ROOT = Path(__file__).resolve().parents[1]

from bench.generate import generate  # noqa: E402


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, samples_dir) -> Path:
    root = tmp_path_factory.mktemp("inputs")
    generate(16, 11, root / "gen")
    for sample in sorted(samples_dir.glob("*.txt")):
        shutil.copy(sample, root / sample.name)
    (root / "empty.txt").write_bytes(b"  \n")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (root / "zz_notes.md").write_text("Ghi chú: không có văn bản nào ở đây.\n", encoding="utf-8")
    return root


def test_pool_gives_the_serial_facts_failures_and_skipped_files_in_order(inputs):
    serial = read_inputs([inputs])
    pooled = read_inputs([inputs], workers=2, chunksize=3)
    assert len(serial.facts) == 21  # 16 generated and 5 samples
    assert pooled.facts == serial.facts
    assert [f.source_file for f in pooled.facts] == [f.source_file for f in serial.facts]
    assert [str(e) for e in pooled.failures] == [str(e) for e in serial.failures]
    assert {e.path for e in pooled.failures} == {"binary.txt", "empty.txt"}
    assert all(e.reason for e in pooled.failures)
    assert [str(e) for e in pooled.skipped] == [str(e) for e in serial.skipped]
    assert [e.path for e in pooled.skipped] == ["zz_notes.md"]  # notes: no document, skipped


def test_pool_reports_progress_for_every_file_in_order(inputs):
    seen: list[tuple[int, int, str]] = []
    read_inputs([inputs], progress=lambda n, total, path: seen.append((n, total, path.name)),
                workers=2)
    assert [n for n, _, _ in seen] == list(range(1, 25))
    assert {total for _, total, _ in seen} == {24}
    assert [name for _, _, name in seen] == [p.name for p in collect_files([inputs])]
