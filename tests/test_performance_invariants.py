"""The faster forms give the answers of the plain ones they replaced.

Each fast path (a regex rewritten so the engine can skip ahead, a test skipped when a word it
needs is absent, an index instead of a scan, the streamed JSON export, packed facts) is
checked against the plain form on real text and on random text made of the characters that
matter to it. Speed itself is measured in ``bench/``, never here.
"""

from __future__ import annotations

import json
import random
import re

import networkx as nx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bench.organs import registry_of_size, swapped_registry
from vanban.graph.build import build_graph
from vanban.graph.export import graph_to_json, json_chunks, write_json
from vanban.graph.model import DocumentFacts, DocumentRef, Evidence, FileFacts
from vanban.graph.packed import PackedFacts
from vanban.graph.vocabulary import EdgeType
from vanban.loaders import (
    issuers,
    named_documents,
    organ_names,
    organs,
    recipients,
    references,
    reports,
    segment,
    symbols,
    tasks,
    text,
)
from vanban.loaders.document_text import DocumentText
from vanban.loaders.lexicon import organ_registry
from vanban.loaders.line_search import lines_matching
from vanban.loaders.offsets import RunBuilder
from vanban.loaders.text import fold
from vanban.pipeline import InputResult

# --- regexes rewritten with a literal or a character set first --------------------------

_OLD_TONE = re.compile("(?<![qQ])(?:" + "|".join(sorted(text._TONE_FIX, key=len, reverse=True))
                       + r")(?![^\W\d_])")
_OLD_MARKDOWN = re.compile(r"\*{2,}|__|\\\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|</?sup>|</?b>|</?i>")
_OLD_SYMBOL = re.compile(symbols.SYMBOL.pattern.replace(r"\d(?<![\w/.-]\d)\d*", r"(?<![\w/.-])\d+", 1))


def _spans(pattern: re.Pattern[str], value: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in pattern.finditer(value)]


@given(st.text(alphabet="oOuUqQáàýỷỳaA*_\\<>/supbi \n\t1", max_size=30))
def test_rewritten_patterns_match_where_the_old_ones_did(value: str) -> None:
    assert _spans(text._TONE_PAIR, value) == _spans(_OLD_TONE, value)
    assert _spans(text._MARKDOWN_INLINE, value) == _spans(_OLD_MARKDOWN, value)


@given(st.text(alphabet="oOuUqQáàýỷỳaA*_\\<>/supbi \n\t1", max_size=30))
def test_patterns_split_by_first_character_find_what_the_single_ones_do(value: str) -> None:
    assert text.normalize_tones(value) == text._TONE_PAIR.sub(lambda m: text._TONE_FIX[m.group()], value)
    assert sorted(text._inline_markup(value)) == [
        (m.start(), m.end(), m.group()) for m in text._MARKDOWN_INLINE.finditer(value)]


@given(st.lists(st.sampled_from([*"#>=[] \t\nxO", "[OCR", "[Bản trích", "==="]), max_size=20).map("".join))
def test_line_markup_is_found_at_the_start_and_after_each_newline(value: str) -> None:
    assert text._line_markup(value) == [(m.start(), m.end(), m.group())
                                        for m in text._MARKDOWN_LINE.finditer(value)]


@given(st.text(alphabet=list(".;!?, \t\nAaĐđ-x"), max_size=30))
def test_stops_found_one_character_at_a_time_are_the_stops(value: str) -> None:
    stops, ends = references._stops(value)
    assert stops == [m.start() for m in references._STOP.finditer(value)]
    assert ends == [re.compile(r"\s+[A-ZĐÀ-Ỹ\-]").match(value, stop + 1).end() for stop in stops]


@given(st.text(alphabet="0123456789./-KLTWQĐCPa ٣x\n\t", max_size=30))
def test_symbols_searched_around_each_slash_are_all_the_symbols(value: str) -> None:
    assert [m.span() for m in symbols.find_symbols(value)] == [m.span() for m in symbols.SYMBOL.finditer(value)]


@given(st.lists(st.sampled_from(["Nơi nhận", "NƠI NHẬN", "nơi Nhận", "Nơi nhân", "Noi", "Nơi", "nh", "ậ", "ơ", " ",
                                 ":", "*", "|", "x"]), max_size=8).map("".join))
def test_a_line_that_can_open_noi_nhan_is_among_the_lines_searched(value: str) -> None:
    if any(recipients._NOI_NHAN.match(paragraph) for paragraph, _ in recipients._left_paragraphs([value])):
        assert lines_matching(recipients._AROUND_THE_SPACE, ["x", value]) == [1]


