"""Split a file into documents and find each document's header zone.

A document starts at a *type line* (``KẾT LUẬN``, ``KẾ HOẠCH``, ``SAO LỤC`` … in capitals),
together with the header lines just above it (organ, ``*``, ``Số …``, place and date). A
type line opens a new document only once the current one has a body: the ``CÔNG VĂN
ĐẾN`` stamp under a subject line, or ``QUYẾT ĐỊNH:`` before the articles, do not. A file
with no type line at all (a Công văn, whose subject sits under its number) is one document.

Lines here are lines of the *flow* view (paragraphs already joined).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from vanban.loaders import patterns
from vanban.loaders.lexicon import doc_types
from vanban.loaders.text import TextView, fold

__all__ = ["SECTION_HEADING", "Line", "Segment", "is_heading", "is_number_line", "split_documents",
           "type_of_line", "view_lines"]

_MOTTO = patterns.MOTTO_BEGINNING_RE
# Possessive "*+" where neighbouring quantifiers all take spaces: no match needs them to give
# any back, and without it a long run of spaces is split in quadratically or cubically many ways.
_NUMBER_LINE = re.compile(
    rf"^[\s|*]*(?:{patterns.HEADER_NUMBER_TYPE}\s+số\s*+:?|S[ốôổ]\s*+[:.]?)\s*(?:\d|[.…_]|[-/])",
    re.IGNORECASE,
)
_PLACE_DATE = re.compile(patterns.HEADER_DATE)
_SEPARATOR = re.compile(r"^[\s\-_*=~.|]+$")
_BODY_MIN_WORDS = 12
_LETTER = re.compile(r"[^\W\d_]")


class Line(NamedTuple):
    """One line of a view: ``text`` stripped, ``start``/``end`` offsets in the view.

    A named tuple rather than a frozen dataclass: views have hundreds of lines, and a tuple
    is made several times faster."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """One document inside a file, as line indices into the flow view's lines."""

    start: int  # first line of the document
    end: int  # one past its last line
    type_line: int | None  # index of its type line, if it has one
    header_end: int  # first line of the body


def view_lines(view: TextView) -> list[Line]:
    """The non-empty lines of a view, stripped, with their offsets. (One pass of string
    methods over the lines: faster than a regular expression, which finds a line's last
    character that is not white space only by backtracking from the line's end. A saved
    page has tens of thousands of lines: each is made as the tuple it is, without the named
    tuple's constructor written in Python.)"""
    lines: list[Line] = []
    make = tuple.__new__
    start = 0  # where the line begins in the view
    for line in view.text.split("\n"):
        stripped = line.strip()
        if stripped:
            first = start + len(line) - len(line.lstrip())
            lines.append(make(Line, (stripped, first, first + len(stripped))))
        start += len(line) + 1
    return lines


def is_heading(text: str) -> bool:
    """An all-capitals line (header column, type line, section title)."""
    return text.isupper() and len(_LETTER.findall(text)) >= 2


@lru_cache(maxsize=16384)  # a pure test of one line, asked several times per line
def type_of_line(text: str, strict: bool = True) -> tuple[str, str] | None:
    """(document type, rest of line) when ``text`` is a type line, else None.

    ``strict`` (inside a document) accepts only ``KẾT LUẬN``, ``… CỦA …``, ``… VỀ …`` and the
    like, so a section heading such as ``BÁO CÁO VIÊN`` does not open a document; at the top
    of a file any capitals may follow (``KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CHỈ THỊ …``).

    >>> type_of_line("KẾT LUẬN CỦA BAN BÍ THƯ")
    ('Kết luận', 'CỦA BAN BÍ THƯ')
    >>> type_of_line("QUYẾT ĐỊNH:") is None
    True
    """
    text = text.strip()
    if not is_heading(text) or text.endswith(":"):
        return None
    folded = fold(text)
    for key, form, name in _type_forms():
        if folded != key and not folded.startswith(key + " "):
            continue
        rest = text[len(form) :].strip()
        if rest and strict and not _TYPE_LINE_REST.match(rest) and type_of_line(rest) is None:
            # "BÁO CÁO VIÊN", "CHƯƠNG TRÌNH MỤC TIÊU" are no type lines; "THÔNG BÁO KẾT LUẬN CỦA …" is one
            continue
        return name, rest
    return None


_TYPE_LINE_REST = re.compile(r"^(?:CỦA|HỘI NGHỊ|VỀ|SỐ|BAN|BỘ|SỬA|HÀNH|LIÊN|[IVX]+\b)")


