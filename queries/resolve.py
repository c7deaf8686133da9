"""What a user typed, resolved to a node id, one way on every back end.

A document is named by its id, its symbol in any case, spacing and with or without
diacritics (``54-kl/tw``, ``01-QDi/DUK``), or, when it has no number, words of its title. An
organ is named by its id, its name in any case and with or without diacritics (``ban dan van
trung uong``), or a part of its name that no other organ's name holds. The back end only
fetches candidates (:meth:`~vanban.queries.backend.Backend.exact` by index, then
:meth:`~vanban.queries.backend.Backend.searchable`); the rules are here.

>>> from vanban.queries.backend import Candidate
>>> class Two:
...     def exact(self, kind, text, key):
...         return [Candidate("doc:54-KL/TW", "54-KL/TW")] if key == "54-KL/TW" else []
...     def searchable(self, kind):
...         return [Candidate("doc:a.txt#0", None, "Kế hoạch thực hiện Kết luận 54")]
>>> resolve_document(Two(), "54-kl/tw"), resolve_document(Two(), "ke hoach thuc hien")
('doc:54-KL/TW', 'doc:a.txt#0')
"""

from __future__ import annotations

from collections.abc import Iterable

from vanban.errors import QueryError
from vanban.graph.keys import name_key, symbol_key
from vanban.graph.vocabulary import NodeKind
from vanban.queries.backend import Backend, Candidate

__all__ = ["find_documents", "resolve", "resolve_document", "resolve_organ"]


def _documents_among(candidates: Iterable[Candidate], text: str, key: str) -> list[str]:
    """The id ``text`` itself, else every document whose symbol has ``key``, else every
    document without a symbol whose folded title holds the folded text."""
    candidates = list(candidates)
    if any(c.id == text for c in candidates):
        return [text]
    hits = sorted({c.id for c in candidates if c.symbol and symbol_key(c.symbol) == key})
    if hits:
        return hits
    words = name_key(text)
    return sorted({c.id for c in candidates if not c.symbol and words and words in name_key(c.text)})


def find_documents(source: Backend, text: str) -> list[str]:
    """Ids of every document ``text`` names (see the module docstring)."""
    key = symbol_key(text)
    return (_documents_among(source.exact(NodeKind.DOCUMENT, text, key), text, key)
            or _documents_among(source.searchable(NodeKind.DOCUMENT), text, key))


def resolve_document(source: Backend, text: str) -> str:
    """The one document ``text`` names; an error lists the candidates when it is ambiguous."""
    hits = find_documents(source, text)
    if not hits:
        raise QueryError(f"no document {text!r} in the graph")
    if len(hits) > 1:
        raise QueryError(f"{text!r} names {len(hits)} documents; pass one id: {', '.join(hits)}")
    return hits[0]


def resolve_organ(source: Backend, text: str) -> str:
    """The organ ``text`` names: its id, else the first (by id) whose folded name is the
    folded text, else the one organ whose folded name holds it."""
    key = name_key(text)
    exact = source.exact(NodeKind.ORGAN, text, key)
    if any(c.id == text for c in exact):
        return text
    same = sorted(c.id for c in exact if name_key(c.text) == key)
    if same:
        return same[0]
    partial = sorted({c.id for c in source.searchable(NodeKind.ORGAN) if key and key in name_key(c.text)})
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise QueryError(f"no organ {text!r} in the graph")
    raise QueryError(f"{text!r} matches {len(partial)} organs; pass one id: {', '.join(partial[:10])}")


def resolve(source: Backend, kind: NodeKind, text: str) -> str:
    """The node of ``kind`` (a document or an organ) that ``text`` names."""
    if kind is NodeKind.DOCUMENT:
        return resolve_document(source, text)
    if kind is NodeKind.ORGAN:
        return resolve_organ(source, text)
    raise QueryError(f"questions are asked about documents and organs, not {kind}")
