"""Hostile input: whatever the bytes or text, only vanban's own errors escape, spans stay inside
the text, and no input makes a regex backtrack for ever.

Hypothesis runs 200 examples per property when ``CI`` is set (the ``ci`` profile in
conftest.py), 50 otherwise.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import gc
import importlib
import io
import itertools
import pkgutil
import re
import signal
import string
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanban import loaders
from vanban.errors import LoadError, VanbanError
from vanban.graph.model import Evidence
from vanban.loaders.bodies import kind_list_members
from vanban.loaders.docx_reader import docx_text
from vanban.loaders.encodings import decode, decode_as, encode
from vanban.loaders.extract import extract_text
from vanban.loaders.files import file_text
from vanban.loaders.reports import find_reports
from vanban.loaders.tasks import coordinators
from vanban.loaders.text import clean_view, flow_view

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


TOKENS = ["-", "1", "/", "Số ", "\n", "Ban ", "54-KL/TW, ", "- ", "| "]


@pytest.mark.parametrize("token", TOKENS)
def test_runs_of_one_token_are_read_in_linear_time(token: str) -> None:
    def work(n: int) -> Callable[[], object]:
        return _extract_quietly("KẾT LUẬN\n" + token * (n // len(token)) + "\nSố 1-KL/TW")
    times = growth(work, 10_000)
    assert is_linear(times), f"{token!r}: {times} at 10k/20k/40k characters"


def test_balanced_brackets_are_read_in_linear_time() -> None:
    times = growth(lambda n: _extract_quietly("KẾT LUẬN\n" + "(" * (n // 2) + ")" * (n // 2)), 10_000)
    assert is_linear(times), times


# --- the normaliser's offset map, and the encodings, on any input ---------------------------

@HOSTILE
@given(text=texts)
def test_views_map_every_character_back_into_the_text(text: str) -> None:
    for view in (clean_view(text), flow_view(text)):
        offsets = list(view.offsets)
        assert len(offsets) == len(view.text) + 1 and offsets[-1] == len(text)
        assert all(0 <= a <= b <= len(text) for a, b in itertools.pairwise(offsets))
        if view.text:
            start, end = view.span(0, len(view.text))
            assert 0 <= start <= end <= len(text)


LETTERS = "".join(sorted(set(VIETNAMESE.upper() + VIETNAMESE) - set("fjwz")))


@HOSTILE
@given(text=st.text(alphabet=LETTERS + "0123456789 .,;:-/()\n", max_size=300),
       encoding=st.sampled_from(["windows-1258", "vni", "tcvn3"]))
def test_legacy_encodings_round_trip_any_text(text: str, encoding: str) -> None:
    if encoding == "tcvn3":  # VN3 writes most capitals with its lowercase codes
        text = text.lower()
    assert decode_as(encode(text, encoding), encoding) == text


@HOSTILE
@given(data=st.binary(max_size=2048))
def test_decoding_any_bytes_gives_composed_text_or_a_load_error(data: bytes) -> None:
    try:
        found = decode(data, "in.txt")
    except LoadError as error:
        assert str(error).startswith("in.txt: ")
        return
    assert unicodedata.is_normalized("NFC", found.text) and found.text.strip()


# --- growth with input size: linear, never quadratic ----------------------------------------
#
# No test here has a time limit: each measures the CPU time of the same work at n, 2n and 4n
# and fails when quadrupling the input multiplies the time by more than GROWTH. Linear code
# gives about 4, quadratic code 16; 8 leaves room for a busy machine, and a suspect case is
# measured again before it fails.

GROWTH = 8.0
# The least time a measure at n counts as: a measure of a millisecond or less is mostly the
# clock's and a busy machine's noise (a literal search timed 0.2/0.3/1.3 ms at 10k/20k/40k while
# other jobs ran), and no quadratic pattern is that fast: one takes tens of milliseconds on 10k
# characters and seconds on 40k.
FLOOR = 1e-3


def _cpu_time(call: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs of ``call`` (the collector off while it runs)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect(0)  # the youngest generation: a full collection per call would cost more than the call
        gc.disable()
        try:
            started = time.process_time()
            call()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def is_linear(times: tuple[float, ...]) -> bool:
    """Do the times at n, 2n and 4n grow no faster than GROWTH allows?"""
    return times[2] <= GROWTH * max(times[0], FLOOR)


def growth(work: Callable[[int], Callable[[], object]], n: int, repeat: int = 2) -> tuple[float, ...]:
    """CPU times of ``work(size)()`` at n, 2n and 4n; measured twice over when the growth
    looks faster than linear (a busy machine slows one measure, seldom two in a row)."""
    for attempt in range(2):
        calls = [work(size) for size in (n, 2 * n, 4 * n)]
        times = tuple(_cpu_time(call, repeat + 2 * attempt) for call in calls)
        if is_linear(times):
            break
    return times


def _extract_quietly(text: str) -> Callable[[], object]:
    def run() -> None:
        with contextlib.suppress(VanbanError):
            extract_text(text, "runs.txt")
    return run


BODY = "nội dung văn bản có đủ mười hai từ để làm thân bài của kết luận này\n"
# Inputs that once took quadratic time or worse, each built at a size n (about n characters).
GROWING = {
    # text.py join_lines: a line break's spaces, scanned again from every space of a long run
    "space run": lambda n: "a" + " " * n + "b",
    "tab run": lambda n: "a" + "\t" * n + "b",
    # text.py _MARKDOWN_LINE: "={3,}[^\n]*={3,}" is cubic on a long "====…x"
    "equals line": lambda n: "=" * n + "x",
    # references.py _TAIL: "\s*,?\s*" after a symbol; the issuer before "\s+về"; "\s+khóa" in it
    "spaces after a symbol": lambda n: "Kết luận số 1-KL/TW" + " " * n + "x",
    "spaces in an issuer": lambda n: "Kết luận số 1-KL/TW của A" + " " * n + "x",
    # references.py _NAMED: a law's name before "\s+và"; "\s*\(?\s*khóa" after Trung ương 4
    "spaces in a law's name": lambda n: "Luật A" + " " * n + "x",
    "spaces after Trung ương 4": lambda n: "Nghị quyết Trung ương 4" + " " * n + "x",
    # references.py _NUMBERED: "[ \t]*:?[ \t]*" after a type word
    "spaces after a type word": lambda n: "báo cáo" + " " * n + "x",
    # text.py _HEADER_LINE, _NUMBER_START; segment.py _NUMBER_LINE, _BLANK_NUMBER: after "Số"
    "spaces after Số": lambda n: "Số" + " " * n + "x",
    # segment.py and header.py _PLACE_DATE: between ngày, tháng and năm
    "spaces after ngày": lambda n: "Hà Nội, ngày" + " " * n + "x",
    # tasks.py _REPORT: "\s*W?\s+", the recipient before "\s+trước", the via before "\s*\)"
    "spaces in a report": lambda n: f"KẾT LUẬN\n{BODY}báo cáo Ban A{' ' * n}x\nbáo cáo Ban A (qua B{' ' * n}x",
    # tasks.py coordinators and split_organ_list: "\s+để", "\s+và\s+"
    "spaces after phối hợp với": lambda n: f"KẾT LUẬN\n{BODY}Tổ chức thực hiện\n- Ban A phối hợp với Ban B{' ' * n}x",
    # tasks.py _EXECUTION_ARTICLE: "\s+chịu trách nhiệm" after each step of a lazy 1,500
    "articles with spaces": lambda n: ("Điều 1. A" + " " * 1400 + "x\n") * (n // 1400),
    # recipients.py: "\s+-\s+" in Kính gửi, "\d+$" in Nơi nhận
    "spaces in Kính gửi": lambda n: "Kính gửi: - Ban A" + " " * n + "x",
    "digits in Nơi nhận": lambda n: "Nơi nhận:" + "1" * n + "x",
    # recipients.py _PACKED: "\s+/\s+" from every tab of a run after Nơi nhận
    "tabs after Nơi nhận": lambda n: "KẾT LUẬN\nNơi nhận:" + "\t" * n + "\n- Ban A",
    # signatures.py: a title glued to the end of a Nơi nhận item, after its last comma
    "commas in a Nơi nhận item": lambda n: "KẾT LUẬN\nNơi nhận:\n- " + "ban a, " * (n // 7) + "PHÓ BÍ THƯ\nNguyễn Văn A",
    # extract.py: the issuer after CỦA before "\s+VỀ"; organs.py "\s+và\s+" in titlecase_organ
    "spaces in a type line": lambda n: "KẾT LUẬN CỦA A" + " " * n + "X",
    # references.py: every mention compared with every other, and the sentence around each
    # searched to the end of a text without a full stop
    "many bare symbols": lambda n: "KẾT LUẬN\n" + "54-KL/TW " * (n // 9),
    # recipients.py _purpose and _clean, organ_names.py: "\([^)]*\)" from every "(" to the end
    "open brackets": lambda n: "KẾT LUẬN\nNơi nhận:\n- Ban A " + "(" * n,
}


@pytest.mark.parametrize("name", sorted(GROWING))
def test_hostile_runs_are_read_in_linear_time(name: str) -> None:
    build = GROWING[name]
    times = growth(lambda n: _extract_quietly(build(n)), 20_000)
    assert times[2] <= GROWTH * times[0], f"{name}: {times} at 20k/40k/80k characters"


def _empty_paragraphs_docx(n: int) -> bytes:
    """A DOCX whose body is ``n`` empty paragraphs and one line of text (a small file that
    unpacks to 6 bytes a paragraph)."""
    import docx

    blank, out = io.BytesIO(), io.BytesIO()
    docx.Document().save(blank)
    body = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + b"<w:p/>" * n + b"<w:p><w:r><w:t>S\xe1\xbb\x91 1-KL/TW</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(blank) as skeleton, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in skeleton.infolist():
            archive.writestr(info, body if info.filename == "word/document.xml" else skeleton.read(info))
    return out.getvalue()


def test_a_docx_of_empty_paragraphs_is_read_in_linear_time() -> None:
    """The DOCX bomb of empty paragraphs (bounded memory: tests/test_attacks.py), by its time."""
    assert docx_text(_empty_paragraphs_docx(10), "p.docx") == "Số 1-KL/TW"

    def work(n: int) -> Callable[[], object]:
        data = _empty_paragraphs_docx(n)
        return lambda: docx_text(data, "p.docx")
    times = growth(work, 50_000)
    assert times[2] <= GROWTH * times[0], f"{times} at 50k/100k/200k paragraphs"


def test_the_report_and_coordinator_patterns_alone() -> None:
    spaces = " " * 100_000
    assert [(r.to, r.via) for r in find_reports("báo cáo Ban Bí thư" + spaces + "(qua Ban Dân vận)")] == [
        ("Ban Bí thư", "Ban Dân vận")]
    assert coordinators("phối hợp với Ban Tuyên giáo" + spaces + "để tổ chức") == ["Ban Tuyên giáo"]
    assert flow_view("a" + spaces + "\nb").text == "a b"
    times = growth(lambda n: lambda: find_reports("báo cáo Ban Bí thư" + " " * n + "(qua Ban Dân vận)"), 25_000)
    assert is_linear(times), times


def test_list_and_cell_patterns_alone() -> None:
    """A list of ministries without a colon, tried on commas with a colon at the end; a role
    after the body in a task table's cell, tried on a run of spaces."""
    from vanban.loaders.task_tables import table_tasks

    assert kind_list_members("Các Bộ Công an, Quốc phòng") == ["Bộ Công an", "Bộ Quốc phòng"]
    times = growth(lambda n: lambda: kind_list_members("Các Bộ A" + "," * n + ": x"), 10_000)
    assert is_linear(times), times
    header = "| TT | Nhiệm vụ | Cơ quan chủ trì |"
    times = growth(lambda n: lambda: table_tasks([header, f"| 1 | Rà soát | Sở A{' ' * n}chủ trì{' ' * n}x |"]),
                   20_000)
    assert is_linear(times), times


