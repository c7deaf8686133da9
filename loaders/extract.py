"""One file in, its documents' facts out: the loader pipeline.

normalise → find the documents in the file → split them → header → issuer and scope →
references → tasks, assignments, reports → signatures → recipients → copies and repeated
texts → the page's metadata as a second witness.

>>> facts = extract_text("KẾ HOẠCH\\nThực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 của "
...     "Ban Bí thư về tiếp tục thực hiện Quyết định số 99-QĐ/TW\\n-----\\nBan Thường vụ Tỉnh "
...     "ủy Lạng Sơn ban hành Kế hoạch triển khai như sau:\\n1. Quán triệt sâu rộng nội dung "
...     "Kết luận trong toàn Đảng bộ tỉnh.", "plan.txt")
>>> doc = facts.documents[0]
>>> doc.doc_type, doc.issuer.name, [(r.symbol, r.relation.value) for r in doc.references]
('Kế hoạch', 'Tỉnh ủy Lạng Sơn', [('54-KL/TW', 'IMPLEMENTS'), ('99-QĐ/TW', 'CITES')])
"""

from __future__ import annotations

from dataclasses import replace

from vanban.errors import LoadError, NotADocumentError
from vanban.graph.model import DocumentFacts, DocumentRef, FileFacts, Signature
from vanban.loaders import tasks as task_rules
from vanban.loaders.document_text import DocumentText
from vanban.loaders.duties import read_duties
from vanban.loaders.header import parse_header
from vanban.loaders.issuers import (
    document_scope,
    organ_resolver,
    passed_on,
    read_issuer,
    reference_issuer_resolver,
)
from vanban.loaders.layout import locate_documents
from vanban.loaders.page_metadata import PageMetadata, read_page_metadata
from vanban.loaders.recipients import recipients_of
from vanban.loaders.references import find_references, other_documents
from vanban.loaders.repeats import repeated_text_of
from vanban.loaders.scopes import same_scope_for_same_symbol, scoped, symbol_scope
from vanban.loaders.segment import Line, split_documents, view_lines
from vanban.loaders.signatures import find_signatures
from vanban.loaders.symbols import party_term
from vanban.loaders.text import TextView, clean_view, first_line, join_lines
from vanban.loaders.witness import primary_document, witness

__all__ = ["extract_text", "front_matter_end", "locate_documents_in"]


def extract_text(raw: str, source_file: str) -> FileFacts:
    """Facts of every document in one file's text. Raises :class:`LoadError` if none."""
    clean, table, clean_lines = locate_documents_in(raw)
    flow = join_lines(clean)
    body_start = front_matter_end(raw)
    flow_lines = view_lines(flow)
    if body_start:
        flow_lines = [ln for ln in flow_lines if flow.offsets[ln.start] >= body_start]
        clean_lines = [ln for ln in clean_lines if clean.offsets[ln.start] >= body_start]
    if not flow_lines:
        raise LoadError(source_file, "no text")
    documents: list[DocumentFacts] = []
    for index, segment in enumerate(split_documents(flow_lines)):
        doc = DocumentText.of(source_file, flow, flow_lines, segment, clean, clean_lines)
        documents.append(_document(index, doc, documents))
    if table is not None and (primary := primary_document(documents, table)) is not None:
        documents[primary] = witness(documents[primary], table, lambda span: clean.span(*span))
    # A name alone on a last line is no signature block: prose signed by a person is not a directive.
    if not any(d.symbol or d.doc_type or d.issuer or any(s.capacity or s.title for s in d.signatures)
               for d in documents):
        raise NotADocumentError(source_file, "no recognisable document (no number, document type or issuer)")
    return FileFacts(source_file, tuple(documents))


def locate_documents_in(raw: str) -> tuple[TextView, PageMetadata | None, list[Line]]:
    """The clean view of a file with everything outside its documents blanked
    (:mod:`.layout`): site chrome, metadata tables and notices give no facts; the page's
    metadata table, if it has one, else the document's title on the page after it; and the
    lines of the view returned (:func:`.view_lines`)."""
    clean = clean_view(raw)
    table = read_page_metadata(clean)
    lines = view_lines(clean)
    layout = locate_documents(clean, raw, table, lines)
    return layout.blank_outside(clean), table or layout.title, layout.lines_inside(lines)


