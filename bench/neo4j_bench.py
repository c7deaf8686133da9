"""Neo4j ingest throughput and canned-query latency on a generated corpus.

By default the graph is built from the generated corpus (:mod:`bench.generate`, ``--docs``
files: central directives implemented by provinces, districts and communes, the way real
chains run). ``--corpus replicated`` uses the samples' graph replicated in memory instead
(:mod:`bench.replicate`): fewer, longer evidence sentences per relationship, and 54-KL/TW
gaining an implementer in every copy.

Two ways of writing are compared, both through ``Neo4jStore.load``:

* batched: ``UNWIND $rows … CREATE`` (or ``MERGE`` for what the database already holds),
  ``--batch`` rows per managed write transaction, ``--writers`` concurrent sessions;
* per row: the same statements with one row per transaction in one session, the way code
  that loops over ``session.run`` writes. Run on a graph of ``--per-row-docs`` documents
  only and extrapolated as a rate (rows per second do not depend on the database size here:
  every write is an index seek).

    NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… python -m bench.neo4j_bench
    python -m bench.neo4j_bench --docs 2000 --per-row-docs 100    # a quick run
    python -m bench.neo4j_bench --corpus replicated               # the samples, copied

It empties the database it is pointed at: never point it at data you want to keep.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import networkx as nx

from bench.common import corpus
from bench.replicate import copies_for, replicate
from vanban.graph.neo4j import DEFAULT_WRITERS, Neo4jStore
from vanban.graph.vocabulary import EdgeType
from vanban.pipeline import build_graph, read_inputs
from vanban.queries.backend import Backend
from vanban.queries.cypher import Neo4jBackend
from vanban.queries.embedded import GraphBackend
from vanban.queries.spec import QUESTIONS

ROOT = Path(__file__).resolve().parents[1]
REFERENCES = {EdgeType.IMPLEMENTS.value, EdgeType.CITES.value, EdgeType.COPIES.value}


def generated_graph(docs: int) -> nx.MultiDiGraph:
    """The graph of a generated corpus of ``docs`` files (made once, then reused)."""
    return build_graph(read_inputs([corpus(docs) / "docs"], workers=2).take_facts())


def replicated_graph(docs: int) -> nx.MultiDiGraph:
    """The samples' graph copied until it holds about ``docs`` documents."""
    base = build_graph(read_inputs([ROOT / "samples"]).facts)
    return replicate(base, copies_for(base, docs))


GRAPHS = {"generated": generated_graph, "replicated": replicated_graph}


def _most(graph: nx.MultiDiGraph, kind: str, score) -> str | None:
    """The node of ``kind`` with the highest ``score`` (ties by id), or None."""
    ranked = [(score(node), node) for node, d in graph.nodes(data=True) if d["kind"] == kind]
    ranked = [(value, node) for value, node in ranked if value]
    return max(ranked, key=lambda pair: (pair[0], pair[1]))[1] if ranked else None


def _count(graph: nx.MultiDiGraph, node: str, types: set[str], incoming: bool) -> int:
    edges = graph.in_edges(node, data="type") if incoming else graph.out_edges(node, data="type")
    return sum(1 for _, _, kind in edges if kind in types)


def subjects(graph: nx.MultiDiGraph) -> dict[str, tuple[str | None, dict]]:
    """A subject for each canned question, chosen by the graph's shape: the most implemented
    directive, the most cited document, the document citing most, the organ with the longest
    reporting chain's first step (most REPORTS_TO out) and the organ assigned most tasks."""
    directive = _most(graph, "Document", lambda n: _count(graph, n, {EdgeType.IMPLEMENTS.value}, True))
    cited = _most(graph, "Document", lambda n: _count(graph, n, REFERENCES, True))
    citing = _most(graph, "Document", lambda n: _count(graph, n, REFERENCES, False))
    reporter = _most(graph, "Organ", lambda n: _count(graph, n, {EdgeType.REPORTS_TO.value}, False))
    assignee = _most(graph, "Organ", lambda n: _count(graph, n, {EdgeType.ASSIGNED_TO.value}, True))
    return {"implementers": (directive, {"transitive": True}), "ordered": (directive, {"transitive": True}),
            "cites": (citing, {}), "cited-by": (cited, {}), "reporting-chain": (reporter, {}),
            "tasks": (assignee, {}), "most-cited": (None, {})}


def ingest(store: Neo4jStore, graph: nx.MultiDiGraph, batch: int, writers: int) -> dict:
    store.clear()
    report = store.load(graph, batch_size=batch, writers=writers)
    return {"nodes": report.nodes, "relationships": report.relationships,
            "nodes_per_s": report.nodes / report.node_seconds,
            "relationships_per_s": report.relationships / report.relationship_seconds,
            "seconds": report.seconds}


