"""How facts read to a person: labels and values as the page and the server show them.

The attribute schema (:mod:`vanban.graph.schema`) names every attribute once; this module
turns its labels into the words a reader expects (``sources`` → *read from*, ``mentions`` →
*times stated in the file*), and coded values into words (``noi_nhan`` → *nơi nhận*,
``lead`` → *lead (chủ trì)*, ``True`` → *yes*). Nothing here changes a stored value.

>>> label("Document", "sources"), label("ADDRESSED_TO", "mentions")
('read from', 'times stated in the file')
>>> value("ADDRESSED_TO", "address", "noi_nhan"), value("ASSIGNED_TO", "role", "lead")
('nơi nhận (recipients list)', 'lead (chủ trì)')
>>> value("Organ", "collective", True), value("CITES", "span", (74, 94))
('yes', 'characters 74–94')
"""

from __future__ import annotations

from typing import Any

from vanban.graph.schema import Show, attribute

__all__ = ["EXPLAINED", "LABELS", "VALUES", "label", "shown", "value"]

# Labels that differ from the schema's, for every owner that has the attribute.
LABELS: dict[str, str] = {
    "doc_type": "type",
    "sources": "read from",
    "mentions": "times stated in the file",
    "collective": "a group of bodies",
    "span": "where in the file",
    "rule": "found by rule",
    "source_file": "source file",
    "via_id": "through (id)",
    "document": "document",
    "scope": "issuer's scope",
}

# What a few labels mean, for a tooltip.
EXPLAINED: dict[str, str] = {
    "mentions": "how many times the file states this relation (a directive named in the preamble and "
    "again in the text counts twice)",
    "read": "whether the document's own text was read, or it is only referred to by others",
    "rule": "the name of the extraction rule that read this fact",
    "span": "the characters of the source file the evidence sentence was read from",
    "scope": "whose series the document's number belongs to: national, or a province or bloc",
}

VALUES: dict[str, dict[Any, str]] = {
    "address": {"kinh_gui": "kính gửi (addressed to)", "noi_nhan": "nơi nhận (recipients list)"},
    "role": {
        "lead": "lead (chủ trì)",
        "coordinate": "coordinate (phối hợp)",
        "perform": "perform (thực hiện)",
    },
    "purpose": {
        "b/c": "b/c (to report)",
        "lưu": "lưu (to file)",
        "t/h": "t/h (to carry out)",
        "th": "t/h (to carry out)",
        "p/h": "p/h (to coordinate)",
    },
}


def label(owner: str, key: str) -> str:
    """The label of attribute ``key`` of a node kind or edge type."""
    if key in LABELS:
        return LABELS[key]
    try:
        return attribute(owner, key).label
    except (KeyError, ValueError):
        return key.replace("_", " ")


def value(owner: str, key: str, raw: Any) -> str:
    """A value as text: lists joined, booleans as yes/no, spans as a range, codes as words."""
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if key == "span" and isinstance(raw, list | tuple) and len(raw) == 2:
        return f"characters {raw[0]}–{raw[1]}"
    if isinstance(raw, list | tuple):
        return ", ".join(value(owner, key, item) for item in raw)
    if raw is None:
        return ""
    return VALUES.get(key, {}).get(raw, str(raw))


def shown(owner: str, key: str) -> Show:
    """How the panel shows ``key`` of ``owner`` (a fact when the schema does not list it)."""
    try:
        return attribute(owner, key).show
    except (KeyError, ValueError):
        return Show.FACT
