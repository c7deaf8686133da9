"""Who issued a document, and the scope its relative names resolve in.

The issuer is read from, in order: the type line (``KẾT LUẬN CỦA BAN BÍ THƯ``), the header's
left column (``TỈNH ỦY LẠNG SƠN``, ``BỘ TÀI CHÍNH`` / ``CỤC THUẾ``), the body (``Ban Thường
vụ Tỉnh ủy ban hành Kế hoạch``) and the symbol's code (``…/NĐ-CP`` is the Government's). A
joint (liên tịch) document has one issuer per code of its symbol. The standing body of a
committee acts for it: ``Ban Thường vụ Tỉnh ủy X`` issues for ``Tỉnh ủy X``.

>>> header_column_name(["BỘ TÀI CHÍNH", "CỤC THUẾ", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
'Cục Thuế'
>>> header_column_name(["ỦY", "BAN NHÂN DÂN", "TỈNH BẮC NINH", "--------"])
'Ủy ban nhân dân tỉnh Bắc Ninh'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from vanban.graph.model import OrganRef
from vanban.loaders import patterns
from vanban.loaders.document_text import DocumentText
from vanban.loaders.header import Header, drop_title_prefix, split_cells, split_columns
from vanban.loaders.lexicon import (
    committees,
    organ_registry,
    organ_word_names,
    organ_word_openings,
    organ_words,
    titles,
)
from vanban.loaders.organ_names import looks_like_organ, titlecase_organ
from vanban.loaders.organs import OrganScope, resolve_organ
from vanban.loaders.segment import is_heading, type_of_line
from vanban.loaders.symbols import joint_issuers, parse_date, registry_issuer
from vanban.loaders.text import fold

__all__ = ["Issued", "document_scope", "header_column_name", "organ_resolver", "passed_on", "read_issuer",
           "reference_issuer_resolver"]

OrganResolver = Callable[[str], OrganRef | None]


class Issued(NamedTuple):
    """The issuer, where it was read (``header``, ``type line``, ``body``, ``symbol``) and, for
    a joint document, the other issuers."""

    issuer: OrganRef | None
    where: str | None
    co_issuers: tuple[OrganRef, ...] = ()


# The subject after the authority on the type line: "CỦA BỘ CHÍNH TRỊ VỀ TIẾP TỤC THỰC HIỆN …".
_SUBJECT_AFTER = re.compile(r"(?<!\s)\s+V[ỀÊE]\b")


def read_issuer(header: Header, doc: DocumentText) -> Issued:
    """The issuer of a document (see the module's docstring)."""
    joint = [o for o in map(resolve_organ, joint_issuers(header.symbol)) if o] if header.symbol else []
    if len(joint) > 1:  # a joint document: one issuer per code of its symbol, the first one leading
        return Issued(joint[0], "symbol", tuple(joint[1:]))
    candidates: list[tuple[str, str]] = []
    rest = header.type_rest
    if re.match(r"^(?:cua|hoi nghi)\b", fold(rest)):
        named = _registry_in(_SUBJECT_AFTER.split(rest, maxsplit=1)[0])  # (not a body the subject names)
        if named:
            candidates.append((named, "type line"))
        of = re.search(r"\bC[UỦÙÚ]A\s+(?P<who>.+?)(?:(?<!\s)\s+V[ỀÊE]\b|$)", rest)
        if of:
            candidates.append((titlecase_organ(of.group("who")), "type line"))
    column = header_column_name(line.text for line in doc.clean_lines[:14])
    if column:
        candidates.append((column, "header"))
    body = _body_issuer(doc.text)
    if body and looks_like_organ(body.group("who")):
        candidates.append((body.group("who"), "body"))
    if header.symbol:
        central = registry_issuer(header.symbol)
        if central:
            candidates.append((central, "symbol"))
    for name, where in candidates:
        organ = resolve_organ(_complete_bloc(name, doc.text))
        if organ is not None and looks_like_organ(organ.name):
            return Issued(standing_to_committee(organ), where)
    return Issued(None, None)


def document_scope(issuer: OrganRef | None, doc: DocumentText) -> OrganScope:
    """Where the document's relative names point: its issuer's locality, and the province a
    header line names above a district committee (``ĐẢNG BỘ TỈNH LÀO CAI``)."""
    scope = OrganScope.of(issuer)
    province = _province_of_header(line.text for line in doc.clean_lines[:8])
    if province and not any(fold(c) in scope.anchors for c in _PROVINCIAL_COMMITTEES):
        extra = OrganScope.of(resolve_organ(province)).anchors
        scope = OrganScope(scope.issuer, {**extra, **scope.anchors}, scope.key)
    return scope


def organ_resolver(scope: OrganScope) -> OrganResolver:
    """Resolve a mention in a document's scope; None for what is no organ's name. (A document
    names the same bodies again and again: each name is resolved once.)"""
    resolved: dict[str, OrganRef | None] = {}

    def resolve(name: str) -> OrganRef | None:
        if name not in resolved:
            resolved[name] = resolve_organ(_bare_unit(name, scope), scope) if looks_like_organ(name) else None
        return resolved[name]

    return resolve


def reference_issuer_resolver(resolve: OrganResolver) -> OrganResolver:
    """Resolve the issuer a reference names (``… của Bộ trưởng Bộ Tài chính``): an office
    holder issues for the body the office heads, a standing body for its committee."""

    def resolve_issuer(name: str) -> OrganRef | None:
        return standing_to_committee(resolve(_HEAD_OF.sub("", name, count=1)))

    return resolve_issuer


# The title of a head who issues for the body it heads: "Bộ trưởng Bộ Tài chính", "Giám đốc Sở X"
# (not "Thủ tướng Chính phủ", itself an issuer), also by two titles ("Bộ trưởng, Chủ nhiệm …").
_HEAD_OF = re.compile(
    "^(?:(?:" + patterns.TITLE + r"),\s*(?:" + patterns.TITLE + ")"
    "|" + patterns.alternation(t.title for t in titles() if (t.alone or t.heads)
                               and fold(f"{t.title} {t.heads}") not in organ_registry().by_fold)
    + r")\s+(?=[A-ZĐ]|Ủy)")
_STANDING = re.compile(patterns.alternation(w.word for w in organ_words() if w.standing) + r"\b")


def standing_to_committee(organ: OrganRef | None) -> OrganRef | None:
    """``Ban Thường vụ Tỉnh ủy X`` acts for ``Tỉnh ủy X``: the issuer is the committee."""
    if organ is not None and organ.parent is not None and _STANDING.match(organ.name):
        return organ.parent
    return organ


# --- the body ----------------------------------------------------------------------------------

_ISSUED = patterns.ISSUED_TYPE + r"\b"
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


# --- the header's left column ----------------------------------------------------------------

def header_column_name(lines: Iterable[str]) -> str | None:
    """The issuing organ from the header's left column (stacked lines combined): a unit under
    its parent is the unit (``BỘ TÀI CHÍNH`` / ``CỤC THUẾ``), a department of a province's
    committee takes its place (``UBND TỈNH X`` / ``SỞ Y TẾ`` → ``Sở Y tế tỉnh X``), a line cut
    inside a name goes on with the next, and the motto's column run into it is left out."""
    names: list[str] = []
    for cell in _left_cells(lines):
        if not cell or _MOTTO_OPENING.match(fold(cell)):
            if names:  # the rule under the issuer, or the motto's column run into it
                break
            continue
        if re.match(r"^\W*S[ốô]\b", cell, re.IGNORECASE) or type_of_line(cell):
            break
        cell = patterns.MOTTO_RE.sub("", re.split(r"\bS[ốô]\s*[:.]?\s*[\d.…_/-]", cell)[0]).strip(" *-|")
        if not cell or not is_heading(cell) or "NGÀY" in cell or "NĂM" in cell:
            continue
        names += [part for part in _stacked_in_one_cell(cell) if part not in names]
    if not names:
        return None
    name = names[0]
    for nxt in names[1:]:
        if _UNIT_START.match(nxt) and not _cut_inside_name(name, nxt):
            upper = name
            level = _LEVEL_AT_END.search(nxt)
            where = re.search(rf"\b{level.group(1)}\s+(.+)$", upper) if level else None
            if where:  # "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH" under "ĐẢNG BỘ TỈNH LÀO CAI"
                name = f"{nxt} {where.group(1)}"
                continue
            m = _PROVINCIAL_STATE.match(upper)
            if m and not _COMMITTEE_PART.match(nxt):
                name = f"{nxt} {m.group('place')}"  # "SỞ Y TẾ", "TRUNG TÂM …" of the province
            elif _COMMITTEE_PART.match(nxt) and not _MINISTRY.match(upper):
                name = f"{nxt} {upper}"
            else:
                name = nxt
        else:
            name = f"{name} {nxt}"
    return titlecase_organ(name)


def _stacked_in_one_cell(cell: str) -> list[str]:
    """A parent and its unit in one cell (a converter joined the column's lines): the two names,
    else the cell. The parent is a province's or district's people's committee, a party
    committee with its place, or a body of the registry.

    >>> _stacked_in_one_cell("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG"), _stacked_in_one_cell("THÀNH ỦY HẢI PHÒNG")
    (['UBND TỈNH LÀO CAI', 'SỞ CÔNG THƯƠNG'], ['THÀNH ỦY HẢI PHÒNG'])
    >>> _stacked_in_one_cell("UBND THÀNH PHỐ HẢI PHÒNG SỞ Y TẾ")
    ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ Y TẾ']
    >>> _stacked_in_one_cell("ĐẢNG BỘ TỈNH LÀO CAI ĐẢNG ỦY XÃ BẢO THẮNG")
    ['ĐẢNG BỘ TỈNH LÀO CAI', 'ĐẢNG ỦY XÃ BẢO THẮNG']
    """
    for m in reversed(list(_UNIT_INSIDE.finditer(cell))):  # the last: "… HẢI PHÒNG SỞ Y TẾ"
        before, unit = cell[: m.start()].strip(" -"), cell[m.start() :]
        placed = any(p.match(before) for p in (_PROVINCIAL_STATE, _PLACED_COMMITTEE, _PLACED_PARTY))
        if len(unit.split()) > 1 and (placed or fold(before) in organ_registry().by_fold):
            return [before, unit]
    return [cell]


_UNIT_START = re.compile("^" + patterns.UNIT_HEADING)
_UNIT_INSIDE = re.compile(r"(?<=\s)" + patterns.UNIT_HEADING)
_PLACED_COMMITTEE = re.compile("^" + patterns.alternation(
    (c.name for c in committees() if c.side == "party" and c.level), "upper") + r"\s+\S")  # "TỈNH ỦY X"
# A locality's party organisation: "ĐẢNG BỘ TỈNH LÀO CAI" above "ĐẢNG ỦY XÃ BẢO THẮNG".
_PLACED_PARTY = re.compile(r"^ĐẢNG BỘ (?:" + patterns.LEVEL.upper() + r")\s+\S")
_LEVEL_AT_END = re.compile(r"\b(" + patterns.alternation(patterns.LEVEL_NAMES, "upper") + r")$")
_PROVINCIAL_STATE = re.compile(
    r"^(?:" + patterns.PEOPLES_COMMITTEE.upper() + r"|UBND)\s+(?P<place>"
    + patterns.alternation(patterns.PROVINCE_OR_DISTRICT_NAMES, "upper") + r".+)$")
# A part of the committee above it: its office, its departments, its inspection committee.
_COMMITTEE_PART = re.compile("^" + patterns.alternation(
    [w.word for w in organ_words() if w.of_committee] + ["Ban"], "upper"))
_MINISTRY = re.compile(r"^BỘ\b")
# A header line cut inside a name ("UBND THÀNH PHỐ HÀ" / "NỘI", "… CỦA" / "…"): the line goes on
# with the next, whatever word opens it.
_DANGLING = re.compile(r"(?:^\S+|\b(?:CỦA|VÀ))$")


def _cut_inside_name(line: str, following: str) -> bool:
    """Does a header line end inside a name the next line goes on with: a word that wants more
    ("… CỦA" / …), a line of one word, or an organ word cut in two ("ỦY" / "BAN NHÂN DÂN",
    "CHI" / "CỤC THUẾ"; not the place "CỦ CHI" above "ĐẢNG ỦY XÃ …")?

    >>> _cut_inside_name("UBND TỈNH LÀO CAI CHI", "CỤC THUẾ")
    True
    >>> _cut_inside_name("ĐẢNG BỘ HUYỆN CỦ CHI", "ĐẢNG ỦY XÃ AN")
    False
    """
    if _DANGLING.search(line):
        return True
    words = line.split()
    if fold(" ".join(words[-2:])) in organ_word_names():  # "TỈNH ỦY" above "BAN TUYÊN GIÁO" is whole
        return False
    first = following.split(None, 1)[0] if following.strip() else ""
    return fold(f"{words[-1]} {first}") in organ_word_openings()
_RULE_LINE = re.compile(r"[\s*]*(?:[-_=~.]{3,}|\*)[\s*]*")
_MOTTO_OPENING = re.compile(patterns.MOTTO_OPENING_FOLDED)


def _left_cells(lines: Iterable[str]) -> Iterator[str]:
    """The header's left-hand cells, top down: the first cell of each line, and every paragraph
    of a table cell packed `` / `` (``BỘ CÔNG THƯƠNG / CỤC HÓA CHẤT | CỘNG HÒA …``); a rule
    line (``-------``, ``*``) gives an empty cell."""
    for line in lines:
        text = drop_title_prefix(line)
        cells = split_cells(text)
        if not cells:
            if _RULE_LINE.fullmatch(text):
                yield ""  # a rule ("-------", "*") ends the issuer's lines
            continue
        columns = split_columns(text) if " / " in text else []
        packed = split_cells(columns[0]) if columns else []
        yield from packed if len(packed) > 1 else cells[:1]


_BLOC_HEADS = tuple(fold(c.name) for c in committees() if c.bloc)


def _complete_bloc(name: str, text: str) -> str:
    """``Đảng ủy Khối`` alone: complete it with the ``Khối …`` the document names."""
    if not fold(name).endswith(_BLOC_HEADS):  # "Ban Thường vụ Đảng ủy Khối" too
        return name
    for entry_name, bloc in organ_registry().blocs:  # the registry's "Đảng ủy Khối …" entries
        if re.search(r"\bKhối\s+" + re.escape(bloc), text, re.IGNORECASE):
            return entry_name
    m = re.search(r"\bKhối\s+((?:[A-ZĐÀ-Ỹ][\wà-ỹđ]*)(?:\s+(?:-\s+)?[A-ZĐÀ-Ỹ][\wà-ỹđ]*)*)", text)
    return f"{name.strip()} {m.group(1)}" if m else name


# --- relative names ----------------------------------------------------------------------------

_BRACKETS = re.compile(r"(?<!\()\([^)]*\)")  # (?<!\(): one scan per run of "("
_PLACED = re.compile(rf"\b(?:{patterns.PROVINCE_OR_DISTRICT}|Trung ương)\b")


def _bare_unit(name: str, scope: OrganScope) -> str:
    """``Ban Dân vận`` alone in a provincial document is the committee's own department, and
    ``Sở Tài chính`` the province's own."""
    if scope.issuer is None or not scope.anchors or fold(name) in organ_registry().by_fold:
        return name
    stripped = (_BRACKETS.sub("", name) if "(" in name else name).strip(" ,.;")
    province = next((scope.anchors[level] for level in _PROVINCE_LEVELS if level in scope.anchors), None)
    if stripped.startswith("Sở ") and province and not _PLACED.search(stripped):
        return f"{stripped} {province}"  # a province's (or a city's of that tier) own department
    words = stripped.split()
    if (2 <= len(words) <= 4 and words[0] == "Ban" and words[1][:1].isupper()
            and all(w.islower() for w in words[2:])):
        root = next(iter(scope.anchors.values()))
        return f"{stripped} {root}"
    return name


_PROVINCE_LEVELS = tuple(fold(level) for level in patterns.PROVINCE_NAMES)  # "tinh", "thanh pho"
_PROVINCIAL_COMMITTEES = tuple(patterns.committee_of_level(lv) or "" for lv in patterns.PROVINCE_NAMES)
_PARTY_BRANCH = re.compile(
    r"ĐẢNG BỘ (?P<level>" + patterns.alternation(patterns.PROVINCE_NAMES, "upper")
    + r") (?P<place>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]+?)(?:\s{2,}|\s*$|\s*\|)"
)


def _province_of_header(lines: Iterable[str]) -> str | None:
    """``ĐẢNG BỘ TỈNH LÀO CAI`` above a district committee's name: the province it belongs to."""
    for line in lines:
        m = _PARTY_BRANCH.search(line)
        if m:
            committee = patterns.committee_of_level(m.group("level").lower()) or ""
            place = m.group("place")
            # (not the unit's name run on after it: "LÀO CAI ĐẢNG ỦY XÃ …", but "HẢI PHÒNG")
            unit = next((u for u in _UNIT_INSIDE.finditer(place) if len(place[u.start():].split()) > 1), None)
            return titlecase_organ(f"{committee.upper()} {place[: unit.start()] if unit else place}".strip())
    return None


_PASSED = re.compile(r"thông qua ngày\s+(\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")


def passed_on(text: str) -> str | None:
    """A law or resolution dated only at its end: ``… thông qua ngày 10 tháng 12 năm 2025``."""
    found = _PASSED.search(text)
    return parse_date(found.group(1)) if found else None
