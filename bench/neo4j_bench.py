"""Neo4j ingest throughput and canned-query latency on a synthetic graph.

The graph is the samples' graph replicated in memory (:mod:`bench.replicate`) until it holds
``--docs`` documents, so 54-KL/TW gains implementers in every copy, as a directive does when
every province answers it.

Two ways of writing are compared, both through ``Neo4jStore.load``:

* batched: ``UNWIND $rows … CREATE`` (or ``MERGE`` for what the database already holds),
  ``--batch`` rows per managed write transaction, ``--writers`` concurrent sessions;
* per row: the same statements with one row per transaction in one session, the way code
  that loops over ``session.run`` writes. Run on the first ``--per-row-docs`` documents'
  worth of copies only and extrapolated as a rate (rows per second do not depend on the
  database size here: every write is an index seek).

    NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… python -m bench.neo4j_bench
    python -m bench.neo4j_bench --docs 2000 --per-row-docs 100    # a quick run

It empties the database it is pointed at: never point it at data you want to keep.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import networkx as nx

from bench.replicate import copies_for, replicate
from vanban.graph.neo4j_store import DEFAULT_WRITERS, Neo4jStore
from vanban.graph.vocabulary import EdgeType
from vanban.pipeline import build_graph, read_inputs
from vanban.queries import questions
from vanban.queries.cypher import Neo4jQuestions

ROOT = Path(__file__).resolve().parents[1]
REFERENCES = {EdgeType.IMPLEMENTS.value, EdgeType.CITES.value, EdgeType.COPIES.value}


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
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the generated graph")
    parser.add_argument("--per-row-docs", type=int, default=300,
                        help="documents' worth of copies written one row per transaction")
    parser.add_argument("--batch", type=int, nargs="+", default=[1000, 5000],
                        help="rows per transaction when batched (one full load for each)")
    parser.add_argument("--writers", type=int, default=DEFAULT_WRITERS,
                        help="concurrent write sessions when batched (per row always uses one)")
    parser.add_argument("--warm-docs", type=int, default=1000,
                        help="documents' worth of copies loaded twice first, so the server's JIT has "
                             "compiled the write path (a long-running server's state)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    args = parser.parse_args(argv)

    base = build_graph(read_inputs([ROOT / "samples"]).facts)
    started = time.perf_counter()
    graph = replicate(base, copies_for(base, args.docs))
    docs = sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "Document")
    print(f"graph: {docs} documents, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} "
          f"relationships (built in {time.perf_counter() - started:.1f}s)")

    small = replicate(base, copies_for(base, args.per_row_docs))
    with Neo4jStore.from_env() as store:
        store.ping()
        store.ensure_schema()
        warm = replicate(base, copies_for(base, args.warm_docs))
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

        ask = Neo4jQuestions(store)
        subjects = {
            "implementers": ("doc:54-KL/TW", {"transitive": True}),
            "ordered": ("doc:54-KL/TW", {"transitive": True}),
            "cites": ("doc:1154-CV/TU@lang-son~c7", {}),
            "cited-by": ("doc:99-QĐ/TW", {}),
            "reporting-chain": ("organ:ban-dan-van-tinh-uy-lang-son-c7", {}),
            "tasks": ("organ:ban-dan-van-trung-uong", {}),
            "most-cited": (None, {}),
        }
        print(f"\ncanned questions (median of {args.repeat}, ms): Neo4j over Bolt vs embedded networkx")
        print(f"{'question':<18}{'subject':<40}{'rows':>6}{'neo4j':>10}{'embedded':>10}")
        for name, (subject, extra) in subjects.items():
            if subject is not None and subject not in graph:
                subject = next(n for n in sorted(graph) if n.startswith(subject.split("@")[0].split("~")[0]))
            positional = () if subject is None else (subject,)
            rows = ask.questions[name](*positional, **extra)
            expected = questions.QUESTIONS[name](graph, *positional, **extra)
            flag = "" if rows == expected else "  DIFFERS"
            neo = latency(lambda n=name, p=positional, e=extra: ask.questions[n](*p, **e), args.repeat)
            emb = latency(lambda n=name, p=positional, e=extra: questions.QUESTIONS[n](graph, *p, **e),
                          args.repeat)
            print(f"{name:<18}{subject!s:<40}{len(rows):>6}{neo:>10.1f}{emb:>10.1f}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
