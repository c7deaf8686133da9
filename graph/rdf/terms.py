"""The RDF terms vanban writes, as closed namespaces: an unknown term is an error.

``VB`` holds vanban's own terms (documented, with Vietnamese and English labels, in
``vanban.ttl`` next to this module); ``ELI`` the terms of the European Legislation Identifier
ontology that vanban uses. W3C ORG, PROV, FOAF, SKOS and Dublin Core come from rdflib.
:func:`term` turns the CURIEs of :mod:`vanban.graph.schema` into these terms.

>>> str(VB.Reading), str(term("eli:number"))
('https://w3id.org/vanban/ns#Reading', 'http://data.europa.eu/eli/ontology#number')
>>> VB.NoSuchTerm
Traceback (most recent call last):
...
AttributeError: term 'NoSuchTerm' not in namespace 'https://w3id.org/vanban/ns#'
"""

from __future__ import annotations

from functools import cache

from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS, DefinedNamespace, Namespace

from vanban.graph.rdf.prefixes import PREFIXES

__all__ = ["ELI", "PREFIXES", "VB", "term"]


class VB(DefinedNamespace):
    """vanban's own vocabulary (``vanban.ttl``)."""

    _fail = True
    _NS = Namespace(PREFIXES["vb"])

    # classes
    Document: URIRef  # a directive document (văn bản); subclass of eli:LegalResource
    Task: URIRef  # a numbered task in a document (nhiệm vụ); subclass of eli:LegalResourceSubdivision
    Reading: URIRef  # one relation as read in a source file, with its evidence (rdf:Statement)
    SourceFile: URIRef  # an input file the facts were read from (prov:Entity)

    # document attributes
    docType: URIRef  # the Vietnamese type as written: "Kết luận", "Công văn"
    place: URIRef  # place of issue: "Hà Nội"
    term: URIRef  # party term (khóa): "XIII"
    scope: URIRef  # issuer scope of the symbol series ("" = national, not written)
    read: URIRef  # true when the document's own text was read, false when only mentioned
    conflict: URIRef  # a disagreement between sources, kept as text

    # organ and task attributes
    collective: URIRef  # a group of organs named together ("Các huyện ủy")
    foldedName: URIRef  # the name lower-cased without diacritics, for matching
    symbolKey: URIRef  # the symbol without spaces and diacritics, upper case, for matching
    taskNumber: URIRef  # the task's number as written: "1", "2.3", "a"
    text: URIRef  # the task's text

    # relations (edge types that ELI, ORG and PROV do not cover)
    copies: URIRef  # a sao lục reproduces a document (sub-property of prov:wasQuotedFrom)
    signedBy: URIRef  # document -> person who signed it
    hasTask: URIRef  # document -> task (sub-property of eli:has_part)
    assignedTo: URIRef  # task -> organ told to carry it out
    reportsTo: URIRef  # organ -> organ it is told to report to (sub-property of org:reportsTo)
    addressedTo: URIRef  # document -> organ it is sent to (kính gửi, nơi nhận)

    # attributes of a Reading
    spanStart: URIRef  # first character of the evidence in the source file
    spanEnd: URIRef  # one past the last character
    evidence: URIRef  # the sentence the relation was read from
    rule: URIRef  # the name of the extraction rule that found it
    mentions: URIRef  # how many times the relation is stated in the source
    edgeKey: URIRef  # the relation's key in the vanban graph (tells parallel relations apart)
    role: URIRef  # assignment role: "lead", "coordinate" or "perform"
    capacity: URIRef  # signing capacity: "T/M BAN THƯỜNG VỤ"
    signatoryTitle: URIRef  # the signer's title: "PHÓ BÍ THƯ"
    addressKind: URIRef  # "kinh_gui" or "noi_nhan"
    purpose: URIRef  # why a recipient gets the document: "b/c", "lưu"
    via: URIRef  # the name of the organ a report goes through
    viaOrgan: URIRef  # that organ itself
    orderedBy: URIRef  # the document that orders a report


class ELI(DefinedNamespace):
    """European Legislation Identifier ontology terms used by vanban."""

    _fail = True
    _NS = Namespace(PREFIXES["eli"])

    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    number: URIRef
    date_document: URIRef
    passed_by: URIRef
    cites: URIRef
    ensures_implementation_of: URIRef
    applies: URIRef
    has_part: URIRef
    is_part_of: URIRef


# Namespaces by prefix; each is closed, so an unknown term is an error.
_CLOSED: dict[str, type[DefinedNamespace]] = {
    "vb": VB, "eli": ELI, "org": ORG, "prov": PROV, "foaf": FOAF, "skos": SKOS, "dcterms": DCTERMS,
    "rdf": RDF,
}


@cache
def term(curie: str) -> URIRef:
    """The term a CURIE names (``vb:docType``); an unknown prefix or term is an error.

    >>> term("vb:noSuchTerm")
    Traceback (most recent call last):
    ...
    AttributeError: term 'noSuchTerm' not in namespace 'https://w3id.org/vanban/ns#'
    """
    prefix, _, local = curie.partition(":")
    namespace = _CLOSED.get(prefix)
    if namespace is None:
        raise KeyError(f"{curie}: unknown prefix {prefix!r}")
    return getattr(namespace, local)