def latency(call, repeat: int) -> float:
    call()  # warm: the query plan is cached after the first run
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(GRAPHS), default="generated",
                        help="generated: the generated corpus (default); replicated: the samples copied")
    parser.add_argument("--docs", type=int, default=10_000,
                        help="files of the generated corpus, or documents of the replicated graph")
    parser.add_argument("--per-row-docs", type=int, default=300,
                        help="size of the graph written one row per transaction")
    parser.add_argument("--batch", type=int, nargs="+", default=[1000, 5000],
                        help="rows per transaction when batched (one full load for each)")
    parser.add_argument("--writers", type=int, default=DEFAULT_WRITERS,
                        help="concurrent write sessions when batched (per row always uses one)")
    parser.add_argument("--warm-docs", type=int, default=1000,
                        help="size of the graph loaded twice first, so the server's JIT has "
                             "compiled the write path (a long-running server's state)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    args = parser.parse_args(argv)

    make = GRAPHS[args.corpus]
    started = time.perf_counter()
    graph = make(args.docs)
    docs = sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "Document")
    print(f"graph ({args.corpus}, {args.docs:,}): {docs} documents, {graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} relationships (built in {time.perf_counter() - started:.1f}s)")

    small = make(args.per_row_docs)
    with Neo4jStore.from_env() as store:
        store.ping()
        store.ensure_schema()
        warm = make(args.warm_docs)
        for _ in range(2):
            ingest(store, warm, args.batch[0], args.writers)
        per_row = ingest(store, small, 1, writers=1)
        runs = {size: ingest(store, graph, size, args.writers) for size in args.batch}
        best = max(runs, key=lambda size: runs[size]["relationships_per_s"])
        batched = runs[best]
        again = store.load(graph, batch_size=best, writers=args.writers)

        print(f"\ningest (per row measured on {per_row['nodes']} nodes and {per_row['relationships']} "
              f"relationships, then extrapolated as a rate)")
        print(f"batched loads use {args.writers} concurrent write sessions; per row uses one")
        print(f"{'mode':<24}{'nodes/s':>12}{'relationships/s':>18}")
        print(f"{'per row (1 row/tx)':<24}{per_row['nodes_per_s']:>12,.0f}"
              f"{per_row['relationships_per_s']:>18,.0f}")
        for size, run in runs.items():
            print(f"{f'batched ({size} rows/tx)':<24}{run['nodes_per_s']:>12,.0f}"
                  f"{run['relationships_per_s']:>18,.0f}")
        print(f"{f'ratio ({best} / per row)':<24}{batched['nodes_per_s'] / per_row['nodes_per_s']:>11,.0f}x"
              f"{batched['relationships_per_s'] / per_row['relationships_per_s']:>17,.0f}x")
        whole = (batched["nodes"] / per_row["nodes_per_s"]
                 + batched["relationships"] / per_row["relationships_per_s"])
        print(f"whole batched load {batched['seconds']:.1f}s; "
              f"per row it would take about {whole:,.0f}s; "
              f"loading the same graph again: {again.seconds:.1f}s, "
              f"{again.relationships_removed + again.nodes_removed} removals")

        neo4j, embedded = Neo4jBackend(store), GraphBackend(graph)
        print(f"\ncanned questions (median of {args.repeat}, ms): Neo4j over Bolt vs embedded networkx")
        print(f"{'question':<18}{'subject':<44}{'rows':>6}{'neo4j':>10}{'embedded':>10}")
        for name, (subject, extra) in subjects(graph).items():
            rows = answer(neo4j, name, subject, extra)
            flag = "" if rows == answer(embedded, name, subject, extra) else "  DIFFERS"
            neo = latency(lambda n=name, s=subject, e=extra: answer(neo4j, n, s, e), args.repeat)
            emb = latency(lambda n=name, s=subject, e=extra: answer(embedded, n, s, e), args.repeat)
            print(f"{name:<18}{subject!s:<44}{len(rows):>6}{neo:>10.1f}{emb:>10.1f}{flag}")
    return 0


def answer(backend: Backend, name: str, subject: str | None, extra: dict) -> list[dict]:
    """A question's records about a node id, in the declared order (the subject is an id: the
    lookup of a typed name is not timed)."""
    spec = QUESTIONS[name]
    rows = backend.answer(spec, subject, transitive=extra.get("transitive", bool(spec.transitive)),
                          limit=spec.limit)
    return sorted(rows, key=spec.order)


if __name__ == "__main__":
    sys.exit(main())
