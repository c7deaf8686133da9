"""Asking a canned question of any back end: the subject resolved, the answer in the declared
columns and order.

>>> import networkx as nx
>>> from vanban.queries.embedded import GraphBackend
>>> g = nx.MultiDiGraph()
>>> g.add_node("doc:54-KL/TW", kind="Document", symbol="54-KL/TW")
>>> g.add_node("doc:1154-CV/TU", kind="Document", symbol="1154-CV/TU")
>>> _ = g.add_edge("doc:1154-CV/TU", "doc:54-KL/TW", type="CITES", source_file="a.txt")
>>> [r["document"] for r in ask(GraphBackend(g), "cited-by", "54-kl/tw")]
['doc:1154-CV/TU']
"""

from __future__ import annotations

from typing import Any

from vanban.errors import QueryError
from vanban.graph.labels import short_document_name
from vanban.queries.backend import Backend
from vanban.queries.resolve import resolve, resolve_document
from vanban.queries.spec import canonical_question, question

__all__ = ["ask", "canonical_question", "document_names", "implementers_report"]


def ask(backend: Backend, name: str, subject: str | None = None, *, transitive: bool | None = None,
        limit: int | None = None) -> list[dict[str, Any]]:
    """The records of the question ``name`` about ``subject`` (an id, a symbol, title words or
    an organ's name, resolved by :mod:`.resolve`), in the question's columns and order.

    ``transitive`` and ``limit`` default to the question's own defaults; a question without
    such an option ignores it.
    """
    spec = question(canonical_question(name))
    node = None
    if spec.subject is not None:
        if subject is None:
            raise QueryError(f"'{name}' needs a {spec.parameter}")
        node = resolve(backend, spec.subject, subject)
    follow = spec.transitive if transitive is None or spec.transitive is None else transitive
    count = spec.limit if limit is None else limit
    records = backend.answer(spec, node, transitive=bool(follow), limit=count)
    records = [{column: record[column] for column in spec.columns} for record in records]
    records.sort(key=spec.order)
    return records[:count] if spec.limit is not None and count is not None else records


def implementers_report(backend: Backend, text: str, transitive: bool = False) -> dict[str, Any]:
    """What ``vanban implementers`` prints: the directive's id (``directive``) and fields
    (``root``), the ``implementers`` and ``ordered`` records (the latter following chains),
    and ``short``, the short name of every document named."""
    directive = resolve_document(backend, text)
    bodies = ask(backend, "implementers", directive, transitive=transitive)
    ordered = ask(backend, "ordered", directive, transitive=True)
    named = {directive} | {r["document"] for r in bodies} | {d for r in ordered for d in r["implemented_by"]}
    documents = backend.documents(sorted(named))
    short = {node: short_document_name(attrs) for node, attrs in documents.items()}
    return {"directive": directive, "root": documents.get(directive, {}), "implementers": bodies,
            "ordered": ordered, "short": short}


def document_names(backend: Backend, records: list[dict[str, Any]]) -> dict[str, str]:
    """The name every command gives each document the records name (in a ``document`` or
    ``implemented_by`` column): its symbol, or its type and first file
    (:func:`~vanban.graph.labels.short_document_name`).

    >>> import networkx as nx
    >>> from vanban.queries.embedded import GraphBackend
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("doc:a.txt#0", kind="Document", doc_type="Kế hoạch", sources=["a.txt"])
    >>> document_names(GraphBackend(g), [{"document": "doc:a.txt#0"}])
    {'doc:a.txt#0': 'Kế hoạch [a.txt]'}
    """
    ids = {r["document"] for r in records if isinstance(r.get("document"), str)}
    ids |= {d for r in records for d in r.get("implemented_by") or ()}
    return {node: short_document_name(attrs) for node, attrs in backend.documents(sorted(ids)).items()}
