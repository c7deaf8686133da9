"""Linked data: the graph as RDF aligned with ELI, W3C ORG, FOAF and PROV; SHACL; SPARQL engines.

The canned questions in SPARQL are asked through :mod:`vanban.queries.sparql`.

>>> from vanban.graph.rdf import to_rdflib, rdf_to_graph
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("person:le-van-a", kind="Person", name="Lê Văn A")
>>> dict(rdf_to_graph(to_rdflib(g)).nodes(data=True))
{'person:le-van-a': {'kind': 'Person', 'name': 'Lê Văn A'}}
"""

from typing import TYPE_CHECKING

from vanban.lazy import lazy_exports

if TYPE_CHECKING:
    from vanban.graph.rdf.export import graph_triples, to_rdflib, write_rdf
    from vanban.graph.rdf.reader import rdf_to_graph, read_rdf
    from vanban.graph.rdf.sparql import load_engine, open_engine
    from vanban.graph.rdf.uris import DEFAULT_BASE, UriMinter
    from vanban.graph.rdf.validate import validate

__all__ = [
    "DEFAULT_BASE",
    "UriMinter",
    "graph_triples",
    "load_engine",
    "open_engine",
    "rdf_to_graph",
    "read_rdf",
    "to_rdflib",
    "validate",
    "write_rdf",
]

__getattr__ = lazy_exports(__name__, {
    "vanban.graph.rdf.export": ("graph_triples", "to_rdflib", "write_rdf"),
    "vanban.graph.rdf.reader": ("rdf_to_graph", "read_rdf"),
    "vanban.graph.rdf.sparql": ("load_engine", "open_engine"),
    "vanban.graph.rdf.uris": ("DEFAULT_BASE", "UriMinter"),
    "vanban.graph.rdf.validate": ("validate",),
})
