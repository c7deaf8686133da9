"""The whole build of a generated corpus: parse (in ``workers`` processes), merge, export JSON.

Runs in a fresh process so that its peak memory is the build's own: the peak resident set of
the main process (merge and export happen there) and of the largest worker are reported.
Targets: 100,000 documents in ≤ 10 minutes on 2 cores, peak memory ≤ 4 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.common import ROOT, WORK, corpus, machine, peak_rss_mb, rss_mb, timer

__all__ = ["run"]


def build_once(n: int, workers: int, seed: int = 1) -> dict:
    """Build in this process; returns the phases' times and the peak memory."""
    from vanban.graph.export import write_json
    from vanban.pipeline import build_graph, collector_paused, read_inputs

    folder = corpus(n, seed)
    export = WORK / f"graph-{n}.json"
    with timer() as t_parse:
        result = read_inputs([folder / "docs"], workers=workers)
    after_parse = rss_mb()
    with timer() as t_merge, collector_paused():  # as `vanban build` does
        graph = build_graph(result.take_facts())
    after_merge = rss_mb()
    with timer() as t_export, collector_paused():
        write_json(graph, export)
    return {"files": len(result.source_files()) + len(result.skipped) + len(result.failures),
            "skipped": len(result.skipped), "failed": len(result.failures),
            "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "parse_s": t_parse[0], "merge_s": t_merge[0], "export_s": t_export[0],
            "total_s": t_parse[0] + t_merge[0] + t_export[0],
            "main_cpu_s": t_parse[1] + t_merge[1] + t_export[1],
            "export_mb": export.stat().st_size / 1e6,
            "rss_after_parse_mb": after_parse, "rss_after_merge_mb": after_merge,
            "peak_rss_main_mb": peak_rss_mb(), "peak_rss_worker_mb": peak_rss_mb(children=True)}


def run(sizes: list[int], workers: int) -> list[dict]:
    print(f"== whole build (parse with {workers} worker(s), merge, export JSON) ==")
    print(f"machine: {machine()}")
    for n in sizes:
        corpus(n)  # generate outside the measured process
    print(f"{'files':>8} {'parse s':>8} {'merge s':>8} {'export s':>9} {'total s':>8} {'docs/s':>7} "
          f"{'nodes':>9} {'edges':>10} {'JSON MB':>8} {'peak RSS main/worker MB':>24}")
    rows = []
    for n in sizes:
        command = [sys.executable, "-m", "bench.build", "--one", str(n), "--workers", str(workers)]
        done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{row['files']:>8,} {row['parse_s']:>8.1f} {row['merge_s']:>8.1f} {row['export_s']:>9.1f} "
              f"{row['total_s']:>8.1f} {row['files'] / row['total_s']:>7.1f} {row['nodes']:>9,} "
              f"{row['edges']:>10,} {row['export_mb']:>8.0f} "
              f"{row['peak_rss_main_mb']:>12.0f} / {row['peak_rss_worker_mb']:<9.0f}")
        print(f"{'':>8} memory of the main process: {row['rss_after_parse_mb']:.0f} MB after parse "
              f"(facts of every file), {row['rss_after_merge_mb']:.0f} MB after merge (graph), "
              f"peak {row['peak_rss_main_mb']:.0f} MB (merge or export)")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.build", description=__doc__)
    parser.add_argument("--full", action="store_true", help="also 100,000 files")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sizes", type=int, nargs="+")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the measured child
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(build_once(args.one, args.workers)))
        return 0
    sizes = args.sizes or ([10000, 100000] if args.full else [10000])
    run(sizes, args.workers)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
