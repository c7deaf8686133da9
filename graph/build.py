"""Merge the facts of many files into one networkx ``MultiDiGraph``.

Node ids are stable and readable (``doc:54-KL/TW``, ``organ:ban-bi-thu``,
``task:doc:54-KL/TW/6-3``); nodes and edges are inserted in sorted order so the same
input always gives the same graph. Every edge carries ``source_file``, ``span``,
``evidence`` (the sentence) and ``rule``.

>>> from vanban.loaders.extract import extract_text
>>> g = build_graph([extract_text("KẾT LUẬN\\nThực hiện Kết luận số 54-KL/TW, ngày 09/5/2023 "
...     "của Ban Bí thư, Ban Thường vụ Tỉnh ủy Lạng Sơn ban hành Kết luận.", "a.txt")])
>>> sorted((u, d["type"], v) for u, v, d in g.edges(data=True) if d["type"] == "IMPLEMENTS")
[('doc:a.txt#0', 'IMPLEMENTS', 'doc:54-KL/TW')]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import networkx as nx

from vanban.graph.identity import Claim, assign_ids, slug
from vanban.graph.model import DocumentFacts, DocumentRef, Evidence, FileFacts, OrganRef
from vanban.graph.vocabulary import EdgeType, NodeKind
from vanban.loaders.symbols import normalize_symbol

__all__ = ["build_graph", "organ_id", "person_id"]

_STRENGTH = {EdgeType.IMPLEMENTS: 2, EdgeType.CITES: 1}


def organ_id(organ: OrganRef) -> str:
    return f"organ:{slug(organ.key.split(':', 1)[1])}"


def person_id(name: str) -> str:
    return f"person:{slug(name)}"


@dataclass
class _DocInfo:
    symbols: Counter = field(default_factory=Counter)
    types: list[tuple[str, str, bool]] = field(default_factory=list)  # (type, file, explicit)
    dates: list[tuple[str, str]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    own: list[DocumentFacts] = field(default_factory=list)
    terms: set[str] = field(default_factory=set)
    scope: str = ""


class _Edges:
    """Collects edges, keeping one per key (the strongest relation, first evidence)."""

    def __init__(self) -> None:
        self.rows: dict[tuple, tuple[str, str, dict]] = {}

    def add(self, key: tuple, source: str, target: str, attrs: dict) -> None:
        old = self.rows.get(key)
        if old is None:
            attrs.setdefault("mentions", 1)
            self.rows[key] = (source, target, attrs)
        else:
            old[2]["mentions"] = old[2].get("mentions", 1) + 1


def _evidence_attrs(ev: Evidence) -> dict:
    return {"source_file": ev.source_file, "span": [ev.span[0], ev.span[1]],
            "evidence": ev.sentence, "rule": ev.rule}


def build_graph(files: Iterable[FileFacts]) -> nx.MultiDiGraph:
    """One graph from the facts of many files (order of ``files`` does not matter)."""
    files = _numbers_from_citations(sorted(files, key=lambda f: f.source_file))
    claims: list[Claim] = []
    claim_of: dict[int, int] = {}  # id(obj) -> claim id

    def claim(obj, *, symbol, title, scope, term, date, source_file, own=None) -> None:
        c = Claim(len(claims), symbol, title, scope, term, date, source_file, own)
        claims.append(c)
        claim_of[id(obj)] = c.claim_id

    for facts in files:
        for doc in facts.documents:
            if doc.same_as is not None:
                ref = doc.same_as
                claim(doc, symbol=ref.symbol, title=ref.title, scope=ref.scope, term=ref.term,
                      date=ref.date, source_file=doc.source_file)
            else:
                claim(doc, symbol=doc.symbol, title=None,
                      scope=doc.scope, term=doc.term, date=doc.date,
                      source_file=doc.source_file, own=(doc.source_file, doc.index))
            for ref in _refs_of(doc):
                claim(ref, symbol=ref.symbol, title=ref.title, scope=ref.scope, term=ref.term,
                      date=ref.date, source_file=doc.source_file)
    ids = assign_ids(claims)

    def node_of(obj) -> str:
        return ids[claim_of[id(obj)]]

    docs: dict[str, _DocInfo] = defaultdict(_DocInfo)
    organs: dict[str, OrganRef] = {}
    persons: dict[str, str] = {}
    tasks: dict[str, dict] = {}
    edges = _Edges()

    def add_organ(organ: OrganRef) -> str:
        oid = organ_id(organ)
        organs.setdefault(oid, organ)
        if organ.parent is not None:
            pid = add_organ(organ.parent)
            edges.add(("PART_OF", oid, pid), oid, pid,
                      {"type": EdgeType.PART_OF.value, "source_file": None, "rule": "organ-name"})
        return oid

    for facts in files:
        for doc in facts.documents:
            did = node_of(doc)
            info = docs[did]
            info.sources.add(doc.source_file)
            if doc.same_as is None:
                info.own.append(doc)
                if doc.symbol:
                    info.symbols[doc.symbol] += 3
                if doc.doc_type:
                    info.types.append((doc.doc_type, doc.source_file, True))
                if doc.date:
                    info.dates.append((doc.date, doc.source_file))
                if doc.subject:
                    info.titles.append(doc.subject)
                if doc.term:
                    info.terms.add(doc.term)
                info.scope = doc.scope
            else:
                _note_ref(info, doc.same_as, doc.source_file)
            if doc.issuer is not None:
                oid = add_organ(doc.issuer)
                edges.add(("ISSUED_BY", did, oid), did, oid,
                          {"type": EdgeType.ISSUED_BY.value, "source_file": doc.source_file,
                           "rule": "document-header", "span": list(doc.span)})
            for sig in doc.signatures:
                pid = person_id(sig.person)
                persons.setdefault(pid, sig.person)
                edges.add(("SIGNED_BY", did, pid, doc.source_file), did, pid,
                          {"type": EdgeType.SIGNED_BY.value, "capacity": sig.capacity,
                           "title": sig.title, **_evidence_attrs(sig.evidence)})
            for rec in doc.recipients:
                oid = add_organ(rec.organ)
                edges.add(("ADDRESSED_TO", did, oid, rec.kind, doc.source_file), did, oid,
                          {"type": EdgeType.ADDRESSED_TO.value, "kind": rec.kind,
                           "purpose": rec.purpose, **_evidence_attrs(rec.evidence)})
            _reference_edges(doc, did, node_of, docs, edges, add_organ)
            for task in doc.tasks:
                tid = f"task:{did}/{task.path}"
                tasks.setdefault(tid, {"number": task.number, "text": task.text,
                                       "document": did, "sources": set()})
                tasks[tid]["sources"].add(doc.source_file)
                edges.add(("HAS_TASK", did, tid), did, tid,
                          {"type": EdgeType.HAS_TASK.value, **_evidence_attrs(task.evidence)})
                for a in task.assignments:
                    oid = add_organ(a.organ)
                    edges.add(("ASSIGNED_TO", tid, oid, a.role.value, doc.source_file), tid, oid,
                              {"type": EdgeType.ASSIGNED_TO.value, "role": a.role.value,
                               **_evidence_attrs(a.evidence)})
            for rep in doc.reports:
                src, dst = add_organ(rep.reporter), add_organ(rep.recipient)
                via = add_organ(rep.via) if rep.via else None
                edges.add(("REPORTS_TO", src, dst, via, did, doc.source_file), src, dst,
                          {"type": EdgeType.REPORTS_TO.value,
                           "via": rep.via.name if rep.via else None, "via_id": via,
                           "document": did, **_evidence_attrs(rep.evidence)})
            if doc.copies is not None:
                cid = node_of(doc.copies)
                edges.add(("COPIES", did, cid), did, cid,
                          {"type": EdgeType.COPIES.value, **_evidence_attrs(doc.copies.evidence)})
    return _assemble(docs, organs, persons, tasks, edges)


def _numbers_from_citations(files: list[FileFacts]) -> list[FileFacts]:
    """A signed copy whose number field is blank (``Số    -CTr/TU``) takes the number other
    documents cite it by: a cited symbol of the same series, scope and type that no read
    document carries, and — when several fit — the one whose citations name what this
    document implements (``… 104-CTr/TU … thực hiện Kết luận số 75-KL/TW``)."""
    read = {normalize_symbol(d.symbol) for f in files for d in f.documents if d.symbol}
    cited: dict[tuple[str, str, str | None], dict[str, list[DocumentRef]]] = defaultdict(dict)
    for f in files:
        for doc in f.documents:
            for ref in _refs_of(doc):
                key = normalize_symbol(ref.symbol) if ref.symbol else None
                if key and key not in read:
                    series = _SERIES.sub("", key, count=1)
                    cited[(series, ref.scope, ref.doc_type)].setdefault(key, []).append(ref)
    out = []
    for f in files:
        docs = []
        for doc in f.documents:
            if doc.symbol is None and doc.number_suffix and doc.same_as is None:
                found = cited.get((normalize_symbol(doc.number_suffix), doc.scope, doc.doc_type), {})
                symbol = _best_citation(doc, found)
                if symbol:
                    doc = replace(doc, symbol=symbol, notes=(*doc.notes, "number read from citations"))
            docs.append(doc)
        out.append(replace(f, documents=tuple(docs)))
    return out


_SERIES = re.compile(r"^\d+(?:\.\d+)?[A-Z]?[-/]")


def _best_citation(doc: DocumentFacts, found: dict[str, list[DocumentRef]]) -> str | None:
    if len(found) > 1:
        implemented = [normalize_symbol(r.symbol) for r in doc.references
                       if r.symbol and r.relation is EdgeType.IMPLEMENTS]
        found = {k: refs for k, refs in found.items()
                 if any(s in normalize_symbol(r.evidence.sentence) for r in refs for s in implemented)}
    if len(found) != 1:
        return None
    number = _SERIES.match(next(iter(found))).group()  # "104-": the citation's number …
    return number + doc.number_suffix  # … with the series as the document itself writes it


def _refs_of(doc: DocumentFacts) -> list[DocumentRef]:
    out = list(doc.references)
    for link in doc.derived:
        out += [link.source, link.target]
    if doc.copies is not None:
        out.append(doc.copies)
    return out


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


def _reference_edges(doc, did, node_of, docs, edges, add_organ) -> None:
    best: dict[str, tuple[int, DocumentRef, int]] = {}
    for ref in _refs_of(doc):
        rid = node_of(ref)
        _note_ref(docs[rid], ref, doc.source_file)
        if ref.issuer is not None:
            oid = add_organ(ref.issuer)
            edges.add(("ISSUED_BY", rid, oid), rid, oid,
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


def _assemble(docs, organs, persons, tasks, edges: _Edges) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for did in sorted(docs):
        g.add_node(did, **_document_attrs(did, docs[did]))
    for oid in sorted(organs):
        organ = organs[oid]
        g.add_node(oid, kind=NodeKind.ORGAN.value, name=organ.name, collective=organ.collective)
    for pid in sorted(persons):
        g.add_node(pid, kind=NodeKind.PERSON.value, name=persons[pid])
    for tid in sorted(tasks):
        t = tasks[tid]
        g.add_node(tid, kind=NodeKind.TASK.value, number=t["number"], text=t["text"],
                   document=t["document"], sources=sorted(t["sources"]))
    for key in sorted(edges.rows, key=lambda k: tuple(str(x) for x in k)):
        source, target, attrs = edges.rows[key]
        g.add_edge(source, target, key="|".join(str(x) for x in key[:1] + key[3:]), **attrs)
    return g


def _document_attrs(did: str, info: _DocInfo) -> dict:
    own = info.own[0] if info.own else None
    explicit = sorted({t for t, _, e in info.types if e})
    all_types = [t for t, _, _ in info.types]
    if own and own.doc_type:
        doc_type = own.doc_type
    elif explicit:
        doc_type = Counter(t for t, _, e in info.types if e).most_common(1)[0][0]
    elif all_types:
        doc_type = Counter(all_types).most_common(1)[0][0]
    else:
        doc_type = None
    dates = sorted({d for d, _ in info.dates})
    date = own.date if own and own.date else (
        Counter(d for d, _ in info.dates).most_common(1)[0][0] if dates else None)
    conflicts = []
    if len(explicit) > 1:
        where = "; ".join(f"{t} in {', '.join(sorted({f for x, f, e in info.types if x == t and e}))}"
                          for t in explicit)
        conflicts.append(f"type: called {' and '.join(explicit)} ({where})")
    if len(dates) > 1:
        where = "; ".join(f"{d} in {', '.join(sorted({f for x, f in info.dates if x == d}))}"
                          for d in dates)
        conflicts.append(f"date: {' and '.join(dates)} ({where})")
    symbol = info.symbols.most_common(1)[0][0] if info.symbols else None
    if info.symbols:
        top = max(info.symbols.values())
        symbol = sorted(s for s, n in info.symbols.items() if n == top)[0]
    title = own.subject if own and own.subject else (info.titles[0] if info.titles and not symbol
                                                     else None)
    return {
        "kind": NodeKind.DOCUMENT.value,
        "symbol": symbol,
        "doc_type": doc_type,
        "date": date,
        "title": title,
        "place": own.place if own else None,
        "term": sorted(info.terms)[-1] if info.terms else None,
        "scope": info.scope or None,
        "sources": sorted(info.sources),
        "read": bool(info.own),
        "conflicts": conflicts,
    }
