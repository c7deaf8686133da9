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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from vanban.graph.model import DerivedLink, DocumentRef, Evidence, OrganRef
from vanban.graph.vocabulary import EdgeType
from vanban.loaders import patterns
from vanban.loaders.lexicon import doc_types
from vanban.loaders.named_documents import KnownNames, read_names, title_key
from vanban.loaders.organ_names import ORGAN_HEAD, and_ending_a_name
from vanban.loaders.symbols import (
    PRINTED_SYMBOL,
    find_printed_symbols,
    normalize_symbol,
    parse_date,
    party_symbol,
    repair_symbol,
    type_from_symbol,
)
from vanban.loaders.text import CAPITALS, IMPLEMENTING_VERBS, TextView, fold

__all__ = ["find_references", "other_documents", "sentence_around"]

_TYPE_WORDS = sorted(
    {form for t in doc_types() for form in (t.name, *t.forms) if t.name not in ("Sao lục",)},
    key=len,
    reverse=True,
)
_TYPE_RE = patterns.by_first_letter(
    f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in _TYPE_WORDS)
# The same words in a title or in capitals ("Nghị Quyết số", "QUYẾT ĐỊNH SỐ"), before a number only.
_TYPE_CASES = sorted({f for w in _TYPE_WORDS for f in (" ".join(x[0].upper() + x[1:] for x in w.split()),
                                                        w.upper())}
                     - {w[0].upper() + w[1:] for w in _TYPE_WORDS}, key=len, reverse=True)
_DATE = f"{patterns.NUMERIC_DATE}|{patterns.WORDED_DATE}"
_SYMBOL = PRINTED_SYMBOL.pattern
_NUMBERED = re.compile(
    rf"(?<![\wÀ-ỹ])(?:(?P<type>{_TYPE_RE})"
    # "Tờ trình số …", "Báo cáo thẩm tra số …", "Báo cáo giải trình, tiếp thu số …", "các Tờ trình: Số …";
    # not across "và" / "hoặc" ("… văn bản quy phạm pháp luật và số 150/2025/NĐ-CP" names no Luật)
    # ("sổ", "sô": "số" as a scan may misread it)
    rf"(?:(?:,?[ \t]+(?!(?:và|hoặc)\b)[a-zđà-ỹ]+){{0,4}}[ \t]+s[ốổô]|[ \t]*:[ \t]*[Ss][ốổô])?"
    rf"|(?P<cased>{'|'.join(map(re.escape, _TYPE_CASES))})[ \t]+(?:s[ốổô]|S[ốổô]|SỐ))[ \t]*+:?[ \t]*+"
    rf"(?P<list>(?:\d+[a-z]?\s*(?:,|và)\s*)*)(?P<symbol>{_SYMBOL})",
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
    rf"(?:\s*(?:,\s*)?(?:ban hành\s+)?(?i:ngày\s*(?P<date>{_DATE})))?"  # "NGÀY 18 THÁNG 12 NĂM 2019" too
    # (a head's two titles: "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")
    r"(?:\s*(?:,\s*)?của\s+(?P<issuer>(?:(?:" + patterns.TITLE + r"),[ \t]*+(?=" + patterns.TITLE + r"))?"
    r"[^,;:()\n]+?)(?=(?<!\s)\s+(?:về|khóa|ngày|gắn|thực hiện|" + _AND_ENDS
    + r"|ban hành|đã|theo|"
    r"trong|nhằm|để|đối với|tại|(?i:quy định|hướng dẫn|ban hành|công bố|phê duyệt)|Về)\b|[,;:()\n.\"“”]|$))?"
    # A date after the issuer and before a capitalised word opens the next clause ("… của Chính
    # phủ, ngày 17 tháng 6 năm 2025 Bộ trưởng … đã ban hành …"): it is not the document's.
    rf"(?:\s*(?:,\s*)?ngày\s*(?P<date2>{_DATE})(?![ \t]+[A-ZĐÀ-Ỹ]))?"
    r"(?:\s*(?:\(\s*)?khóa\s+(?P<term>[IVXL]+)\s*\)?)?"
)
_ISSUER_END = re.compile(
    r"\s(?:thực hiện|triển khai|thành|đến|cho|tại|với|về|để|nhằm|trong|theo|ban hành|quy định|hướng dẫn|"
    r"phê duyệt|đã|được|là|có|gửi|kèm|sửa đổi|bổ sung)\b"
)
# "ban hành Kế hoạch (hành động) (của Chính phủ) …", "phê duyệt Đề án …", "sửa đổi, bổ sung, cập nhật
# Chương trình hành động …": a plan issued (or amended) to implement what follows; "(tiếp tục)
# (triển khai) thực hiện / thi hành (có hiệu quả)": implementing it.
_AMENDING = r"(?:sửa đổi|bổ sung|điều chỉnh|cập nhật)"
_ISSUING = rf"(?:ban hành|phê duyệt|{_AMENDING}(?:\s*+(?:,\s*+)?(?:và\s++)?{_AMENDING})*)"
_ISSUING_A_PLAN = (_ISSUING + r"\s+(?:" + patterns.PLAN_TYPE + r")(?:\s+hành động)?"
                   r"(?:\s+của\s+[^,;.()\n]{1,80}?)?\s+")
