"""Shared pieces of the benchmarks: the machine, timers, peak memory, cached corpora."""

from __future__ import annotations

import hashlib
import os
import platform
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.generate import generate

__all__ = ["ROOT", "corpus", "extractor_build", "machine", "peak_rss_mb", "rss_mb", "score_script", "timer"]

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(os.environ.get("VANBAN_BENCH_DIR", ROOT / "out" / "bench"))


def machine() -> str:
    """One line: cores, memory, Python, and the load when the run started."""
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB"
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"{os.cpu_count()} cores, {mem} RAM, Python {platform.python_version()} "
            f"({platform.machine()}, {platform.system()}); load average at start {load}")


def extractor_build() -> str:
    """How the extractor imported was built: "compiled with mypyc" for a regular install (setup.py;
    ``scripts/build-compiled``, run through ``scripts/with-compiled``), else "pure Python" (the
    editable install of development)."""
    import vanban.loaders.extract as module

    return "pure Python" if (module.__file__ or "").endswith(".py") else "compiled with mypyc"


@contextmanager
def timer() -> Iterator[list[float]]:
    """``with timer() as t: …`` then ``t[0]`` is the wall time and ``t[1]`` this process's CPU
    time, in seconds. On a shared machine the CPU time is the steadier per-core measure."""
    box: list[float] = []
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield box
    finally:
        box += [time.perf_counter() - start, time.process_time() - cpu]


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or of its finished children), in MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    kb = resource.getrusage(who).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def _generator_version() -> str:
    """A digest of the generator's code and data: a cached corpus is reused only if it matches."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted([*here.glob("corpus_*.py"), here / "noise.py", here / "generate.py",
                        *(here / "data").glob("*")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def rss_mb() -> float:
    """Current resident memory of this process in MiB, like :func:`peak_rss_mb` (Linux; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def corpus(n: int, seed: int = 1) -> Path:
    """A generated corpus of ``n`` files (made once per generator version, then reused)."""
    out = WORK / f"corpus-{n}-s{seed}"
    stamp = out / ".complete"
    version = f"{n} {seed} {_generator_version()}\n"
    if not stamp.exists() or stamp.read_text() != version:
        made = generate(n, seed, out)
        print(f"  (generated {n:,} files, {made.bytes / 1e6:.0f} MB, in {made.seconds:.1f} s)")
        stamp.write_text(version)
    return out


def score_script() -> Path | None:
    """The shared scorer (``../shared/tools/score.py`` or ``$VANBAN_SHARED/tools``)."""
    shared = Path(os.environ.get("VANBAN_SHARED", ROOT.parent / "shared"))
    path = shared / "tools" / "score.py"
    return path if path.exists() else None
