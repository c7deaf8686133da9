"""One file in, its documents' facts out: the loader pipeline.

normalise → split into documents → header → issuer and scope → references → tasks,
assignments, reports → signatures → recipients → copies and repeated texts.

>>> facts = extract_text("KẾ HOẠCH\\nThực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 của "
...     "Ban Bí thư về tiếp tục thực hiện Quyết định số 99-QĐ/TW\\n-----\\nBan Thường vụ Tỉnh "
...     "ủy Lạng Sơn ban hành Kế hoạch triển khai như sau:\\n1. Quán triệt sâu rộng nội dung "
...     "Kết luận trong toàn Đảng bộ tỉnh.", "plan.txt")
>>> doc = facts.documents[0]
>>> doc.doc_type, doc.issuer.name, [(r.symbol, r.relation.value) for r in doc.references]
('Kế hoạch', 'Tỉnh ủy Lạng Sơn', [('54-KL/TW', 'IMPLEMENTS'), ('99-QĐ/TW', 'CITES')])
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace

from vanban.errors import LoadError, NotADocumentError
from vanban.graph.model import (
    Assignment,
    DocumentFacts,
    DocumentRef,
    Evidence,
    FileFacts,
    OrganRef,
    Recipient,
    ReportLine,
    Signature,
    TaskFacts,
)
from vanban.graph.vocabulary import EdgeType, Role
from vanban.loaders import tasks as task_rules
from vanban.loaders.header import Header, drop_title_prefix, parse_header, split_cells, split_columns
from vanban.loaders.layout import locate_documents
from vanban.loaders.lexicon import organ_registry
from vanban.loaders.organs import (
    OrganScope,
    locality_key,
    looks_like_organ,
    resolve_organ,
    titlecase_organ,
)
from vanban.loaders.page_metadata import PageMetadata, read_page_metadata
from vanban.loaders.recipients import head_title, kinh_gui_items, noi_nhan_items
from vanban.loaders.references import find_references, is_self_reference
from vanban.loaders.segment import (
    Line,
    Segment,
    is_heading,
    split_documents,
    type_of_line,
    view_lines,
)
from vanban.loaders.signatures import find_signatures
from vanban.loaders.symbols import (
    is_local_code,
    issuer_code,
    joint_issuers,
    normalize_symbol,
    parse_date,
    party_term,
    registry_issuer,
)
from vanban.loaders.text import TextView, clean_view, first_line, fold, join_lines
from vanban.loaders.witness import primary_document, witness

__all__ = ["extract_text"]

_UNIT_START = re.compile(r"^(?:VĂN PHÒNG|BAN|SỞ|CỤC|VỤ|TỔNG CỤC|CHI CỤC|ĐẢNG ỦY|ĐẢNG ĐOÀN|HUYỆN ỦY|"
                         r"QUẬN ỦY|THỊ ỦY|THÀNH ỦY|ỦY BAN KIỂM TRA|PHÒNG|TRUNG TÂM|HỘI ĐỒNG|"
                         r"BAN CHỈ ĐẠO|BỘ)\b")
_MOTTO = re.compile(r"ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG H[ÒO]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐỘC LẬP",
                    re.IGNORECASE)


def extract_text(raw: str, source_file: str) -> FileFacts:
    """Facts of every document in one file's text. Raises :class:`LoadError` if none."""
    clean, table = locate_documents_in(raw)
    flow = join_lines(clean)
    body_start = front_matter_end(raw)
    flow_lines = [ln for ln in view_lines(flow) if not body_start or flow.offsets[ln.start] >= body_start]
    clean_lines = [ln for ln in view_lines(clean) if not body_start or clean.offsets[ln.start] >= body_start]
    if not flow_lines:
        raise LoadError(source_file, "no text")
    documents: list[DocumentFacts] = []
    for index, segment in enumerate(split_documents(flow_lines)):
        doc = _document(index, segment, flow, flow_lines, clean, clean_lines, source_file,
                        documents)
        documents.append(doc)
    if table is not None and (primary := primary_document(documents, table)) is not None:
        documents[primary] = witness(documents[primary], table, lambda span: clean.span(*span))
    # A name alone on a last line is no signature block: prose signed by a person is not a directive.
    if not any(d.symbol or d.doc_type or d.issuer or any(s.capacity or s.title for s in d.signatures)
               for d in documents):
        raise NotADocumentError(source_file, "no recognisable document (no number, document type or issuer)")
    return FileFacts(source_file, tuple(documents))


