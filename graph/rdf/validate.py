"""SHACL validation of an RDF export against ``shapes.ttl`` (needs pySHACL).

>>> from rdflib import Graph
>>> validate(Graph()).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from vanban.errors import StoreError

__all__ = ["ONTOLOGY", "SHAPES", "ShaclResult", "validate"]

SHAPES = Path(__file__).parent / "shapes.ttl"
ONTOLOGY = Path(__file__).parent / "vanban.ttl"


@dataclass(frozen=True)
class ShaclResult:
    """Whether the data conforms, and one line per violation: focus node, path, message."""

    conforms: bool
    violations: tuple[str, ...]
    text: str


def validate(data: Graph) -> ShaclResult:
    """Validate ``data`` against vanban's shapes (no inference)."""
    try:
        from pyshacl import validate as shacl_validate
    except ImportError as error:
        raise StoreError("validation needs pyshacl (pip install pyshacl)") from error
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, report, text = shacl_validate(data, shacl_graph=shapes, inference="none",
                                            advanced=True, allow_warnings=False)
    lines = []
    for result in report.subjects(predicate=SH.focusNode):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        lines.append(f"{focus} {path or ''}: {message}".replace("  ", " "))
    return ShaclResult(bool(conforms), tuple(sorted(lines)), str(text))
