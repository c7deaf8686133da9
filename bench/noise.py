"""Conversion noise seen in real files, applied to generated text.

* markdown remnants: ``**bold**`` headings, ``\\*`` for the header star, ``**1.**``;
* PDF hard line breaks inside paragraphs, single-spaced or every line followed by a blank
  line, including a symbol cut after its dash (``01-`` / blank line / ``KL/TW``);
* a flattened two-column header and footer (cells separated by runs of spaces);
* the older tone placement (``hoá``, ``uỷ``, ``khoá``, ``thuỷ``);
* OCR's ``Ð`` (U+00D0) for ``Đ`` (U+0110) and curly quotes.

>>> wrap("Thực hiện Kết luận số 54-KL/TW của Ban Bí thư", 22, split_symbol=True, blank=True)
'Thực hiện Kết luận số 54-\\n\\nKL/TW của Ban Bí thư'
>>> old_tones("Tỉnh ủy chỉ đạo cụ thể hóa")
'Tỉnh uỷ chỉ đạo cụ thể hoá'
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

__all__ = ["Style", "ocr", "old_tones", "wrap"]

_OLD_TONES = (("hóa", "hoá"), ("Hóa", "Hoá"), ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("khóa", "khoá"),
              ("thủy", "thuỷ"), ("Thủy", "Thuỷ"), ("hòa", "hoà"), ("Hòa", "Hoà"))
_SYMBOL = re.compile(r"^\d+-[A-ZĐ]")


@dataclass(frozen=True)
class Style:
    """How one file is roughened."""

    markdown: bool
    columns: bool  # header and footer flattened from two columns
    wrap: int  # 0: paragraphs on one line; else the column width of hard line breaks
    blank: bool  # every wrapped line followed by a blank line (PDF export habit)
    split_symbol: bool
    old_tones: bool
    ocr: bool

    @staticmethod
    def draw(rng: random.Random) -> Style:
        wrap = rng.randint(68, 96) if rng.random() < 0.35 else 0
        return Style(
            markdown=rng.random() < 0.4,
            columns=rng.random() < 0.15,
            wrap=wrap,
            blank=bool(wrap) and rng.random() < 0.4,
            split_symbol=bool(wrap) and rng.random() < 0.5,
            old_tones=rng.random() < 0.45,
            ocr=rng.random() < 0.1,
        )


def wrap(paragraph: str, width: int, *, split_symbol: bool = False, blank: bool = False) -> str:
    """Break a paragraph into lines of about ``width`` characters, as a PDF layer does.

    With ``split_symbol`` the first symbol met at a line end is cut after its dash.
    """
    lines: list[str] = []
    current: list[str] = []
    size = 0
    for word in paragraph.split(" "):
        if size + len(word) > width and current:
            if split_symbol and _SYMBOL.match(word):
                head, tail = word.split("-", 1)
                current.append(head + "-")
                lines.append(" ".join(current))
                current, size = [tail], len(tail)
                split_symbol = False
                continue
            lines.append(" ".join(current) + " ")
            current, size = [], 0
        current.append(word)
        size += len(word) + 1
    if current:
        lines.append(" ".join(current))
    return ("\n\n" if blank else "\n").join(lines)


def old_tones(text: str) -> str:
    """The older tone placement on ``oa``/``uy`` syllables (``hoá``, ``uỷ``)."""
    for new, old in _OLD_TONES:
        text = text.replace(new, old)
    return text


def ocr(text: str, rng: random.Random) -> str:
    """``Đ`` read as ``Ð`` in about a third of the paragraphs."""
    parts = text.split("\n\n")
    return "\n\n".join(p.replace("Đ", "Ð") if rng.random() < 0.33 else p for p in parts)
