"""Text normalisation that keeps character offsets into the original file.

Every later step works on a *view* of the file: a normalised string plus, for each of its
characters, the offset of the original character it came from. Facts found in a view are
mapped back with :meth:`TextView.span`, so evidence always points into the file as read.

Two views are built from one file:

* :func:`clean_view` – NFC, OCR ``Ð`` → ``Đ``, straight quotes, markdown remnants removed,
  one tone placement (``hoá`` → ``hóa``, ``uỷ`` → ``ủy``); line structure kept.
* :func:`flow_view` – the clean view with PDF hard line breaks inside a paragraph joined,
  and symbols split across lines repaired (``01-`` / blank line / ``KL/TW`` → ``01-KL/TW``).

>>> view = flow_view("Kết luận số 01-\\n\\nKL/TW của Ban Bí thư khoá XIII")
>>> view.text
'Kết luận số 01-KL/TW của Ban Bí thư khóa XIII'
>>> view.span(12, 20)
(12, 22)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from vanban.graph.keys import fold
from vanban.loaders.lexicon import organ_word_names, organ_word_openings
from vanban.loaders.offsets import RunBuilder

__all__ = [
    "CAPITALS",
    "ENDS_LINKED",
    "IMPLEMENTING_VERBS",
    "KINH_GUI",
    "LINKING_WORDS",
    "NOI_NHAN",
    "OPEN_END",
    "TELEGRAM",
    "TextView",
    "clean_view",
    "ending_with",
    "first_line",
    "flow_view",
    "fold",
    "normalize_tones",
    "opens_preamble",
]

# Tone placement: hoá/hóa, uỷ/ủy. Keys and names use the first-vowel form (hóa, ủy).
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc huyền hỏi ngã nặng
_GLIDES = {"o": "ae", "O": "AE", "u": "y", "U": "Y"}
# A dash of another kind between a symbol's parts (an en or em dash, a non-breaking hyphen, a
# minus sign): "45–KH/TU", "57/NQ–CP"; not one between words ("Độc lập – Tự do") or years.
_SYMBOL_DASH = re.compile(r"(?<=[0-9A-Za-zĐđ])[–—‑−](?=[A-ZĐ])")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " "})
_OCR = str.maketrans({"Ð": "Đ", "ð": "đ", "\f": "\n",
                      # Cyrillic look-alikes seen inside symbols (TT-BТС)
                      "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M",
                      "О": "O", "Р": "P", "Т": "T", "Х": "X"})


@dataclass(frozen=True)
class TextView:
    """A normalised string and the original offset of each of its characters."""

    text: str
    offsets: Sequence[int]  # len(text) + 1 entries; the last is the end of the source

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of this view to the original text."""
        if end <= start:
            return (self.offsets[start], self.offsets[start])
        return (self.offsets[start], self.offsets[end - 1] + 1)


