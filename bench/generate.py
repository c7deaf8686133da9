"""Generate a realistic corpus of directive cascades, with the gold facts it plants.

    python -m bench.generate --docs 1000 --seed 1 --out out/corpus-1k

writes ``OUT/docs/NNN/<index>_<hash>.txt`` (1,000 files a folder) and ``OUT/gold.json`` in the
format of the shared scorer (``files[]`` with ``documents``, ``references`` and their
``relation``, ``reports_to``, ``assigned``, ``recipients_has``; and ``corpus{}``). The same
``--docs`` and ``--seed`` give byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpus_model import CENTRAL, PROVINCE, plan_corpus
from bench.corpus_text import render

__all__ = ["Generated", "generate", "main"]

PER_FOLDER = 1000


@dataclass(frozen=True)
class Generated:
    files: int
    bytes: int
    seconds: float
    docs_dir: Path
    gold_path: Path | None


def generate(n: int, seed: int, out: str | Path, *, gold: bool = True) -> Generated:
    """Write ``n`` documents (and ``gold.json``) under ``out``; replaces an earlier ``out/docs``."""
    started = time.perf_counter()
    out = Path(out)
    docs_dir = out / "docs"
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    corpus = plan_corpus(n, seed)
    entries: list[dict] = []
    written = 0
    folder = None
    for doc in corpus.files:
        if doc.index % PER_FOLDER == 0:
            folder = docs_dir / f"{doc.index // PER_FOLDER:03d}"
            folder.mkdir(parents=True, exist_ok=True)
        text, entry = render(doc)
        data = text.encode("utf-8")
        assert folder is not None and doc.file is not None
        with open(folder / doc.file, "wb") as handle:
            handle.write(data)
        written += len(data)
        if gold:
            entries.append(entry)
    gold_path = None
    if gold:
        gold_path = out / "gold.json"
        gold_path.write_text(json.dumps(_gold(corpus, entries, seed), ensure_ascii=False, indent=0) + "\n",
                             encoding="utf-8")
    return Generated(n, written, time.perf_counter() - started, docs_dir, gold_path)


def _gold(corpus, entries: list[dict], seed: int) -> dict:
    root = corpus.files[0] if corpus.files else None
    implementers = sorted({d.issuer.name for d in corpus.files
                           if d.level == PROVINCE and d.parent is root})
    persons = sorted({d.signer.name for d in corpus.files if d.signer is not None})
    gold: dict = {
        "about": f"Facts planted by bench/generate.py (seed {seed}, {len(entries)} files). Symbols as "
                 "written, NFC. 'either' marks a directive named inside the description of the one "
                 "implemented: IMPLEMENTS and CITES are both accepted.",
        "files": entries,
        "corpus": {"distinct_person_nodes": persons[:200]},
    }
    if root is not None and root.level == CENTRAL and root.symbol == "54-KL/TW":
        gold["corpus"]["distinct_document_nodes_for_54-KL/TW"] = 1
        gold["corpus"]["implementers_of_54-KL/TW_at_least"] = implementers
    return gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, required=True, help="number of files to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="output folder (its docs/ is replaced)")
    parser.add_argument("--no-gold", action="store_true", help="do not write gold.json")
    args = parser.parse_args(argv)
    result = generate(args.docs, args.seed, args.out, gold=not args.no_gold)
    print(f"wrote {result.files} files, {result.bytes / 1e6:.1f} MB in {result.seconds:.1f} s "
          f"({result.files / max(result.seconds, 1e-9):,.0f} files/s) to {result.docs_dir}"
          + (f"; gold {result.gold_path}" if result.gold_path else ""))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