@cache
def _type_forms() -> tuple[tuple[str, str, str], ...]:
    """(folded form, form, type name) for every written form, longest first."""
    forms = [(fold(form), form, t.name) for t in doc_types() for form in (t.name, *t.forms)]
    return tuple(sorted(forms, key=lambda f: -len(f[0])))


@lru_cache(maxsize=16384)
def is_number_line(text: str) -> bool:
    """The ``Số …`` line of a header (short, or beside the place and date column), or a
    layout line with such a cell (``| Độc lập - Tự do - Hạnh phúc | Luật số: 140/2025/QH15``)."""
    low = text.lower()
    if "số" not in low and "sô" not in low and "sổ" not in low:  # every branch of _NUMBER_LINE has one
        return False
    # Cells only where a pipe or three spaces can part them (any other space is not printable).
    parted = "|" in text or "   " in text or not text.isprintable()
    for cell in [text, *_COLUMNS.split(text)] if parted else [text]:
        if _NUMBER_LINE.match(cell) and (len(cell) < 90 or _has_place_date(cell)):
            return True
    return False


def _has_place_date(text: str) -> bool:
    """``_PLACE_DATE.search(text)``, skipped when its words are not all in the line: a
    case-insensitive match of ``ngày``, ``tháng`` and ``năm`` is a substring of the lower case."""
    low = text.lower()
    return "ngày" in low and "tháng" in low and "năm" in low and bool(_PLACE_DATE.search(text))


_COLUMNS = re.compile(r"\s{3,}|\s*\|\s*")


def _is_header_like(text: str) -> bool:
    return bool(
        is_heading(text)
        or _SEPARATOR.match(text)
        or is_number_line(text)
        or _has_place_date(text)
        or _MOTTO.match(text)
    )


_MOTTO_ANYWHERE = patterns.MOTTO_BEGINNING_RE


@lru_cache(maxsize=16384)
def _is_body(text: str) -> bool:
    # The cheap length test first: a short line is no body line whatever else it is.
    if not (len(text.split()) >= _BODY_MIN_WORDS or _ITEM_START.match(text)):
        return False
    return not (is_heading(text) or is_number_line(text) or _has_place_date(text)
                or _has_motto(text))


_ITEM_START = re.compile(r"^\d+(?:\.\d+)*\.(?:\s|$)")  # "1. …", or "1.4." alone above its words


def _has_motto(text: str) -> bool:
    """``_MOTTO_ANYWHERE.search(text)``, run only when the lower case has "độc lập" or "cộng"
    (every branch has one of them)."""
    low = text.lower()
    return ("cộng" in low or "độc lập" in low) and bool(_MOTTO_ANYWHERE.search(text))


def split_documents(lines: list[Line]) -> list[Segment]:
    """Documents of a file as line ranges (at least one, even for a file with no header)."""
    anchors, untyped = _anchors(lines)
    if not anchors:
        return [Segment(0, len(lines), None, _header_end(lines, 0, None))]
    starts = []
    for n, anchor in enumerate(anchors):
        floor = 0 if n == 0 else anchors[n - 1] + 1
        start = anchor
        while start - 1 >= floor and _is_header_like(lines[start - 1].text):
            start -= 1
        starts.append(0 if n == 0 and _all_header_like(lines, 0, start) else start)
    starts, anchors = _merge_attachments(lines, starts, anchors)
    segments = []
    for n, (start, anchor) in enumerate(zip(starts, anchors, strict=True)):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        type_line = None if anchor in untyped else anchor
        segments.append(Segment(start, end, type_line, _header_end(lines, anchor, end)))
    first = segments[0]
    if first.start > 0 and not any(_is_body(ln.text) for ln in lines[: first.start]):
        segments[0] = Segment(0, first.end, first.type_line, first.header_end)
    elif first.start > 0 and any(is_number_line(ln.text) for ln in lines[: min(first.start, _NUMBER_LINES)]):
        # A document with no type line before it (a Công văn: its number, V/v, Kính gửi …)
        segments.insert(0, Segment(0, first.start, None, _header_end(lines, None, first.start)))
    return segments


