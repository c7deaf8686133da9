"""Fuzz the whole extraction: ``python -m bench.fuzz [--minutes 10] [--seed 0] [--corpus DIR …]``.

Real documents (``samples/`` and any ``--corpus`` folder: ``.txt``, ``.md``, ``.html``,
``.htm``, ``.docx``) and generated ones (:mod:`bench.generate`) are mutated — bytes
overwritten, long runs of one character inserted, slices cut, repeated or spliced from another
document, directive markers (``Nơi nhận:``, ``Kính gửi:`` …) repeated, the text cut or
re-encoded in a legacy encoding — and sent as text, HTML or DOCX through what ``vanban build``
does with a file: :func:`~vanban.loaders.files.file_text`,
:func:`~vanban.loaders.extract.extract_text` and :func:`~vanban.graph.build.build_graph`.

Hypothesis draws each input's plan (its base document, format, mutations and a seed for their
positions); a seeded generator applies it, so a plan printed with a crash rebuilds the input.
A crash is any exception other than vanban's own errors (a file refused with a reason is an
answer); an input still running after ``--timeout`` seconds counts as one. Speed is CPU
seconds per 10 KB of input, an input under 10 KB counted as 10 KB (so fixed costs do not
dominate). The report prints inputs run, crashes with their plans, and the slowest inputs.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import io
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from vanban.errors import VanbanError
from vanban.graph.build import build_graph
from vanban.loaders.encodings import encode
from vanban.loaders.extract import extract_text
from vanban.loaders.files import file_text

__all__ = ["FuzzReport", "Plan", "main", "mutate", "run"]

TEN_KB = 10 * 1024
SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")
RUN_CHARACTERS = " \t\n\r\u00a0\u3000-–—/.,;:()[]|*#=_\"'“”…•0aAđĐ\ufeff\x00"
MARKERS = ["Nơi nhận:", "Kính gửi:", "Số ", "-KL/TW", "/2023/NĐ-CP", "KẾT LUẬN", "CỦA BAN BÍ THƯ",
           "T/M BAN THƯỜNG VỤ", "chủ trì, phối hợp với ", "báo cáo ", "(qua ", "Thực hiện Kết luận số ",
           "Điều 3. ", "ngày 09 tháng 5 năm 2023", "sau đây viết tắt là ", "- Như trên;\n", " | ", "\n\n"]
HTML_PIECES = ["<div>", "</div>", "<p>", "<table><tr><td>", "</td><td>", "<br>", "<script>x()</script>",
               "<!--", "-->", "&#xff;", "&amp;", "<style>p{}</style>", "<b>", "<![CDATA[", "<?xml ?>"]
MUTATIONS = ("overwrite bytes", "insert a run", "cut a slice", "repeat a slice", "splice", "repeat a marker",
             "truncate", "re-encode")
FORMATS = ("text", "html", "docx")
LEGACY = ("windows-1258", "tcvn3", "vni", "utf-16")


@dataclass(frozen=True)
class Plan:
    """One input: the base document, its format, the mutations applied and their seed."""

    base: int
    format: str
    mutations: tuple[str, ...]
    seed: int


@dataclass
class FuzzReport:
    """What a run found: inputs and bytes run, crashes, and the slowest inputs."""

    inputs: int = 0
    bytes: int = 0
    refused: int = 0
    crashes: list[str] = field(default_factory=list)
    slowest: list[tuple[float, int, Plan]] = field(default_factory=list)  # (s per 10 KB, size, plan)

    def timed(self, seconds: float, size: int, plan: Plan) -> None:
        self.slowest.append((seconds / max(size, TEN_KB) * TEN_KB, size, plan))
        self.slowest = sorted(self.slowest, key=lambda item: -item[0])[:5]


def mutate(text: str, others: list[str], mutations: tuple[str, ...], rng: random.Random) -> bytes:
    """The bytes of ``text`` after ``mutations``, positions and sizes drawn from ``rng``."""
    data = text.encode("utf-8")
    for mutation in mutations:
        at = rng.randrange(len(data) + 1)
        if mutation == "overwrite bytes":
            buffer = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                if buffer:
                    buffer[rng.randrange(len(buffer))] = rng.randrange(256)
            data = bytes(buffer)
        elif mutation == "insert a run":
            run = rng.choice(RUN_CHARACTERS) * rng.choice((10, 100, 1000, 10_000, 40_000))
            data = data[:at] + run.encode("utf-8") + data[at:]
        elif mutation == "cut a slice":
            data = data[:at] + data[at + rng.randint(1, 2000):]
        elif mutation == "repeat a slice":
            data = data[:at] + data[at:at + rng.randint(1, 200)] * rng.randint(2, 200) + data[at:]
        elif mutation == "splice":
            other = rng.choice(others).encode("utf-8")
            start = rng.randrange(len(other) + 1)
            data = data[:at] + other[start:start + rng.randint(100, 5000)] + data[at:]
        elif mutation == "repeat a marker":
            marker = rng.choice(MARKERS).encode("utf-8")
            data = data[:at] + marker * rng.choice((1, 10, 500, 3000)) + data[at:]
        elif mutation == "truncate":
            data = data[:at]
        elif mutation == "re-encode":
            text_now = data.decode("utf-8", "replace")
            with contextlib.suppress(UnicodeError, ValueError, KeyError):
                data = encode(text_now, rng.choice(LEGACY))
    return data


def as_html(data: bytes, rng: random.Random) -> bytes:
    """The (mutated) text as an HTML page, with tag soup thrown in."""
    paragraphs = data.decode("utf-8", "replace").split("\n")
    parts = ["<html><head><meta charset='utf-8'><title>t</title></head><body>"]
    for paragraph in paragraphs:
        parts.append(rng.choice(HTML_PIECES) if rng.random() < 0.1 else "")
        parts.append(f"<p>{html.escape(paragraph)}</p>")
    return "".join(parts).encode("utf-8")


def as_docx(data: bytes, rng: random.Random) -> bytes:
    """The (mutated) text as a DOCX file, paragraphs and a header table; its bytes sometimes
    overwritten after it is packed."""
    import docx

    text = data.decode("utf-8", "replace")
    text = "".join(ch for ch in text if ch in "\t\n" or (ord(ch) >= 32 and ch not in "\ufffe\uffff"
                                                        and not "\ud800" <= ch <= "\udfff"))
    document = docx.Document()
    lines = text.split("\n")
    if len(lines) > 3:
        row = document.add_table(rows=1, cols=2).rows[0]
        row.cells[0].text, row.cells[1].text = lines[0], lines[1]
        lines = lines[2:]
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    packed = bytearray(buffer.getvalue())
    if rng.random() < 0.1:
        for _ in range(rng.randint(1, 4)):
            packed[rng.randrange(len(packed))] = rng.randrange(256)
    return bytes(packed)


class _TimeUp(Exception):
    pass


class _TooSlow(Exception):
    pass


@contextlib.contextmanager
def _limit(seconds: float) -> Iterator[None]:
    def stop(*_: object) -> None:
        raise _TooSlow(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract(data: bytes, name: str) -> None:
    """What a build does with one file, up to its graph; vanban's own errors are answers."""
    build_graph([extract_text(file_text(data, name).text, name)])


