"""Documents cited by their name, and how far a name reaches (DOMAIN.md §3, named documents).

A law is named, then numbered (``Luật Cán bộ, công chức số 80/2025/QH15``), or named alone
(``Luật Thi đua, khen thưởng``). A name may hold commas and "và", so where it ends takes
knowledge: the names of the curated registry (``data/named_documents.tsv``) and the names the
text itself writes before a number are read whole; any other name ends before the first word
that opens the rest of the sentence (``data/name_words.tsv``: ``Luật Đầu tư`` / ``bảo đảm …``),
at a number, a year or a punctuation mark. An amending law is a document of its own, named with
the laws it amends (``Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên
chức``). Party resolutions are named by their plenum or congress, plans by their period
(``Quy hoạch tỉnh X thời kỳ 2021 - 2030``), schemes by a bare number (``Đề án 06``), agreements
with their parties.

>>> known = KnownNames.of_text("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;")
>>> text = "theo Luật Thi đua, khen thưởng và Luật Đầu tư bảo đảm thống nhất"
>>> [(r.title, r.symbol) for r in read_names(text, known)]
[('Luật Thi đua, khen thưởng', None), ('Luật Đầu tư', None)]
>>> [r.title for r in read_names("Luật sửa đổi bổ sung một số điều của Luật Giá năm 2023;", known)]
['Luật sửa đổi, bổ sung một số điều của Luật Giá năm 2023']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from vanban.loaders import patterns
from vanban.loaders.lexicon import doc_types, name_words, named_documents, ordinals
from vanban.loaders.symbols import PRINTED_SYMBOL, repair_symbol
from vanban.loaders.text import CAPITALS, fold

__all__ = ["KnownNames", "NamedReading", "name_heads", "read_names", "title_key"]


@dataclass(frozen=True)
class NamedReading:
    """A document named in a text: ``text[start:end]`` is its name (with its year and number)."""

    start: int
    end: int
    title: str  # the name as written, spaces collapsed, a year as "năm 2013"
    doc_type: str
    symbol: str | None = None  # the number written after the name


_LAWS = tuple(t.name for t in doc_types() if t.kind == "law")  # longest first
# Laws cited by their name alone (an ordinance is cited with its number).
_NAMED_ALONE = frozenset(t.name for t in doc_types() if t.kind == "law" and not t.codes)
_CONSTITUTIONS = tuple(t.name for t in doc_types() if t.kind == "constitution")
_RESOLUTION = patterns.type_for_code("NQ")
_NAMED_BY = {t.name: t.named for t in doc_types() if t.named}


def name_heads() -> tuple[str, ...]:
    """The type words a name opens with: laws, the constitution, resolutions, and the types
    cited by their period, number or parties."""
    return (*_LAWS, *_CONSTITUTIONS, _RESOLUTION, *_NAMED_BY)


class KnownNames:
    """Names whose end is known before reading: the registry's (names and aliases) and those a
    text writes right before a number. Matched case- and tone-blind, token by token.

    >>> KnownNames(["Luật Địa chất và khoáng sản"]).longest_at("Luật Địa chất và Khoáng sản năm 2024", 0)
    27
    """

    def __init__(self, names: Iterable[str], base: KnownNames | None = None) -> None:
        self._by_head: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
        if base is not None:
            for head, found in base._by_head.items():
                self._by_head[head] = list(found)
        for name in names:
            tokens = tuple(fold(t) for t in _TOKEN.findall(name))
            if len(tokens) >= 2 and tokens not in self._by_head[tokens[0], tokens[1]]:
                self._by_head[tokens[0], tokens[1]].append(tokens)
                self._by_head[tokens[0], tokens[1]].sort(key=len, reverse=True)

    @classmethod
    def of_text(cls, text: str) -> KnownNames:
        """The registry's names, and the names ``text`` writes before a number, or before a date
        when they join words with commas and "và" (:func:`_name_up_to_date`)."""
        learned = []
        for start in _starts(text, _LAWS):
            if m := _NAME_THEN_NUMBER.match(text, start):
                learned.append(_spaced(m.group("title")))
            elif end := _name_up_to_date(text, start):
                learned.append(_spaced(text[start:end]))
        return cls(learned, _registry_names()) if learned else _registry_names()

    def longest_at(self, text: str, start: int) -> int | None:
        """End of the longest known name written at ``start`` (None if none is)."""
        tokens = _TOKEN.finditer(text, start, min(len(text), start + 400))
        first, second = next(tokens, None), next(tokens, None)
        if first is None or second is None:
            return None
        found = self._by_head.get((fold(first.group()), fold(second.group())))
        if not found:
            return None
        read = [(fold(first.group()), first.end()), (fold(second.group()), second.end())]
        for name in found:  # longest first
            while len(read) < len(name) and (token := next(tokens, None)) is not None:
                read.append((fold(token.group()), token.end()))
            if len(name) <= len(read) and all(a == b for a, (b, _) in zip(name, read, strict=False)):
                return read[len(name) - 1][1]
        return None


_TOKEN = re.compile(r"\w+|[^\w\s]")


@cache
def _registry_names() -> KnownNames:
    return KnownNames(n for d in named_documents() for n in (d.name, *d.aliases))


def title_key(title: str) -> tuple[str, int | None]:
    """A name's comparison key and the year written with it.

    >>> title_key("Luật Đất  đai năm 2013"), title_key("Luật sửa đổi bổ sung một số Điều của Luật Giá")
    (('luat dat dai', 2013), ('luat sua doi, bo sung mot so dieu cua luat gia', None))
    """
    year = _YEAR_AT_END.search(title)
    if year:
        title = title[: year.start()]
    return fold(_AMENDING_WORDS.sub("sửa đổi, bổ sung", title)), int(year.group(1)) if year else None


_YEAR_AT_END = re.compile(r"(?<!\s)\s+năm\s+(\d{4})$")
_AMENDING_WORDS = re.compile(r"(?i)sửa đổi,?\s*bổ sung")


def read_names(text: str, known: KnownNames | None = None) -> Iterator[NamedReading]:
    """The documents ``text`` names, left to right, none inside another."""
    known = known if known is not None else KnownNames.of_text(text)
    pos = 0
    for start in sorted(_starts(text, name_heads())):
        if start < pos:
            continue
        reading = _read_at(text, start, known)
        if reading is not None:
            pos = reading.end
            if reading.symbol or not _DRAFTING.search(text, max(0, start - 40), start):
                yield reading


# "Xây dựng Quy hoạch … giai đoạn 2031 - 2040", "dự thảo Luật …": a document still to be made.
_DRAFTING = re.compile(r"(?i:\b" + patterns.alternation(name_words("drafting")) + r")[ \t]+$")


def _starts(text: str, heads: Iterable[str]) -> set[int]:
    """Where one of ``heads`` starts a word in ``text``."""
    found = set()
    for head in heads:
        at = text.find(head)
        while at >= 0:
            if not (at and (text[at - 1].isalnum() or text[at - 1] == "_")):
                found.add(at)
            at = text.find(head, at + 1)
    return found


def _read_at(text: str, start: int, known: KnownNames) -> NamedReading | None:
    head = next((h for h in name_heads() if text.startswith(h, start)), None)
    if head in _LAWS:
        return _law(text, start, head, known)
    if head in _CONSTITUTIONS:
        m = _CONSTITUTION.match(text, start)
        return _reading(m, head) if m else None
    if head == _RESOLUTION:
        plenum = _plenum(text, start)
        if plenum is not None:
            return plenum
        m = _PARTY_RESOLUTION.match(text, start)
        return _reading(m, head) if m else None
    kind = _NAMED_BY.get(head or "")
    period = _PERIOD_NAMED.match(text, start) if kind == "period" else None
    if period and not _word_run(text, period.start("name"), _NOT_NAME):  # not "… trên địa bàn tỉnh …"
        return _reading(period, period.group("type"))
    if kind == "number" and (m := _NUMBER_NAMED.match(text, start)):
        return _reading(m, m.group("type"))
    if kind == "parties" and (m := _PARTIES_NAMED.match(text, start)):
        return NamedReading(start, m.end(), with_abbreviations(_spaced(m.group())), head or "")
    return None


def _reading(m: re.Match[str], doc_type: str) -> NamedReading:
    return NamedReading(m.start(), m.end(), _spaced(m.group()), doc_type)


# --- laws ------------------------------------------------------------------------------------
_SYMBOL = PRINTED_SYMBOL.pattern
# A number after a name: "số 59/2020/QH14", or a legislature's number alone ("Luật Giá 16/2023/QH15").
_NUMBER = (rf"[ \t]*+,?[ \t]*+(?:[Ss]ố[ \t]*+:?[ \t]*+(?P<symbol>{_SYMBOL})"
           rf"|(?=\d+/\d{{4}}/(?:UBTV)?QH)(?P<bare>{_SYMBOL}))")
_NUMBER_RE = re.compile(_NUMBER)
_LAW = patterns.LAW_TYPE
# A law or ordinance named, then numbered: its name may hold commas and "và" ("Luật Cán bộ, công
# chức số 80/2025/QH15"), up to its number; an amending law's name holds the names it amends
# ("Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14").
_NAME_THEN_NUMBER = re.compile(
    r"(?P<title>" + _LAW + r"[ \t]+[Ss]ửa đổi,?[ \t]*bổ sung[ \t]+[^;.()\n“”\"]{3,240}?"
    r"|" + _LAW + r"[ \t]+(?!(?:số|này|và|các|của)\b)[^\W\d_]"
    r"(?:(?![ \t](?:số|" + patterns.NORMATIVE_TYPE + r"|ngày)\b)[^;.()\n:“”\"]){0,120}?)"
    rf"(?={_NUMBER})"
)
_AMENDING = re.compile(_LAW + r"[ \t]+[Ss]ửa đổi,?[ \t]*bổ sung(?:[ \t]+một[ \t]+số[ \t]+[Đđ]iều)?"
                       r"(?:[ \t]+(?:của|tại))?(?:[ \t]+các)?[ \t]+")
_AMENDED_HEAD = re.compile(r"(?i:bộ luật|luật|pháp lệnh|hiến pháp)[ \t]+")
_AMENDED_NEXT = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+)(?=(?i:bộ luật|luật|pháp lệnh|hiến pháp)[ \t])")
_YEAR = re.compile(r"(?:[ \t]+năm)?[ \t]+((?:19|20)\d{2})(?![\d/.-])")


def _law(text: str, start: int, head: str, known: KnownNames) -> NamedReading | None:
    numbered = _NAME_THEN_NUMBER.match(text, start)
    if numbered:
        title_end = numbered.end("title")
        longer = known.longest_at(text, start)
        number: re.Match[str] | None
        if longer and longer > title_end and (after := _NUMBER_RE.match(text, longer)):
            title_end = longer  # "Luật Công nghiệp công nghệ số" + "71/2025/QH15"
            number = after
        else:
            number = _NUMBER_RE.match(text, title_end)
        if number is not None:
            symbol = repair_symbol(number.group("symbol") or number.group("bare"))
            return NamedReading(start, number.end(), _titled(text[start:title_end]), head, symbol)
    if head not in _NAMED_ALONE:
        return None
    amending = _AMENDING.match(text, start)
    if amending:
        end = _amended_names_end(text, amending.end(), known)
        if end is None:
            return None  # "Luật sửa đổi" alone, or amending "37 luật có liên quan": no name read
    else:
        end = _name_end(text, start, len(head), known)
        if end is None:
            return None
    title = _titled(text[start:end])
    year = _YEAR.match(text, end)
    if year:
        title, end = f"{title} năm {year.group(1)}", year.end()
    after_name = _NUMBER_RE.match(text, end)
    printed = repair_symbol(after_name.group("symbol") or after_name.group("bare")) if after_name else None
    return NamedReading(start, after_name.end() if after_name else end, title, head, printed)


def _amended_names_end(text: str, pos: int, known: KnownNames) -> int | None:
    """End of the names an amending law lists (``Luật Cán bộ, công chức và Luật Viên chức``)."""
    end = None
    while (head := _AMENDED_HEAD.match(text, pos)) is not None:
        name_end = _name_end(text, pos, len(head.group().rstrip()), known, any_case=True)
        if name_end is None:
            break
        end = name_end
        year = _YEAR.match(text, end)
        end = year.end() if year else end
        following = _AMENDED_NEXT.match(text, end)
        if following is None:
            break
        pos = following.end()
    return end


def _name_end(text: str, start: int, head_length: int, known: KnownNames, *,
              any_case: bool = False) -> int | None:
    """End of a law's name whose type word ends at ``start + head_length`` (None if no name
    follows): a known name read whole, else the words up to one that ends a name."""
    pos = start + head_length
    space = _SPACE.match(text, pos)
    if space is None:
        return None  # "Luật" at the end of a line or a table cell names nothing
    first = space.end()
    longer = known.longest_at(text, start)
    if not first < len(text) or not text[first].isalpha() or _word_run(text, first, _NOT_NAME):
        return longer
    end = _generic_end(text, first)
    if longer and longer >= end:
        return longer
    words = text[first:end].split()
    if len(words) > 1 and all(w[0].isupper() for w in words):
        return None  # "Luật Việt Nam", a title-cased heading: not a law's name
    if not any_case and not text[first].isupper() and len(words) > 6:
        return None  # a long lower-case run is prose, not a name
    return end


_SPACE = re.compile(r"[ \t]+")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_GAP = re.compile(r"[ \t]+|,[ \t]*(?=(?:chống|chữa)\b)")  # "Luật Phòng, chống tham nhũng"
_MAX_NAME_WORDS = 20


def _generic_end(text: str, pos: int) -> int:
    """End of the words from ``pos`` that a name may hold: up to a word that ends a name, a
    digit, a punctuation mark or a line's end."""
    end = pos
    for _ in range(_MAX_NAME_WORDS):
        word = _WORD.match(text, pos)
        if word is None or (pos > end and _word_run(text, pos, _ENDS)):
            break
        end = word.end()
        gap = _GAP.match(text, end)
        if gap is None:
            break
        pos = gap.end()
    return end


