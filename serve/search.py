"""Search over every document, organ and person: folded (case and tones ignored), ranked, fast.

Each entry is indexed by its words (symbol, name or title, folded as
:func:`vanban.graph.keys.fold` does) and by its symbol written without punctuation
(``54-KL/TW`` → ``54kltw``). Entries are numbered once, best first (documents, then organs,
then persons; the more relations, the earlier), and every posting list is kept in that order,
so a query walks its rarest word's list from the best entry on and stops after
:data:`SCAN_LIMIT` matches (or :data:`WALK_LIMIT` entries): a common word costs no more than a
rare one. An exact symbol and
an exact name are always found (two dictionaries); the other ranks are decided among those
best connected matches.

A hit is ranked by how it matches, then by that order:

====  =================================================================
rank  the query …
====  =================================================================
0     is the entry's symbol (punctuation, case and tones ignored)
1     is the entry's whole name, title or symbol
2     starts it
3     starts a word of it, all of its words in order
4     has every word somewhere in it (the last one may be a prefix)
====  =================================================================

>>> index = SearchIndex([
...     Entry("doc:54-KL/TW", "Document", "54-KL/TW", ("54-KL/TW", "về tiếp tục thực hiện"), "54-KL/TW"),
...     Entry("organ:tu", "Organ", "Tỉnh ủy Lạng Sơn", ("Tỉnh ủy Lạng Sơn",)),
...     Entry("organ:bdv", "Organ", "Ban Dân vận Tỉnh ủy Lạng Sơn", ("Ban Dân vận Tỉnh ủy Lạng Sơn",)),
... ])
>>> [hit.id for hit in index.search("54 kl/tw")]
['doc:54-KL/TW']
>>> [(hit.id, hit.rank) for hit in index.search("tinh uy lang")]
[('organ:tu', 2), ('organ:bdv', 3)]
>>> index.search("")
[]
"""

from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from heapq import merge
from itertools import islice, takewhile

from vanban.graph.keys import fold

__all__ = ["Entry", "Hit", "SearchIndex", "compact"]

# How many matches of the words (in entry order) a query ranks at most, how far down a list it
# looks for them, and how many words a prefix may stand for: bounds that keep every query's
# work small on any corpus.
SCAN_LIMIT = 300
WALK_LIMIT = 20_000
PREFIX_WORDS = 400
REMEMBERED = 4096
_WORD = re.compile(r"[a-z0-9]+")
_KIND_ORDER = {"Document": 0, "Organ": 1, "Person": 2}


def compact(text: str | None) -> str:
    """Folded, letters and digits only: how symbols are compared.

    >>> compact("54 - KL/TW"), compact("01-QĐi/ĐUK")
    ('54kltw', '01qdiduk')
    """
    return "".join(_WORD.findall(fold(text)))


@dataclass(frozen=True)
class Entry:
    """One searchable node: its id, kind and label, the texts it is found by, its symbol."""

    id: str
    kind: str
    label: str
    texts: tuple[str, ...]
    symbol: str | None = None
    detail: str = ""
    weight: int = 0  # relations: more comes first among equal matches


@dataclass(frozen=True)
class Hit:
    id: str
    kind: str
    label: str
    detail: str
    rank: int


