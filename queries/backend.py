"""What every back end offers the questions: answers, and the nodes a typed name may mean.

The embedded graph (:class:`vanban.queries.embedded.GraphBackend`), Neo4j
(:class:`vanban.queries.cypher.Neo4jBackend`) and SPARQL
(:class:`vanban.queries.sparql.SparqlBackend`) implement :class:`Backend`; the questions
(:mod:`.spec`), the subject resolver (:mod:`.resolve`) and :func:`vanban.queries.ask.ask` are
written once against it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, Protocol

from vanban.graph.vocabulary import NodeKind
from vanban.queries.spec import Question

__all__ = ["DOCUMENT_FIELDS", "Backend", "Candidate"]

# What :meth:`Backend.documents` gives of each document: enough for its short name and heading.
DOCUMENT_FIELDS = ("symbol", "doc_type", "date", "title", "sources")


class Candidate(NamedTuple):
    """A node a typed name may mean: its id, and its symbol and title (a document) or its name
    (an organ, in ``text``)."""

    id: str
    symbol: str | None = None
    text: str | None = None

    @classmethod
    def of(cls, kind: NodeKind, row: Mapping[str, Any]) -> Candidate:
        """The candidate in a lookup's row (``id``, ``symbol``, ``title``; or ``id``, ``name``).

        >>> Candidate.of(NodeKind.ORGAN, {"id": "organ:a", "name": "Ban A"})
        Candidate(id='organ:a', symbol=None, text='Ban A')
        """
        if kind is NodeKind.DOCUMENT:
            return cls(row["id"], row.get("symbol"), row.get("title"))
        return cls(row["id"], None, row.get("name"))


class Backend(Protocol):
    """A graph the canned questions can be asked of."""

    name: str

    def answer(self, question: Question, subject: str | None, *, transitive: bool,
               limit: int | None) -> list[dict[str, Any]]:
        """The records of ``question`` about the node with id ``subject``, with the question's
        columns, in any order (:func:`vanban.queries.ask.ask` sorts them)."""
        ...

    def exact(self, kind: NodeKind, text: str, key: str) -> list[Candidate]:
        """The nodes of ``kind`` whose id is ``text`` or whose lookup key is ``key`` (a
        document's :func:`~vanban.graph.keys.symbol_key`, an organ's
        :func:`~vanban.graph.keys.name_key`): index seeks where the back end has indexes."""
        ...

    def searchable(self, kind: NodeKind) -> list[Candidate]:
        """Where a name is searched when nothing matched exactly: documents without a symbol
        key (by their titles; every document of data written without keys), every organ (by
        its name)."""
        ...

    def documents(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The :data:`DOCUMENT_FIELDS` of the documents with these ids (those it holds)."""
        ...