@given(st.lists(st.sampled_from(["Kính gửi", "KÍNH GỬI", "kính gởi", "Kính Gửi", "THỦ TƯỚNG CHÍNH PHỦ điện",
                                 "ĐIỆN", "Kinh gui", ":", " ", "*", "x", "Bộ Y tế"]), max_size=6).map("".join))
def test_a_line_with_an_addressee_opening_is_among_the_lines_searched(value: str) -> None:
    if recipients._addressee_opening(value):
        assert lines_matching(recipients._ADDRESSEE_WORDS, [value, "x"]) == [0]


@given(st.lists(st.text(alphabet="ab xİ", max_size=6), max_size=6))
def test_the_lines_found_in_one_search_are_those_a_test_of_each_line_finds(texts: list[str]) -> None:
    pattern = re.compile("ab|b a|i")
    assert lines_matching((pattern,), texts) == [i for i, t in enumerate(texts) if pattern.search(t)]
    assert lines_matching((pattern,), texts, lower=True) == [
        i for i, t in enumerate(texts) if pattern.search(t.lower())]


@given(st.lists(st.sampled_from(["báo cáo", "Báo cáo", "báo", "cáo", "đề nghị", "Giao", "yêu cầu", " ", "\n",
                                 "\n\n", "x"]), max_size=12).map("".join))
def test_the_lines_holding_a_word_are_those_a_test_of_each_line_finds(value: str) -> None:
    view = text.clean_view(value)
    lines = segment.view_lines(view)
    if not lines:
        return
    doc = DocumentText.of("f", view, lines, segment.Segment(0, len(lines), None, 0), view, lines)
    for words in (reports.REPORT_WORDS, tasks.REQUEST_WORDS):
        for first, stop in ((0, len(lines)), (1, len(lines) - 1)):
            assert doc.lines_holding(words, first, stop) == [
                i for i in range(first, stop) if any(w in lines[i].text for w in words)]


@given(st.lists(st.sampled_from([*"0123456789./-&KLTWQĐCPa \nx", " - ", " /", "/ ", " -", "- ", "2025"]),
                max_size=16).map("".join))
@example("theo 15/2025/NĐ -CP ngày")
@example("1234 /QĐ-UBND, 1/2025 /KL và 54-KL /TW")
@example("số 12/QĐ - UBND, 5/KH-UBND - BQL")
def test_printed_symbols_searched_around_each_slash_are_all_the_printed_symbols(value: str) -> None:
    assert [m.span() for m in symbols.find_printed_symbols(value)] == [
        m.span() for m in symbols.PRINTED_SYMBOL.finditer(value)]


@given(st.text(alphabet="0123456789./-KLTWQĐCPa ٣x", max_size=30))
def test_symbol_pattern_is_unchanged(value: str) -> None:
    assert _spans(symbols.SYMBOL, value) == _spans(_OLD_SYMBOL, value)
    assert bool(symbols.SYMBOL.match(value)) == bool(_OLD_SYMBOL.match(value))


_REFERENCE_ALPHABET = [*list("Kết luận Nghị quyết Luật Hiến pháp số 54-KL/TW, và 12 ٣ à:\t\n.;ĐđKK"), "Kế hoạch ", "Quyết định số ", "Nghị quyết Trung ương 4 ", "Luật Đất đai", "khóa XII", " Số ",
                       "QUYẾT ĐỊNH SỐ ", "Nghị Quyết ", "công văn số 12-CVHQ", "Luật sửa đổi, bổ sung ", "của ",
                       "Đề án 06", "Quy hoạch tỉnh A thời kỳ 2021 - 2030", "Hiệp định Thương mại", "xây dựng ",
                       " 2020", "/2020/QH14", "văn bản số ", "Văn bản: Số ", "QĐ số ", "CV số ", "NGHỊ QUYẾT  SỐ ",
                       "Kế Hoạch\tsố ", "sổ", "SỐ"]


