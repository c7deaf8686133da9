"""Store the graph in a Neo4j 5.x database with the official driver.

The data model follows the closed vocabulary: each node kind is a label (``Document``,
``Organ``, ``Person``, ``Task``) with the node id in ``id``; each edge type is a relationship
type (``IMPLEMENTS``, ``CITES``, …). Every attribute of the embedded graph is stored,
evidence included, plus derived properties: ``label`` on nodes (the short label the
command line prints), ``symbol_key`` on documents and ``name_key`` on organs (the symbol
normalised and the name folded, indexed, so a question's subject is found by an index seek)
and ``key``/``edge_id`` on relationships (the edge's key in the ``MultiDiGraph`` and a
database-wide identity built from it).

Property conversion (Neo4j holds scalars and homogeneous lists of scalars only):

* ``None`` is not stored (a missing property reads back as ``null``);
* strings, numbers, booleans and lists of one of those types are stored as they are,
  empty lists included;
* anything else (dicts, lists holding ``None`` or mixed types, nested lists) is stored as
  JSON text and its name is listed in the node's or relationship's ``json_properties``.

Loading is idempotent: nodes are merged on ``id`` and relationships on ``edge_id``, both
backed by uniqueness constraints created with ``IF NOT EXISTS``. Loading the facts of some
files *replaces* what those files said before: their relationships that are no longer
stated go, their names leave the ``sources`` of nodes, and nodes left unreferenced and
sourced from no other file go. What other files contributed stays.

Connection settings come from the environment (see :class:`Neo4jSettings`); the password
never appears in a message.

>>> to_properties({"a": None, "b": [1, 2], "c": {"x": 1}, "d": [None, "x"]})
{'b': [1, 2], 'c': '{"x": 1}', 'd': '[null, "x"]', 'json_properties': ['c', 'd']}
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

import networkx as nx

from vanban.errors import StoreError
from vanban.graph.vocabulary import EdgeType, NodeKind

__all__ = [
    "LoadReport",
    "Neo4jSettings",
    "Neo4jStore",
    "edge_id",
    "from_properties",
    "lookup_keys",
    "to_properties",
]

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
DEFAULT_BATCH = 5000
# Concurrent write transactions. The server applies one transaction on one core; two keep a
# two-core machine busy while the client packs the next batch.
DEFAULT_WRITERS = 2
# Ids per lookup of which nodes and relationships the database already holds.
LOOKUP_BATCH = 10_000
JSON_PROPERTIES = "json_properties"
# Properties the store adds; they are not attributes of the embedded graph.
STORE_NODE_PROPERTIES = frozenset({"label", "symbol_key", "name_key", JSON_PROPERTIES})
STORE_EDGE_PROPERTIES = frozenset({"key", "edge_id", JSON_PROPERTIES})


# --- settings -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Neo4jSettings:
    """Where the database is and who we are; ``repr`` never shows the password.

    >>> s = Neo4jSettings.from_env({"NEO4J_PASSWORD": "s3cret"})
    >>> s.uri, s.user, s.database, "s3cret" in repr(s)
    ('bolt://127.0.0.1:7687', 'neo4j', 'neo4j', False)
    """

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default="", repr=False)
    database: str = DEFAULT_DATABASE

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Neo4jSettings:
        """``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` (or ``NEO4J_PASSWORD_FILE``, a file
        holding it, as container secrets are mounted) and ``NEO4J_DATABASE``."""
        env = os.environ if environ is None else environ
        password = env.get("NEO4J_PASSWORD") or ""
        if not password and env.get("NEO4J_PASSWORD_FILE"):
            try:
                with open(env["NEO4J_PASSWORD_FILE"], encoding="utf-8") as handle:
                    password = handle.read().strip()
            except OSError as error:
                raise StoreError(f"NEO4J_PASSWORD_FILE: cannot read it ({error.strerror})") from None
        if not password:
            raise StoreError("NEO4J_PASSWORD is not set (the Neo4j user's password; "
                             "NEO4J_URI, NEO4J_USER and NEO4J_DATABASE are optional)")
        return cls(uri=env.get("NEO4J_URI") or DEFAULT_URI, user=env.get("NEO4J_USER") or DEFAULT_USER,
                   password=password, database=env.get("NEO4J_DATABASE") or DEFAULT_DATABASE)

    @property
    def address(self) -> str:
        """The URI without any user information, safe to print."""
        return re.sub(r"//[^/@]*@", "//", self.uri)

    def redact(self, text: str) -> str:
        """``text`` with the password (and any user:password@ in URIs) masked."""
        if self.password:
            text = text.replace(self.password, "***")
        return re.sub(r"//[^/@\s]*@", "//***@", text)


# --- property conversion ----------------------------------------------------------------------

_SCALARS = (str, bool, int, float)


def _storable_list(values: list | tuple) -> bool:
    if not values:
        return True
    if any(v is None or not isinstance(v, _SCALARS) for v in values):
        return False
    if all(isinstance(v, str) for v in values) or all(isinstance(v, bool) for v in values):
        return True
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)


def to_properties(attrs: Mapping[str, Any], skip: Iterable[str] = ()) -> dict[str, Any]:
    """Attributes as Neo4j properties (see the module docstring for the rules)."""
    out: dict[str, Any] = {}
    encoded = []
    skipped = set(skip)
    for name, value in attrs.items():
        if name in skipped or value is None:
            continue
        if isinstance(value, _SCALARS):
            out[name] = value
        elif isinstance(value, list | tuple) and _storable_list(value):
            out[name] = list(value)
        else:
            out[name] = json.dumps(value, ensure_ascii=False, sort_keys=True,
                                   default=lambda v: sorted(v) if isinstance(v, set | frozenset) else str(v))
            encoded.append(name)
    if encoded:
        out[JSON_PROPERTIES] = encoded
    return out


def from_properties(props: Mapping[str, Any], store_keys: Iterable[str] = ()) -> dict[str, Any]:
    """Stored properties back as attributes: JSON text decoded, the store's own keys dropped.

    >>> from_properties(to_properties({"c": {"x": 1}, "n": 2}))
    {'c': {'x': 1}, 'n': 2}
    """
    encoded = set(props.get(JSON_PROPERTIES) or ())
    dropped = set(store_keys) | {JSON_PROPERTIES}
    return {k: (json.loads(v) if k in encoded else v) for k, v in props.items() if k not in dropped}


def edge_id(source: str, target: str, key: str) -> str:
    """A relationship's identity in the database: a digest of its two nodes and its key.

    The ``MultiDiGraph`` key (``CITES|001.txt``) is unique only between its two nodes, so the
    identity adds them. It is a fixed-size digest, not the joined text, because it is the key
    of a unique index that every write consults: short keys make loading about a third faster.
    The relationship keeps ``key`` and its two ends, so nothing is lost.

    >>> edge_id("doc:a", "doc:b", "CITES|a.txt")
    '5833279fa90de0c8b7500d08c2b7943d'
    >>> edge_id("doc:a", "doc:b", "CITES|a.txt") != edge_id("doc:a", "doc:b|CITES", "a.txt")
    True
    """
    text = "\x1f".join((source, key, target))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


# --- statements built from the closed vocabulary -----------------------------------------------
#
# Cypher cannot take a label or a relationship type as a $parameter, so the statements that
# name one are formatted here, once, from the members of NodeKind and EdgeType: values from
# the vocabulary module, never from input files or users. Every value in every statement is a
# $parameter. _name() re-checks each name, so an edit to the enums cannot smuggle Cypher in.

def _name(member: NodeKind | EdgeType) -> LiteralString:
    if not re.fullmatch(r"[A-Z][A-Za-z_]*", member.value):
        raise ValueError(f"not a plain Cypher name: {member.value!r}")
    return cast(LiteralString, member.value)


# Indexed lookup keys: (label, property) of what users type to name a question's subject.
_LOOKUP_KEYS: tuple[tuple[LiteralString, LiteralString], ...] = (
    (_name(NodeKind.DOCUMENT), "symbol_key"), (_name(NodeKind.ORGAN), "name_key"))


def _constraint_statements() -> list[LiteralString]:
    statements: list[LiteralString] = []
    for kind in NodeKind:
        label = _name(kind)
        statements.append("CREATE CONSTRAINT vanban_" + label.lower() + "_id IF NOT EXISTS "
                          "FOR (n:" + label + ") REQUIRE n.id IS UNIQUE")
    for edge in EdgeType:
        rel = _name(edge)
        statements.append("CREATE CONSTRAINT vanban_" + rel.lower() + "_edge_id IF NOT EXISTS "
                          "FOR ()-[r:" + rel + "]-() REQUIRE r.edge_id IS UNIQUE")
        statements.append("CREATE INDEX vanban_" + rel.lower() + "_source_file IF NOT EXISTS "
                          "FOR ()-[r:" + rel + "]-() ON (r.source_file)")
    reports = _name(EdgeType.REPORTS_TO)
    statements.append("CREATE INDEX vanban_" + reports.lower() + "_via_id IF NOT EXISTS "
                      "FOR ()-[r:" + reports + "]-() ON (r.via_id)")
    for label, key in _LOOKUP_KEYS:
        statements.append("CREATE INDEX vanban_" + label.lower() + "_" + key + " IF NOT EXISTS "
                          "FOR (n:" + label + ") ON (n." + key + ")")
    return statements


def _drop_statements() -> list[LiteralString]:
    statements: list[LiteralString] = []
    for kind in NodeKind:
        statements.append("DROP CONSTRAINT vanban_" + _name(kind).lower() + "_id IF EXISTS")
    for edge in EdgeType:
        rel = _name(edge).lower()
        statements.append("DROP CONSTRAINT vanban_" + rel + "_edge_id IF EXISTS")
        statements.append("DROP INDEX vanban_" + rel + "_source_file IF EXISTS")
    statements.append("DROP INDEX vanban_" + _name(EdgeType.REPORTS_TO).lower() + "_via_id IF EXISTS")
    for label, key in _LOOKUP_KEYS:
        statements.append("DROP INDEX vanban_" + label.lower() + "_" + key + " IF EXISTS")
    return statements


_PLAIN_PROPERTY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _property(name: str) -> LiteralString:
    """A property name for a statement: attribute names are the graph's own (``evidence``,
    ``source_file`` …), never input text, and anything but a plain identifier is refused."""
    if not _PLAIN_PROPERTY.fullmatch(name):
        raise StoreError(f"cannot store attribute {name!r}: not a plain property name")
    return cast(LiteralString, "`" + name + "`")


def _row_columns(names: tuple[str, ...], first: int) -> list[tuple[LiteralString, LiteralString]]:
    """Each property name, quoted, with the row column holding its value (from ``first`` on).

    >>> _row_columns(("a", "b"), 2)
    [('`a`', 'row[2]'), ('`b`', 'row[3]')]
    """
    return [(_property(name), cast(LiteralString, f"row[{first + i}]")) for i, name in enumerate(names)]


def _assignments(variable: LiteralString, names: tuple[str, ...], first: int) -> LiteralString:
    # "n.`a` = row[2], n.`b` = row[3]"
    return cast(LiteralString, ", ".join(variable + "." + name + " = " + column
                                         for name, column in _row_columns(names, first)))


def _inline_properties(names: tuple[str, ...], first: int) -> list[LiteralString]:
    # ["`a`: row[2]", "`b`: row[3]"], for a pattern's property map
    return [name + ": " + column for name, column in _row_columns(names, first)]


def _column(names: tuple[str, ...], name: str, first: int) -> LiteralString:
    """The row's column holding ``name``, or ``null`` when the rows have no such column."""
    return cast(LiteralString, f"row[{first + names.index(name)}]") if name in names else "null"


def _merge_nodes_statement(kind: NodeKind, names: tuple[str, ...]) -> LiteralString:
    # Rows are [id, sources, value of each name…]. A new node takes the row as it is. An
    # existing one is overwritten (a null value removes a property), except that a document
    # read in a file that is not being replaced keeps its own properties when the files being
    # loaded only mention it (their view of it is second-hand). ``sources`` (replaced files
    # already taken out) gains the row's files, kept sorted and distinct by inserting each one
    # in place: linear in memory, unlike a sort. Properties are set one by one from columns,
    # not from a map: a map parameter per row costs more to send and to apply. ``read`` and
    # ``sources`` are assigned last, as the test of every other assignment reads them.
    columns = sorted(_row_columns(names, 2), key=lambda pair: pair[0] == "`read`")
    second_hand = ("coalesce(n.read, false) AND coalesce(" + _column(names, "read", 2) + ", true) = false "
                   "AND size(coalesce(n.sources, [])) > 0")
    keep = ["n." + name + " = CASE WHEN " + second_hand + " THEN n." + name + " ELSE " + column + " END"
            for name, column in columns]
    return ("UNWIND $rows AS row "
            "MERGE (n:" + _name(kind) + " {id: row[0]}) "
            "ON CREATE SET " + _assignments("n", names, 2) + ", n.sources = row[1] "
            "ON MATCH SET " + cast(LiteralString, ", ".join(keep)) + ", "
            "n.sources = CASE WHEN row[1] IS NULL THEN n.sources "
            "WHEN size(coalesce(n.sources, [])) = 0 THEN row[1] "
            "ELSE reduce(merged = n.sources, s IN row[1] | "
            "[x IN merged WHERE x < s] + s + [x IN merged WHERE x > s]) END")


def _merge_edges_statement(edge: EdgeType, source: NodeKind, target: NodeKind,
                           names: tuple[str, ...]) -> LiteralString:
    # Rows are [source id, target id, edge_id, value of each name…]. An edge already stated
    # by a file that is not being replaced keeps that file's evidence.
    return ("UNWIND $rows AS row "
            "MATCH (a:" + _name(source) + " {id: row[0]}) "
            "MATCH (b:" + _name(target) + " {id: row[1]}) "
            "MERGE (a)-[r:" + _name(edge) + " {edge_id: row[2]}]->(b) "
            "WITH r, row WHERE r.source_file IS NULL OR r.source_file = "
            + _column(names, "source_file", 3) + " OR r.source_file IN $files "
            "SET " + _assignments("r", names, 3))


def _create_nodes_statement(kind: NodeKind, names: tuple[str, ...]) -> LiteralString:
    # Rows as for merging, of nodes the database does not hold: created with every property
    # at once, which costs the server about a fifth less than a MERGE followed by SET (a null
    # value creates no property).
    properties = ["id: row[0]", "sources: row[1]", *_inline_properties(names, 2)]
    return ("UNWIND $rows AS row CREATE (n:" + _name(kind) + " {"
            + cast(LiteralString, ", ".join(properties)) + "})")


def _create_edges_statement(edge: EdgeType, source: NodeKind, target: NodeKind,
                            names: tuple[str, ...]) -> LiteralString:
    # Rows as for merging, of relationships the database does not hold.
    properties = ["edge_id: row[2]", *_inline_properties(names, 3)]
    return ("UNWIND $rows AS row "
            "MATCH (a:" + _name(source) + " {id: row[0]}) "
            "MATCH (b:" + _name(target) + " {id: row[1]}) "
            "CREATE (a)-[r:" + _name(edge) + " {" + cast(LiteralString, ", ".join(properties)) + "}]->(b)")


def _count_nodes_statement(kind: NodeKind) -> LiteralString:
    return "MATCH (n:" + _name(kind) + ") RETURN count(n) AS n"  # from the count store


def _count_edges_statement(edge: EdgeType) -> LiteralString:
    return "MATCH ()-[r:" + _name(edge) + "]->() RETURN count(r) AS n"  # from the count store


# Statements that return many ids return them as one list (``ids``) in one record: the
# driver takes a record at a time, and streaming 100,000 one-id records costs seconds where a
# single list of them costs a fraction of one.

def _held_nodes_statement(kind: NodeKind) -> LiteralString:
    return "UNWIND $ids AS id MATCH (n:" + _name(kind) + " {id: id}) RETURN collect(n.id) AS ids"


def _held_edges_statement(edge: EdgeType) -> LiteralString:
    return ("UNWIND $ids AS id MATCH ()-[r:" + _name(edge) + " {edge_id: id}]->() "
            "RETURN collect(r.edge_id) AS ids")


def _edges_of_files_statement(edge: EdgeType) -> LiteralString:
    return ("MATCH ()-[r:" + _name(edge) + "]->() WHERE r.source_file IN $files "
            "RETURN collect(r.edge_id) AS ids")


def _delete_edges_statement(edge: EdgeType) -> LiteralString:
    # Returns the nodes the deleted relationships touched (and a reporting line's ``via``):
    # the only nodes the deletion can leave unreferenced.
    return ("UNWIND $ids AS id MATCH (a)-[r:" + _name(edge) + " {edge_id: id}]->(b) "
            "WITH r, [a.id, b.id] + CASE WHEN r.via_id IS NULL THEN [] ELSE [r.via_id] END AS touched "
            "DELETE r RETURN touched")


def _strip_sources_statement(kind: NodeKind) -> LiteralString:
    return ("MATCH (n:" + _name(kind) + ") WHERE any(s IN n.sources WHERE s IN $files) "
            "SET n.sources = [s IN n.sources WHERE NOT s IN $files] RETURN collect(n.id) AS ids")


def _orphans_statement(kind: NodeKind) -> LiteralString:
    # Of the candidate ids: unreferenced (no incoming relationship, no outgoing one except
    # PART_OF, which the organ's own name implies, not the ``via`` of a reporting line) and
    # sourced from no remaining file. Organs and persons carry no ``sources``: they live while
    # referred to.
    part_of, reports = _name(EdgeType.PART_OF), _name(EdgeType.REPORTS_TO)
    return ("UNWIND $ids AS id MATCH (n:" + _name(kind) + " {id: id}) "
            "WHERE size(coalesce(n.sources, [])) = 0 AND NOT EXISTS { (n)<--() } "
            "AND NOT EXISTS { (n)-[r]->() WHERE type(r) <> '" + part_of + "' } "
            "AND NOT EXISTS { ()-[line:" + reports + " {via_id: id}]->() } "
            "RETURN n.id AS id")


def _delete_nodes_statement(kind: NodeKind) -> LiteralString:
    # Returns the neighbours of the deleted nodes: the next candidates (an organ's parent is
    # unreferenced once the organ is gone).
    return ("UNWIND $ids AS id MATCH (n:" + _name(kind) + " {id: id}) "
            "WITH n, COLLECT { MATCH (n)--(m) RETURN DISTINCT m.id } AS near "
            "DETACH DELETE n RETURN near")


# --- rows ---------------------------------------------------------------------------------------

def _node_label(attrs: Mapping[str, Any]) -> str:
    from vanban.queries.lookup import document_label
    return document_label(attrs)


def lookup_keys(attrs: Mapping[str, Any]) -> dict[str, str | None]:
    """The indexed keys a node is found by: a document's symbol normalised, an organ's name
    folded (the forms :mod:`vanban.queries.lookup` compares); ``None`` removes a stale one.

    >>> lookup_keys({"kind": "Document", "symbol": "54-KL/TW"})
    {'symbol_key': '54-KL/TW'}
    >>> lookup_keys({"kind": "Organ", "name": "Tỉnh ủy Lạng Sơn"})
    {'name_key': 'tinh uy lang son'}
    """
    from vanban.loaders.symbols import normalize_symbol
    from vanban.loaders.text import fold
    if attrs.get("kind") == NodeKind.DOCUMENT:
        return {"symbol_key": normalize_symbol(attrs["symbol"]) if attrs.get("symbol") else None}
    if attrs.get("kind") == NodeKind.ORGAN:
        return {"name_key": fold(attrs.get("name")) or None}
    return {}


NodeGroup = tuple[NodeKind, tuple[str, ...]]
EdgeGroup = tuple[EdgeType, NodeKind, NodeKind, tuple[str, ...]]


def node_rows(graph: nx.MultiDiGraph) -> dict[NodeGroup, list[list]]:
    """The graph's nodes as parameter rows ``[id, sources, values…]``, grouped by kind and by
    the property names the values belong to (the group key's second part)."""
    rows: dict[NodeGroup, list[list]] = defaultdict(list)
    for node, attrs in graph.nodes(data=True):
        kind = NodeKind(attrs["kind"])
        sources = attrs.get("sources")
        props = to_properties(attrs, skip=("sources",))
        props["label"] = _node_label(attrs)
        props.update(lookup_keys(attrs))
        for name, value in attrs.items():  # None now must not survive from a previous load
            if value is None and name != "sources":
                props[name] = None
        props.setdefault(JSON_PROPERTIES, None)
        names = tuple(sorted(props))
        rows[(kind, names)].append(
            [node, sorted(set(sources)) if isinstance(sources, list | tuple) else None,
             *(props[name] for name in names)])
    return rows


def edge_rows(graph: nx.MultiDiGraph) -> dict[EdgeGroup, list[list]]:
    """The graph's edges as parameter rows ``[source, target, edge_id, values…]``, grouped by
    type, the kinds of both ends and the property names of the values."""
    rows: dict[EdgeGroup, list[list]] = defaultdict(list)
    kinds = {node: NodeKind(attrs["kind"]) for node, attrs in graph.nodes(data=True)}
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        edge = EdgeType(attrs["type"])
        props = to_properties(attrs, skip=("type",))
        props["key"] = str(key)
        for name in attrs:
            if attrs[name] is None:
                props[name] = None
        props.setdefault(JSON_PROPERTIES, None)
        names = tuple(sorted(props))
        rows[(edge, kinds[source], kinds[target], names)].append(
            [source, target, edge_id(source, target, str(key)), *(props[name] for name in names)])
    return rows


# Rows to write with a statement, and the statement to run instead where they conflict.
Work = tuple[LiteralString, LiteralString | None, list[list]]


def _split(rows: list[list], key: int, held: set[str], create: LiteralString,
           merge: LiteralString) -> list[Work]:
    """Rows whose key column the database does not hold yet go to ``create`` (with ``merge``
    as its fallback, should another writer create one first); the others to ``merge``.

    >>> [(s, f, r) for s, f, r in _split([["a"], ["b"]], 0, {"b"}, "C", "M")]
    [('C', 'M', [['a']]), ('M', None, [['b']])]
    """
    new = [row for row in rows if row[key] not in held]
    old = [row for row in rows if row[key] in held]
    return [work for work in ((create, merge, new), (merge, None, old)) if work[2]]


def _partitions(rows: list[list], count: int, by_target: bool) -> list[list[list]]:
    """Rows dealt to ``count`` writers by their first column (a node id), so no two writers
    write the same node or the same relationship. With ``by_target`` each share of
    relationship rows is sorted by target, so writers meet on shared end nodes in one order.

    >>> _partitions([["a", "y"], ["a", "x"], ["b", "x"]], 1, by_target=True)
    [[['a', 'x'], ['b', 'x'], ['a', 'y']]]
    """
    shares: list[list[list]] = [[] for _ in range(count)]
    for row in rows:
        shares[zlib.crc32(row[0].encode("utf-8")) % count].append(row)
    if by_target:
        for share in shares:
            share.sort(key=lambda row: (row[1], row[0]))
    return shares


def files_of(graph: nx.MultiDiGraph) -> list[str]:
    """Every input file the graph's facts were read from."""
    found = {f for _, d in graph.nodes(data=True) for f in d.get("sources") or ()}
    found |= {d["source_file"] for _, _, d in graph.edges(data=True) if d.get("source_file")}
    return sorted(found)


def _batches(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


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


# --- the store ----------------------------------------------------------------------------------

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
            raise self._error("cannot open a driver", error) from None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Neo4jStore:
        return cls(Neo4jSettings.from_env(environ))

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _error(self, doing: str, error: BaseException) -> StoreError:
        """A StoreError naming the server (never the password) and the reason."""
        reason = getattr(error, "message", None) or str(error) or type(error).__name__
        where = f"{self.settings.address} (database {self.settings.database})"
        return StoreError(self.settings.redact(f"neo4j at {where}: {doing}: {reason}"))

    def _guard(self, doing: str, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except (self._neo4j.exceptions.Neo4jError, self._neo4j.exceptions.DriverError, OSError) as error:
            raise self._error(doing, error) from None

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
        access mode, in which the server refuses any write.
        """
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

    def _write(self, statement: LiteralString, session=None, on_conflict: LiteralString | None = None,
               **parameters) -> list[dict]:
        """One statement in one managed write transaction (retried on transient errors). When
        it breaks a uniqueness constraint and ``on_conflict`` is given, that statement runs
        instead (a create raced by another writer becomes a merge)."""
        def work(tx, text: LiteralString):
            return [record.data() for record in tx.run(text, parameters)]

        errors = self._neo4j.exceptions

        def execute(own):
            try:
                return own.execute_write(work, statement)
            except (errors.Neo4jError, errors.DriverError) as error:
                if on_conflict is None or not _broke_a_constraint(error, errors.ConstraintError):
                    raise
                return own.execute_write(work, on_conflict)

        def call():
            if session is not None:
                return execute(session)
            with self.driver.session(database=self.settings.database) as own:
                return execute(own)
        return self._guard("write failed", call)

    def ensure_schema(self) -> None:
        """Uniqueness constraints on every merge key; indexes on ``source_file`` and ``via_id``."""
        for statement in _constraint_statements():
            self._guard("cannot create the schema", lambda s=statement: self.driver.execute_query(
                s, database_=self.settings.database))

    def drop_schema(self) -> None:
        """Drop the constraints and indexes :meth:`ensure_schema` creates (data stays)."""
        for statement in _drop_statements():
            self._guard("cannot drop the schema", lambda s=statement: self.driver.execute_query(
                s, database_=self.settings.database))

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
                stated = self._collected_writes(_edges_of_files_statement(edge), names, session)
                stale = sorted(stated - incoming_edges)
                for batch in _batches(stale, batch_size):
                    touched = self._write(_delete_edges_statement(edge), session, ids=batch)
                    report.relationships_removed += len(touched)
                    candidates.update(node for row in touched for node in row["touched"])
            for kind in NodeKind:
                candidates |= self._collected_writes(_strip_sources_statement(kind), names, session)
            report.retract_seconds = time.perf_counter() - mark

            mark = time.perf_counter()
            empty = self._empty_kinds(session)  # nothing of these held: nothing to look up
            node_work: list[Work] = []
            for (kind, columns), rows in sorted(nodes.items()):
                held = set() if kind in empty else self._held(
                    _held_nodes_statement(kind), [row[0] for row in rows], session)
                node_work += _split(rows, 0, held, _create_nodes_statement(kind, columns),
                                    _merge_nodes_statement(kind, columns))
            report.nodes = self._write_rows(node_work, batch_size, writers, by_target=False)
            report.node_seconds = time.perf_counter() - mark
            mark = time.perf_counter()
            edge_work: list[Work] = []
            for (edge, source, target, columns), rows in sorted(edges.items()):
                held = set() if edge in empty else self._held(
                    _held_edges_statement(edge), [row[2] for row in rows], session)
                edge_work += _split(rows, 2, held, _create_edges_statement(edge, source, target, columns),
                                    _merge_edges_statement(edge, source, target, columns))
            report.relationships = self._write_rows(edge_work, batch_size, writers, by_target=True,
                                                    files=names)
            report.relationship_seconds = time.perf_counter() - mark

            mark = time.perf_counter()
            report.nodes_removed = self._prune(candidates - set(graph.nodes), set(graph.nodes),
                                               batch_size, session)
            report.prune_seconds = time.perf_counter() - mark
        report.seconds = time.perf_counter() - started
        return report

    def _empty_kinds(self, session) -> set[NodeKind | EdgeType]:
        """The labels and relationship types the database holds none of (as in a first load),
        read from the count store once per load."""
        def count(statement: LiteralString) -> int:
            return self._guard("read failed", lambda: session.execute_read(
                lambda tx: tx.run(statement).single(strict=True)["n"]))
        labels = {kind for kind in NodeKind if not count(_count_nodes_statement(kind))}
        return labels | {edge for edge in EdgeType if not count(_count_edges_statement(edge))}

    def _held(self, statement: LiteralString, ids: list[str], session) -> set[str]:
        """Which of ``ids`` the database already holds (index seeks, read in large chunks)."""
        held: set[str] = set()
        for chunk in _batches(ids, LOOKUP_BATCH):
            held.update(self._guard("read failed", lambda c=chunk: session.execute_read(
                lambda tx: tx.run(statement, ids=c).single(strict=True)["ids"])))
        return held

    def _collected_writes(self, statement: LiteralString, files: list[str], session) -> set[str]:
        """The ids a statement over ``$files`` collects, run in write transactions (on the
        leader: what is retracted must not be read from a lagging replica) over chunks of
        the file names."""
        return {found for chunk in _batches(files, LOOKUP_BATCH)
                for found in self._write(statement, session, files=chunk)[0]["ids"]}

    def _write_rows(self, work: list[Work], batch_size: int, writers: int, by_target: bool,
                    **parameters) -> int:
        """Each statement over its rows in batches, the rows shared among ``writers`` sessions
        (see :func:`_partitions`); returns the number of rows written. A failure in any
        writer is raised once the others have stopped."""
        plans: list[list[Work]] = [[] for _ in range(max(writers, 1))]
        for statement, fallback, rows in work:
            for plan, share in zip(plans, _partitions(rows, len(plans), by_target), strict=True):
                if share:
                    plan.append((statement, fallback, share))

        def write(plan: list[Work]) -> int:
            written = 0
            with self._guard("cannot open a session",
                             lambda: self.driver.session(database=self.settings.database)) as session:
                for statement, fallback, rows in plan:
                    for batch in _batches(rows, batch_size):
                        self._write(statement, session, on_conflict=fallback, rows=batch, **parameters)
                        written += len(batch)
            return written

        if len(plans) == 1:
            return write(plans[0])
        with ThreadPoolExecutor(max_workers=len(plans), thread_name_prefix="vanban-neo4j") as pool:
            futures = [pool.submit(write, plan) for plan in plans]
            return sum(future.result() for future in futures)

    def _prune(self, candidates: set[str], keep: set[str], batch_size: int, session) -> int:
        """Delete the candidates left unreferenced and sourced from no file, then the
        neighbours that this leaves unreferenced, and so on: work in proportion to what
        changed, never a scan of the database."""
        removed = 0
        while candidates:
            ids = sorted(candidates - keep)
            candidates = set()
            for kind in NodeKind:
                orphans = sorted({row["id"] for batch in _batches(ids, batch_size)
                                  for row in self._write(_orphans_statement(kind), session, ids=batch)})
                for batch in _batches(orphans, batch_size):
                    freed = self._write(_delete_nodes_statement(kind), session, ids=batch)
                    removed += len(freed)
                    candidates.update(node for row in freed for node in row["near"])
        return removed