def locate_documents_in(raw: str) -> tuple[TextView, PageMetadata | None]:
    """The clean view of a file with everything outside its documents blanked
    (:mod:`.layout`): site chrome, metadata tables and notices give no facts; and the page's
    metadata table, if it has one, else the document's title on the page after it."""
    clean = clean_view(raw)
    table = read_page_metadata(clean)
    layout = locate_documents(clean, raw, table)
    return layout.blank_outside(clean), table or layout.title


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


def _document(index: int, segment: Segment, flow: TextView, flow_lines: list[Line],
              clean: TextView, clean_lines: list[Line], source_file: str,
              earlier: list[DocumentFacts]) -> DocumentFacts:
    header = parse_header(flow_lines, segment)
    seg_start = flow_lines[segment.start].start
    seg_end = flow_lines[segment.end - 1].end
    orig_start, orig_end = flow.span(seg_start, seg_end)
    doc_clean = _lines_between(clean, clean_lines, orig_start, orig_end)
    text = flow.text[seg_start:seg_end]

    def evidence(start: int, end: int, rule: str, sentence: str | None = None) -> Evidence:
        span = flow.span(seg_start + start, seg_start + end)
        return Evidence(source_file, span, (sentence or text[start:end]).strip(), rule)

    issuer, issuer_evidence = _issuer(header, doc_clean, flow_lines, segment, text, evidence)
    joint = [o for o in map(resolve_organ, joint_issuers(header.symbol)) if o] if header.symbol else []
    if len(joint) > 1:  # a joint document: one issuer per code of its symbol, the first one leading
        issuer, issuer_evidence = joint[0], "symbol"
    scope = OrganScope.of(issuer)
    province = _province_of_header(doc_clean)
    if province and "tinh uy" not in scope.anchors and "thanh uy" not in scope.anchors:
        extra = OrganScope.of(resolve_organ(province)).anchors
        scope = OrganScope(scope.issuer, {**extra, **scope.anchors}, scope.key)

    def resolve(name: str) -> OrganRef | None:
        if not looks_like_organ(name):
            return None
        return resolve_organ(_bare_unit(name, scope), scope)

    symbol = header.symbol
    subject_span = None
    if header.subject_line is not None:
        line = flow_lines[header.subject_line]
        subject_span = (line.start - seg_start, line.end - seg_start)
    skip = ()
    if header.symbol_line is not None:
        line = flow_lines[header.symbol_line]
        skip = ((line.start - seg_start, line.end - seg_start),)
    first_task = task_rules.numbered_tasks(flow_lines, segment.header_end, segment.end)
    preamble_end = (flow_lines[first_task[0].line].start - seg_start) if first_task else None
    def resolve_issuer(name: str) -> OrganRef | None:
        # "… của Bộ trưởng Bộ Tài chính": the minister issues for the ministry its header names
        return _standing_to_committee(resolve(_HEAD_OF.sub("", name, count=1)))

    refs, links = find_references(text, source_file=source_file, view=flow, offset=seg_start,
                                  subject_span=subject_span, resolve_issuer=resolve_issuer,
                                  skip_spans=skip, preamble_end=preamble_end)
    own = normalize_symbol(symbol) if symbol else None
    refs = _same_scope_for_same_symbol(
        [_scoped(r, scope) for r in refs if not (own and r.symbol and normalize_symbol(r.symbol) == own)])
    links = [replace(lk, source=_scoped(lk.source, scope), target=_scoped(lk.target, scope))
             for lk in links]
    term = header.term or (party_term(header.date) if symbol and "-" in symbol.split("/")[0] else None)
    tasks, reports = _tasks(flow_lines, segment, seg_start, text, evidence, resolve)
    signatures = tuple(
        Signature(b.person, b.capacity, b.title,
                  _clean_evidence(clean, doc_clean[b.line], source_file, "signature-block"))
        for b in find_signatures([ln.text for ln in doc_clean])
    )
    recipients = _recipients(doc_clean, clean, source_file, resolve, issuer)
    doc_type = header.doc_type
    copies = None
    if doc_type == "Sao lục" and earlier and (earlier[-1].symbol or earlier[-1].same_as):
        prev = earlier[-1]
        if prev.symbol:
            copies = DocumentRef(prev.symbol, prev.doc_type,
                                 evidence(0, min(len(text), 200), "copy-block"),
                                 date=prev.date, issuer=prev.issuer, term=prev.term, scope=prev.scope)
        else:
            copies = replace(prev.same_as, evidence=evidence(0, min(len(text), 200), "copy-block"))
    same_as = None
    if index > 0 and symbol is None and copies is None:
        same_as = _repeated_text_of(header, issuer, earlier)
    doc_scope = _symbol_scope(symbol, issuer, scope) if symbol else ""
    notes = []
    if issuer_evidence:
        notes.append(f"issuer from {issuer_evidence}")
    date = header.date or _passed_on(text)
    return DocumentFacts(
        source_file=source_file,
        index=index,
        span=(orig_start, orig_end),
        symbol=symbol,
        doc_type=doc_type,
        date=date,
        place=header.place,
        subject=header.subject,
        issuer=issuer,
        co_issuers=tuple(joint[1:]),
        scope=doc_scope or (_symbol_scope(f"1-{header.blank_symbol_suffix}", issuer, scope)
                            if header.blank_symbol_suffix else ""),
        term=term,
        number_suffix=header.blank_symbol_suffix,
        same_as=same_as,
        copies=copies,
        signatures=signatures,
        recipients=recipients,
        references=tuple(refs),
        derived=tuple(links),
        tasks=tasks,
        reports=reports,
        notes=tuple(notes),
    )


