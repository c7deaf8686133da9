"""Document identity across files: which mentions and readings are the same document.

A symbol alone is not a key (DOMAIN.md §2): identity is the symbol within its issuer's
scope (``""`` for national series such as ``…/TW`` or ``…/NĐ-CP``), plus the period the
number belongs to: the party term (khóa) for party symbols, the year for state symbols that
do not carry it. Mentions that give no period join the only reading of that symbol, or
the one read in the same file, or the most recent.

Documents known only by name (``Nghị quyết Trung ương 4 khóa XII``) are keyed by their
folded title without the term, plus the term the same way.

A signed copy whose number field is blank takes the number other documents cite it by
(:class:`CitedNumbers`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from vanban.graph.keys import fold, normalize_symbol, party_term
from vanban.graph.model import DocumentFacts, DocumentRef, FileFacts
from vanban.graph.vocabulary import EdgeType
from vanban.loaders.lexicon import NamedDocument, named_documents
from vanban.loaders.named_documents import title_key

__all__ = ["CitedNumbers", "Claim", "assign_ids", "refs_of", "resolve_names", "slug", "symbol_variants"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One reading or mention of a document, before identity is decided."""

    claim_id: int
    symbol: str | None
    title: str | None
    scope: str
    term: str | None
    date: str | None
    source_file: str
    own: tuple[str, int] | None = None  # (file, index) when this is the document's own text
    cited_on: str | None = None  # the date of the document that names it


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """A readable id fragment: folded, spaces to hyphens, unsafe characters dropped."""
    return _UNSAFE.sub("-", fold(text)).strip("-")


_UNSAFE = re.compile(r"[^0-9a-z/._@-]+")


def refs_of(doc: DocumentFacts) -> list[DocumentRef]:
    """Every document a document names: its references, both ends of its derived links, and
    the document it copies."""
    out = list(doc.references)
    for link in doc.derived:
        out += [link.source, link.target]
    if doc.copies is not None:
        out.append(doc.copies)
    return out


def _period(claim: Claim) -> str | None:
    if claim.symbol:
        head = claim.symbol.split("/")[0]
        if "-" in head:  # party numbering restarts each term
            return claim.term or party_term(claim.date)
        if re.search(r"/\d{4}/", claim.symbol):  # the year is in the symbol
            return None
        return claim.date[:4] if claim.date else None
    return claim.term


def _group_key(claim: Claim) -> tuple[str, str, str] | None:
    if claim.symbol:
        return ("sym", normalize_symbol(claim.symbol), claim.scope)
    if claim.title:
        base = re.sub(r"\s*\(?\s*khóa\s+[IVXL]+\s*\)?", "", claim.title, flags=re.IGNORECASE)
        base = re.sub(r"\s+của\s+Đảng$", "", base)
        return ("name", fold(base), claim.scope)
    return None


def assign_ids(claims: list[Claim]) -> dict[int, str]:
    """Node id of every claim (claims of one document share an id, as one string object)."""
    out: dict[int, str] = {}
    shared: dict[str, str] = {}
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = _group_key(claim)
        if key is None:
            file, index = claim.own or (claim.source_file, claim.claim_id)
            out[claim.claim_id] = f"doc:{slug(file)}#{index}"
            continue
        groups[key].append(claim)
    for key in sorted(groups):
        members = _one_term_per_file(groups[key])
        periods = sorted({p for c in members if (p := _period(c))}, key=_period_order)
        kind, value, scope = key
        base = f"doc:{members[0].symbol if kind == 'sym' else slug(value)}"
        if kind == "sym":
            base = f"doc:{_preferred_symbol(members)}"
        if scope:
            base += f"@{slug(scope)}"
        for claim in members:
            period = _period(claim)
            if period is None and periods:
                period = _join_period(claim, members, periods)
            suffix = f"~{period}" if period and len(periods) > 1 else ""
            node = base + suffix
            out[claim.claim_id] = shared.setdefault(node, node)
    return out


