"""A page's metadata table as a second witness of the document it shows.

The document's own text always wins. Where it is silent (no number read, no date, no issuer,
no signature) the table's field fills in, with its own evidence (rule ``page-metadata``, the
value's span); where both speak and disagree, the document keeps its reading and the
disagreement is kept as a conflict.

>>> from vanban.loaders.page_metadata import MetadataField, PageMetadata
>>> from vanban.graph.model import DocumentFacts
>>> doc = DocumentFacts("p.md", 0, (0, 10), None, "Công văn", "2025-11-21", None, None, None)
>>> table = PageMetadata(0, 40, symbol=MetadataField("Số hiệu", "5348/CT-CS", (10, 20)),
...                      date=MetadataField("Ngày ban hành", "20/11/2025", (30, 40)))
>>> seen = witness(doc, table, lambda span: span)
>>> seen.symbol, seen.date, seen.conflicts
('5348/CT-CS', '2025-11-21', ('date: 2025-11-21 in the text, 2025-11-20 in the page metadata',))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from vanban.graph.model import DocumentFacts, Evidence, OrganRef, Signature
from vanban.loaders.lexicon import doc_types
from vanban.loaders.organs import resolve_organ
from vanban.loaders.page_metadata import RULE, MetadataField, PageMetadata
from vanban.loaders.references import other_documents
from vanban.loaders.symbols import issuer_code, normalize_symbol, registry_issuer
from vanban.loaders.text import fold

__all__ = ["primary_document", "witness"]


def primary_document(documents: Sequence[DocumentFacts], table: PageMetadata) -> int | None:
    """Which of a file's documents the table describes: the one with its number, else the
    first one read without a number, else the first one."""
    if not documents:
        return None
    if table.symbol is not None:
        wanted = normalize_symbol(table.symbol.value)
        for i, doc in enumerate(documents):
            if doc.symbol and normalize_symbol(doc.symbol) == wanted:
                return i
    for i, doc in enumerate(documents):
        if doc.symbol is None and doc.same_as is None and doc.copies is None:
            return i
    return 0


def witness(doc: DocumentFacts, table: PageMetadata, span_of: Callable[[tuple[int, int]], tuple[int, int]],
            source_file: str | None = None) -> DocumentFacts:
    """``doc`` with the table's fields where its text is silent, and a conflict for each
    field the two read differently. ``span_of`` maps a value's view span to the file."""
    source = source_file or doc.source_file
    changes: dict = {}
    conflicts = list(doc.conflicts)
    notes = list(doc.notes)

    def note(field: str, value: MetadataField) -> None:
        notes.append(f"{field} from page metadata ({value.label}: {value.value})")

    def disagree(field: str, mine: str, theirs: str) -> None:
        conflicts.append(f"{field}: {mine} in the text, {theirs} in the page metadata")

    if table.symbol is not None:
        if doc.symbol is None:
            changes["symbol"] = table.symbol.value
            note("number", table.symbol)
            changes["references"] = tuple(other_documents(doc.references, table.symbol.value))
        elif normalize_symbol(doc.symbol) != normalize_symbol(table.symbol.value):
            disagree("number", doc.symbol, table.symbol.value)
    if table.doc_type is not None:
        named = _type_name(table.doc_type.value)
        if named and doc.doc_type is None:
            changes["doc_type"] = named
            note("type", table.doc_type)
        elif named and doc.doc_type and not _same_type(doc.doc_type, named):
            disagree("type", doc.doc_type, named)
    iso = table.date_iso
    if iso and table.date is not None:
        if doc.date is None:
            changes["date"] = iso
            note("date", table.date)
        elif doc.date != iso:
            disagree("date", doc.date, iso)
    if table.issuer is not None:
        evidence = _evidence(table.issuer, source, span_of)
        if doc.issuer is None:
            organ = _issuer(table.issuer.value, changes.get("symbol") or doc.symbol)
            if organ is not None:
                changes["issuer"] = organ
                changes["issuer_evidence"] = evidence
                note("issuer", table.issuer)
        elif not _same_issuer(doc.issuer, table.issuer.value):
            disagree("issuer", doc.issuer.name, table.issuer.value)
    if doc.issuer is None and "issuer" not in changes and table.symbol is not None and "symbol" in changes:
        # the number the page gives names a central issuer by its code ("…/BVHTTDL-VP"), as the
        # document's own number would have
        central = registry_issuer(table.symbol.value)
        if central is not None:
            changes["issuer"] = resolve_organ(central)
            changes["issuer_evidence"] = _evidence(table.symbol, source, span_of)
            notes.append(f"issuer from the code of the number in the page metadata ({table.symbol.value})")
    if table.signer is not None:
        names = [n.strip() for n in table.signer.value.replace(";", ",").split(",") if n.strip()]
        signed = {fold(s.person) for s in doc.signatures}
        if not doc.signatures:
            evidence = _evidence(table.signer, source, span_of)
            changes["signatures"] = tuple(Signature(name, None, None, evidence) for name in names)
            note("signer", table.signer)
        elif not any(fold(name) in signed for name in names):
            disagree("signer", ", ".join(s.person for s in doc.signatures), table.signer.value)
    if not changes and conflicts == list(doc.conflicts):
        return doc
    return replace(doc, **changes, conflicts=tuple(conflicts), notes=tuple(notes))


def _evidence(value: MetadataField, source: str,
              span_of: Callable[[tuple[int, int]], tuple[int, int]]) -> Evidence:
    return Evidence(source, span_of(value.span), f"{value.label}: {value.value}", RULE)


def _type_name(text: str) -> str | None:
    """The canonical type a table names (``Công văn``, ``Quyết định``), if it is one."""
    folded = fold(text)
    for doc_type in doc_types():  # longest first: "Nghị quyết liên tịch" before "Nghị quyết"
        if any(folded == fold(form) for form in (doc_type.name, *doc_type.forms)):
            return doc_type.name
    return None


def _same_type(mine: str, theirs: str) -> bool:
    a, b = fold(mine), fold(theirs)
    return a.startswith(b) or b.startswith(a)


def _same_issuer(organ: OrganRef, named: str) -> bool:
    """Does the table's issuer name the organ read, one of the bodies above it, or the place
    it governs ("Tỉnh Bắc Ninh" for the Ủy ban nhân dân tỉnh Bắc Ninh)?"""
    theirs = fold(named)
    node: OrganRef | None = organ
    while node is not None:
        mine = fold(node.name)
        if theirs in mine or mine in theirs:
            return True
        node = node.parent
    return False


_PLACE_BODIES = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}


def _issuer(named: str, symbol: str | None) -> OrganRef | None:
    """The organ a table names. A place alone (``Tỉnh Bắc Ninh``, ``Thành phố Hà Nội``) stands
    for the body of that place the document's number names (``…/QĐ-UBND``, ``…/NQ-HĐND``)."""
    folded = fold(named)
    if folded.startswith(("tinh ", "thanh pho ")) and symbol:
        code = (issuer_code(symbol) or "").upper()
        body = next((name for key, name in _PLACE_BODIES.items() if key in code), None)
        if body is None:
            return None  # a place alone, and no number to say which of its bodies
        named = f"{body} {named[0].lower()}{named[1:]}"
    return resolve_organ(named)

