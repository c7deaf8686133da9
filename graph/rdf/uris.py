"""Readable, stable URIs for the nodes of a vanban graph.

A document's URI carries its issuer scope, its period and its symbol, each path segment
NFC-normalised and percent-encoded (so ``Đ`` becomes ``%C4%90`` and the URI is plain ASCII):

=============================  ==================================================
node id                        URI (after the base)
=============================  ==================================================
``doc:54-KL/TW``               ``doc/vn/2023/54-KL/TW``
``doc:05-HD/TU@tinh-uy-...``   ``doc/tinh-uy-lang-son/2017/05-HD/TU``
``doc:nghi-quyet-dai-hoi-xiii``  ``named/vn/xiii/nghi-quyet-dai-hoi-xiii``
``doc:ke-hoach.txt#0``          ``text/ke-hoach.txt/0``
``organ:ban-bi-thu``           ``organ/ban-bi-thu``
``person:truong-thi-mai``      ``person/truong-thi-mai``
``task:doc:54-KL/TW/6-3``      the document's URI + ``/task/6-3``
=============================  ==================================================

The period is the node id's own period (``~XIII``) when it has one, else the year of the
document's date, else its party term, else ``nd`` (no date).

>>> m = UriMinter()
>>> m.document("doc:01-QĐi/ĐUK@dang-uy-khoi", {"date": "2018-05-07", "symbol": "01-QĐi/ĐUK"})
'https://w3id.org/vanban/id/doc/dang-uy-khoi/2018/01-Q%C4%90i/%C4%90UK'
>>> m.document("doc:nghi-quyet-trung-uong-4", {"term": "XII"})
'https://w3id.org/vanban/id/named/vn/xii/nghi-quyet-trung-uong-4'
>>> m.organ("organ:cac-huyen-uy@tinh-uy-lang-son")
'https://w3id.org/vanban/id/organ/cac-huyen-uy@tinh-uy-lang-son'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

__all__ = ["DEFAULT_BASE", "UriMinter", "segment"]

DEFAULT_BASE = "https://w3id.org/vanban/id/"
_OWN_TEXT = re.compile(r"doc:(?P<file>.+)#(?P<index>\d+)")


def segment(text: str) -> str:
    """One path segment: NFC, percent-encoded; never empty, ``.`` or ``..``.

    >>> segment("Quyết định 1/2"), segment(".."), segment("")
    ('Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%201%2F2', '%2E%2E', '_')
    """
    text = quote(unicodedata.normalize("NFC", text), safe="-_~@")
    text = text.replace(".", "%2E") if set(text) == {"."} else text
    return text or "_"


def _path(text: str) -> str:
    """A symbol's slashes kept as path separators: ``54-KL/TW`` -> ``54-KL/TW``."""
    return "/".join(segment(part) for part in text.split("/"))


@dataclass(frozen=True)
class UriMinter:
    """Mints URIs under ``base`` (which must end with ``/`` or ``#``)."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.endswith(("/", "#")):
            object.__setattr__(self, "base", self.base + "/")

    def document(self, node_id: str, attrs: dict) -> str:
        """The URI of a document node; ``attrs`` gives the symbol, date and term."""
        own = _OWN_TEXT.fullmatch(node_id)
        if own and not attrs.get("symbol"):
            return f"{self.base}text/{segment(own['file'])}/{own['index']}"
        body = node_id.removeprefix("doc:")
        body, tilde, period = body.rpartition("~") if "~" in body else (body, "", "")
        body, at, scope = body.rpartition("@") if "@" in body else (body, "", "")
        if not tilde:
            date = attrs.get("date") or ""
            period = date[:4] if date[:4].isdigit() else (attrs.get("term") or "nd")
        where = segment(scope) if at and scope else "vn"
        kind = "doc" if attrs.get("symbol") else "named"
        return f"{self.base}{kind}/{where}/{segment(period.lower())}/{_path(body)}"

    def organ(self, node_id: str) -> str:
        return f"{self.base}organ/{segment(node_id.removeprefix('organ:'))}"

    def person(self, node_id: str) -> str:
        return f"{self.base}person/{segment(node_id.removeprefix('person:'))}"

    def task(self, node_id: str, document_uri: str, document_id: str) -> str:
        path = node_id.removeprefix(f"task:{document_id}/")
        return f"{document_uri}/task/{segment(path)}"

    def reading(self, source: str, key: str, target: str) -> str:
        """A relation's reading: a short hash of the edge, stable for the same graph."""
        digest = hashlib.sha1(f"{source}\x00{key}\x00{target}".encode()).hexdigest()[:20]
        return f"{self.base}reading/{digest}"

    def source_file(self, name: str) -> str:
        return f"{self.base}source/{segment(name)}"
