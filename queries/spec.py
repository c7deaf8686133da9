"""The canned questions, each declared once: what it asks about, what it returns, in what
order, and the Cypher and SPARQL files that answer it.

Every back end (:mod:`.embedded`, :mod:`.cypher`, :mod:`.sparql`) answers the questions
declared here, and :func:`vanban.queries.ask.ask` puts every answer in the declared columns
and order, so the answers can be compared record for record.

>>> question("cited-by").cypher, question("cited-by").sparql, question("cited-by").subject
('cited_by.cypher', 'cited_by.rq', <NodeKind.DOCUMENT: 'Document'>)
>>> sorted(QUESTIONS) == sorted(q.name for q in QUESTIONS.values())
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import QueryError
from vanban.graph.keys import fold
from vanban.graph.vocabulary import NodeKind

__all__ = ["QUERY_DIR", "QUESTIONS", "Question", "canonical_question", "question", "task_order"]

QUERY_DIR = Path(__file__).resolve().parent


def task_order(number: str | None) -> tuple:
    """Natural order of task numbers: ``2`` before ``10``, ``II.1`` after ``I.3``.

    >>> sorted(["10", "2", "6-3", "6.1"], key=task_order)
    ['2', '6.1', '6-3', '10']
    """
    parts = (number or "").replace("-", ".").split(".")
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


@dataclass(frozen=True)
class Question:
    """One canned question.

    ``subject`` is the kind of node it asks about (``None``: no subject) and ``parameter``
    the name of the ``$parameter`` (Cypher) and the binding (SPARQL) that take the subject's
    id. ``columns`` are the keys of every record, in order; ``order`` sorts the records.
    ``transitive`` is the default of the option to follow implementation chains (``None``:
    the question has no such option); ``limit`` the default number of records (``None``: all).
    ``sparql_columns`` names the SPARQL variables that differ from the record keys.
    """

    name: str
    subject: NodeKind | None
    parameter: str | None
    columns: tuple[str, ...]
    order: Callable[[Mapping[str, Any]], tuple]
    cypher: str
    sparql: str
    transitive: bool | None = None
    limit: int | None = None
    sparql_columns: Mapping[str, str] = field(default_factory=dict)
    summary: str = ""

    def sparql_column(self, key: str) -> str:
        """The SPARQL variable holding the record key ``key``."""
        return self.sparql_columns.get(key, key)

    def parameters(self, subject: str | None, transitive: bool) -> dict[str, Any]:
        """What the question's ``.cypher`` and ``.rq`` take: the subject's id under the
        question's parameter, and ``transitive`` where the question has that option.

        >>> question("implementers").parameters("doc:54-KL/TW", True)
        {'directive': 'doc:54-KL/TW', 'transitive': True}
        >>> question("most-cited").parameters(None, True)
        {}
        """
        given: dict[str, Any] = {}
        if self.parameter is not None:
            given[self.parameter] = subject
        if self.transitive is not None:
            given["transitive"] = transitive
        return given


def _by_reference(row: Mapping[str, Any]) -> tuple:
    return (row["relation"], row["document"], row["source_file"] or "")


_QUESTIONS = (
    Question("implementers", NodeKind.DOCUMENT, "directive",
             ("document", "label", "doc_type", "date", "issuer", "depth", "lag_days"),
             lambda r: (r["depth"], r["date"] or "9999", r["document"], r["issuer"] or ""),
             "implementers.cypher", "implementers.rq", transitive=False,
             summary="documents implementing a directive, one row per issuer, with depth and lag"),
    Question("ordered", NodeKind.DOCUMENT, "directive",
             ("organ", "name", "collective", "roles", "tasks", "implemented_by", "implemented"),
             lambda r: (r["implemented"], fold(r["name"]), r["organ"]),
             "ordered.cypher", "ordered.rq", transitive=True,
             summary="bodies a directive assigned tasks to, and their implementing documents"),
    Question("cites", NodeKind.DOCUMENT, "document",
             ("document", "label", "relation", "source_file", "evidence"), _by_reference,
             "cites.cypher", "cites.rq", sparql_columns={"document": "target"},
             summary="what a document refers to (IMPLEMENTS, CITES), with the evidence"),
    Question("cited-by", NodeKind.DOCUMENT, "document",
             ("document", "label", "relation", "source_file"), _by_reference,
             "cited_by.cypher", "cited_by.rq", sparql_columns={"document": "source"},
             summary="documents that refer to this one"),
    Question("reporting-chain", NodeKind.ORGAN, "organ",
             ("depth", "from", "to", "via", "document"),
             lambda r: (r["depth"], r["from"], r["to"], r["via"] or "", r["document"] or ""),
             "reporting_chain.cypher", "reporting_chain.rq",
             summary="who an organ reports to, and onwards, through whom, by which document"),
    Question("tasks", NodeKind.ORGAN, "organ",
             ("task", "number", "role", "document", "label", "text"),
             lambda r: (r["document"] or "", task_order(r["number"]), r["role"], r["task"]),
             "tasks.cypher", "tasks.rq",
             summary="tasks assigned to an organ, with its role"),
    Question("most-cited", None, None, ("document", "label", "cited_by"),
             lambda r: (-r["cited_by"], r["document"]),
             "most_cited.cypher", "most_cited.rq", limit=10,
             summary="documents referred to by the most other documents"),
)

QUESTIONS: dict[str, Question] = {q.name: q for q in _QUESTIONS}


def question(name: str) -> Question:
    """The question called ``name``; a :class:`QueryError` names the known ones."""
    found = QUESTIONS.get(name)
    if found is None:
        raise QueryError(f"no question {name!r}; one of {', '.join(sorted(QUESTIONS))}")
    return found


def canonical_question(text: str) -> str:
    """A canned question's name as :data:`QUESTIONS` spells it, from
    either spelling, in any case (``cited_by``, ``Cited-By``).

    >>> canonical_question("cited_by"), canonical_question("Most-Cited")
    ('cited-by', 'most-cited')
    """
    return text.strip().lower().replace("_", "-")
