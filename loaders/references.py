"""References to other documents, found in the flow text of one document.

Forms (DOMAIN.md §3): ``{Type} [số] {symbol}[, ngày …][ của {issuer}][ (khóa …)][ về …]``;
lists sharing a suffix (``Quyết định số 217, 218-QĐ/TW``); bare symbols continuing a list;
named documents without a number (``Nghị quyết Trung ương 4 khóa XII``, ``Nghị quyết Đại
hội XIII của Đảng``, ``Luật thực hiện dân chủ ở cơ sở``); aliases in brackets
(``(sau đây gọi tắt là …)``); nested descriptions (``Kế hoạch 223-KH/TU … về thực hiện Kết
luận 54-KL/TW``) that yield a derived IMPLEMENTS link.

A mention is IMPLEMENTS when it heads an implementing phrase: the subject line
(``Về việc triển khai thực hiện X``, ``Thực hiện X``) or a sentence opening
``Thực hiện X`` / ``Để (tiếp tục) (triển khai) thực hiện (có hiệu quả) X``. Every other
mention is CITES.

>>> refs, links = find_references("Thực hiện Kế hoạch số 223-KH/TU, ngày 05/7/2023 của Ban "
...     "Thường vụ Tỉnh ủy về thực hiện Kết luận số 54-KL/TW; căn cứ Quy định số 124-QĐ/TW.",
...     source_file="a.txt")
>>> [(r.symbol, r.relation.value, r.date) for r in refs]
[('223-KH/TU', 'IMPLEMENTS', '2023-07-05'), ('54-KL/TW', 'CITES', None), ('124-QĐ/TW', 'CITES', None)]
>>> [(link.source.symbol, link.relation.value, link.target.symbol) for link in links]
[('223-KH/TU', 'IMPLEMENTS', '54-KL/TW')]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from vanban.graph.model import DerivedLink, DocumentRef, Evidence, OrganRef
from vanban.graph.vocabulary import EdgeType
from vanban.loaders.lexicon import doc_types
from vanban.loaders.organs import ORGAN_HEAD, and_ending_a_name
from vanban.loaders.symbols import SYMBOL, find_symbols, parse_date, repair_symbol, type_from_symbol
from vanban.loaders.text import TextView, fold

__all__ = ["find_references", "sentence_around"]

_TYPE_WORDS = sorted(
    {form for t in doc_types() for form in (t.name, *t.forms) if t.name not in ("Sao lục",)},
    key=len,
    reverse=True,
)
_TYPE_RE = "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in _TYPE_WORDS)
_DATE = r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_NUMBERED = re.compile(
    rf"(?<![\wÀ-ỹ])(?P<type>{_TYPE_RE})"
    rf"(?:(?:[ \t]+[a-zđà-ỹ]+){{0,2}}[ \t]+số|[ \t]*:[ \t]*[Ss]ố)?[ \t]*+:?[ \t]*+"  # "các Tờ trình: Số …"
    rf"(?P<list>(?:\d+[a-z]?\s*(?:,|và)\s*)*)(?P<symbol>{SYMBOL.pattern})",
)
_NAMED = re.compile(
    r"(?<![\wÀ-ỹ])(?P<title>"
    # A law or ordinance named, then numbered: its name may hold commas and "và" ("Luật Cán bộ,
    # công chức số 80/2025/QH15", "Luật Quy hoạch đô thị và nông thôn số …"), up to its number.
    # An amending law's name holds the names it amends ("Luật sửa đổi, bổ sung một số điều của
    # Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14"): the number is its own.
    r"(?:Bộ luật|Luật|Pháp lệnh)[ \t]+[Ss]ửa đổi,[ \t]*bổ sung[ \t]+(?:một số [Đđ]iều[ \t]+)?của[ \t]+"
    r"[^;.()\n“”\"]{3,160}?"
    rf"(?=[ \t]+số[ \t]*+:?[ \t]*+{SYMBOL.pattern})"
    r"|(?:Bộ luật|Luật|Pháp lệnh)[ \t]+(?!(?:số|này|và|các|của)\b)[\wÀ-ỹĐđ]"
    r"(?:(?![ \t](?:số|Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|Thông tư|Quyết định|ngày)\b)"
    r"[^;.()\n:“”\"]){0,120}?"
    rf"(?=[ \t]+số[ \t]*+:?[ \t]*+{SYMBOL.pattern})"
    r"|"
    r"Nghị quyết\s+(?:Hội nghị\s+(?:lần thứ\s+\S+\s+)?)?(?:Ban Chấp hành\s+)?Trung ương\s+\d+"
    r"(?:\s*(?:\(\s*)?khóa\s+[IVXL]+\)?)?"
    r"|Nghị quyết\s+Đại hội\s+(?:đại biểu\s+)?(?:toàn quốc\s+)?"
    r"(?:Đảng bộ\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|Khối|khối)"
    r"(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹđ]*)*\s+)?"
    r"(?:lần thứ\s+)?[IVXL]+(?:\s+của\s+Đảng(?!\s+bộ))?"
    r"|(?:Bộ luật|Luật)\s+(?!(?:sư|và|này|định|pháp|lệ|hiện hành|các|của|về|đã|được|để|thì|mà|với|cho|"
    r"số|năm|trên|khi|nêu|quy|có|không|là|mới|từ|đến|sẽ|cũng)\b)[\wÀ-ỹĐđ](?:[^,;.()\n]|,\s*(?=chống\b|chữa\b))*?"
    r"(?=(?<!\s)\s+(?:và|ngày|số|năm\s+\d+|được|đã|để|có|nhằm|theo|trong|tại|của|với|hiện hành|về|cho|"
    r"trên|đối với|khi|nêu|quy định|thì|hoặc|thuộc|từ|như|phải|không|do|vào|đến|sau|trước|là|gồm|"
    r"bằng)\b|,(?!\s*(?:chống|chữa)\b)|[;.()\n]|$)"
    r"|Hiến pháp(?:\s+năm\s+\d{4}|\s+nước Cộng hòa xã hội chủ nghĩa Việt Nam)?"
    r")"
)
_ALIAS = re.compile(r"\(\s*(?:sau đây\s+)?(?:gọi|viết)\s+(?:tắt\s+)?là\s+(?P<alias>[^)]{3,120})\)",
                    re.IGNORECASE)
# "\s*(?:,\s*)?", not "\s*,?\s*": two adjacent \s* split a run of spaces in quadratically many
# ways when the word after them is missing (a symbol followed by a long run of spaces). And a lazy
# name ends before "\s+word" only where a run of spaces starts ("(?<!\s)"): tried from inside a
# run, "\s+" rescans the rest of it at every step (quadratic time on a long run).
# "và" ends an issuer's name unless a capitalised word that opens no organ (nor "Các …") follows
# it ("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn"); the name does not go on past a line.
_AND_ENDS = and_ending_a_name(r"[ \t]", r"(?:" + ORGAN_HEAD.pattern + r"|Các\b)")
_TAIL = re.compile(
    rf"(?:\s*(?:,\s*)?(?:ban hành\s+)?ngày\s*(?P<date>{_DATE}))?"
    r"(?:\s*(?:,\s*)?của\s+(?P<issuer>[^,;()\n]+?)(?=(?<!\s)\s+(?:về|khóa|ngày|gắn|thực hiện|" + _AND_ENDS
    + r"|ban hành|đã|theo|"
    r"trong|nhằm|để|đối với|tại|quy định|hướng dẫn|Quy định|Hướng dẫn|Ban hành|Về)\b|[,;()\n.\"“”]|$))?"
    # A date after the issuer and before a capitalised word opens the next clause ("… của Chính
    # phủ, ngày 17 tháng 6 năm 2025 Bộ trưởng … đã ban hành …"): it is not the document's.
    rf"(?:\s*(?:,\s*)?ngày\s*(?P<date2>{_DATE})(?![ \t]+[A-ZĐÀ-Ỹ]))?"
    r"(?:\s*(?:\(\s*)?khóa\s+(?P<term>[IVXL]+)\s*\)?)?"
)
_ISSUER_END = re.compile(
    r"\s(?:thực hiện|triển khai|thành|đến|cho|tại|với|về|để|nhằm|trong|theo|ban hành|quy định|hướng dẫn|"
    r"phê duyệt|đã|được|là|có|gửi|kèm|sửa đổi|bổ sung)\b"
)
_NESTED = re.compile(
    r"^\s*,?\s*(?:về|để)\s+(?:việc\s+)?(?:tiếp tục\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai)"
    r"\s+(?:có hiệu quả\s+)?",
)
# After a document described by its date or issuer, a bare "thực hiện" goes on describing it:
# "Chương trình số 12-CTr/TU ngày 3/8/2025 của Tỉnh ủy thực hiện Kết luận số 5-KL/TW".
_DESCRIBED_NESTED = re.compile(r"^\s*(?:(?:tiếp tục|triển khai)\s+)?thực hiện\s+")
_IMPLEMENTING_SENTENCE = re.compile(
    r"^(?:Để\s+)?(?:tiếp tục\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai|quán triệt)"
    r"(?:\s*,?\s*(?:và\s+)?(?:có hiệu quả|nghiêm túc|tốt|hiệu quả|thắng lợi|triển khai|thực hiện|"
    r"nghiêm|đầy đủ|kịp thời))*\s*$",
    re.IGNORECASE,
)
_IMPLEMENTING_SUBJECT = re.compile(
    r"^(?:V/v|Về việc|về việc|về|Về)?\s*(?:việc\s+)?(?:ban hành\s+)?(?:kế hoạch|chương trình)?"
    r"(?:\s+hành động)?\s*(?:tiếp tục\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai)"
    r"(?:\s+có hiệu quả)?\s*$",
    re.IGNORECASE,
)
_SELF = re.compile(rf"\b(?:{_TYPE_RE})\s+này\b")


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int  # end of the whole phrase (symbol + tail)
    head_end: int  # end of the symbol or title
    ref: DocumentRef


OrganResolver = Callable[[str], OrganRef | None]


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence (or list item) holding ``text[start:end]``."""
    left = max(text.rfind("\n", 0, start), _last_stop(text, start))
    right_candidates = [i for i in (text.find("\n", end), _next_stop(text, end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return left + 1, right


def _last_stop(text: str, pos: int) -> int:
    """One past the last ``[.!?;]`` followed by spaces and a capital, all within the 2,000
    characters before ``pos`` (-1 if none)."""
    stops, ends = _stops(text)
    i = bisect.bisect_right(ends, pos) - 1  # ends grow with stops: the last stop whose capital is before pos
    return stops[i] + 1 if i >= 0 and stops[i] >= pos - 2000 else -1


_STOP = re.compile(r"[.!?;](?=\s+[A-ZĐÀ-Ỹ\-])")
# One pattern per stop character (a literal first scans faster than a character set), the
# spaces and capital after it caught in a group.
_STOP_BY_CHARACTER = tuple(re.compile(re.escape(stop) + r"(?=(\s+[A-ZĐÀ-Ỹ\-]))") for stop in ".;!?")


@lru_cache(maxsize=8)
def _stops(text: str) -> tuple[list[int], list[int]]:
    """Sentence stops of a text (``_STOP``) and, for each, the end of the capital that follows it."""
    found = sorted((m.start(), m.end(1)) for pattern in _STOP_BY_CHARACTER for m in pattern.finditer(text))
    return [stop for stop, _ in found], [end for _, end in found]


def _next_stop(text: str, pos: int) -> int:
    """One past the first ``[.!?;]`` at or after ``pos`` followed by spaces and a capital, or
    by nothing but spaces (-1 if none)."""
    stops, _ = _stops(text)
    i = bisect.bisect_left(stops, pos)
    if i < len(stops):
        return stops[i] + 1
    last = len(text.rstrip()) - 1  # a stop ending the text comes after every stop before a capital
    return last + 1 if last >= pos and text[last] in ".!?;" else -1


def find_references(
    text: str,
    *,
    source_file: str,
    view: TextView | None = None,
    offset: int = 0,
    subject_span: tuple[int, int] | None = None,
    resolve_issuer: OrganResolver | None = None,
    skip_spans: tuple[tuple[int, int], ...] = (),
    preamble_end: int | None = None,
) -> tuple[list[DocumentRef], list[DerivedLink]]:
    """References and derived links in ``text`` (a document's flow text).

    ``view`` and ``offset`` map positions back to the original file (``text`` is
    ``view.text[offset:]``-relative); ``subject_span`` marks the subject line;
    ``resolve_issuer`` turns ``của …`` phrases into organs; an implementing sentence counts
    only before ``preamble_end`` (the first numbered task), not inside the tasks.
    """
    mentions = _numbered(text, source_file, view, offset, resolve_issuer)
    taken = [(m.start, m.end) for m in mentions]
    mentions += [m for m in _named(text, source_file, view, offset) if not _overlaps(m, taken)]
    mentions += _bare_symbols(text, source_file, view, offset, mentions)
    mentions = [m for m in mentions if not any(a <= m.start < b for a, b in skip_spans)]
    mentions.sort(key=lambda m: m.start)
    mentions = _apply_aliases(text, mentions)
    links = _nested_links(text, mentions, source_file, view, offset)
    nested_targets = {id(link.target) for link in links}
    limit = len(text) if preamble_end is None else preamble_end
    relations = [_relation(text, m, mentions, subject_span, nested=id(m.ref) in nested_targets,
                           preamble_end=limit) for m in mentions]
    relations = _extend_to_listed(text, mentions, relations, nested_targets, subject_span)
    refs = [m.ref if m.ref.relation is r else replace(m.ref, relation=r)
            for m, r in zip(mentions, relations, strict=True)]
    relinked = []
    by_id = {id(m.ref): r for m, r in zip(mentions, refs, strict=True)}
    for link in links:
        relinked.append(replace(link, source=by_id.get(id(link.source), link.source),
                                target=by_id.get(id(link.target), link.target)))
    return refs, relinked


def _evidence(text: str, start: int, end: int, source_file: str, view: TextView | None,
              offset: int, rule: str) -> Evidence:
    s, e = sentence_around(text, start, end)
    span = view.span(offset + start, offset + end) if view is not None else (start, end)
    return Evidence(source_file, span, text[s:e].strip(), rule)


def _type_word_tails() -> tuple[str, ...]:
    """The type words without their initial (the one letter _NUMBERED takes in either case),
    leaving out a tail another one begins (its occurrences are among that one's)."""
    tails = {w[1:] for w in _TYPE_WORDS}
    return tuple(sorted(t for t in tails if not any(o != t and t.startswith(o) for o in tails)))


_TYPE_TAILS = _type_word_tails()
_TYPE_INITIALS = frozenset(w[0].upper() for w in _TYPE_WORDS) | {w[0].lower() for w in _TYPE_WORDS}


def _numbered_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_NUMBERED.finditer(text)``, found faster: the pattern is tried only where
    a type word's initial comes before the rest of a type word (found with ``str.find``), not
    at every character."""
    starts = {at - 1 for at in _occurrences(text, _TYPE_TAILS) if at and text[at - 1] in _TYPE_INITIALS}
    yield from _matches_from(_NUMBERED, text, starts)


def _occurrences(text: str, words: tuple[str, ...]) -> set[int]:
    """Every position where one of ``words`` starts in ``text``."""
    found = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.add(at)
            at = text.find(word, at + 1)
    return found


def _matches_from(pattern: re.Pattern[str], text: str, starts: set[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose (non-empty) matches can only begin at
    ``starts``: the leftmost match at or after the end of the previous one, as finditer finds."""
    pos = 0
    for start in sorted(starts):
        if start >= pos and (m := pattern.match(text, start)):
            yield m
            pos = m.end()


# The words every branch of _NAMED opens with.
_NAMED_HEADS = ("Nghị quyết", "Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh")
# A law named, then numbered: "Luật Tổ chức Quốc hội số 57/2014/QH13".
_NUMBER_AFTER_NAME = re.compile(rf"[ \t]+số[ \t]*+:?[ \t]*+(?P<symbol>{SYMBOL.pattern})")


# "văn bản số 729/BNN-TCLN", "các văn bản: Số 202/TTr-…": a generic noun names a document by
# its number; the type comes from the symbol's code (TTr: Tờ trình; a bare state code: Công văn).
_GENERIC_NUMBERED = re.compile(
    rf"(?<![\wÀ-ỹ])(?P<type>[Vv]ăn\s+bản)(?:[ \t]+số|[ \t]*:[ \t]*[Ss]ố)[ \t]*+:?[ \t]*+"
    rf"(?P<list>(?:\d+[a-z]?\s*(?:,|và)\s*)*)(?P<symbol>{SYMBOL.pattern})",
)


def _generic_matches(text: str) -> Iterator[re.Match[str]]:
    return _GENERIC_NUMBERED.finditer(text) if "ăn" in text else iter(())


def _numbered(text, source_file, view, offset, resolve_issuer) -> list[_Mention]:
    out = []
    found = sorted(itertools.chain(_numbered_matches(text), _generic_matches(text)), key=lambda m: m.start())
    for m in found:
        word = m.group("type")
        symbol = repair_symbol(m.group("symbol"))
        generic = m.re is _GENERIC_NUMBERED
        doc_type = type_from_symbol(symbol) if generic else _canonical_type(word)
        if doc_type is None:
            continue
        tail = _TAIL.match(text, m.end())
        date = term = issuer = None
        end = m.end()
        if tail:
            date = parse_date(tail.group("date") or tail.group("date2") or "")
            term = tail.group("term").upper() if tail.group("term") else None
            if tail.group("issuer") and resolve_issuer is not None:
                issuer_text = tail.group("issuer")
                term_in_issuer = _TERM_AT_END.search(issuer_text) if "khóa" in issuer_text else None
                if term_in_issuer:
                    term = term or term_in_issuer.group(1)
                    issuer_text = issuer_text[: term_in_issuer.start()]
                issuer = resolve_issuer(_ISSUER_END.split(issuer_text, 1)[0])
            end = tail.end()
        evidence = _evidence(text, m.start(), m.end(), source_file, view, offset, "numbered-reference")
        numbers = _LISTED_NUMBER.findall(m.group("list"))
        suffix = _SYMBOL_NUMBER.sub("", symbol)
        for number in [*numbers, None]:
            sym = f"{number}{suffix}" if number else symbol
            ref = DocumentRef(symbol=sym, doc_type=doc_type, evidence=evidence, date=date,
                              issuer=issuer, term=term, type_explicit=not generic)
            out.append(_Mention(m.start(), end, m.end(), ref))
    return out


_TERM_AT_END = re.compile(r"(?<!\s)\s+khóa\s+([IVXL]+)$")
_LISTED_NUMBER = re.compile(r"\d+[a-z]?")
_SYMBOL_NUMBER = re.compile(r"^\d+(?:\.\d+)?[a-z]?")


def _canonical_type(word: str) -> str:
    return _TYPE_BY_FOLD.get(fold(word), word)


_TYPE_BY_FOLD = {fold(form): t.name for t in doc_types() for form in (t.name, *t.forms)}


def _named(text, source_file, view, offset) -> list[_Mention]:
    out = []
    for m in _matches_from(_NAMED, text, _occurrences(text, _NAMED_HEADS)):
        title = _SPACES.sub(" ", m.group("title")).strip()
        title = _BRACKETED_TERM.sub(r"\1", title) if "(" in title else title
        law = next((t for t in ("Bộ luật", "Luật", "Pháp lệnh") if title.startswith(t)), None)
        if law and len(title.split()) <= len(law.split()):
            continue
        doc_type = law or ("Hiến pháp" if title.startswith("Hiến pháp") else "Nghị quyết")
        number = _NUMBER_AFTER_NAME.match(text, m.end()) if law else None
        head_end = number.end() if number else m.end()
        term_match = _TERM.search(title)
        tail = _TAIL.match(text, head_end)
        date = parse_date(tail.group("date") or "") if tail and tail.group("date") else None
        rule = "numbered-reference" if number else "named-reference"
        evidence = _evidence(text, m.start(), head_end, source_file, view, offset, rule)
        ref = DocumentRef(symbol=repair_symbol(number.group("symbol")) if number else None, doc_type=doc_type,
                          evidence=evidence, title=title, term=term_match.group(1) if term_match else None,
                          date=date, type_explicit=number is not None)
        out.append(_Mention(m.start(), tail.end() if number and tail else head_end, head_end, ref))
    return out


_SPACES = re.compile(r"\s+")
_BRACKETED_TERM = re.compile(r"\(\s*(khóa\s+[IVXL]+)\s*\)")
_TERM = re.compile(r"khóa\s+([IVXL]+)")


def _bare_symbols(text, source_file, view, offset, mentions) -> list[_Mention]:
    """Symbols written without a type word (``… 99-QĐ/TW, 124-QĐ/TW``)."""
    covered = _Cover([(m.start, m.head_end) for m in mentions])
    out = []
    for m in find_symbols(text):
        if covered.covers(m.start()):
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        if _NUMBER_WORD_BEFORE.search(before) and not _LISTED_BEFORE.search(before):
            continue  # "Mẫu số 01/…" is a form; "Số 54-KL/TW" opens a header
        symbol = repair_symbol(m.group())
        doc_type = type_from_symbol(symbol)
        if doc_type is None or _word_after_slash(symbol):
            continue
        evidence = _evidence(text, m.start(), m.end(), source_file, view, offset, "bare-symbol")
        ref = DocumentRef(symbol=symbol, doc_type=doc_type, evidence=evidence, type_explicit=False)
        out.append(_Mention(m.start(), m.end(), m.end(), ref))
    return out


# A year, a slash and a word ("ngày 29 tháng 11 năm 2005/Pursuant to …" in a bilingual text):
# codes after a slash have at most two lower-case letters in a row (QĐi, CTr, TTg).
def _word_after_slash(symbol: str) -> bool:
    tail = symbol[symbol.index("/"):]
    return any(a.islower() and b.islower() and c.islower() for a, b, c in zip(tail, tail[1:], tail[2:],
                                                                               strict=False))


_NUMBER_WORD_BEFORE = re.compile(r"(?:Mẫu|mẫu)\s+số\s*$|[Ss]ố\s*:?\s*$")
_LISTED_BEFORE = re.compile(r"(?:[,;]|và)\s*(?:số\s*)?$")  # "…, số 192/TTr-…", "…; số 328/TB-…"


class _Cover:
    """Spans ``[a, b)``, asked whether one of them holds a position: ``any(a <= pos < b)``."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(itertools.accumulate((b for _, b in spans), max))  # the furthest end so far

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)  # spans[:i] start at or before pos
        return i > 0 and self.reach[i - 1] > pos


def _overlaps(m: _Mention, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < b and a < m.end for a, b in spans)


def _apply_aliases(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Give later name-only mentions of an alias the identity of the aliased document."""
    aliases: dict[str, DocumentRef] = {}
    out = []
    for m in mentions:
        if m.ref.symbol is None and m.ref.title:
            target = aliases.get(fold(m.ref.title))
            if target is not None:
                m = replace(m, ref=replace(m.ref, title=target.title, term=target.term,
                                           symbol=target.symbol))
        out.append(m)
        window = text[m.end : m.end + 200]
        alias = _ALIAS.search(window) if "(" in window else None
        if alias is None or not (m.ref.title or m.ref.symbol):
            continue
        between = any(m.end <= x.start < m.end + alias.start() for x in mentions)
        if not between and not _SENTENCE_BREAK.search(window[: alias.start()]):
            aliases.setdefault(fold(alias.group("alias")), m.ref)
    return out


_SENTENCE_BREAK = re.compile(r"[;.]\s")


def _nested_links(text, mentions, source_file, view, offset) -> list[DerivedLink]:
    links = []
    for outer, inner in itertools.pairwise(mentions):
        gap = text[outer.end : inner.start]
        if outer.ref.symbol is None and outer.ref.title is None:
            continue
        described = outer.ref.issuer is not None or outer.ref.date is not None
        nested = _NESTED.match(gap) or (_DESCRIBED_NESTED.match(gap) if described else None)
        if nested and nested.end() == len(gap):
            evidence = _evidence(text, outer.start, inner.head_end, source_file, view, offset,
                                 "nested-implements")
            links.append(DerivedLink(outer.ref, inner.ref, EdgeType.IMPLEMENTS, evidence))
    return links


_MAIN_CLAUSE = re.compile(r"\b(?:yêu cầu|đề nghị|ban hành|chỉ đạo|thông báo|hướng dẫn|như sau)\b|[:\n]")
_ATTACHED_ONLY = re.compile(r"\b(?:gắn với|theo|căn cứ|Căn cứ|đồng thời)\b")


def _extend_to_listed(text: str, mentions: list[_Mention], relations: list[EdgeType],
                      nested_targets: set[int], subject_span: tuple[int, int] | None) -> list[EdgeType]:
    """Documents listed with the head of an implementing sentence are implemented too:
    ``Thực hiện Chương trình số 104-CTr/TU …; Công văn số 2449-CV/ĐU …, Ủy ban nhân dân tỉnh
    đề nghị …`` — up to the main clause, and not after ``gắn với`` (which only attaches)."""
    out = list(relations)
    for i, m in enumerate(mentions):
        if relations[i] is not EdgeType.IMPLEMENTS or (
                subject_span and subject_span[0] <= m.start < subject_span[1]):
            continue
        end_match = _MAIN_CLAUSE.search(text, m.head_end)
        end = end_match.start() if end_match else len(text)
        for j in range(i + 1, len(mentions)):
            other = mentions[j]
            if other.start >= end:
                break
            if _ATTACHED_ONLY.search(text, m.head_end, other.start):
                break
            if id(other.ref) in nested_targets:
                break  # the rest of the list describes the nested document, not this one
            out[j] = EdgeType.IMPLEMENTS
    return out


def _relation(text: str, m: _Mention, mentions: list[_Mention],
              subject_span: tuple[int, int] | None, *, nested: bool,
              preamble_end: int) -> EdgeType:
    if nested:
        return EdgeType.CITES
    if subject_span and subject_span[0] <= m.start < subject_span[1]:
        first = min((x.start for x in mentions if subject_span[0] <= x.start < subject_span[1]),
                    default=m.start)
        if m.start == first and _IMPLEMENTING_SUBJECT.match(text[subject_span[0] : m.start].strip()):
            return EdgeType.IMPLEMENTS
        return EdgeType.CITES
    if m.start >= preamble_end:
        return EdgeType.CITES
    s, e = sentence_around(text, m.start, m.end)
    prefix = text[s : m.start].strip()
    prefix = _ITEM_MARK.sub("", prefix) if not _ITEM_NUMBER.match(prefix) else prefix
    if _IMPLEMENTING_SENTENCE.match(prefix) and not _ISSUED_BEFORE.search(text, m.end, e):
        return EdgeType.IMPLEMENTS
    return EdgeType.CITES


# "Triển khai thực hiện Nghị định X, ngày … Bộ trưởng … đã ban hành Thông tư Y": the sentence
# tells of another document, issued earlier to implement X; this one only cites X.
_ISSUED_BEFORE = re.compile(r"\bđã\s+ban\s+hành\b")


_ITEM_MARK = re.compile(r"^[\-–+•\d.)\s]+")
_ITEM_NUMBER = re.compile(r"^\d+\.\s")


def is_self_reference(text: str) -> bool:
    """``Kết luận này``, ``Kế hoạch này``: the document itself."""
    return bool(_SELF.search(text))