def _name_up_to_date(text: str, start: int) -> int | None:
    """End of a law's name that joins words with commas or "và" up to its date ("Luật Phòng
    cháy, chữa cháy và cứu nạn, cứu hộ ngày 29 tháng 11 năm 2024") or, named by a basis of the
    preamble, up to the basis's end ("Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ;"),
    else None. Each word after a comma or "và" is in lower case and none opens the rest of a
    sentence (``data/name_words.tsv``), so "Luật Đất đai và các văn bản …" is no such name.

    >>> text = "Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ ngày 29 tháng 11 năm 2024;"
    >>> text[7 : _name_up_to_date(text, 7)]
    'Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ'
    >>> _name_up_to_date("theo Luật Đất đai và Luật Xây dựng ngày 1/7/2024", 5) is None
    True
    """
    head = next((h for h in _LAWS if text.startswith(h, start)), None)
    space = _SPACE.match(text, start + len(head)) if head else None
    if space is None or not text[space.end() : space.end() + 1].isupper():
        return None
    basis = _BASIS_BEFORE.search(text, max(0, start - 12), start) is not None
    pos, joined = space.end(), False
    for _ in range(_MAX_NAME_WORDS):
        word = _WORD.match(text, pos)
        if word is None or _word_run(text, pos, _ENDS):
            return None
        end = word.end()
        if joined and (_CLOSED_BY_DATE.match(text, end) or (basis and _BASIS_END.match(text, end))):
            return end
        gap = _NAME_JOINER.match(text, end)
        if gap is not None:
            joined = True
            pos = gap.end()
            if not text[pos : pos + 1].islower():
                return None
            continue
        space = _SPACE.match(text, end)
        if space is None:
            return None
        pos = space.end()
    return None


