"""Frozen value types: what the loaders find in a file, with its evidence.

Loaders return :class:`FileFacts`; :mod:`vanban.graph.build` merges the facts of many files
into one graph, deciding document identity across files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban.graph.vocabulary import EdgeType, Role

__all__ = [
    "Assignment",
    "DerivedLink",
    "DocumentFacts",
    "DocumentRef",
    "Evidence",
    "FileFacts",
    "OrganRef",
    "Recipient",
    "ReportLine",
    "Signature",
    "TaskFacts",
]


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: file, character span in it, the sentence and the rule."""

    source_file: str
    span: tuple[int, int]
    sentence: str
    rule: str


@dataclass(frozen=True)
class OrganRef:
    """An organ (or a collective group of organs) under its canonical name.

    ``key`` is the identity used across files; groups are scoped to the issuer's locality
    because "Các huyện ủy" of one province is not that of another.
    """

    name: str
    key: str
    collective: bool = False
    parent: OrganRef | None = None


@dataclass(frozen=True)
class DocumentRef:
    """A document as named somewhere: by symbol, or by a title when it has no number."""

    symbol: str | None
    doc_type: str | None
    evidence: Evidence
    relation: EdgeType = EdgeType.CITES
    type_explicit: bool = True  # the type word stood right before this symbol
    date: str | None = None
    issuer: OrganRef | None = None
    term: str | None = None  # khóa (party term), e.g. "XIII"
    title: str | None = None  # for documents known only by name
    subject: str | None = None
    scope: str = ""  # issuer scope of the symbol series ("" = national)


@dataclass(frozen=True)
class DerivedLink:
    """A relation stated inside a reference: "Kế hoạch 223-KH/TU về thực hiện 54-KL/TW"."""

    source: DocumentRef
    target: DocumentRef
    relation: EdgeType
    evidence: Evidence


@dataclass(frozen=True)
class Signature:
    person: str
    capacity: str | None
    title: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Recipient:
    organ: OrganRef
    kind: str  # "kinh_gui" or "noi_nhan"
    purpose: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Assignment:
    organ: OrganRef
    role: Role
    evidence: Evidence


@dataclass(frozen=True)
class ReportLine:
    reporter: OrganRef
    recipient: OrganRef
    via: OrganRef | None
    evidence: Evidence


@dataclass(frozen=True)
class TaskFacts:
    number: str  # as written: "1", "2.3", "a"
    path: str  # unique within the document: "II.1", "6.-2"
    text: str
    evidence: Evidence
    assignments: tuple[Assignment, ...] = ()


@dataclass(frozen=True)
class DocumentFacts:
    """One document read from a file (a file may hold several)."""

    source_file: str
    index: int  # position in the file
    span: tuple[int, int]
    symbol: str | None
    doc_type: str | None
    date: str | None
    place: str | None
    subject: str | None
    issuer: OrganRef | None  # the first issuer of a joint document (its scope is the document's)
    scope: str = ""
    term: str | None = None
    co_issuers: tuple[OrganRef, ...] = ()  # the other issuers of a joint (liên tịch) document
    number_suffix: str | None = None  # "CTr/TU" of a signed copy whose number field is blank
    same_as: DocumentRef | None = None  # a repeated text of a document named elsewhere
    copies: DocumentRef | None = None
    signatures: tuple[Signature, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    references: tuple[DocumentRef, ...] = ()
    derived: tuple[DerivedLink, ...] = ()
    tasks: tuple[TaskFacts, ...] = ()
    reports: tuple[ReportLine, ...] = ()
    notes: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()  # readings of this document that disagree (text and page metadata)
    issuer_evidence: Evidence | None = None  # where the issuer was read, when not from the header


@dataclass(frozen=True)
class FileFacts:
    source_file: str
    documents: tuple[DocumentFacts, ...] = field(default_factory=tuple)
