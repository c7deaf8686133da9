"""Regular expressions built from the lexicon (:mod:`.lexicon`), the way a citation extractor
builds its patterns from a reporters database: the rules import these pieces and never write
a type word, an organ word, a title, a level or a motto themselves.

Pieces are pattern *sources* (strings to put inside a larger pattern) unless their name ends
in ``_RE`` (compiled). Alternations list the longest entry first, so that a longer word wins
over a word it begins with ("Tổng cục" before "Tổng", "thị xã" before "xã").

>>> re.fullmatch(LEVEL, "thị xã") is not None, re.fullmatch(COMMITTEE, "Huyện ủy") is not None
(True, True)
>>> bool(MOTTO_RE.search("CỘNG HOA XÃ HỘI CHỦ NGHĨA VIỆT NAM")), bool(MOTTO_RE.search("Độc lập-Tự do"))
(True, False)
>>> bool(re.match(ORGAN_HEAD, "Hội nghị")), bool(re.match(ORGAN_HEAD, "Hội Nông dân"))
(False, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from vanban.loaders.lexicon import (
    abbreviations,
    attachment_headings,
    capacities,
    committees,
    doc_types,
    issuer_codes,
    levels,
    mottos,
    organ_words,
    ranks,
    subject_openings,
    titles,
)
from vanban.loaders.text import CAPITALS, fold

__all__ = [
    "ABBREVIATED_BODY",
    "ANY_ORGAN_WORD",
    "ATTACHMENT_HEADING",
    "CAPACITY",
    "COMMITTEE",
    "COMMITTEE_ANY_CASE",
    "COMMITTEE_UNIT",
    "COMMITTEE_WORDS",
    "CONSTITUTION",
    "DATE_GROUPS",
    "DEPUTY",
    "HEADER_DATE",
    "HEADER_DATE_FOLDED",
    "HEADER_NUMBER_TYPE",
    "HEAD_TITLE",
    "ISSUED_TYPE",
    "LAW_TYPE",
    "LEVEL",
    "LEVEL_NAMES",
    "LOCALITY_COMMITTEE",
    "LOCAL_COMMITTEE",
    "MOTTO_BEGINNING_RE",
    "MOTTO_FOLDED",
    "MOTTO_OPENING_FOLDED",
    "MOTTO_RE",
    "NORMATIVE_TYPE",
    "NUMBER_NAMED_TYPE",
    "NUMERIC_DATE",
    "ORGAN_HEAD",
    "ORGAN_MENTION",
    "PARTIES_NAMED_TYPE",
    "PARTY_CODE",
    "PEOPLES_COMMITTEE",
    "PERIOD_NAMED_TYPE",
    "PLAN_TYPE",
    "PROVINCE_NAMES",
    "PROVINCE_OR_DISTRICT",
    "PROVINCE_OR_DISTRICT_NAMES",
    "RANK",
    "SIGNATURE_TITLE",
    "SIGNATURE_TITLE_FORMS",
    "SIGNATURE_TITLE_WORDS",
    "STATE_COMMITTEE",
    "STATE_ORGAN",
    "SUBJECT_OPENING",
    "TERM",
    "TITLE",
    "TITLE_CODE",
    "TYPE_NAME",
    "TYPE_WORD",
    "TYPE_WORD_ANY_CASE",
    "UNIT_HEADING",
    "WORDED_DATE",
    "alternation",
    "by_first_letter",
    "is_local_code",
    "is_party_code",
    "type_for_code",
]


def alternation(words: Iterable[str], case: str = "as written") -> str:
    """``(?:a|b|…)`` of ``words``, longest first, escaped; ``case`` is "as written", "upper",
    "lower" or "initial" (the first letter in either case). The words are grouped by their
    first letter (:func:`by_first_letter`).

    >>> alternation(["Bộ", "Ban Chỉ đạo", "Sở"], "upper"), alternation(["Kế hoạch"], "initial")
    ('(?:B(?:AN\\\\ CHỈ\\\\ ĐẠO|Ộ)|SỞ)', '(?:[Kk]ế\\\\ hoạch)')
    """
    forms = set()
    for word in words:
        if case == "upper":
            forms.add(re.escape(word.upper()))
        elif case == "lower":
            forms.add(re.escape(word.lower()))
        elif case == "initial":
            forms.add(f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}")
        else:
            forms.add(re.escape(word))
    return by_first_letter(sorted(forms, key=lambda f: (-len(f), f)))


_FIRST_TOKEN = re.compile(r"\\.|\[[^\]]*\]|.", re.DOTALL)  # an escaped character, a class or a character


def by_first_letter(forms: Iterable[str]) -> str:
    r"""``(?:a|b|…)`` of escaped ``forms``, in their order, the forms opening with the same
    letter (or class) made one branch: ``(?:B(?:AN|Ộ)|SỞ)``. It matches exactly what the plain
    alternation matches (at a position only the forms opening with its letter can match, and
    they are tried in the same order), and the engine tries a handful of branches at each
    position instead of every form.

    >>> by_first_letter(["BAN", "SỞ", "BỘ", r"\.X"])
    '(?:B(?:AN|Ộ)|SỞ|\\.X)'
    """
    groups: dict[str, list[str]] = {}
    for form in forms:
        first = _FIRST_TOKEN.match(form)
        head = first.group() if first else ""
        groups.setdefault(head, []).append(form[len(head):])
    branches = [head + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
                for head, rests in groups.items()]
    return "(?:" + "|".join(branches) + ")"


# --- places and committees ---------------------------------------------------------------
LEVEL_NAMES = tuple(lv.name for lv in levels())
PROVINCE_NAMES = tuple(lv.name for lv in levels() if lv.tier == "province")
PROVINCE_OR_DISTRICT_NAMES = tuple(lv.name for lv in levels() if lv.tier in ("province", "district"))
LEVEL = alternation(LEVEL_NAMES)  # "tỉnh|thành phố|huyện|…" as written in names
PROVINCE_OR_DISTRICT = alternation(PROVINCE_OR_DISTRICT_NAMES)
COMMITTEE = alternation(c.name for c in committees())
# Committees of one locality named by a level word or a place: "Tỉnh ủy X", "Ủy ban nhân dân tỉnh X".
LOCAL_COMMITTEE = alternation(c.name for c in committees() if c.side in ("party", "state")
                              and c.name != "Đảng ủy Khối")
# Committees that govern a locality, named by its level or its place: "Tỉnh ủy X", "Ủy ban nhân
# dân tỉnh X" (not a grassroots "Đảng ủy", whose series is its own).
LOCALITY_COMMITTEE = alternation(c.name for c in committees() if c.side != "mass" and (
    c.level or c.side == "state"))
STATE_COMMITTEE = alternation(c.name for c in committees() if c.side == "state")
# The same committees as written in any text: the words after the first in either case
# ("Đảng ủy khối", "Ủy ban Nhân dân").
COMMITTEE_ANY_CASE = "(?:" + "|".join(
    re.escape(c.name.split()[0]) + "".join(f"\\s+[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}"
                                           for w in c.name.split()[1:])
    for c in committees()) + ")"
# The parts of a committee named after it: "Ban Thường vụ Tỉnh ủy X", "Văn phòng Huyện ủy Y".
COMMITTEE_UNIT = alternation(w.word for w in organ_words() if w.of_committee)
# Committee words of two syllables, whose spelling is restored ("tinh uỷ" → "tỉnh ủy", "dang bo").
COMMITTEE_WORDS = tuple(sorted({c.name for c in committees() if len(c.name.split()) == 2} | {
    w.word for w in organ_words() if len(w.word.split()) == 2 and (
        fold(w.word).split()[1] == "uy" or fold(w.word).split()[0] == "dang")}))


PEOPLES_COMMITTEE = abbreviations()["UBND"]  # "Ủy ban nhân dân", the state body of a locality


def committee_of_level(level: str) -> str | None:
    """The party committee of an administrative level (``tỉnh`` → ``Tỉnh ủy``).

    >>> committee_of_level("huyện"), committee_of_level("xã")
    ('Huyện ủy', None)
    """
    return next((c.name for c in committees() if c.side == "party" and c.level == level), None)


def committees_of_level(level: str) -> tuple[str, ...]:
    """Every committee named by an administrative level, the party's first (``tỉnh`` →
    ``Tỉnh ủy``, ``Tỉnh đoàn``)."""
    return tuple(c.name for c in sorted(committees(), key=lambda c: c.side != "party") if c.level == level)


def level_of_committee(name: str) -> str | None:
    """The administrative level a committee governs (``Thành ủy`` → ``thành phố``)."""
    return next((c.level for c in committees() if fold(c.name) == fold(name) and c.level), None)


# --- organs --------------------------------------------------------------------------------
def _guarded(word: str, not_before: str) -> str:
    if not not_before:
        return re.escape(word)
    follower = re.escape(not_before)
    return f"{re.escape(word)}(?!\\s*{follower})" if not not_before[0].isalpha() else (
        f"{re.escape(word)}(?!\\s+{follower})")


def _organ_alternation(names_only: bool) -> str:
    words = [w for w in organ_words() if w.opens_names or not names_only]
    return "(?:" + "|".join(_guarded(w.word, w.not_before) for w in words) + ")"


# Words that open a capitalised organ name, as written: also where a name ends ("Bộ Tài chính và
# Ngân hàng Nhà nước", "Bộ Chính trị, Ban Bí thư").
ORGAN_HEAD = _organ_alternation(names_only=True) + r"\b"
TITLE = alternation(t.title for t in titles())
DEPUTY = "Phó"
# What a mention of a body opens with (case-blind): an organ word, a group ("Các …" is checked
# by the rule that uses this), an office holder ("Giám đốc Sở X", "Phó Chủ tịch …").
ORGAN_MENTION = "(?:" + _organ_alternation(names_only=False) + "|" + TITLE + "|" + DEPUTY + ")"
# Any word that opens an organ's name or a mention of one, as written ("Bộ", "Đài", "Học viện").
ANY_ORGAN_WORD = _organ_alternation(names_only=False) + r"\b"
# An abbreviated body or body word as written ("UBND", "HĐND", "UBMTTQVN"), not a place ("TP").
ABBREVIATED_BODY = alternation(short for short, long in abbreviations().items()
                               if re.match(ANY_ORGAN_WORD, long, re.IGNORECASE)) + r"\b"
# An abbreviated office title ("PCT" for Phó Chủ tịch, "CT" for Chủ tịch before a body).
TITLE_CODE = alternation(short for short, long in abbreviations().items()
                         if re.fullmatch(rf"(?:{DEPUTY}\s+)?{TITLE}", long))
# A unit written under its parent in a header column: "BỘ TÀI CHÍNH" / "CỤC THUẾ".
UNIT_HEADING = alternation((w.word for w in organ_words() if w.unit), "upper") + r"\b"
# Bodies whose name goes on with their charge: "Ban Chỉ đạo quốc gia về phòng thủ dân sự".
CHARGED_BODY = alternation(w.word for w in organ_words() if w.charged)
# Bodies of the state only: a party series (…/TU, …/TW) is never issued by one of them. (Not a
# party body whose name opens with a state word: "Bộ Chính trị" is no "Bộ".)
STATE_ORGAN = ("(?!" + alternation(w.word for w in organ_words() if w.side == "party") + r"\b)"
               + alternation([w.word for w in organ_words() if w.side == "state"]
                             + [c.name for c in committees() if c.side == "state"]) + r"\b")


# --- titles and signatures -------------------------------------------------------------------
# A title in a signature block, in capitals ("PHÓ CHỦ TỊCH", "KT. BỘ TRƯỞNG"), not inside an
# organ's name ("BAN BÍ THƯ").
# The titles alone (a quick search: a lookbehind before an alternation makes the regex engine
# try it at every position), then with the word boundaries a title stands between.
SIGNATURE_TITLE_FORMS = tuple(sorted({t.title.upper() for t in titles() if t.signs} | {DEPUTY.upper()}))
SIGNATURE_TITLE_WORDS = "(?:" + alternation(SIGNATURE_TITLE_FORMS) + ")"
# (A deputy's word after "BAN" is a title too: "K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN".)
SIGNATURE_TITLE = (r"\b(?:" + DEPUTY.upper() + r"\b|(?<!BAN )" + SIGNATURE_TITLE_WORDS + r")\b")
# The title of a head, as written before the body it heads: "Giám đốc Sở X".
HEAD_TITLE = alternation(t.title for t in titles() if t.heads)
CAPACITY = alternation(capacities())
# A rank or academic title, its dots and spaces optional ("GS.TS.", "GS. TS", "Đại tá").
RANK = alternation(ranks()).replace(r"\.", r"\.?").replace(r"\ ", r"\s*")


# --- documents -----------------------------------------------------------------------------
TYPE_NAME = alternation(form for t in doc_types() for form in (t.name, *t.forms))
TYPE_WORD = alternation((form for t in doc_types() for form in (t.name, *t.forms)), "initial")
# "… ban hành Kế hoạch …": a body issuing a document of a type.
ISSUED_TYPE = r"ban hành\s+" + alternation(t.name for t in doc_types() if t.name != "Sao lục")
# "PHỤ LỤC", "Danh mục …", "Mẫu số 03": as written or in capitals, a form's heading with its number.
ATTACHMENT_HEADING: str = "(?:" + "|".join(
    alternation([h, h.upper()]) + (r"\s*(?:(?i:số)\s*)?\d+[A-Za-z]?\b" if numbered else r"\b")
    for h, numbered in attachment_headings()) + ")"


# The types a header names its number with: "Luật số: 140/2025/QH15", "Nghị quyết số: …".
HEADER_NUMBER_TYPE: str = alternation(t.name for t in doc_types() if t.header_number)
def type_for_code(code: str) -> str:
    """The type a symbol code stands for (``NQ`` → ``Nghị quyết``).

    >>> type_for_code("NQ"), type_for_code("CTr")
    ('Nghị quyết', 'Chương trình')
    """
    return next(t.name for t in doc_types() if code in t.codes)


# Laws, named by their name and numbered after it ("Luật Đất đai số 31/2024/QH15").
LAW_TYPE = alternation(t.name for t in doc_types() if t.kind == "law")
CONSTITUTION = alternation(t.name for t in doc_types() if t.kind == "constitution")
# Legal normative documents (văn bản quy phạm pháp luật): a law's name ends before one of them.
NORMATIVE_TYPE = alternation(t.name for t in doc_types() if t.normative)
# Programmes, plans and schemes: "Ban hành Kế hoạch thực hiện X" implements X.
PLAN_TYPE = alternation((form for t in doc_types() if t.kind == "plan" for form in (t.name, *t.forms)),
                        "initial")
# Types cited without a symbol (doc_types.tsv, column named): by a name that ends with the period
# it covers ("Quy hoạch tỉnh X thời kỳ 2021 - 2030"), by a bare number ("Đề án 06"), with the
# parties of an agreement ("Hiệp định Thương mại giữa … và …").
PERIOD_NAMED_TYPE = alternation(t.name for t in doc_types() if t.named == "period")
NUMBER_NAMED_TYPE = alternation(t.name for t in doc_types() if t.named == "number")
PARTIES_NAMED_TYPE = alternation(t.name for t in doc_types() if t.named == "parties")
# Type words as written in running text, in a title ("Nghị Quyết") or in capitals ("QUYẾT ĐỊNH"):
# every form of TYPE_WORD, and each of its words capitalised, or all of it in capitals.
TYPE_WORD_ANY_CASE = alternation(
    {f for t in doc_types() for form in (t.name, *t.forms)
     for f in (form[0].upper() + form[1:], form[0].lower() + form[1:],
               " ".join(w[0].upper() + w[1:] for w in form.split()), form.upper())})
# A party term (khóa), tones as written or left out: "khóa XIII", "KHOÁ XII".
TERM = r"(?i:kh[óo]a)\s+(?P<term>[IVXL]+)\b"


# --- dates ---------------------------------------------------------------------------------
# The two ways a date is written, with their day, month and year as groups.
_NUMERIC_DATE_GROUPS = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})"
_WORDED_DATE_GROUPS = r"(?P<d2>\d{1,2})\s+tháng\s*(?P<m2>\d{1,2})\s*năm\s*(?P<y2>(?:19|20)\d{2})"  # "tháng12"
DATE_GROUPS: str = f"{_NUMERIC_DATE_GROUPS}|{_WORDED_DATE_GROUPS}"
NUMERIC_DATE = re.sub(r"\(\?P<\w+>", "(?:", _NUMERIC_DATE_GROUPS)  # "09/5/2023", "9-5-2023"
WORDED_DATE = re.sub(r"\(\?P<\w+>", "(?:", _WORDED_DATE_GROUPS)  # "09 tháng 5 năm 2023"
# The date of a header, its day and month possibly left blank for the signer ("ngày …  tháng 5
# năm 2024"). Possessive "*+": the spaces around the words would be split in many ways.
HEADER_DATE = r"(?i:ngày)\s*+[\d.…_ ]*+\s*+(?i:tháng)\s*+[\d.…_ ]*+\s*+(?i:năm)\s*\d{0,4}"
HEADER_DATE_FOLDED = r"ngay\s*[\d.…_ ]*\s*thang\s*[\d.…_ ]*\s*nam\s*[\d.…_ ]{0,6}"  # over folded text


# --- headers -------------------------------------------------------------------------------
SUBJECT_OPENING: str = alternation(subject_openings()) + r"\b"
def _motto_phrase(phrase: str, folded: bool) -> str:
    words = [w for w in re.split(r"[\s-]+", phrase) if w]
    if folded:
        return r"\s*-?\s*".join(re.escape(fold(w)) for w in words)
    return r"\s*-?\s*".join(f"(?:{re.escape(w)}|{re.escape(fold(w))})" for w in words)


# Every motto, case-blind, tones as written or left out ("CỘNG HOA"), hyphens optional.
MOTTO_RE = re.compile("|".join(_motto_phrase(m, folded=False) for m in mottos()), re.IGNORECASE)
# A motto's first three words, wherever they stand ("CỘNG HÒA XÃ HỘI" of a flattened header).
MOTTO_BEGINNING_RE: re.Pattern[str] = re.compile(
    "|".join(_motto_phrase(" ".join(re.split(r"[\s-]+", m)[:3]), folded=False) for m in mottos()),
    re.IGNORECASE)
# The same over folded text (lower case, no tones): also a motto's first two words alone, the
# part a flattened column leaves on a line.
MOTTO_FOLDED = "|".join(_motto_phrase(m, folded=True) for m in mottos())
MOTTO_OPENING_FOLDED = "|".join(
    r"\s*-?\s*".join(re.escape(fold(w)) for w in re.split(r"[\s-]+", m)[:2]) + r"\b" for m in mottos())


# --- symbols -------------------------------------------------------------------------------
def _code_pattern(code: str) -> str:
    return "^" + re.escape(code).replace(r"\*", f"[{CAPITALS}]+") + "$"


_LOCAL_CODES = re.compile("|".join(_code_pattern(c.code) for c in issuer_codes() if c.local))
_PARTY_CODES = re.compile("|".join(_code_pattern(c.code) for c in issuer_codes() if c.side == "party"))
PARTY_CODE = "|".join(c.code for c in issuer_codes() if c.side == "party")


def is_local_code(code: str | None) -> bool:
    """Does an issuer code name a local series (numbered per province or bloc)? Any of its
    dash-separated parts may be the local body's code (``UBND-KT``, ``SNNMT-KS``).

    >>> is_local_code("TU"), is_local_code("UBND-KT"), is_local_code("TW"), is_local_code("CP")
    (True, True, False, False)
    """
    if not code:
        return False
    return any(_LOCAL_CODES.match(part) for part in code.upper().split("-"))


def is_party_code(code: str | None) -> bool:
    """Is an issuer code a party committee's or office's (``TU``, ``ĐUK``, ``VPTU``, ``TW``)?"""
    if not code:
        return False
    return bool(_PARTY_CODES.match(code.upper().split("-")[-1]))