def _one_term_per_file(members: list[Claim]) -> list[Claim]:
    """Mentions of one party symbol in one file, no term written, are one document: when their
    dates fall in different terms (``11-CT/TU`` dated 04/01/2026 and 04/02/2026 across a congress),
    the dates disagree, not the documents; they take the latest of those terms.

    >>> dates = ["2026-02-04", "2026-01-04"]
    >>> claims = [Claim(i, "11-CT/TU", None, "x", None, d, "a.txt") for i, d in enumerate(dates)]
    >>> sorted({_period(c) for c in claims}) == sorted({_period(c) for c in _one_term_per_file(claims)})
    False
    """
    by_file: dict[str, set[str]] = defaultdict(set)
    for claim in members:
        # a party series only: a state series restarts each year, its numbers in two years are two documents
        party = claim.symbol is not None and "-" in claim.symbol.split("/")[0]
        if claim.term is None and party and (period := _period(claim)):
            by_file[claim.source_file].add(period)
    split = {file: max(found, key=_period_order) for file, found in by_file.items() if len(found) > 1}
    if not split:
        return members
    return [replace(c, term=split[c.source_file]) if c.term is None and c.source_file in split else c
            for c in members]


def resolve_names(claims: list[Claim]) -> tuple[list[Claim], dict[int, NamedDocument]]:
    """Claims of documents named without a number, given the number the name stands for, and the
    registry entry (``data/named_documents.tsv``) of every claim that is one of its documents.

    A name's number comes from the registry or from the corpus: a law named with its number in
    one file (``Luật X số 59/2020/QH14``) is the document another file names alone (``Luật X``).
    When a name has had several versions, the one named is the one of the year written with it,
    else of its date, else the registry's latest one passed by the date of the citing document;
    the corpus's number is taken only when it is the one such number, and without a citing date
    only the one version known is.

    >>> named = [Claim(0, None, "Luật Thi đua, khen thưởng", "", None, None, "a.txt", cited_on="2025-07-01"),
    ...          Claim(1, "9/2030/QH16", "Luật Mới", "", None, None, "b.txt"),
    ...          Claim(2, None, "Luật mới", "", None, None, "c.txt")]
    >>> resolved, known = resolve_names(named)
    >>> [c.symbol for c in resolved], sorted(known)
    (['06/2022/QH15', '9/2030/QH16', '9/2030/QH16'], [0])
    """
    registry = _registry_by_name()
    learned: dict[str, set[str]] = defaultdict(set)
    by_number = {normalize_symbol(d.number): d for d in named_documents() if d.number}
    for claim in claims:
        if claim.symbol and claim.title:
            learned[title_key(claim.title)[0]].add(claim.symbol)
    known: dict[int, NamedDocument] = {}
    out = []
    for claim in claims:
        if claim.symbol:
            entry = by_number.get(normalize_symbol(claim.symbol))
            if entry is not None:
                known[claim.claim_id] = entry
        elif claim.title:
            key, year = title_key(claim.title)
            entry, symbol = _version(registry.get(key, ()), sorted(learned.get(key, ())), year, claim)
            if entry is not None:
                known[claim.claim_id] = entry
                claim = replace(claim, symbol=entry.number, title=entry.name)
            elif symbol is not None:
                claim = replace(claim, symbol=symbol)
        out.append(claim)
    return out, known


