"""PDF to text: the text layer of every page, in page order, laid out as on the page.

pypdf's layout mode keeps what the later steps read from a printed page: a vertical gap
becomes a blank line (a paragraph end), and columns side by side stay apart by a run of
spaces (the two-column header: ``BAN CHẤP HÀNH TRUNG ƯƠNG      ĐẢNG CỘNG SẢN VIỆT NAM``).
Justified lines come out with two or three spaces between words; those gaps are closed
here, so ``Quyết  định  số`` reads as ``Quyết định số`` while a column gap (five spaces or
more) stays. Hard-wrapped lines are left for the normaliser to join
(:func:`vanban.loaders.text.join_lines`).

A PDF whose pages have no text (a scan) is an error, not an empty document.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from vanban.errors import LoadError

if TYPE_CHECKING:
    from pypdf import PdfReader

__all__ = ["pdf_text"]

_WORD_GAP = re.compile(r"(?<=\S) {2,4}(?=\S)")
_COLUMN_GAP = re.compile(r" {5,}")
_PAGE_NUMBER = re.compile(r"[-–]?\s*(?:[Tt]rang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?\s*[-–]?")


def pdf_text(data: bytes, name: str, max_chars: int | None = None) -> str:
    """The text layer of a PDF's pages, in order. A page break is a line break, so a
    paragraph running on to the next page is joined like any wrapped line; page numbers
    (``2``, ``- 2 -``, ``Trang 2/5``) at the top or foot of a page are dropped.

    Raises :class:`LoadError` for a damaged or encrypted file, a file with no text layer,
    or more than ``max_chars`` characters of text.
    """
    from pypdf import PdfReader  # imported here so plain-text runs never load it

    pages: list[str] = []
    size = 0
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise LoadError(name, "encrypted PDF: cannot read its text without the password")
        for page in reader.pages:
            text = drop_page_number(tidy_layout(page.extract_text(extraction_mode="layout")))
            size += len(text) + 2
            if max_chars is not None and size > max_chars:
                raise LoadError(name, f"text too long: over {max_chars:,} characters")
            pages.append(text)
    except LoadError:
        raise
    except Exception as error:  # pypdf reports a damaged file through almost any exception type
        raise LoadError(name, f"damaged PDF ({type(error).__name__})") from error
    if not pages:
        raise LoadError(name, "damaged PDF (no pages)")
    text = "\n".join(page for page in pages if page)
    if not text.strip():
        raise LoadError(name, f"PDF without a text layer ({len(pages)} page(s) of images?): run OCR first")
    return text


def tidy_layout(page: str) -> str:
    """Strip each line and close word gaps of justified text; keep column gaps.

    >>> tidy_layout("   Qua  5  năm   thực hiện\\n  TỈNH ỦY LẠNG SƠN          ĐẢNG CỘNG SẢN VIỆT NAM  ")
    'Qua 5 năm thực hiện\\nTỈNH ỦY LẠNG SƠN     ĐẢNG CỘNG SẢN VIỆT NAM'
    """
    lines = (_COLUMN_GAP.sub("     ", _WORD_GAP.sub(" ", line.strip())) for line in page.split("\n"))
    return "\n".join(lines).strip("\n")


def drop_page_number(page: str) -> str:
    """A page's text without the page number on its first or last line.

    >>> drop_page_number("2\\nđối với cán bộ\\n- 2 -")
    'đối với cán bộ'
    """
    lines = page.split("\n")
    for index in (0, -1):
        if lines and _PAGE_NUMBER.fullmatch(lines[index].strip()):
            del lines[index]
    return "\n".join(lines).strip("\n")


def _opens_without_password(reader: PdfReader) -> bool:
    """Many PDFs are encrypted with an empty user password (printing restrictions only)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # pypdf raises a dependency error when AES support is missing
        return False
