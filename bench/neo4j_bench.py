"""Neo4j ingest throughput and canned-query latency on a synthetic graph.

The graph is the samples' graph replicated in memory until it holds ``--docs`` documents:
national documents (no issuer scope in their id), their tasks and what those point to are
shared; every copy relabels the local documents, tasks, organs, people and source files. So
54-KL/TW gains implementers in every copy, as a directive does when every province answers it.

Two ways of writing are compared, both through ``Neo4jStore.load``:

* batched: ``UNWIND $rows … MERGE``, ``--batch`` rows per managed write transaction;
* per row: the same statements with one row per transaction, the way code that loops over
  ``session.run`` writes. Run on the first ``--per-row-docs`` documents' worth of copies only
  and extrapolated as a rate (rows per second do not depend on the database size here: every
  write is an index seek).

    NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… python bench/neo4j_bench.py
    python bench/neo4j_bench.py --docs 2000 --per-row-docs 100    # a quick run

It empties the database it is pointed at: never point it at data you want to keep.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

import networkx as nx

from vanban.graph.neo4j_store import Neo4jStore
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.pipeline import build_graph, read_inputs
from vanban.queries import questions
from vanban.queries.cypher import Neo4jQuestions

ROOT = Path(__file__).resolve().parents[1]
REFERENCES = {EdgeType.IMPLEMENTS.value, EdgeType.CITES.value, EdgeType.COPIES.value}


def shared_nodes(graph: nx.MultiDiGraph) -> set[str]:
    """National documents, and what they point to other than documents (transitively)."""
    seeds = [n for n, d in graph.nodes(data=True) if d["kind"] == NodeKind.DOCUMENT.value
             and "@" not in n and "#" not in n]
    shared, stack = set(seeds), list(seeds)
    while stack:
        for _, target, data in graph.out_edges(stack.pop(), data=True):
            if data["type"] not in REFERENCES and target not in shared:
                shared.add(target)
                stack.append(target)
    return shared


def replicate(base: nx.MultiDiGraph, documents: int) -> nx.MultiDiGraph:
    """Copies of ``base`` with about ``documents`` documents (at least that many)."""
    shared = shared_nodes(base)
    national = sum(1 for n, d in base.nodes(data=True) if d["kind"] == "Document" and n in shared)
    local = sum(1 for n, d in base.nodes(data=True) if d["kind"] == "Document" and n not in shared)
    copies = max(1, math.ceil((documents - national) / max(local, 1)))
    graph = nx.MultiDiGraph()
    for copy in range(copies):
        def rename(node: str | None, copy: int = copy) -> str | None:
            return node if node is None or node in shared else f"{node}~{copy}"

        def refile(name: str | None, copy: int = copy) -> str | None:
            return None if name is None else f"c{copy:05d}_{name}"

        for node, attrs in base.nodes(data=True):
            new = dict(attrs)
            if "sources" in new:
                new["sources"] = sorted(refile(s) for s in attrs["sources"])
            if "document" in new:
                new["document"] = rename(attrs["document"])
            if node in shared and node in graph:
                merged = graph.nodes[node]
                merged["sources"] = sorted(set(merged.get("sources") or ()) | set(new.get("sources") or ()))
                continue
            graph.add_node(rename(node), **new)
        for source, target, key, attrs in base.edges(keys=True, data=True):
            if source in shared and target in shared and copy > 0:
                continue
            new = dict(attrs)
            new["source_file"] = refile(attrs.get("source_file"))
            for name in ("document", "via_id"):
                if name in new:
                    new[name] = rename(attrs[name])
            new_key = str(key).replace(str(attrs.get("source_file")), str(new["source_file"]))
            graph.add_edge(rename(source), rename(target), key=new_key, **new)
    return graph


def first_copies(graph: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    """The part of a replicated graph made by its first ``copies`` copies (and shared nodes)."""
    def keep(node: str) -> bool:
        return "~" not in node or int(node.rsplit("~", 1)[1]) < copies
    return graph.subgraph([n for n in graph if keep(n)]).copy()


def ingest(store: Neo4jStore, graph: nx.MultiDiGraph, batch: int) -> dict:
    store.clear()
    report = store.load(graph, batch_size=batch)
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
    parser.add_argument("--warm-docs", type=int, default=1000,
                        help="documents' worth of copies loaded twice first, so the server's JIT has "
                             "compiled the write path (a long-running server's state)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    args = parser.parse_args(argv)

    base = build_graph(read_inputs([ROOT / "samples"]).facts)
    started = time.perf_counter()
    graph = replicate(base, args.docs)
    docs = sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "Document")
    print(f"graph: {docs} documents, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} "
          f"relationships (built in {time.perf_counter() - started:.1f}s)")

    shared = shared_nodes(base)
    local = sum(1 for n, d in base.nodes(data=True) if d["kind"] == "Document" and n not in shared)
    small = first_copies(graph, max(1, args.per_row_docs // max(local, 1)))
    with Neo4jStore.from_env() as store:
        store.ping()
        store.ensure_schema()
        warm = first_copies(graph, max(1, args.warm_docs // max(local, 1)))
        for _ in range(2):
            ingest(store, warm, args.batch[0])
        per_row = ingest(store, small, 1)
        runs = {size: ingest(store, graph, size) for size in args.batch}
        best = max(runs, key=lambda size: runs[size]["relationships_per_s"])
        batched = runs[best]
        again = store.load(graph, batch_size=best)

        print(f"\ningest (per row measured on {per_row['nodes']} nodes and {per_row['relationships']} "
              f"relationships, then extrapolated as a rate)")
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
            "cites": ("doc:1154-CV/TU@lang-son~7", {}),
            "cited-by": ("doc:99-QĐ/TW", {}),
            "reporting-chain": ("organ:ban-dan-van-tinh-uy-lang-son~7", {}),
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
