"""Merging facts into one graph: identity, stubs, conflicts, provenance, determinism."""

from __future__ import annotations

from vanban.graph.build import build_graph
from vanban.graph.export import graph_to_json
from vanban.loaders.extract import extract_text

CENTRAL = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 12-CT/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 03 tháng 4 năm 2022
CHỈ THỊ
CỦA BỘ CHÍNH TRỊ
về tăng cường công tác dân vận

Căn cứ Quy định số 124-QĐ/TW của Ban Bí thư, Bộ Chính trị yêu cầu các cấp ủy thực hiện tốt các nhiệm vụ sau:
1. Nâng cao nhận thức của cán bộ, đảng viên về công tác dân vận trong tình hình mới.
T/M BỘ CHÍNH TRỊ
Võ Văn Thưởng
"""


def province(name: str, number: str, date: str, cited_date: str = "03/4/2022") -> str:
    day, month, year = date.split("/")
    return f"""TỈNH ỦY {name.upper()}
*
Số {number}-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
{name}, ngày {day} tháng {month} năm {year}
KẾ HOẠCH
thực hiện Chỉ thị số 12-CT/TW, ngày {cited_date} của Bộ Chính trị

Thực hiện Chỉ thị số 12-CT/TW, ngày {cited_date} của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành kế hoạch.
Nội dung chính của kế hoạch được trình bày đầy đủ trong các mục dưới đây của văn bản.
1. Quán triệt sâu rộng nội dung Chỉ thị đến toàn thể cán bộ, đảng viên trong Đảng bộ tỉnh.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn An
"""


def graph_of(*files: tuple[str, str]):
    return build_graph([extract_text(text, name) for name, text in files])


def docs_with_symbol(g, symbol: str) -> list[str]:
    return [n for n, d in g.nodes(data=True) if d.get("kind") == "Document" and d.get("symbol") == symbol]


def test_a_document_read_and_cited_in_several_files_is_one_node() -> None:
    g = graph_of(("central.txt", CENTRAL), ("a.txt", province("Cao Bằng", "10", "05/5/2022")),
                 ("b.txt", province("Bắc Kạn", "20", "06/5/2022")))
    nodes = docs_with_symbol(g, "12-CT/TW")
    assert len(nodes) == 1
    attrs = g.nodes[nodes[0]]
    assert attrs["sources"] == ["a.txt", "b.txt", "central.txt"]
    assert attrs["read"] is True and attrs["doc_type"] == "Chỉ thị" and attrs["date"] == "2022-04-03"
    implementers = {u for u, _, d in g.in_edges(nodes[0], data=True) if d["type"] == "IMPLEMENTS"}
    assert len(implementers) == 2


def test_a_referenced_only_document_is_a_stub_that_fills_in_when_loaded() -> None:
    stub = graph_of(("a.txt", province("Cao Bằng", "10", "05/5/2022")))
    node = docs_with_symbol(stub, "12-CT/TW")[0]
    assert stub.nodes[node]["read"] is False
    assert stub.nodes[node]["date"] == "2022-04-03"  # from the reference
    full = graph_of(("a.txt", province("Cao Bằng", "10", "05/5/2022")), ("central.txt", CENTRAL))
    assert docs_with_symbol(full, "12-CT/TW") == [node]  # same id once the document itself is read
    assert full.nodes[node]["read"] is True


def test_local_symbols_are_scoped_to_their_province() -> None:
    g = graph_of(("a.txt", province("Cao Bằng", "10", "05/5/2022")),
                 ("b.txt", province("Bắc Kạn", "10", "06/5/2022")))
    assert len(docs_with_symbol(g, "10-KH/TU")) == 2


def test_disagreeing_dates_are_kept_as_a_conflict() -> None:
    g = graph_of(("central.txt", CENTRAL), ("a.txt", province("Cao Bằng", "10", "05/5/2022", "04/4/2022")))
    node = docs_with_symbol(g, "12-CT/TW")[0]
    conflicts = g.nodes[node]["conflicts"]
    assert len(conflicts) == 1 and "2022-04-03" in conflicts[0] and "2022-04-04" in conflicts[0]


def test_edges_carry_provenance() -> None:
    g = graph_of(("a.txt", province("Cao Bằng", "10", "05/5/2022")))
    for _, _, data in g.edges(data=True):
        if data["type"] in ("IMPLEMENTS", "CITES", "SIGNED_BY", "ASSIGNED_TO", "REPORTS_TO", "ADDRESSED_TO"):
            assert data["source_file"] == "a.txt"
            assert data["evidence"] and data["rule"] and data["span"][0] < data["span"][1]


def test_one_edge_per_reference_with_the_strongest_relation() -> None:
    g = graph_of(("a.txt", province("Cao Bằng", "10", "05/5/2022")))
    plan = docs_with_symbol(g, "10-KH/TU")[0]
    edges = [(d["type"], d["mentions"]) for _, v, d in g.out_edges(plan, data=True)
             if d["type"] in ("IMPLEMENTS", "CITES")]
    assert edges == [("IMPLEMENTS", 2)]


def test_building_twice_gives_identical_json_whatever_the_file_order() -> None:
    files = [("central.txt", CENTRAL), ("a.txt", province("Cao Bằng", "10", "05/5/2022")),
             ("b.txt", province("Bắc Kạn", "20", "06/5/2022"))]
    first = graph_to_json(graph_of(*files))
    assert graph_to_json(graph_of(*files)) == first
    assert graph_to_json(graph_of(*reversed(files))) == first


def test_samples_export_is_deterministic(sample_result) -> None:
    assert graph_to_json(build_graph(sample_result.facts)) == graph_to_json(
        build_graph(list(reversed(sample_result.facts))))


SIGNED_COPY = """TỈNH ỦY CAO BẰNG
*
Số         -CTr/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Cao Bằng, ngày        tháng 5 năm 2022
CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Chỉ thị số 12-CT/TW, ngày 03/4/2022 của Bộ Chính trị

