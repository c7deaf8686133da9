"""The closed vocabulary of the graph: node kinds, edge types and assignment roles.

JSON ``kind``/``type`` values, Cypher labels and relationship types and RDF terms all come
from these enums, so they cannot drift apart.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["EdgeType", "NodeKind", "Role"]


class NodeKind(StrEnum):
    DOCUMENT = "Document"
    ORGAN = "Organ"
    PERSON = "Person"
    TASK = "Task"


class EdgeType(StrEnum):
    IMPLEMENTS = "IMPLEMENTS"  # a document carries out another (thực hiện, triển khai)
    CITES = "CITES"  # any other mention (căn cứ, gắn với, theo)
    COPIES = "COPIES"  # a sao lục / sao y block reproduces a document
    ISSUED_BY = "ISSUED_BY"
    SIGNED_BY = "SIGNED_BY"
    HAS_TASK = "HAS_TASK"
    ASSIGNED_TO = "ASSIGNED_TO"
    REPORTS_TO = "REPORTS_TO"
    ADDRESSED_TO = "ADDRESSED_TO"
    PART_OF = "PART_OF"


class Role(StrEnum):
    LEAD = "lead"  # chủ trì
    COORDINATE = "coordinate"  # phối hợp
    PERFORM = "perform"
