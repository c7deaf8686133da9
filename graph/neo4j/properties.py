"""The property codec: graph attributes as Neo4j properties and back, and relationship ids.

Neo4j holds scalars and homogeneous lists of scalars only:

* ``None`` is not stored (a missing property reads back as ``null``);
* strings, numbers, booleans and lists of one of those types are stored as they are,
  empty lists included;
* anything else (dicts, lists holding ``None`` or mixed types, nested lists) is stored as
  JSON text and its name is listed in the node's or relationship's ``json_properties``.

>>> to_properties({"a": None, "b": [1, 2], "c": {"x": 1}, "d": [None, "x"]})
{'b': [1, 2], 'c': '{"x": 1}', 'd': '[null, "x"]', 'json_properties': ['c', 'd']}
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from vanban.graph.schema import STORE_KEYS, attribute
from vanban.graph.vocabulary import EdgeType

__all__ = [
    "JSON_PROPERTIES",
    "STORE_EDGE_PROPERTIES",
    "STORE_NODE_PROPERTIES",
    "edge_id",
    "from_properties",
    "to_properties",
]

JSON_PROPERTIES = "json_properties"
# Properties the store adds; they are not attributes of the embedded graph: the keys the
# schema derives for lookups, a relationship's key in the MultiDiGraph and its identity.
STORE_NODE_PROPERTIES = frozenset({key.neo4j for key in STORE_KEYS if key.neo4j} | {JSON_PROPERTIES})
STORE_EDGE_PROPERTIES = frozenset({attribute(EdgeType.CITES, "key").property or "key", "edge_id",
                                   JSON_PROPERTIES})


_SCALARS = (str, bool, int, float)


def _storable_list(values: list | tuple) -> bool:
    if not values:
        return True
    if any(v is None or not isinstance(v, _SCALARS) for v in values):
        return False
    if all(isinstance(v, str) for v in values) or all(isinstance(v, bool) for v in values):
        return True
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)


def to_properties(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Attributes as Neo4j properties (see the module docstring for the rules)."""
    out: dict[str, Any] = {}
    encoded = []
    for name, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, _SCALARS):
            out[name] = value
        elif isinstance(value, list | tuple) and _storable_list(value):
            out[name] = list(value)
        else:
            out[name] = json.dumps(value, ensure_ascii=False, sort_keys=True,
                                   default=lambda v: sorted(v) if isinstance(v, set | frozenset) else str(v))
            encoded.append(name)
    if encoded:
        out[JSON_PROPERTIES] = encoded
    return out


def from_properties(props: Mapping[str, Any], store_keys: Iterable[str] = ()) -> dict[str, Any]:
    """Stored properties back as attributes: JSON text decoded, the store's own keys dropped.

    >>> from_properties(to_properties({"c": {"x": 1}, "n": 2}))
    {'c': {'x': 1}, 'n': 2}
    """
    encoded = set(props.get(JSON_PROPERTIES) or ())
    dropped = set(store_keys) | {JSON_PROPERTIES}
    return {k: (json.loads(v) if k in encoded else v) for k, v in props.items() if k not in dropped}


def edge_id(source: str, target: str, key: str) -> str:
    """A relationship's identity in the database: a digest of its two nodes and its key.

    The ``MultiDiGraph`` key (``CITES|001.txt``) is unique only between its two nodes, so the
    identity adds them. It is a fixed-size digest, not the joined text, because it is the key
    of a unique index that every write consults: short keys make loading about a third faster.
    The relationship keeps ``key`` and its two ends, so nothing is lost.

    >>> edge_id("doc:a", "doc:b", "CITES|a.txt")
    '5833279fa90de0c8b7500d08c2b7943d'
    >>> edge_id("doc:a", "doc:b", "CITES|a.txt") != edge_id("doc:a", "doc:b|CITES", "a.txt")
    True
    """
    text = "\x1f".join((source, key, target))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