def front_matter_end(raw: str) -> int:
    r"""Where the document starts after a leading block of markdown ``#`` comment lines (a
    converter's title and notes, not part of the directive).

    >>> front_matter_end("# note\n# more\n\nTỈNH ỦY")
    15
    """
    pos = 0
    if not first_line(raw).lstrip().startswith("#"):
        return 0
    for line in raw.split("\n"):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        pos += len(line) + 1
    return pos


def _document(index: int, doc: DocumentText, earlier: list[DocumentFacts]) -> DocumentFacts:
    """The facts of one document of a file (``earlier``: the documents before it)."""
    header = parse_header(doc.lines, doc.segment)
    issued = read_issuer(header, doc)
    issuer = issued.issuer
    scope = document_scope(issuer, doc)
    resolve = organ_resolver(scope)
    items = task_rules.numbered_tasks(doc.lines, doc.segment.header_end, doc.segment.end)
    symbol = header.symbol
    subject_span = _subject_span(doc, header.subject_line, header.subject)
    refs, links = find_references(
        doc.text, source_file=doc.source_file, view=doc.flow, offset=doc.start,
        subject_span=subject_span, resolve_issuer=reference_issuer_resolver(resolve),
        skip_spans=tuple(filter(None, [_number_part(doc, header.symbol_line, subject_span)])),
        preamble_end=doc.relative(items[0].line)[0] if items else None)
    refs = same_scope_for_same_symbol([scoped(r, scope) for r in other_documents(refs, symbol)])
    links = [replace(lk, source=scoped(lk.source, scope), target=scoped(lk.target, scope)) for lk in links]
    tasks, reports = read_duties(doc, items, resolve)
    signatures = tuple(Signature(b.person, b.capacity, b.title, doc.clean_evidence(b.line, "signature-block"))
                       for b in find_signatures(doc.clean_texts))
    copies = _copied(header.doc_type, doc, earlier)
    repeats = index > 0 and symbol is None and copies is None
    same_as = repeated_text_of(header, issuer, earlier) if repeats else None
    blank = f"1-{header.blank_symbol_suffix}" if header.blank_symbol_suffix else None
    return DocumentFacts(
        source_file=doc.source_file,
        index=index,
        span=doc.span,
        symbol=symbol,
        doc_type=header.doc_type,
        date=header.date or passed_on(doc.text),
        place=header.place,
        subject=header.subject,
        issuer=issuer,
        co_issuers=issued.co_issuers,
        scope=symbol_scope(symbol or blank or "", issuer, scope) if symbol or blank else "",
        term=header.term or (party_term(header.date) if symbol and "-" in symbol.split("/")[0] else None),
        number_suffix=header.blank_symbol_suffix,
        same_as=same_as,
        copies=copies,
        signatures=signatures,
        recipients=recipients_of(doc, resolve, issuer),
        references=tuple(refs),
        derived=tuple(links),
        tasks=tasks,
        reports=reports,
        notes=(f"issuer from {issued.where}",) if issued.where else (),
    )


def _relative(doc: DocumentText, line: int | None) -> tuple[int, int] | None:
    return doc.relative(line) if line is not None else None


def _subject_span(doc: DocumentText, line: int | None, subject: str | None) -> tuple[int, int] | None:
    """The subject's stretch of its line: the line, or from where the subject starts on a line
    a merged header writes the number, the date and the type before it on."""
    span = _relative(doc, line)
    if span is None or not subject:
        return span
    at = doc.text.find(subject[:40], *span)
    return (at, span[1]) if at > span[0] else span


def _number_part(doc: DocumentText, symbol_line: int | None,
                 subject_span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The stretch of the number's line not read for references (the document's own number):
    the line, or the part before the subject a merged header writes on it."""
    span = _relative(doc, symbol_line)
    if span is None or subject_span is None or not span[0] < subject_span[0] < span[1]:
        return span
    return span[0], subject_span[0]


def _copied(doc_type: str | None, doc: DocumentText, earlier: list[DocumentFacts]) -> DocumentRef | None:
    """A copy block (sao lục) copies the document before it in the file."""
    if doc_type != "Sao lục" or not earlier or not (earlier[-1].symbol or earlier[-1].same_as):
        return None
    prev = earlier[-1]
    evidence = doc.evidence(0, min(len(doc.text), 200), "copy-block")
    if prev.symbol:
        return DocumentRef(prev.symbol, prev.doc_type, evidence, date=prev.date, issuer=prev.issuer,
                           term=prev.term, scope=prev.scope)
    return replace(prev.same_as, evidence=evidence) if prev.same_as is not None else None

