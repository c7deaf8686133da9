"""The canned questions answered in Cypher, from a graph stored in Neo4j.

Each question is one file next to this module (``implementers.cypher``, …) that takes only
``$parameters``. :class:`Neo4jQuestions` runs them and returns exactly the records of
:mod:`vanban.queries.questions` on the embedded graph; tests compare the two record for record.

Three steps stay in Python, on purpose, so both backends share one definition:

* ``ordered``: a collective addressee ("Các huyện ủy, thành ủy, …") counts the implementing
  documents of its members. Membership is a rule on folded (diacritic-free) names, which
  Cypher has no function for; the query returns every (issuer, document) pair in ``issued``
  and Python applies :func:`vanban.queries.questions._member_of`. Rows are ordered by folded
  name for the same reason.
* ``tasks``: task numbers sort naturally (``2`` before ``10``, ``II.1`` after ``I.3``).
* resolving what a user typed (``54-KL/TW``, title words, an organ's name) to a node id uses
  :mod:`vanban.queries.lookup` on the ids, symbols, titles and names the lookup queries fetch:
  first the nodes whose id or indexed key (symbol normalised, name folded) equals the text,
  and only when none does the wider lists (unnumbered documents, every organ).

>>> from vanban.queries.questions import QUESTIONS
>>> sorted(QUESTION_FILES) == sorted(QUESTIONS)
True
>>> load_cypher("cites").startswith("//")
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, LiteralString, cast

import networkx as nx

from vanban.errors import QueryError
from vanban.graph.neo4j_store import Neo4jStore, lookup_keys
from vanban.graph.vocabulary import NodeKind
from vanban.loaders.text import fold
from vanban.queries.lookup import find_document, find_organ
from vanban.queries.questions import _member_of, _task_order

__all__ = ["QUESTION_FILES", "Neo4jQuestions", "cypher_files", "load_cypher"]

QUERY_DIR = Path(__file__).parent

# question name (as in vanban.queries.questions.QUESTIONS) -> file stem
QUESTION_FILES = {
    "implementers": "implementers",
    "ordered": "ordered",
    "cites": "cites",
    "cited-by": "cited_by",
    "reporting-chain": "reporting_chain",
    "tasks": "tasks",
    "most-cited": "most_cited",
}


def cypher_files() -> dict[str, Path]:
    """Every bundled query, by name (file stem)."""
    return {path.stem: path for path in sorted(QUERY_DIR.glob("*.cypher"))}


@cache
def load_cypher(name: str) -> LiteralString:
    """The text of a bundled query, by question name (``cited-by``) or file stem (``cited_by``).

    Queries are files shipped with vanban, never built from input: the text is as literal as a
    string in the source.
    """
    stem = QUESTION_FILES.get(name, name)
    path = cypher_files().get(stem)
    if path is None:
        raise QueryError(f"no bundled query {name!r}; known: {', '.join(sorted(cypher_files()))}")
    return cast(LiteralString, path.read_text(encoding="utf-8"))


class Neo4jQuestions:
    """The canned questions over a :class:`Neo4jStore`; same names, arguments and records as
    the functions of :mod:`vanban.queries.questions` (without the graph argument).

    >>> with Neo4jStore.from_env() as store:  # doctest: +SKIP
    ...     ask = Neo4jQuestions(store)
    ...     ask.implementers(ask.find_document("54-KL/TW"), transitive=True)
    """

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store

    def _run(self, name: str, **parameters: Any) -> list[dict]:
        return self.store.read(load_cypher(name), parameters)

    # --- resolving names -----------------------------------------------------------------------

    def _lookup_graph(self, name: str, kind: str, **parameters: Any) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        for row in self._run(name, **parameters):
            graph.add_node(row.pop("id"), kind=kind, **row)
        return graph

    def find_document(self, text: str) -> str:
        """The one document ``text`` names (as :func:`vanban.queries.lookup.find_document`).

        The documents with that id or symbol come from index seeks; the title search reads
        only the documents without a symbol, and only when nothing matched exactly.
        """
        keys = lookup_keys({"kind": NodeKind.DOCUMENT.value, "symbol": text})
        exact = self._lookup_graph("lookup_document_exact", "Document", id=text, **keys)
        if exact.number_of_nodes():
            return find_document(exact, text)
        return find_document(self._lookup_graph("lookup_documents", "Document"), text)

    def find_organ(self, text: str) -> str:
        """The organ ``text`` names (as :func:`vanban.queries.lookup.find_organ`): the id or
        the exact name by index seeks, else the one name containing it, among all organs."""
        keys = lookup_keys({"kind": NodeKind.ORGAN.value, "name": text})
        exact = self._lookup_graph("lookup_organ_exact", "Organ", id=text, **keys)
        if exact.number_of_nodes():
            return find_organ(exact, text)
        return find_organ(self._lookup_graph("lookup_organs", "Organ"), text)

    # --- the questions -------------------------------------------------------------------------

    def implementers(self, directive: str, transitive: bool = False) -> list[dict]:
        return self._run("implementers", document=directive, transitive=transitive)

    def ordered_not_implementing(self, directive: str, transitive: bool = True) -> list[dict]:
        rows = []
        for row in self._run("ordered", document=directive, transitive=transitive):
            issued = row.pop("issued")
            by = set(row["implemented_by"])
            if row["collective"]:
                by |= {pair["document"] for pair in issued if _member_of(pair["name"], row["name"])}
            rows.append({**row, "roles": sorted(r for r in row["roles"] if r),
                         "tasks": sorted(row["tasks"], key=_task_order),
                         "implemented_by": sorted(by), "implemented": bool(by)})
        return sorted(rows, key=lambda r: (r["implemented"], fold(r["name"])))

    def cites(self, document: str) -> list[dict]:
        return self._run("cites", document=document)

    def cited_by(self, document: str) -> list[dict]:
        return self._run("cited-by", document=document)

    def reporting_chain(self, organ: str) -> list[dict]:
        return self._run("reporting-chain", organ=organ)

    def assigned_tasks(self, organ: str) -> list[dict]:
        rows = self._run("tasks", organ=organ)
        return sorted(rows, key=lambda r: (r["document"] or "", _task_order(r["number"]), r["role"]))

    def most_cited(self, limit: int = 10) -> list[dict]:
        return self._run("most-cited", limit=limit)

    @property
    def questions(self) -> dict[str, Any]:
        """Question name -> bound method, keyed like ``vanban.queries.questions.QUESTIONS``."""
        return {
            "implementers": self.implementers,
            "ordered": self.ordered_not_implementing,
            "cites": self.cites,
            "cited-by": self.cited_by,
            "reporting-chain": self.reporting_chain,
            "tasks": self.assigned_tasks,
            "most-cited": self.most_cited,
        }
