"""Extraction quality when the same real documents come in another shape.

Each hand-checked gold set (the samples, nine corpus documents, sixteen saved pages) is read
again after a change of form that keeps the document's meaning, the kinds real files arrive
in: prose re-wrapped at 60 or 45 columns (PDF hard breaks; table and column lines kept), a
blank line after every line (double-spaced PDF text), blank lines dropped, the other tone
placement (``hoá`` / ``hóa``), decomposed Unicode (NFD), Windows line ends, non-breaking
spaces, a header in markdown bold, indented or space-padded lines. Each shape is scored with
the shared scorer (``../shared/tools/score.py``) and printed beside the file as given: a rule
shaped to one layout shows here as a drop.

    .venv/bin/python -m bench.robustness                  # every shape, every gold set
    .venv/bin/python -m bench.robustness --only wrap60 nfd
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from bench.common import machine, score_script, timer
from bench.quality import score

__all__ = ["SHAPES", "reshape", "run"]


def _wrap(width: int) -> Callable[[str], str]:
    def wrap(text: str) -> str:
        out: list[str] = []
        for line in text.split("\n"):
            while len(line) > width and "|" not in line and "   " not in line.strip():
                cut = line.rfind(" ", 0, width)
                if cut <= 0:
                    break
                out.append(line[:cut])
                line = line[cut + 1 :]
            out.append(line)
        return "\n".join(out)

    return wrap


def _tone_pairs() -> dict[str, str]:
    """The two tone placements of "oa", "oe", "uy" ending a syllable ("hóa" / "hoá", "thủy" /
    "thuỷ"), each mapped to the other, in each case."""
    plain = {"a": "áàảãạ", "e": "éèẻẽẹ", "y": "ýỳỷỹỵ"}
    first = {"o": "óòỏõọ", "u": "úùủũụ"}
    swap: dict[str, str] = {}
    for head, tail in (("o", "a"), ("o", "e"), ("u", "y")):
        for k in range(5):
            new, old = first[head][k] + tail, head + plain[tail][k]
            for a, b in ((new, old), (new.capitalize(), old.capitalize()), (new.upper(), old.upper())):
                swap[a], swap[b] = b, a
    return swap


_SWAP = _tone_pairs()
_SYLLABLE_END = re.compile("(?:" + "|".join(map(re.escape, _SWAP)) + r")(?![^\W\d_])")


def _other_tones(text: str) -> str:
    return _SYLLABLE_END.sub(lambda m: _SWAP[m.group()], text)


def _nbsp(text: str) -> str:
    draw = random.Random(1)
    return re.sub(" ", lambda _: "\u00a0" if draw.random() < 0.2 else " ", text)


def _bold_header(text: str) -> str:
    lines, bolded = text.split("\n"), 0
    for i, line in enumerate(lines):
        if line.strip() and bolded < 12:
            lines[i], bolded = f"**{line.strip()}**", bolded + 1
    return "\n".join(lines)


def _each_line(text: str, change: Callable[[str], str]) -> str:
    return "\n".join(change(line) if line.strip() else line for line in text.split("\n"))


SHAPES: dict[str, Callable[[str], str]] = {
    "as given": lambda text: text,
    "wrap60": _wrap(60),
    "wrap45": _wrap(45),
    "double-spaced": lambda text: text.replace("\n", "\n\n"),
    "no blank lines": lambda text: re.sub(r"\n[ \t]*\n+", "\n", text),
    "other tones": _other_tones,
    "nfd": lambda text: unicodedata.normalize("NFD", text),
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "nbsp": _nbsp,
    "bold header": _bold_header,
    "indented": lambda text: _each_line(text, lambda line: "    " + line),
    "trailing spaces": lambda text: _each_line(text, lambda line: line + "   "),
}


def reshape(shape: str, text: str) -> str:
    """``text`` in another shape (one of :data:`SHAPES`)."""
    return SHAPES[shape](text)


def _gold_sets(shared: Path) -> dict[str, tuple[Path, list[Path]]]:
    """Gold file and input files of each hand-checked set."""
    sets = {"seeds": (shared / "gold" / "seeds.json", sorted((shared / "seeds").glob("*.txt")))}
    for name in ("corpus", "tvpl-pages-a", "tvpl-pages-b"):
        gold = shared / "gold" / f"{name}.json"
        files = [shared / "corpus" / f["file"] for f in json.loads(gold.read_text(encoding="utf-8"))["files"]]
        sets[name] = (gold, files)
    return sets


def _scored(shape: str, gold: Path, files: list[Path], work: Path) -> dict[str, float]:
    from vanban.graph.export import write_json
    from vanban.pipeline import build_graph, read_inputs

    folder = work / "in"
    folder.mkdir(parents=True)
    for path in files:  # the same names: the scorer matches gold by file name
        (folder / path.name).write_text(reshape(shape, path.read_text(encoding="utf-8")), encoding="utf-8")
    export = work / "export.json"
    write_json(build_graph(read_inputs([folder], workers=1).facts), export)
    return score(str(export), str(gold))[1]


def run(shapes: list[str] | None = None) -> dict[tuple[str, str], dict[str, float]]:
    """Score every gold set in every shape; print a table (references F1, facts found)."""
    script = score_script()
    if script is None:
        print("robustness: skipped, the shared scorer was not found (set VANBAN_SHARED)")
        return {}
    sets = _gold_sets(script.parents[1])
    print("== extraction quality on the gold sets in other shapes (references F1 / facts) ==")
    print(f"machine: {machine()}")
    print(f"{'shape':16}" + "".join(f"{name:>22}" for name in sets))
    results: dict[tuple[str, str], dict[str, float]] = {}
    with timer() as t:
        for shape in shapes or list(SHAPES):
            row = f"{shape:16}"
            for name, (gold, files) in sets.items():
                with tempfile.TemporaryDirectory() as work:
                    numbers = _scored(shape, gold, files, Path(work))
                results[shape, name] = numbers
                row += f"{numbers.get('F1', 0):>13.2f} / {numbers.get('facts', 0):>5.0%}"
            print(row, flush=True)
    print(f"({len(results)} scorings in {t[0]:.0f} s)")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.robustness", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", choices=list(SHAPES), help="these shapes only")
    args = parser.parse_args(argv)
    run(args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
