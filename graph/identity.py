"""Document identity across files: which mentions and readings are the same document.

A symbol alone is not a key (DOMAIN.md §2): identity is the symbol within its issuer's
scope (``""`` for national series such as ``…/TW`` or ``…/NĐ-CP``), plus the period the
number belongs to: the party term (khóa) for party symbols, the year for state symbols that
do not carry it. Mentions that give no period join the only reading of that symbol, or
the one read in the same file, or the most recent.

Documents known only by name (``Nghị quyết Trung ương 4 khóa XII``) are keyed by their
folded title without the term, plus the term the same way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from vanban.loaders.symbols import normalize_symbol, party_term
from vanban.loaders.text import fold

__all__ = ["Claim", "assign_ids", "slug"]


@dataclass(frozen=True)
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


def slug(text: str) -> str:
    """A readable id fragment: folded, spaces to hyphens, unsafe characters dropped."""
    return re.sub(r"[^0-9a-z/._@-]+", "-", fold(text)).strip("-")


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
    """Node id of every claim (claims of one document share an id)."""
    out: dict[int, str] = {}
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = _group_key(claim)
        if key is None:
            file, index = claim.own or (claim.source_file, claim.claim_id)
            out[claim.claim_id] = f"doc:{slug(file)}#{index}"
            continue
        groups[key].append(claim)
    for key in sorted(groups):
        members = groups[key]
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
            out[claim.claim_id] = base + suffix
    return out


def _preferred_symbol(members: list[Claim]) -> str:
    own = [c.symbol for c in members if c.own and c.symbol]
    pool = own or [c.symbol for c in members if c.symbol]
    counts: dict[str, int] = defaultdict(int)
    for s in pool:
        counts[s] += 1
    return sorted(counts, key=lambda s: (-counts[s], s))[0]


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
