"""The scope of a symbol series: a symbol alone is no key (DOMAIN.md §2).

Local series (``…/TU``, ``…/UBND-…``) are numbered per locality: ``05-HD/TU`` of Lạng Sơn is
not ``05-HD/TU`` of another province. A document's scope is its issuer's locality; a
referenced symbol takes the locality of the issuer the reference names, else the citing
document's.

>>> from vanban.loaders.organs import resolve_organ
>>> issuer = resolve_organ("Tỉnh ủy Lạng Sơn")
>>> scope = OrganScope.of(issuer)
>>> symbol_scope("1154-CV/TU", issuer, scope), symbol_scope("54-KL/TW", issuer, scope)
('lang son', '')
"""

from __future__ import annotations

import re
from dataclasses import replace

from vanban.graph.model import DocumentRef, OrganRef
from vanban.loaders import patterns
from vanban.loaders.lexicon import organ_registry
from vanban.loaders.organs import OrganScope, locality_key, resolve_organ
from vanban.loaders.symbols import issuer_code, normalize_symbol
from vanban.loaders.text import fold

__all__ = ["OrganScope", "same_scope_for_same_symbol", "scoped", "symbol_scope"]


def symbol_scope(symbol: str, issuer: OrganRef | None, scope: OrganScope) -> str:
    """Local series (…/TU, …/UBND-…) are numbered per locality; national ones are not."""
    if not patterns.is_local_code(issuer_code(symbol)):
        return ""
    return locality_key(issuer) or locality_key(scope.issuer) or "?"


_PLACED_TITLE = re.compile(rf"\b(?:{patterns.PROVINCE_OR_DISTRICT}|Khối|khối)\b")


def scoped(ref: DocumentRef, scope: OrganScope) -> DocumentRef:
    """The scope of a referenced symbol: the locality of the issuer it names, else (a central
    issuer named for a local symbol is a misreading) the locality of the citing document."""
    if ref.symbol and ref.issuer is not None and not _issuer_fits(ref.symbol, ref.issuer):
        ref = replace(ref, issuer=None)  # "Kế hoạch thực hiện 104-CTr/TU của UBND tỉnh": not its issuer
    if ref.symbol:
        if not patterns.is_local_code(issuer_code(ref.symbol)):
            return ref
        own = locality_key(scope.issuer)
        province = next((scope.anchors[key] for key in _PROVINCIAL_KEYS if key in scope.anchors), None)
        if province and (issuer_code(ref.symbol) or "").upper().endswith("TU"):
            own = locality_key(resolve_organ(province))  # a …/TU series is the province's
        named = locality_key(ref.issuer) if ref.issuer is not None and not _is_central(ref.issuer) else ""
        wanted = named or own or "?"
        return ref if ref.scope == wanted else replace(ref, scope=wanted)
    if ref.title and _PLACED_TITLE.search(ref.title):
        return replace(ref, scope=locality_key(scope.issuer) or "?")
    return ref


_PROVINCIAL_KEYS = tuple(fold(patterns.committee_of_level(lv) or "") for lv in patterns.PROVINCE_NAMES)
_STATE_ORGAN = re.compile("^" + patterns.STATE_ORGAN)


def _issuer_fits(symbol: str, issuer: OrganRef) -> bool:
    """A party series (…/TU, …/TW) is not issued by a state body, nor a state series by a party
    committee: such a ``của …`` belongs to another phrase of the sentence."""
    party_series = "-" in symbol.split("/")[0] and patterns.is_party_code(issuer_code(symbol))
    return not (party_series and _STATE_ORGAN.match(issuer.name))


def same_scope_for_same_symbol(refs: list[DocumentRef]) -> list[DocumentRef]:
    """A short mention (``Kế hoạch số 100-KH/TU``) is the document an earlier full mention in
    the same text (``… 100-KH/TU của Ban Thường vụ Tỉnh ủy X``) named: it takes that scope."""
    named: dict[str, str] = {}
    for ref in refs:
        if ref.symbol and ref.issuer is not None:
            named.setdefault(normalize_symbol(ref.symbol), ref.scope)
    return [replace(ref, scope=named[normalize_symbol(ref.symbol)])
            if ref.symbol and ref.issuer is None
            and named.get(normalize_symbol(ref.symbol), ref.scope) != ref.scope else ref
            for ref in refs]


def _is_central(organ: OrganRef) -> bool:
    node = organ
    while node.parent is not None:
        node = node.parent
    return fold(node.name) in organ_registry().by_fold
