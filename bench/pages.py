"""Extraction speed on real saved web pages: pages/s and MB/s of ``extract_text`` on one core.

Times the pure extraction step (``extract_text`` on text already read from disk) over every
page of a folder of saved pages: ``../shared/corpus/tvpl-pages`` next to the repository by
default (or ``$VANBAN_SHARED/corpus/tvpl-pages``). One warm-up pass, then several rounds over
all the pages, each timed by this process's CPU time (one core), reported as the best and the
median round. A page whose extraction raises a :class:`LoadError` (no document found) counts
as read: its time counts, and the pages that raised are reported as a count.

    .venv/bin/python -m bench.pages                                           # the default folder
    .venv/bin/python -m bench.pages --compare bench/data/pages-baseline.json  # against a saved run
    .venv/bin/python -m bench.pages --save out/pages.json [--append]          # keep this run

``--compare`` prints this run's CPU time per MB over the saved run's, for the best and the
median round, and flags a slowdown over 20 % in the best round (the steadier figure on a
shared machine); the exit status is then 1. ``--save --append`` adds this run to a file saved
from the same code and pages, whose figures become the medians over its runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import vanban.loaders.extract as extract_module
from bench.common import ROOT, extractor_build, machine, timer
from vanban.errors import LoadError
from vanban.loaders.extract import extract_text
from vanban.loaders.files import read_text
from vanban.pipeline import collect_files

__all__ = ["BASELINE", "DEFAULT_PAGES", "SLOWDOWN", "PagesRun", "compare", "measure", "run"]

DEFAULT_PAGES = Path(os.environ.get("VANBAN_SHARED", ROOT.parent / "shared")) / "corpus" / "tvpl-pages"
BASELINE = Path(__file__).parent / "data" / "pages-baseline.json"
SLOWDOWN = 1.20  # CPU time per MB over the saved run's above this is flagged
ROUNDS = 7


@dataclass(frozen=True)
class PagesRun:
    """One run: the pages timed and the CPU seconds of each round over all of them."""

    pages: int
    bytes: int
    raised: int  # pages whose extraction raised a LoadError (timed all the same)
    unreadable: int  # files that could not be read as text (not timed)
    rounds: tuple[float, ...]
    machine: str = ""  # the machine and its load when the run started

    @property
    def best(self) -> float:
        return min(self.rounds)

    @property
    def median(self) -> float:
        return statistics.median(self.rounds)


def measure(folder: Path, rounds: int = ROUNDS) -> PagesRun:
    """Read every page of ``folder``, then time ``rounds`` passes of ``extract_text`` over them."""
    at_start = machine()
    texts: list[tuple[str, str]] = []
    size = unreadable = 0
    for path in collect_files([folder]):
        try:
            texts.append((path.name, read_text(path)))
        except LoadError:
            unreadable += 1
            continue
        size += path.stat().st_size
    raised = _extract_all(texts)  # warm caches and compiled patterns
    seconds = []
    for _ in range(rounds):
        gc.collect()
        with timer() as t:
            _extract_all(texts)
        seconds.append(t[1])
    return PagesRun(len(texts), size, raised, unreadable, tuple(seconds), at_start)


def _extract_all(texts: list[tuple[str, str]]) -> int:
    """Extract every text; the number that raised a LoadError."""
    raised = 0
    for name, text in texts:
        try:
            extract_text(text, name)
        except LoadError:
            raised += 1
    return raised


def _code_version() -> tuple[str | None, bool]:
    """The commit of the checkout whose extractor is imported, and whether its code has changes."""
    root = Path(extract_module.__file__).resolve().parents[1]
    dirs = sorted({Path(sys.modules[name].__file__ or "").resolve().parent.name
                   for name in ("vanban", "vanban.loaders", "vanban.graph")})

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "--no-optional-locks", "-C", str(root), *args],
                                  capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            return None
        return done.stdout.strip()

    commit = git("rev-parse", "HEAD")
    return commit, bool(commit and git("status", "--porcelain", "--", *dirs))


def _record(result: PagesRun, folder: Path) -> dict:
    """This run as saved by ``--save``: the machine, the code, the pages and the round times."""
    commit, changes = _code_version()
    return {
        "benchmark": "pages", "date": date.today().isoformat(), "commit": commit, "changes": changes,
        "cpus": os.cpu_count(), "python": platform.python_version(), "machine": result.machine,
        "folder": folder.name, "pages": result.pages, "bytes": result.bytes, "raised": result.raised,
        "unreadable": result.unreadable, "runs": [{"rounds_s": [round(s, 4) for s in result.rounds],
                                                   "best_s": round(result.best, 4),
                                                   "median_s": round(result.median, 4),
                                                   "machine": result.machine}],
    }


def _summarise(record: dict) -> dict:
    """Fill in the headline figures: medians over the runs of the best and the median rounds."""
    best = statistics.median(r["best_s"] for r in record["runs"])
    median = statistics.median(r["median_s"] for r in record["runs"])
    mb = record["bytes"] / 1e6
    record.update(best_s=round(best, 4), median_s=round(median, 4),
                  pages_per_s_best=round(record["pages"] / best, 1),
                  pages_per_s_median=round(record["pages"] / median, 1),
                  mb_per_s_best=round(mb / best, 3), mb_per_s_median=round(mb / median, 3))
    return record


def save(result: PagesRun, folder: Path, path: Path, append: bool = False) -> dict:
    """Write this run to ``path`` (with ``append``, added to the runs already there)."""
    record = _record(result, folder)
    if append and path.exists():
        old = json.loads(path.read_text())
        same = ("commit", "changes", "folder", "pages", "bytes")
        if any(old.get(key) != record[key] for key in same):
            raise SystemExit(f"{path}: saved from other code or pages ({', '.join(same)} differ); "
                             "not appending")
        record["runs"] = old["runs"] + record["runs"]
    record = _summarise(record)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n")
    return record


def compare(result: PagesRun, base_path: Path) -> bool:
    """Print this run's CPU time per MB over the saved run's; True if slower by over 20 %."""
    base = json.loads(base_path.read_text())
    per_mb = result.bytes / base["bytes"]  # the same pages give 1
    best, median = result.best / base["best_s"] / per_mb, result.median / base["median_s"] / per_mb
    slower = best > SLOWDOWN
    commit = (base.get("commit") or "?")[:10] + (" with changes" if base.get("changes") else "")
    print(f"against {base_path.name} ({base.get('date')}, commit {commit}, {base.get('cpus')} cores, "
          f"Python {base.get('python')}, {len(base.get('runs', []))} runs): "
          f"{base['pages_per_s_best']:.1f} pages/s best, {base['pages_per_s_median']:.1f} median")
    if (result.pages, result.bytes) != (base["pages"], base["bytes"]):
        print(f"  note: other pages than the saved run's ({base['pages']} pages, "
              f"{base['bytes'] / 1e6:.2f} MB): compared per MB")
    print(f"CPU time / saved: best round ×{best:.2f}, median round ×{median:.2f} "
          f"(a slowdown over {SLOWDOWN - 1:.0%} in the best round is flagged) "
          f"{'SLOWER' if slower else 'ok'}")
    return slower


def run(folder: Path = DEFAULT_PAGES, rounds: int = ROUNDS, base: Path | None = None) -> PagesRun | None:
    """Measure, print the table and, with ``base``, the comparison. None if there are no pages."""
    print("== extraction on saved pages (one core) ==")
    if not folder.is_dir():
        print(f"skipped: no pages folder {folder} (see --pages)")
        return None
    commit, changes = _code_version()
    print(f"code: commit {(commit or '?')[:10]}{' with changes' if changes else ''} "
          f"(extractor imported from {Path(extract_module.__file__).resolve().parent}, {extractor_build()})")
    result = measure(folder, rounds)
    print(f"machine: {result.machine}")
    mb = result.bytes / 1e6
    print(f"{result.pages} pages of {folder.name}, {mb:.2f} MB; {rounds} rounds after a warm-up; "
          f"{result.raised} raised LoadError" + (f"; {result.unreadable} unreadable, not timed"
                                                 if result.unreadable else ""))
    print(f"{'round':>7} {'CPU s':>7} {'pages/s':>8} {'MB/s':>6}")
    for label, seconds in (("best", result.best), ("median", result.median)):
        print(f"{label:>7} {seconds:>7.3f} {result.pages / seconds:>8.1f} {mb / seconds:>6.3f}")
    if base is not None:
        compare(result, base)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES,
                        help="folder of saved pages (default: ../shared/corpus/tvpl-pages)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"timed rounds (default {ROUNDS})")
    parser.add_argument("--compare", type=Path, metavar="BASE_JSON", help="a run saved with --save")
    parser.add_argument("--save", type=Path, metavar="JSON", help="write this run's numbers")
    parser.add_argument("--append", action="store_true",
                        help="with --save: add this run to the runs already in the file")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if not args.pages.is_dir():
        parser.error(f"no pages folder {args.pages}")
    result = run(args.pages, args.rounds)
    if result is None:
        return 1
    slower = compare(result, args.compare) if args.compare else False
    if args.save:
        record = save(result, args.pages, args.save, args.append)
        print(f"saved to {args.save} ({len(record['runs'])} run(s))")
    return 1 if slower else 0


if __name__ == "__main__":
    raise SystemExit(main())
