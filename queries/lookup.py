"""Finding documents and organs in a graph by what users type."""

from __future__ import annotations

import networkx as nx

from vanban.errors import QueryError
from vanban.loaders.symbols import normalize_symbol
from vanban.loaders.text import fold

__all__ = ["document_label", "find_document", "find_documents", "find_organ", "short_document_name"]


def document_label(attrs: dict, width: int = 60) -> str:
    """A short label: the symbol, else the title cut to ``width``, else a name."""
    text = attrs.get("symbol") or attrs.get("title") or attrs.get("name") or attrs.get("number") or ""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def short_document_name(attrs: dict) -> str:
    """The symbol, or the type and first source file of a document without a number.

    >>> short_document_name({"symbol": "54-KL/TW"})
    '54-KL/TW'
    >>> short_document_name({"doc_type": "Kế hoạch", "sources": ["a.txt"]})
    'Kế hoạch [a.txt]'
    """
    if attrs.get("symbol"):
        return attrs["symbol"]
    source = (attrs.get("sources") or ["?"])[0]
    return f"{attrs.get('doc_type') or 'document'} [{source}]"


def find_documents(graph: nx.MultiDiGraph, text: str) -> list[str]:
    """Ids of documents whose id, symbol or title matches ``text`` (symbol exactly)."""
    if text in graph and graph.nodes[text].get("kind") == "Document":
        return [text]
    wanted = normalize_symbol(text)
    hits = [n for n, d in graph.nodes(data=True)
            if d.get("kind") == "Document" and d.get("symbol")
            and normalize_symbol(d["symbol"]) == wanted]
    if hits:
        return sorted(hits)
    key = fold(text)
    return sorted(n for n, d in graph.nodes(data=True)
                  if d.get("kind") == "Document" and not d.get("symbol") and key
                  and key in fold(d.get("title")))


def find_document(graph: nx.MultiDiGraph, text: str) -> str:
    """The one document ``text`` names; an error lists the candidates when it is ambiguous."""
    hits = find_documents(graph, text)
    if not hits:
        raise QueryError(f"no document {text!r} in the graph")
    if len(hits) > 1:
        raise QueryError(f"{text!r} names {len(hits)} documents; pass one id: {', '.join(hits)}")
    return hits[0]


def find_organ(graph: nx.MultiDiGraph, text: str) -> str:
    """The organ named ``text`` (id, exact folded name, else the one name containing it)."""
    if text in graph and graph.nodes[text].get("kind") == "Organ":
        return text
    key = fold(text)
    organs = [(n, fold(d.get("name"))) for n, d in graph.nodes(data=True) if d.get("kind") == "Organ"]
    exact = sorted(n for n, name in organs if name == key)
    if exact:
        return exact[0]
    partial = sorted(n for n, name in organs if key and key in name)
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise QueryError(f"no organ {text!r} in the graph")
    raise QueryError(f"{text!r} matches {len(partial)} organs; pass one id: {', '.join(partial[:10])}")
