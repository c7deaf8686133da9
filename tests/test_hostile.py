"""Hostile input: whatever the bytes or text, only vanban's own errors escape, spans stay inside
the text, and no input makes a regex backtrack for ever.

Hypothesis runs 200 examples per property when ``CI`` is set (the ``ci`` profile in
conftest.py), 50 otherwise.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanban.errors import VanbanError
from vanban.graph.model import Evidence
from vanban.loaders.extract import extract_text
from vanban.loaders.files import file_text

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
# Pieces directive texts are built of, so the generated texts reach the extractor's rules.
PIECES = [
    "Số ", "-KL/TW", "-CV/TU", "/UBND-KT", "/2023/NĐ-CP", "KẾT LUẬN", "KẾ HOẠCH", "SAO LỤC",
    "CỦA BAN BÍ THƯ", "Kính gửi:", "Nơi nhận:", "- Như trên;", "- Lưu VT.", "T/M BAN THƯỜNG VỤ",
    "KT. CHỦ TỊCH", "BÍ THƯ", "Tổ chức thực hiện", "chủ trì, phối hợp với", "báo cáo", "(qua ",
    "Ban Tuyên giáo Tỉnh ủy", "Sở Tài chính", "các huyện ủy, thành ủy", "ngày 09 tháng 5 năm 2023",
    "Hà Nội, ngày 9/5/2023", "Thực hiện Kết luận số 54-KL/TW", "về thực hiện", "sau đây viết tắt là",
    "Điều 3.", "chịu trách nhiệm thi hành", "| ", " |", "**", "\\*", "Ð", "uỷ", "hoá", "I.", "1.", "a)",
    "-", "/", "(", ")", "\n", "\n\n", "   ", "\t", "\r\n", "\u00a0", "\ufeff", "\x00",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet=VIETNAMESE + "0123456789 .,;:",
                                                            max_size=12)),
                 max_size=120).map("".join)
HOSTILE = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def evidence_in(value) -> list[Evidence]:
    """Every Evidence reachable from a facts object."""
    if isinstance(value, Evidence):
        return [value]
    if dataclasses.is_dataclass(value):
        return [e for f in dataclasses.fields(value) for e in evidence_in(getattr(value, f.name))]
    if isinstance(value, list | tuple):
        return [e for item in value for e in evidence_in(item)]
    return []


@HOSTILE
@given(text=texts)
def test_extraction_raises_only_its_own_errors_and_spans_stay_inside(text: str) -> None:
    try:
        facts = extract_text(text, "hostile.txt")
    except VanbanError:
        return
    for evidence in evidence_in(facts):
        start, end = evidence.span
        assert 0 <= start <= end <= len(text), evidence
        assert evidence.source_file == "hostile.txt"


@HOSTILE
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf", ""]))
def test_any_bytes_are_read_or_refused_with_a_load_error(data: bytes, suffix: str) -> None:
    try:
        read = file_text(data, "in" + suffix)
    except VanbanError as error:
        assert str(error).startswith("in" + suffix + ": ")
        return
    assert isinstance(read.text, str)


@HOSTILE
@given(text=texts, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_encodings_read_back_the_same_text(text: str, encoding: str) -> None:
    if not text.strip() or "\x00" in text or text.startswith("\ufeff"):
        return
    try:
        read = file_text(text.encode(encoding), "in.txt")
    except VanbanError:
        return  # e.g. a text that looks like no document in any encoding
    assert read.text == text


@pytest.mark.parametrize("piece", ["-" * 20_000, "1" * 20_000, "/" * 20_000, "Số " * 5_000,
                                   "\n" * 20_000, "(" * 10_000 + ")" * 10_000, "Ban " * 5_000,
                                   "54-KL/TW, " * 3_000, "- " * 10_000, "| " * 10_000])
def test_pathological_runs_finish(piece: str) -> None:
    """A bound against catastrophic backtracking, not a speed measure (that is bench/): a
    20 KB run of one token must not take more than a few seconds, even on a busy machine."""
    started = time.process_time()
    with contextlib.suppress(VanbanError):
        extract_text("KẾT LUẬN\n" + piece + "\nSố 1-KL/TW", "runs.txt")
    assert time.process_time() - started < 20
