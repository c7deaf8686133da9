"""RDF export and SPARQL timings, rdflib against Oxigraph, on synthetic graphs.

The graph is the samples' graph replicated in memory (:mod:`bench.replicate`), so 54-KL/TW
gains implementers in every copy, as a directive does when every province answers it.

    python -m bench.rdf_bench                  # 10,000 and 100,000 documents
    python -m bench.rdf_bench --docs 2000      # one size
    python -m bench.rdf_bench --sweep          # small sizes: where Oxigraph starts to pay

rdflib keeps about 1 KB per triple in memory and its SPARQL evaluator grows faster than
linearly on these queries, so by default it exports up to ``--rdflib-max`` documents (10,000)
and answers SPARQL up to ``--rdflib-sparql-max`` (300); larger sizes print Oxigraph alone.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from bench.replicate import copies_for, replicate
from vanban.graph.rdf.export import write_rdf
from vanban.graph.rdf.sparql import load_engine, open_engine
from vanban.graph.vocabulary import NodeKind
from vanban.pipeline import build_graph, read_inputs
from vanban.queries.ask import ask
from vanban.queries.lookup import find_document, find_organ
from vanban.queries.sparql import SparqlBackend

ROOT = Path(__file__).resolve().parents[1]
# question -> (document symbol or organ name in the samples)
SUBJECTS = {
    "implementers": "54-KL/TW", "ordered": "54-KL/TW", "cites": "54-KL/TW", "cited-by": "99-QĐ/TW",
    "reporting-chain": "Ban Dân vận Tỉnh ủy Lạng Sơn", "tasks": "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
    "most-cited": None,
}


def subject_ids(base: nx.MultiDiGraph) -> dict[str, str | None]:
    """Node ids of the subjects in the samples' graph."""
    out: dict[str, str | None] = {}
    for name, text in SUBJECTS.items():
        if text is None:
            out[name] = None
        elif name in ("reporting-chain", "tasks"):
            out[name] = find_organ(base, text)
        else:
            out[name] = find_document(base, text)
    return out


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def _questions(engine, graph: nx.MultiDiGraph) -> tuple[float, int]:
    total, rows = 0.0, 0
    for name, subject in graph.graph["subjects"].items():
        if subject is not None and subject not in graph:
            subject = f"{subject}-c0"  # a replicated organ: ask about the first copy
        seconds, answer = _timed(lambda name=name, subject=subject: ask(SparqlBackend(engine), name, subject))
        total += seconds
        rows += len(answer)
    return total, rows


def measure(graph: nx.MultiDiGraph, engine: str, folder: Path, sparql: bool = True) -> dict[str, float]:
    """Export (Turtle) and SPARQL (load the export, then the seven canned questions)."""
    out = folder / f"{engine}.ttl"
    export, triples = _timed(lambda: write_rdf(graph, out, "turtle", engine=engine))
    result = {"triples": triples, "export": export}
    if sparql:
        load, store = _timed(lambda: load_engine(out, engine))
        questions, rows = _questions(store, graph)
        result.update(load=load, questions=questions, rows=rows)
        del store
    out.unlink()
    return result


def in_memory(graph: nx.MultiDiGraph, engine: str) -> dict[str, float]:
    """The `--from` path: the graph converted in memory, then the seven questions."""
    load, store = _timed(lambda: open_engine(graph, engine))
    questions, rows = _questions(store, graph)
    return {"load": load, "questions": questions, "rows": rows}


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rdflib-max", type=int, default=10_000,
                        help="largest size run with rdflib (it needs ~1 KB of memory per triple)")
    parser.add_argument("--rdflib-sparql-max", type=int, default=300,
                        help="largest size answered with rdflib SPARQL")
    parser.add_argument("--sweep", action="store_true", help="sizes 26..300, in-memory and from file")
    args = parser.parse_args(argv)
    base = build_graph(read_inputs([ROOT / "samples"]).facts)
    base.graph["subjects"] = subject_ids(base)
    sizes = [26, 100, 300] if args.sweep else args.docs
    print(f"{'documents':>9} {'triples':>11} {'step':<22} {'rdflib s':>9} {'oxigraph s':>10} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            graph = base if size <= 26 else replicate(base, copies_for(base, size))
            docs = sum(1 for _, d in graph.nodes(data=True) if d["kind"] == NodeKind.DOCUMENT)
            ox = measure(graph, "oxigraph", Path(tmp))
            rd = measure(graph, "rdflib", Path(tmp), sparql=size <= args.rdflib_sparql_max) \
                if size <= args.rdflib_max else None
            steps = [("export turtle", "export"), ("load export", "load"), ("7 questions", "questions")]
            if args.sweep:
                ox_mem, rd_mem = in_memory(graph, "oxigraph"), in_memory(graph, "rdflib")
                steps_mem = [("in-memory load", ox_mem["load"], rd_mem["load"]),
                             ("in-memory questions", ox_mem["questions"], rd_mem["questions"]),
                             ("in-memory total", ox_mem["load"] + ox_mem["questions"],
                              rd_mem["load"] + rd_mem["questions"])]
            else:
                steps_mem = []
            for label, key in steps:
                have = rd is not None and key in rd
                r = f"{rd[key]:9.2f}" if have else f"{'—':>9}"
                ratio = f"{rd[key] / ox[key]:6.1f}x" if have else f"{'—':>7}"
                print(f"{docs:>9,} {ox['triples']:>11,} {label:<22} {r} {ox[key]:10.2f} {ratio}")
            for label, o, r in steps_mem:
                print(f"{docs:>9,} {ox['triples']:>11,} {label:<22} {r:9.3f} {o:10.3f} {r / o:6.1f}x")
            same = rd is not None and "rows" in rd
            if same and rd["rows"] != ox["rows"]:
                print(f"  answers differ: rdflib {rd['rows']} rows, oxigraph {ox['rows']}", file=sys.stderr)
                return 1
            print(f"{'':>9} {'':>11} answers: {ox['rows']:,} rows ("
                  f"{'same with both engines' if same else 'Oxigraph only'}); "
                  f"peak memory {_rss_mb():,.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
