"""What the Neo4j server itself allows on this machine, without vanban's data model.

Two numbers bound the ratio ``bench.neo4j_bench`` reports (batched rows/s over one-row
transactions/s):

* the cost of one write transaction that does next to nothing (``CREATE`` of one bare node),
  which is the floor of any one-row-per-transaction load: the commit, not the row;
* the rate of creating relationships between indexed nodes in batches, bare and with one
  string property the size of an evidence sentence, with the same writers and batch size
  as vanban's loads.

Their product is the best ratio any client could show on this server and machine.

    NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… python -m bench.neo4j_ceiling

It writes nodes labelled ``VanbanCeiling`` only and deletes them afterwards.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import zlib
from concurrent.futures import ThreadPoolExecutor

from vanban.graph.neo4j import DEFAULT_BATCH, DEFAULT_WRITERS, Neo4jStore

LABEL_NODES = "UNWIND range($first, $last) AS i CREATE (:VanbanCeiling {id: 'n' + toString(i)})"
BARE = ("UNWIND $rows AS row MATCH (a:VanbanCeiling {id: row[0]}) MATCH (b:VanbanCeiling {id: row[1]}) "
        "CREATE (a)-[:CEILING]->(b)")
WITH_TEXT = ("UNWIND $rows AS row MATCH (a:VanbanCeiling {id: row[0]}) MATCH (b:VanbanCeiling {id: row[1]}) "
             "CREATE (a)-[:CEILING {evidence: row[2]}]->(b)")
# A sentence of the length of the generated corpus's evidence (about 300 characters).
SENTENCE = ("Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, "
            "đôn đốc việc thực hiện Kết luận này; định kỳ báo cáo kết quả với Ban Thường vụ Tỉnh ủy "
            "(qua Văn phòng Tỉnh ủy) trước ngày 15 tháng 12 hằng năm để tổng hợp, báo cáo Ban Bí thư "
            "theo quy định của Trung ương về chế độ thông tin, báo cáo.")


def one_row_seconds(store: Neo4jStore, count: int, prefix: str) -> float:
    """Median seconds of a managed write transaction creating one bare node."""
    times = []
    with store.driver.session(database=store.settings.database) as session:
        for i in range(count):
            started = time.perf_counter()
            session.execute_write(lambda tx, n=i: tx.run("CREATE (:VanbanCeiling {id: $id})",
                                                         id=f"{prefix}{n}").consume())
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def relationships_per_second(store: Neo4jStore, statement: str, rows: list[list], batch: int,
                             writers: int) -> float:
    """Rows written by ``writers`` sessions in ``batch``-row transactions, per second."""
    shares: list[list[list]] = [[] for _ in range(writers)]
    for row in rows:
        shares[zlib.crc32(row[0].encode()) % writers].append(row)

    def write(share: list[list]) -> None:
        with store.driver.session(database=store.settings.database) as session:
            for start in range(0, len(share), batch):
                rows_of_batch = share[start:start + batch]
                session.execute_write(lambda tx, b=rows_of_batch: tx.run(statement, rows=b).consume())

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=writers) as pool:
        list(pool.map(write, shares))
    return len(rows) / (time.perf_counter() - started)


def clean(store: Neo4jStore) -> None:
    for statement in ("MATCH (:VanbanCeiling)-[r]->() WITH r LIMIT 10000 DELETE r RETURN count(*) AS n",
                      "MATCH (n:VanbanCeiling) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n"):
        while store.driver.execute_query(statement, database_=store.settings.database).records[0]["n"]:
            pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=100_000, help="indexed nodes the relationships join")
    parser.add_argument("--relationships", type=int, default=200_000, help="relationships per measured run")
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH)
    parser.add_argument("--writers", type=int, default=DEFAULT_WRITERS)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each kind (each one reported)")
    args = parser.parse_args(argv)
    rng = random.Random(1)
    with Neo4jStore.from_env() as store:
        store.ping()
        store.driver.execute_query("CREATE CONSTRAINT vanban_ceiling_id IF NOT EXISTS "
                                   "FOR (n:VanbanCeiling) REQUIRE n.id IS UNIQUE",
                                   database_=store.settings.database)
        clean(store)
        try:
            for first in range(0, args.nodes, 10_000):
                store.driver.execute_query(LABEL_NODES, first=first, last=min(first + 10_000, args.nodes) - 1,
                                           database_=store.settings.database)
            one_row_seconds(store, 200, "warm")
            latency = one_row_seconds(store, 500, "row")
            print(f"one write transaction creating one bare node: {latency * 1000:.2f} ms median "
                  f"({1 / latency:,.0f} transactions/s)")
            print(f"relationships between {args.nodes:,} indexed nodes, {args.batch} rows/tx, "
                  f"{args.writers} writers:")
            best = {}
            kinds = (("bare", BARE, []), ("with a 300-character string", WITH_TEXT, [SENTENCE]))
            for name, statement, extra in kinds:
                rates = []
                for _ in range(args.rounds):
                    rows = [[f"n{rng.randrange(args.nodes)}", f"n{rng.randrange(args.nodes)}", *extra]
                            for _ in range(args.relationships)]
                    rates.append(relationships_per_second(store, statement, rows, args.batch, args.writers))
                best[name] = max(rates)
                print(f"  {name:<30} " + ", ".join(f"{rate:,.0f}" for rate in rates) + " relationships/s")
            print("best ratio any client could show (best rate x one-transaction latency): "
                  + ", ".join(f"{name} {rate * latency:,.0f}x" for name, rate in best.items()))
        finally:
            clean(store)
            store.driver.execute_query("DROP CONSTRAINT vanban_ceiling_id IF EXISTS",
                                       database_=store.settings.database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
