"""The SPARQL back end: the canned questions answered from the RDF export, on rdflib or Oxigraph.

Each question is one file next to this module (``implementers.rq``, …) that takes its subject
as a **binding** named as :mod:`.spec` declares (``?directive``, ``?document``, ``?organ``)
and ``?transitive`` where the question has it. Values are always bindings (rdflib's
``initBindings``, Oxigraph's ``substitutions``), never pasted into query text.
:class:`SparqlBackend` shapes the rows exactly like the records of the embedded back end:
list columns come back as ``GROUP_CONCAT`` strings joined with U+001F, split and sorted here.

Only questions are asked: :func:`check_query` refuses, before any engine sees it, a query that
would reach another server or change data — ``SERVICE`` (a federated query: rdflib and
Oxigraph both send it over HTTP), a dataset clause ``FROM``/``FROM NAMED`` (rdflib loads the
graph it names from the web) and every SPARQL Update operation.

Subjects are resolved as on every back end (:mod:`.resolve`): the export writes each
document's ``vb:symbolKey`` and each organ's ``vb:foldedName``, which the exact lookups bind.

>>> import networkx as nx
>>> from vanban.graph.rdf.sparql import open_engine
>>> g = nx.MultiDiGraph()
>>> g.add_node("organ:a", kind="Organ", name="Ban Dân vận Trung ương", collective=False)
>>> backend = SparqlBackend(open_engine(g, engine="rdflib"))
>>> backend.exact(NodeKind.ORGAN, "ban dan van trung uong", "ban dan van trung uong")
[Candidate(id='organ:a', symbol=None, text='Ban Dân vận Trung ương')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from vanban.errors import QueryError
from vanban.graph.rdf.sparql import SparqlEngine
from vanban.graph.vocabulary import NodeKind
from vanban.queries.backend import DOCUMENT_FIELDS, Candidate
from vanban.queries.spec import QUERY_DIR, Question, question, task_order

__all__ = ["SparqlBackend", "check_query", "question_text", "refusal"]

_SEP = "\u001f"
_PREFIXES = """PREFIX vb: <https://w3id.org/vanban/ns#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
_DOCUMENT_FIELDS = """  OPTIONAL { ?d eli:number ?symbol }
  OPTIONAL { ?d dcterms:title ?title }"""

# The subject lookups, each on one plain triple pattern over the bound variable (so Oxigraph
# applies the binding first: see docs/rdf.md).
_LOOKUPS = {
    (NodeKind.DOCUMENT, "id"): _PREFIXES + """SELECT ?id ?symbol ?title WHERE {
  ?d dcterms:identifier ?id ; a vb:Document .
""" + _DOCUMENT_FIELDS + "\n}",
    (NodeKind.DOCUMENT, "key"): _PREFIXES + """SELECT ?key ?id ?symbol ?title WHERE {
  ?d vb:symbolKey ?key ; dcterms:identifier ?id .
""" + _DOCUMENT_FIELDS + "\n}",
    (NodeKind.DOCUMENT, "searchable"): _PREFIXES + """SELECT ?id ?symbol ?title WHERE {
  ?d a vb:Document ; dcterms:identifier ?id .
  FILTER NOT EXISTS { ?d vb:symbolKey ?key }
""" + _DOCUMENT_FIELDS + "\n}",
    (NodeKind.ORGAN, "id"): _PREFIXES + """SELECT ?id ?name WHERE {
  ?o dcterms:identifier ?id ; a org:Organization ; skos:prefLabel ?name .
}""",
    (NodeKind.ORGAN, "key"): _PREFIXES + """SELECT ?key ?id ?name WHERE {
  ?o vb:foldedName ?key ; dcterms:identifier ?id ; skos:prefLabel ?name .
}""",
    (NodeKind.ORGAN, "searchable"): _PREFIXES + """SELECT ?id ?name WHERE {
  ?o a org:Organization ; dcterms:identifier ?id ; skos:prefLabel ?name .
}""",
}
_DOCUMENT = _PREFIXES + """SELECT ?id ?symbol ?doc_type ?date ?title ?source WHERE {
  ?d dcterms:identifier ?id ; a vb:Document .
  OPTIONAL { ?d vb:docType ?doc_type }
  OPTIONAL { ?d eli:date_document ?day }
  BIND(STR(?day) AS ?date)
  OPTIONAL { ?d prov:wasDerivedFrom/dcterms:identifier ?source }
""" + _DOCUMENT_FIELDS + "\n}"


