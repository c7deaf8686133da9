"""Run every benchmark: ``python -m bench [--full] [--workers N] [--only NAME …]``.

Default sizes are 1,000 and 10,000 documents; ``--full`` adds the 100,000-document runs
(extraction growth ratio, whole build with peak memory). Corpora are generated once under
``out/bench`` (or ``$VANBAN_BENCH_DIR``) and reused.
"""

from __future__ import annotations

import argparse
import os
import sys

from bench import build, extraction, organs, pages, profile, quality, robustness

__all__ = ["main"]

STEPS = ("extraction", "organs", "build", "quality", "robustness", "profile", "pages")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="add the 100,000-document runs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the whole build and quality runs (default: all cores)")
    parser.add_argument("--only", nargs="+", choices=STEPS, help="run only these benchmarks")
    args = parser.parse_args(argv)
    steps = args.only or STEPS
    big = [1000, 10000, 100000] if args.full else [1000, 10000]
    for step in steps:
        if step == "extraction":
            extraction.run(big)
        elif step == "organs":
            organs.run([100, 1000, 3000, 10000])
        elif step == "build":
            build.run([10000, 100000] if args.full else [10000], args.workers)
        elif step == "quality":
            quality.run(1000, args.workers)
        elif step == "robustness":  # the gold sets in other shapes; skipped without the shared scorer
            robustness.run()
        elif step == "profile":
            profile.run()
        elif step == "pages":  # the saved web pages, against the saved baseline; skipped without them
            pages.run(base=pages.BASELINE if pages.BASELINE.exists() else None)
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