def _lines_between(view: TextView, lines: list[Line], start: int, end: int) -> list[Line]:
    # Offsets never decrease along a view, so the lines can be bisected on their original start.
    lo = bisect.bisect_left(lines, start, key=lambda ln: view.offsets[ln.start])
    hi = bisect.bisect_left(lines, end, lo, key=lambda ln: view.offsets[ln.start])
    return lines[lo:hi]


def _clean_evidence(clean: TextView, line: Line, source_file: str, rule: str) -> Evidence:
    return Evidence(source_file, clean.span(line.start, line.end), line.text, rule)


# --- issuer -------------------------------------------------------------------------------

def _issuer(header: Header, doc_clean: list[Line], flow_lines: list[Line], segment: Segment,
            text: str, evidence) -> tuple[OrganRef | None, str | None]:
    candidates: list[tuple[str, str]] = []
    rest = header.type_rest
    if re.match(r"^(?:cua|hoi nghi)\b", fold(rest)):
        named = _registry_in(rest)
        if named:
            candidates.append((named, "type line"))
        of = re.search(r"\bC[UỦÙÚ]A\s+(?P<who>.+?)(?:(?<!\s)\s+V[ỀÊE]\b|$)", rest)
        if of:
            candidates.append((titlecase_organ(of.group("who")), "type line"))
    column = _header_column(doc_clean)
    if column:
        candidates.append((column, "header"))
    body = _body_issuer(text)
    if body and looks_like_organ(body.group("who")):
        candidates.append((body.group("who"), "body"))
    if header.symbol:
        central = registry_issuer(header.symbol)
        if central:
            candidates.append((central, "symbol"))
    for name, where in candidates:
        organ = resolve_organ(_complete_bloc(name, text))
        if organ is not None and looks_like_organ(organ.name):
            return _standing_to_committee(organ), where
    return None, None


_ISSUED = (r"ban hành\s+(?:Kế hoạch|Kết luận|Công văn|Hướng dẫn|Chương trình|Quyết định|"
           r"Nghị quyết|Chỉ thị|Thông báo|Quy định)\b")
