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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.loaders.header import split_cells
from vanban.loaders.signatures import _CAPACITY, is_person_name
from vanban.loaders.text import fold

__all__ = ["RecipientItem", "kinh_gui_items", "noi_nhan_items"]

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
    for group in re.findall(r"\(([^)]*)\)", text):
        for pattern, name in _PURPOSES:
            if pattern.search(group):
                return name
    return None


def _clean(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"\d+$", "", text.strip(" ,;.:"))  # glued copy counts: "Bộ Quốc phòng8"
    return re.sub(r"\s+", " ", text).strip(" ,;.:-–")


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
    return [RecipientItem(cleaned, _purpose(raw), line)] if cleaned else []


def noi_nhan_items(lines: list[str]) -> list[RecipientItem]:
    """Items of the ``Nơi nhận:`` block in a document's clean lines (left column only)."""
    start = next((i for i, line in enumerate(lines)
                  if "nhận" in line.lower() and re.match(r"^\W*Nơi nhận\s*:?", line.lstrip(" *|"),
                                                       re.IGNORECASE)), None)
    if start is None:
        return []
    items: list[RecipientItem] = []
    current: list[str] = []
    current_line = start
    first = re.sub(r"^\W*Nơi nhận\s*:?\s*", "", split_cells(lines[start])[0], flags=re.IGNORECASE)
    if first:
        current, current_line = [first], start
    for i in range(start + 1, min(start + 60, len(lines))):
        cells = split_cells(lines[i])
        if not cells:
            continue
        left = cells[0]
        if len(cells) == 1 and (_CAPACITY.match(left) or is_person_name(left)):
            break
        if len(cells) == 1 and left.isupper() and len(left) > 3 and not left.startswith("-"):
            break  # a title line of the signature block
        if re.match(r"^[-–+•]", left):
            if current:
                items += _item(" ".join(current), current_line)
            current, current_line = [left.lstrip("-–+• ")], i
        elif current:
            current.append(left)
        else:
            break
        if re.search(r"\.\s*$", left) and fold(left).lstrip("-– ").startswith("luu"):
            break
    if current:
        items += _item(" ".join(current), current_line)
    return items


def kinh_gui_items(lines: list[str]) -> list[RecipientItem]:
    """Items after ``Kính gửi:`` (inline, a dash list on the same line, or a list below)."""
    for i, line in enumerate(lines):
        m = re.match(r"^\W*Kính gửi\s*:?\s*(?P<rest>.*)$", line, re.IGNORECASE)
        if not m:
            continue
        items: list[RecipientItem] = []
        rest = m.group("rest").strip()
        pieces = [p for p in re.split(r"\s+-\s+|^-\s*", rest) if p.strip()]
        current = pieces
        j = i + 1
        while j < len(lines) and re.match(r"^\s*[-–+•]\s*\S", lines[j]):
            current.append(lines[j].strip().lstrip("-–+• "))
            j += 1
        for piece in current:
            items += _item(piece, i)
        return items
    return []