# SPARQL reads an escape \\uXXXX or \\UXXXXXXXX anywhere in a query as the character it names.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Strings, IRIs and comments: a keyword inside them is not one.
_LEXEMES = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                      r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>'
                      r'|#[^\n\r]*', re.S)
# A keyword is a word not glued to a name: not after a letter, digit, "_", "-", ":", "?" or "$"
# (``?service``, ``ex:from``, ``ex:x-load``), not before one of them nor ":" (``service:x``).
_REFUSED = re.compile(r"(?<![\w:?$-])(SERVICE|FROM|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)"
                      r"(?![\w:-])", re.IGNORECASE)
_WHY = {
    "SERVICE": "SERVICE is refused: a federated query would send a request to another server",
    "FROM": "FROM is refused: a dataset clause may load a graph from the web; queries run on the export",
}


def refusal(query: str) -> str | None:
    """Why ``query`` may not run (a federated query, a dataset clause, an update), or None.

    Keywords are looked for after escapes are read and outside strings, IRIs and comments.

    >>> refusal("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    'SERVICE is refused: a federated query would send a request to another server'
    >>> refusal('SELECT ?service WHERE { ?s <http://x/from> "LOAD" } # DROP ALL') is None
    True
    >>> refusal("SELECT * WHERE { ?s ?p ?o .\\u0053ERVICE <http://x/> {} }")[:7]
    'SERVICE'
    >>> refusal("PREFIX ex: <http://x/> INSERT DATA { ex:a ex:b ex:c }")
    'INSERT is refused: SPARQL Update changes data, and only questions are asked here'
    """
    found = _REFUSED.search(_LEXEMES.sub(" ", _ESCAPE.sub(_unescaped, query)))
    if found is None:
        return None
    keyword = found.group(1).upper()
    return _WHY.get(keyword, f"{keyword} is refused: SPARQL Update changes data, "
                             "and only questions are asked here")


def _unescaped(m: re.Match[str]) -> str:
    code = int(m.group(1) or m.group(2), 16)
    return chr(code) if code < 0x110000 else m.group()


def check_query(query: str) -> str:
    """``query`` itself, or :class:`QueryError` (one line) when :func:`refusal` gives a reason.

    >>> check_query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    'SELECT * WHERE { ?s ?p ?o } LIMIT 1'
    """
    reason = refusal(query)
    if reason is not None:
        raise QueryError(f"SPARQL: {reason}")
    return query


@cache
def question_text(name: str) -> str:
    """The SPARQL text of a canned question, by name (``cited-by``)."""
    return (QUERY_DIR / question(name).sparql).read_text(encoding="utf-8")


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(_SEP) if v]


def _ordered_shape(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "collective": bool(row["collective"]), "roles": sorted(_split(row["roles"])),
            "tasks": sorted(set(_split(row["tasks"])), key=task_order),
            "implemented_by": sorted(set(_split(row["implemented_by"]))),
            "implemented": bool(row["implemented"])}


class SparqlBackend:
    """The questions of :mod:`vanban.queries.spec` over a SPARQL engine
    (:func:`vanban.graph.rdf.sparql.open_engine` or :func:`~vanban.graph.rdf.sparql.load_engine`)."""

    def __init__(self, engine: SparqlEngine) -> None:
        self.engine = engine
        self.name = f"sparql ({engine.name})"

    def answer(self, question: Question, subject: str | None, *, transitive: bool,
               limit: int | None) -> list[dict[str, Any]]:
        _, rows = self.engine.select(question_text(question.name), question.parameters(subject, transitive))
        records = [{key: row.get(question.sparql_column(key)) for key in question.columns} for row in rows]
        return [_ordered_shape(r) for r in records] if question.name == "ordered" else records

    def exact(self, kind: NodeKind, text: str, key: str) -> list[Candidate]:
        by_id = self.engine.select(_LOOKUPS[(kind, "id")], {"id": text})[1]
        by_key = self.engine.select(_LOOKUPS[(kind, "key")], {"key": key})[1]
        return [Candidate.of(kind, {**row, "id": text}) for row in by_id] + [
            Candidate.of(kind, row) for row in by_key]

    def searchable(self, kind: NodeKind) -> list[Candidate]:
        return [Candidate.of(kind, row) for row in self.engine.select(_LOOKUPS[(kind, "searchable")])[1]]

    def documents(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for node in sorted(set(ids)):
            rows = self.engine.select(_DOCUMENT, {"id": node})[1]
            if rows:
                fields = {field: rows[0].get(field) for field in DOCUMENT_FIELDS if field != "sources"}
                sources = sorted({row["source"] for row in rows if row.get("source")})
                out[node] = {**fields, "sources": sources}
        return out