_BODY_ISSUER = re.compile(r"(?:^|[;:.]\s*|\n)(?P<who>[A-ZĐÀ-Ỹ][^;:.\n]{3,120}?)\s+" + _ISSUED)
_ISSUED_TAIL = re.compile(_ISSUED)  # where a match of _BODY_ISSUER can end (a literal first)


def _body_issuer(text: str) -> re.Match[str] | None:
    """``_BODY_ISSUER.search(text)``, run only between the last ``;``, ``:`` or ``.`` before
    the first "ban hành <type>" after a space (a match holds none of them between its start
    and its "ban hành") and the end of the last one (every match ends with one)."""
    tails = [m for m in _ISSUED_TAIL.finditer(text) if text[m.start() - 1 : m.start()].isspace()]
    if not tails:
        return None
    first = tails[0].start()
    return _BODY_ISSUER.search(text, max(0, *(text.rfind(stop, 0, first) for stop in ";:.")), tails[-1].end())


def _registry_in(heading: str) -> str | None:
    """The longest registry name written inside a heading (``… BAN CHẤP HÀNH TRUNG ƯƠNG …``).

    Every run of whole words of the folded heading is looked up in the registry; of equal
    lengths the name listed first wins. The time grows with the heading, not the registry.
    """
    registry = organ_registry()
    words = fold(heading).split(" ")
    best = None  # (length, -place in the registry, name)
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + registry.longest_key_words) + 1):
            key = " ".join(words[i:j])
            entry = registry.by_fold.get(key)
            if entry is not None and len(key) > 6:
                found = (len(key), -registry.fold_rank[key], entry.name)
                if best is None or found > best:
                    best = found
    return best[2] if best else None


def _header_column(doc_clean: list[Line]) -> str | None:
    """The issuing organ from the header's left column (stacked lines combined)."""
    names: list[str] = []
    for cell in _left_cells(doc_clean[:14]):
        if not cell or _MOTTO_OPENING.match(fold(cell)):
            if names:  # the rule under the issuer, or the motto's column run into it
                break
            continue
        if re.match(r"^\W*S[ốô]\b", cell, re.IGNORECASE) or type_of_line(cell):
            break
        cell = _MOTTO.sub("", re.split(r"\bS[ốô]\s*[:.]?\s*[\d.…_/-]", cell)[0]).strip(" *-|")
        if not cell or not is_heading(cell) or "NGÀY" in cell or "NĂM" in cell:
            continue
        if cell not in names:
            names.append(cell)
    if not names:
        return None
    name = names[0]
    for nxt in names[1:]:
        if _UNIT_START.match(nxt) and not _DANGLING.search(name):
            upper = name
            level = re.search(r"\b(TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|XÃ|PHƯỜNG)$", nxt)
            where = re.search(rf"\b{level.group(1)}\s+(.+)$", upper) if level else None
            if where:  # "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH" under "ĐẢNG BỘ TỈNH LÀO CAI"
                name = f"{nxt} {where.group(1)}"
                continue
            m = re.match(r"^(?:ỦY BAN NHÂN DÂN|UBND)\s+(?P<place>(?:TỈNH|THÀNH PHỐ|HUYỆN).+)$", upper)
            if m and not nxt.startswith(("VĂN PHÒNG", "BAN", "ỦY BAN KIỂM TRA")):
                name = f"{nxt} {m.group('place')}"  # "SỞ Y TẾ", "TRUNG TÂM …" of the province
            elif nxt.startswith(("VĂN PHÒNG", "BAN", "ỦY BAN KIỂM TRA")) and not upper.startswith("BỘ"):
                name = f"{nxt} {upper}"
            else:
                name = nxt
        else:
            name = f"{name} {nxt}"
    return titlecase_organ(name)


# A header line cut inside a name ("ỦY" / "BAN NHÂN DÂN", "UBND THÀNH PHỐ HÀ" / "NỘI"): the
# line goes on with the next, whatever word opens it.
_DANGLING = re.compile(r"(?:^\S+|\b(?:ỦY|VĂN|TỔNG|CHI|CỦA|VÀ))$")