class _Builder:
    """Text put together from pieces, with offsets kept as runs (:mod:`.offsets`)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets = RunBuilder()

    def add(self, text: str, origin: int) -> None:
        self.parts.append(text)
        self.offsets.add_repeated(origin, len(text))

    def add_mapped(self, view: TextView, start: int, end: int) -> None:
        self.parts.append(view.text[start:end])
        self.offsets.add_from(view.offsets, start, end)

    def build(self, end: int) -> TextView:
        return TextView("".join(self.parts), self.offsets.build(end))


# Capital letters only, for a character class ("À-Ỹ" spans small letters too: "đề" is in it).
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EF9)) if c.isupper() and c.isalpha())
_CAPITAL_LETTERS = frozenset(chr(c) for c in range(0x41, 0x1EF9) if chr(c).isupper() and chr(c).isalpha())


def first_line(text: str) -> str:
    """``text.split("\n", 1)[0]`` without copying the lines after it."""
    end = text.find("\n")
    return text if end < 0 else text[:end]


def normalize_tones(text: str) -> str:
    """Put the tone of ``oa``/``oe``/``uy`` ending a syllable on the first vowel.

    Length-preserving, so it can run on a view without touching offsets.

    >>> normalize_tones("chuyển hoá, tỉnh uỷ, quý, khoá XII, Thuỷ, Uỷ ban, UỶ BAN")
    'chuyển hóa, tỉnh ủy, quý, khóa XII, Thủy, Ủy ban, ỦY BAN'
    """
    for pattern in _TONE_PAIRS_BY_VOWEL:
        text = pattern.sub(_moved_tone, text)
    return text


def _moved_tone(m: re.Match[str]) -> str:
    return _TONE_FIX[m.group()]


def _tone_pairs() -> dict[str, str]:
    """"oá" → "óa", "uỷ" → "ủy", … for every case and tone."""
    pairs = {}
    for first, seconds in (("o", "ae"), ("O", "AE"), ("u", "y"), ("U", "Y")):
        for second in seconds:
            for tone in _TONES:
                toned = unicodedata.normalize("NFC", second + tone)
                moved = unicodedata.normalize("NFC", first + tone)
                pairs[first + toned] = moved + second
                # a capital first vowel, the rest in lower case: "Uỷ ban" → "Ủy ban"
                pairs[first + unicodedata.normalize("NFC", second.lower() + tone)] = moved + second.lower()
    return pairs


_TONE_FIX = _tone_pairs()


def _tone_pair_branches() -> list[str]:
    """One pattern per first vowel: the pair must end the syllable (no letter after it) and
    the u must not follow q ("quý").

    Each opens with its literal first vowel (the q test follows it), so the regex engine
    skips ahead to the next one instead of trying the pattern at every character.
    """
    seconds: dict[str, list[str]] = {}
    for pair in sorted(_TONE_FIX):
        seconds.setdefault(pair[0], []).append(pair[1])
    return [f"{first}(?<![qQ]{first})[{''.join(rest)}](?![^\\W\\d_])" for first, rest in seconds.items()]


# Several patterns with a literal first are faster than one that opens with a choice of four.
# Applied one after another they fix what one would: a fixed pair (a toned o or u, then a
# plain vowel) starts no other pair, and no pair overlaps another.
_TONE_PAIRS_BY_VOWEL = tuple(re.compile(branch) for branch in _tone_pair_branches())
_TONE_PAIR = re.compile("|".join(f"(?:{branch})" for branch in _tone_pair_branches()))
_TRANSLATE = {**_QUOTES, **_OCR}
# The characters replaced one by one (no replacement is a character replaced).
_TRANSLATE_PAIRS = tuple((chr(c), replacement) for c, replacement in _TRANSLATE.items())


# Each branch opens with a literal (the lone "*" tests its left neighbour after it), so the
# engine scans for the next "*", "_", "\\" or "<" rather than trying every position.
# A run of stars goes whole: "**" then a lone "*" would leave the "*" of bold italic "***2.2. …".
_MARKDOWN_INLINE = re.compile(r"\*\*+|__|\\\*|\*(?<![\w*]\*)(?=\S)|\*(?<=\S\*)(?![\w*])"
                              r"|</?sup>|</?b>|</?i>")
# The same split by first character, each with a literal first, for a faster scan. A star after
# a backslash stands for the escaped "\*" the backslash opens (the backslash is in no other match).
_INLINE_STARS = re.compile(r"\*(?<=\\\*)|\*\*+|\*(?<![\w*]\*)(?=\S)|\*(?<=\S\*)(?![\w*])")
_INLINE_OTHERS = (re.compile("__"), re.compile("</?sup>|</?b>|</?i>"))
# What a line starts with (after its spaces) to be markup: a heading or quote mark, a page
# marker of an OCR dump ("===== Trang 2 =====": "===" rather than "={3,}" at both ends, as two
# "={3,}" around "[^\n]*" backtrack in cubic time on a long "====…x"), a tool's banner line
# or the running head of an official gazette page ("CÔNG BÁO/Số 302/Ngày 02-06-2026": the
# gazette's issue, not a document's number).
_LINE_MARKUP = (r"[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|===[^\n]*===[ \t]*$"
                r"|\[(?:OCR|Bản trích)[^\n]*$|CÔNG BÁO/Số[^\n]*$)")
_MARKDOWN_LINE = re.compile("(?m)^" + _LINE_MARKUP)
# The same after a newline: a literal first, so the engine skips to the next newline.
_MARKDOWN_AFTER_NEWLINE = re.compile("(?m)\n" + _LINE_MARKUP)


def clean_view(raw: str) -> TextView:
    """NFC, OCR letters, quotes, markdown remnants and tone placement; lines kept.

    >>> clean_view("**TỈNH UỶ LẠNG SƠN**  \\n\\\\*").text
    'TỈNH ỦY LẠNG SƠN  \\n*'
    """
    nfc = _nfc_view(raw)
    # 2. Drop markdown remnants, keeping the lone "*" that separates header columns. (Built as
    # :class:`_Builder` builds it; a stretch of identity offsets, a file already in NFC, is the
    # range of its positions, added as such.)
    text, offsets = nfc.text, nfc.offsets
    parts: list[str] = []
    runs = RunBuilder()
    identity = isinstance(offsets, range) and offsets.start == 0 and offsets.step == 1
    pos = 0
    for start, end, token in sorted(_line_markup(text) + _inline_markup(text)):
        if start < pos:
            continue
        parts.append(text[pos:start])
        if identity:
            runs.add_range(pos, start - pos)
        else:
            runs.add_from(offsets, pos, start)
        if token == "\\*":
            parts.append("*")
            runs.add_repeated(offsets[start], 1)
        pos = end
    parts.append(text[pos:])
    runs.add_from(offsets, pos, len(text))
    return TextView(_date_words(_number_labels(normalize_tones("".join(parts)))), runs.build(len(raw)))


# The header's "Số" with its mark lost by a scan ("So: 12/KH-UBND" opening a line). (A mark
# misread, "sổ 57-NQ/TW", is read by the patterns of numbers themselves.)
_UNMARKED_NUMBER_LABEL = re.compile(r"(?m)^([ \t]*)So(?=[ \t]*:[ \t]*\d+[/-][\dA-ZĐ])")


def _number_labels(text: str) -> str:
    """``So:`` opening a line before a symbol made ``Số:``, one character for one.

    >>> _number_labels("  So: 12/KH-UBND"), _number_labels("So: 12 người")
    ('  Số: 12/KH-UBND', 'So: 12 người')
    """
    if "So:" in text or "So :" in text:
        text = _UNMARKED_NUMBER_LABEL.sub(lambda m: m.group(1) + "Số", text)
    return text


# A date written in words whose "ngày", "tháng" or "năm" a scan misread ("ngảy 15 tháng 3 nắm 2024",
# a tone mark lost or changed), around a "tháng" or a "ngày" read right: every piece of the date
# in its place.
_A = "aàáảãạ"
_A_BREVE_OR_HAT = "ăằắẳẵặâầấẩẫậ"
_SLIPPED_DATE = re.compile(
    rf"(?<![^\W\d_])(?P<day>[Nn][Gg][{_A}{_A.upper()}][Yy])[ \t]+\d{{1,2}}[ \t]+"
    rf"(?P<month>[Tt][Hh][{_A}{_A.upper()}][Nn][Gg])[ \t]+\d{{1,2}}[ \t]+"
    rf"(?P<year>[Nn][{_A}{_A_BREVE_OR_HAT}{(_A + _A_BREVE_OR_HAT).upper()}][Mm])[ \t]+(?:19|20)\d{{2}}(?!\d)")
_DATE_WORDS = {"day": "ngày", "month": "tháng", "year": "năm"}
# The words read right that a search starts from, and how far before them a date may start.
_READ_RIGHT = (("háng", 16), ("HÁNG", 16), ("gày", 1), ("GÀY", 1))


def _date_words(text: str) -> str:
    """A worded date's ``ngày``, ``tháng`` and ``năm`` as a scan may misread them (a tone mark
    lost or changed) written right, in their case, one character for one; looked for only around
    each ``tháng`` and ``ngày`` written right.

    >>> _date_words("Nam Định, ngảy 15 tháng 3 nắm 2024"), _date_words("NGÁY 5 THÁNG 3 NAM 2024")
    ('Nam Định, ngày 15 tháng 3 năm 2024', 'NGÀY 5 THÁNG 3 NĂM 2024')
    >>> _date_words("ngày 15 thảng 3 năm 2024")
    'ngày 15 tháng 3 năm 2024'
    >>> _date_words("nằm 15 tháng 3 năm 2024"), _date_words("ngay 15 tháng 3")
    ('nằm 15 tháng 3 năm 2024', 'ngay 15 tháng 3')
    """
    fixes: dict[int, str] = {}  # (a date found from both its words is fixed once)
    for anchor, before in _READ_RIGHT:
        at = text.find(anchor)
        while at >= 0:
            # Right after a "ngày" the date can start only at its "n": the search is a match there.
            m = (_SLIPPED_DATE.match(text, at - 1, at + 40) if before == 1 and at else
                 _SLIPPED_DATE.search(text, max(0, at - before), at + 40))
            if m is not None and m.start() < at < m.end():
                for part, right in _DATE_WORDS.items():
                    written = m.group(part)
                    if written.lower() != right:
                        fixes[m.start(part)] = _in_case_of(written, right)
            at = text.find(anchor, at + 1)
    for start, word in fixes.items():
        text = f"{text[:start]}{word}{text[start + len(word):]}"
    return text


def _in_case_of(written: str, word: str) -> str:
    """``word`` in the case ``written`` is in: all capitals, an initial capital, or lower case."""
    return word.upper() if written.isupper() else word.capitalize() if written[:1].isupper() else word


def _inline_markup(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the matches of ``_MARKDOWN_INLINE.finditer(text)``, in no order:
    the matches of each first character's pattern, which overlap no other's."""
    found = [(m.start() - 1, m.end(), "\\*") if text[m.start() - 1 : m.start()] == "\\"
             else (m.start(), m.end(), m.group()) for m in _INLINE_STARS.finditer(text)]
    others = [m for pattern in _INLINE_OTHERS for m in pattern.finditer(text)]
    return found + [(m.start(), m.end(), m.group()) for m in others]


