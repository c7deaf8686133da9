"""The text of organs' names: how a mention is cleaned, spelled and capitalised, whether a
phrase opens an organ's name, and where a name ends.

Pure string functions, no resolution: :mod:`.organs` resolves a cleaned name in a
document's scope; :mod:`.bodies` splits a list of names.

>>> clean_organ_text("- Ban Bí thư Trung ương Đảng (B/c),"), titlecase_organ("TỈNH ỦY LẠNG SƠN")
('Ban Bí thư Trung ương Đảng', 'Tỉnh ủy Lạng Sơn')
>>> looks_like_organ("Sở Tài chính"), looks_like_organ("Các nhiệm vụ cần làm ngay")
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from vanban.loaders import patterns
from vanban.loaders.lexicon import (
    abbreviations,
    abbreviations_before_bodies,
    committees,
    doc_types,
    ministry_domains,
    organ_registry,
    organ_words,
)
from vanban.loaders.text import CAPITALS, fold, normalize_tones

__all__ = [
    "COMMITTEE_NAME",
    "LEVEL_AND_PLACE",
    "ORGAN_HEAD",
    "and_ending_a_name",
    "before_singled_out",
    "canonical_words",
    "clean_organ_text",
    "expand_abbreviations",
    "fold_aligned",
    "initials",
    "looks_like_organ",
    "names_no_body",
    "organ_name_end",
    "titlecase_organ",
]

# Committees named after a locality or a bloc (data/committees.tsv): the rest of the name is
# the place. The words after the first may be written in either case ("Đảng ủy khối").
COMMITTEE_NAME = re.compile(rf"(?P<head>{patterns.COMMITTEE_ANY_CASE})(?:\s+(?P<place>\S.*))?$")
# Canonical spelling of committee words, whatever the case or tone the text used ("tinh uỷ").
_WORDS = {fold(word): word.lower() for word in patterns.COMMITTEE_WORDS}
_WORD_PATTERNS = {key: re.compile(r"\b" + key + r"\b") for key in _WORDS}
# What "Các …" opens when it is not a group of bodies: "Các nhiệm vụ cần làm ngay", "Các
# trường hợp khác", "Các văn bản …", any document type ("Các quyết định sau hết hiệu lực …"):
# headings and objects, not who acts.
_NOT_BODIES = ("văn bản", "chỉ tiêu", "nhiệm vụ", "trường hợp", "nội dung", "giải pháp", "hoạt động",
               "quy định", "chính sách", "mục tiêu", "vấn đề", "biện pháp", "hồ sơ", "loại", "công việc",
               "tiêu chí", "thủ tục", "lĩnh vực", "chế độ", "yêu cầu", "phương án", "sản phẩm", "hàng hóa",
               "thông tin", "số liệu", "mẫu", "phụ lục", "tài liệu", "điều", "khoản", "dự án", "chương trình",
               "kế hoạch", "đề án", "ngành khoa học", "căn cứ", "điểm", "đối tượng", "ý kiến", "quyền",
               "nghĩa vụ",
               *(form.lower() for t in doc_types() for form in (t.name, *t.forms)))
_NOT_BODY = patterns.alternation(_NOT_BODIES, "lower")
# What a mention of a body opens with, in any case: an organ word, an office holder, or a group.
_ORGAN_HEADS = re.compile(
    r"^(?:" + patterns.ORGAN_MENTION + r"|" + patterns.ABBREVIATED_BODY
    + r"|Các(?!\s+" + _NOT_BODY + r"\b)"
    # a title's code before a body: "PCT UBND tỉnh"
    + r"|(?-i:" + patterns.TITLE_CODE + r")(?=[ \t]+(?:" + patterns.ORGAN_MENTION + "|"
    + patterns.ABBREVIATED_BODY + r")))\b",
    re.IGNORECASE,
)
_GROUP_OF_NO_BODIES = re.compile(r"^(?:các|những)\s+" + _NOT_BODY + r"\b", re.IGNORECASE)
# Words that open an organ's name as written (capitalised), for patterns that must tell where
# a name ends: after "và" ("Bộ Tài chính và Ngân hàng …") or a comma ("Bộ Chính trị, Ban …").
ORGAN_HEAD = re.compile(patterns.ORGAN_HEAD)


def and_ending_a_name(space: str = r"\s", heads: str = ORGAN_HEAD.pattern) -> str:
    """The pattern of a "và" that ends an organ's name: one not followed by a capitalised word
    that opens no organ, which goes on with the name ("Bộ Kế hoạch và Đầu tư", "Sở Lao động -
    Thương binh và Xã hội"). ``space`` is what may stand after "và"; ``heads`` opens organs.

    >>> ends = re.compile(and_ending_a_name())
    >>> [bool(ends.match(t)) for t in ("và Ngân hàng Nhà nước", "và Đầu tư", "và đề xuất")]
    [True, False, True]
    """
    return r"và(?!" + space + r"+(?!" + heads + r")[" + CAPITALS + r"])"


class _AlignedFold(dict):
    """``str.translate`` table of :func:`fold_aligned`, filled one character at a time."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = "d" if ch in "đĐ" else (unicodedata.normalize("NFD", ch)[:1] or ch).lower()
        self[code] = folded
        return folded


_ALIGNED_FOLD = _AlignedFold()


def fold_aligned(text: str) -> str:
    """Like :func:`fold` but keeps one character per input character (for slicing)."""
    return text.translate(_ALIGNED_FOLD)


@lru_cache(maxsize=65536)
def clean_organ_text(text: str) -> str:
    """Strip bullets, purposes, quotes and trailing punctuation from an organ mention.

    >>> clean_organ_text("- Ban Bí thư Trung ương Đảng (B/c),")
    'Ban Bí thư Trung ương Đảng'
    """
    text = normalize_tones(unicodedata.normalize("NFC", text))
    text = _BRACKETS.sub(" ", text)
    text = text.split("(", 1)[0] if "(" in text[1:] else text  # a bracket left open: what it opens is cut off
    text = _BULLETS.sub("", text)
    text = _COMRADE.sub("", text)
    text = _SPACES.sub(" ", text).strip(" ,.;:-–\"'")
    return text


_BRACKETS = re.compile(r"(?<!\()\([^)]*\)")  # (?<!\(): one scan per run of "("
_BULLETS = re.compile(r"^[\s\-–+•*\d.)]+")
_COMRADE = re.compile(r"^(?:đồng chí|đ/c|các đ/c)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def expand_abbreviations(text: str) -> str:
    """Organ abbreviations written out (``data/abbreviations.tsv``): ``UBND tỉnh`` → ``Ủy ban nhân
    dân tỉnh``."""
    table = abbreviations()
    if "ở " in text or "hòng " in text:  # (what every match of the pattern holds)
        text = _department_pattern().sub(_department, text)
    text = _abbreviation_pattern().sub(lambda m: _written_out(m, table), text)
    if "&" in text:  # "Đoàn ĐBQH&HĐND tỉnh": "Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"
        text = _AMPERSAND_BETWEEN_WORDS.sub(" và ", text)
    return expand_heads_before_bodies(text)


# "&" between words written out (not inside a code: "KH&CN").
_AMPERSAND_BETWEEN_WORDS = re.compile(r"(?<=[a-zà-ỹđ])[ \t]*&[ \t]*(?=[A-ZĐÀ-Ỹ])")


@cache
def _department_pattern() -> re.Pattern[str]:
    """A department or office named by its ministry's short form (:func:`.ministry_domains`):
    ``Sở GD&ĐT``, ``các sở TNMT``, ``Phòng LĐTBXH``. An office only by a form of three letters
    or more (``Phòng TC`` may be an agency's Phòng Tổ chức), never a Văn phòng."""
    shorts = sorted(ministry_domains(), key=len, reverse=True)
    any_short = "|".join(map(re.escape, shorts))
    longer = "|".join(re.escape(s) for s in shorts if len(s.replace("&", "")) >= 3)
    return re.compile(rf"(?<![\w&])(?:(?P<unit>[Ss]ở)[ \t]+(?P<short>{any_short})"
                      rf"|(?<![Vv]ăn )(?P<office>[Pp]hòng)[ \t]+(?P<office_short>{longer}))(?![\w&])")


def _department(m: re.Match[str]) -> str:
    """A :func:`_department_pattern` match with its ministry's field written out."""
    short = m.group("short") or m.group("office_short")
    return f"{m.group('unit') or m.group('office')} {ministry_domains()[short]}"


def _written_out(m: re.Match[str], table: dict[str, str]) -> str:
    """An abbreviation's words; the dot after a level's ("TP. Hà Nội", "TP.Hồ Chí Minh") left out."""
    words = table[m.group(1)]
    dot = m.group("dot")
    return words if dot is None else words + (" " if words.islower() else dot)


def expand_heads_before_bodies(text: str) -> str:
    """The abbreviations that mean theirs only before a body written out (``data/abbreviations.tsv``,
    column before): ``TT Tỉnh ủy`` → ``Thường trực Tỉnh ủy``, ``CT, các PCT UBND tỉnh`` →
    ``Chủ tịch, các PCT UBND tỉnh``; ``TT 15/2020/TT-BTC`` stays.

    >>> expand_heads_before_bodies("TT Tỉnh ủy, TT HĐND tỉnh; TT Y tế huyện")
    'Thường trực Tỉnh ủy, Thường trực HĐND tỉnh; TT Y tế huyện'
    """
    table = abbreviations_before_bodies()
    if not any(last in text for last in _LAST_LETTERS):  # every short form holds its last letter
        return text
    return _before_body_pattern().sub(lambda m: table[m.group(1)], text)


_LAST_LETTERS = frozenset(short[-1] for short in abbreviations_before_bodies())


@cache
def _before_body_pattern() -> re.Pattern[str]:
    keys = sorted(abbreviations_before_bodies(), key=len, reverse=True)
    short_and_long = sorted({*abbreviations(), *abbreviations().values()}, key=len, reverse=True)
    heads = "|".join(map(re.escape, short_and_long))
    body = f"(?:{patterns.COMMITTEE_ANY_CASE}|{patterns.ABBREVIATED_BODY}|{patterns.ORGAN_HEAD})"
    return re.compile(r"\b(" + "|".join(map(re.escape, keys)) + r")\b(?=[ \t,:]+(?:các[ \t]+)?(?:(?:" + heads
                      + r")[ \t]+)?" + body + ")")


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    table = abbreviations()
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(" + patterns.by_first_letter(map(re.escape, keys))
                      + rf")\b(?P<dot>\.[ \t]*+(?=[{CAPITALS}]))?")


def canonical_words(text: str) -> str:
    """Fix the spelling of committee words (OCR ``tinh uỷ`` → ``tỉnh ủy``), keeping case."""
    folded = fold_aligned(text)
    out = list(text)
    for key, word in _WORDS.items():
        if key not in folded:
            continue
        for m in _WORD_PATTERNS[key].finditer(folded):
            original = text[m.start() : m.end()]
            fixed = word
            if original[:1].isupper():
                fixed = word[0].upper() + word[1:]
            if original.isupper() and len(original) > 1:
                fixed = original  # an all-caps heading: leave to titlecase_organ
            out[m.start() : m.end()] = list(fixed)
    return "".join(out)


def titlecase_organ(heading: str) -> str:
    """Write an all-capitals organ heading the way names are written in running text.

    >>> titlecase_organ("TỈNH ỦY LẠNG SƠN")
    'Tỉnh ủy Lạng Sơn'
    >>> titlecase_organ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")
    'Sở Nông nghiệp và Môi trường'
    >>> titlecase_organ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI")
    'Ủy ban nhân dân tỉnh Lào Cai'
    >>> titlecase_organ("BAN TỔ CHỨC TỈNH ỦY BẮC GIANG")
    'Ban Tổ chức Tỉnh ủy Bắc Giang'
    >>> titlecase_organ("ĐẢNG BỘ HUYỆN CỦ CHI ĐẢNG ỦY XÃ ĐỒNG TÂM")
    'Đảng bộ huyện Củ Chi Đảng ủy xã Đồng Tâm'
    """
    text = re.sub(r"\s+", " ", normalize_tones(heading)).strip()
    if not text:
        return text
    hit = organ_registry().by_fold.get(fold(text))
    if hit:
        return hit.name
    lower = text.lower()
    m = _COMMITTEE_LOWER.match(lower)
    if m:
        head = _COMMITTEE_NAMES[m.group(1)]
        rest = m.group(2)
        if fold(head) == "dang uy" and (_COMMITTEE_LOWER.match(rest) or _UNIT_LOWER.match(rest)):
            return f"{head} {titlecase_organ(rest)}"  # ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH …
        if rest in _LEVELS_LOWER:  # "HỘI ĐỒNG NHÂN DÂN TỈNH": the level alone
            return f"{head} {rest}"
        level = LEVEL_AND_PLACE.match(rest)
        if level:
            return f"{head} {level.group(1)} {_title_words(level.group(2))}".strip()
        attached = _attached_case(rest)
        if head.endswith("Khối") and attached.startswith("Các "):
            attached = "c" + attached[1:]  # "Đảng ủy Khối các cơ quan tỉnh"
        return f"{head} {attached}".strip()
    # Unit + domain: capitalise the first word of each domain phrase.
    m = _UNIT_LOWER.match(lower)
    if m:
        unit = _UNIT_NAMES[m.group(1)]
        if COMMITTEE_NAME.match(titlecase_organ(m.group(2))):
            return f"{unit} {titlecase_organ(m.group(2))}"
        domain, place = m.group(2), ""
        registered = _registered_after(domain)
        if registered is not None:  # "BAN TỔ CHỨC BAN CHẤP HÀNH TRUNG ƯƠNG": a unit of a registered body
            return " ".join(filter(None, (unit, _domain_case(registered[0]), registered[1])))
        inside = _COMMITTEE_INSIDE.match(domain)
        if inside:  # "BAN TỔ CHỨC TỈNH ỦY BẮC GIANG": the unit's domain, then its committee
            return f"{unit} {_domain_case(inside.group(1))} {titlecase_organ(inside.group(2))}"
        located = _LOCATED.match(domain)
        if located:  # "SỞ TÀI CHÍNH TỈNH LÀO CAI"
            domain, place = located.group(1), f" {located.group(2)} {_title_words(located.group(3))}"
        return f"{unit} {_domain_written(domain)}{place}"
    located = _LOCATED.match(lower)
    if located:  # "ĐẢNG BỘ HUYỆN CỦ CHI ĐẢNG ỦY XÃ ĐỒNG TÂM": the place after its level, a body after it
        domain, level_word, place = located.groups()
        words = place.split()
        body = next((k for k in range(1, len(words)) if _COMMITTEE_LOWER.match(" ".join(words[k:]))
                     or _UNIT_LOWER.match(" ".join(words[k:]))), len(words))
        named = _title_words(" ".join(words[:body]))
        after = titlecase_organ(" ".join(words[body:])) if body < len(words) else ""
        return " ".join(filter(None, (domain[:1].upper() + domain[1:], level_word, named, after)))
    return lower[:1].upper() + lower[1:]


# The lower case of a heading: committees, units and levels as the tables write them.
_COMMITTEE_NAMES = {c.name.lower(): c.name for c in committees()}
_COMMITTEE_LOWER = re.compile(r"^(" + patterns.alternation(_COMMITTEE_NAMES) + r")\s*(.*)$")
_UNIT_NAMES = {w.word.lower(): w.word for w in organ_words() if w.unit or w.of_committee}
_UNIT_LOWER = re.compile(r"^(" + patterns.alternation(_UNIT_NAMES) + r")\s+(.*)$")
LEVEL_AND_PLACE = re.compile(rf"^({patterns.LEVEL})\s+(.*)$")
_COMMITTEE_INSIDE = re.compile(
    r"^(\S.*?)(?<!\s)\s+((?:" + patterns.alternation(_COMMITTEE_NAMES) + r")(?:\s.*)?)$")
# A level word that makes one word with the lower-case word after it: "tỉnh ủy", "huyện đoàn",
# "xã hội", "tỉnh lỵ".
_LEVEL_COMPOUND = r"(?:ủy|uỷ|đoàn|đội|hội|lỵ)\b"
# A place after its level, the level a word of its own ("xã", not "xã hội"). (?<!\s): once per run.
_LOCATED = re.compile(rf"^(.*?)(?<!\s)\s+({patterns.LEVEL})\s+(?!{_LEVEL_COMPOUND})(\S.*)$")


def _registered_after(domain: str) -> tuple[str, str] | None:
    """(the words before, the registry's name) when a unit's domain ends with the full name of
    a body of the registry (``tổ chức`` + ``Ban Chấp hành Trung ương``, ``pháp chế`` + ``Bộ Tài
    chính``; a short name such as ``Trung ương`` is no such name)."""
    words = domain.split()
    registry = organ_registry()
    for k in range(len(words) - 1):
        written = fold(" ".join(words[k:]))
        entry = registry.by_fold.get(written)
        if entry is not None and fold(entry.name) == written:
            return " ".join(words[:k]), entry.name
    return None


def _attached_case(rest: str) -> str:
    """What follows a committee's name in a heading: a place (``NAM ĐÀN``), or the body or group
    of bodies the committee serves, with its level ("Đảng ủy Công an tỉnh", "Đảng ủy Khối các cơ
    quan tỉnh Nghệ An", "Đảng ủy Các cơ quan Đảng tỉnh").

    >>> _attached_case("nam đàn"), _attached_case("các cơ quan đảng tỉnh")
    ('Nam Đàn', 'Các cơ quan Đảng tỉnh')
    >>> _attached_case("quân sự tỉnh hà tĩnh")
    'Quân sự tỉnh Hà Tĩnh'
    >>> _attached_case("cơ quan bộ tài chính")
    'Cơ quan Bộ Tài chính'
    """
    words = rest.split()
    for k in range(1, min(len(words), 4)):  # "cơ quan" / "BỘ TÀI CHÍNH": the body named after a word or two
        body = " ".join(words[k:])
        if _UNIT_LOWER.match(body) or _COMMITTEE_LOWER.match(body):
            return f"{_party_case(_domain_case(' '.join(words[:k])))} {titlecase_organ(body)}"
    if len(words) > 1 and words[-1] in _LEVELS_LOWER:
        return f"{_party_case(_domain_case(' '.join(words[:-1])))} {words[-1]}"
    located = _LOCATED.match(rest)
    if located:
        domain, level, place = located.groups()
        return f"{_party_case(_domain_case(domain))} {level} {_title_words(place)}"
    if words and words[0] in ("khối", "các"):
        return _party_case(_domain_case(rest))
    return _title_words(rest)


def _party_case(text: str) -> str:
    """"đảng" meaning the Party in capitals ("Các cơ quan Đảng")."""
    return re.sub(r"(?<![\w])đảng(?![\w])", "Đảng", text)


def _domain_written(domain: str) -> str:
    """A unit's domain as the ministry of that domain writes it (``SỞ CÔNG THƯƠNG``: "Công
    Thương", as in "Bộ Công Thương"), else with each phrase capitalised (:func:`_domain_case`)."""
    ministry = fold(f"Bộ {domain}")
    entry = organ_registry().by_fold.get(ministry)
    if entry is not None and fold(entry.name) == ministry:
        return entry.name.split(" ", 1)[1]
    return _domain_case(domain)


def _domain_case(domain: str) -> str:
    """A unit's domain with each of its phrases capitalised: "Kinh tế - Ngân sách", "Kế hoạch và Đầu tư"."""
    parts = re.split(r"((?<!\s)\s+và\s+|,\s*|(?<!\s)\s+-\s+)", domain)
    return "".join(p if i % 2 else (p[:1].upper() + p[1:]) for i, p in enumerate(parts))


_LEVELS_LOWER = frozenset(level.lower() for level in patterns.LEVEL_NAMES)


def _title_words(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


@lru_cache(maxsize=65536)
def looks_like_organ(text: str) -> bool:
    """Does the phrase start like the name of an organ or a group of organs?"""
    return bool(_ORGAN_HEADS.match(clean_organ_text(text)))


def names_no_body(text: str) -> bool:
    """A group of things, not of bodies (``_NOT_BODIES``).

    >>> names_no_body("Các quyết định sau hết hiệu lực"), names_no_body("những văn bản sau")
    (True, True)
    >>> names_no_body("Các sở, ngành"), names_no_body("Các cơ sở thuộc khoản 1 Điều này")
    (False, True)
    """
    return bool(_GROUP_OF_NO_BODIES.match(text)) or ("này" in text and bool(_OF_THIS_TEXT.search(text)))


# Whom a clause of the text itself defines ("Các cơ sở thuộc khoản 1 Điều này", "… quy định tại Điều 2
# Nghị quyết này"): those a rule applies to, no body.
_OF_THIS_TEXT = re.compile(r"\b(?:khoản|điểm|[Đđ]iều|[Cc]hương|[Mm]ục)\s+[\w.]+(?:\s+\S+){0,2}?\s+này\b")


def initials(words: str) -> str:
    """The initials a registry code gives a kind of body: "Bộ" → "B", "Ủy ban" → "UB"."""
    return "".join(w[0] for w in words.split()).upper()



# --- where a name ends ------------------------------------------------------------------------
# A second title of the same person: "Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực …".
_APPOSITION = re.compile(rf"(?<!\s)\s+[-–]\s+(?=(?:{patterns.DEPUTY}\s+)?{patterns.TITLE}\b)")
# Characters no name holds: what follows them is noise of a scan ("Văn phòng Trung ương Đảng. <Ỹ`.ưF_").
_NOISE = re.compile(r"[<>=_`~^{}\[\]\\]")
# What a named body is, said after its name: "Cục X, cơ quan chuyên môn thuộc Bộ Y", "…, đơn vị trực
# thuộc …" (not a group's list: "Các cơ quan, đơn vị thuộc Bộ Y").
_NAMED = re.compile(rf"{patterns.ANY_ORGAN_WORD}\s+[{CAPITALS}]")
_DESCRIBED = re.compile(r"(?<!\s)\s*,\s*(?:là\s+)?(?:cơ quan|đơn vị|tổ chức)\s(?:[^,;]*?\s)?(?:thuộc|của)\s")
# A place after its level ("tỉnh Điện Biên", "thành phố Hồ Chí Minh", "tỉnh Bà Rịa - Vũng Tàu"),
# and a locality's committee named by its level alone ("Ủy ban nhân dân tỉnh").
_PLACE = re.compile(rf"\b(?:{patterns.LEVEL})\s+[{CAPITALS}][^\s,;.()]*"
                    rf"(?:\s+(?:-\s+)?[{CAPITALS}][^\s,;.()]*)*")
_LEVEL_NAMED = re.compile(rf"^(?:(?:{patterns.DEPUTY}\s+)?{patterns.TITLE}\s+)?{patterns.STATE_COMMITTEE}\s+"
                          rf"(?:{patterns.alternation(patterns.LEVEL_NAMES, 'initial')})(?=\s)")
# Lower-case words that go on with a name after its place or its registry name: a lower level
# ("xã X huyện Y"), a group or level ("… các cấp"), a branch ("Ngân hàng Nhà nước chi nhánh …").
_GOES_ON = re.compile(rf"(?:{patterns.LEVEL}|các|cấp|trực thuộc|khu vực|chi nhánh|ủy|uỷ)\b")
# A level ending a body's name with no place after it ("Công an tỉnh", "Đài … tỉnh"), where a
# lower-case word follows that makes no word with it ("tỉnh ủy", "huyện đoàn", "xã hội", "tỉnh lỵ")
# and goes on with no list ("các xã, phường và đặc khu …").
_BARE_LEVEL = re.compile(rf"(?<=\S)\s+(?:{patterns.LEVEL})(?=\s+(?!{_LEVEL_COMPOUND}|và\b|hoặc\b)[^\W\d_])")
_WORD = re.compile(r"\S+")


def organ_name_end(name: str) -> int:
    """Where the organ's name that opens ``name`` ends: before the motto a flattened header ran
    into it, before a second title of the same person, and after a known name or a place that a
    lower-case word (a verb, what is reported) follows.

    >>> [n[: organ_name_end(n)] for n in ("Ủy ban nhân dân tỉnh Lai Châu Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam",
    ...     "Thủ tướng Chính phủ sửa đổi Nghị định", "Thuế thành phố Huế đối chiếu với quy định",
    ...     "Bộ trưởng Bộ Tài chính - Phó Trưởng ban Chỉ đạo", "Ủy ban nhân dân tỉnh quyết định",
    ...     "Ngân hàng Nhà nước chi nhánh tỉnh Lào Cai",
    ...     "Công an tỉnh lập danh sách")]  # doctest: +NORMALIZE_WHITESPACE
    ['Ủy ban nhân dân tỉnh Lai Châu ', 'Thủ tướng Chính phủ', 'Thuế thành phố Huế', 'Bộ trưởng Bộ Tài chính',
     'Ủy ban nhân dân tỉnh', 'Ngân hàng Nhà nước chi nhánh tỉnh Lào Cai', 'Công an tỉnh']
    """
    end = len(name)
    motto = patterns.MOTTO_BEGINNING_RE.search(name) if _MAY_HOLD_MOTTO.search(name) else None
    if motto is not None and motto.start() > 0:
        end = motto.start()
    second = _APPOSITION.search(name, 0, end)
    if second is not None:
        end = second.start()
    noise = _NOISE.search(name, 0, end)
    if noise is not None:
        end = len(name[: noise.start()].rstrip(" .,;:-–\"'"))
    described = _DESCRIBED.search(name, 0, end) if "," in name and _NAMED.match(name) else None
    if described is not None:
        end = described.start()
    clause = _CLAUSE.search(name, 0, end)
    if clause is not None:
        end = clause.start()
    known = _registered_prefix_end(name[:end])
    if known is not None and _stops_at(name, known, end):
        return known
    level = _LEVEL_NAMED.match(name, 0, end)
    if level is not None and _stops_at(name, level.end(), end):
        return level.end()
    for place in _PLACE.finditer(name, 0, end):
        if _stops_at(name, place.end(), end):
            return place.end()
    for level in _BARE_LEVEL.finditer(name, 0, end):
        if _stops_at(name, level.end(), end):
            return level.end()
    return end


# What singles out some of a group it follows: "Cấp ủy các cấp, nhất là …", "…, trong đó có …".
_SINGLING_OUT = "nhất là|đặc biệt là|trước hết là|trong đó"
_SINGLED_OUT = re.compile(r"(?<=[^\s,])[\s,]++(?:" + _SINGLING_OUT + r")(?=\s|$)")


def before_singled_out(text: str) -> str:
    """A list of bodies without what it singles out of them.

    >>> before_singled_out("Cấp ủy, chính quyền các cấp, nhất là thành phố Hà Nội và các đô thị lớn")
    'Cấp ủy, chính quyền các cấp'
    """
    found = _SINGLED_OUT.search(text)
    return text if found is None else text[: found.start()]


# Words that open what is said of a body, never part of its name: "… cấp xã là đầu mối",
# "… từ trần thì Công an cấp huyện …", "Phó Thủ tướng … có ý kiến như sau", a tense ("Các cơ sở
# đang thi công", "… đã ban hành", "… sẽ"), "sau khi", "sau đây" ("… sau đây gọi là"), "trong quá
# trình", "nơi" ("… cấp xã nơi có …"), "giúp" ("Cục X giúp lãnh đạo Bộ …", not "cơ quan giúp
# việc"), "nêu trên" ("aforesaid"), "do" before a lower-case word ("Ban Tổ chức lễ tang do lãnh đạo Bộ
# chủ trì", not "Các Hội do Đảng, Nhà nước giao nhiệm vụ"), and what singles out some of a group.
# (From the end of a word, the spaces taken once: a run of spaces is not tried from each of them.)
_CLAUSE = re.compile(r"(?<=\S)(?<!\snhất)\s++"  # not "nhất là" ("above all")
                     r"(?:là|thì|có ý kiến|đang|đã|sẽ|sau khi|sau đây|trong quá trình|nơi|"
                     r"giúp(?!\s+việc)|nêu trên|nói trên|trên đây|"
                     + _SINGLING_OUT + rf"|do(?=\s*$|\s+(?![{CAPITALS}])\w))(?=\s|$)")
_MAY_HOLD_MOTTO = re.compile(r"(?i)c[ộo]ng|đ[ộo]c l")  # every motto's first words hold one


def _stops_at(name: str, at: int, end: int) -> bool:
    """Does a lower-case word that does not go on with a name follow ``at`` (before ``end``)?"""
    rest = name[at:end].lstrip()
    return bool(rest) and rest[0].islower() and not _GOES_ON.match(rest)


def _registered_prefix_end(name: str) -> int | None:
    """The end of the longest registry name (or alias) that opens ``name``, if any."""
    registry = organ_registry()
    words = [m.end() for m, _ in zip(_WORD.finditer(name), range(registry.longest_key_words), strict=False)]
    for end in reversed(words):
        if fold(name[:end]) in registry.by_fold:
            return end
    return None