_RULE_LINE = re.compile(r"[\s*]*(?:[-_=~.]{3,}|\*)[\s*]*")
_MOTTO_OPENING = re.compile(r"cong hoa\b|dang cong san\b|doc lap\b")


def _left_cells(lines: list[Line]) -> Iterator[str]:
    """The header's left-hand cells, top down: the first cell of each line, and every paragraph
    of a table cell packed `` / `` (``BỘ CÔNG THƯƠNG / CỤC HÓA CHẤT | CỘNG HÒA …``); a rule
    line (``-------``, ``*``) gives an empty cell."""
    for line in lines:
        text = drop_title_prefix(line.text)
        cells = split_cells(text)
        if not cells:
            if _RULE_LINE.fullmatch(text):
                yield ""  # a rule ("-------", "*") ends the issuer's lines
            continue
        columns = split_columns(text) if " / " in text else []
        packed = split_cells(columns[0]) if columns else []
        yield from packed if len(packed) > 1 else cells[:1]


def _complete_bloc(name: str, text: str) -> str:
    """``Đảng ủy Khối`` alone: complete it with the ``Khối …`` the document names."""
    if not re.search(r"(?i)đảng\s+ủy\s+khối$", name.strip()):
        return name
    for entry_name, bloc in organ_registry().blocs:  # the registry's "Đảng ủy Khối …" entries
        if re.search(r"\bKhối\s+" + re.escape(bloc), text, re.IGNORECASE):
            return entry_name
    m = re.search(r"\bKhối\s+((?:[A-ZĐÀ-Ỹ][\wà-ỹđ]*)(?:\s+(?:-\s+)?[A-ZĐÀ-Ỹ][\wà-ỹđ]*)*)", text)
    return f"{name.strip()} {m.group(1)}" if m else name


def _standing_to_committee(organ: OrganRef | None) -> OrganRef | None:
    """``Ban Thường vụ Tỉnh ủy X`` acts for ``Tỉnh ủy X``: the issuer is the committee."""
    if organ is not None and organ.parent is not None and _STANDING.match(organ.name):
        return organ.parent
    return organ


_HEAD_OF = re.compile(r"^(?:Bộ trưởng|Chủ tịch|Giám đốc|Tổng cục trưởng|Cục trưởng|Thống đốc)"
                      r"\s+(?=[A-ZĐ]|Ủy)")
_STANDING = re.compile(r"^(?:Ban Thường vụ|Thường trực)\b")


_BRACKETS = re.compile(r"\([^)]*\)")


def _bare_unit(name: str, scope: OrganScope) -> str:
    """``Ban Dân vận`` alone in a provincial document is the committee's own department."""
    if scope.issuer is None or not scope.anchors or fold(name) in organ_registry().by_fold:
        return name
    stripped = (_BRACKETS.sub("", name) if "(" in name else name).strip(" ,.;")
    if (stripped.startswith("Sở ") and "tinh" in scope.anchors
            and not re.search(r"\b(?:tỉnh|thành phố|huyện|Trung ương)\b", stripped)):
        return f"{stripped} {scope.anchors['tinh']}"  # a province's own department
    words = stripped.split()
    if (2 <= len(words) <= 4 and words[0] == "Ban" and words[1][:1].isupper()
            and all(w.islower() for w in words[2:])):
        root = next(iter(scope.anchors.values()))
        return f"{stripped} {root}"
    return name


_PASSED = re.compile(r"thông qua ngày\s+(\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")


def _passed_on(text: str) -> str | None:
    """A law or resolution dated only at its end: ``… thông qua ngày 10 tháng 12 năm 2025``."""
    found = _PASSED.search(text)
    return parse_date(found.group(1)) if found else None


# --- scopes -------------------------------------------------------------------------------

def _symbol_scope(symbol: str, issuer: OrganRef | None, scope: OrganScope) -> str:
    """Local series (…/TU, …/UBND-…) are numbered per locality; national ones are not."""
    if not is_local_code(issuer_code(symbol)):
        return ""
    return locality_key(issuer) or locality_key(scope.issuer) or "?"


