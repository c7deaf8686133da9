"""Where the server's canned questions are answered: the graph in memory, or Neo4j.

:class:`IndexedGraphBackend` is the embedded back end with its lookups served from the
catalog's dictionaries (a node by id or by key in constant time instead of a scan of every
node). :class:`TimedNeo4jBackend` runs the bundled Cypher read-only (``LOAD CSV`` refused,
as by the store) with a transaction timeout, which the server enforces itself. Both answer
through :func:`vanban.queries.ask.ask`, so the records are those of ``vanban ask``.
"""

from __future__ import annotations

from typing import Any, LiteralString, cast

from vanban.errors import QueryError, StoreError
from vanban.graph.neo4j import read_only
from vanban.graph.vocabulary import NodeKind
from vanban.queries.backend import Candidate
from vanban.queries.cypher import Neo4jBackend, load_cypher
from vanban.queries.embedded import GraphBackend
from vanban.serve.catalog import Catalog

__all__ = ["IndexedGraphBackend", "TimedNeo4jBackend"]


class IndexedGraphBackend(GraphBackend):
    """:class:`GraphBackend` whose exact lookups use the catalog's indexes."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog.graph)
        self.catalog = catalog

    def exact(self, kind: NodeKind, text: str, key: str) -> list[Candidate]:
        nodes = self.graph.nodes
        ids = [text] if text in nodes and nodes[text].get("kind") == kind else []
        keyed = self.catalog.by_symbol_key if kind is NodeKind.DOCUMENT else self.catalog.by_name_key
        ids += [n for n in keyed.get(key, ()) if n != text]
        return [Candidate.of(kind, {**nodes[n], "id": n}) for n in ids]


class TimedNeo4jBackend(Neo4jBackend):
    """:class:`Neo4jBackend` whose every query runs with a server-side transaction timeout."""

    def __init__(self, store: Any, timeout: float) -> None:
        super().__init__(store)
        self.timeout = timeout

    def _run(self, query: str, **parameters: Any) -> list[dict[str, Any]]:
        import neo4j  # imported here: only --neo4j pays for the driver

        text = load_cypher(query)
        refused = read_only.refusal(text)
        if refused is not None:
            raise QueryError(refused)
        timed = neo4j.Query(cast(LiteralString, text), timeout=self.timeout)
        settings = self.store.settings
        try:
            records, _, keys = self.store.driver.execute_query(
                timed, parameters, database_=settings.database, routing_=neo4j.RoutingControl.READ
            )
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as error:
            reason = getattr(error, "message", None) or str(error) or type(error).__name__
            message = f"neo4j at {settings.address}: query failed: {settings.redact(reason)}"
            raise StoreError(message) from error
        return [dict(zip(keys, record.values(), strict=True)) for record in records]