def _version(entries: tuple[NamedDocument, ...], symbols: list[str], year: int | None,
             claim: Claim) -> tuple[NamedDocument | None, str | None]:
    """The registry entry or the corpus's number a name stands for (see :func:`resolve_names`)."""
    versions: list[tuple[str, NamedDocument | None, str | None]] = [
        (e.date or f"{e.year}", e, e.number) for e in entries]
    versions += [(s.split("/")[1], None, s) for s in symbols if len(s.split("/")) > 2
                 and not any(normalize_symbol(s) == normalize_symbol(e.number or "") for e in entries)]
    if year is not None:
        fit = [v for v in versions if v[0][:4] == str(year)]
    elif claim.date:
        fit = ([v for v in versions if v[0] == claim.date]
               or [v for v in versions if v[0][:4] == claim.date[:4]])
    else:
        passed = sorted((v for v in versions if claim.cited_on and v[0] <= claim.cited_on[: len(v[0])]),
                        key=lambda v: v[0])
        # the registry's versions are all listed: the latest passed; the corpus's may not be: the only
        # one; with no date to go by, the one version known
        fit = passed if not entries else passed[-1:]
        fit = fit if claim.cited_on else versions
    if len(fit) != 1:
        return None, None
    return fit[0][1], fit[0][2]


@lru_cache(maxsize=1)
def _registry_by_name() -> dict[str, tuple[NamedDocument, ...]]:
    found: dict[str, list[NamedDocument]] = defaultdict(list)
    for entry in named_documents():
        for name in (entry.name, *entry.aliases):
            key = title_key(name)[0]
            if entry not in found[key]:
                found[key].append(entry)
    return {key: tuple(entries) for key, entries in found.items()}


def _preferred_symbol(members: list[Claim]) -> str:
    own = [c.symbol for c in members if c.own and c.symbol]
    pool = own or [c.symbol for c in members if c.symbol]
    counts: dict[str, int] = defaultdict(int)
    for s in pool:
        counts[s] += 1
    return sorted(counts, key=lambda s: (-counts[s], s))[0]


def symbol_variants(written: Mapping[str, int], chosen: str | None) -> list[str]:
    """The conflict that keeps the other ways one document's symbol was written in letters'
    case (``104-CTr/Tu`` beside ``104-CTr/TU``): those are one document (identity compares
    :func:`~vanban.graph.keys.normalize_symbol`), but what was written stays on record. Spacing
    alone is no conflict.

    >>> symbol_variants({"104-CTr/TU": 3, "104-CTr/Tu": 5, "104-CTr/ TU": 1}, "104-CTr/TU")
    ['symbol: written 104-CTr/TU and 104-CTr/Tu']
    >>> symbol_variants({"54-KL/TW": 4}, "54-KL/TW")
    []
    """
    forms = sorted({_SPACE.sub("", s) for s in written} | ({_SPACE.sub("", chosen)} if chosen else set()))
    return [f"symbol: written {' and '.join(forms)}"] if len(forms) > 1 else []


_SPACE = re.compile(r"\s+")


def _join_period(claim: Claim, members: list[Claim], periods: list[str]) -> str:
    if len(periods) == 1:
        return periods[0]
    same_file = sorted({p for c in members if c.source_file == claim.source_file
                        and (p := _period(c))}, key=_period_order)
    return (same_file or periods)[-1]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _period_order(period: str) -> tuple[int, str]:
    if period.isdigit():
        return (int(period), period)
    total = 0
    for i, ch in enumerate(period):
        value = _ROMAN.get(ch, 0)
        nxt = _ROMAN.get(period[i + 1], 0) if i + 1 < len(period) else 0
        total += -value if value < nxt else value
    return (total, period)


_SERIES = re.compile(r"^\d+(?:\.\d+)?[A-Z]?[-/]")


