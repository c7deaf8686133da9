"""Header fields of one document: symbol, type, date, place, subject and issuer text.

Works on the flow lines of a :class:`~vanban.loaders.segment.Segment`. Two-column layouts
(``Số: 9387 /UBND-KT        Lào Cai, ngày …``) are split into cells on runs of spaces or
pipes. The issuer is returned as text; organ resolution happens in the extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.loaders import patterns
from vanban.loaders.lexicon import doc_types, organ_words, subject_openings
from vanban.loaders.segment import SECTION_HEADING, Line, Segment, is_heading, is_number_line, type_of_line
from vanban.loaders.symbols import SYMBOL, normalize_symbol, parse_date, type_from_symbol
from vanban.loaders.text import CAPITALS, ENDS_LINKED, LINKING_WORDS, fold, opens_preamble

__all__ = ["CRAWLED_TITLE", "Header", "drop_title_prefix", "parse_header", "split_cells", "split_columns"]

_MOTTO = patterns.MOTTO_RE
# Possessive "*+" between "ngày", "tháng" and "năm": the quantifiers there all take spaces, and
# a long run of them would be split in cubically many ways; no match needs any given back.
_PLACE_DATE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹĐđ .'-]{1,40}?)\s*,?\s*(?=(?i:ngày))(?P<date>" + patterns.HEADER_DATE + ")",
    re.IGNORECASE,
)
# A date in figures, after its place and a comma: "Hà Nội, ngày 05/12/2025" (matched where the
# line or a cell opens).
_PLACE_DATE_IN_FIGURES = re.compile(
    r"[\s*]*+(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹĐđ .'-]{1,40}?)\s*,\s*"
    r"(?P<date>(?i:ngày)\s*" + patterns.NUMERIC_DATE + ")")

# The first "ngày" with the spaces and commas before it (the run taken whole: "(?<!…)" starts it
# only where a run starts, "*+" gives none of it back).
_DAY = re.compile(r"(?<![\s,])[\s,]*+ngày")


# A place is the run of capitalised words before ", ngày" ("Hà Nội", "Thành phố Hồ Chí Minh",
# "Buôn Ma Thuột"); the case-blind match may start earlier, in a symbol ("Số 5-KL/TW Hà Nội")
# or in a subject packed on the line ("… Luật Hải quan 2014 Hà Nội").
# The lower-case words of the levels a place's name may carry ("Thành phố …", "thị xã …").
_PLACE_CONNECTORS = frozenset(word for lv in patterns.LEVEL_NAMES if " " in lv for word in lv.split())


def _is_place_word(word: str) -> bool:
    return (word[0].isupper() or word in _PLACE_CONNECTORS) and not any(c.isdigit() or c == "/" for c in word)


def _place_words(place: str) -> str | None:
    """The trailing run of place words of ``place``, without a leading code (``TW``, ``UBND``).

    >>> _place_words("TW Hà Nội"), _place_words("quy định của Luật Hải quan 2014 Hà Nội")
    ('Hà Nội', 'Hà Nội')
    >>> _place_words("Thành phố Hồ Chí Minh"), _place_words("HÀ NỘI")
    ('Thành phố Hồ Chí Minh', 'HÀ NỘI')
    """
    words = place.split()
    start = len(words)
    while start > 0 and _is_place_word(words[start - 1]):
        start -= 1
    kept = words[start:]
    while (len(kept) > 1 and len(kept[0]) > 1 and kept[0].isupper() and kept[0].rstrip(".") != "TP"
           and not all(w.isupper() for w in kept)):
        kept = kept[1:]  # a code left of the place ("TW", "QĐ-UBND"), not "TP." (thành phố)
    while kept and kept[0] in _PLACE_CONNECTORS:
        kept = kept[1:]
    return " ".join(kept) or None


def _place_date(text: str) -> re.Match[str] | None:
    """``_PLACE_DATE.search(text)``, run only when the line's lower case has "ngày", "tháng"
    and "năm" (a case-insensitive match of a word is in the lower case). The comma after the
    place is optional ("Hà Nội ngày 01 tháng 12 năm 2025")."""
    low = text.lower()
    if "ngày" not in low:
        return None
    if "tháng" not in low or "năm" not in low:  # in figures, only where its place opens a cell
        day = _IN_FIGURES.search(low) if len(low) == len(text) else None
        if day is None:
            return None
        head = text[: day.start()]
        cell = max(head.rfind("|") + 1, head.rfind("   ") + 3 if "   " in head else 0)
        return _PLACE_DATE_IN_FIGURES.match(text, cell)
    # A match starts at most 41 characters (its place) before the spaces and comma before a
    # "ngày": the search starts there, not at every letter of the line before it (each tried
    # over 40 characters). The lower case has the text's positions when it is as long.
    day = _DAY.search(low) if len(low) == len(text) else None
    return _PLACE_DATE.search(text, max(0, day.start() - 41) if day else 0)


_IN_FIGURES = re.compile(r"ngày\s*" + patterns.NUMERIC_DATE)


def _opens_cell(text: str, start: int) -> bool:
    """Does ``start`` open the line, or a column of it (after a wide gap or a "|")?"""
    before = text[:start]
    return not before.strip(" |*\t") or bool(re.search(r"(?:\s{3,}|\|)[\s*]*$", before))


_NUMBER = re.compile(
    r"S[ốôổ]\s*[:.]?\s*(?P<raw>[^\s|*]*(?:(?<=[-/])[ ](?=[A-ZĐ]{2})[^\s|*]+"
    r"|\s*[-/](?:(?!\s)|[ ](?=[A-ZĐ]{2}))[^\s|*]+|\s+-\s+[A-ZĐ][^\s|*]*)*)", re.IGNORECASE
)
_SUBJECT_START = re.compile("^" + patterns.SUBJECT_OPENING)
_TERM = re.compile(patterns.TERM)


@dataclass(frozen=True)
class Header:
    symbol: str | None
    symbol_line: int | None
    doc_type: str | None
    type_rest: str  # what the type block says after the type word ("CỦA BAN BÍ THƯ")
    date: str | None
    place: str | None
    subject: str | None
    subject_line: int | None
    organ_lines: tuple[str, ...]  # header column lines naming the issuer, top first
    term: str | None
    blank_symbol_suffix: str | None  # "KH-UBND" from a blank "Số:    /KH-UBND"


def split_cells(text: str) -> list[str]:
    """Cells of a flattened layout line: runs of 3+ spaces or pipes separate columns, and
    `` / `` separates the paragraphs a converter packed into one table cell.

    >>> split_cells("Nơi nhận:    KT. CHỦ TỊCH") , split_cells("| BỘ CÔNG THƯƠNG / CỤC HÓA CHẤT / --- |")
    (['Nơi nhận:', 'KT. CHỦ TỊCH'], ['BỘ CÔNG THƯƠNG', 'CỤC HÓA CHẤT'])
    """
    if "   " not in text and "|" not in text and " / " not in text:
        cell = text.strip(" *|/")  # the common case: a plain line is one cell
        return [cell] if cell and not _is_rule(cell) else []
    cells = (c.strip(" *|/") for c in _CELL_BREAK.split(text))
    return [c for c in cells if c and not _is_rule(c)]


def split_columns(text: str) -> list[str]:
    """Columns of a flattened layout line (runs of 3+ spaces or pipes), paragraphs kept."""
    if "   " not in text and "|" not in text:
        col = text.strip(" *|")
        return [col] if col and not _is_rule(col) else []
    cols = (c.strip(" *|") for c in _COLUMN_BREAK.split(text))
    return [c for c in cols if c and not _is_rule(c)]


_COLUMN_BREAK = re.compile(r"\s{3,}|\s*\|\s*")
_CELL_BREAK = re.compile(r"\s{3,}|\s*\|\s*|\s+/\s+")
_RULE = re.compile(r"[-_=*.\s]+")
_RULE_FIRST = frozenset("-_=*. \t\n\r\f\v")


def _is_rule(cell: str) -> bool:
    """A cell of rule characters only ("-------", "* * *"); ``cell`` is stripped."""
    return cell[:1] in _RULE_FIRST and bool(_RULE.fullmatch(cell))


def parse_header(lines: list[Line], segment: Segment) -> Header:
    """Read the header zone ``lines[segment.start : segment.header_end]``."""
    zone = range(segment.start, max(segment.header_end, segment.start))
    symbol = symbol_line = blank_suffix = None
    date = place = None
    dated_line = False
    for i in zone:
        text = lines[i].text
        if symbol_line is None and is_number_line(text):
            symbol_line = i
            symbol, blank_suffix = _read_symbol(text)
        if not dated_line and not (date is None and i > (segment.type_line or 0) and opens_preamble(text)):
            # (a date in the preamble, "Căn cứ Luật … ngày 16 tháng 6 năm 2025", dates no header)
            found = _place_date(text)
            # A place and date opening its line or cell wins over one inside a wrapped subject
            # ("Về việc thực hiện Hướng dẫn 68-HD/TU, ngày 17 tháng 2 năm 2022 …").
            opens = found is not None and _opens_cell(text, found.start())
            if found and (date is None or opens):
                dated_line = opens
                date = parse_date(found.group("date"))
                place = found.group("place").strip(" *").strip()
                place = _place_words(re.sub(r"^(?:.*\s{3,})", "", place))
    doc_type = None
    type_rest = ""
    type_block_end = segment.type_line
    if segment.type_line is not None:
        doc_type, type_rest = type_of_line(lines[segment.type_line].text, strict=False) or (None, "")
        j = segment.type_line + 1
        while j < segment.header_end and is_heading(lines[j].text) and not _MOTTO.search(
            lines[j].text
        ) and not is_number_line(lines[j].text):
            if type_of_line(lines[j].text) or SECTION_HEADING.match(lines[j].text):
                break  # another document's type line, or the body's first section ("I- TÌNH HÌNH")
            type_rest = f"{type_rest} {lines[j].text}".strip()
            type_block_end = j
            j += 1
    organ_lines = _organ_lines(lines, segment, symbol_line)
    in_capitals = _subject_in_capitals(type_rest)
    subject: str | None
    if in_capitals is not None:  # the line after it opens the body, unless it goes on in lower case
        subject, subject_line = _without_authority(in_capitals, organ_lines), segment.type_line
        after = type_block_end + 1 if type_block_end is not None else len(lines)
        if after < len(lines) and _GOES_ON.match(lines[after].text) and len(lines[after].text) < 250:
            subject = f"{subject} {lines[after].text}"  # "KẾT LUẬN CỦA …" / "tại buổi làm việc với …"
    else:
        subject, subject_line = _subject(lines, segment, symbol_line, type_block_end)
        if subject is not None and symbol_line is not None and subject_line == symbol_line:  # one line
            subject = _without_authority(subject, organ_lines)
            doc_type = doc_type or _type_right_before(lines[symbol_line].text, subject)
    if subject is None and type_rest and not re.match(r"^(?:CỦA|HỘI NGHỊ)\b", type_rest):
        # a subject written in capitals, with no opening word of subject_openings.txt
        subject, subject_line = _without_authority(type_rest, organ_lines), segment.type_line
    if doc_type is None and subject and subject[:3].lower() == "v/v":
        doc_type = "Công văn"  # before the symbol's code: in "5348/CT-CS" CT is no Chỉ thị
    if doc_type is None and symbol:
        doc_type = type_from_symbol(symbol)
    term_match = _TERM.search(type_rest)
    return Header(
        symbol=symbol,
        symbol_line=symbol_line,
        doc_type=doc_type,
        type_rest=type_rest,
        date=date,
        place=place,
        subject=subject,
        subject_line=subject_line,
        organ_lines=organ_lines,
        term=term_match.group("term").upper() if term_match else None,
        blank_symbol_suffix=blank_suffix,
    )


def _read_symbol(text: str) -> tuple[str | None, str | None]:
    m = _NUMBER.search(text)
    if m and not m.group("raw"):
        m = _NUMBER.search(text, m.end()) or m
    if not m:
        return None, None
    raw = re.sub(r"\s+", "", m.group("raw"))
    found = SYMBOL.match(raw)
    if found:
        return normalize_symbol_as_written(found.group()), None
    suffix = re.search(r"[-/]([A-ZĐ][\wĐđ&-]*(?:/[\wĐđ&-]+)*)$", raw)
    return None, suffix.group(1) if suffix else None


def normalize_symbol_as_written(symbol: str) -> str:
    """Drop spaces a signing field leaves inside a symbol; keep the letters' case."""
    return re.sub(r"\s+", "", symbol)


