"""Signature blocks: capacity (``T/M``, ``K/T``, ``KT.``, ``TL.``, ``Q.``), title and name.

Works on the *clean* lines of a document (signature blocks are short stacked lines, often
in the right column beside ``Nơi nhận``). ``Đã ký: Nguyễn Phú Trọng`` and ``(Đã ký)`` mark a
signature reproduced on a copy. A block with no capacity line is recognised by a person's
name on one of the last lines.

>>> [(s.capacity, s.title, s.person) for s in find_signatures(
...     ["Nơi nhận:", "- Lưu VT.", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Bắc"])]
[('T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Trần Văn Bắc')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.loaders.header import split_cells
from vanban.loaders.lexicon import surnames
from vanban.loaders.segment import is_heading
from vanban.loaders.text import fold

__all__ = ["SignatureBlock", "find_signatures", "is_person_name"]

_CAPACITY = re.compile(r"^(?P<cap>T/M|TM\.?|K/T|KT\.?|T/L|TL\.?|TUQ\.?|Q\.)\s*(?P<rest>\S.*)$")
_SIGNED = re.compile(r"^\(?\s*(?:Đã ký|đã ký)\s*\)?\s*:?\s*")
_RANK = re.compile(r"^(?:Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|"
                   r"Trung tá|Thiếu tá|GS\.?\s*TS\.?|PGS\.?\s*TS\.?|TS\.?|ThS\.?)\s+")
_NOT_NAME = {"noi nhan", "nhu tren", "luu", "kinh gui", "ban", "bo", "so", "uy ban", "dang",
             "cong hoa", "doc lap", "thuong truc", "cac", "van phong"}


@dataclass(frozen=True)
class SignatureBlock:
    capacity: str | None
    title: str | None
    person: str
    line: int  # index of the name line


def is_person_name(text: str) -> bool:
    """A Vietnamese personal name: 2–5 capitalised syllables, a known family name first.

    >>> is_person_name("Nguyễn Thị Thu Thủy"), is_person_name("Ban Dân vận Tỉnh ủy")
    (True, False)
    """
    text = _RANK.sub("", _SIGNED.sub("", text.strip(" *[]()."))).strip()
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(fold(text).startswith(bad) for bad in _NOT_NAME):
        return False
    if text.isupper():
        words = [w.capitalize() for w in words]
    if not all(w[:1].isupper() and w.isalpha() and (len(w) == 1 or w[1:].islower()) for w in words):
        return False
    return words[0] in surnames()


def clean_name(text: str) -> str:
    """The name alone, without ``Đã ký``, a military rank or stray punctuation."""
    text = _RANK.sub("", _SIGNED.sub("", text.strip(" *[]()."))).strip()
    return " ".join(w.capitalize() for w in text.split()) if text.isupper() else text


def find_signatures(lines: list[str]) -> list[SignatureBlock]:
    """Signature blocks in a document's clean lines (in order)."""
    blocks: list[SignatureBlock] = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        for cell in reversed(split_cells(line)):
            m = _CAPACITY.match(cell)
            if not m or not is_heading(m.group("rest")):
                continue
            block = _read_block(lines, i, f"{m.group('cap')} {m.group('rest')}".strip())
            if block and block.line not in used:
                blocks.append(block)
                used.add(block.line)
            break
    if not blocks:
        tail = _unmarked(lines)
        if tail:
            blocks.append(tail)
    return blocks


def _read_block(lines: list[str], start: int, capacity: str) -> SignatureBlock | None:
    title_parts: list[str] = []
    for j in range(start + 1, min(start + 9, len(lines))):
        cells = split_cells(lines[j])
        if not cells:
            continue
        cell = cells[-1]
        if re.match(r"^(?:Ký bởi|Cơ quan|Email|Ngày ký|Thời gian ký|Người ký)", cell):
            continue
        if is_person_name(cell):
            title = " ".join(title_parts) or None
            return SignatureBlock(capacity, title, clean_name(cell), j)
        if is_heading(cell) and not _CAPACITY.match(cell):
            title_parts.append(cell)
        elif _SIGNED.match(cell) and not cell.strip("()").lower().endswith("ký"):
            continue
    return None


def _unmarked(lines: list[str]) -> SignatureBlock | None:
    """A name among the last lines, with the title line above it if there is one."""
    for j in range(len(lines) - 1, max(-1, len(lines) - 8), -1):
        cells = split_cells(lines[j])
        if cells and is_person_name(cells[-1]):
            title = None
            if j > 0:
                above = split_cells(lines[j - 1])
                if above and is_heading(above[-1]) and not fold(above[-1]).startswith("noi nhan"):
                    title = above[-1]
            return SignatureBlock(None, title, clean_name(cells[-1]), j)
    return None
