"""Extraction quality on a generated corpus, measured by the shared scorer against the gold
facts the generator planted. Target: references F1 ≥ 0.98 on 1,000 documents.

The scorer compares every gold file with every node, so 1,000 files take a minute or two.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys

from bench.common import WORK, corpus, machine, score_script, timer

__all__ = ["run", "score"]


def score(export: str, gold: str) -> tuple[str, dict[str, float]]:
    """The scorer's output and its main numbers (refs P/R/F1, facts ratio)."""
    script = score_script()
    if script is None:
        raise SystemExit("score.py not found: set VANBAN_SHARED to the shared folder")
    out = subprocess.run([sys.executable, str(script), export, gold], check=True,
                         capture_output=True, text=True).stdout
    numbers: dict[str, float] = {}
    refs = re.search(r"P=([\d.]+) R=([\d.]+) F1=([\d.]+)", out)
    if refs:
        numbers.update(P=float(refs.group(1)), R=float(refs.group(2)), F1=float(refs.group(3)))
    facts = re.search(r"facts=(\d+)/(\d+)", out)
    if facts:
        numbers["facts"] = int(facts.group(1)) / int(facts.group(2))
    return out, numbers


def run(n: int = 1000, workers: int = 1, seed: int = 1) -> dict[str, float]:
    from vanban.graph.export import write_json
    from vanban.pipeline import build_graph, read_inputs

    print(f"== extraction quality on {n:,} generated documents (planted gold) ==")
    print(f"machine: {machine()}")
    folder = corpus(n, seed)
    export = WORK / f"quality-{n}.json"
    result = read_inputs([folder / "docs"], workers=workers)
    write_json(build_graph(result.facts), export)
    with timer() as t:
        out, numbers = score(str(export), str(folder / "gold.json"))
    print(out.rstrip())
    print(f"(scored in {t[0]:.0f} s) references F1 {numbers.get('F1', 0):.2f}: "
          f"{'meets' if numbers.get('F1', 0) >= 0.98 else 'BELOW'} the 0.98 target")
    return numbers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    run(args.docs, args.workers, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