_TO_IMPLEMENT = (r"(?:tiếp tục\s+)?(?:triển khai\s+)?(?:" + "|".join(IMPLEMENTING_VERBS) + ")"
                 r"(?:\s+có hiệu quả)?")
# A document described as implementing another, the gap between them: "Kế hoạch 223-KH/TU … về
# (việc) thực hiện Kết luận 54-KL/TW", "Quyết định 416/QĐ-TTg … về ban hành Kế hoạch thực hiện
# Chỉ thị 37-CT/TW", "Nghị quyết 88/NQ-CP … ban hành Chương trình hành động của Chính phủ thực
# hiện Nghị quyết 10-NQ/TW", "Quyết định 1899/QĐ-TTg … ban hành Kế hoạch triển khai thi hành
# Nghị định 200/2025/NĐ-CP".
_NESTED = re.compile(
    # a date and an issuer the tail did not read (a title in capitals: "… NGÀY 18 THÁNG 12 NĂM 2019 CỦA …")
    rf"\s*+,?\s*+(?:ngày\s*(?:{_DATE})\s*)?(?:của\s+[^,;.()\n]{{1,80}}?\s+)?"
    r"(?:(?:về|để)\s+(?:việc\s+)?(?:" + _ISSUING_A_PLAN + r")?|" + _ISSUING_A_PLAN + r")"
    + _TO_IMPLEMENT + r"\s+",
    re.IGNORECASE,
)
# After a document described by its date or issuer, a bare "thực hiện" goes on describing it:
# "Chương trình số 12-CTr/TU ngày 3/8/2025 của Tỉnh ủy thực hiện Kết luận số 5-KL/TW".
_DESCRIBED_NESTED = re.compile(r"\s*(?:(?:tiếp tục|triển khai)\s+)?(?:thực hiện|thi hành)\s+")
# (Its purpose may come first: "Để chủ động phòng, chống dịch, thực hiện X, …".)
_IMPLEMENTING_SENTENCE = re.compile(
    r"^(?:(?:Để|Nhằm)\s+(?:[^;:.\n]{1,160}?,\s*)?)?(?:tiếp tục\s+)?(?:tổ chức\s+)?(?:triển khai\s+)?"
    r"(?:" + "|".join((*IMPLEMENTING_VERBS, "quán triệt")) + ")"
    # several documents of a type: "Thực hiện các Nghị quyết số 18-NQ/TW và số 19-NQ/TW"
    r"(?:\s+(?:các|những)"
    r"|(?:\s*,?\s*(?:và\s+)?(?:có hiệu quả|nghiêm túc|tốt|hiệu quả|thắng lợi|triển khai|thực hiện|"
    r"nghiêm|đầy đủ|kịp thời))*"
    # the direction a document gives: "Thực hiện (ý kiến) chỉ đạo của Ủy ban nhân dân tỉnh tại Văn bản số …"
    r"(?:\s+(?:ý kiến\s+)?chỉ đạo(?:\s+của\s+[^,;:.\n]{1,120}?)?\s+(?:tại|theo))?)\s*$",
    re.IGNORECASE,
)
# A sentence of the preamble that issues this document as a plan to implement what follows:
# "Ủy ban nhân dân tỉnh ban hành Kế hoạch hành động thực hiện X", or opens with its title
# ("Chương trình hành động của Chính phủ thực hiện X").
_ISSUING_THIS_PLAN = re.compile(
    r"(?:(?<!đã )(?<!được )\b" + _ISSUING_A_PLAN + r"|^(?:" + patterns.PLAN_TYPE + r")(?:\s+hành động)?"
    r"(?:\s+của\s+[^,;.()\n]{1,80}?)?\s+)" + _TO_IMPLEMENT + r"\s*$",
    re.IGNORECASE,
)
# How every match of _ISSUING_THIS_PLAN ends (its _TO_IMPLEMENT, in lower case): a prefix ending
# otherwise is not searched, at every position, for one.
_IMPLEMENTING_ENDS = (*IMPLEMENTING_VERBS, "có hiệu quả")
_IMPLEMENTING_SUBJECT = re.compile(
    r"^(?:V/v|Về việc|về việc|về|Về)?\s*(?:việc\s+)?(?:" + _ISSUING + r"\s+)?"
    r"(?:(?:" + patterns.PLAN_TYPE + r")(?:\s+hành động)?(?:\s+của\s+[^,;()\n]{1,80}?)?\s*)?"
    + _TO_IMPLEMENT + r"\s*$",
    re.IGNORECASE,
)
_SELF = re.compile(rf"\b(?:{_TYPE_RE})\s+này\b")
_TYPE_FIRST = re.compile(rf"^(?i:{_TYPE_RE})\s+")
# Where a subject opens on a line that names the document's type and authority before it.
_SUBJECT_OPENING = re.compile(r"(?<!\S)(?i:v/v|về)(?=\s)")


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int  # end of the whole phrase (symbol + tail)
    head_end: int  # end of the symbol or title
    ref: DocumentRef