# --- every loader pattern, the way the loaders use it, on long runs of one character -------

WHITESPACE = " \t\n\r\f\v\u00a0\u2003\u3000"
PUNCTUATION = string.punctuation + "…–—“”‘’•«»§·"
_SEARCHING = {"search", "finditer", "findall", "sub", "subn", "split"}
_HOW = {"fullmatch": 0, "match": 1, "search": 2}  # the least costly first


@dataclasses.dataclass(frozen=True)
class LoaderPattern:
    """A compiled pattern of a loader module, where it was found, and how the loaders apply it:
    ``search`` (from every position, also ``sub``, ``split``, ``finditer`` …), ``match`` (from
    one position) or ``fullmatch`` (the whole text)."""

    where: str
    pattern: re.Pattern
    how: str


def _how(methods: set[str]) -> str:
    """The costliest way among the methods called on a pattern (search when none is seen)."""
    if not methods or methods & _SEARCHING or not methods <= {"match", "fullmatch"}:
        return "search"
    return "match" if "match" in methods else "fullmatch"


def _flags(node: ast.expr | None) -> int | None:
    """The value of a flags argument written as ``re.I | re.M`` …, None when not literal."""
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        return int(getattr(re, node.attr))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flags(node.left), _flags(node.right)
        return None if left is None or right is None else left | right
    return None