def _scoped(ref: DocumentRef, scope: OrganScope) -> DocumentRef:
    """The scope of a referenced symbol: the locality of the issuer it names, else (a central
    issuer named for a local symbol is a misreading) the locality of the citing document."""
    if ref.symbol and ref.issuer is not None and not _issuer_fits(ref.symbol, ref.issuer):
        ref = replace(ref, issuer=None)  # "Kế hoạch thực hiện 104-CTr/TU của UBND tỉnh": not its issuer
    if ref.symbol:
        if not is_local_code(issuer_code(ref.symbol)):
            return ref
        own = locality_key(scope.issuer)
        province = scope.anchors.get("tinh uy") or scope.anchors.get("thanh uy")
        if province and (issuer_code(ref.symbol) or "").upper().endswith("TU"):
            own = locality_key(resolve_organ(province))  # a …/TU series is the province's
        named = locality_key(ref.issuer) if ref.issuer is not None and not _is_central(ref.issuer) else ""
        scoped = named or own or "?"
        return ref if ref.scope == scoped else replace(ref, scope=scoped)
    if ref.title and re.search(r"\b(?:tỉnh|thành phố|huyện|Khối|khối)\b", ref.title):
        return replace(ref, scope=locality_key(scope.issuer) or "?")
    return ref


_PARTY_CODE = re.compile(r"(?:TW|TU|HU|QU|TXU|ĐU|ĐUK|VPTU|VPQU|VPHU|BTGTU|BDVTU|UBKTTU)$")
_STATE_ORGAN = re.compile(
    r"^(?:Ủy ban nhân dân|Hội đồng nhân dân|Sở|Bộ|Chính phủ|Thủ tướng|Quốc hội|Văn phòng Chính phủ)\b"
)


def _issuer_fits(symbol: str, issuer: OrganRef) -> bool:
    """A party series (…/TU, …/TW) is not issued by a state body, nor a state series by a party
    committee: such a ``của …`` belongs to another phrase of the sentence."""
    code = (issuer_code(symbol) or "").upper()
    party_series = "-" in symbol.split("/")[0] and bool(_PARTY_CODE.search(code))
    state_issuer = bool(_STATE_ORGAN.match(issuer.name))
    return not (party_series and state_issuer)


def _same_scope_for_same_symbol(refs: list[DocumentRef]) -> list[DocumentRef]:
    """A short mention (``Kế hoạch số 100-KH/TU``) is the document an earlier full mention in
    the same text (``… 100-KH/TU của Ban Thường vụ Tỉnh ủy X``) named: it takes that scope."""
    named = {}
    for ref in refs:
        if ref.symbol and ref.issuer is not None:
            named.setdefault(normalize_symbol(ref.symbol), ref.scope)
    return [replace(ref, scope=named[normalize_symbol(ref.symbol)])
            if ref.symbol and ref.issuer is None
            and named.get(normalize_symbol(ref.symbol), ref.scope) != ref.scope else ref
            for ref in refs]


_PARTY_BRANCH = re.compile(
    r"ĐẢNG BỘ (?P<level>TỈNH|THÀNH PHỐ) (?P<place>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]+?)(?:\s{2,}|\s*$|\s*\|)"
)


def _province_of_header(doc_clean: list[Line]) -> str | None:
    """``ĐẢNG BỘ TỈNH LÀO CAI`` above a district committee's name: the province it belongs to."""
    for line in doc_clean[:8]:
        m = _PARTY_BRANCH.search(line.text)
        if m:
            return titlecase_organ(f"TỈNH ỦY {m.group('place')}" if m.group("level") == "TỈNH"
                                   else f"THÀNH ỦY {m.group('place')}")
    return None


def _is_central(organ: OrganRef) -> bool:
    node = organ
    while node.parent is not None:
        node = node.parent
    return fold(node.name) in organ_registry().by_fold


# --- tasks, assignments, reports ----------------------------------------------------------