@given(st.lists(st.sampled_from(_REFERENCE_ALPHABET), max_size=25).map("".join))
@example("theo Nghị Quyết số 12/NQ-CP, QUYẾT ĐỊNH  SỐ 1899/QĐ-TTG và văn bản số 729/BNN-TCLN, Văn bản: Số 2/TTr-X")
def test_reference_patterns_start_where_finditer_finds_them(value: str) -> None:
    assert [m.span() for m in references._numbered_matches(value)] == [
        m.span() for m in references._NUMBERED.finditer(value)]
    assert [m.span() for m in references._own_numbered_matches(value)] == [
        m.span() for m in references._OWN_NUMBERED.finditer(value)]
    assert [m.span() for m in references._generic_matches(value)] == [
        m.span() for m in references._GENERIC_NUMBERED.finditer(value)]
    assert [m.span() for m in references._coded_matches(value)] == [
        m.span() for m in references._CODED_NUMBERED.finditer(value)]
    known = named_documents.KnownNames.of_text(value)
    assert list(named_documents.read_names(value, known)) == _names_tried_everywhere(value, known)


def _names_tried_everywhere(value: str, known: named_documents.KnownNames) -> list:
    """read_names, the reader tried at every position that starts a word, not only at type words."""
    found, pos = [], 0
    for start in range(len(value)):
        if start >= pos and not (start and (value[start - 1].isalnum() or value[start - 1] == "_")):
            reading = named_documents._read_at(value, start, known)
            if reading is not None:
                pos = reading.end
                if reading.symbol or not named_documents._DRAFTING.search(value, max(0, start - 40), start):
                    found.append(reading)
    return found


def _old_last_stop(value: str, pos: int) -> int:
    best = -1
    for m in re.finditer(r"[.!?;](?=\s+[A-ZĐÀ-Ỹ\-])", value[max(0, pos - 2000) : pos]):
        best = max(0, pos - 2000) + m.start() + 1
    return best


def test_sentence_stops_from_the_index_equal_the_window_scan(samples_dir) -> None:
    rng = random.Random(1)
    pieces = ["Câu một. ", "Hai; ", "ba!  Bốn", ".\n", "- Năm", " x" * 700, "? Đ", ". ", "A"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(200)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(samples_dir.glob("*.txt"))]
    for value in texts:
        for pos in sorted({0, len(value), *(rng.randint(0, len(value)) for _ in range(40))}):
            assert references._last_stop(value, pos) == _old_last_stop(value, pos)


_OLD_MOTTO = segment._MOTTO_ANYWHERE


@given(st.lists(st.sampled_from(["ngày", "NGÀY", "tháng", "Tháng", "năm", "NĂM", " 12 ", "…", "Số", "SỐ",
                                 "sô", ":", " | ", "   ", "Độc lập - Tự do", "CỘNG HÒA XÃ HỘI", "ĐẢNG CỘNG SẢN",
                                 "Luật số", "Nghị quyết số: ", "pháp lệnh số ", "17/2022/UBTVQH15", "Lào Cai, ",
                                 "x"]), max_size=12).map("".join))
def test_line_tests_with_prechecks_equal_the_plain_regexes(line: str) -> None:
    """Each line test with a cheap pre-check answers as its plain pattern does (whatever the
    case: "Số: 12/…" and "Nghị quyết số: 17/2022/UBTVQH15" are both number lines)."""
    assert segment._has_place_date(line) == bool(segment._PLACE_DATE.search(line))
    assert segment._has_motto(line) == bool(_OLD_MOTTO.search(line))
    cells = [line, *segment._COLUMNS.split(line)]
    plain = any(segment._NUMBER_LINE.match(c) and (
        len(c) < 90 or bool(segment._PLACE_DATE.search(c))) for c in cells)
    assert segment.is_number_line.__wrapped__(line) == plain


# --- views: line joining and offsets ----------------------------------------------------

_OLD_BREAK = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*")


def _join_lines_by_regex(view: text.TextView) -> tuple[str, list[int]]:
    value, out, offsets, pos = view.text, [], [], 0
    double = text.is_double_spaced(value.split("\n"))
    for m in _OLD_BREAK.finditer(value):
        prev_line = value[value.rfind("\n", 0, m.start()) + 1 : m.start()]
        end = value.find("\n", m.end())
        next_line = value[m.end() : end if end >= 0 else len(value)]
        out.append(value[pos : m.start()])
        offsets += list(view.offsets[pos : m.start()])
        glue = text._glue(prev_line, next_line, m.group().count("\n") - 1, double)
        out.append(glue)
        offsets += [view.offsets[m.start()]] * len(glue)
        pos = m.end()
    out.append(value[pos:])
    offsets += [*view.offsets[pos:]]
    return "".join(out), offsets


