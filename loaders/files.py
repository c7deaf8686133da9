"""Reading a file as text: its format and encoding found, with clear errors for what cannot be read.

:func:`file_text` is the pure step (bytes in, text out); :func:`read_file` adds the disk,
reading at most ``max_bytes + 1`` bytes so an oversized file is refused without being
loaded. The limit (:data:`DEFAULT_MAX_BYTES`) also caps the text a DOCX, PDF or HTML page
may unpack to. See ``docs/inputs.md`` for the formats, encodings and limits.

>>> found = file_text("Số 54-KL/TW".encode("utf-8-sig"), "kl.txt")
>>> found.text, found.format.value, found.encoding, found.warnings
('Số 54-KL/TW', 'text', 'utf-8-sig', ())
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vanban.errors import LoadError
from vanban.loaders import encodings
from vanban.loaders.docx_reader import docx_text
from vanban.loaders.formats import Format, sniff
from vanban.loaders.html_reader import html_text
from vanban.loaders.pdf_reader import pdf_text

__all__ = ["DEFAULT_MAX_BYTES", "FileText", "decode", "file_text", "read_file", "read_text"]

# 20 MiB: ten times the longest directive seen (a law with its appendices, about 2 MB of text);
# extraction then takes about 30 s and 1.6 GB, never minutes or the whole machine.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class FileText:
    """The text of one file, how it was read, and what a reader should double-check."""

    name: str
    text: str
    format: Format
    encoding: str | None  # for text files: the encoding used
    warnings: tuple[str, ...] = ()


def file_text(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> FileText:
    """The text of a file's bytes, by format (DOCX, PDF, HTML or text) and, for text, by encoding.

    Raises :class:`LoadError` naming the file and the problem.
    """
    if len(data) > max_bytes:
        raise LoadError(name, _too_large(len(data), max_bytes))
    if not data.strip():
        raise LoadError(name, "empty file")
    kind = sniff(data, name)
    if kind is Format.DOCX:
        return FileText(name, docx_text(data, name, max_chars=max_bytes), kind, None)
    if kind is Format.PDF:
        return FileText(name, pdf_text(data, name, max_chars=max_bytes), kind, None)
    if kind is Format.HTML:
        return FileText(name, html_text(data, name, max_chars=max_bytes), kind, None)
    decoded = encodings.decode(data, name)
    return FileText(name, decoded.text, kind, decoded.encoding,
                    (decoded.warning,) if decoded.warning else ())


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> FileText:
    """Read and decode one file, refusing one larger than ``max_bytes`` before loading it.

    ``name`` is the file's source name (its path relative to the folder read, see
    :func:`vanban.pipeline.collect_inputs`); errors and the text carry it (default: the file name).
    """
    name = name or path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(name, _too_large(size, max_bytes))
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)  # a file still growing, or a device, stops here
    except OSError as error:
        raise LoadError(name, f"cannot read: {error.strerror or error}") from error
    return file_text(data, name, max_bytes)


def _too_large(size: int, limit: int) -> str:
    return f"file too large: {size:,} bytes (limit {limit:,})"


def decode(data: bytes, name: str) -> str:
    """Text of a text file's bytes, its encoding detected (see :mod:`.encodings`).

    >>> decode("Số 54-KL/TW".encode("utf-8-sig"), "a.txt")
    'Số 54-KL/TW'
    """
    return encodings.decode(data, name).text


def read_text(path: Path) -> str:
    """The text of a file of any supported format."""
    return read_file(path).text
