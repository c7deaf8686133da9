"""The SPARQL 1.1 protocol at ``/sparql``: what a request asks, in which format, and what is refused.

A query comes as ``GET /sparql?query=…``, as ``POST`` of a form with ``query=…``, or as
``POST`` with the query as the body (``application/sparql-query``); ``default-graph-uri`` and
``named-graph-uri`` may name the dataset. The result format follows the ``Accept`` header
(SPARQL JSON, CSV, TSV or XML for solutions and booleans; Turtle, N-Triples or RDF/XML for
graphs), or a ``format`` parameter (``json``, ``csv``, ``tsv``, ``xml``, ``turtle``, ``nt``).

The endpoint is read-only and makes no request of its own: an ``update`` parameter or an
update body is refused here, and the query itself goes through
:func:`vanban.queries.sparql.refusal` (``SERVICE``, dataset clauses and update operations
refused before anything runs), as ``vanban sparql`` does.

>>> choice = negotiate("text/csv;q=0.9, application/sparql-results+json, application/rdf+xml", None)
>>> choice.results.name, choice.graph.name
('json', 'rdfxml')
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FORMATS", "Choice", "ResultFormat", "negotiate"]


@dataclass(frozen=True)
class ResultFormat:
    """A result format: its name, media type, and the pyoxigraph format names it maps to (for
    solutions and booleans, and for graphs)."""

    name: str
    media_type: str
    results: str | None
    graph: str | None


FORMATS: dict[str, ResultFormat] = {
    f.name: f
    for f in (
        ResultFormat("json", "application/sparql-results+json", "JSON", None),
        ResultFormat("xml", "application/sparql-results+xml", "XML", None),
        ResultFormat("csv", "text/csv", "CSV", None),
        ResultFormat("tsv", "text/tab-separated-values", "TSV", None),
        ResultFormat("turtle", "text/turtle", None, "TURTLE"),
        ResultFormat("nt", "application/n-triples", None, "N_TRIPLES"),
        ResultFormat("rdfxml", "application/rdf+xml", None, "RDF_XML"),
    )
}
_BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS.values()} | {
    "application/json": FORMATS["json"],
    "application/xml": FORMATS["xml"],
    "text/xml": FORMATS["xml"],
    "text/plain": FORMATS["nt"],
    "application/x-turtle": FORMATS["turtle"],
}


@dataclass(frozen=True)
class Choice:
    """The formats a request accepts: one for solutions and booleans, one for graphs (the
    query's form decides which one is used)."""

    results: ResultFormat | None
    graph: ResultFormat | None


def negotiate(accept: str | None, requested: str | None) -> Choice:
    """The formats a ``format`` parameter names, else the best of the ``Accept`` header's media
    types that the endpoint writes, for solutions and for graphs apart (SPARQL JSON and Turtle
    when the header allows anything); a kind the header names nothing for is None."""
    if requested:
        chosen = FORMATS.get(requested.lower())
        if chosen is None:
            return Choice(None, None)
        return Choice(chosen, FORMATS["turtle"]) if chosen.results else Choice(FORMATS["json"], chosen)
    if not accept or not accept.strip():
        return Choice(FORMATS["json"], FORMATS["turtle"])
    choices = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            choices.append((-quality, position, media.lower()))
    results = graph = None
    for _, _, media in sorted(choices):
        if media in ("*/*", "application/*", "text/*"):
            wild = FORMATS["csv"] if media == "text/*" else FORMATS["json"]
            results = results or wild
            graph = graph or FORMATS["turtle"]
        found = _BY_MEDIA_TYPE.get(media)
        if found is not None and found.results:
            results = results or found
        elif found is not None:
            graph = graph or found
    return Choice(results, graph)
