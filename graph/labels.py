"""Short names of nodes, as the command line, the stores and the page print them.

>>> document_label({"symbol": "54-KL/TW", "title": "về tiếp tục …"})
'54-KL/TW'
>>> document_label({"title": "Nghị quyết   Trung ương 4"}, width=14)
'Nghị quyết Tr…'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["document_label", "node_name", "short_document_name"]


def document_label(attrs: Mapping[str, Any], width: int = 60) -> str:
    """A short label: the symbol, else the title cut to ``width``, else a name or a number.

    >>> document_label({"name": "Ban Bí thư"}), document_label({"number": "2.3"}), document_label({})
    ('Ban Bí thư', '2.3', '')
    """
    text = attrs.get("symbol") or attrs.get("title") or attrs.get("name") or attrs.get("number") or ""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def short_document_name(attrs: Mapping[str, Any]) -> str:
    """The symbol, or the type and first source file of a document without a number.

    >>> short_document_name({"symbol": "54-KL/TW"})
    '54-KL/TW'
    >>> short_document_name({"doc_type": "Kế hoạch", "sources": ["a.txt"]})
    'Kế hoạch [a.txt]'
    """
    if attrs.get("symbol"):
        return str(attrs["symbol"])
    source = (attrs.get("sources") or ["?"])[0]
    return f"{attrs.get('doc_type') or 'document'} [{source}]"


def node_name(attrs: Mapping[str, Any]) -> str:
    """How every command names a node: a document by :func:`short_document_name`, a task by its
    number, an organ or a person by name.

    >>> node_name({"kind": "Document", "doc_type": "Kết luận", "sources": ["b.txt"], "title": "về …"})
    'Kết luận [b.txt]'
    >>> node_name({"kind": "Task", "number": "6-1"}), node_name({"kind": "Organ", "name": "Ban Bí thư"})
    ('task 6-1', 'Ban Bí thư')
    """
    kind = attrs.get("kind")
    if kind == "Document":
        return short_document_name(attrs)
    if kind == "Task":
        return f"task {attrs.get('number') or '?'}"
    return document_label(attrs, width=200)