@given(st.lists(st.sampled_from(["a", "B", " ", "\t", "\n", "\n", "-", "01-", "KL/TW", ".", "x\x0b", "Số 12/",
                                 "2021", "| c", "   ", "ĐẢNG", "**", "\\*", "hoá"]), max_size=25).map("".join))
def test_join_lines_walks_the_breaks_the_regex_found(raw: str) -> None:
    clean = text.clean_view(raw)
    flow = text.join_lines(clean)
    assert (flow.text, list(flow.offsets)) == _join_lines_by_regex(clean)
    assert len(flow.offsets) == len(flow.text) + 1


@given(st.lists(st.tuples(st.sampled_from(["range", "repeat", "copy"]), st.integers(0, 5), st.integers(0, 4)),
                max_size=12))
def test_run_offsets_equal_the_list_they_stand_for(steps) -> None:
    builder, plain, source = RunBuilder(), [], list(range(0, 40, 2))
    for kind, origin, length in steps:
        if kind == "range":
            builder.add_range(origin, length)
            plain += range(origin, origin + length)
        elif kind == "repeat":
            builder.add_repeated(origin, length)
            plain += [origin] * length
        else:
            builder.add_from(source, origin, origin + length)
            plain += source[origin : origin + length]
    offsets = builder.build(99)
    assert list(offsets) == [*plain, 99] == [offsets[i] for i in range(len(offsets))]
    assert offsets[-1] == 99 and offsets[1:3] == [*plain, 99][1:3]
    again = RunBuilder()
    again.add_from(offsets, 0, len(offsets))
    assert list(again.build(7)) == [*plain, 99, 7]


def test_aligned_fold_keeps_one_character_for_each() -> None:
    value = "Tỉnh Uỷ ĐÀ NẴNG İ ǅ ð x2"
    expected = "".join("d" if ch in "đĐ" else __import__("unicodedata").normalize("NFD", ch)[:1].lower()
                       for ch in value)
    assert organ_names.fold_aligned(value) == expected


# --- the organ registry: indexes instead of scans ---------------------------------------

def _scan_suffix(folded: str, registry):
    return next((entry for key, entry in registry.suffixes if folded.endswith(" " + key)), None)


def _scan_registry_in(heading: str, registry) -> str | None:
    padded, best = f" {fold(heading)} ", None
    for key, entry in registry.by_fold.items():
        if len(key) > 6 and f" {key} " in padded and (best is None or len(key) > best[0]):
            best = (len(key), entry.name)
    return best[1] if best else None


def _names(registry, count: int) -> list[str]:
    rng = random.Random(4)
    registered = [form for e in registry.entries for form in (e.name, *e.aliases)]
    words = ["Vụ", "Tổng hợp", "Ban", "Văn phòng", "tỉnh", "Lào Cai", "Trung ương", "Đảng", "của", "BỘ"]
    out = []
    for _ in range(count):
        parts = rng.sample(words, rng.randint(0, 3)) + [rng.choice(registered)] * rng.randint(0, 2)
        rng.shuffle(parts)
        out.append(" ".join(parts + rng.sample(words, rng.randint(0, 2))))
    return out


@pytest.mark.parametrize("size", [0, 300, 3000])
def test_organ_indexes_answer_as_the_scans_did(size: int) -> None:
    registry = registry_of_size(size) if size else organ_registry()
    with swapped_registry(registry):
        for name in _names(registry, 400):
            assert organs._registered_suffix(fold(name), registry) == _scan_suffix(fold(name), registry), name
            assert issuers._registry_in(name) == _scan_registry_in(name, registry), name
            assert issuers._registry_in(name.upper()) == _scan_registry_in(name.upper(), registry)


def test_bloc_committee_is_completed_from_the_registry() -> None:
    assert issuers._complete_bloc("Đảng ủy Khối", "… các cơ quan của Khối Doanh nghiệp Trung ương …") == (
        "Đảng ủy Khối Doanh nghiệp Trung ương")
    assert issuers._complete_bloc("Đảng ủy Khối", "không nói khối nào") == "Đảng ủy Khối"
    assert issuers._complete_bloc("Ban Dân vận", "Khối Doanh nghiệp Trung ương") == "Ban Dân vận"


# --- the export and the merge -----------------------------------------------------------