def _subject_in_capitals(type_rest: str) -> str | None:
    """The subject the type block writes in capitals, if it writes one: from a subject's
    opening word (``VỀ VIỆC …``, ``TRIỂN KHAI THỰC HIỆN …``, ``QUY ĐỊNH MỨC CHI …``, a Thông
    báo's ``KẾT LUẬN …``), also after the issuer (``CỦA BỘ CHÍNH TRỊ VỀ ĐỊNH HƯỚNG …``).

    >>> _subject_in_capitals("CỦA BỘ CHÍNH TRỊ VỀ ĐỊNH HƯỚNG CHIẾN LƯỢC")
    'VỀ ĐỊNH HƯỚNG CHIẾN LƯỢC'
    >>> _subject_in_capitals("CỦA BAN BÍ THƯ") is None
    True
    """
    m = _CAPITALS_SUBJECT.search(type_rest)
    return type_rest[m.start():] if m is not None else None


def _without_authority(subject: str, organ_lines: tuple[str, ...]) -> str:
    """The subject without the issuing authority a decision writes under it before its
    grounds (``… TỈNH CÀ MAU`` / ``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH``, ``… CHÍNH PHỦ``): a title
    that signs, then the issuer as the header's organ lines begin to name it, or the issuer
    alone, closing the subject, unless the word before it wants what follows (``… CỦA ỦY BAN
    NHÂN DÂN TỈNH``).

    >>> organs = ("ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU")
    >>> _without_authority("QUY ĐỊNH MỨC CHI TỈNH CÀ MAU CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", organs)
    'QUY ĐỊNH MỨC CHI TỈNH CÀ MAU'
    >>> _without_authority("BÃI BỎ QUYẾT ĐỊNH SỐ 14 CỦA ỦY BAN NHÂN DÂN TỈNH", organs)
    'BÃI BỎ QUYẾT ĐỊNH SỐ 14 CỦA ỦY BAN NHÂN DÂN TỈNH'
    """
    issuer = f" {fold(' '.join(organ_lines))} "
    session = _SESSION_AT_END.search(subject)
    if session is not None:  # "… HỘI ĐỒNG NHÂN DÂN TỈNH X KHÓA XVIII, KỲ HỌP THỨ 25": a council's sitting
        cut = _without_authority(subject[: session.start()], organ_lines)
        return cut if len(cut) < session.start() else subject
    words = list(_WORD.finditer(subject))
    if not organ_lines or len(words) < 3:
        return subject
    for k in range(max(1, len(words) - _AUTHORITY_WORDS), len(words)):  # the longest first
        before, tail = subject[: words[k].start()], subject[words[k].start():]
        named = _SIGNING_TITLE.sub("", tail, count=1)
        if len(named.split()) < (1 if named != tail else 2):
            continue
        if _UNIT_BEFORE.search(before):
            continue  # "THƯỜNG TRỰC" / "TỈNH ỦY": one body's name, not the authority after the subject
        if _ORGAN_START.match(named) and any(f" {fold(text)} " in issuer for text in {tail, named}):
            # the issuer's name, or the body's first words then those of its place ("CHỦ TỊCH
            # ỦY BAN NHÂN DÂN TỈNH"): the authority, unless the subject goes on into it
            return subject if ENDS_LINKED.search(before.rstrip().lower()[-12:]) else before.rstrip(" ,;")
    return subject