_NAME_JOINER = re.compile(r"[ \t]*+,[ \t]*+|[ \t]++và[ \t]++")
_CLOSED_BY_DATE = re.compile(r"[ \t]*+,?+[ \t]*+(?:ngày[ \t]++\d|năm[ \t]++(?:19|20)\d\d(?!\d))")
_BASIS_END = re.compile(r"[ \t]*+(?:[;.]|\n|$)")
_BASIS_BEFORE = re.compile(r"(?:^|\n)[ \t]*[Cc]ăn cứ[ \t]+$")


def _word_run(text: str, pos: int, phrases: dict[str, tuple[str, ...]]) -> bool:
    """Does one of ``phrases`` (indexed by their first word) stand as words at ``pos``?"""
    word = _WORD.match(text, pos)
    if word is None:
        return False
    for phrase in phrases.get(word.group(), ()):
        after = pos + len(phrase)
        if text.startswith(phrase, pos) and (after == len(text) or not (text[after].isalnum()
                                                                        or text[after] == "_")):
            return True
    return False


def _by_first_word(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for phrase in words:
        out[phrase.split()[0]].append(phrase)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in out.items()}


_ENDS = _by_first_word((*name_words("end"), *name_words("end_within")))
_NOT_NAME = _by_first_word((*name_words("end"), *name_words("not_name")))