class CitedNumbers:
    """Numbers of signed copies whose number field is blank (``Số    -CTr/TU``), read from
    other documents' citations: a cited symbol of the same series, scope and type that no read
    document carries, and — when several fit — the one whose citations name what this
    document implements (``… 104-CTr/TU … thực hiện Kết luận số 75-KL/TW``).

    Files are noted one at a time, in merge order (:meth:`note`), then :meth:`settle` decides
    (reading the files again only when several citations compete) and :meth:`apply` gives a
    file with its numbers filled in. Only symbols are kept between files, never their facts.
    """

    def __init__(self) -> None:
        self._read: set[str] = set()  # symbols of read documents
        self._cited: dict[tuple[str, str, str | None], None] = {}  # (symbol, scope, type), first seen first
        self._blank: dict[tuple[int, int], tuple[tuple[str, str, str | None], tuple[str, ...]]] = {}
        self._numbers: dict[tuple[int, int], str] = {}  # (file, document) -> number
        self._numbered: set[int] = set()  # files with a number filled in
        self._files = 0

    def note(self, facts: FileFacts) -> None:
        """Take note of the next file's symbols, citations and blank numbers."""
        for index, doc in enumerate(facts.documents):
            if doc.symbol:
                self._read.add(normalize_symbol(doc.symbol))
            for ref in refs_of(doc):
                if ref.symbol:
                    self._cited.setdefault((normalize_symbol(ref.symbol), ref.scope, ref.doc_type))
            if doc.symbol is None and doc.number_suffix and doc.same_as is None:
                implemented = tuple(normalize_symbol(r.symbol) for r in doc.references
                                    if r.symbol and r.relation is EdgeType.IMPLEMENTS)
                series = (normalize_symbol(doc.number_suffix), doc.scope, doc.doc_type)
                self._blank[(self._files, index)] = (series, implemented)
        self._files += 1

    def settle(self, files: Iterable[FileFacts]) -> None:
        """Decide every blank number; ``files`` are the files noted, in the same order (read
        again only if several cited symbols fit one blank number)."""
        cited: dict[tuple[str, str, str | None], dict[str, None]] = defaultdict(dict)
        if self._blank:
            for key, scope, doc_type in self._cited:
                if key not in self._read:
                    cited[(_SERIES.sub("", key, count=1), scope, doc_type)][key] = None
        self._cited = {}
        contested: dict[tuple[str, str, str | None], set[tuple[int, int]]] = defaultdict(set)
        for place, (series, implemented) in self._blank.items():
            found = cited.get(series, {})
            if len(found) == 1:
                self._numbers[place] = next(iter(found))
            elif len(found) > 1 and implemented:
                for key in found:  # the symbol whose citations name what this document implements
                    contested[(key, series[1], series[2])].add(place)
        if contested:
            fits = self._fitting(files, contested)
            for place, (series, _) in self._blank.items():
                keys = [key for key in cited.get(series, {}) if (place, key) in fits]
                if len(cited.get(series, {})) > 1 and len(keys) == 1:
                    self._numbers[place] = keys[0]
        for place, key in list(self._numbers.items()):  # "104-": the citation's number with the
            written = _SERIES.match(key)  # series as the document itself writes it
            if written is None:  # a citation filed under no series gives no number
                del self._numbers[place]
            else:
                self._numbers[place] = written.group()
        self._numbered = {file for file, _ in self._numbers}

    def _fitting(self, files: Iterable[FileFacts],
                 contested: dict[tuple[str, str, str | None], set[tuple[int, int]]]) -> set:
        """(blank document, cited symbol) pairs where a citation's sentence names a document the
        blank one implements."""
        fits = set()
        for facts in files:
            for doc in facts.documents:
                for ref in refs_of(doc):
                    if not ref.symbol:
                        continue
                    key = normalize_symbol(ref.symbol)
                    places = contested.get((key, ref.scope, ref.doc_type))
                    if places:
                        sentence = normalize_symbol(ref.evidence.sentence)
                        fits |= {(place, key) for place in places
                                 if any(s in sentence for s in self._blank[place][1])}
        return fits

    def apply(self, position: int, facts: FileFacts) -> FileFacts:
        """The file at ``position`` (in the order noted) with its blank numbers filled in."""
        if position not in self._numbered:
            return facts
        docs = []
        for index, doc in enumerate(facts.documents):
            number = self._numbers.get((position, index))
            if number is not None:
                doc = replace(doc, symbol=number + (doc.number_suffix or ""),
                              notes=(*doc.notes, "number read from citations"))
            docs.append(doc)
        return replace(facts, documents=tuple(docs))