OrganResolver = Callable[[str], OrganRef | None]


_SENTENCE_REACH = 2_000  # characters a sentence is looked for on each side of a mention


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence (or list item) holding ``text[start:end]``, cut 2,000 characters
    before and after it (so a text without stops costs each mention a bounded scan).

    >>> text = "Mở đầu. Thực hiện Kết luận 54-KL/TW; Sau đó"
    >>> s, e = sentence_around(text, 26, 35); text[s:e]
    'Thực hiện Kết luận 54-KL/TW;'
    """
    floor = max(0, start - _SENTENCE_REACH)
    left = max(text.rfind("\n", floor, start), _last_stop(text, start), floor - 1)
    ceiling = min(len(text), end + _SENTENCE_REACH)
    right = min(i for i in (text.find("\n", end, ceiling), _next_stop(text, end), ceiling) if i >= 0)
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
    last = _final_stop(text)  # a stop ending the text comes after every stop before a capital
    return last + 1 if last >= pos else -1


@lru_cache(maxsize=8)
def _final_stop(text: str) -> int:
    """The position of a stop ending the text (only spaces after it), or -1."""
    last = len(text.rstrip()) - 1
    return last if last >= 0 and text[last] in ".!?;" else -1


def other_documents(refs: Iterable[DocumentRef], symbol: str | None) -> list[DocumentRef]:
    """The references that do not name the document numbered ``symbol`` itself (a document
    does not cite itself: its number is read in its header, or a page's table gives it).

    >>> ref = DocumentRef(symbol="54-KL/TW", doc_type="Kết luận", evidence=None)
    >>> other_documents([ref], "54-kl/TW"), len(other_documents([ref], None))
    ([], 1)
    """
    own = normalize_symbol(symbol) if symbol else None
    return [r for r in refs if not (own and r.symbol and normalize_symbol(r.symbol) == own)]


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
    named = _named(text, source_file, view, offset)
    # A law named then numbered is read whole by its name, even where a type word inside its name
    # numbers it too ("Luật sửa đổi, bổ sung … của luật quản lý thuế số 56/2024/QH15").
    whole = [(m.start, m.head_end, m.ref.symbol) for m in named if m.ref.symbol]
    mentions = [m for m in mentions if not any(a < m.start and m.head_end <= b and m.ref.symbol == s
                                               for a, b, s in whole)]
    taken = [(m.start, m.end) for m in mentions]
    mentions += [m for m in named if not _overlaps(m, taken)]
    mentions += _bare_symbols(text, source_file, view, offset, mentions, resolve_issuer)
    mentions += _party_numbers(text, source_file, view, offset, mentions, resolve_issuer)
    mentions = [m for m in mentions if not any(a <= m.start < b for a, b in skip_spans)]
    mentions.sort(key=lambda m: m.start)
    mentions = _fuller_issuers(_apply_aliases(text, mentions))
    links, attached = _nested_links(text, mentions, source_file, view, offset)
    nested_targets = {id(link.target) for link in links}
    limit = len(text) if preamble_end is None else preamble_end
    first_in_subject = next((m.start for m in mentions  # mentions are in text order
                             if subject_span and subject_span[0] <= m.start < subject_span[1]), None)
    relations = [_relation(text, m, first_in_subject, subject_span, nested=id(m.ref) in nested_targets,
                           preamble_end=limit) for m in mentions]
    for plan_start, issuing in attached:  # "Thực hiện Kế hoạch thực hiện X ban hành kèm theo Y": Y is done
        if plan_start < limit and _IMPLEMENTING_SENTENCE.match(
                text[sentence_around(text, plan_start, plan_start)[0] : plan_start].strip()):
            relations[issuing] = EdgeType.IMPLEMENTS
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


def _word_starts(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching the first letter of every place one of ``words`` starts, the rest in a
    lookahead (so a word starting inside another's match is found too): one scan of a text that
    branches on the first letter, instead of one ``str.find`` pass for each word."""
    rests: dict[str, list[str]] = {}
    for word in sorted(words):
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(letter)}(?={'|'.join(rest)})" for letter, rest in rests.items()))


_TYPE_TAILS = _word_starts(_type_word_tails())
_TYPE_INITIALS = frozenset(w[0].upper() for w in _TYPE_WORDS) | {w[0].lower() for w in _TYPE_WORDS}


def _numbered_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_NUMBERED.finditer(text)``, found faster: the pattern is tried only where
    a type word's initial comes before the rest of a type word (one scan for them all), or a type
    word in a title or in capitals begins before "số", not at every character."""
    yield from _matches_from(_NUMBERED, text, _type_starts(text) | _cased_starts(text))


def _before_spaces(text: str, end: int) -> int:
    """Where the spaces and tabs right before ``end`` begin (``end`` if there are none).

    >>> _before_spaces("Kế hoạch  \tsố", 11)
    8
    """
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    return end


def _cased_starts(text: str) -> set[int]:
    """Where a type word in a title or in capitals begins before "số" (the only place _NUMBERED
    reads one): the heads found in the few characters before each "số" and the spaces before it."""
    starts: set[int] = set()
    for number in _NUMBER_WORD.finditer(text):
        word = number.start() - 1  # (the match is the word's second letter)
        end = _before_spaces(text, word)
        if end < word:
            starts.update(m.start() for m in _CASED_HEADS.finditer(text, max(0, end - _CASED_LONGEST), end))
    return starts


@lru_cache(maxsize=4)
def _type_starts(text: str) -> frozenset[int]:
    """Where a type word's initial (in either case) comes before the rest of a type word."""
    return frozenset(at - 1 for at in _occurrences(text, _TYPE_TAILS)
                     if at and text[at - 1] in _TYPE_INITIALS)


