"""Synthetic directive graphs of a chosen size, shaped like real ones, for benchmarks and tests.

About a fifth of the nodes are documents (a few directives, the rest implementing or citing
them), two fifths organs in a hierarchy, a third tasks and the rest signers. Every edge type
of the vocabulary occurs, with evidence sentences and source files like the loaders write.

>>> g = synthetic_graph(500, seed=1)
>>> g.number_of_nodes()
500
>>> sorted({d["kind"] for _, d in g.nodes(data=True)})
['Document', 'Organ', 'Person', 'Task']
"""

from __future__ import annotations

import random

import networkx as nx

from vanban.graph.vocabulary import EdgeType, NodeKind, Role

__all__ = ["synthetic_graph"]

_TYPES = [("Kết luận", "KL"), ("Kế hoạch", "KH"), ("Công văn", "CV"), ("Hướng dẫn", "HD"),
          ("Quyết định", "QĐ"), ("Chỉ thị", "CT"), ("Nghị quyết", "NQ")]
_ORGAN_HEADS = ["Tỉnh ủy", "Huyện ủy", "Đảng ủy", "Ban Tuyên giáo", "Ban Dân vận", "Văn phòng",
                "Ủy ban Kiểm tra", "Đảng đoàn", "Ban cán sự đảng", "Thành ủy"]
_PLACES = ["Lạng Sơn", "Hà Giang", "Cao Bằng", "Bắc Kạn", "Thái Nguyên", "Điện Biên", "Sơn La",
           "Quảng Ninh", "Nghệ An", "Đắk Lắk", "Cà Mau", "Bình Định"]
_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
_GIVEN = ["Văn An", "Thị Bình", "Đức Cường", "Thu Hà", "Quốc Hùng", "Minh Đức", "Thị Lan", "Xuân Trường"]


def synthetic_graph(n_nodes: int, seed: int = 0) -> nx.MultiDiGraph:
    """A graph of exactly ``n_nodes`` nodes (at least 10)."""
    rng = random.Random(seed)
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    n_docs = max(3, n_nodes // 5)
    n_persons = max(1, n_nodes // 20)
    n_tasks = max(1, n_nodes // 3)
    n_organs = max(2, n_nodes - n_docs - n_persons - n_tasks)
    organs = [_add_organ(g, i, rng) for i in range(n_organs)]
    persons = []
    for i in range(n_persons):
        persons.append(f"person:{i}")
        g.add_node(persons[-1], kind=NodeKind.PERSON.value,
                   name=f"{rng.choice(_NAMES)} {rng.choice(_GIVEN)} {i}")
    docs: list[str] = []
    for i in range(n_docs):
        docs.append(_add_document(g, i, rng, docs, organs, persons))
    for i in range(n_tasks):
        _add_task(g, i, rng, docs, organs)
    return g


def _evidence(rng: random.Random, file: str, text: str, rule: str) -> dict:
    start = rng.randrange(0, 20_000)
    return {"source_file": file, "span": [start, start + len(text)], "evidence": text, "rule": rule}


def _add_organ(g: nx.MultiDiGraph, i: int, rng: random.Random) -> str:
    node = f"organ:{i}"
    name = f"{_ORGAN_HEADS[i % len(_ORGAN_HEADS)]} {_PLACES[(i // len(_ORGAN_HEADS)) % len(_PLACES)]} {i}"
    g.add_node(node, kind=NodeKind.ORGAN.value, name=name, collective=i % 17 == 5)
    if i:
        parent = f"organ:{rng.randrange(0, max(1, i // 3))}"
        g.add_edge(node, parent, type=EdgeType.PART_OF.value, source_file="organs.txt")
        if i % 4 == 0:
            g.add_edge(node, parent, type=EdgeType.REPORTS_TO.value, via=None, document=None,
                       **_evidence(rng, "organs.txt", f"{name} báo cáo kết quả thực hiện.", "report-to"))
    return node


def _add_document(g: nx.MultiDiGraph, i: int, rng: random.Random, docs: list[str],
                  organs: list[str], persons: list[str]) -> str:
    doc_type, code = _TYPES[i % len(_TYPES)]
    symbol = f"{i + 1}-{code}/TU"
    node = f"doc:{symbol}"
    file = f"{i:04d}_synthetic.txt"
    day = f"20{15 + i % 9:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    read = i % 3 != 2
    g.add_node(node, kind=NodeKind.DOCUMENT.value, symbol=symbol, doc_type=doc_type, date=day,
               title=f"về việc triển khai nhiệm vụ số {i}", place=rng.choice(_PLACES), term="XIII",
               scope=None, sources=[file], read=read, conflicts=[])
    issuer = rng.choice(organs)
    g.add_edge(node, issuer, type=EdgeType.ISSUED_BY.value, source_file=file)
    if read:
        g.add_edge(node, rng.choice(persons), type=EdgeType.SIGNED_BY.value, source_file=file,
                   capacity="T/M BAN THƯỜNG VỤ", title="BÍ THƯ")
    directives = docs[: max(1, len(docs) // 20)]
    if docs:
        target = rng.choice(directives if rng.random() < 0.6 else docs)
        sentence = f"Thực hiện {g.nodes[target]['doc_type']} số {g.nodes[target]['symbol']}, {doc_type} này…"
        g.add_edge(node, target, type=EdgeType.IMPLEMENTS.value, mentions=1,
                   **_evidence(rng, file, sentence, "implements-phrase"))
        for cited in rng.sample(docs, min(len(docs), rng.randrange(0, 3))):
            if cited != target:
                sentence = f"Căn cứ {g.nodes[cited]['doc_type']} số {g.nodes[cited]['symbol']}."
                g.add_edge(node, cited, type=EdgeType.CITES.value, mentions=1,
                           **_evidence(rng, file, sentence, "numbered-reference"))
        if i % 25 == 7:
            g.add_edge(node, target, type=EdgeType.COPIES.value, source_file=file)
    for organ in rng.sample(organs, min(len(organs), 2)):
        g.add_edge(node, organ, type=EdgeType.ADDRESSED_TO.value, kind="noi_nhan", purpose="b/c",
                   **_evidence(rng, file, f"- {g.nodes[organ]['name']} (để b/c),", "recipients-noi_nhan"))
    return node


def _add_task(g: nx.MultiDiGraph, i: int, rng: random.Random, docs: list[str], organs: list[str]) -> None:
    doc = rng.choice(docs)
    node = f"task:{i}"
    file = g.nodes[doc]["sources"][0]
    g.add_node(node, kind=NodeKind.TASK.value, number=str(1 + i % 9),
               text=f"Nhiệm vụ {i}: tổ chức quán triệt.",
               document=doc, sources=[file])
    g.add_edge(doc, node, type=EdgeType.HAS_TASK.value, source_file=file)
    for role in (Role.LEAD, Role.COORDINATE)[: rng.randrange(1, 3)]:
        organ = rng.choice(organs)
        g.add_edge(node, organ, type=EdgeType.ASSIGNED_TO.value, role=role.value,
                   **_evidence(rng, file, f"{g.nodes[organ]['name']} chủ trì, phối hợp.", "task-role"))
