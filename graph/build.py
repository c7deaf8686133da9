"""Merge the facts of many files into one networkx ``MultiDiGraph``.

Node ids are stable and readable (``doc:54-KL/TW``, ``organ:ban-bi-thu``,
``task:doc:54-KL/TW/6-3``); nodes and edges are inserted in sorted order so the same
input always gives the same graph. Nodes carry the attributes :mod:`vanban.graph.schema`
lists for their kind, in its order. Every edge carries ``source_file``, ``span``,
``evidence`` (the sentence) and ``rule``.

>>> from vanban.loaders.extract import extract_text
>>> g = build_graph([extract_text("KẾT LUẬN\\nThực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 "
...     "của Ban Bí thư, Ban Thường vụ Tỉnh ủy Lạng Sơn ban hành Kết luận.", "a.txt")])
>>> sorted((u, d["type"], v) for u, v, d in g.edges(data=True) if d["type"] == "IMPLEMENTS")
[('doc:a.txt#0', 'IMPLEMENTS', 'doc:54-KL/TW')]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import networkx as nx

from vanban.graph.identity import (
    CitedNumbers,
    Claim,
    assign_ids,
    refs_of,
    resolve_names,
    slug,
    symbol_variants,
)
from vanban.graph.model import DocumentFacts, DocumentRef, Evidence, FileFacts, OrganRef
from vanban.graph.packed import PackedFacts
from vanban.graph.schema import node_attributes
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.loaders.lexicon import NamedDocument
from vanban.loaders.symbols import type_from_symbol

__all__ = ["build_graph", "organ_id", "person_id"]

_STRENGTH = {EdgeType.IMPLEMENTS: 2, EdgeType.CITES: 1}


def organ_id(organ: OrganRef) -> str:
    return f"organ:{slug(organ.key.split(':', 1)[1])}"


def person_id(name: str) -> str:
    return f"person:{slug(name)}"


@dataclass(slots=True)
class _DocInfo:
    symbols: Counter = field(default_factory=Counter)
    own_symbols: Counter = field(default_factory=Counter)  # as the document itself writes it
    types: list[tuple[str, str, bool]] = field(default_factory=list)  # (type, file, explicit)
    dates: list[tuple[str, str]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    own: list[_Reading | None] = field(default_factory=list)  # the first reading, then None for each other
    terms: set[str] = field(default_factory=set)
    scope: str = ""
    noted: list[str] = field(default_factory=list)  # conflicts the loaders found within one file
    known: NamedDocument | None = None  # its entry in the registry of documents cited by name


class _Edges:
    """Collects edges, keeping one per key (the strongest relation, first evidence).

    Every key ends with the file that states the fact: two files stating one fact (a text
    repeated in an appendix, a directive's issuer named in every citation) give two edges,
    each with its own evidence, so taking one file's facts away leaves the other's.

    Equal strings and spans (node ids, rules, the evidence sentences of boilerplate, the
    character spans of one sentence) are kept as one object: files are read one by one, so
    each brings its own copies otherwise.
    """

    def __init__(self) -> None:
        self.rows: dict[tuple[str, ...], tuple[str, str, dict]] = {}
        self.strings: dict[Any, Any] = {}  # a string or a span -> the one kept

    def share(self, text: str) -> str:
        shared: str = self.strings.setdefault(text, text)
        return shared

    def add(self, key: tuple[str, ...], source: str, target: str, attrs: dict) -> None:
        """Keep ``attrs`` under ``key`` (all strings: keys sort as they are)."""
        old = self.rows.get(key)
        if old is None:
            attrs.setdefault("mentions", 1)
            share = self.strings.setdefault
            for name, value in attrs.items():
                if type(value) is str or type(value) is tuple:
                    attrs[name] = share(value, value)
            self.rows[key] = (share(source, source), share(target, target), attrs)
        else:
            old[2]["mentions"] = old[2].get("mentions", 1) + 1


def _evidence_attrs(ev: Evidence) -> dict:
    return {"source_file": ev.source_file, "span": ev.span,
            "evidence": ev.sentence, "rule": ev.rule}


class _Reading(NamedTuple):
    """What the node of a read document needs from its own text."""

    doc_type: str | None
    date: str | None
    subject: str | None
    place: str | None


def build_graph(files: Iterable[FileFacts]) -> nx.MultiDiGraph:
    """One graph from the facts of many files (order of ``files`` does not matter).

    Two passes over the files in name order, one file at a time: the first collects every
    reading and mention of a document (claims) and the cited numbers, the second adds nodes
    and edges with the ids decided in between. Nothing of a file's facts is kept but what
    the graph shows, so :class:`PackedFacts` are merged without unpacking them all, and
    each file's packed facts are let go of once merged (unless the caller holds them too:
    see :meth:`vanban.pipeline.InputResult.take_facts`).

    The merge makes millions of objects and no reference cycles, so the cyclic garbage
    collector only walks them again and again (a third of the time on 10,000 files). This
    function leaves the collector alone; a caller merging a large batch can pause it around
    the call with :func:`vanban.pipeline.collector_paused`, as the command line does.
    """
    ordered = files.in_file_order() if isinstance(files, PackedFacts) else sorted(
        files, key=lambda f: f.source_file)
    numbers = CitedNumbers()
    claims: list[Claim] = []
    blank: list[tuple[int, int, int]] = []  # (claim, file, document) of blank numbers
    for position, facts in enumerate(ordered):
        numbers.note(facts)
        for index, doc in enumerate(facts.documents):
            if doc.same_as is not None:
                ref = doc.same_as
                claims.append(Claim(len(claims), ref.symbol, ref.title, ref.scope, ref.term, ref.date,
                                    doc.source_file))
            else:
                if doc.symbol is None and doc.number_suffix:
                    blank.append((len(claims), position, index))
                claims.append(Claim(len(claims), doc.symbol, None, doc.scope, doc.term, doc.date,
                                    doc.source_file, (doc.source_file, doc.index)))
            cited_on = doc.date or (doc.same_as.date if doc.same_as is not None else None)
            claims += [Claim(len(claims) + k, ref.symbol, ref.title, ref.scope, ref.term, ref.date,
                             doc.source_file, cited_on=cited_on) for k, ref in enumerate(refs_of(doc))]
    numbers.settle(ordered)
    for claim_id, position, index in blank:  # the number its citations give, if any
        numbered = numbers.apply(position, ordered[position]).documents[index]
        if numbered.symbol:
            claims[claim_id] = replace(claims[claim_id], symbol=numbered.symbol)
    claims, named = resolve_names(claims)  # a name the registry or another file numbers
    ids = assign_ids(claims)
    known = {ids[claim_id]: entry for claim_id, entry in named.items()}
    del claims
    return _merge(ordered, numbers, ids, known)


def _merge(ordered: Sequence[FileFacts], numbers: CitedNumbers, ids: dict[int, str],
           known: dict[str, NamedDocument]) -> nx.MultiDiGraph:
    """The second pass of :func:`build_graph`: nodes and edges, file by file."""
    claim_id = 0
    node_of_id: dict[int, str] = {}  # id(obj) -> node id, for the document being merged

    def node_of(obj: object) -> str:
        return node_of_id[id(obj)]

    docs: dict[str, _DocInfo] = defaultdict(_DocInfo)
    organs: dict[str, OrganRef] = {}
    persons: dict[str, str] = {}
    tasks: dict[str, tuple[str, str, str, list[str]]] = {}  # number, text, document, sources
    edges = _Edges()
    for did, named_entry in known.items():
        docs[did].known = named_entry

    def add_organ(organ: OrganRef) -> str:
        oid = organ_id(organ)
        organs.setdefault(oid, organ)
        if organ.parent is not None:
            pid = add_organ(organ.parent)
            edges.add(("PART_OF", oid, pid), oid, pid,
                      {"type": EdgeType.PART_OF.value, "source_file": None, "rule": "organ-name"})
        return oid

    for position, facts in enumerate(ordered.drain() if isinstance(ordered, PackedFacts) else ordered):
        for doc in numbers.apply(position, facts).documents:
            # The claims of this document and of what it names, in the order of the first pass.
            named = refs_of(doc)
            node_of_id.clear()
            node_of_id[id(doc)] = ids[claim_id]
            for k, ref in enumerate(named, claim_id + 1):
                node_of_id[id(ref)] = ids[k]  # a ref named twice keeps its later claim, as before
            claim_id += 1 + len(named)
            did = node_of(doc)
            info = docs[did]
            info.sources.add(doc.source_file)
            if doc.same_as is None:
                if not info.own:  # the first reading gives the node its fields
                    info.own.append(_Reading(doc.doc_type, doc.date, doc.subject, doc.place))
                else:
                    info.own.append(None)
                if doc.symbol:
                    info.symbols[doc.symbol] += 3
                    info.own_symbols[doc.symbol] += 1
                if doc.doc_type:
                    info.types.append((doc.doc_type, doc.source_file, True))
                if doc.date:
                    info.dates.append((doc.date, doc.source_file))
                if doc.subject:
                    info.titles.append(doc.subject)
                if doc.term:
                    info.terms.add(doc.term)
                info.scope = doc.scope
                info.noted += [f"{text} ({doc.source_file})" for text in doc.conflicts]
            else:
                _note_ref(info, doc.same_as, doc.source_file)
            for organ in (doc.issuer, *doc.co_issuers) if doc.issuer is not None else ():
                oid = add_organ(organ)
                issued = ({**_evidence_attrs(doc.issuer_evidence)} if doc.issuer_evidence is not None else
                          {"source_file": doc.source_file, "rule": "document-header", "span": doc.span})
                edges.add(("ISSUED_BY", did, oid, doc.source_file), did, oid,
                          {"type": EdgeType.ISSUED_BY.value, **issued})
            for sig in doc.signatures:
                pid = person_id(sig.person)
                persons.setdefault(pid, sig.person)
                edges.add(("SIGNED_BY", did, pid, doc.source_file), did, pid,
                          {"type": EdgeType.SIGNED_BY.value, "capacity": sig.capacity,
                           "title": sig.title, **_evidence_attrs(sig.evidence)})
            for rec in doc.recipients:
                oid = add_organ(rec.organ)
                edges.add(("ADDRESSED_TO", did, oid, rec.kind, doc.source_file), did, oid,
                          {"type": EdgeType.ADDRESSED_TO.value, "address": rec.kind, "kind": rec.kind,
                           "purpose": rec.purpose, **_evidence_attrs(rec.evidence)})
            _reference_edges(doc, did, node_of, docs, edges, add_organ)
            for task in doc.tasks:
                tid = f"task:{did}/{task.path}"
                entry = tasks.get(tid)
                if entry is None:
                    tasks[tid] = (task.number, edges.share(task.text), did, [doc.source_file])
                elif entry[3][-1] != doc.source_file:  # files come in name order: sources stay sorted
                    entry[3].append(doc.source_file)
                edges.add(("HAS_TASK", did, tid, doc.source_file), did, tid,
                          {"type": EdgeType.HAS_TASK.value, **_evidence_attrs(task.evidence)})
                for a in task.assignments:
                    oid = add_organ(a.organ)
                    edges.add(("ASSIGNED_TO", tid, oid, a.role.value, doc.source_file), tid, oid,
                              {"type": EdgeType.ASSIGNED_TO.value, "role": a.role.value,
                               **_evidence_attrs(a.evidence)})
            for rep in doc.reports:
                src, dst = add_organ(rep.reporter), add_organ(rep.recipient)
                via = add_organ(rep.via) if rep.via else None  # in the key as "None" when absent
                edges.add(("REPORTS_TO", src, dst, str(via), did, doc.source_file), src, dst,
                          {"type": EdgeType.REPORTS_TO.value,
                           "via": rep.via.name if rep.via else None, "via_id": via,
                           "document": did, **_evidence_attrs(rep.evidence)})
            if doc.copies is not None:
                cid = node_of(doc.copies)
                edges.add(("COPIES", did, cid, doc.source_file), did, cid,
                          {"type": EdgeType.COPIES.value, **_evidence_attrs(doc.copies.evidence)})
    return _assemble(docs, organs, persons, tasks, edges)


def _note_ref(info: _DocInfo, ref: DocumentRef, source_file: str) -> None:
    info.sources.add(source_file)
    if ref.symbol:
        info.symbols[ref.symbol] += 1
    if ref.doc_type:
        info.types.append((ref.doc_type, source_file, ref.type_explicit))
    if ref.date:
        info.dates.append((ref.date, source_file))
    if ref.title:
        info.titles.append(ref.title)
    if ref.term:
        info.terms.add(ref.term)
    info.scope = info.scope or ref.scope


def _reference_edges(doc: DocumentFacts, did: str, node_of: Callable[[object], str],
                     docs: dict[str, _DocInfo], edges: _Edges, add_organ: Callable[[OrganRef], str]) -> None:
    best: dict[str, tuple[int, DocumentRef, int]] = {}
    for ref in refs_of(doc):
        rid = node_of(ref)
        _note_ref(docs[rid], ref, doc.source_file)
        if ref.issuer is not None:
            oid = add_organ(ref.issuer)
            edges.add(("ISSUED_BY", rid, oid, doc.source_file), rid, oid,
                      {"type": EdgeType.ISSUED_BY.value, **_evidence_attrs(ref.evidence),
                       "rule": "reference-issuer"})
    for ref in doc.references:
        rid = node_of(ref)
        if rid == did:
            continue
        strength = _STRENGTH[ref.relation]
        old = best.get(rid)
        count = (old[2] if old else 0) + 1
        if old is None or strength > old[0]:
            best[rid] = (strength, ref, count)
        else:
            best[rid] = (old[0], old[1], count)
    for rid, (_, ref, count) in sorted(best.items()):
        edges.add((ref.relation.value, did, rid, doc.source_file), did, rid,
                  {"type": ref.relation.value, "mentions": count, **_evidence_attrs(ref.evidence)})
    for link in doc.derived:
        sid, tid = node_of(link.source), node_of(link.target)
        if sid != tid:
            edges.add(("IMPLEMENTS", sid, tid, doc.source_file), sid, tid,
                      {"type": link.relation.value, **_evidence_attrs(link.evidence)})


def _assemble(docs: dict[str, _DocInfo], organs: dict[str, OrganRef], persons: dict[str, str],
              tasks: dict[str, tuple[str, str, str, list[str]]], edges: _Edges) -> nx.MultiDiGraph:
    """The graph, in sorted order; what is collected is let go of as it goes in."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    share = edges.share
    for did in sorted(docs):
        g.add_node(share(did), **_document_attrs(did, docs.pop(did)))
    for oid in sorted(organs):
        organ = organs.pop(oid)
        g.add_node(share(oid), **_node_attrs(NodeKind.ORGAN, name=organ.name, collective=organ.collective))
    for pid in sorted(persons):
        g.add_node(share(pid), **_node_attrs(NodeKind.PERSON, name=persons.pop(pid)))
    for tid in sorted(tasks):
        number, text, document, sources = tasks.pop(tid)
        g.add_node(share(tid), **_node_attrs(NodeKind.TASK, number=number, text=text, document=document,
                                             sources=sources))
    for emptied in (docs, organs, persons, tasks, edges.strings):  # their tables, before the edges
        emptied.clear()
    edge_keys: dict[str, str] = {}  # one "SIGNED_BY|a.txt" for the edges of a file
    keys = sorted(edges.rows, reverse=True)
    while keys:  # each key let go of once its edge is in
        source, target, attrs = edges.rows.pop(key := keys.pop())
        name = "|".join(key[:1] + key[3:])
        g.add_edge(source, target, key=edge_keys.setdefault(name, name), **attrs)
    return g