def _titled(name: str) -> str:
    """A name as a title: spaces collapsed, an amending law's phrase in one spelling."""
    return _AMENDING_PHRASE.sub("sửa đổi, bổ sung một số điều", _spaced(name))


_AMENDING_PHRASE = re.compile(r"sửa đổi,? ?bổ sung một số [Đđ]iều")


def _spaced(text: str) -> str:
    return " ".join(text.split())


# --- the constitution and party resolutions ----------------------------------------------------
_CONSTITUTION = re.compile(patterns.CONSTITUTION + r"(?:\s+năm\s+\d{4}"
                           r"|\s+nước Cộng hòa xã hội chủ nghĩa Việt Nam(?:\s+năm\s+\d{4})?)?")
_PARTY_RESOLUTION = re.compile(
    _RESOLUTION + r"\s+(?:Hội nghị\s+(?:lần thứ\s+\S+\s+)?)?"
    r"(?:Ban Chấp hành\s+)?Trung ương\s+\d+"  # one name, not a list: "Nghị quyết Trung ương 4"
    r"(?:\s*(?:\(\s*)?khóa\s+[IVXL]+\)?)?"
    r"|" + _RESOLUTION + r"\s+Đại hội\s+(?:Đảng(?!\s+bộ)\s+)?(?:đại biểu\s+)?(?:toàn quốc\s+)?"
    r"(?:Đảng bộ\s+(?:" + patterns.LEVEL + r"|Khối|khối)"
    r"(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹđ]*)*\s+)?"
    r"(?:lần thứ\s+)?[IVXL]+\b(?:\s+của\s+Đảng(?!\s+bộ)(?:\s+Cộng sản Việt Nam)?)?"
)