def _patterns_in(value: object, where: str, seen: set[int]) -> Iterator[tuple[str, re.Pattern]]:
    """Compiled patterns held by a module's value, also inside containers and dataclasses."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{where}[{key!r}]", seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for k, item in enumerate(value):
            yield from _patterns_in(item, f"{where}[{k}]", seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _patterns_in(getattr(value, f.name), f"{where}.{f.name}", seen)


def loader_patterns() -> list[LoaderPattern]:
    """Every pattern of the loader modules: those a module holds (compiled at import, also in
    tables), and those written as literals in calls (``re.search(r"…", text)``), each with
    the costliest way the loaders' code applies it (a pattern held in a table, or passed on,
    counts as searched)."""
    modules = [importlib.import_module(f"vanban.loaders.{m.name}") for m in pkgutil.iter_modules(loaders.__path__)]
    methods: dict[str, set[str]] = {}  # a module-level name -> the methods called on it anywhere
    literals: list[tuple[LoaderPattern, bool]] = []  # and whether it is a re.compile
    for module in modules:
        source = Path(module.__file__).parent / f"{module.__name__.rpartition('.')[2]}.py"  # (beside a compiled one)
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            owner, method = node.func.value, node.func.attr
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if name == "re" and node.args:
                try:
                    text = ast.literal_eval(node.args[0])
                except ValueError:
                    continue  # built from other values: held by a module, or tested end to end
                flag_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
                if flag_node is None and len(node.args) > (1 if method == "compile" else 3 if method == "sub"
                                                           else 2):
                    flag_node = node.args[-1]
                flags = _flags(flag_node)
                if isinstance(text, str) and flags is not None:
                    how = "search" if method in _SEARCHING or method == "compile" else method
                    literals.append((LoaderPattern(f"{module.__name__}:{node.lineno}", re.compile(text, flags),
                                                   how), method == "compile"))
            elif name is not None:
                methods.setdefault(name, set()).add(method)
    found: dict[tuple[object, int], LoaderPattern] = {}
    seen: set[int] = set()
    for module in modules:
        for name, value in vars(module).items():
            for where, pattern in _patterns_in(value, f"{module.__name__}.{name}", seen):
                how = _how(methods.get(name, set())) if isinstance(value, re.Pattern) else "search"
                found[(pattern.pattern, pattern.flags)] = LoaderPattern(where, pattern, how)
    for item, compiled in literals:
        key = (item.pattern.pattern, item.pattern.flags)
        if key not in found or (not compiled and _HOW[item.how] > _HOW[found[key].how]):
            found[key] = item  # (a module's own pattern is compiled once: its uses tell how)
    return sorted(found.values(), key=lambda p: p.where)


def _apply(item: LoaderPattern, run: str) -> Callable[[], object]:
    subject: str | bytes = run if isinstance(item.pattern.pattern, str) else run.encode("utf-8")
    if item.how == "fullmatch":
        return lambda: item.pattern.fullmatch(subject)
    if item.how == "match":
        return lambda: item.pattern.match(subject)
    return lambda: sum(1 for _ in item.pattern.finditer(subject))


PATTERNS = loader_patterns()


def test_the_loader_patterns_are_all_found() -> None:
    hows = {item.how for item in PATTERNS}
    assert len(PATTERNS) > 300 and hows == {"search", "match", "fullmatch"}, (len(PATTERNS), hows)
    modules = {item.where.split(":")[0].split(".")[2] for item in PATTERNS}
    assert {"recipients", "references", "tasks", "text", "segment", "header", "encodings"} <= modules
    packed = next(item for item in PATTERNS if item.where == "vanban.loaders.recipients._PACKED")
    assert packed.how == "search"  # split: tried from every position


def test_the_growth_measure_flags_a_quadratic_pattern() -> None:
    """The measure the tests below rely on tells quadratic work from linear work (a pattern that
    scans the rest of a run of spaces from each of its positions), despite its floor."""
    quadratic = re.compile(r"\s+x")
    measures: list[tuple[float, ...]] = []
    for _ in range(3):  # a machine that speeds up mid-measure can hide the growth once, seldom thrice
        measures.append(growth(lambda n: (lambda: quadratic.search(" " * n)), 2_000, repeat=3))
        if not is_linear(measures[-1]):
            break
    assert not is_linear(measures[-1]), measures
    linear = re.compile(r"x")
    assert is_linear(growth(lambda n: (lambda: linear.search(" " * n)), 2_000, repeat=1))


@pytest.mark.slow
@pytest.mark.parametrize("character", list(WHITESPACE + PUNCTUATION), ids=lambda c: f"U+{ord(c):04X}")
def test_every_loader_pattern_is_linear_on_a_run_of_one_character(character: str) -> None:
    """10k, 20k and 40k of one whitespace or punctuation character: every pattern, applied as
    the loaders apply it, takes at most GROWTH times longer on 40k than on 10k."""
    quadratic = []
    for item in PATTERNS:
        with _hang_guard(item):
            # enough repetitions for each measure to stand well above the clock's resolution
            single = _cpu_time(_apply(item, character * 10_000), 1)
            repeat = max(1, min(50, int(0.0003 / max(single, 1e-7))))

            def work(n: int, item: LoaderPattern = item, repeat: int = repeat) -> Callable[[], object]:
                call = _apply(item, character * n)
                return lambda: [call() for _ in range(repeat)]
            times = growth(work, 10_000, repeat=1)
        if not is_linear(times):
            quadratic.append(f"{item.where} ({item.how}) {item.pattern.pattern[:60]!r}: "
                             + "/".join(f"{t:.4f}" for t in times))
    assert not quadratic, "\n".join(quadratic)


class _Hung(Exception):
    pass


@contextlib.contextmanager
def _hang_guard(item: LoaderPattern) -> Iterator[None]:
    """Stop a pattern still running after ten minutes (a cubic one on 40k characters would run
    for days): a guard against hanging the suite, far above any linear time, not a speed limit."""
    def stop(*_: object) -> None:
        raise _Hung(f"{item.where} ({item.how}) {item.pattern.pattern[:60]!r}: still running after 600 s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, 600)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