def _tasks(flow_lines: list[Line], segment: Segment, seg_start: int, text: str, evidence,
           resolve) -> tuple[tuple[TaskFacts, ...], tuple[ReportLine, ...]]:
    body_start = segment.header_end
    items = task_rules.numbered_tasks(flow_lines, body_start, segment.end)
    units = task_rules.assignment_units(flow_lines, body_start, segment.end, items)
    assignments: dict[str, list[Assignment]] = {}
    new_tasks: list[TaskFacts] = []
    reports: list[ReportLine] = []

    def rel(line: Line) -> tuple[int, int]:
        return line.start - seg_start, line.end - seg_start

    for unit in units:
        line = flow_lines[unit.line]
        start, end = rel(line)
        names, role, _ = task_rules.subject_of(unit.text)
        organs = [o for o in (resolve(n) for n in names) if o is not None]
        ev = evidence(start, end, "execution-unit")
        found = [Assignment(o, role, ev) for o in organs]
        found += [Assignment(o, Role.COORDINATE, ev)
                  for o in (resolve(n) for n in task_rules.coordinators(unit.text)) if o]
        if unit.is_new_task:
            if not organs:
                continue
            new_tasks.append(TaskFacts(unit.path, unit.path, unit.text[:4000], ev, tuple(found)))
        else:
            assignments.setdefault(unit.path, []).extend(found)
        reports += _report_lines(task_rules.find_reports(unit.text), organs,
                                 evidence(start, end, "reports-to"), resolve)
    # Paragraphs outside the units can also carry "X … báo cáo Y" (a plan's closing paragraph).
    unit_lines = {u.line for u in units}
    unsaid: list[tuple[int, list[task_rules.ReportPhrase]]] = []  # reporting lines naming no organ
    for i in range(body_start, segment.end):
        if i in unit_lines:
            continue
        line = flow_lines[i]
        phrases = task_rules.find_reports(line.text)
        if not phrases:
            continue
        names, _, _ = task_rules.subject_of(re.sub(r"^[-–+•\d.)\s]+", "", line.text))
        organs = [o for o in (resolve(n) for n in names) if o is not None]
        if not organs:
            unsaid.append((i, phrases))
            continue
        start, end = rel(line)
        reports += _report_lines(phrases, organs, evidence(start, end, "reports-to"), resolve)
    preamble_end = items[0].line if items else segment.end
    preamble = "\n".join(ln.text for ln in flow_lines[body_start:preamble_end])
    told = [o for o in (resolve(n) for n in task_rules.preamble_assignees(preamble)) if o]
    execution_paths = {u.path for u in units}
    tasks: list[TaskFacts] = []
    for item in items:
        line = flow_lines[item.line]
        start, end = rel(line)
        ev = evidence(start, end, "numbered-task")
        found = list(assignments.get(item.path, []))
        named = []
        if item.path not in execution_paths or not found:
            # An execution unit whose first line is only an organ ("1. Đảng ủy Ủy ban nhân dân
            # tỉnh", its duties as bullets below) is read like any numbered item naming its organ.
            named = _item_assignments(item.text, ev, resolve)
            found += named
        is_heading_item = task_rules.is_execution_heading(first_line(item.text))
        # The preamble's "đề nghị X … nhiệm vụ sau:" tells X to do the items naming no organ.
        if (told and not named and item.path not in execution_paths and not is_heading_item
                and "." not in item.number):
            found += [Assignment(o, Role.PERFORM, ev) for o in told]
        tasks.append(TaskFacts(item.number, item.path, item.text, ev, tuple(found)))
    reports += _item_reports(items, tasks, unsaid, flow_lines, rel, evidence, resolve)
    article = task_rules.execution_article(text)
    if article is not None:
        number, names = article
        at = text.find(number)
        line_end = text.find("\n", at) if text.find("\n", at) > 0 else len(text)
        ev = evidence(at, line_end, "execution-article")
        found = tuple(Assignment(o, Role.PERFORM, ev) for o in (resolve(n) for n in names) if o)
        if found:
            new_tasks.append(TaskFacts(number, number, text[at:line_end][:4000], ev, found))
    return tuple(tasks + new_tasks), tuple(reports)


