"""Cypher statements the store runs, built from the closed vocabulary and the schema.

Cypher cannot take a label or a relationship type as a ``$parameter``, so the statements that
name one are formatted here, once, from the members of :class:`NodeKind` and
:class:`EdgeType`: values from the vocabulary module, never from input files or users. Every
value in every statement is a ``$parameter``. :func:`_name` re-checks each name, so an edit
to the enums cannot smuggle Cypher in; property names are checked the same way.

>>> count_nodes_statement(NodeKind.TASK)
'MATCH (n:Task) RETURN count(n) AS n'
"""

from __future__ import annotations

import re
from typing import LiteralString, cast

from vanban.errors import StoreError
from vanban.graph.schema import STORE_KEYS
from vanban.graph.vocabulary import EdgeType, NodeKind

__all__ = [
    "LOOKUP_KEYS",
    "constraint_statements",
    "count_edges_statement",
    "count_nodes_statement",
    "create_edges_statement",
    "create_nodes_statement",
    "delete_edges_statement",
    "delete_nodes_statement",
    "drop_statements",
    "edges_of_files_statement",
    "held_edges_statement",
    "held_nodes_statement",
    "merge_edges_statement",
    "merge_nodes_statement",
    "orphans_statement",
    "strip_sources_statement",
]


def _name(member: NodeKind | EdgeType) -> LiteralString:
    if not re.fullmatch(r"[A-Z][A-Za-z_]*", member.value):
        raise ValueError(f"not a plain Cypher name: {member.value!r}")
    return cast(LiteralString, member.value)


def _plain(name: str) -> LiteralString:
    if not re.fullmatch(r"[a-z][a-z_]*", name):
        raise ValueError(f"not a plain property name: {name!r}")
    return cast(LiteralString, name)


# Indexed lookup keys: (label, property) of what users type to name a question's subject,
# from the schema's store keys (the label of every node is not looked up).
LOOKUP_KEYS: tuple[tuple[LiteralString, LiteralString], ...] = tuple(
    (_name(key.kind), _plain(key.neo4j)) for key in STORE_KEYS if key.kind is not None and key.neo4j)


def constraint_statements() -> list[LiteralString]:
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
    for label, key in LOOKUP_KEYS:
        statements.append("CREATE INDEX vanban_" + label.lower() + "_" + key + " IF NOT EXISTS "
                          "FOR (n:" + label + ") ON (n." + key + ")")
    return statements


def drop_statements() -> list[LiteralString]:
    statements: list[LiteralString] = []
    for kind in NodeKind:
        statements.append("DROP CONSTRAINT vanban_" + _name(kind).lower() + "_id IF EXISTS")
    for edge in EdgeType:
        rel = _name(edge).lower()
        statements.append("DROP CONSTRAINT vanban_" + rel + "_edge_id IF EXISTS")
        statements.append("DROP INDEX vanban_" + rel + "_source_file IF EXISTS")
    statements.append("DROP INDEX vanban_" + _name(EdgeType.REPORTS_TO).lower() + "_via_id IF EXISTS")
    for label, key in LOOKUP_KEYS:
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


def merge_nodes_statement(kind: NodeKind, names: tuple[str, ...]) -> LiteralString:
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


def merge_edges_statement(edge: EdgeType, source: NodeKind, target: NodeKind,
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


def create_nodes_statement(kind: NodeKind, names: tuple[str, ...]) -> LiteralString:
    # Rows as for merging, of nodes the database does not hold: created with every property
    # at once, which costs the server about a fifth less than a MERGE followed by SET (a null
    # value creates no property).
    properties = ["id: row[0]", "sources: row[1]", *_inline_properties(names, 2)]
    return ("UNWIND $rows AS row CREATE (n:" + _name(kind) + " {"
            + cast(LiteralString, ", ".join(properties)) + "})")


def create_edges_statement(edge: EdgeType, source: NodeKind, target: NodeKind,
                            names: tuple[str, ...]) -> LiteralString:
    # Rows as for merging, of relationships the database does not hold.
    properties = ["edge_id: row[2]", *_inline_properties(names, 3)]
    return ("UNWIND $rows AS row "
            "MATCH (a:" + _name(source) + " {id: row[0]}) "
            "MATCH (b:" + _name(target) + " {id: row[1]}) "
            "CREATE (a)-[r:" + _name(edge) + " {" + cast(LiteralString, ", ".join(properties)) + "}]->(b)")


def count_nodes_statement(kind: NodeKind) -> LiteralString:
    return "MATCH (n:" + _name(kind) + ") RETURN count(n) AS n"  # from the count store


def count_edges_statement(edge: EdgeType) -> LiteralString:
    return "MATCH ()-[r:" + _name(edge) + "]->() RETURN count(r) AS n"  # from the count store


# Statements that return many ids return them as one list (``ids``) in one record: the
# driver takes a record at a time, and streaming 100,000 one-id records costs seconds where a
# single list of them costs a fraction of one.

def held_nodes_statement(kind: NodeKind) -> LiteralString:
    return "UNWIND $ids AS id MATCH (n:" + _name(kind) + " {id: id}) RETURN collect(n.id) AS ids"


def held_edges_statement(edge: EdgeType) -> LiteralString:
    return ("UNWIND $ids AS id MATCH ()-[r:" + _name(edge) + " {edge_id: id}]->() "
            "RETURN collect(r.edge_id) AS ids")


def edges_of_files_statement(edge: EdgeType) -> LiteralString:
    return ("MATCH ()-[r:" + _name(edge) + "]->() WHERE r.source_file IN $files "
            "RETURN collect(r.edge_id) AS ids")


def delete_edges_statement(edge: EdgeType) -> LiteralString:
    # Returns the nodes the deleted relationships touched (and a reporting line's ``via``):
    # the only nodes the deletion can leave unreferenced.
    return ("UNWIND $ids AS id MATCH (a)-[r:" + _name(edge) + " {edge_id: id}]->(b) "
            "WITH r, [a.id, b.id] + CASE WHEN r.via_id IS NULL THEN [] ELSE [r.via_id] END AS touched "
            "DELETE r RETURN touched")


def strip_sources_statement(kind: NodeKind) -> LiteralString:
    return ("MATCH (n:" + _name(kind) + ") WHERE any(s IN n.sources WHERE s IN $files) "
            "SET n.sources = [s IN n.sources WHERE NOT s IN $files] RETURN collect(n.id) AS ids")


def orphans_statement(kind: NodeKind) -> LiteralString:
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


def delete_nodes_statement(kind: NodeKind) -> LiteralString:
    # Returns the neighbours of the deleted nodes: the next candidates (an organ's parent is
    # unreferenced once the organ is gone).
    return ("UNWIND $ids AS id MATCH (n:" + _name(kind) + " {id: id}) "
            "WITH n, COLLECT { MATCH (n)--(m) RETURN DISTINCT m.id } AS near "
            "DETACH DELETE n RETURN near")
