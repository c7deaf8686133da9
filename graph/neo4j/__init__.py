"""The graph in Neo4j 5.x: connection settings, the property codec, the statements and the store.

>>> from vanban.graph.neo4j import Neo4jStore
>>> with Neo4jStore.from_env() as store:  # doctest: +SKIP
...     store.ensure_schema()
...     print(store.load(graph))
"""

from typing import TYPE_CHECKING

from vanban.lazy import lazy_exports

if TYPE_CHECKING:
    from vanban.graph.neo4j.properties import (
        JSON_PROPERTIES,
        STORE_EDGE_PROPERTIES,
        STORE_NODE_PROPERTIES,
        edge_id,
        from_properties,
        to_properties,
    )
    from vanban.graph.neo4j.rows import edge_rows, files_of, node_rows
    from vanban.graph.neo4j.settings import DEFAULT_BATCH, DEFAULT_WRITERS, Neo4jSettings
    from vanban.graph.neo4j.store import LoadReport, Neo4jStore

__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_WRITERS",
    "JSON_PROPERTIES",
    "STORE_EDGE_PROPERTIES",
    "STORE_NODE_PROPERTIES",
    "LoadReport",
    "Neo4jSettings",
    "Neo4jStore",
    "edge_id",
    "edge_rows",
    "files_of",
    "from_properties",
    "node_rows",
    "to_properties",
]

__getattr__ = lazy_exports(__name__, {
    "vanban.graph.neo4j.properties": ("JSON_PROPERTIES", "STORE_EDGE_PROPERTIES", "STORE_NODE_PROPERTIES",
                                      "edge_id", "from_properties", "to_properties"),
    "vanban.graph.neo4j.rows": ("edge_rows", "files_of", "node_rows"),
    "vanban.graph.neo4j.settings": ("DEFAULT_BATCH", "DEFAULT_WRITERS", "Neo4jSettings"),
    "vanban.graph.neo4j.store": ("LoadReport", "Neo4jStore"),
})