def _report_lines(phrases: list[task_rules.ReportPhrase], organs: list[OrganRef], ev: Evidence,
                  resolve) -> list[ReportLine]:
    """Each of ``organs`` reports to the body each phrase names (through its ``qua``), never
    to itself; a phrase naming no known body gives nothing."""
    out: list[ReportLine] = []
    for phrase in phrases:
        to = resolve(phrase.to)
        if to is None:
            continue
        via = resolve(phrase.via) if phrase.via else None
        out += [ReportLine(o, to, via, ev) for o in organs if o.key != to.key]
    return out


def _item_reports(items: list[task_rules.TaskItem], tasks: list[TaskFacts],
                  lines: list[tuple[int, list[task_rules.ReportPhrase]]], flow_lines: list[Line], rel,
                  evidence, resolve) -> list[ReportLine]:
    """A duty under an item naming its organ (``2. Bộ Công Thương:`` / ``- Rà soát …, báo cáo
    Thủ tướng Chính phủ …``) reports for that organ: the item's lead or performers. ``lines``
    are the reporting lines that name no organ, with their phrases."""
    out: list[ReportLine] = []
    starts = [item.line for item in items]
    for i, phrases in lines:
        at = bisect.bisect_right(starts, i) - 1
        if at < 0 or i > items[at].line + items[at].text.count("\n") + 1:
            continue  # not inside a numbered item
        organs = list(dict.fromkeys(a.organ for a in tasks[at].assignments if a.role is not Role.COORDINATE))
        start, end = rel(flow_lines[i])
        out += _report_lines(phrases, organs, evidence(start, end, "reports-to"), resolve)
    return out


def _item_assignments(text: str, ev: Evidence, resolve) -> list[Assignment]:
    """A numbered task that names its organ: ``2. Giao Sở X chủ trì …``, a heading ``3. Sở X``
    with its duties as bullets below (``- Chủ trì, phối hợp với …``), or organs named below its
    first line (``Giao Ban X chủ trì …``, ``- Cơ quan thực hiện: Sở X chủ trì, …``)."""
    names, role, _ = task_rules.subject_of(first_line(text))
    if not names:
        heading = task_rules.heading_organ(text)
        names = [heading] if heading is not None else []
        role = Role.LEAD if re.search(r"(?m)^(?:[-–+•]|[a-zđ]\))?\s*Chủ trì", text) else Role.PERFORM
    found = [Assignment(o, role, ev) for o in (resolve(n) for n in names) if o is not None]
    for inner, inner_role in task_rules.inner_assignees(text):
        found += [Assignment(o, inner_role, ev) for o in (resolve(n) for n in inner) if o is not None]
    if not found:
        return []
    found += [Assignment(o, Role.COORDINATE, ev)
              for o in (resolve(n) for n in task_rules.coordinators(text)) if o is not None]
    return found


# --- recipients ---------------------------------------------------------------------------

def _recipients(doc_clean: list[Line], clean: TextView, source_file: str,
                resolve, issuer: OrganRef | None) -> tuple[Recipient, ...]:
    texts = [ln.text for ln in doc_clean]
    out: list[Recipient] = []
    for kind, items in (("kinh_gui", kinh_gui_items(texts)), ("noi_nhan", noi_nhan_items(texts))):
        for item in items:
            head = head_title(item.text) if issuer is not None else None
            if head is not None:  # "Cục trưởng (để b/c)": the head of the issuing Cục
                title, body = head
                organ = resolve(f"{title} {_headed_body(issuer, body).name}")
            else:
                organ = resolve(item.text)
            if organ is None:
                continue
            ev = _clean_evidence(clean, doc_clean[item.line], source_file, f"recipients-{kind}")
            out.append(Recipient(organ, kind, item.purpose, ev))
    return tuple(out)


def _headed_body(issuer: OrganRef, kind: str | None) -> OrganRef:
    """The body a head title names: the issuer, or the body above it of that kind (the
    ``Bộ trưởng`` of a document issued by one of the ministry's departments)."""
    node: OrganRef | None = issuer
    while kind and node is not None:
        if node.name.startswith(f"{kind} "):
            return node
        node = node.parent
    return issuer


# --- repeated texts -----------------------------------------------------------------------

def _repeated_text_of(header: Header, issuer: OrganRef | None,
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


__all__ += ["EdgeType", "is_self_reference"]
