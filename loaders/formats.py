"""Which reader a file needs, from its first bytes first and its name second.

Content wins over the name: a ``.txt`` that starts with ``%PDF-`` is read as a PDF, a
``.pdf`` that is a DOCX as a DOCX. A file whose name promises a format its bytes do not
have, or whose bytes are a format vanban does not read (a legacy ``.doc``, RTF, an image),
is an error with a reason a clerk can act on.

A saved web page is HTML by its start (``<!DOCTYPE html`` or ``<html``, after a BOM, white
space, comments such as a browser's ``<!-- saved from url=… -->`` and an XML declaration),
whatever its name; a file named ``.html`` or ``.htm`` is HTML too when it starts with
markup, and text when it does not.

>>> sniff(b"%PDF-1.7 ...", "scan.txt"), sniff("Số 54-KL/TW".encode(), "kl.md")
(<Format.PDF: 'pdf'>, <Format.TEXT: 'text'>)
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import PurePath

from vanban.errors import LoadError

__all__ = ["SUFFIXES", "Format", "sniff"]


class Format(StrEnum):
    TEXT = "text"
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"


SUFFIXES = {".txt": Format.TEXT, ".md": Format.TEXT, ".docx": Format.DOCX, ".pdf": Format.PDF,
            ".html": Format.HTML, ".htm": Format.HTML}

_ZIP = b"PK\x03\x04"
_HEAD = 1 << 16
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html)(?![\w:-])", re.IGNORECASE)
_TAG_START = re.compile(rb"<[A-Za-z!?/]")
_SPACE = re.compile(rb"\s*")
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
    >>> sniff(b"<!-- saved from url=(0030)https://example.org/ -->\\n<!DOCTYPE html>", "cv.txt")
    <Format.HTML: 'html'>
    >>> sniff("Số 54-KL/TW".encode(), "kl.html"), sniff(b"<p>S&#7889; 54-KL/TW</p>", "kl.htm")
    (<Format.TEXT: 'text'>, <Format.HTML: 'html'>)
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
    markup = _markup_start(data)
    if _HTML_START.match(markup):
        return Format.HTML
    if expected is Format.PDF:
        raise LoadError(name, "not a PDF (no %PDF- header)")
    if expected is Format.DOCX:
        raise LoadError(name, "not a DOCX (not a ZIP archive)")
    if expected is Format.HTML and _TAG_START.match(markup):
        return Format.HTML
    return Format.TEXT


def _end_of_spaces(head: bytes, start: int) -> int:
    spaces = _SPACE.match(head, start)  # it matches an empty run too
    return spaces.end() if spaces else start


def _markup_start(data: bytes) -> bytes:
    """The first bytes of a file after its BOM, white space, comments and XML declaration
    (in ASCII, for a UTF-16 file); a comment not closed in the first 64 KiB is where it stops."""
    head = data[:_HEAD]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="replace").encode("ascii", errors="replace")
    elif head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    start = 0
    while True:
        start = _end_of_spaces(head, start)
        for opening, closing in ((b"<!--", b"-->"), (b"<?xml", b"?>")):
            if head.startswith(opening, start):
                end = head.find(closing, start + len(opening))
                if end < 0:
                    return head[start:start + 16]
                start = end + len(closing)
                break
        else:
            return head[start:start + 16]