def _anchors(lines: list[Line]) -> tuple[list[int], set[int]]:
    """The lines that open a document (its type line, or the number of one with none), and
    those of them that are a number line. (A type line is in capitals, so the cached test is
    asked only of the lines in capitals; a new header's number is a short line.)"""
    anchors: list[int] = []
    untyped: set[int] = set()  # anchors that are a number line: a document with no type line
    body_lines_since = 0
    for i, line in enumerate(lines):
        text = line.text
        strict = bool(anchors) or body_lines_since > 0
        if text.isupper() and type_of_line(text, strict=strict) is not None and (
                not anchors or body_lines_since >= 2):
            anchors.append(i)
            body_lines_since = 0
            continue
        if anchors and body_lines_since >= 2 and len(text) <= 40 and _numbers_a_new_header(lines, i):
            anchors.append(i)  # "Số: 5706/CT-CS" after a document's body: a Công văn follows
            untyped.add(i)
            body_lines_since = 0
            continue
        if _is_body(text):
            body_lines_since += 1
    return anchors, untyped


_NUMBER_LINES = 12  # the lines of a header a document's number stands among


def _numbers_a_new_header(lines: list[Line], i: int) -> bool:
    """Is line ``i`` the number of a document with no type line below it: a short number line
    ("Số: 5706/CT-CS") under the issuer's lines in capitals, not a number a sentence lists
    ("… các Tờ trình:" / "Số 202/TTr-BVHTTDL ngày 11 tháng 5 năm 2026, …")?"""
    text = lines[i].text
    if len(text) > 40 or not is_number_line(text):
        return False
    above = [ln.text for ln in lines[max(0, i - 4) : i]]
    return any(is_heading(t) and not SECTION_HEADING.match(t) for t in above) and not any(
        type_of_line(ln.text, strict=False) for ln in lines[i + 1 : i + _NUMBER_LINES // 2])


# A numbered section's heading ("I. MỤC ĐÍCH", "II- NHIỆM VỤ", "2. TỔ CHỨC THỰC HIỆN").
SECTION_HEADING = re.compile(r"^(?:[IVXLC]+|\d+)\s*[.)\-–]\s")


_ATTACHED = re.compile(r"[Kk]èm theo|" + patterns.ATTACHMENT_HEADING)
_BLANK_NUMBER = re.compile(r"^[\s|*]*S[ốô]\s*+[:.]?+\s*+[.…_ ]*[-/]|^[\s|*]*S[ốô]\s*+:?+\s*+[.…_]+\s*$")


# The heading of a form or an appendix: what follows it is attached to the document before.
_ATTACHMENT_HEADING = re.compile(r"^[\s|*#]*" + patterns.ATTACHMENT_HEADING)


def _merge_attachments(lines: list[Line], starts: list[int], anchors: list[int]) -> tuple[list, list]:
    """A Quy chế ``ban hành kèm theo`` a Quyết định, or a form (``Mẫu số …``) in an appendix,
    belongs to the document before it, not a document of its own: so does a type line
    anywhere after the heading of a form or an appendix (``Mẫu số 03. (Ban hành kèm theo …)``,
    then the form's own ``THÔNG BÁO`` further down)."""
    keep_starts, keep_anchors = [starts[0]], [anchors[0]]
    for previous, start, anchor in zip(anchors[:-1], starts[1:], anchors[1:], strict=True):
        window = [ln.text for ln in lines[start : anchor + 5]]
        if any(_ATTACHED.search(t) or _BLANK_NUMBER.match(t) for t in window):
            continue
        if any(_ATTACHMENT_HEADING.match(ln.text) for ln in lines[previous + 1 : anchor]):
            continue
        keep_starts.append(start)
        keep_anchors.append(anchor)
    return keep_starts, keep_anchors


def _all_header_like(lines: list[Line], start: int, end: int) -> bool:
    return all(not _is_body(line.text) for line in lines[start:end])


def _header_end(lines: list[Line], anchor: int | None, end: int | None) -> int:
    """First body line after the type line (or after the top of a headerless file)."""
    end = len(lines) if end is None else end
    i = 0 if anchor is None else anchor + 1
    subject_seen = False
    while i < end:
        text = lines[i].text
        if _is_body(text) and not _looks_like_subject(text, subject_seen):
            return i
        under_type_line = anchor is not None and i == anchor + 1
        if not is_heading(text) and (not _is_header_like(text) or (
                under_type_line and (text[:1].islower() or _looks_like_subject(text, False)))):
            subject_seen = True  # (the subject under the type line, a date inside it too)
        i += 1
    return end


def _looks_like_subject(text: str, subject_seen: bool) -> bool:
    if subject_seen:
        return False
    return bool(_SUBJECT_OPENING.match(text))


_SUBJECT_OPENING = re.compile(patterns.SUBJECT_OPENING)
