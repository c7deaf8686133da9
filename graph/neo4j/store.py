"""The graph in a Neo4j 5.x database, with the official driver: loading and reading.

The data model follows the closed vocabulary and the schema: each node kind is a label
(``Document``, ``Organ``, ``Person``, ``Task``) with the node id in ``id``; each edge type is a
relationship type (``IMPLEMENTS``, ``CITES``, …). Every attribute of the embedded graph is
stored under the property :mod:`vanban.graph.schema` names (evidence included; see
:mod:`.properties` for the conversion), plus the store keys the schema derives (``label``,
``symbol_key``, ``name_key``) and ``key``/``edge_id`` on relationships (the edge's key in
the ``MultiDiGraph`` and a database-wide identity built from it).

Loading is idempotent: nodes are merged on ``id`` and relationships on ``edge_id``, both
backed by uniqueness constraints created with ``IF NOT EXISTS``. Loading the facts of some
files *replaces* what those files said before: their relationships that are no longer
stated go, their names leave the ``sources`` of nodes, and nodes left unreferenced and
sourced from no other file go. What other files contributed stays.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, LiteralString, cast

import networkx as nx

from vanban.errors import QueryError, StoreError
from vanban.graph.neo4j import read_only
from vanban.graph.neo4j.rows import Work, batches, edge_rows, files_of, node_rows, partitions, split
from vanban.graph.neo4j.settings import DEFAULT_BATCH, DEFAULT_WRITERS, Neo4jSettings
from vanban.graph.neo4j.statements import (
    constraint_statements,
    count_edges_statement,
    count_nodes_statement,
    create_edges_statement,
    create_nodes_statement,
    delete_edges_statement,
    delete_nodes_statement,
    drop_statements,
    edges_of_files_statement,
    held_edges_statement,
    held_nodes_statement,
    merge_edges_statement,
    merge_nodes_statement,
    orphans_statement,
    strip_sources_statement,
)
from vanban.graph.vocabulary import EdgeType, NodeKind

if TYPE_CHECKING:  # the driver is imported when a store is made (only Neo4j users load it)
    from neo4j import ManagedTransaction, Session

__all__ = ["DEFAULT_BATCH", "DEFAULT_WRITERS", "LOOKUP_BATCH", "LoadReport", "Neo4jStore"]

# Ids per lookup of which nodes and relationships the database already holds.
LOOKUP_BATCH = 10_000


@dataclass
class LoadReport:
    files: int = 0
    nodes: int = 0
    relationships: int = 0
    relationships_removed: int = 0
    nodes_removed: int = 0
    seconds: float = 0.0
    retract_seconds: float = 0.0  # finding and deleting what the files no longer state
    node_seconds: float = 0.0
    relationship_seconds: float = 0.0
    prune_seconds: float = 0.0

    def __str__(self) -> str:
        return (f"{self.nodes} nodes and {self.relationships} relationships from {self.files} files "
                f"in {self.seconds:.1f}s; removed {self.relationships_removed} relationships and "
                f"{self.nodes_removed} nodes no longer stated")


class Neo4jStore:
    """A vanban graph in one Neo4j database.

    >>> with Neo4jStore.from_env() as store:  # doctest: +SKIP
    ...     store.ensure_schema()
    ...     print(store.load(graph))
    """

    def __init__(self, settings: Neo4jSettings) -> None:
        import neo4j  # imported here: only Neo4j users pay for the driver

        self.settings = settings
        self._neo4j = neo4j
        try:
            self.driver = neo4j.GraphDatabase.driver(
                settings.uri, auth=(settings.user, settings.password),
                notifications_min_severity="OFF", user_agent="vanban")
        except (ValueError, neo4j.exceptions.DriverError) as error:
            # The driver's message repeats the URI, which may hold user:password@: the cause is
            # left out of the chain, and the message (redacted) keeps the reason.
            raise self._error("cannot open a driver", error) from None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Neo4jStore:
        return cls(Neo4jSettings.from_env(environ))

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _error(self, doing: str, error: BaseException) -> StoreError:
        """A StoreError naming the server (never the password) and the reason."""
        reason = getattr(error, "message", None) or str(error) or type(error).__name__
        where = f"{self.settings.address} (database {self.settings.database})"
        # Only the driver's words are masked: the rest is ours and holds no secret.
        return StoreError(f"neo4j at {where}: {doing}: {self.settings.redact(reason)}")

    def _guard(self, doing: str, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except (self._neo4j.exceptions.Neo4jError, self._neo4j.exceptions.DriverError, OSError) as error:
            raise self._error(doing, error) from error

    def ping(self) -> None:
        """Connect and authenticate, or raise :class:`StoreError` with the reason."""
        def check() -> None:
            self.driver.verify_connectivity()
            if not self.driver.verify_authentication():
                raise self._neo4j.exceptions.AuthError("authentication failed")
        self._guard("cannot connect", check)

    # --- reading -------------------------------------------------------------------------------

    def read(self, query: LiteralString | str, parameters: Mapping[str, Any] | None = None) -> list[dict]:
        """Records of a read-only query (a write in it fails), as dicts."""
        keys, records = self.run(query, parameters, write=False)
        return [dict(zip(keys, values, strict=True)) for values in records]

    def run(self, query: LiteralString | str, parameters: Mapping[str, Any] | None = None,
            write: bool = False) -> tuple[list[str], list[list]]:
        """Run one query; read-only unless ``write``. Returns (column names, value rows).

        Read-only means the query goes to a reader and runs in a transaction opened in read
        access mode, in which the server refuses any write; ``LOAD CSV``, which the server
        counts as a read, is refused before it is sent (:mod:`.read_only`).
        """
        refused = None if write else read_only.refusal(query)
        if refused is not None:
            raise QueryError(refused)
        routing = self._neo4j.RoutingControl.WRITE if write else self._neo4j.RoutingControl.READ
        text = cast(LiteralString, query)

        def call():
            return self.driver.execute_query(text, dict(parameters or {}),
                                             database_=self.settings.database, routing_=routing)
        records, _, keys = self._guard("query failed", call)
        return list(keys), [list(r.values()) for r in records]

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type, plus totals."""
        out: dict[str, int] = {}
        for row in self.read("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"):
            out[row["label"]] = row["n"]
        for row in self.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"):
            out[row["type"]] = row["n"]
        out["nodes"] = self.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
        out["relationships"] = self.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
        return out

    # --- writing -------------------------------------------------------------------------------

    def _write(self, statement: LiteralString, session: Session | None = None,
               on_conflict: LiteralString | None = None, **parameters: Any) -> list[dict[str, Any]]:
        """One statement in one managed write transaction (retried on transient errors). When
        it breaks a uniqueness constraint and ``on_conflict`` is given, that statement runs
        instead (a create raced by another writer becomes a merge)."""
        def work(tx: ManagedTransaction, text: LiteralString) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(text, parameters)]

        errors = self._neo4j.exceptions

        def execute(own: Session) -> list[dict[str, Any]]:
            try:
                return own.execute_write(work, statement)
            except (errors.Neo4jError, errors.DriverError) as error:
                if on_conflict is None or not _broke_a_constraint(error, errors.ConstraintError):
                    raise
                return own.execute_write(work, on_conflict)

        def call() -> list[dict[str, Any]]:
            if session is not None:
                return execute(session)
            with self.driver.session(database=self.settings.database) as own:
                return execute(own)
        written: list[dict[str, Any]] = self._guard("write failed", call)
        return written

    def _schema(self, statement: LiteralString) -> None:
        self.driver.execute_query(statement, database_=self.settings.database)

    def ensure_schema(self) -> None:
        """Uniqueness constraints on every merge key; indexes on ``source_file`` and ``via_id``."""
        for statement in constraint_statements():
            self._guard("cannot create the schema", partial(self._schema, statement))

    def drop_schema(self) -> None:
        """Drop the constraints and indexes :meth:`ensure_schema` creates (data stays)."""
        for statement in drop_statements():
            self._guard("cannot drop the schema", partial(self._schema, statement))

    def clear(self, batch_size: int = 10_000) -> None:
        """Delete every node and relationship (the schema stays), in bounded transactions.

        Relationships go first, ``batch_size`` at a time: a batch of nodes detached at once
        would take every relationship of theirs into one transaction, and a directive with
        100,000 implementers would exceed the server's transaction memory.
        """
        for statement in ("MATCH ()-[r]->() WITH r LIMIT $n DELETE r RETURN count(*) AS deleted",
                          "MATCH (n) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS deleted"):
            while self._write(statement, n=batch_size)[0]["deleted"]:
                pass

    def load(self, graph: nx.MultiDiGraph, files: Iterable[str] | None = None,
             batch_size: int = DEFAULT_BATCH, writers: int = DEFAULT_WRITERS) -> LoadReport:
        """Write ``graph`` as the current facts of ``files`` (default: every file it names).

        Relationships those files stated before and ``graph`` no longer has are deleted, the
        files leave the ``sources`` of every node, and nodes left unreferenced and sourced from
        no other file are deleted; then nodes and relationships are written in batches of
        ``batch_size`` rows, one managed transaction per batch, by ``writers`` concurrent
        sessions: created where the database does not hold them yet, merged otherwise.
        Running it twice changes nothing.
        """
        started = time.perf_counter()
        names = sorted(set(files) if files is not None else files_of(graph))
        nodes, edges = node_rows(graph), edge_rows(graph)
        report = LoadReport(files=len(names))
        incoming_edges = {row[2] for rows in edges.values() for row in rows}
        with self._guard("cannot open a session",
                         lambda: self.driver.session(database=self.settings.database)) as session:
            mark = time.perf_counter()
            candidates: set[str] = set()  # nodes the retraction may leave unreferenced
            for edge in EdgeType:
                stated = self._collected_writes(edges_of_files_statement(edge), names, session)
                stale = sorted(stated - incoming_edges)
                for batch in batches(stale, batch_size):
                    touched = self._write(delete_edges_statement(edge), session, ids=batch)
                    report.relationships_removed += len(touched)
                    candidates.update(node for row in touched for node in row["touched"])
            for kind in NodeKind:
                candidates |= self._collected_writes(strip_sources_statement(kind), names, session)
            report.retract_seconds = time.perf_counter() - mark

            mark = time.perf_counter()
            empty = self._empty_kinds(session)  # nothing of these held: nothing to look up
            node_work: list[Work] = []
            for (kind, columns), rows in sorted(nodes.items()):
                held = set() if kind in empty else self._held(
                    held_nodes_statement(kind), [row[0] for row in rows], session)
                node_work += split(rows, 0, held, create_nodes_statement(kind, columns),
                                    merge_nodes_statement(kind, columns))
            report.nodes = self._write_rows(node_work, batch_size, writers, by_target=False)
            report.node_seconds = time.perf_counter() - mark
            mark = time.perf_counter()
            edge_work: list[Work] = []
            for (edge, source, target, columns), rows in sorted(edges.items()):
                held = set() if edge in empty else self._held(
                    held_edges_statement(edge), [row[2] for row in rows], session)
                edge_work += split(rows, 2, held, create_edges_statement(edge, source, target, columns),
                                    merge_edges_statement(edge, source, target, columns))
            report.relationships = self._write_rows(edge_work, batch_size, writers, by_target=True,
                                                    files=names)
            report.relationship_seconds = time.perf_counter() - mark

            mark = time.perf_counter()
            report.nodes_removed = self._prune(candidates - set(graph.nodes), set(graph.nodes),
                                               batch_size, session)
            report.prune_seconds = time.perf_counter() - mark
        report.seconds = time.perf_counter() - started
        return report

    def _read_one(self, session: Session, statement: LiteralString, column: str, **parameters: Any) -> Any:
        """One column of the one record a read statement returns, in a managed read transaction."""
        def work(tx: ManagedTransaction) -> Any:
            return tx.run(statement, parameters).single(strict=True)[column]
        return self._guard("read failed", partial(session.execute_read, work))

    def _empty_kinds(self, session: Session) -> set[NodeKind | EdgeType]:
        """The labels and relationship types the database holds none of (as in a first load),
        read from the count store once per load."""
        labels: set[NodeKind | EdgeType] = {
            kind for kind in NodeKind if not self._read_one(session, count_nodes_statement(kind), "n")}
        return labels | {edge for edge in EdgeType
                         if not self._read_one(session, count_edges_statement(edge), "n")}

    def _held(self, statement: LiteralString, ids: list[str], session: Session) -> set[str]:
        """Which of ``ids`` the database already holds (index seeks, read in large chunks)."""
        held: set[str] = set()
        for chunk in batches(ids, LOOKUP_BATCH):
            held.update(self._read_one(session, statement, "ids", ids=chunk))
        return held

    def _collected_writes(self, statement: LiteralString, files: list[str], session: Session) -> set[str]:
        """The ids a statement over ``$files`` collects, run in write transactions (on the
        leader: what is retracted must not be read from a lagging replica) over chunks of
        the file names."""
        return {found for chunk in batches(files, LOOKUP_BATCH)
                for found in self._write(statement, session, files=chunk)[0]["ids"]}

    def _write_rows(self, work: list[Work], batch_size: int, writers: int, by_target: bool,
                    **parameters: Any) -> int:
        """Each statement over its rows in batches, the rows shared among ``writers`` sessions
        (see :func:`partitions`); returns the number of rows written. A failure in any
        writer is raised once the others have stopped."""
        plans: list[list[Work]] = [[] for _ in range(max(writers, 1))]
        for statement, fallback, rows in work:
            for plan, share in zip(plans, partitions(rows, len(plans), by_target), strict=True):
                if share:
                    plan.append((statement, fallback, share))

        def write(plan: list[Work]) -> int:
            written = 0
            with self._guard("cannot open a session",
                             lambda: self.driver.session(database=self.settings.database)) as session:
                for statement, fallback, rows in plan:
                    for batch in batches(rows, batch_size):
                        self._write(statement, session, on_conflict=fallback, rows=batch, **parameters)
                        written += len(batch)
            return written

        if len(plans) == 1:
            return write(plans[0])
        with ThreadPoolExecutor(max_workers=len(plans), thread_name_prefix="vanban-neo4j") as pool:
            futures = [pool.submit(write, plan) for plan in plans]
            return sum(future.result() for future in futures)

    def _prune(self, candidates: set[str], keep: set[str], batch_size: int, session: Session) -> int:
        """Delete the candidates left unreferenced and sourced from no file, then the
        neighbours that this leaves unreferenced, and so on: work in proportion to what
        changed, never a scan of the database."""
        removed = 0
        while candidates:
            ids = sorted(candidates - keep)
            candidates = set()
            for kind in NodeKind:
                orphans = sorted({row["id"] for batch in batches(ids, batch_size)
                                  for row in self._write(orphans_statement(kind), session, ids=batch)})
                for batch in batches(orphans, batch_size):
                    freed = self._write(delete_nodes_statement(kind), session, ids=batch)
                    removed += len(freed)
                    candidates.update(node for row in freed for node in row["near"])
        return removed


def _broke_a_constraint(error: BaseException, constraint_error: type[BaseException]) -> bool:
    """Did the statement break a uniqueness constraint? The driver may report it as the failure
    of a result whose cause is the violation (``ResultFailedError``), when a retried
    transaction meets it.

    >>> class Violation(Exception): ...
    >>> wrapped = RuntimeError("result failed"); wrapped.__cause__ = Violation()
    >>> _broke_a_constraint(wrapped, Violation), _broke_a_constraint(RuntimeError(), Violation)
    (True, False)
    """
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, constraint_error):
            return True
        seen = seen.__cause__
    return False