# How the type words in a title or in capitals begin (their first word and the initial of the
# next).
_CASED_HEADS = _word_starts({w.split()[0] + (" " + w.split()[1][0] if " " in w else "") for w in _TYPE_CASES})
_CASED_LONGEST = max(map(len, _TYPE_CASES))
_NUMBER_WORD = re.compile("[ốổôỐ](?<=[sS][ốổô]|SỐ)")  # "số" as _NUMBERED takes it after a cased word


def _own_numbered_matches(text: str) -> Iterator[re.Match[str]]:
    """Matches of ``_OWN_NUMBERED``, tried where a type word's initial comes before its rest."""
    if " số " not in text or not _OWN_SYMBOL.search(text):
        return iter(())
    return _matches_from(_OWN_NUMBERED, text, _type_starts(text))


# (The dash first, the digit before it tested after: a pattern opening with a literal is
# scanned for far faster than one opening with a digit.)
_OWN_SYMBOL = re.compile(rf"-(?<=\d-)[{CAPITALS}]{{2,}}[{CAPITALS}0-9]*(?![\w/-])")


def _occurrences(text: str, words: re.Pattern[str]) -> set[int]:
    """Every position where one of the words of a :func:`_word_starts` pattern starts in ``text``."""
    return {m.start() for m in words.finditer(text)}