def _plenum(text: str, start: int) -> NamedReading | None:
    """A resolution of a plenum of the Party's Central Committee, in any of its wordings, under one
    title: ``Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng (khóa XIII)``,
    ``Nghị quyết Trung ương 8 khóa XIII`` → ``Nghị quyết Trung ương 8 khóa XIII``.

    >>> _plenum("Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng (khóa XIII) về", 0).title
    'Nghị quyết Trung ương 8 khóa XIII'
    """
    m = _PLENUM.match(text, start)
    if m is None:
        return None
    number = m.group("number") or m.group("digits")
    if number is None:
        number = str(ordinals().get(m.group("ordinal").lower(), "")) if m.group("ordinal") else ""
    if not number:
        return None
    term = f" khóa {m.group('term')}" if m.group("term") else ""
    return NamedReading(start, m.end(), f"{_RESOLUTION} Trung ương {number}{term}", _RESOLUTION)


_ORDINAL = "|".join(sorted(map(re.escape, ordinals()), key=len, reverse=True))
_PLENUM = re.compile(
    _RESOLUTION + r"[ \t]+(?:của[ \t]+)?(?:Hội nghị[ \t]+)?"
    rf"(?:lần thứ[ \t]++(?:(?P<digits>\d{{1,2}})|(?P<ordinal>(?i:{_ORDINAL})))(?![\wà-ỹ])[ \t]++)?"
    r"(?:Ban Chấp hành[ \t]+)?Trung ương"  # one name, not a list: the Central Committee
    r"(?:[ \t]+Đảng(?![ \t]+bộ))?(?:[ \t]+(?P<number>\d{1,2})(?![\d/.-]))?"
    r"(?:[ \t]*+(?:\([ \t]*+)?khóa[ \t]++(?P<term>[IVXL]+)\b(?:[ \t]*+\))?)?"
)