def _some_files(files: set[str], shown: int = 3) -> str:
    """The files behind one value of a conflict, the first ``shown`` by name, then how many more
    (a value stated by hundreds of files stays one short phrase).

    >>> _some_files({"d.txt", "b.txt", "a.txt", "c.txt", "e.txt"})
    'a.txt, b.txt, c.txt and 2 more'
    >>> _some_files({"b.txt", "a.txt"})
    'a.txt, b.txt'
    """
    names = sorted(files)
    listed = ", ".join(names[:shown])
    return f"{listed} and {len(names) - shown} more" if len(names) > shown else listed


def _document_attrs(did: str, info: _DocInfo) -> dict:
    own = info.own[0] if info.own else None
    known = info.known
    explicit = sorted({t for t, _, e in info.types if e})
    all_types = [t for t, _, _ in info.types]
    symbol = None
    written = info.own_symbols or info.symbols  # a document's own header before any citation of it
    if written:
        top = max(written.values())
        symbol = sorted(s for s, n in written.items() if n == top)[0]
    symbol = symbol or (known.number if known else None)
    if own and own.doc_type:
        doc_type = own.doc_type
    elif explicit:
        doc_type = _most_called(info.types, symbol)
    elif known is not None:
        doc_type = known.doc_type
    elif all_types:
        doc_type = Counter(all_types).most_common(1)[0][0]
    else:
        doc_type = None
    dates = sorted({d for d, _ in info.dates})
    date = own.date if own and own.date else (
        Counter(d for d, _ in info.dates).most_common(1)[0][0] if dates else known.date if known else None)
    conflicts = []
    if len(explicit) > 1:
        where = "; ".join(f"{t} in {_some_files({f for x, f, e in info.types if x == t and e})}"
                          for t in explicit)
        conflicts.append(f"type: called {' and '.join(explicit)} ({where})")
    if len(dates) > 1:
        where = "; ".join(f"{d} in {_some_files({f for x, f in info.dates if x == d})}" for d in dates)
        conflicts.append(f"date: {' and '.join(dates)} ({where})")
    conflicts += symbol_variants(info.symbols, symbol)
    conflicts += sorted(set(info.noted))
    # A document named by its name (a law) keeps its name beside its number.
    title = own.subject if own and own.subject else (known.name if known else info.titles[0] if info.titles
                                                     else None)
    return _node_attrs(NodeKind.DOCUMENT, symbol=symbol, doc_type=doc_type, date=date, title=title,
                       place=own.place if own else None, term=sorted(info.terms)[-1] if info.terms else None,
                       scope=info.scope or None, sources=sorted(info.sources), read=bool(info.own),
                       conflicts=conflicts)