_AUTHORITY_WORDS = 16  # the most words an issuing authority under a subject takes
_UNIT_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + patterns.alternation(
    (w.word for w in organ_words() if w.of_committee), "upper") + r")\s+$")
# A subject in capitals going on in lower case on the next line ("tại buổi làm việc với …").
_GOES_ON = re.compile(r"(?:" + "|".join(LINKING_WORDS) + r")\s+\S")
# The term and sitting a council writes after its name: "KHÓA XVIII, KỲ HỌP THỨ 25", "KỲ HỌP THỨ MƯỜI".
_SESSION_AT_END = re.compile(r"(?<!\s)\s+(?:KHÓA\s+[IVXLC]+\b[,\s]*)?"
                             r"(?:KỲ HỌP\s+(?:THỨ\s+)?[^\s,]+(?:\s+[^\s,]+)?)?$")
_ORGAN_START = re.compile(r"(?i:" + patterns.ORGAN_MENTION + r")\b")
# A subject that names the issuer itself goes into it by a linking word ("… CỦA ỦY BAN NHÂN DÂN
# TỈNH", text.ENDS_LINKED); the other words of text.OPEN_END do not ("số": "MÃ SỐ" ends a subject).
_WORD = re.compile(r"\S+")
_SIGNING_TITLE = re.compile(r"^(?:" + patterns.SIGNATURE_TITLE_WORDS + r")\s*")
# "KẾT LUẬN" opens a Thông báo's subject in capitals only: as an opening of subject_openings.txt it
# would also take a "Kết luận của …" line under a number for the subject, moving the header's end.
_CAPITALS_SUBJECT = re.compile(r"(?:^|(?<=\s))(?:" + patterns.alternation(
    [*(opening.upper() for opening in subject_openings()), "KẾT LUẬN"], "as written") + r")(?![^\W\d_])")