def _dumps(graph: nx.MultiDiGraph) -> str:
    return json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_streamed_export_is_the_json_dumps_text(sample_graph, tmp_path) -> None:
    assert graph_to_json(sample_graph) == _dumps(sample_graph)
    write_json(sample_graph, tmp_path / "g.json")
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == _dumps(sample_graph)
    odd = nx.MultiDiGraph(name="x", extra=[1, 2.5, None, {"k": [], "j": {}}])
    odd.add_node("é\n\"", value=float("nan"), many=[float("inf"), -0.0, True, 10**30], keyed={2: 1, 3: [[], {}]})
    odd.add_edge("é\n\"", "b", key="k", span=(1, 2), text="\u2028\x00")
    assert graph_to_json(odd) == _dumps(odd)
    assert graph_to_json(nx.MultiDiGraph()) == _dumps(nx.MultiDiGraph())
    assert len(list(json_chunks(sample_graph))) > 3  # written in pieces


def test_packed_facts_merge_as_the_facts_do(sample_result) -> None:
    facts = list(sample_result.facts)
    packed = PackedFacts(facts)
    assert len(packed) == len(facts) and list(packed) == facts and packed == facts
    assert packed[1:3] == facts[1:3] and packed[-1] == facts[-1]
    assert graph_to_json(build_graph(packed)) == graph_to_json(build_graph(list(reversed(facts))))


def test_facts_handed_over_are_let_go_of_as_they_are_merged(sample_result) -> None:
    """The merge drains its own copy of packed facts; a caller that handed them over keeps
    only their names, and the graph is the same as from facts the caller still holds."""
    held = graph_to_json(build_graph(sample_result.facts))
    names = sample_result.source_files()
    packed = PackedFacts(sample_result.facts)
    drained = list(packed.drain())
    assert len(packed) == 0 and [f.source_file for f in drained] == names
    result = InputResult(facts=PackedFacts(drained))
    assert graph_to_json(build_graph(result.take_facts())) == held
    assert result.source_files() == names and len(result.facts) == 0


def _ev(sentence: str, name: str = "f.txt") -> Evidence:
    return Evidence(name, (0, 1), sentence, "numbered-reference")


def _doc(name: str, **fields) -> DocumentFacts:
    base = dict(source_file=name, index=0, span=(0, 1), symbol=None, doc_type="Chương trình", date=None,
                place=None, subject=None, issuer=None, scope="lao cai")
    return DocumentFacts(**{**base, **fields})


def test_blank_numbers_are_read_from_the_citations_that_fit() -> None:
    cite = [DocumentRef(s, "Chương trình", _ev(f"Chương trình {s} thực hiện Kết luận {k}"), scope="lao cai")
            for s, k in (("104-CTr/TU", "75-KL/TW"), ("105-CTr/TU", "76-KL/TW"))]
    implements = DocumentRef("75-KL/TW", "Kết luận", _ev("Thực hiện 75-KL/TW"), relation=EdgeType.IMPLEMENTS)
    files = [FileFacts("a.txt", (_doc("a.txt", number_suffix="CTr/TU", references=(implements,)),)),
             FileFacts("b.txt", (_doc("b.txt", symbol="9-CV/TU", references=tuple(cite)),)),
             FileFacts("c.txt", (_doc("c.txt", number_suffix="CTr/TU"),))]
    graph = build_graph(files)
    read = {d["symbol"] for _, d in graph.nodes(data=True) if d.get("kind") == "Document" and d["read"]}
    assert "104-CTr/TU" in read  # a.txt: of two cited numbers, the one naming what it implements
    assert "105-CTr/TU" not in read  # c.txt implements nothing: two numbers fit, none is taken
    assert graph_to_json(build_graph(PackedFacts(files))) == graph_to_json(graph)


def _every_suffix(folded: str, registry) -> object:
    """The registered suffix as a walk over every space of the name finds it."""
    ranks = [registry.suffix_rank[folded[i + 1:]] for i, c in enumerate(folded)
             if c == " " and folded[i + 1:] in registry.suffix_rank]
    return registry.suffixes[min(ranks)][1] if ranks else None


@given(st.lists(st.sampled_from(["ban", "tinh uy", "cac", "so", "lang son", "khoi", "dang uy", "x"]),
                max_size=12),
       st.integers(min_value=0, max_value=10_000))
def test_the_bounded_suffix_walk_finds_what_every_space_gives(prefix: list[str], pick: int) -> None:
    registry = organ_registry()
    name = registry.suffixes[pick % len(registry.suffixes)][0]
    folded = " ".join([*prefix, name])
    assert organs._registered_suffix(folded, registry) == _every_suffix(folded, registry)
    assert organs._registered_suffix(" ".join(prefix), registry) == _every_suffix(" ".join(prefix), registry)