def _most_called(types: list[tuple[str, str, bool]], symbol: str | None) -> str:
    """The type a document is most often called by a type word; between types called as often
    (one of them a slip: ``Chỉ thị số 18-NQ/TW`` beside ``Nghị quyết số 18-NQ/TW``), the one its
    symbol's code says.

    >>> _most_called([("Chỉ thị", "a", True), ("Nghị quyết", "b", True)], "18-NQ/TW")
    'Nghị quyết'
    """
    counts = Counter(t for t, _, explicit in types if explicit)
    top = max(counts.values())
    tied = [t for t, n in counts.items() if n == top]
    coded = type_from_symbol(symbol) if symbol and len(tied) > 1 else None
    return coded if coded in tied else tied[0]


# Each node kind's attributes after ``kind``, in the schema's order (``id`` is the node itself).
_NODE_KEYS = {kind: tuple(a.key for a in node_attributes(kind) if a.key not in ("id", "kind"))
              for kind in NodeKind}


def _node_attrs(kind: NodeKind, **values: object) -> dict[str, object]:
    """A node's attributes: ``kind``, then every attribute the schema lists for it, in order.

    >>> _node_attrs(NodeKind.PERSON, name="Lê Văn A")
    {'kind': 'Person', 'name': 'Lê Văn A'}
    >>> _node_attrs(NodeKind.PERSON, name="A", age=3)
    Traceback (most recent call last):
    ...
    ValueError: Person has no attribute age in the schema
    """
    keys = _NODE_KEYS[kind]
    if len(values) == len(keys) and all(key in values for key in keys):
        return {"kind": kind.value, **{key: values[key] for key in keys}}
    unknown = sorted(set(values) - set(keys))
    raise ValueError(f"{kind} has no attribute {', '.join(unknown)} in the schema" if unknown else
                     f"{kind} needs {', '.join(sorted(set(keys) - set(values)))}")