class SearchIndex:
    """An inverted index of words and a sorted index of symbols over :class:`Entry` items."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        ordered = sorted(entries, key=lambda e: (_KIND_ORDER.get(e.kind, 3), -e.weight, len(e.label), e.id))
        self.entries = ordered
        self._words: list[str] = []  # " word word …": the entry's words, for the prefix test
        self._joined: list[str] = []  # "\x1f" + its keys joined by "\x1f": one test per rank
        postings: dict[str, list[int]] = {}
        symbols: dict[str, list[int]] = {}
        exact: dict[str, list[int]] = {}
        for number, entry in enumerate(ordered):
            keys = tuple(dict.fromkeys(k for k in (fold(t) for t in entry.texts) if k))
            self._joined.append("\x1f" + "\x1f".join(keys))
            for key in keys:
                exact.setdefault(key, []).append(number)
            words = {w for key in keys for w in _WORD.findall(key)}
            self._words.append(" " + " ".join(sorted(words)) + " ")
            for word in words:
                postings.setdefault(word, []).append(number)
            if entry.symbol and (key := compact(entry.symbol)):
                symbols.setdefault(key, []).append(number)
        self._postings = {w: array("i", ids) for w, ids in postings.items()}
        self._vocabulary = sorted(self._postings)
        self._symbols = symbols
        self._symbol_keys = sorted(symbols)
        self._exact = exact
        self._recent: OrderedDict[tuple[str, int], list[Hit]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """The best ``limit`` entries for ``query``, best first (see the module docstring); the
        last :data:`REMEMBERED` answers are kept (people type the same beginnings)."""
        key = (query, limit)
        with self._lock:
            if key in self._recent:
                self._recent.move_to_end(key)
                return self._recent[key]
        hits = self._search(query, limit)
        with self._lock:
            self._recent[key] = hits
            if len(self._recent) > REMEMBERED:
                self._recent.popitem(last=False)
        return hits

    def _search(self, query: str, limit: int) -> list[Hit]:
        folded, squeezed = fold(query), compact(query)
        words = _WORD.findall(folded)
        if not words:
            return []
        ranks: dict[int, int] = {}
        for number in self._symbols.get(squeezed, ()):
            ranks[number] = 0
        for number in self._exact.get(folded, ())[:SCAN_LIMIT]:
            ranks.setdefault(number, 1)
        for number in self._symbol_prefix(squeezed):
            ranks.setdefault(number, 2)
        for number in self._word_matches(words):
            if number not in ranks:
                ranks[number] = self._rank(number, folded)
        best = sorted(ranks.items(), key=lambda item: (item[1], item[0]))[:limit]
        return [self._hit(number, rank) for number, rank in best]

    def _rank(self, number: int, folded: str) -> int:
        joined = self._joined[number]
        if "\x1f" + folded in joined:
            return 2
        if any(sep + folded in joined for sep in " -/("):
            return 3
        return 4

    def _hit(self, number: int, rank: int) -> Hit:
        entry = self.entries[number]
        return Hit(entry.id, entry.kind, entry.label, entry.detail, rank)

    def _symbol_prefix(self, squeezed: str) -> Iterator[int]:
        """Entries whose squeezed symbol starts with the squeezed query (two characters at least)."""
        if len(squeezed) < 2:
            return iter(())
        start = bisect_left(self._symbol_keys, squeezed)
        keys = takewhile(
            lambda key: key.startswith(squeezed), islice(self._symbol_keys, start, start + SCAN_LIMIT)
        )
        found = (n for key in keys for n in self._symbols[key])
        return iter(sorted(set(islice(found, SCAN_LIMIT))))

    def _word_matches(self, words: list[str]) -> Iterator[int]:
        """Entries holding every word (the last one as a prefix), in entry order, bounded: the
        shortest list (a whole word's, or those of the words the last one begins) is walked,
        and each entry on it is kept if its words hold the others."""
        *whole, last = words
        lists = [self._postings.get(w) for w in whole]
        if any(p is None for p in lists):
            return iter(())
        prefixed = self._prefixed(last)
        if not prefixed:
            return iter(())
        shortest = min((p for p in lists if p is not None), key=len, default=None)
        if shortest is None or sum(len(p) for p in prefixed) < len(shortest):
            driver: Iterable[int] = _unique(merge(*prefixed))
        else:
            driver = shortest
        words_of = self._words
        needed = [f" {w} " for w in whole]
        begun = f" {last}"

        def holds(number: int) -> bool:
            held = words_of[number]
            return begun in held and all(w in held for w in needed)

        return islice((n for n in islice(driver, WALK_LIMIT) if holds(n)), SCAN_LIMIT)

    def _prefixed(self, prefix: str) -> list[array]:
        """The posting lists of the words starting with ``prefix`` (at most PREFIX_WORDS words,
        the shortest first: the exact word always among them; 20 for a single letter)."""
        most = PREFIX_WORDS if len(prefix) > 1 else 20
        start = bisect_left(self._vocabulary, prefix)
        words = []
        for word in islice(self._vocabulary, start, None):
            if not word.startswith(prefix):
                break
            words.append(word)
            if len(words) >= most * 4:
                break
        words.sort(key=len)
        return [self._postings[w] for w in words[:most]]


def _unique(numbers: Iterable[int]) -> Iterator[int]:
    last = -1
    for number in numbers:
        if number != last:
            yield number
            last = number
