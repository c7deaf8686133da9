"""Addressees: ``Kính gửi:`` at the top and ``Nơi nhận:`` at the bottom, with purposes.

Purposes: ``(B/c)``, ``(để b/c)``, ``(để báo cáo)`` → ``b/c``; ``Lưu …`` → ``lưu``;
``(để thực hiện)``, ``(t/h)`` → ``t/h``; ``(để phối hợp)``, ``(p/h)`` → ``p/h``;
``(để biết)`` → ``biết``. ``Như trên`` / ``Như Điều 3`` repeat addressees named elsewhere and
are skipped; ``(03 bản)`` is a copy count, not a purpose.

>>> items = noi_nhan_items(["Nơi nhận:", "- Như trên,", "- Ban Bí thư Trung ương Đảng (B/c),",
...     "- Các Hội quần chúng do Đảng,", "Nhà nước giao nhiệm vụ,", "- Lưu Văn phòng Tỉnh ủy."])
>>> for item in items: print(item.text, "|", item.purpose)
Ban Bí thư Trung ương Đảng | b/c
Các Hội quần chúng do Đảng, Nhà nước giao nhiệm vụ | None
Văn phòng Tỉnh ủy | lưu
>>> [item.text for item in noi_nhan_items(["Nơi nhận:", "- Các Bộ: TC, NN&PTNT, Xây dựng;", "- Lưu: VT."])]
['Bộ Tài chính', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Xây dựng']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.loaders.header import split_columns
from vanban.loaders.lexicon import organ_registry
from vanban.loaders.signatures import CAPACITY, is_person_name
from vanban.loaders.text import fold

__all__ = ["RecipientItem", "head_title", "kinh_gui_items", "noi_nhan_items"]

_PURPOSES = (
    (re.compile(r"\b(?:b/c|báo cáo)\b", re.IGNORECASE), "b/c"),
    (re.compile(r"\b(?:t/h|thực hiện)\b", re.IGNORECASE), "t/h"),
    (re.compile(r"\b(?:p/h|phối hợp)\b", re.IGNORECASE), "p/h"),
    (re.compile(r"\b(?:biết|theo dõi|chỉ đạo)\b", re.IGNORECASE), "biết"),
)
_FILING_NOISE = re.compile(r"^(?:VT|VP|VPTU|HC|TH|KT|NC|Lưu)\b")


@dataclass(frozen=True)
class RecipientItem:
    text: str
    purpose: str | None
    line: int  # index of the item's first line


def _purpose(text: str) -> str | None:
    if "(" not in text:
        return None
    for group in _BRACKETED.findall(text):
        for pattern, name in _PURPOSES:
            if pattern.search(group):
                return name
    return None


_BRACKETED = re.compile(r"\(([^)]*)\)")
_BRACKETS = re.compile(r"\([^)]*\)")
_TRAILING_DIGITS = re.compile(r"(?<!\d)\d+$")  # (?<!\d): from inside a run, "\d+$" is quadratic
_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    if "(" in text:
        text = _BRACKETS.sub(" ", text)
    text = _TRAILING_DIGITS.sub("", text.strip(" ,;.:|"))  # glued copy counts: "Bộ Quốc phòng8"
    return _SPACES.sub(" ", text).strip(" ,;.:-–|")  # "|": a table cell's edge


def _item(text: str, line: int) -> list[RecipientItem]:
    raw = text.strip()
    folded = fold(raw)
    if not raw or folded.startswith(("nhu tren", "nhu dieu", "nhu dieu")):
        return []
    if folded.startswith("luu"):
        rest = re.sub(r"^Lưu\s*:?\s*", "", raw, flags=re.IGNORECASE)
        rest = _clean(rest)
        parts = [p.strip() for p in re.split(r",", rest) if p.strip()]
        return [RecipientItem(p, "lưu", line) for p in parts
                if len(p.split()) >= 2 and not _FILING_NOISE.match(p)]
    cleaned = _clean(raw)
    listed = _KIND_LIST.match(cleaned)
    if listed:  # "Các Bộ: Công Thương, Tài chính" or "Các Bộ: TC, KHĐT": one ministry each
        kind = listed.group("kind").capitalize()
        return [RecipientItem(_member(kind, part), _purpose(raw), line)
                for part in re.split(r"\s*[,;]\s*", listed.group("members")) if part.strip(" .")]
    return [RecipientItem(cleaned, _purpose(raw), line)] if cleaned else []


_KIND_LIST = re.compile(r"^(?:[Cc]ác\s+)?(?P<kind>Bộ|Sở|bộ|sở)\s*:\s*(?P<members>\S.*)$")
_ABBREVIATION = re.compile(r"^[A-ZĐ&]{2,8}$")


def _member(kind: str, part: str) -> str:
    """``Bộ`` + a member of a list: an abbreviation is the code of a registry organ (``TC`` →
    ``BTC``, Bộ Tài chính; ``NN&PTNT`` → ``BNNPTNT``), else the words name it (``Bộ Xây dựng``)."""
    part = part.strip(" .")
    if kind == "Bộ" and _ABBREVIATION.match(part):
        entry = organ_registry().by_code.get("B" + part.replace("&", ""))
        if entry is not None:
            return entry.name
    return f"{kind} {part}"


def _left_paragraphs(lines: list[str], start: int = 0):
    """(paragraph, line index) of the left-hand column, packed `` / `` paragraphs split."""
    for i in range(start, len(lines)):
        line = lines[i]
        columns = split_columns(line)
        if columns:
            for paragraph in _PACKED.split(columns[0]) if "/" in columns[0] else columns[0:1]:
                paragraph = paragraph.strip(" *")
                if paragraph:
                    yield paragraph, i


_PACKED = re.compile(r"\s+/\s+")
_INLINE_ITEM = re.compile(r"(?:^|(?<=[;,.]))\s*[-–+•]\s+")
_NOI_NHAN = re.compile(r"^\W*Nơi nhận\s*:?\s*", re.IGNORECASE)


def noi_nhan_items(lines: list[str]) -> list[RecipientItem]:
    """Items of the ``Nơi nhận:`` block in a document's clean lines (left column only)."""
    items: list[RecipientItem] = []
    current: list[str] = []
    current_line = 0
    started = False

    def flush() -> None:
        if current:
            items.extend(_item(" ".join(current), current_line))
            current.clear()

    first = _block_start(lines)
    if first is None:
        return []
    for paragraph, i in _left_paragraphs(lines, first):
        if not started:
            m = _NOI_NHAN.match(paragraph)
            if not m or "nhận" not in paragraph.lower():
                continue
            started, paragraph = True, paragraph[m.end():]
            if not paragraph:
                continue
        elif CAPACITY.match(paragraph) or is_person_name(paragraph) or (
                paragraph.isupper() and len(paragraph) > 3):
            break  # the signature block, or the next document's header
        pieces = _INLINE_ITEM.split(paragraph)
        if pieces and pieces[0].strip() and current:
            current.append(pieces[0].strip())  # continuation of the item above
        elif pieces and pieces[0].strip():
            flush()
            current, current_line = [pieces[0].strip()], i
        for piece in pieces[1:]:
            if piece.strip():
                flush()
                current.append(piece.strip())
                current_line = i
        if fold(paragraph).lstrip("-– ").startswith("luu") and paragraph.rstrip().endswith("."):
            break
    flush()
    return items