Thực hiện Chỉ thị số 12-CT/TW, ngày 03/4/2022 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành chương trình.
Nội dung chính của chương trình được trình bày đầy đủ trong các mục dưới đây của văn bản này.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Trần Hồng Minh
"""

CITING = """ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH CAO BẰNG
Số: 501/UBND-TH              Cao Bằng, ngày 20 tháng 6 năm 2022
V/v triển khai Chương trình hành động số 45-CTr/TU

Thực hiện Chương trình hành động số 45-CTr/TU ngày 16/5/2022 của Tỉnh ủy Cao Bằng thực hiện Chỉ thị số 12-CT/TW
của Bộ Chính trị, Ủy ban nhân dân tỉnh đề nghị các sở triển khai. Căn cứ Chương trình số 30-CTr/TU của Tỉnh ủy.
"""


def test_a_blank_number_is_read_from_the_documents_citing_it() -> None:
    g = graph_of(("copy.txt", SIGNED_COPY), ("cv.txt", CITING))
    [node] = docs_with_symbol(g, "45-CTr/TU")
    attrs = g.nodes[node]
    assert attrs["read"] and attrs["sources"] == ["copy.txt", "cv.txt"]
    assert attrs["date"] == "2022-05-16"  # the copy's own date field is blank
    assert docs_with_symbol(g, "30-CTr/TU")  # the other cited programme stays a stub


def test_an_issuer_that_cannot_issue_the_series_is_not_kept() -> None:
    text = ("Thực hiện Kế hoạch thực hiện Chương trình hành động số 45-CTr/TU của Ủy ban nhân dân tỉnh, "
            "các sở triển khai nhiệm vụ được giao trong năm.")
    g = graph_of(("a.txt", "CÔNG VĂN\n" + text + "\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Hồng Minh"))
    [node] = docs_with_symbol(g, "45-CTr/TU")
    assert not [v for _, v, d in g.out_edges(node, data=True) if d["type"] == "ISSUED_BY"]


def test_streamed_json_equals_the_standard_encoder(sample_graph) -> None:
    """The export is written in pieces; joined, they are json.dumps of node_link_data."""
    import json as _json

    import networkx as _nx

    from vanban.graph.export import graph_to_json

    expected = _json.dumps(_nx.node_link_data(sample_graph, edges="links"), ensure_ascii=False, indent=1,
                           sort_keys=True) + "\n"
    assert graph_to_json(sample_graph) == expected


JOINT = """BỘ NỘI VỤ - BỘ TÀI CHÍNH
Số: 07/2024/TTLT-BNV-BTC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 5 tháng 3 năm 2024
THÔNG TƯ LIÊN TỊCH
Hướng dẫn chế độ phụ cấp
Căn cứ Nghị định số 12/2023/NĐ-CP của Chính phủ, Bộ trưởng Bộ Nội vụ và Bộ trưởng Bộ Tài chính ban hành Thông tư liên tịch.
Điều 1. Phạm vi điều chỉnh
Thông tư liên tịch này hướng dẫn chế độ phụ cấp.
"""


def test_a_joint_document_is_issued_by_each_of_its_issuers() -> None:
    g = graph_of(("ttlt.txt", JOINT), ("nd.txt", CENTRAL))
    [doc] = docs_with_symbol(g, "07/2024/TTLT-BNV-BTC")
    issuers = sorted(g.nodes[o]["name"] for _, o, d in g.out_edges(doc, data=True) if d["type"] == "ISSUED_BY")
    assert issuers == ["Bộ Nội vụ", "Bộ Tài chính"]
    assert doc == "doc:07/2024/TTLT-BNV-BTC"  # a national series: the identity names no issuer
    [single] = docs_with_symbol(g, "12-CT/TW")
    assert len([o for _, o, d in g.out_edges(single, data=True) if d["type"] == "ISSUED_BY"]) == 1