def run(bases: list[tuple[str, str]], seconds: float, seed: int = 0, timeout: float = 60.0,
        log: Callable[[str], None] = print) -> FuzzReport:
    """Fuzz for ``seconds``: each base is a (name, text) pair."""
    report = FuzzReport()
    texts = [text for _, text in bases]
    deadline = time.monotonic() + seconds
    next_note = time.monotonic() + 60

    plans = st.builds(Plan, st.integers(0, len(bases) - 1), st.sampled_from(FORMATS),
                      st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4).map(tuple),
                      st.integers(0, 2**32 - 1).map(lambda n: n ^ seed))

    @settings(max_examples=10**9, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=False)
    @given(plan=plans)
    def one(plan: Plan) -> None:
        nonlocal next_note
        now = time.monotonic()
        if now > deadline:
            raise _TimeUp
        if now > next_note:
            next_note = now + 60
            log(f"  {report.inputs:,} inputs, {len(report.crashes)} crashes")
        rng = random.Random(plan.seed)
        name, text = bases[plan.base]
        data = mutate(text, texts, plan.mutations, rng)
        suffix = ".txt"
        if plan.format == "html":
            data, suffix = as_html(data, rng), ".html"
        elif plan.format == "docx":
            data, suffix = as_docx(data, rng), ".docx"
        report.inputs += 1
        report.bytes += len(data)
        started = time.process_time()
        try:
            with _limit(timeout):
                extract(data, f"fuzz{suffix}")
        except VanbanError:
            report.refused += 1
        except _TooSlow as error:
            report.crashes.append(f"{plan} on {name} ({len(data):,} bytes): {error}")
        except Exception:
            report.crashes.append(f"{plan} on {name} ({len(data):,} bytes):\n{traceback.format_exc(limit=4)}")
        report.timed(time.process_time() - started, len(data), plan)

    with contextlib.suppress(_TimeUp):
        one()
    return report


def bases_from(folders: list[Path], generated: int, seed: int) -> list[tuple[str, str]]:
    """Texts to mutate: the documents in ``folders`` (DOCX and HTML as their extracted text)
    and ``generated`` documents of the bench corpus."""
    from bench.generate import generate

    bases = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in SUFFIXES and path.is_file():
                with contextlib.suppress(VanbanError, OSError):
                    bases.append((path.name, file_text(path.read_bytes(), path.name).text))
    if generated:
        with tempfile.TemporaryDirectory() as out:
            made = generate(generated, seed, out, gold=False)
            bases += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(made.docs_dir.rglob("*.txt"))]
    return bases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to run (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="mixed into every plan's seed")
    parser.add_argument("--corpus", type=Path, nargs="*", default=[Path("samples")],
                        help="folders of real documents to mutate (default: samples)")
    parser.add_argument("--generated", type=int, default=30, help="generated documents to add (default 30)")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds before an input counts as a crash (default 60)")
    args = parser.parse_args(argv)
    bases = bases_from(args.corpus, args.generated, args.seed)
    if not bases:
        print("fuzz: no documents to start from", file=sys.stderr)
        return 2
    print(f"fuzz: {len(bases)} base documents, {args.minutes:g} minutes")
    started = time.monotonic()
    report = run(bases, args.minutes * 60, args.seed, args.timeout)
    took = time.monotonic() - started
    print(f"inputs run      {report.inputs:,} in {took:.0f} s ({report.bytes / 1e6:.1f} MB; "
          f"{report.refused:,} refused with a reason)")
    print(f"crashes         {len(report.crashes)}")
    for crash in report.crashes[:20]:
        print(f"  {crash}")
    print("slowest         CPU s per 10 KB, size, plan")
    for per_10kb, size, plan in report.slowest:
        print(f"  {per_10kb:8.3f}  {size:>10,}  {plan}")
    return 1 if report.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
