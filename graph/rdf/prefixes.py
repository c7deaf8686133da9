"""The prefixes of the RDF export and of SPARQL queries, with their namespace IRIs.

Plain strings, without rdflib: the command line lists them in its help, and :mod:`.terms`
builds its namespaces from them.

>>> PREFIXES["eli"]
'http://data.europa.eu/eli/ontology#'
"""

from __future__ import annotations

__all__ = ["PREFIXES"]

PREFIXES: dict[str, str] = {
    "vb": "https://w3id.org/vanban/ns#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