def _subject_beside_number(text: str) -> str | None:
    """A dispatch's subject written in the number's own cell (``Số: 3479/VPCP-NN V/v xây dựng
    Đề án …`` in a table's first column), or in the cell after it on the number's line.

    >>> _subject_beside_number("| Số: 3479/VPCP-NN V/v xây dựng Đề án | Hà Nội, ngày 26/5/2021 |")
    'V/v xây dựng Đề án'
    >>> _subject_beside_number("Số: 19/BTC V/v thực hiện Luật Hải quan Hà Nội, ngày 29 tháng 12 năm 2014")
    'V/v thực hiện Luật Hải quan'
    >>> _subject_beside_number("Số: 597/HC-QLHC / V/v cấp Giấy phép | Hà Nội, ngày 27 tháng 3 năm 2026")
    'V/v cấp Giấy phép'
    >>> _subject_beside_number("Số: 4/QĐ-UBND Huế, ngày 4 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH QUY CHẾ")
    'V/V BAN HÀNH QUY CHẾ'
    >>> _subject_beside_number("Số: 4/QĐ-UBND Huế, ngày 4 tháng 5 năm 2020 QUYẾT ĐỊNH Ban hành Quy chế "
    ...                        "làm việc CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
    'Ban hành Quy chế làm việc'
    """
    cells = split_cells(text)
    for k, cell in enumerate(cells):
        number = _NUMBER.search(cell)
        if number is None:
            continue
        opening = _DISPATCH_SUBJECT.match(cell, number.end())
        if opening is not None:  # right after the number: the subject, to a place and date after it
            return _before_place_date(cell[opening.start("subject"):])
        if k + 1 < len(cells) and _DISPATCH_SUBJECT.match(f" {cells[k + 1]}"):
            return _before_place_date(cells[k + 1])  # in the cell under the number's
        later = _LATER_SUBJECT.search(cell, number.end())
        if later is not None and _place_date(cell[number.end() : later.start()]):
            return later.group().rstrip(" .;,")  # "Số: 435/QĐ-UBND Kon Tum, ngày … QUYẾT ĐỊNH V/V …"
        dated = _place_date(cell[number.end():])
        typed = _after_type_word(cell[number.end() + dated.end():].strip()) if dated is not None else None
        if typed is not None:  # "Số: 12/QĐ-UBND Huế, ngày … QUYẾT ĐỊNH Ban hành … CHỦ TỊCH ỦY BAN …"
            return _without_authority_in_capitals(typed).rstrip(" .;,")
    return None


