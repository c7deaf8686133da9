"""The file-level passes' fast forms give the answers of the plain forms they replaced.

Each fast path of the passes over a file's lines (the clean view, the layout stage, the joined
view) is checked against the plain form on random text made of the characters and words that
matter to it, and on examples that fail if the fast path is broken.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from vanban.loaders import layout, page_metadata, references, segment, task_tables, tasks, text
from vanban.loaders.text import (  # the plain form's parts
    _BARE_NUMBER,
    _CODE_START,
    _DATE_CUT_HEAD,
    _DATE_CUT_LAST,
    _DATE_CUT_TAIL,
    _DATE_HEAD,
    _DIGIT_START,
    _FIELD,
    _FIELD_WIDTH,
    _HARD_END_CHARS,
    _HEADER_LINE,
    _HEADER_LINE_FIRST,
    _LIST_FIRST,
    _LIST_START,
    _NUMBER_START,
    _NUMBER_VALUE,
    _PLACE_AND_DATE_ONLY,
    _PLACE_DATE_LINE,
    _ROMAN_TERM,
    _SEPARATOR,
    _SEPARATOR_FIRST,
    _SPACE_PIPE_STAR,
    _SYMBOL_HEAD,
    _SYMBOL_TAIL,
    _TERM_CUT,
    _YEAR_OF_SYMBOL,
    ENDS_LINKED,
    OPEN_END,
    TELEGRAM,
    _continues,
    _has_columns,
    _is_heading,
    opens_preamble,
)

# --- text._glue: its tests written out, cheap tests first ----------------------------------

def _plain_glue(prev_line: str, next_line: str, blanks: int, double: bool) -> str:
    """The break as :func:`text._glue` read it before its tests were written out in it."""
    prev_end = prev_line.rstrip()  # the regexes below that end in \s*$ need its last character
    if not prev_end or not next_line.strip():
        return "\n"
    if ((prev_line.lstrip()[:1] in _SEPARATOR_FIRST and _SEPARATOR.match(prev_line))
            or (next_line[:1] in _SEPARATOR_FIRST and _SEPARATOR.match(next_line))):
        return "\n"
    if _has_columns(prev_line) or _has_columns(next_line):
        return "\n"  # a two-column layout line (header, Nơi nhận beside the signature)
    numbered = prev_line.lstrip(_SPACE_PIPE_STAR)[:1] == "S"  # (what _BARE_NUMBER, _NUMBER_START match)
    if numbered and _BARE_NUMBER.match(prev_line) and _NUMBER_VALUE.match(next_line):
        return " "  # "Số:" / "84/2025/QĐ-UBND": the number on the line under its label
    last = prev_end[-1]
    if last == "-" and _SYMBOL_HEAD.search(prev_line) and _SYMBOL_TAIL.match(next_line):
        return ""  # "01-" / "KL/TW", "Số: 3783/QĐ-" / "UBND"
    opening = next_line.lstrip()[:2]  # (what opens the lines _HEADER_LINE, _LIST_START match)
    if (opening[:1] in _HEADER_LINE_FIRST and _HEADER_LINE.match(next_line)) or (
            numbered and _NUMBER_START.match(prev_line)):
        return "\n"
    if ("điện" in next_line or "ĐIỆN" in next_line) and TELEGRAM.match(next_line):
        return "\n"  # "Về việc ứng phó với bão" / "THỦ TƯỚNG CHÍNH PHỦ điện:"
    if (len(next_line) <= 60 and _PLACE_DATE_LINE.match(next_line) and not ENDS_LINKED.search(prev_end[-12:])
            and not prev_end.rsplit(None, 1)[-1][:1].isupper()):  # (not a place cut: "Hà" / "Nội, ngày …")
        return "\n"  # "V/v chính sách thuế" / "Hà Nội, ngày 25 tháng 11 năm 2025"
    if last in _DATE_CUT_LAST and _DATE_CUT_HEAD.search(prev_end[-16:]) and _DATE_CUT_TAIL.match(next_line):
        return " "  # "Hà Nội, ngày 20" / "tháng 11 năm 2025"
    if last.isdigit() and len(prev_end) <= 80 and _PLACE_AND_DATE_ONLY.fullmatch(prev_end):
        return "\n"  # the header's place and date line ends its paragraph: "… năm 2025" / "KẾ HOẠCH …"
    if last == "/" and _DATE_HEAD.search(prev_line) and _DIGIT_START.match(next_line):
        return ""  # "25/10/" / "2021"
    if last == "/" and _YEAR_OF_SYMBOL.search(prev_end[-12:]) and _CODE_START.match(next_line):
        return ""  # "Nghị quyết số 27/2024/" / "UBTVQH15"
    if opens_preamble(next_line) and not ENDS_LINKED.search(prev_end[-12:]):
        return "\n"  # "… và chuyển đổi số" / "Căn cứ Luật …": each basis is a paragraph
    hard_end = last in _HARD_END_CHARS  # the same as _HARD_END.search(prev_line)
    if blanks >= (2 if double else 1) and (hard_end or not _continues(prev_end, next_line)):
        return "\n"  # a blank line ends a paragraph, unless the sentence plainly goes on
    if (opening[:1] in _LIST_FIRST or opening[1:2] in ".)") and _LIST_START.match(next_line):
        return "\n"
    if hard_end and not (last == ";" and _continues(prev_end, next_line)):
        return "\n"
    if last in "aáAÁ" and _TERM_CUT.search(prev_end[-6:]) and _ROMAN_TERM.match(next_line):
        return " "  # "… Ban Chấp hành Trung ương Đảng khóa" / "XII"
    if _is_heading(prev_line) != _is_heading(next_line) and not OPEN_END.search(prev_end[-24:]):
        return "\n"  # (not "… Nghị quyết số" / "66/NQ-CP.", "… của" / "BỘ CHÍNH TRỊ")
    if ":" in next_line[:_FIELD_WIDTH] and ":" in prev_line[:_FIELD_WIDTH] and _FIELD.match(next_line) and (
            _FIELD.match(prev_line)):
        return "\n"  # fields one a line: "Cơ quan thực hiện: Sở Y tế" / "Cơ quan phối hợp: Không"
    return " "


_GLUE_WORDS = ["Số:", "Số", "84/2025/QĐ-", "UBND", "01-", "KL/TW", "---", "|", "*", "   ", " ", "\t", "\u3000",
               "Kính gửi", "Nơi nhận", "THỦ TƯỚNG CHÍNH PHỦ điện:", "Hà Nội, ngày 25 tháng 11 năm 2025",
               "ngày 20", "tháng 11 năm 2025", "25/10/", "2021", "27/2024/", "UBTVQH15", "Căn cứ", "Thực hiện",
               "của", "số", "khóa", "XII", "KẾ HOẠCH", "BỘ CHÍNH TRỊ", "Cơ quan thực hiện:", "a) ", "1. ", "- ",
               ".", ";", ":", "a", "B", "Ban", "Thường vụ", "Tỉnh ủy", "66/NQ-CP.", "x\x0b"]
_GLUE_LINE = st.lists(st.sampled_from(_GLUE_WORDS), max_size=6).map("".join)


@given(_GLUE_LINE, _GLUE_LINE, st.integers(0, 3), st.booleans())
@example("Số: 5", "   A   B", 0, False)  # columns after the line's indent only
@example("A", "\u3000---", 0, False)  # a separator that the first test of the next line misses
@example("Ab   |", "Căn cứ Luật", 0, False)
@example("A|B", "x", 0, False)
@example("A", "x|y", 0, False)
@example("Điều 1 của", "Căn cứ Luật", 0, False)
@example("VỀ VIỆC", "Kế hoạch x", 0, False)
@example("x", " \x0b", 0, False)
def test_glue_is_the_plain_glue(prev_line: str, next_line: str, blanks: int, double: bool) -> None:
    prev_line, next_line = prev_line.rstrip(" \t"), next_line.lstrip(" \t")  # as join_lines passes them
    assert text._glue(prev_line, next_line, blanks, double) == _plain_glue(prev_line, next_line, blanks, double)


# --- text.is_double_spaced: decided from two counts when blank lines are too few -----------

def _plain_double_spaced(lines: list[str]) -> bool:
    text_lines = [i for i, line in enumerate(lines) if line.strip()]
    if len(text_lines) < 8:
        return False
    followed = sum(1 for i in text_lines if i + 1 < len(lines) and not lines[i + 1].strip())
    if followed < 0.8 * len(text_lines):
        return False
    long_lines = [lines[i].strip() for i in text_lines if len(lines[i].strip()) >= 40]
    wrapped = sum(1 for line in long_lines if not text._HARD_END.search(line))
    return bool(long_lines) and wrapped >= 0.5 * len(long_lines)


_LONG = "Ủy ban nhân dân tỉnh giao các sở, ban, ngành thực hiện"


@given(st.lists(st.sampled_from(["", " ", "\t", "\u3000", "a", _LONG, _LONG + ".", " " + _LONG]), max_size=30))
@example([_LONG, ""] * 8)
@example([_LONG, "", "x"] * 8)  # enough blank lines to need the look at each line, too few followed
@example([_LONG, ""] * 8 + [_LONG])  # just enough blank lines
@example([_LONG, "\u3000"] * 8)
def test_double_spacing_is_the_plain_test(lines: list[str]) -> None:
    assert text.is_double_spaced(lines) == _plain_double_spaced(lines)


# --- text._nfc_view: the characters replaced one by one, each only if it is there -----------

_TRANSLATABLE = re.compile("[" + re.escape("".join(chr(c) for c in text._TRANSLATE)) + "]")


def test_no_replacement_is_replaced_again() -> None:
    assert not {replacement for _, replacement in text._TRANSLATE_PAIRS} & {c for c, _ in text._TRANSLATE_PAIRS}


@given(st.text(alphabet=[*(chr(c) for c in text._TRANSLATE), "a", "Đ", " ", "\n", "-"], max_size=30))
@example("“Ð”\u00a0’\f")
def test_nfc_view_replaces_what_one_search_replaced(value: str) -> None:
    plain = _TRANSLATABLE.sub(lambda m: text._TRANSLATE[ord(m.group())], value)
    assert text._nfc_view(value).text == text._nfc_view(plain).text


# --- text.clean_view: the markup dropped with the offsets of a file in NFC as a range ---------

def _plain_clean_view(raw: str) -> text.TextView:
    nfc = text._nfc_view(raw)
    out = text._Builder()
    pos = 0
    for start, end, token in sorted(text._line_markup(nfc.text) + text._inline_markup(nfc.text)):
        if start < pos:
            continue
        out.add_mapped(nfc, pos, start)
        if token == "\\*":
            out.add("*", nfc.offsets[start])
        pos = end
    out.add_mapped(nfc, pos, len(nfc.text))
    view = out.build(len(raw))
    return text.TextView(text._date_words(text._number_labels(text.normalize_tones(view.text))), view.offsets)


@given(st.lists(st.sampled_from(["**", "*", "\\*", "__", "<b>", "</sup>", "# ", "> ", "\n", " ", "a", "Ủy",
                                 "e\u0301", "\r\n", "hoá", "So: 12/KH", "ngảy 5 tháng 3 nắm 2024"]),
                max_size=14).map("".join))
@example("**A**\\*B")  # a kept star joining the stretch before it
@example("e\u0301 **x** \\*")  # offsets that are no range
def test_clean_view_is_the_plain_clean_view(raw: str) -> None:
    fast, plain = text.clean_view(raw), _plain_clean_view(raw)
    assert (fast.text, list(fast.offsets)) == (plain.text, list(plain.offsets))


# --- page_metadata._label_starts: a colon's last few characters tested before its label -------

def _plain_label_starts(value: str) -> list[int]:
    labels = page_metadata._lower_labels()
    found = []
    colon = value.find(":")
    while colon >= 0:
        end = colon
        while end > 0 and value[end - 1].isspace():
            end -= 1
        before = value[max(0, end - len(labels[0])) : end].lower()
        if before.endswith(labels):
            found.append(end - len(next(label for label in labels if before.endswith(label))))
        colon = value.find(":", colon + 1)
    return found


_LABEL_WORDS = ["Số hiệu", "SỐ HIỆU", "Người ký", "NGƯỜI KÝ", "ngày ban hành", "Loại văn bản", "Ngành", "ký",
                "hiệu", ":", " ", "\t", "x", "İ", "Σ", "ΑΣ", "ệu", "|"]


@given(st.lists(st.sampled_from(_LABEL_WORDS), max_size=12).map("".join))
@example("Số hiệu: 12 | NGƯỜI KÝ :  x | Ngành:y")
@example("xİNGƯỜI KÝ: a")
def test_label_starts_are_the_plain_ones(value: str) -> None:
    assert list(page_metadata._label_starts(value)) == _plain_label_starts(value)


# --- segment._anchors: only lines in capitals asked whether they are type lines -------------

def _plain_anchors(lines: list[segment.Line]) -> tuple[list[int], set[int]]:
    anchors: list[int] = []
    untyped: set[int] = set()
    body_lines_since = 0
    for i, line in enumerate(lines):
        if segment.type_of_line(line.text, strict=bool(anchors) or body_lines_since > 0) is not None and (
                not anchors or body_lines_since >= 2):
            anchors.append(i)
            body_lines_since = 0
            continue
        if anchors and body_lines_since >= 2 and segment._numbers_a_new_header(lines, i):
            anchors.append(i)
            untyped.add(i)
            body_lines_since = 0
            continue
        if segment._is_body(line.text):
            body_lines_since += 1
    return anchors, untyped


_BODY = "Ủy ban nhân dân tỉnh giao các sở, ban, ngành, địa phương tổ chức thực hiện nghiêm túc."
_SEGMENT_LINES = ["KẾ HOẠCH", "Kế hoạch", "QUYẾT ĐỊNH", "KẾT LUẬN CỦA BAN BÍ THƯ", "ỦY BAN NHÂN DÂN", "Số: 12/KH-UBND",
                  "Số: 5706/CT-CS", _BODY, "1. " + _BODY, "x", "V/v triển khai"]


@given(st.lists(st.sampled_from(_SEGMENT_LINES), max_size=14))
@example(["KẾ HOẠCH", _BODY, _BODY, "QUYẾT ĐỊNH", _BODY])
@example(["KẾ HOẠCH", _BODY, _BODY, "ỦY BAN NHÂN DÂN", "Số: 5706/CT-CS", _BODY])
def test_anchors_are_the_plain_ones(texts: list[str]) -> None:
    lines = [segment.Line(text, 100 * i, 100 * i + len(text)) for i, text in enumerate(texts)]
    assert segment._anchors(lines) == _plain_anchors(lines)


# --- layout._is_chrome: the words counted up to thirteen, split whole only for English -------

def _plain_is_chrome(value: str, heading: bool, own: frozenset[str]) -> bool:
    title = layout._site_title(value)
    if title and (not own or layout._titled_number(title) in own) and layout.drop_title_prefix(value) == value:
        return True
    words = value.split()
    if len(words) <= 12 and text.fold(value).startswith(layout.page_chrome_phrases()):
        return True
    if heading and not (layout._STRUCTURAL.match(value) or value.isupper()):
        return True
    if len(words) >= 6 and not layout._VIETNAMESE.search(value):
        return sum(w.strip(".,;:()").lower() in layout._ENGLISH_WORDS for w in words) >= 2
    return False


_CHROME_WORDS = ["Văn bản liên quan", "the", "of", "and", "law", "Quyết định", "84/2025/QĐ-UBND", "Điều", "x", " ",
                 "\t", "\u3000", "(", "shall", "ĐIỀU"]


@given(st.lists(st.sampled_from(_CHROME_WORDS), max_size=16).map(" ".join), st.booleans())
@example("Văn bản liên quan", False)
@example(" ".join(["x"] * 12) + " Văn", False)  # twelve words, then thirteen
@example("Văn bản liên quan " + " ".join(["x"] * 9), False)
@example("the law of the land and its rules", False)
@example(" ".join(["y"] * 12) + " the of", False)  # English words past the thirteenth piece
def test_is_chrome_is_the_plain_test(value: str, heading: bool) -> None:
    assert layout._is_chrome(value, heading, frozenset()) == _plain_is_chrome(value, heading, frozenset())


# --- text._date_words: right after a "ngày" the date is a match at its "n", not a search ------

_DATE_PIECES = ["ngày", "NGÀY", "ngảy", "Ngáy", "ngay", "tháng", "THÁNG", "thảng", "năm", "nắm", "NAM", " ", "\t",
                "15", "3", "2024", "x", "a", "\n"]


def _plain_date_words(value: str) -> str:
    fixes: dict[int, str] = {}
    for anchor, before in text._READ_RIGHT:
        at = value.find(anchor)
        while at >= 0:
            m = text._SLIPPED_DATE.search(value, max(0, at - before), at + 40)
            if m is not None and m.start() < at < m.end():
                for part, right in text._DATE_WORDS.items():
                    written = m.group(part)
                    if written.lower() != right:
                        fixes[m.start(part)] = text._in_case_of(written, right)
            at = value.find(anchor, at + 1)
    for start, word in fixes.items():
        value = f"{value[:start]}{word}{value[start + len(word):]}"
    return value


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=16).map("".join))
@example("Nam Định, ngày 15 tháng 3 nắm 2024")
@example("ngày 5 ngày 15 tháng 3 nắm 2024")  # the date after a "ngày" that opens none
@example("gày 15 tháng 3 nắm 2024")
@example("ngày 15 thảng 3 năm 2024")  # found from its "ngày" only
@example("x ngày 15 thảng 3 năm 2024")
def test_date_words_are_the_plain_ones(value: str) -> None:
    assert text._date_words(value) == _plain_date_words(value)


# --- layout: only the lines with a "/" near their start passed to read_page_title -------------

_TITLE_LINES = ["Công văn 5348/CT-CS năm 2025 hướng dẫn góp vốn do Cục Thuế ban hành",
                "Công văn 5348/CT-CS ngày 20/11/2025 hướng dẫn do Cục Thuế ban hành", "Văn bản liên quan",
                "x" * 95 + "/", "Quyết định 84/2025/QĐ-UBND bãi bỏ", "Công văn 12/BTC"]


@given(st.lists(st.sampled_from(_TITLE_LINES), max_size=6))
@example(_TITLE_LINES[:2])
def test_page_title_reads_only_the_lines_with_a_slash(texts: list[str]) -> None:
    lines = [(value, 100 * i) for i, value in enumerate(texts)]
    assert page_metadata.read_page_title(lines) == page_metadata.read_page_title(
        [(value, at) for value, at in lines if "/" in value[:90]])


_PLAN_WORDS = ["Ủy ban nhân dân tỉnh", "ban hành", "Ban hành", "Kế hoạch", "KẾ HOẠCH", "hành động", "của", "Chương trình",
               "thực hiện", "THỰC HIỆN", "triển khai", "thi hành", "cụ thể hóa", "có hiệu quả", "đã", "phê duyệt",
               "tiếp tục", "sửa đổi", ",", ".", "\n", "  "]


@given(st.lists(st.sampled_from(_PLAN_WORDS), max_size=12))
@example(["Ủy ban nhân dân tỉnh", "ban hành", "Kế hoạch", "hành động", "THỰC HIỆN", "  "])
@example(["Chương trình", "hành động", "của", "Ủy ban nhân dân tỉnh", "triển khai", "thi hành"])
def test_a_sentence_issuing_a_plan_to_implement_ends_as_the_pre_check_says(words: list[str]) -> None:
    """The pre-check of :func:`references._relation` (the prefix's end) never skips a match."""
    prefix = " ".join(words)
    if references._ISSUING_THIS_PLAN.search(prefix):
        assert prefix.rstrip().lower().endswith(references._IMPLEMENTING_ENDS)


_ARTICLE_WORDS = ["Điều 3.", "Điều 4 .", "\n", "Chánh Văn phòng", "Giám đốc Sở Tài chính", "chịu trách nhiệm",
                  "có trách nhiệm", "thi hành", "thực hiện", "tổ chức thực hiện", "Quyết định", "QUYẾT ĐỊNH", "này",
                  "căn cứ", "để", "./.", ","]


@given(st.lists(st.sampled_from(_ARTICLE_WORDS), max_size=14))
@example(["\n", "Điều 3.", "Chánh Văn phòng", "chịu trách nhiệm", "thi hành", "Quyết định", "này"])
@example(["Điều 4 .", "Giám đốc Sở Tài chính", "căn cứ", "QUYẾT ĐỊNH", "này", "để", "thực hiện"])
def test_an_execution_article_is_searched_for_where_its_duty_is_found(words: list[str]) -> None:
    """The pre-check of :func:`tasks.execution_article` (the duty it ends with) never skips a match."""
    sentence = " ".join(words)
    if tasks._EXECUTION_ARTICLE.search(sentence):
        assert tasks._EXECUTION_DUTY_RE.search(sentence)
        assert tasks.execution_article(sentence) is not None


_CASE_WORDS = ["Trách nhiệm", "TRÁCH NHIỆM", "trách nhiệm", "Phân công", "PHÂN CÔNG", "phân   công", "Cơ quan", "CƠ QUAN",
               "đơn vị", "ĐƠN VỊ", "Đơn vị", "chủ trì", "CHỦ TRÌ", "Phối hợp", "thực hiện", "THỰC HIỆNG", "|", " "]


@given(st.lists(st.sampled_from(_CASE_WORDS), max_size=8))
@example(["TRÁCH NHIỆM", "Cơ quan"])
@example(["ĐƠN VỊ", "CHỦ TRÌ"])
def test_words_sought_in_lower_case_are_found_as_the_case_blind_patterns_find_them(words: list[str]) -> None:
    """The announcing words of :func:`tasks.inner_assignees` and the column pattern of
    :func:`task_tables.table_tasks`, sought in the text in lower case, as the case-blind patterns
    they replaced find them."""
    line = " ".join(words)
    announces = re.search(r"(?i)trách nhiệm|phân công", line) is not None
    assert announces == any(w in line.lower() for w in tasks._ANNOUNCING_WORDS)
    assert bool(task_tables._COLUMN.search(line)) == bool(task_tables._COLUMN_LOWER.search(line.lower()))


@given(st.lists(st.sampled_from(["Số:", "số", "15/2025/QĐ-UBND", "|", " ", "   ", "\t", "\u00a0", "\u3000", "Hà Nội,",
                                 "ngày 5 tháng 3 năm 2025", "Luật", "x" * 40]), max_size=10).map("".join))
@example("x" * 40 + "\u3000\u3000\u3000Số: 15/2025/QĐ-UBND\u00a0\u00a0\u00a0" + "x" * 60)  # cells parted by other spaces
@example("Luật số: 15/2025/QĐ-UBND | Hà Nội,")
def test_a_number_line_is_told_apart_as_with_its_cells_always_split(line: str) -> None:
    """:func:`segment.is_number_line` splits a line into cells only where a pipe or three
    spaces can part them; splitting always gives the same answer."""
    cells = [line, *segment._COLUMNS.split(line)]
    plain = any(segment._NUMBER_LINE.match(c) and (len(c) < 90 or segment._has_place_date(c)) for c in cells)
    assert segment.is_number_line(line) == plain
