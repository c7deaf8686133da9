"""Which reader a file needs, from its first bytes first and its name second.

Content wins over the name: a ``.txt`` that starts with ``%PDF-`` is read as a PDF, a
``.pdf`` that is a DOCX as a DOCX. A file whose name promises a format its bytes do not
have, or whose bytes are a format vanban does not read (a legacy ``.doc``, RTF, an image),
is an error with a reason a clerk can act on.

>>> sniff(b"%PDF-1.7 ...", "scan.txt"), sniff("Số 54-KL/TW".encode(), "kl.md")
(<Format.PDF: 'pdf'>, <Format.TEXT: 'text'>)
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath

from vanban.errors import LoadError

__all__ = ["SUFFIXES", "Format", "sniff"]


class Format(StrEnum):
    TEXT = "text"
    DOCX = "docx"
    PDF = "pdf"


SUFFIXES = {".txt": Format.TEXT, ".md": Format.TEXT, ".docx": Format.DOCX, ".pdf": Format.PDF}

_ZIP = b"PK\x03\x04"
_DOCX_PART = b"word/document.xml"
# Formats recognised only to be refused with a useful reason.
_UNREAD = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Word .doc (OLE2) file: save it as DOCX or PDF"),
    (b"{\\rtf", "RTF file: save it as DOCX or plain text"),
    (b"\x89PNG\r\n\x1a\n", "PNG image, not a document: run OCR first"),
    (b"\xff\xd8\xff", "JPEG image, not a document: run OCR first"),
    (b"GIF8", "GIF image, not a document"),
    (b"II*\x00", "TIFF image, not a document: run OCR first"),
    (b"MM\x00*", "TIFF image, not a document: run OCR first"),
)


def sniff(data: bytes, name: str) -> Format:
    """The format of a file's bytes; raises :class:`LoadError` when it is none vanban reads.

    >>> sniff(b"PK\\x03\\x04...word/document.xml...", "kh.pdf")
    <Format.DOCX: 'docx'>
    """
    # PDF readers accept the header anywhere in the first KiB (after junk a mailer added).
    if b"%PDF-" in data[:1024]:
        return Format.PDF
    expected = SUFFIXES.get(PurePath(name).suffix.lower(), Format.TEXT)
    if data.startswith(_ZIP):
        # A local header names the part even when the archive is cut short; a damaged .docx
        # goes to the DOCX reader, which says what is wrong with it.
        if _DOCX_PART in data or expected is Format.DOCX:
            return Format.DOCX
        raise LoadError(name, f"ZIP archive without {_DOCX_PART.decode()}: not a DOCX document")
    for magic, reason in _UNREAD:
        if data.startswith(magic):
            raise LoadError(name, reason)
    if expected is Format.PDF:
        raise LoadError(name, "not a PDF (no %PDF- header)")
    if expected is Format.DOCX:
        raise LoadError(name, "not a DOCX (not a ZIP archive)")
    return Format.TEXT