def _without_authority_in_capitals(subject: str) -> str:
    """A subject without the authority a merged header writes in capitals after it: three
    words or more in capitals ending it (``… chủ lực CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH``)."""
    words = subject.split()
    tail = 0
    while tail < len(words) and words[-1 - tail].isupper() and words[-1 - tail][0].isalpha():
        tail += 1
    return " ".join(words[:-tail]) if 3 <= tail < len(words) else subject


_DISPATCH_SUBJECT = re.compile(r"[\s*]+(?P<subject>(?i:v/v|về việc)(?!\S))")
# A subject opening after the place and date of a header merged into one line.
_LATER_SUBJECT = re.compile(r"(?<!\S)(?:V/[Vv]|VỀ VIỆC|Về việc)\s.*")


def _type_right_before(text: str, subject: str) -> str | None:
    """The document type a line writes in capitals right before its subject ("… năm 2020
    QUYẾT ĐỊNH V/V BAN HÀNH …"), if it writes one.

    >>> _type_right_before("Số: 4/QĐ-UBND Huế, ngày 4 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH", "V/V BAN")
    'Quyết định'
    """
    end = max(0, text.find(subject))
    words = _CAPITALS_BEFORE.search(text, max(0, end - 40), end)  # a type name is short
    found = type_of_line(words.group(), strict=False) if words is not None else None
    return found[0] if found is not None and not found[1] else None