# --- plans, schemes and agreements -----------------------------------------------------------
_PERIOD = r"(?:19|20)\d{2}"
# "Quy hoạch tỉnh Lào Cai thời kỳ 2021 - 2030, tầm nhìn đến năm 2050": the period ends the name;
# the name holds no other type word.
_PERIOD_NAMED = re.compile(
    rf"(?P<type>{patterns.PERIOD_NAMED_TYPE})[ \t]+(?P<name>(?=[^\W\d_]))"
    rf"(?:(?!{patterns.TYPE_NAME}\b)[^;.()\n:\"“”]){{1,200}}?[ \t]+(?:thời kỳ|giai đoạn)[ \t]+{_PERIOD}"
    rf"[ \t]*[-–][ \t]*{_PERIOD}(?:,?[ \t]+tầm nhìn(?:[ \t]+đến)?(?:[ \t]+năm)?[ \t]+{_PERIOD})?"
)
# "Đề án 06", "Chương trình 135": a bare number, neither a year nor an amount nor a symbol.
_NUMBER_NAMED = re.compile(
    rf"(?P<type>{patterns.NUMBER_NAMED_TYPE})[ \t]+(?!{_PERIOD}\b)\d{{2,4}}[a-z]?"
    r"(?![\w/.,:-]|[ \t]*(?:năm|tháng|ngày|giờ|%|người|tỷ|triệu|nghìn|ha)\b)"
)
# "Hiệp định Thương mại giữa Chính phủ nước CHXHCN Việt Nam và Chính phủ nước CHDCND Lào": a
# capitalised name with its parties, up to a word that tells of it ("ký ngày", "giai đoạn", …).
_PARTIES_NAMED = re.compile(
    rf"{patterns.PARTIES_NAMED_TYPE}[ \t]+(?=[{CAPITALS}])"
    r"(?:(?![ \t](?:ký|được|giai đoạn|thời kỳ|ngày|có hiệu lực|do|để|theo|tại|đã|thì|nhằm|và các|cùng|"
    r"năm|số)\b)[^;.\n:\"“”,(]|\([" + CAPITALS + r"]{2,}\)){1,200}"
)


def with_abbreviations(title: str) -> str:
    """A name with each abbreviation defined in brackets standing for the words it abbreviates,
    so that both ways of writing it are one name.

    >>> with_abbreviations("Hiệp định giữa nước Cộng hòa Dân chủ Nhân dân Lào (CHDCND) và nước X")
    'Hiệp định giữa nước CHDCND Lào và nước X'
    """
    out = title
    pos = 0
    while (m := _ABBREVIATION.search(out, pos)) is not None:
        abbreviation = m.group(1)
        words = out[: m.start()].split()
        shortened = None
        for skip in (0, 1):  # the words right before the bracket, or all but the last (a country's name)
            end = len(words) - skip
            begin = end - len(abbreviation)
            run = words[begin:end] if begin >= 0 else []
            if run and "".join(w[0] for w in run).upper() == abbreviation:
                shortened = " ".join([*words[:begin], abbreviation, *words[end:]])
                break
        if shortened is None:
            pos = m.end()
        else:
            out, pos = shortened + out[m.end():], len(shortened)
    return out


_ABBREVIATION = re.compile(r"(?<![ \t])[ \t]*\(([" + CAPITALS + r"]{2,})\)")