def _block_start(lines: list[str]) -> int | None:
    """The first line with a left-hand paragraph that opens the ``Nơi nhận`` block."""
    for i, line in enumerate(lines):
        if _may_say_noi_nhan(line) and any(_NOI_NHAN.match(paragraph) and "nhận" in paragraph.lower()
                                           for paragraph, _ in _left_paragraphs([line])):
            return i
    return None


def _may_say_noi_nhan(line: str) -> bool:
    """Whether a line can hold "Nơi nhận" in some case: an "ơ" five characters before an "ậ"
    (either case; no other letter matches them when case is ignored)."""
    for vowel in "ậẬ":
        at = line.find(vowel, 5)
        while at >= 0:
            if line[at - 5] in "ơƠ":
                return True
            at = line.find(vowel, at + 1)
    return False


_KINH_GUI = re.compile(r"^\W*Kính gửi\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_DASH_ITEM = re.compile(r"^\s*[-–+•]\s*\S")


def _wraps(item: str, line: str) -> bool:
    """Does ``line`` finish a dash item cut by a line break ("- Các cơ quan tham mưu, giúp việc" /
    "Đảng ủy Ủy ban nhân dân tỉnh,")? The item has no closing mark, the line ends with one (a
    body paragraph's first line, wrapped mid-sentence, does not)."""
    return not item.rstrip().endswith((",", ";", ".", ":")) and line.rstrip().endswith((",", ";", "."))


def kinh_gui_items(lines: list[str]) -> list[RecipientItem]:
    """Items after ``Kính gửi:`` (inline, a dash list on the same line, or a list below)."""
    for i, line in enumerate(lines):
        # "kính g" is in the lower case of any case-insensitive match (unlike "gửi": i ~ ı),
        # and "ử" or "Ử" in the line itself (tested first: no lower-casing of most lines)
        m = _KINH_GUI.match(line) if ("ử" in line or "Ử" in line) and "kính g" in line.lower() else None
        if not m:
            continue
        items: list[RecipientItem] = []
        rest = m.group("rest").strip()
        pieces = [p for p in re.split(r"(?<!\s)\s+-\s+|^-\s*", rest) if p.strip()]
        current = pieces
        j = i + 1
        while j < len(lines):
            if _DASH_ITEM.match(lines[j]):
                current.append(lines[j].strip().lstrip("-–+• "))
            elif _DASH_ITEM.match(lines[j - 1]) and _wraps(current[-1], lines[j]):
                current[-1] = f"{current[-1].rstrip()} {lines[j].strip()}"
            else:
                break
            j += 1
        for piece in current:
            items += _item(piece, i)
        return items
    return []


_HEAD_TITLE = re.compile(
    r"^(?P<title>(?:(?:Các|các)\s+)?(?:Phó\s+)?(?:(?P<kind>Bộ|Tổng cục|Cục|Vụ|Viện)\s+trưởng|Thứ trưởng|"
    r"Chủ tịch|Giám đốc|Tổng Giám đốc|Thủ trưởng|Trưởng ban|Chánh Văn phòng))(?P<rest>(?:\s+\S+)*)$"
)


def head_title(text: str) -> tuple[str, str | None] | None:
    """A recipient that is only the title of a head (``Cục trưởng``, ``Bộ trưởng Trần Đức
    Thắng``, ``Các Thứ trưởng``): the head of the issuing body, named by no organ. Returns the
    title and the kind of body it heads (``Cục``), or None.

    >>> head_title("Cục trưởng"), head_title("Bộ trưởng Trần Hồng Hà"), head_title("Các Thứ trưởng")
    (('Cục trưởng', 'Cục'), ('Bộ trưởng', 'Bộ'), ('Các Thứ trưởng', 'Bộ'))
    >>> head_title("Chủ tịch Ủy ban nhân dân tỉnh") is None, head_title("Bộ Tài chính") is None
    (True, True)
    """
    m = _HEAD_TITLE.match(text.strip())
    if m is None or (m.group("rest") and not is_person_name(m.group("rest"))):
        return None
    kind = m.group("kind") or ("Bộ" if "Thứ trưởng" in m.group("title") else None)
    return m.group("title"), kind

