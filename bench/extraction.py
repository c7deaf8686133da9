"""Extraction throughput: documents/s and MB/s on one core, and how time grows with size.

Times ``read_text`` + ``extract_text`` over every file of generated corpora of 1,000 and
10,000 files (and 100,000 with ``--full``), in one process: the per-core rate, computed from
the process's CPU time (steady on a shared machine; wall time is printed too). The growth
ratio of 10k → 100k must stay close to 10 (≤ 12) for extraction to be linear.
"""

from __future__ import annotations

import argparse
import gc
import itertools
from pathlib import Path

from bench.common import corpus, extractor_build, machine, timer
from vanban.errors import LoadError
from vanban.loaders.extract import extract_text
from vanban.loaders.files import read_text
from vanban.pipeline import collect_files

__all__ = ["run"]


def extract_all(folder: Path) -> tuple[int, int, int, float, float]:
    """(files, failures, bytes, wall s, CPU s) for extracting every file of ``folder`` serially."""
    files = collect_files([folder])
    size = sum(p.stat().st_size for p in files)
    failures = 0
    gc.collect()
    with timer() as t:
        for path in files:
            try:
                extract_text(read_text(path), path.name)
            except LoadError:
                failures += 1
    return len(files), failures, size, t[0], t[1]


def run(sizes: list[int], seed: int = 1) -> dict[int, float]:
    print("== extraction (one core) ==")
    print(f"machine: {machine()}")
    print(f"extractor: {extractor_build()}")
    times: dict[int, float] = {}
    print(f"{'files':>8} {'MB':>7} {'wall s':>8} {'CPU s':>8} {'docs/s':>8} {'MB/s':>6} {'failed':>6}")
    for n in sizes:
        folder = corpus(n, seed) / "docs"
        files, failed, size, wall, seconds = extract_all(folder)
        times[n] = seconds
        print(f"{files:>8,} {size / 1e6:>7.1f} {wall:>8.1f} {seconds:>8.1f} {files / seconds:>8.1f} "
              f"{size / 1e6 / seconds:>6.3f} {failed:>6}")
    ordered = sorted(times)
    for small, big in itertools.pairwise(ordered):
        ratio = times[big] / times[small]
        linear = big / small
        flag = "ok" if ratio <= linear * 1.2 else "SUPERLINEAR"
        print(f"growth {small:,} → {big:,} (CPU time): ×{ratio:.2f} (linear ×{linear:.0f}) {flag}")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extraction", description=__doc__)
    parser.add_argument("--full", action="store_true", help="also 100,000 files")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 1000 10000)")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([1000, 10000, 100000] if args.full else [1000, 10000])
    run(sizes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