def _line_markup(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the matches of ``_MARKDOWN_LINE.finditer(text)``. Each fills part
    of one line from its start, so they are the match at the start of the text and those
    after a newline."""
    first = _MARKDOWN_LINE.match(text)
    found = [(first.start(), first.end(), first.group())] if first else []
    return found + [(m.start() + 1, m.end(), m.group()[1:]) for m in _MARKDOWN_AFTER_NEWLINE.finditer(text)]


def _header_cells_on_lines(text: str) -> str:
    """The cells of a header a crawler ran into one line put on lines of their own, one
    character for one: a rule of dashes or underscores between them ("BỘ TÀI CHÍNH --------
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM … ---------- Số: 12/BTC …"), its first and last
    characters made line breaks, the star under a party committee's name ("BAN CHẤP HÀNH
    TRUNG ƯƠNG * Số 210-KL/TW") and the number after the name in capitals ("… TỈNH LÀO CAI Số:
    12/KH-UBND"). (The runs are found by a scan for their literal characters.)"""
    chars: list[str] | None = None
    for m in (m for run in _RULE_RUNS for m in run.finditer(text)):
        start, end = m.start(), m.end()
        if (text[start - 2 : start - 1].strip() and text[start - 1] in " \t"
                and text[end : end + 1] in (" ", "\t") and text[end + 1 : end + 2].strip()):
            chars = chars or list(text)
            chars[start - 1] = chars[end] = "\n"  # the spaces around the rule
    for m in _STAR_RUN.finditer(text):
        after_a_capital = m.start() > 0 and text[m.start() - 1] in _CAPITAL_LETTERS
        if after_a_capital and _CELL_AFTER_STAR.match(text, m.end()):
            chars = chars or list(text)
            chars[m.start()] = chars[m.end() - 1] = "\n"
    for m in _NUMBER_CELL.finditer(text):  # "ỦY BAN NHÂN DÂN TỈNH LÀO CAI Số: 12/KH-UBND"
        if m.start() > 0 and text[m.start() - 1] in _CAPITAL_LETTERS:
            chars = chars or list(text)
            chars[m.start()] = "\n"
    return text if chars is None else "".join(chars)


_RULE_RUNS = (re.compile("-----+"), re.compile("_____+"))  # (each a literal first: scanned for fast)
_STAR_RUN = re.compile(r" \* ")
_NUMBER_CELL = re.compile(r" S[ốô](?=[ \t]*:?[ \t]*\d)")  # (a literal first: scanned for fast)
_CELL_AFTER_STAR = re.compile(rf"S[ốô]\b|[{CAPITALS}]{{2}}")


def _nfc_view(raw: str) -> TextView:
    """NFC, OCR letters and quotes; carriage returns dropped. Fast when already NFC."""
    n = len(raw)
    # one character for one, so offsets are unchanged
    text = raw
    for char, replacement in _TRANSLATE_PAIRS:  # (a search for each is faster than one for them all)
        if char in text:
            text = text.replace(char, replacement)
    if "–" in text or "—" in text or "‑" in text or "−" in text:
        text = _SYMBOL_DASH.sub("-", text)  # "45–KH/TU": a symbol's dash as a word processor wrote it
    if "-----" in text or "_____" in text or " * " in text or " Số" in text:
        text = _header_cells_on_lines(text)
    if "\r" not in text and unicodedata.is_normalized("NFC", text):
        return TextView(text, range(n + 1))  # identity offsets, without materialising them
    builder = _Builder()
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        if text[i:j] != "\r":
            builder.add(unicodedata.normalize("NFC", text[i:j]), i)
        i = j
    return builder.build(n)


# A line ends a paragraph when it ends like a sentence or a heading.
_HARD_END = re.compile(r"[.:;!?]\s*$")
_LIST_START = re.compile(
    r"^\s*(?:[-–+•]\s|\d+(?:\.\d+)*[.)/-]?\s|[IVXLC]+[.-]\s|[a-zđ][.)]\s|\(\d+\)|Điều\s+\d)"
)
# A symbol cut after a dash ("01-", "3783/QĐ-", "512/TTr-BTC-") or after its year ("27/2024/"), its
# code on the next line ("KL/TW", "UBND", "QLCS", "UBTVQH15").
_SYMBOL_HEAD = re.compile(r"(?:\d[\d.]*-|/[A-ZĐ][A-Za-zĐđ&]{0,7}(?:-[A-ZĐ][A-Za-zĐđ&]{0,9})*-)\s*$")
_SYMBOL_TAIL = re.compile(r"^\s*[A-ZĐ][A-Za-zĐđ]{0,6}(?:/|\b)")
_YEAR_OF_SYMBOL = re.compile(r"(?<![\d/])\d{1,5}/(?:19|20)\d{2}/\s*$")
_CODE_START = re.compile(r"^\s*[A-ZĐ]{2,}")
_SEPARATOR = re.compile(r"^\s*[-_*=~.|]{1,}\s*$")
_SEPARATOR_FIRST = frozenset("-_*=~.|")
_SPACE_PIPE_STAR = "".join(c for c in map(chr, range(0x3000 + 1)) if c.isspace()) + "|*"
_HEADER_LINE_FIRST = frozenset("SKkNnVv")  # how the lines _HEADER_LINE matches open
_LIST_FIRST = frozenset("-–+•0123456789IVXLC(Đ")  # … and _LIST_START's, but "a) ", "đ. "
# The heading of a document's distribution list, in any case, its marks as a scan may lose them
# ("Nơi nhận", "NƠI NHẬN", "Nơi nhân", "Noi nhận").
NOI_NHAN = r"(?i:n[ơo]i[ ]+nh[ậâạa]n)"
# The addressees' heading, in either spelling ("Kính gửi", "Kính gởi") and any case.
KINH_GUI = r"(?i:kính[ \t]*g[ửở]i)"
# A Công điện names its addressees after its sender: "THỦ TƯỚNG CHÍNH PHỦ điện:".
TELEGRAM = re.compile(rf"^[\W_]*(?P<who>[{CAPITALS}]+(?: [{CAPITALS}]+)*)[\s*]*(?i:điện)\s*:"
                      rf"[\s*]*(?P<rest>.*)$")
_COLUMNS = re.compile(r"\S {3,}\S|\S\s*\|\s*\S")
# Possessive "*+": "\s*", "[:.]?" and "[\d.…_ ]*" all take spaces, and a "Số" before a long
# run of spaces would be split in cubically many ways; no match needs them to give any back.
_HEADER_LINE = re.compile(r"^\s*(?:S[ốôổ]\s*+[:.]?+\s*+[\d.…_ ]*[-/]|(?i:v/v\b)|"
                          + KINH_GUI + "|" + NOI_NHAN + ")")
# The place-and-date line of a header: "Hà Nội, ngày 25 tháng 11 năm 2025", "TP. Hồ Chí Minh, ngày …".
_PLACE_DATE_LINE = re.compile(rf"[{CAPITALS}][^\s,]*(?:[ \t]+[{CAPITALS}][^\s,]*){{0,4}}[ \t]*,[ \t]*ngày\b")
_NUMBER_START = re.compile(r"^[\s|*]*S[ốô]\s*+[:.]?+\s*+[\d.…_ ]*[-/]\S*\s*$")
# A line of the place and the date alone: "Lào Cai, ngày 5 tháng 3 năm 2025", "TP. Huế, ngày 05/3/2025".
_PLACE_AND_DATE_ONLY = re.compile(
    rf"[{CAPITALS}][^\s,/]*(?:[ \t]+[{CAPITALS}][^\s,/]*){{0,4}}[ \t]*,[ \t]*ngày[ \t]+"
    r"(?:\d{1,2}[ \t]+tháng[ \t]+\d{1,2}[ \t]+năm[ \t]+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})")
_TERM_CUT = re.compile(r"(?<![^\W\d_])(?:khóa|khoá|KHÓA|KHOÁ)$")
_ROMAN_TERM = re.compile(r"[IVXL]+(?![^\W\d_])")
_DATE_HEAD = re.compile(r"\d{1,2}/\d{1,2}/\s*$|\d{1,2}/\s*$")
_BARE_NUMBER = re.compile(r"^[\s|*]*S[ốô]\s*[:.]?\s*$")
_NUMBER_VALUE = re.compile(r"^\s*[\d.…_]")
# A date cut between its words: "ngày 20" / "tháng 11 năm 2025", "tháng" / "11 năm 2025".
_DATE_CUT_HEAD = re.compile(r"(?i:\bngày|\btháng|\bnăm)(?:\s+[\d.…_]+)?$")
_DATE_CUT_TAIL = re.compile(r"(?i)\s*(?:[\d.…_]+\s+)?(?:tháng|năm)(?![^\W\d_])|\s*\d{4}\b"
                            r"|\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b")  # "ngày" / "09/5/2023"


def is_double_spaced(lines: list[str]) -> bool:
    """True when nearly every text line is followed by a blank line (PDF export habit).

    A text line followed by a blank line has a blank line of its own: with fewer blank lines
    than that takes, the answer is known from two counts, without a look at each line."""
    stripped = list(map(str.strip, lines))
    blank = stripped.count("")
    if len(lines) - blank < 8 or blank < 0.8 * (len(lines) - blank):
        return False
    text_lines = [i for i, line in enumerate(stripped) if line]
    followed = sum(1 for i in text_lines if i + 1 < len(lines) and not stripped[i + 1])
    if followed < 0.8 * len(text_lines):
        return False
    # Markdown paragraphs are also blank-separated, but they end like sentences.
    long_lines = [stripped[i] for i in text_lines if len(stripped[i]) >= 40]
    wrapped = sum(1 for line in long_lines if not _HARD_END.search(line))
    return bool(long_lines) and wrapped >= 0.5 * len(long_lines)


def flow_view(raw: str) -> TextView:
    """The clean view with soft line breaks joined into paragraphs.

    A break between two lines is kept (as ``\\n``) when the first line ends like a
    sentence, the second starts a list item, or a blank line separates them (in files where
    blank lines are not just every-line PDF spacing); otherwise it becomes a space. A
    symbol or date cut across the break is rejoined without a space.
    """
    return join_lines(clean_view(raw))


def join_lines(view: TextView) -> TextView:
    """Join soft line breaks of a clean view (see :func:`flow_view`).

    A break is a line's trailing spaces and tabs, its newline, the blank lines (spaces and
    tabs only) after it and the next line's leading spaces and tabs. Walking the lines once
    finds every break in linear time. A one-character glue stands where the break starts,
    so the view keeps that position's offset: the offsets are the view's own over the
    positions kept, copied as a few long stretches.
    """
    text = view.text
    lines = text.split("\n")
    double = is_double_spaced(lines)
    parts: list[str] = []
    offsets, runs = view.offsets, RunBuilder()
    kept_start = kept_end = 0  # the stretch of positions kept whose offsets are not yet copied
    pos = 0  # start of the text not yet copied
    line_start = 0  # where ``line`` starts
    last = len(lines) - 1
    i = 0
    line = lines[0]
    while i < last:  # a newline follows line, lines[i]
        prev_line = line.rstrip(" \t")
        break_start = line_start + len(prev_line)
        j = i + 1
        line_start += len(line) + 1
        line = lines[j]
        while j < last and not line.strip(" \t"):  # blank lines ending in a newline
            line_start += len(line) + 1
            j += 1
            line = lines[j]
        next_line = line.lstrip(" \t")
        glue = _glue(prev_line, next_line, j - i - 1, double)
        parts += (text[pos:break_start], glue)
        if pos != kept_end:  # a break dropped: the stretch before it is copied whole
            runs.add_from(offsets, kept_start, kept_end)
            kept_start = pos
        kept_end = break_start + len(glue)
        pos = line_start + len(line) - len(next_line)
        i = j
    parts.append(text[pos:])
    if pos != kept_end:
        runs.add_from(offsets, kept_start, kept_end)
        kept_start = pos
    runs.add_from(offsets, kept_start, len(text))
    return TextView("".join(parts), runs.build(offsets[-1]))


def _glue(prev_line: str, next_line: str, blanks: int, double: bool) -> str:
    """What a line break becomes: "\n" (paragraph), " " (soft wrap) or "" (cut symbol).

    The tests of :func:`_has_columns`, :func:`opens_preamble` and :func:`_is_heading` are
    written out here, their cheap tests first: most breaks are decided by no test, and a call
    for each costs more than the test itself. ``x.isspace()`` is ``not x.strip()`` for a
    string that is not empty, without making the stripped copy."""
    prev_end = prev_line.rstrip()  # the regexes below that end in \s*$ need its last character
    if not prev_end or not next_line or next_line.isspace():
        return "\n"
    if ((next_line[:1] in _SEPARATOR_FIRST and _SEPARATOR.match(next_line))
            or (prev_end.lstrip()[:1] in _SEPARATOR_FIRST and _SEPARATOR.match(prev_line))):
        return "\n"
    if ((("   " in prev_line or "|" in prev_line) and _COLUMNS.search(prev_end.lstrip()))
            or (("   " in next_line or "|" in next_line) and _COLUMNS.search(next_line.strip()))):
        return "\n"  # a two-column layout line (header, Nơi nhận beside the signature)
    numbered = prev_line.lstrip(_SPACE_PIPE_STAR)[:1] == "S"  # (what _BARE_NUMBER, _NUMBER_START match)
    if numbered and _BARE_NUMBER.match(prev_line) and _NUMBER_VALUE.match(next_line):
        return " "  # "Số:" / "84/2025/QĐ-UBND": the number on the line under its label
    last = prev_end[-1]
    if last == "-" and _SYMBOL_HEAD.search(prev_line) and _SYMBOL_TAIL.match(next_line):
        return ""  # "01-" / "KL/TW", "Số: 3783/QĐ-" / "UBND"
    opening = next_line.lstrip()[:2]  # (what opens the lines _HEADER_LINE, _LIST_START match)
    first = opening[:1]
    if (first in _HEADER_LINE_FIRST and _HEADER_LINE.match(next_line)) or (
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
    if (next_line[:1] in _PREAMBLE_FIRST and _PREAMBLE_START.match(next_line)
            and not ENDS_LINKED.search(prev_end[-12:])):
        return "\n"  # "… và chuyển đổi số" / "Căn cứ Luật …": each basis is a paragraph
    hard_end = last in _HARD_END_CHARS  # the same as _HARD_END.search(prev_line)
    if blanks >= (2 if double else 1) and (hard_end or not _continues(prev_end, next_line)):
        return "\n"  # a blank line ends a paragraph, unless the sentence plainly goes on
    if (first in _LIST_FIRST or opening[1:2] in ".)") and _LIST_START.match(next_line):
        return "\n"
    if hard_end and not (last == ";" and _continues(prev_end, next_line)):
        return "\n"
    if last in "aáAÁ" and _TERM_CUT.search(prev_end[-6:]) and _ROMAN_TERM.match(next_line):
        return " "  # "… Ban Chấp hành Trung ương Đảng khóa" / "XII"
    if ((prev_line.isupper() and _is_heading(prev_line)) != (next_line.isupper() and _is_heading(next_line))
            and not OPEN_END.search(prev_end[-24:])):
        return "\n"  # (not "… Nghị quyết số" / "66/NQ-CP.", "… của" / "BỘ CHÍNH TRỊ")
    if ":" in next_line[:_FIELD_WIDTH] and ":" in prev_line[:_FIELD_WIDTH] and _FIELD.match(next_line) and (
            _FIELD.match(prev_line)):
        return "\n"  # fields one a line: "Cơ quan thực hiện: Sở Y tế" / "Cơ quan phối hợp: Không"
    return " "


# A field's label and colon opening a line ("Cơ quan thực hiện:", "Thời hạn giải quyết:").
_FIELD = re.compile(rf"[{CAPITALS}][^\W\d_]*+(?:[ \t]++[^\W\d_]++){{0,6}}[ \t]*+:")
_FIELD_WIDTH = 60


_HARD_END_CHARS = frozenset(".:;!?")
# The verbs that say a document carries another out ("Thực hiện Kết luận số …").
IMPLEMENTING_VERBS = ("thực hiện", "triển khai", "thi hành", "cụ thể hóa")
# The words a paragraph of a document's preamble opens with: the bases it is issued on, what it
# carries out and why ("Thực hiện Nghị quyết …", "Để tổ chức thực hiện …"), and the meeting or the
# time it tells of ("Tại phiên họp …", "Ngày 10/11/2025, …", "Sau khi nghe …", "Qua 5 năm …").
_PREAMBLE_OPENERS = ("Căn cứ", "Xét đề nghị", "Theo đề nghị", "Xét Tờ trình", "Xét tờ trình", "Để", "Nhằm",
                     "Tiếp tục", "Quán triệt", "Tại", "Ngày", "Sau khi", "Qua", "Trong",
                     *(verb[:1].upper() + verb[1:] for verb in IMPLEMENTING_VERBS))
_PREAMBLE_FIRST = frozenset(opener[0] for opener in _PREAMBLE_OPENERS)
_PREAMBLE_START = re.compile(rf"(?:{'|'.join(_PREAMBLE_OPENERS)})(?![^\W\d_])")


def opens_preamble(line: str) -> bool:
    """Does a line open a paragraph of a document's preamble ("Căn cứ Luật …", "Xét đề nghị …",
    "Thực hiện Kết luận …")?

    >>> opens_preamble("Căn cứ Luật Tổ chức Chính phủ;"), opens_preamble("Căn cứu")
    (True, False)
    >>> opens_preamble("Thực hiện Nghị quyết số 57-NQ/TW"), opens_preamble("thực hiện Nghị quyết")
    (True, False)
    """
    return line[:1] in _PREAMBLE_FIRST and bool(_PREAMBLE_START.match(line))
_DATE_CUT_LAST = frozenset("0123456789.…_yYgGmM")  # how _DATE_CUT_HEAD's matches can end


def _continues(prev_end: str, next_line: str) -> bool:
    """Does the sentence plainly go on: the next line starts in lower case, this one ends with
    a word wanting what follows (:data:`OPEN_END`), or a name is cut between the words of an
    organ word ("… báo cáo Ban" / "Thường vụ Đảng ủy") or between a committee's part and the
    committee ("… của Ban Thường vụ" / "Thành ủy")?"""
    opening = next_line.lstrip()
    if opening[:1].islower() or OPEN_END.search(prev_end[-24:]):
        return True
    if not opening[:1].isupper():
        return False
    next_words = opening.split(None, 2)[:2]
    last_words = prev_end.split()[-3:]
    if last_words[-1][:1].isupper() and fold(f"{last_words[-1]} {next_words[0]}") in organ_word_openings():
        return True  # "… báo cáo Ban" / "Thường vụ Đảng ủy"
    # "… của Ban Thường vụ" / "Thành ủy …": a body's part, then the committee it is part of
    return fold(" ".join(next_words)) in organ_word_names() and any(
        fold(" ".join(last_words[k:])) in organ_word_names() for k in range(len(last_words) - 1))
# The prepositions and conjunctions that join a phrase to what follows it ("… của" / "Ủy ban …").
LINKING_WORDS = ("của", "về", "và", "với", "cho", "tại", "theo", "thuộc", "trong", "đối với", "để", "do")


def ending_with(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds one of ``words`` ending a text, as a whole word.

    >>> bool(ending_with(LINKING_WORDS).search("trực thuộc")), bool(ending_with(["số"]).search("mã số"))
    (True, True)
    """
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, words)) + r")$")


# A line that ends with a word wanting what follows (a linking word, a count word, a verb that
# takes an object) goes on past a blank line: "Về việc triển khai thực hiện" / "Kết luận số …",
# as a word processor writes a subject one line a paragraph.
# A text ending with a linking word: what follows it goes on with it.
ENDS_LINKED = ending_with(LINKING_WORDS)
OPEN_END = ending_with((*LINKING_WORDS, "số", "các", "những", "thực hiện", "triển khai", "ban hành",
                        "phê duyệt", "sửa đổi, bổ sung", "hướng dẫn"))
_DIGIT_START = re.compile(r"\s*\d")


def _has_columns(line: str) -> bool:
    """``_COLUMNS`` in the stripped line; it needs three spaces or a pipe, tested first."""
    return ("   " in line or "|" in line) and bool(_COLUMNS.search(line.strip()))


def _is_heading(line: str) -> bool:
    """An all-capitals line (header column, type line, section title), not a number alone
    ("66/NQ-CP.")."""
    return line.isupper() and len(_LETTERS.findall(line)) >= 3 and not _SYMBOL_ALONE.match(line)


_SYMBOL_ALONE = re.compile(r"\s*\d[\w.]*[/-][\w/.-]*[.;,]?\s*$")


_LETTERS = re.compile(r"[^\W\d_]")