_CAPITALS_BEFORE = re.compile(rf"(?:[{CAPITALS}]+\s+)+$")


def _before_place_date(subject: str) -> str:
    """A subject without the place and date a flattened header writes after it ("…, Hà Nội,
    ngày …"; not the date of a document it names: "… Kết luận số 54-KL/TW ngày 09 tháng 5 năm
    2023", "… của Ủy ban nhân dân tỉnh Lào Cai ngày 5 tháng 3 năm 2025").

    >>> _before_place_date("V/v chính sách thuế Hà Nội, ngày 25 tháng 11 năm 2025")
    'V/v chính sách thuế'
    >>> _before_place_date("V/v thực hiện Kết luận số 54-KL/TW ngày 09 tháng 5 năm 2023")
    'V/v thực hiện Kết luận số 54-KL/TW ngày 09 tháng 5 năm 2023'
    >>> _before_place_date("V/v thực hiện Công văn của Ủy ban nhân dân tỉnh Lào Cai ngày 5 tháng 3 năm 2025")
    'V/v thực hiện Công văn của Ủy ban nhân dân tỉnh Lào Cai ngày 5 tháng 3 năm 2025'
    >>> _before_place_date("V/v thực hiện Luật Hải quan Hà Nội, ngày 29 tháng 12 năm 2014 Kính gửi: Cục")
    'V/v thực hiện Luật Hải quan'
    """
    dated = _place_date(subject)
    if dated is not None:
        place = _place_words(dated.group("place").strip(" *"))
        end = subject.rfind(place, 0, dated.end("place")) if place else -1
        named = place is not None and (len(place.split()) > 1 or not place.isupper())
        comma = place is not None and "," in subject[end + len(place) : subject.find("ngày", end)]
        if named and end > 0 and subject[end - 1] in " \t,*|" and comma:
            subject = subject[:end]
    return subject.rstrip(" .;,")


