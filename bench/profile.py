"""Where extraction spends its time: cProfile over sample-sized documents.

Profiles ``extract_text`` on the five bundled samples (11–30 KB each) and on generated
documents, and prints the functions with the largest own time and cumulative time, each
with its share of the total.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
from pathlib import Path

from bench.common import ROOT, corpus, machine, timer
from vanban.loaders.extract import extract_text
from vanban.loaders.files import read_text
from vanban.pipeline import collect_files

__all__ = ["run"]


def _short(where: tuple[str, int, str]) -> str:
    file, line, func = where
    path = Path(file)
    if "vanban" in file or path.parent.name in ("loaders", "graph"):
        return f"{path.parent.name}/{path.name}:{line} {func}"
    return f"{path.name}:{line} {func}" if line else func


def run(rounds: int = 3, generated: int = 100, top: int = 25) -> None:
    print("== profile of extract_text ==")
    print(f"machine: {machine()}")
    files = collect_files([ROOT / "samples"]) + collect_files([corpus(1000) / "docs"])[:generated]
    texts = [(p.name, read_text(p)) for p in files]
    size = sum(len(t.encode()) for _, t in texts)
    for name, text in texts:  # warm caches and compiled patterns
        extract_text(text, name)
    seconds = []  # CPU time of each round
    for _ in range(rounds):
        with timer() as t:
            for name, text in texts:
                extract_text(text, name)
        seconds.append(t[1])
    total = sum(seconds)
    docs = rounds * len(texts)
    print(f"{len(texts)} documents ({size / 1e6:.2f} MB) × {rounds}: {docs / total:.1f} docs/s, "
          f"{rounds * size / 1e6 / total:.3f} MB/s of CPU time without the profiler "
          f"(best round {len(texts) / min(seconds):.1f} docs/s: on a shared machine the steadier figure)")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for name, text in texts:
            extract_text(text, name)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = stats.stats  # type: ignore[attr-defined]
    for title, key in (("own time", 2), ("cumulative time", 3)):
        print(f"\ntop {top} by {title} (share of {total:.2f} s profiled)")
        print(f"{'share':>6} {'own s':>7} {'cum s':>7} {'calls':>9}  function")
        ranked = sorted(rows.items(), key=lambda kv: kv[1][key], reverse=True)[:top]
        for where, (_, calls, own, cum, _) in ranked:
            print(f"{100 * (own if key == 2 else cum) / total:>5.1f}% {own:>7.2f} {cum:>7.2f} {calls:>9,}  "
                  f"{_short(where)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--generated", type=int, default=100)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    run(args.rounds, args.generated, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
