"""The Neo4j back end: the canned questions answered in Cypher from a graph stored in Neo4j.

Each question is one file next to this module (``implementers.cypher``, …) that takes only
``$parameters``: the subject's id under the name :mod:`.spec` declares, and ``$transitive``
or ``$limit`` where the question has them. :class:`Neo4jBackend` runs them and gives exactly
the records of the embedded back end; tests compare the two record for record.

Two steps stay in Python, on purpose, so every back end shares one definition:

* ``ordered``: a collective addressee ("Các huyện ủy, thành ủy, …") counts the implementing
  documents of its members. Membership is a rule on folded (diacritic-free) names, which
  Cypher has no function for; the query returns every (issuer, document) pair in ``issued``
  and Python applies :func:`vanban.queries.questions.member_of`.
* resolving what a user typed (:mod:`.resolve`): the lookup queries fetch the candidates,
  first the nodes whose id or indexed key (``symbol_key``, ``name_key``) equals the text,
  and only when none does the wider lists (documents without a key, every organ).

>>> from vanban.queries.spec import QUESTIONS
>>> all(load_cypher(q.cypher).startswith("//") for q in QUESTIONS.values())
True
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, LiteralString, cast

from vanban.errors import QueryError
from vanban.graph.neo4j import Neo4jStore
from vanban.graph.vocabulary import NodeKind
from vanban.queries.backend import DOCUMENT_FIELDS, Candidate
from vanban.queries.questions import member_of
from vanban.queries.spec import QUERY_DIR, Question, task_order

__all__ = ["Neo4jBackend", "cypher_files", "load_cypher"]


def cypher_files() -> dict[str, Path]:
    """Every bundled query, by name (file stem)."""
    return {path.stem: path for path in sorted(QUERY_DIR.glob("*.cypher"))}


@cache
def load_cypher(name: str) -> LiteralString:
    """The text of a bundled query, by file name (``cited_by.cypher``) or stem (``cited_by``).

    Queries are files shipped with vanban, never built from input: the text is as literal as a
    string in the source.
    """
    path = cypher_files().get(name.removesuffix(".cypher"))
    if path is None:
        raise QueryError(f"no bundled query {name!r}; known: {', '.join(sorted(cypher_files()))}")
    return cast(LiteralString, path.read_text(encoding="utf-8"))


# Lookup queries by node kind: the exact one (by index) and the wide one.
_EXACT = {NodeKind.DOCUMENT: ("lookup_document_exact", "symbol_key"),
          NodeKind.ORGAN: ("lookup_organ_exact", "name_key")}
_SEARCHABLE = {NodeKind.DOCUMENT: "lookup_documents", NodeKind.ORGAN: "lookup_organs"}


class Neo4jBackend:
    """The questions of :mod:`vanban.queries.spec` over a :class:`~vanban.graph.neo4j.Neo4jStore`.

    >>> with Neo4jStore.from_env() as store:  # doctest: +SKIP
    ...     ask(Neo4jBackend(store), "implementers", "54-KL/TW", transitive=True)
    """

    name = "neo4j"

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store

    def _run(self, query: str, **parameters: Any) -> list[dict[str, Any]]:
        return self.store.read(load_cypher(query), parameters)

    def answer(self, question: Question, subject: str | None, *, transitive: bool,
               limit: int | None) -> list[dict[str, Any]]:
        parameters = question.parameters(subject, transitive)
        if question.limit is not None:  # the query keeps the first $limit records
            parameters["limit"] = limit if limit is not None else question.limit
        rows = self._run(question.cypher, **parameters)
        return [_members_counted(row) for row in rows] if question.name == "ordered" else rows

    def exact(self, kind: NodeKind, text: str, key: str) -> list[Candidate]:
        query, key_name = _EXACT[kind]
        return [Candidate.of(kind, row) for row in self._run(query, id=text, **{key_name: key})]

    def searchable(self, kind: NodeKind) -> list[Candidate]:
        return [Candidate.of(kind, row) for row in self._run(_SEARCHABLE[kind])]

    def documents(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        rows = self._run("documents", ids=sorted(set(ids)))
        return {row["id"]: {field: row.get(field) for field in DOCUMENT_FIELDS} for row in rows}


def _members_counted(row: dict[str, Any]) -> dict[str, Any]:
    """An ``ordered`` row with the implementing documents of a collective's members counted."""
    issued = row.pop("issued")
    by = set(row["implemented_by"])
    if row["collective"]:
        by |= {pair["document"] for pair in issued if member_of(pair["name"], row["name"])}
    roles, tasks = sorted(r for r in row["roles"] if r), sorted(row["tasks"], key=task_order)
    return {**row, "roles": roles, "tasks": tasks, "implemented_by": sorted(by), "implemented": bool(by)}