def _matches_from(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose (non-empty) matches can only begin at
    ``starts``: the leftmost match at or after the end of the previous one, as finditer finds."""
    pos = 0
    for start in sorted(starts):
        if start >= pos and (m := pattern.match(text, start)):
            yield m
            pos = m.end()


# A document numbered by its writer without an issuer's code, after its type word and "số":
# "công văn số 1025-CVHQ".
_OWN_NUMBERED = re.compile(rf"(?<![\wÀ-ỹ])(?P<type>{_TYPE_RE})[ \t]+số[ \t]+(?P<list>)"
                           rf"(?P<symbol>\d+-[{CAPITALS}]{{2,}}[{CAPITALS}0-9]*)"
                           rf"(?![\w/-]|[ ][/-][{CAPITALS}])")  # (not "54-KL /TW", a party symbol printed)


# "văn bản số 729/BNN-TCLN", "các văn bản: Số 202/TTr-…": a generic noun names a document by
# its number; the type comes from the symbol's code (TTr: Tờ trình; a bare state code: Công văn).
_GENERIC_NUMBERED = re.compile(
    rf"(?<![\wÀ-ỹ])(?P<type>[Vv]ăn\s+bản)(?:[ \t]+số|[ \t]*:[ \t]*[Ss]ố)[ \t]*+:?[ \t]*+"
    rf"(?P<list>(?:\d+[a-z]?\s*(?:,|và)\s*)*)(?P<symbol>{_SYMBOL})",
)


def _generic_matches(text: str) -> Iterator[re.Match[str]]:
    """``_GENERIC_NUMBERED.finditer(text)``, tried only where "Văn" or "văn" is written (a pattern
    opening with a test of the character before it is tried at every character)."""
    if "ăn" not in text:
        return iter(())
    return _matches_from(_GENERIC_NUMBERED, text, {m.start() - 1 for m in _GENERIC_HEADS.finditer(text)})


_GENERIC_HEADS = re.compile("ăn(?<=[Vv]ăn)")  # (its literal first: scanned for fast)


# A type written as its code before "số": "QĐ số 123/QĐ-UBND", "CV số 456/UBND-TH" (the code's
# type, whatever the symbol's).
_TYPE_CODES = tuple(sorted({c for t in doc_types() for c in t.codes if len(c) >= 2}, key=len, reverse=True))
_CODED_NUMBERED = re.compile(
    rf"(?<![\wÀ-ỹ/.-])(?P<type>{'|'.join(map(re.escape, _TYPE_CODES))})[ \t]+số[ \t]*+:?[ \t]*+"
    rf"(?P<list>)(?P<symbol>{_SYMBOL})")
_CODE_SET = frozenset(_TYPE_CODES)
_SO = re.compile("số")  # a literal: scanned for fast
_WORD_BEFORE = re.compile(r"[A-ZĐ][A-Za-zĐđ]{1,3}$")


def _coded_matches(text: str) -> Iterator[re.Match[str]]:
    """``_CODED_NUMBERED.finditer(text)``, tried only where a code stands right before "số"."""
    starts = set()
    for so in _SO.finditer(text):
        end = _before_spaces(text, so.start())  # (each run of spaces is walked once: "số" ends it)
        if end == so.start():
            continue
        code = _WORD_BEFORE.search(text, max(0, end - 4), end)
        if code is not None and code.group() in _CODE_SET:
            starts.add(code.start())
    return _matches_from(_CODED_NUMBERED, text, starts)


def _numbered(text: str, source_file: str, view: TextView | None, offset: int,
              resolve_issuer: OrganResolver | None) -> list[_Mention]:
    out = []
    found = sorted(itertools.chain(_numbered_matches(text), _generic_matches(text), _coded_matches(text),
                                   _own_numbered_matches(text)), key=lambda m: m.start())
    for m in found:
        word = m.group("type") or m.group("cased")
        symbol = repair_symbol(m.group("symbol"))
        generic = m.re is _GENERIC_NUMBERED
        if m.re is _CODED_NUMBERED:
            doc_type: str | None = patterns.type_for_code(word)
        else:
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


def _named(text: str, source_file: str, view: TextView | None, offset: int) -> list[_Mention]:
    """Documents named in ``text`` (:mod:`.named_documents`). A name written without its number
    takes the number the text gives the same name elsewhere, before or after it (the one with
    the year it is named with, if several)."""
    out = []
    for reading in read_names(text, KnownNames.of_text(text)):
        title = _BRACKETED_TERM.sub(r"\1", reading.title) if "(" in reading.title else reading.title
        head_end = reading.end
        term_match = _TERM.search(title)
        tail = _TAIL.match(text, head_end)
        date = parse_date(tail.group("date")) if tail and tail.group("date") else None
        rule = "numbered-reference" if reading.symbol else "named-reference"
        evidence = _evidence(text, reading.start, head_end, source_file, view, offset, rule)
        ref = DocumentRef(symbol=reading.symbol, doc_type=reading.doc_type, evidence=evidence, title=title,
                          term=term_match.group(1) if term_match else None, date=date,
                          type_explicit=reading.symbol is not None)
        end = tail.end() if reading.symbol and tail else head_end
        out.append(_Mention(reading.start, end, head_end, ref))
    out += _named_by_subject(text, source_file, view, offset, [(m.start, m.end) for m in out])
    return _numbered_by_name(out)


# A normative document cited by its issuer and subject, without a number: "… thực hiện theo quy
# định tại Nghị định của Chính phủ về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất."
# ("quy định tại" cites a document in force; one still to be made is "xây dựng Nghị định …".)
# The name runs to the end of its clause.
_BY_SUBJECT = re.compile(
    rf"quy định tại (?P<name>(?P<type>{patterns.NORMATIVE_TYPE})[ \t]+của[ \t]+"
    rf"[{CAPITALS}][^,;.()\n]{{1,60}}?[ \t]+về[ \t]+(?:[^;:.()\n]){{3,200}}?)(?=\.|[;:()\n]|$)")


def _named_by_subject(text: str, source_file: str, view: TextView | None, offset: int,
                      taken: list[tuple[int, int]]) -> list[_Mention]:
    """Normative documents named by their issuer and subject (:data:`_BY_SUBJECT`), where no
    other name stands."""
    if "quy định tại" not in text:
        return []
    out = []
    for m in _BY_SUBJECT.finditer(text):
        start, end = m.span("name")
        if any(a < end and start < b for a, b in taken) or len(m.group("name").split()) > 30:
            continue
        evidence = _evidence(text, start, end, source_file, view, offset, "named-by-subject")
        title = " ".join(m.group("name").split())
        out.append(_Mention(start, end, end, DocumentRef(
            symbol=None, doc_type=_canonical_type(m.group("type")), evidence=evidence, title=title)))
    return out


def _numbered_by_name(mentions: list[_Mention]) -> list[_Mention]:
    """Name-only mentions given the number the same text writes after the same name."""
    numbers: dict[str, set[str]] = {}
    for m in mentions:
        if m.ref.symbol and m.ref.title:
            numbers.setdefault(title_key(m.ref.title)[0], set()).add(m.ref.symbol)
    if not numbers:
        return mentions
    out = []
    for m in mentions:
        if m.ref.symbol is None and m.ref.title:
            key, year = title_key(m.ref.title)
            found = sorted(s for s in numbers.get(key, ()) if year is None or f"/{year}/" in s)
            if len(found) == 1:
                m = replace(m, ref=replace(m.ref, symbol=found[0]))
        out.append(m)
    return out


_SPACES = re.compile(r"\s+")
_BRACKETED_TERM = re.compile(r"\(\s*(khóa\s+[IVXL]+)\s*\)")
_TERM = re.compile(patterns.TERM)


def _bare_symbols(text: str, source_file: str, view: TextView | None, offset: int, mentions: list[_Mention],
                  resolve_issuer: OrganResolver | None = None) -> list[_Mention]:
    """Symbols written without a type word (``… 99-QĐ/TW, 124-QĐ/TW``). One that goes on a list
    after a comma, a semicolon or "và" (``…, số 380/NQ-CP ngày 25/11/2025 của Chính phủ``) reads
    its own date and issuer after it, as a typed mention does."""
    covered = _Cover([(m.start, m.head_end) for m in mentions])
    out = []
    for m in find_printed_symbols(text):
        if covered.covers(m.start()):
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        listed = bool(_LISTED_BEFORE.search(before))
        if _NUMBER_WORD_BEFORE.search(before) and not listed:
            continue  # "Mẫu số 01/…" is a form; "Số 54-KL/TW" opens a header
        symbol = repair_symbol(m.group())
        doc_type = type_from_symbol(symbol)
        if doc_type is None or _word_after_slash(symbol):
            continue
        date = issuer = None
        end = m.end()
        if listed and (tail := _TAIL.match(text, end)) is not None:
            date = parse_date(tail.group("date") or tail.group("date2") or "")
            if tail.group("issuer") and resolve_issuer is not None:
                issuer = resolve_issuer(_ISSUER_END.split(tail.group("issuer"), 1)[0])
            end = tail.end()
        evidence = _evidence(text, m.start(), m.end(), source_file, view, offset, "bare-symbol")
        ref = DocumentRef(symbol=symbol, doc_type=doc_type, evidence=evidence, type_explicit=False, date=date,
                          issuer=issuer)
        out.append(_Mention(m.start(), end, m.end(), ref))
    return out


def _party_numbers(text: str, source_file: str, view: TextView | None, offset: int, mentions: list[_Mention],
                   resolve_issuer: OrganResolver | None) -> list[_Mention]:
    """A central Party document named by its type and bare number with its issuer (``Nghị quyết 57
    của Bộ Chính trị``, ``Chỉ thị số 05 của Bộ Chính trị``): its symbol follows from them
    (``57-NQ/TW``: the number, the type's code, the issuing organ's code, :func:`.party_symbol`).
    Only the central Party's series are one for the whole country; a state document's number
    needs its year, a local committee's its place."""
    if resolve_issuer is None:
        return []
    covered = _Cover([(m.start, m.end) for m in mentions])
    out = []
    for begin, end in _numbers_before_issuers(text):
        window = max(0, begin - 40)
        words = text[window:begin].split()[-2:]
        if not words or (words[-1] if words[-1] != "số" else words[0]).lower() not in _TYPE_LAST_WORDS:
            continue  # (most numbers: no type word before them)
        typed = _TYPE_BEFORE.search(text, window, begin)
        if typed is None or covered.covers(typed.start()):
            continue
        tail = _TAIL.match(text, end)
        if tail is None or not tail.group("issuer"):
            continue
        issuer = resolve_issuer(_ISSUER_END.split(tail.group("issuer"), 1)[0])
        doc_type = _canonical_type(typed.group("type"))
        symbol = party_symbol(text[begin:end], doc_type, issuer) if issuer is not None else None
        if symbol is None:
            continue
        evidence = _evidence(text, typed.start(), end, source_file, view, offset, "party-number")
        date = parse_date(tail.group("date") or tail.group("date2") or "")
        ref = DocumentRef(symbol=symbol, doc_type=doc_type, evidence=evidence, date=date, issuer=issuer,
                          term=tail.group("term"))
        out.append(_Mention(typed.start(), tail.end(), end, ref))
    return out


def _numbers_before_issuers(text: str) -> list[tuple[int, int]]:
    """Where a bare number stands right before "ngày" or "của" ("Nghị quyết 57 của …", "Chỉ thị số
    05 ngày …"; not a symbol's end: "57-NQ/TW của"), in order: found from the words after it (a
    search for a literal), then read backwards.

    >>> _numbers_before_issuers("Chỉ thị số 05 ngày 15/5/2016, Nghị quyết 57 của Bộ, 54-KL/TW của")
    [(11, 13), (41, 43)]
    """
    found = set()
    for word in ("của", "ngày"):
        at = text.find(word)
        while at >= 0:
            end = _before_spaces(text, at)
            if end and text[end - 1] == ",":
                end = _before_spaces(text, end - 1)
            begin = end
            while begin and end - begin < 5 and text[begin - 1].isdigit():
                begin -= 1
            bare = not (begin and _NOT_BEFORE_NUMBER.match(text, begin - 1))  # (not "54-KL/TW của")
            if begin < end and end - begin <= 4 and bare:
                found.add((begin, end))
            at = text.find(word, at + 1)
    return sorted(found)


_NOT_BEFORE_NUMBER = re.compile(r"[\w/.\-–]")
_TYPE_BEFORE = re.compile(rf"(?<![\wÀ-ỹ])(?P<type>{_TYPE_RE})[ \t]+(?:số[ \t]+)?$")
_TYPE_LAST_WORDS = frozenset(word.split()[-1].lower() for word in _TYPE_WORDS)


# A year, a slash and a word ("ngày 29 tháng 11 năm 2005/Pursuant to …" in a bilingual text):
# codes after a slash have at most two lower-case letters in a row (QĐi, CTr, TTg).
def _word_after_slash(symbol: str) -> bool:
    tail = symbol[symbol.index("/"):]
    return any(a.islower() and b.islower() and c.islower() for a, b, c in zip(tail, tail[1:], tail[2:],
                                                                               strict=False))


_NUMBER_WORD_BEFORE = re.compile(r"(?:Mẫu|mẫu)\s+số\s*$|[Ss]ố\s*:?\s*$")
# "…, số 192/TTr-…", "…; số 328/TB-…", "các Thông tư của Bộ trưởng …: số 02/2017/TT-VPCP …" (not "Số: …")
_LISTED_BEFORE = re.compile(r"(?:[,;]|và)\s*(?:số\s*)?$|:\s*số\s*$")


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


def _fuller_issuers(mentions: list[_Mention]) -> list[_Mention]:
    """One symbol cited twice in a text is one document of one issuer. When one mention's issuer
    is another's with words more, the words decide: words of a name (capitalised, or a level:
    ``tỉnh``, ``thành phố``) finish a name cut short (``… 104-CTr/TU của Tỉnh ủy Lào`` is ``Tỉnh
    ủy Lào Cai``); other words are text the name ran into (``Ủy ban nhân dân tỉnh Cao Bằng 1``,
    the number of the next item, is ``Ủy ban nhân dân tỉnh Cao Bằng``)."""
    named: dict[str, dict[str, OrganRef]] = {}
    for m in mentions:
        if m.ref.symbol and m.ref.issuer is not None:
            named.setdefault(normalize_symbol(m.ref.symbol), {}).setdefault(m.ref.issuer.name, m.ref.issuer)
    if not any(len(found) > 1 for found in named.values()):
        return mentions
    out = []
    for m in mentions:
        issuer = m.ref.issuer
        if m.ref.symbol and issuer is not None and len(others := named[normalize_symbol(m.ref.symbol)]) > 1:
            issuer = _fullest_name(issuer, list(others.values()))
        out.append(m if issuer is m.ref.issuer else replace(m, ref=replace(m.ref, issuer=issuer)))
    return out


def _fullest_name(issuer: OrganRef, others: list[OrganRef]) -> OrganRef:
    related = [o for o in others if o.name == issuer.name or o.name.startswith(issuer.name + " ")
               or issuer.name.startswith(o.name + " ")]
    shortest = min(related, key=lambda o: len(o.name))
    named = [o for o in related if all(w in _LEVEL_WORDS or (w[0].isupper() and w.isalpha())
                                       for w in o.name[len(shortest.name):].split())]
    return max(named, key=lambda o: len(o.name)) if named else issuer


_LEVEL_WORDS = frozenset(w for level in patterns.LEVEL_NAMES for w in level.split())


def _nested_links(text: str, mentions: list[_Mention], source_file: str, view: TextView | None,
                  offset: int) -> tuple[list[DerivedLink], list[tuple[int, int]]]:
    """Documents described as implementing another: ``Y … ban hành Kế hoạch thực hiện X`` (Y
    implements X), and ``Kế hoạch thực hiện X ban hành kèm theo Y``, the plan named before the
    document it is attached to; with where each plan of the second form starts and Y's index."""
    links = []
    attached = []
    for k, (outer, inner) in enumerate(itertools.pairwise(mentions)):
        gap = text[outer.end : inner.start]
        if len(gap) >= 240 or (outer.ref.symbol is None and outer.ref.title is None):
            continue
        described = outer.ref.issuer is not None or outer.ref.date is not None
        if _NESTED.fullmatch(gap) or (described and _DESCRIBED_NESTED.fullmatch(gap)):
            evidence = _evidence(text, outer.start, inner.head_end, source_file, view, offset,
                                 "nested-implements")
            links.append(DerivedLink(outer.ref, inner.ref, EdgeType.IMPLEMENTS, evidence))
        elif (inner.ref.symbol is not None and _ATTACHED_TO.fullmatch(gap)
              and (plan := _PLAN_IMPLEMENTING.search(text, max(0, outer.start - 160), outer.start))):
            evidence = _evidence(text, plan.start(), inner.head_end, source_file, view, offset,
                                 "attached-plan-implements")
            links.append(DerivedLink(inner.ref, outer.ref, EdgeType.IMPLEMENTS, evidence))
            attached.append((plan.start(), k + 1))
    return links, attached


# "… Kế hoạch (hành động) (của …) thực hiện " right before a document, and " (được) ban hành kèm theo "
# after it: the plan implementing it is attached to the next document named.
_PLAN_IMPLEMENTING = re.compile(
    r"(?:" + patterns.PLAN_TYPE + r")(?:\s+hành động)?(?:\s+của\s+[^,;.()\n]{1,80}?)?\s+" + _TO_IMPLEMENT
    + r"\s+$", re.IGNORECASE)
_ATTACHED_TO = re.compile(r"\s*+(?:,\s*+)?(?:được\s++)?ban hành kèm theo\s++", re.IGNORECASE)


_MAIN_CLAUSE = re.compile(r"\b(?:yêu cầu|đề nghị|ban hành|chỉ đạo|thông báo|hướng dẫn|như sau)\b|[:\n]")
_ATTACHED_ONLY = re.compile(r"\b(?:gắn với|theo|căn cứ|Căn cứ|đồng thời)\b")


def _extend_to_listed(text: str, mentions: list[_Mention], relations: list[EdgeType],
                      nested_targets: set[int], subject_span: tuple[int, int] | None) -> list[EdgeType]:
    """Documents listed with the head of an implementing sentence are implemented too:
    ``Thực hiện Chương trình số 104-CTr/TU …; Công văn số 2449-CV/ĐU …, Ủy ban nhân dân tỉnh
    đề nghị …`` — up to the main clause, and not after ``gắn với`` (which only attaches). A verb
    in one item's description (``Nghị quyết số 03/NQ-CP … ban hành Chương trình hành động; Kế
    hoạch số 01-KH/BCĐTW …``) is no main clause when a semicolon goes on to the next item."""
    out = list(relations)
    for i, m in enumerate(mentions):
        if relations[i] is not EdgeType.IMPLEMENTS or (
                subject_span and subject_span[0] <= m.start < subject_span[1]):
            continue
        previous = m.head_end
        for j in range(i + 1, len(mentions)):
            other = mentions[j]
            if other.start < previous:
                continue
            stretch = text[previous : other.start]
            if _MAIN_CLAUSE.search(stretch) and not _opens_next_item(stretch):
                break
            if _ATTACHED_ONLY.search(stretch):
                break
            if id(other.ref) in nested_targets:
                break  # the rest of the list describes the nested document, not this one
            out[j] = EdgeType.IMPLEMENTS
            previous = other.end
    return out


def _opens_next_item(stretch: str) -> bool:
    """Does the text between two listed documents end one item's description and open the next
    (``…; `` before the next document), with no line break, colon or new clause (``…, Ủy ban nhân
    dân tỉnh ban hành …``) in the description? The next item may open a line (``…;\n- Kế hoạch …``)."""
    stop = stretch.rfind(";")
    description, after = stretch[:stop], stretch[stop + 1 :]
    return (stop >= 0 and bool(_ITEM_OPENING.fullmatch(after)) and ":" not in description
            and "\n" not in description and not _NEW_CLAUSE.search(description))


_ITEM_OPENING = re.compile(r"\s*(?:[-–+•]\s*)?(?:và\s+)?")  # "; ", ";\n- ", "; và "


_NEW_CLAUSE = re.compile(rf",\s+[{CAPITALS}]")


def _relation(text: str, m: _Mention, first_in_subject: int | None,
              subject_span: tuple[int, int] | None, *, nested: bool,
              preamble_end: int) -> EdgeType:
    if nested:
        return EdgeType.CITES
    if subject_span and subject_span[0] <= m.start < subject_span[1]:
        if m.start != first_in_subject:
            return EdgeType.CITES
        before = text[subject_span[0] : m.start]
        opening = list(_SUBJECT_OPENING.finditer(before))  # "KẾT LUẬN CỦA BỘ CHÍNH TRỊ VỀ …": from "VỀ"
        said = before[opening[-1].start() if opening else 0 :].strip()
        said = _TYPE_FIRST.sub("", said, count=1)  # "NGHỊ QUYẾT SỬA ĐỔI …": the type line run into it
        if _IMPLEMENTING_SUBJECT.match(said):
            return EdgeType.IMPLEMENTS
        return EdgeType.CITES
    if m.start >= preamble_end:
        return EdgeType.CITES
    s, e = sentence_around(text, m.start, m.end)
    prefix = text[s : m.start].strip()
    prefix = _ITEM_MARK.sub("", prefix) if not _ITEM_NUMBER.match(prefix) else prefix
    restart = _RESTART.match(prefix)
    if restart is not None:  # "Kính gửi: Các Bộ trưởng Thực hiện …": a sentence whose line break was lost
        prefix = prefix[restart.start("opener"):]
    implementing = _IMPLEMENTING_SENTENCE.match(prefix) or (
        prefix.rstrip().lower().endswith(_IMPLEMENTING_ENDS) and _ISSUING_THIS_PLAN.search(prefix))
    if implementing and not _ISSUED_BEFORE.search(text, m.end, e):
        return EdgeType.IMPLEMENTS
    return EdgeType.CITES


# An implementing opener written with its capital inside a sentence opens a sentence of its own
# (the last of them): "Kính gửi: Các Bộ trưởng Thực hiện Kết luận …" (the addressee's line run in).
_RESTART = re.compile(r"(?s:.*)\s(?P<opener>(?:" + "|".join(
    v[:1].upper() + v[1:] for v in (*IMPLEMENTING_VERBS, "quán triệt", "tiếp tục")) + r")(?:\s|$))")


# "Triển khai thực hiện Nghị định X, ngày … Bộ trưởng … đã ban hành Thông tư Y": the sentence
# tells of another document, issued earlier to implement X; this one only cites X.
_ISSUED_BEFORE = re.compile(r"\bđã\s+ban\s+hành\b")


_ITEM_MARK = re.compile(r"^[\-–+•\d.)\s]+")
_ITEM_NUMBER = re.compile(r"^\d+\.\s")


def is_self_reference(text: str) -> bool:
    """``Kết luận này``, ``Kế hoạch này``: the document itself."""
    return bool(_SELF.search(text))