def _subject(lines: list[Line], segment: Segment, symbol_line: int | None,
             type_block_end: int | None) -> tuple[str | None, int | None]:
    if symbol_line is not None and (beside := _subject_beside_number(lines[symbol_line].text)):
        return beside, symbol_line
    starts = sorted(i for i in (type_block_end, symbol_line) if i is not None)
    for k, first in enumerate(starts):
        # The three lines with words under the number, down to the type block only (the subject
        # under the type word first); a table's cell breaks ("|") between them count for none.
        stop = min(segment.end, *(starts[k + 1:k + 2] or [segment.end]))
        below = [i for i in range(first + 1, min(stop, first + 8)) if split_cells(lines[i].text)][:3]
        for i in below:
            cells = split_cells(lines[i].text)
            for cell in cells:
                if _SUBJECT_START.match(cell):
                    return _before_place_date(cell), i
                if (after_type := _after_type_word(cell)) is not None:  # "KẾ HOẠCH Triển khai …"
                    return _before_place_date(after_type), i
            if type_block_end is not None and first == type_block_end and i == below[0]:
                text = lines[i].text
                dated = _place_date(text)  # (the place-and-date line, not a subject naming a date)
                if (not is_heading(text) and not is_number_line(text) and len(text) > 15
                        and not (dated and _opens_cell(text, dated.start())) and not opens_preamble(text)):
                    return text.rstrip(" .;"), i
    return None, None


def _after_type_word(cell: str) -> str | None:
    """The subject a crawler ran onto the type word's line, in lower case after the capitals
    (``KẾ HOẠCH Triển khai thực hiện …``, ``QUYẾT ĐỊNH Về việc …``), or None."""
    words = cell.split()
    capitals = next((k for k, word in enumerate(words) if not word.isupper()), len(words))
    if not 0 < capitals < len(words):
        return None
    rest = " ".join(words[capitals:])
    typed = type_of_line(" ".join(words[:capitals]), strict=False)
    return rest if typed is not None and not typed[1] and _SUBJECT_START.match(rest) else None


def _organ_lines(lines: list[Line], segment: Segment, symbol_line: int | None) -> tuple[str, ...]:
    """Left-column heading lines above the number (or the type line)."""
    stop = symbol_line if symbol_line is not None else segment.type_line
    if stop is None:
        return ()
    found: list[str] = []
    for i in range(segment.start, stop + 1):
        text = lines[i].text
        cells = split_cells(text)
        if not cells:
            continue
        cell = drop_title_prefix(cells[0])
        if i == stop:
            # "BAN CHẤP HÀNH TRUNG ƯƠNG Số 21-KL/TW": the organ may precede the number.
            cell = re.split(r"\bS[ốô]\s*[:.]?\s*[\d.…_/-]", cell)[0].strip()
            if not cell:
                continue
        cell = _MOTTO.sub("", cell).strip(" *-")
        if not cell or type_of_line(cell) or not is_heading(cell) or SYMBOL.search(cell):
            continue
        found.append(cell)
    return tuple(found)


def drop_title_prefix(text: str) -> str:
    """A line opening with the document's own title, as a web crawl writes it before the
    header ("Quyết định 435/QĐ-UBND năm 2020. ỦY BAN NHÂN DÂN TỈNH …"): the rest of the line.

    >>> drop_title_prefix("Công văn 12/BXD-KT. BỘ XÂY DỰNG ----")
    'BỘ XÂY DỰNG ----'
    >>> drop_title_prefix("Chỉ thị 12/CT-UBND năm 2024 phòng, chống dịch. ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ")
    'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ'
    """
    m = _TITLE_PREFIX.match(text) if "." in text else None
    return text[m.end():] if m else text


# A web crawl's title of the document: "Quyết định 435/QĐ-UBND năm 2020. ", also with its subject
# when the issuer's name in capitals follows ("Chỉ thị 12/CT-UBND năm 2024 tăng cường …. ỦY BAN …").
CRAWLED_TITLE = (patterns.by_first_letter(re.escape(t.name) for t in doc_types()) + r"[ \t]+"
                 rf"(?:{SYMBOL.pattern})(?:[ \t]+năm[ \t]+\d{{4}})?"
                 rf"(?:\.[ \t]+|[ \t]+[^\n]{{1,300}}?\.[ \t]+(?=[{CAPITALS}]{{2,}}[ \t]+[{CAPITALS}]{{2,}}))")
_TITLE_PREFIX = re.compile(r"^\s*" + CRAWLED_TITLE)


__all__ += ["normalize_symbol", "normalize_symbol_as_written"]
