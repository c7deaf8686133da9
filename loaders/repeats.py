"""An appended document that repeats one the file's earlier text names.

A Kết luận of a provincial committee may append the full text of the directive it
implements, without its header: that text is the directive named earlier (same type, same
issuer, the same subject as the earlier mention describes), not a new unnumbered document.
"""

from __future__ import annotations

import re

from vanban.graph.model import DocumentFacts, DocumentRef, OrganRef
from vanban.loaders.header import Header
from vanban.loaders.text import fold

__all__ = ["repeated_text_of"]


def repeated_text_of(header: Header, issuer: OrganRef | None,
                      earlier: list[DocumentFacts]) -> DocumentRef | None:
    """A headerless appended document that repeats one the file's earlier text names."""
    if not header.subject or not header.doc_type:
        return None
    mine = fold(header.subject)
    best = None
    for doc in earlier:
        for ref in doc.references:
            if not ref.symbol or ref.doc_type != header.doc_type:
                continue
            if issuer and ref.issuer and issuer.key != ref.issuer.key:
                continue
            theirs = _described_subject(ref)
            if not theirs:
                continue
            common = len(_common_prefix(mine, theirs))
            if common >= 30 and (best is None or common > best[0]):
                best = (common, ref)
    return best[1] if best else None


def _described_subject(ref: DocumentRef) -> str:
    sentence = fold(ref.evidence.sentence)
    symbol = fold(ref.symbol)
    at = sentence.find(symbol)
    if at < 0:
        return ""
    after = sentence[at + len(symbol):]
    m = re.search(r"\bve\s+", after)
    return after[m.start():] if m else ""


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]
