"""What a user typed, resolved to a node id, one way on every back end.

A document is named by its id, or by its symbol in any case and spacing, with or without
tones and with D for Đ (``54-kl/tw``, ``99-QD/TW``, ``2449-CV/DU``); text shaped like a
symbol matches symbols only. Other text is words of a title: every word must begin a word of
the document's type, symbol or title, whether it has a number or not (``ke hoach thuc hien``).
Several matches are listed with their type, date and issuer; a symbol that names nothing
gets the nearest symbols of the graph ("did you mean 54-KL/TW?").

An organ is named by its id, its name in any case and with or without tones (``ban dan van
trung uong``), or a part of its name that no other organ's name holds.

The back end fetches candidates (:meth:`~vanban.queries.backend.Backend.exact` by index,
then the whole list, :func:`~vanban.queries.catalogue.document_catalogue`); the rules are here.

>>> from vanban.queries.backend import Candidate
>>> class Two:
...     def exact(self, kind, text, key):
...         return [Candidate("doc:54-KL/TW", "54-KL/TW")] if key == "54-KL/TW" else []
...     def searchable(self, kind):
...         return [Candidate("doc:54-KL/TW", "54-KL/TW", "về tiếp tục đẩy mạnh"),
...                 Candidate("doc:a.txt#0", None, "Kế hoạch thực hiện Kết luận 54")]
>>> resolve_document(Two(), "54-kl/tw"), resolve_document(Two(), "ke hoach thuc hien")
('doc:54-KL/TW', 'doc:a.txt#0')
>>> resolve_document(Two(), "tiep tuc day manh")
'doc:54-KL/TW'
>>> resolve_document(Two(), "45-KL/TW")
Traceback (most recent call last):
...
vanban.errors.QueryError: no document '45-KL/TW' in the graph; did you mean 54-KL/TW?
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vanban.errors import QueryError
from vanban.graph.keys import fold, name_key, symbol_key
from vanban.graph.vocabulary import NodeKind
from vanban.queries.backend import Backend
from vanban.queries.catalogue import Entry, document_catalogue

__all__ = ["find_documents", "looks_like_symbol", "nearest_symbols", "resolve", "resolve_document",
           "resolve_organ"]

LISTED = 10  # candidates an ambiguity error lists
SUGGESTED = 3  # symbols a miss suggests

# A symbol as typed, once keyed (upper case, no spaces, tones and Đ folded): a number, then
# codes after dashes or slashes (54-KL/TW, 15/2025/ND-CP, 9387/UBND-KT, 01-QDI/DUK).
_SYMBOL_SHAPE = re.compile(r"\d+[A-Z]?(?:\.\d+)?(?:[-/][A-Z0-9.&]*)+")
_WORD = re.compile(r"\w+")


def looks_like_symbol(text: str) -> bool:
    """Is ``text`` shaped like a document's symbol (then it matches symbols only)?

    >>> [looks_like_symbol(t) for t in ("45-kl/tw", "15/2025/NĐ-CP", "54-KL", "Kết luận 54", "2023")]
    [True, True, True, False, False]
    """
    return _SYMBOL_SHAPE.fullmatch(symbol_key(text)) is not None


def _words(text: str | None) -> list[str]:
    return _WORD.findall(fold(text))


def _title_matches(entries: Sequence[Entry], text: str) -> list[str]:
    """Documents whose type, symbol and title hold a word beginning with each typed word; a
    document whose folded title is the text itself, when there is one."""
    typed = _words(text)
    if not typed:
        return []
    whole = name_key(text)
    exact, hits = set(), set()
    for entry in entries:
        title = fold(entry.title)
        if title == whole:
            exact.add(entry.id)
        folded = f"{fold(entry.doc_type)} {fold(entry.symbol)} {title}"
        if all(t in folded for t in typed):  # cheap first: every typed word is somewhere in it
            words = _WORD.findall(folded)
            if all(any(word.startswith(t) for word in words) for t in typed):
                hits.add(entry.id)
    return sorted(exact or hits)


def find_documents(source: Backend, text: str) -> list[str]:
    """Ids of every document ``text`` names (see the module docstring)."""
    return _find(source, text)[0]


def _find(source: Backend, text: str) -> tuple[list[str], list[Entry] | None]:
    """The documents ``text`` names, and the catalogue when it was needed to find them."""
    key = symbol_key(text.removeprefix("doc:").split("@")[0])
    exact = source.exact(NodeKind.DOCUMENT, text, key)
    if any(c.id == text for c in exact):
        return [text], None
    hits = sorted({c.id for c in exact if c.symbol and symbol_key(c.symbol) == key})
    if hits:
        return hits, None
    entries = document_catalogue(source)
    if looks_like_symbol(text):  # also found where a store holds no symbol keys
        return sorted({e.id for e in entries if e.symbol and symbol_key(e.symbol) == key}), entries
    return _title_matches(entries, text), entries


def nearest_symbols(entries: Sequence[Entry], text: str, count: int = SUGGESTED) -> list[str]:
    """The symbols closest to ``text`` as typed: those beginning with it, else those the
    fewest edits away (a swap of two neighbours is one edit; at most one edit in four
    characters), by symbol.

    >>> entries = [Entry("a", "54-KL/TW"), Entry("b", "45-KL/TU"), Entry("c", "1154-CV/TU"),
    ...            Entry("d", "21-KL/TW")]
    >>> nearest_symbols(entries, "45-kl/tw"), nearest_symbols(entries, "1154-")
    (['45-KL/TU', '54-KL/TW'], ['1154-CV/TU'])
    """
    key = symbol_key(text)
    limit = max(1, len(key) // 4)
    by_distance: dict[int, set[str]] = {}
    for entry in entries:
        other = symbol_key(entry.symbol or "")
        if not other or other == key:
            continue
        distance = 0 if len(key) >= 3 and other.startswith(key) else _edits(key, other, limit)
        if distance <= limit:
            by_distance.setdefault(distance, set()).add(entry.symbol or "")
    return sorted(by_distance[min(by_distance)])[:count] if by_distance else []


def _edits(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from ``a`` to ``b``; any number
    over ``limit`` is given as ``limit + 1``.

    >>> _edits("45-KL/TW", "54-KL/TW", 2), _edits("54-KL", "54-KL/TW", 2), _edits("1", "999", 1)
    (1, 3, 2)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        before, previous = previous, row
    return min(previous[-1], limit + 1)


def _described(entry: Entry) -> str:
    """One line telling a candidate apart: id, type and symbol or title, date, issuer."""
    name = " ".join(filter(None, (entry.doc_type, entry.symbol)))
    if not entry.symbol and entry.title:
        title = " ".join(entry.title.split())
        name = f"{name} {title if len(title) <= 50 else title[:49] + '…'}".strip()
    details = ", ".join(filter(None, (name, entry.date or "undated", "; ".join(entry.issuers))))
    return f"  {entry.id}  ({details})"


def resolve_document(source: Backend, text: str) -> str:
    """The one document ``text`` names; an error lists the candidates when it is ambiguous,
    and suggests the nearest symbols when it names none."""
    hits, entries = _find(source, text)
    if len(hits) == 1:
        return hits[0]
    entries = document_catalogue(source) if entries is None else entries
    if not hits:
        near = nearest_symbols(entries, text) if looks_like_symbol(text) else []
        hint = f"; did you mean {_either(near)}?" if near else ""
        raise QueryError(f"no document {text!r} in the graph{hint}")
    known = {e.id: e for e in entries}
    lines = [_described(known.get(node, Entry(node))) for node in hits[:LISTED]]
    more = [f"  … and {len(hits) - LISTED} more"] if len(hits) > LISTED else []
    raise QueryError("\n".join([f"{text!r} names {len(hits)} documents; pass one id:", *lines, *more]))


def _either(names: list[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``.

    >>> _either(["a"]), _either(["a", "b", "c"])
    ('a', 'a, b or c')
    """
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


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
    found = {c.id: c.text for c in source.searchable(NodeKind.ORGAN) if key and key in name_key(c.text)}
    if len(found) == 1:
        return next(iter(found))
    if not found:
        raise QueryError(f"no organ {text!r} in the graph")
    listed = [f"  {node}  ({found[node]})" for node in sorted(found)[:LISTED]]
    more = [f"  … and {len(found) - LISTED} more"] if len(found) > LISTED else []
    raise QueryError("\n".join([f"{text!r} matches {len(found)} organs; pass one id:", *listed, *more]))


def resolve(source: Backend, kind: NodeKind, text: str) -> str:
    """The node of ``kind`` (a document or an organ) that ``text`` names."""
    if kind is NodeKind.DOCUMENT:
        return resolve_document(source, text)
    if kind is NodeKind.ORGAN:
        return resolve_organ(source, text)
    raise QueryError(f"questions are asked about documents and organs, not {kind}")
