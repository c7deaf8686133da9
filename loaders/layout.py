"""Where the documents are in a file: the layout stage, before segmentation.

A saved web page, a crawler dump or a converter's output holds more than the document: site
banners and notices, a metadata table, an editor's summary, a related-documents list, an
English translation, a footer with the site's own notice. This stage finds each document by
its anatomy (DOMAIN.md §1) and leaves everything else out, so nothing outside a document
gives a fact.

* **Header cluster**: within a few lines, two of the header's fixed parts — the national or
  Party motto, the ``Số:`` line (the number may sit on the next line), the place-and-date
  line — or one of them with a type word in capitals. The cluster begins at the issuer lines
  just above it.
* **Closing**: the signature block (a capacity ``TM.``/``KT.``/``TL.``… or a title, then a
  person's name) and ``Nơi nhận`` with its items. A document ends with its last closing,
  unless an attachment follows (a type heading such as ``QUY CHẾ``, ``PHỤ LỤC``, ``Mẫu số``,
  ``(Ban hành kèm theo …)``) or its notes (``[1] …``): then it runs on to the first line of page
  chrome.
* **Page chrome** after a document: a line titling the document the way a website lists it
  (``Quyết định 84/2025/QĐ-UBND bãi bỏ …``, a type and a number without ``số``), a markdown
  heading that is no part of a document's structure, a line of a web portal's interface
  (``loaders/data/page_chrome.txt``), or English prose (a translation).

Text before the first header cluster is left out only when it shows no document of its own
(no type heading, number line or closing): a headerless plan followed by an appended
directive keeps both. A file without any header cluster is one region, as before; when
every line of it is chrome (a page whose document the site has not loaded yet), its title
lines, if they name one document, witness that document.

Everything here is pure and works on a view's positions; :meth:`Layout.blank_outside` gives
the view with the text outside every region replaced by spaces, so offsets never move.

>>> from vanban.loaders.text import clean_view
>>> page = ("Trang chủ | Văn bản | Đăng nhập\\n"
...         "BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
...         "Số: 12/BTC-CST | Hà Nội, ngày 20 tháng 11 năm 2025\\n"
...         "Kính gửi: Cục Thuế.\\n"
...         "Bộ Tài chính đề nghị Cục Thuế hướng dẫn các đơn vị thực hiện đúng quy định hiện hành.\\n"
...         "Nơi nhận: | KT. BỘ TRƯỞNG\\n- Như trên; | THỨ TRƯỞNG\\n- Lưu: VT. | Cao Anh Tuấn\\n"
...         "Công văn 12/BTC-CST năm 2025 do Bộ Tài chính ban hành\\nVăn bản liên quan\\n")
>>> view = clean_view(page)
>>> layout = locate_documents(view)
>>> kept = layout.blank_outside(view).text
>>> "Trang chủ" in kept, "BỘ TÀI CHÍNH" in kept, "Cao Anh Tuấn" in kept, "do Bộ Tài chính ban hành" in kept
(False, True, True, False)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import compress
from typing import NamedTuple

from vanban.loaders import patterns
from vanban.loaders.header import drop_title_prefix
from vanban.loaders.lexicon import capacities, doc_types, page_chrome_phrases
from vanban.loaders.line_search import lines_matching
from vanban.loaders.page_metadata import PageMetadata, read_page_title
from vanban.loaders.segment import Line, is_heading, is_number_line, type_of_line, view_lines
from vanban.loaders.signatures import CAPACITY, TITLE_HEADS, is_person_name, title_and_name
from vanban.loaders.symbols import SYMBOL
from vanban.loaders.text import NOI_NHAN, TextView, fold

__all__ = ["Layout", "Region", "locate_documents"]


@dataclass(frozen=True)
class Region:
    """A stretch of a view holding one or more documents: ``[start, end)`` positions."""

    start: int
    end: int
    header: bool  # found by a header cluster (not the whole file, or a headerless part)


@dataclass(frozen=True)
class Layout:
    """The document regions of a view; the rest of it is outside every document."""

    regions: tuple[Region, ...]
    length: int
    title: PageMetadata | None = None  # the document as the page titles it, after the document

    @property
    def whole(self) -> bool:
        """True when the whole view is one region (nothing left out)."""
        return len(self.regions) == 1 and (self.regions[0].start, self.regions[0].end) == (0, self.length)

    def blank_outside(self, view: TextView) -> TextView:
        """The view with every character outside the regions a space, save the line breaks
        that end or open a stretch left out (so the regions' lines stay lines, and a long
        stretch left out is one blank line, not thousands, for the steps after)."""
        if self.whole:
            return view
        text = view.text
        parts: list[str] = []
        pos = 0
        for region in self.regions:
            parts += (_blank(text[pos : region.start]), text[region.start : region.end])
            pos = region.end
        parts.append(_blank(text[pos:]))
        return TextView("".join(parts), view.offsets)

    def lines_inside(self, lines: list[Line]) -> list[Line]:
        """Those of a view's ``lines`` (:func:`.view_lines`) that stand inside a region: the
        lines of :meth:`blank_outside`'s view, without reading it again. (A region runs from a
        line's start to a line's end.)"""
        if self.whole:
            return lines
        inside: list[Line] = []
        for region in self.regions:
            first = bisect_left(lines, region.start, key=_start)
            inside += lines[first : bisect_left(lines, region.end, first, key=_start)]
        return inside


def _start(line: Line) -> int:
    return line.start


def _blank(text: str) -> str:
    if len(text) < 2:
        return text if text == "\n" else " " * len(text)
    return ("\n" if text[0] == "\n" else " ") + " " * (len(text) - 2) + ("\n" if text[-1] == "\n" else " ")


# --- line features --------------------------------------------------------------------------

_MOTTO = re.compile(patterns.MOTTO_FOLDED)
_DATE = re.compile(r"(?:^|,)\s*" + patterns.HEADER_DATE_FOLDED)
_BARE_NUMBER = re.compile(r"^S[ốô]\s*[:.]?$", re.IGNORECASE)
_SYMBOL_START = re.compile(r"^[\d.…_]")
_NOI_NHAN = re.compile("^" + NOI_NHAN + r"\b")
_ITEM = re.compile(r"^[-–+•]")
_SIGNED_MARK = re.compile(r"^\(?\s*đã ký\s*\)?$", re.IGNORECASE)
_STRIP = " \t|*#>_"  # what a line's content is stripped of (markup, a table's bars)


class _HeaderParts(NamedTuple):
    """The fixed parts of a header a content line holds."""

    motto: bool
    number: bool
    date: bool


# Every line _parts_of finds a motto, date or number in holds one of these (in lower case): a
# motto's word, "ngày", or "số" before a number or alone at the end ("Số:" / "84/2025/QĐ-UBND").
# Each match runs to the line's end, so a line matches once for each. (One pattern for each
# word, which opens with its literal, is scanned for faster than a choice of them all; possessive
# "*+", "?+": a run of spaces after "số" is taken once, never split two ways.)
_NUMBER_AFTER = r"[^\S\n]*+[:.]?+[^\S\n]*+(?:[\d.…_/-]|$).*"
_PART_WORDS = tuple(re.compile(word, re.MULTILINE)
                    for word in ("cộng.*", "độc.*", "ngày.*", "số" + _NUMBER_AFTER, "sô" + _NUMBER_AFTER))


def _header_parts(texts: list[str]) -> dict[int, _HeaderParts]:
    """The content lines that hold a motto, a number or a date (index → which parts): only
    the lines with a word one of them needs are tested."""
    found = {}
    for i in lines_matching(_PART_WORDS, texts, lower=True):
        parts = _parts_of(texts[i], texts[i + 1] if i + 1 < len(texts) else "")
        if any(parts):
            found[i] = parts
    return found


def _parts_of(text: str, following: str) -> _HeaderParts:
    """The header's fixed parts a content line holds, given the line after it (a header's
    parts are often cut over two lines in saved pages: "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT
    NAM", "Hà Nội, ngày 20" / "tháng 11 năm 2025"). Lower-case tests first: folding is done
    only where they pass."""
    low = text.lower()
    motto = date = False
    if "cộng" in low or "độc" in low:
        folded = fold(text)
        motto = bool(_MOTTO.search(folded)) or (
            bool(_MOTTO.search(f"{folded} {fold(following)}")) and not _MOTTO.search(fold(following)))
    if "ngày" in low and len(text) < 120:
        pair = fold(f"{text} {following}")
        date = "thang" in pair and bool(_DATE.search(pair))
    number = ("số" in low or "sô" in low) and (
        is_number_line(text) or bool(_BARE_NUMBER.match(text) and _SYMBOL_START.match(following)))
    return _HeaderParts(motto, number, date)


# What else a content line may be is asked only of the few lines near a header (most lines of a
# file are never asked).

def _is_type_heading(text: str) -> bool:
    """A type word in capitals ("QUYẾT ĐỊNH", "KẾT LUẬN CỦA …")."""
    return is_heading(text) and len(text) < 200 and type_of_line(text, strict=True) is not None


def _is_body(text: str) -> bool:
    """A sentence of the body: twelve words or more, not a heading."""
    return text.count(" ") >= 11 and len(text.split()) >= 12 and not is_heading(text)


# --- header clusters ------------------------------------------------------------------------

_NEAR = 8  # content lines within which the parts of one header stand


def _header_clusters(texts: list[str], parts: dict[int, _HeaderParts]) -> list[tuple[int, int]]:
    """(first, last) content-line indices of each header cluster, in order (``parts``: the
    lines holding a header's fixed parts)."""
    clusters: list[tuple[int, int]] = []
    group: list[int] = []

    def close() -> None:
        if not group:
            return
        first, last = group[0], group[-1]
        kinds = {kind for i in group for kind, on in zip("mnd", parts[i], strict=True) if on}
        typed = any(_is_type_heading(texts[j]) for j in range(max(0, first - 3), min(len(texts), last + 5)))
        if len(kinds) >= 2 or (typed and kinds & {"n", "d"}):
            clusters.append((first, last))
        group.clear()

    for i in sorted(parts):
        if group and (i - group[-1] > _NEAR or any(_is_body(texts[j]) for j in range(group[-1] + 1, i))):
            close()
        group.append(i)
    close()
    return clusters


def _cluster_start(texts: list[str], first: int, floor: int) -> int:
    """The first line of a header: the issuer lines, separators and a crawled title above the
    first fixed part, at most :data:`_ISSUER_LINES` lines up, never below ``floor``. A column
    cut into a line a word or two (``ỦY BAN NHÂN`` / ``DÂN`` / ``TỈNH`` / ``HÀ TĨNH``) goes on
    up to :data:`_WRAPPED_LINES` lines while each holds at most :data:`_WRAPPED_WORDS` words."""
    start = first
    while start - 1 >= floor and first - (start - 1) <= _WRAPPED_LINES:
        above = texts[start - 1]
        crawled = drop_title_prefix(above) != above  # "Quyết định 435/QĐ-UBND năm 2020. ỦY BAN …"
        if not crawled and (_is_body(above) or not (is_heading(above) or _RULE.fullmatch(above))):
            break
        wrapped = first - (start - 1) > _ISSUER_LINES
        if wrapped and not (_RULE.fullmatch(above) or len(above.split()) <= _WRAPPED_WORDS):
            break
        start -= 1
    return start


_ISSUER_LINES = 4
_WRAPPED_LINES = 8
_WRAPPED_WORDS = 3


_RULE = re.compile(r"[-_=*.~\s]+")


def _key(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).upper()


def _numbers(texts: list[str], first: int, last: int) -> frozenset[str]:
    """The numbers written on a header's lines (``Số: 12/BTC-CST`` gives ``12/BTC-CST``)."""
    return frozenset(_key(m.group()) for text in texts[first : last + 2] for m in SYMBOL.finditer(text))


# --- closings and what follows them ---------------------------------------------------------

def _closing_lines(texts: list[str]) -> list[int]:
    """Content lines that belong to a closing: ``Nơi nhận`` with its items (wrapped ones
    too), and a signer's name under a capacity, a title or ``(Đã ký)``, or right after the
    Nơi nhận block (a name alone at the end)."""
    found: list[int] = []
    n = len(texts)
    mark = -99  # the last line holding a capacity, a title or "(Đã ký)"
    order = lines_matching(_CLOSING_WORDS, texts)
    if texts and _NOI_NHAN.match(texts[0]) and order[:1] != [0]:
        order.insert(0, 0)  # (the first line, which no newline comes before)
    marked = set(order)

    def following(i: int) -> int:
        """The next line that may hold a closing: the next one while a closing word stands a few
        lines above it, else the next line holding one (the lines between cannot hold one)."""
        if i + 1 - mark <= 6 or (found and i + 1 - found[-1] <= 3):
            return i + 1
        k = bisect_right(order, i)
        return order[k] if k < len(order) else n

    i = -1
    while (i := following(i)) < n:
        text = texts[i]
        titled = i - mark <= 6
        near = titled or (found and i - found[-1] <= 3)
        if _NOI_NHAN.match(text):
            found.append(i)
            j = i + 1
            while j < n and j - i <= 40 and _continues_items(texts, j):
                found.append(j)
                j += 1
            continue
        capacity = i in marked and bool(_CAPACITY_MARK.search(text))
        signer = near and (_names_signer(text, titled) or title_and_name(text) is not None)  # (a title too)
        if (capacity and _signed_inline(text)) or (signer and not _opens_attachment(text)):
            found.append(i)
        elif near and i + 1 < n and _names_signer(f"{text} {texts[i + 1]}", titled):
            found += [i, i + 1]  # a name cut over two lines: "Bùi" / "Xuân Cường"
            continue
        if found and found[-1] == i and i + 1 < n and _LAST_NAME.fullmatch(texts[i + 1]) and (
                _names_signer(f"{text} {texts[i + 1]}", titled)):
            found.append(i + 1)  # "Đặng Ngọc" / "Minh"
        if _marks_signing(text, capacity):
            mark = i
    return found


def _names_signer(text: str, under_title: bool = False) -> bool:
    """A person's name alone on the line, or in its last cell (beside a Nơi nhận item); under
    a signature's title, the family name may be one the registry does not know."""
    known = not under_title
    if _may_be_name(text) and is_person_name(text, known):
        return True
    cells = _cells(text) if "|" in text or "   " in text else []
    return len(cells) > 1 and _may_be_name(cells[-1]) and is_person_name(cells[-1], known)


def _may_be_name(text: str) -> bool:
    """A quick test every name passes: short, capitalised, a few words, no digit."""
    return len(text) < 60 and (text[:1].isupper() or text[:1] == "(") and 1 <= text.count(" ") <= 8 and not (
        _DIGIT.search(text))


_DIGIT = re.compile(r"\d")
_LAST_NAME = re.compile(r"[A-ZĐÀ-Ỹ][a-zđà-ỹ]+")  # one given name in title case


def _continues_items(texts: list[str], j: int) -> bool:
    """Is line ``j`` still a Nơi nhận item: one marked as an item, or the wrapped rest of an
    item above that has not ended (no final "." or ";")?"""
    text = texts[j]
    if _ITEM.match(text):
        return True
    above = _cells(texts[j - 1])
    ended = not above or above[0].endswith((".", ";", ":"))
    return not ended and not is_heading(text) and len(text.split()) < 12 and not is_chrome(text)


def _marks_signing(text: str, capacity: bool) -> bool:
    """Does a line hold a capacity (``KT. BỘ TRƯỞNG``), a title in capitals (``THỦ TƯỚNG``)
    or ``(Đã ký)``, which a signer's name follows within a few lines? (``capacity``: does
    :data:`_CAPACITY_MARK` find one in it.)"""
    signed = "ký" in text
    titled = not (capacity or signed) and text[:3].upper() == text[:3] and bool(TITLE_HEADS.search(text))
    if not (capacity or signed or titled):
        return False
    return any(CAPACITY.match(cell) or _SIGNED_MARK.match(cell)
               or (is_heading(cell) and TITLE_HEADS.search(cell)) for cell in _cells(text))


def _signed_inline(text: str) -> bool:
    """A whole signature block on one line: ``TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH … Nguyễn Hữu Tháp``
    (a line :data:`_CAPACITY_MARK` finds a capacity in)."""
    cells = _cells(text)
    if not cells or not CAPACITY.match(cells[-1] if len(cells) > 1 else cells[0]):
        return False
    words = cells[-1].split()
    return any(is_person_name(" ".join(words[-n:])) for n in (2, 3, 4, 5) if len(words) > n)


_CAPACITY_MARK = re.compile(patterns.CAPACITY)  # in every line CAPACITY matches a cell of


def _by_first_letter(words: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Patterns finding the ``words``, one for each first letter: the engine scans for a
    pattern's opening letter far faster than for a choice of several."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return tuple(re.compile(f"{re.escape(letter)}(?:{'|'.join(rest)})") for letter, rest in rests.items())


# A line _closing_lines reads holds one of these, or stands a few lines under one that does
# (searched one by one: an alternation of them all is slower than the searches one by one).
# "Nơi nhận" opens a line: found by the newline before it (a literal first, scanned for fast);
# the first line is tested apart.
_CLOSING_WORDS = (re.compile(r"\n" + NOI_NHAN), re.compile("ký"),
                  *_by_first_letter(capacities()), *_by_first_letter(patterns.SIGNATURE_TITLE_FORMS))
_CELL_BREAK = re.compile(r"\s*\|\s*|\s{3,}")


def _cells(text: str) -> list[str]:
    return [c.strip(_STRIP) for c in _CELL_BREAK.split(text) if c.strip(_STRIP)]


_ATTACHMENT = re.compile(rf"^(?:{patterns.ATTACHMENT_HEADING}|\(?\s*(?:Ban hành )?[Kk]èm theo)")


def _opens_attachment(text: str) -> bool:
    """A type heading (``QUY CHẾ``, ``KẾ HOẠCH``, also after a crawled title), ``PHỤ LỤC``,
    ``Mẫu số …``, ``(Ban hành kèm theo …)``."""
    text = drop_title_prefix(text).strip(_STRIP)
    first = re.split(r"\.\s", text, maxsplit=1)[0]  # "CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI …"
    return bool(_ATTACHMENT.match(text)) or any(
        is_heading(part) and type_of_line(part, strict=True) is not None for part in (text, first))


# --- page chrome ----------------------------------------------------------------------------

@cache
def _self_title() -> re.Pattern[str]:
    """A website's title line for a document: its type and number without "số"."""
    names = patterns.by_first_letter(re.escape(t.name) for t in doc_types())
    return re.compile(rf"^{names}\s+(?:{SYMBOL.pattern})(?:\s|$)")


def _site_title(text: str) -> re.Match[str] | None:
    """A website's title line for a document (:func:`_self_title`), tested only on a line with
    a "/" near its start."""
    return _self_title().match(text) if "/" in text[:90] and text[:1].isupper() else None


def _titled_number(title: re.Match[str]) -> str:
    """The number a :func:`_site_title` match names, as :func:`_key` writes it."""
    return _key(title.group().split()[-1])


# The document's notes after its closing: "[1] Hồ sơ dự thảo …".
_FOOTNOTE = re.compile(r"^\[\d{1,2}\]\s*\S")
_STRUCTURAL = re.compile(r"^(?:Điều|Chương|Mục|Phần|Phụ lục|Nơi nhận|[IVXLC]+[.\-]|\d+[.)]|[a-zđ]\))",
                         re.IGNORECASE)
_ENGLISH_WORDS = frozenset({"the", "of", "and", "to", "in", "for", "on", "by", "with", "is", "are", "this",
                            "that", "shall", "from", "be", "or"})
_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ"
                         "ÀÁẢÃẠÈÉẺẼẸÌÍỈĨỊÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữựẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ]")


def is_chrome(text: str, raw_line: str = "", own: frozenset[str] = frozenset()) -> bool:
    """A line of page chrome: a website's title line for a document, a markdown heading that
    is no part of a document, a portal's interface phrase, or English prose. ``own`` are
    the numbers of the document read (upper case, no spaces): a title line must name one of
    them, when they are known.

    >>> is_chrome("Quyết định 84/2025/QĐ-UBND bãi bỏ Quyết định 10/2016/QĐ-UBND")
    True
    >>> is_chrome("Văn bản liên quan"), is_chrome("Quyết định số 84/2025/QĐ-UBND có hiệu lực từ ngày ký.")
    (True, False)
    >>> is_chrome("Pursuant to the Law on Foreign Trade Management No. 05/2017/QH14 dated June 12, 2017;")
    True
    """
    return _is_chrome(text, raw_line.lstrip().startswith("##"), own)


def _is_chrome(text: str, heading: bool, own: frozenset[str]) -> bool:
    """:func:`is_chrome`, told whether the line is a markdown heading in the file."""
    title = _site_title(text)
    if title and (not own or _titled_number(title) in own) and drop_title_prefix(text) == text:
        return True  # (a crawler's "Quyết định 435/QĐ-UBND năm 2020. Điều 2." opens a line of the text)
    words = len(text.split(None, 12))  # the number of words, or 13 for more: all the tests need
    if words <= 12 and fold(text).startswith(page_chrome_phrases()):
        return True
    if heading and not (_STRUCTURAL.match(text) or text.isupper()):
        return True
    if words >= 6 and not _VIETNAMESE.search(text):
        return sum(w.strip(".,;:()").lower() in _ENGLISH_WORDS for w in text.split()) >= 2
    return False


# --- the stage ------------------------------------------------------------------------------

def locate_documents(view: TextView, raw: str | None = None, table: PageMetadata | None = None,
                     lines: list[Line] | None = None) -> Layout:
    """The regions of ``view`` that hold documents (see the module's docstring).

    ``raw`` is the original text the view was made from; with it, markdown headings (which
    the clean view no longer shows) count as chrome where they are no part of a document.
    ``table`` is the page's metadata table (:mod:`.page_metadata`): no document is read in it
    or before it, and a page whose document shows no header starts right after it. ``lines``
    are the view's lines (:func:`.view_lines`), when the caller has them.
    """
    whole = Layout((Region(0, len(view.text), False),), len(view.text))
    lines = view_lines(view) if lines is None else lines
    if table is not None:  # (the lines start in order: those after the table are the last ones)
        lines = lines[bisect_left(lines, table.end, key=_start) :]
    contents = [text.strip(_STRIP) for text, _, _ in lines]  # each line's content
    lines, texts = list(compress(lines, contents)), list(filter(None, contents))  # the content lines
    if not lines:
        return whole
    parts = _header_parts(texts)
    clusters = _header_clusters(texts, parts)
    closings = set(_closing_lines(texts))
    if not clusters and table is None and not closings:
        headings = _markdown_headings(view, lines, raw) if raw is not None else set()
        return Layout(whole.regions, whole.length, _title_of_a_page_without_text(texts, lines, headings))
    starts: list[int] = []
    floor = 0
    for first, last in clusters:
        starts.append(_cluster_start(texts, first, floor))
        floor = last + 1

    headings = _markdown_headings(view, lines, raw) if raw is not None else set()
    spans: list[tuple[int, int, bool]] = []
    head = starts[0] if starts else len(texts)
    if not starts or _shows_a_document(texts, parts, closings, 0, head):
        own = frozenset({_key(table.symbol.value)}) if table is not None and table.symbol else frozenset()
        spans.append((0, _end_of(texts, closings, 0, head, headings, own), False))
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(texts)
        first, last = clusters[k]
        own = _numbers(texts, first, last)
        spans.append((start, _end_of(texts, closings, last + 1, stop, headings, own), True))
    regions = tuple(Region(lines[a].start, lines[b - 1].end, header) for a, b, header in spans if b > a)
    after = max((b for _, b, _ in spans), default=0)
    # (read_page_title reads only the lines with a "/" near their start: the others are not passed)
    title = read_page_title([(texts[i], lines[i].start) for i in range(after, len(texts))
                             if "/" in texts[i][:90]])
    if not regions and table is not None:
        # A page whose document the site shows no text of: its table is all there is of it
        # (what follows is the site's own lists and notices).
        return Layout((Region(table.start, table.end, False),), len(view.text), title)
    if not regions:
        return Layout(whole.regions, whole.length, title)
    return Layout(_joined(regions, view.text), len(view.text), title)


def _title_of_a_page_without_text(texts: list[str], lines: list[Line],
                                  headings: set[int]) -> PageMetadata | None:
    """The document a saved page titles when it shows no text of it (the site has not loaded
    it yet): every content line is chrome, and every title line among them names one number
    (a list of several documents' titles is no page of one)."""
    if not all(_is_chrome(text, i in headings, frozenset()) for i, text in enumerate(texts)):
        return None
    titled = [(text, line.start, m) for text, line in zip(texts, lines, strict=True)
              if (m := _site_title(text))]
    if len({_titled_number(m) for _, _, m in titled}) != 1:
        return None
    return read_page_title([(text, start) for text, start, _ in titled])


def _shows_a_document(texts: list[str], parts: dict[int, _HeaderParts], closings: set[int], start: int,
                      stop: int) -> bool:
    """Does the text before the first header hold a document of its own (a type heading, a
    number line or a closing)?"""
    return any(i in closings or (i in parts and parts[i].number) or _is_type_heading(texts[i])
               for i in range(start, stop))


def _end_of(texts: list[str], closings: set[int], body: int, stop: int, headings: set[int],
            own: frozenset[str]) -> int:
    """One past the last content line of the document(s) whose body starts at ``body``
    (``headings``: the lines that are markdown headings in the file)."""
    last_close = max((i for i in closings if body <= i < stop), default=None)
    if last_close is not None:
        opener = None
        for i in range(last_close + 1, min(stop, last_close + 6)):
            if (_opens_attachment(texts[i]) or _FOOTNOTE.match(texts[i])
                    or (i + 1 < stop and _opens_attachment(f"{texts[i]} {texts[i + 1]}"))):  # cut in two
                opener = i
                break
            if _is_chrome(texts[i], i in headings, own):
                break  # the page goes on, not the document
        if opener is None:
            return last_close + 1
        body = opener + 1
    for i in range(body, stop):
        if _is_chrome(texts[i], i in headings, own):
            return i
    return stop


# A line of the file opening with "##" after its spaces: found by the newline before it (a
# literal first, which the engine scans for), the first line of the file tested apart.
_HEADING_MARK = re.compile(r"\n[^\S\n]*##")
_FIRST_HEADING_MARK = re.compile(r"[^\S\n]*##")


def _markdown_headings(view: TextView, lines: list[Line], raw: str) -> set[int]:
    """The content lines (indices into ``lines``) standing on a line of ``raw`` that opens with
    ``##``: markdown headings, which the view no longer shows. A saved page has a few, so each
    is looked up among the lines by bisection (the view's offsets never decrease)."""
    found: set[int] = set()
    if "##" not in raw:
        return found
    begins = [m.start() + 1 for m in _HEADING_MARK.finditer(raw)]
    if _FIRST_HEADING_MARK.match(raw):
        begins.insert(0, 0)

    def origin(i: int) -> int:
        return view.offsets[lines[i].start]

    for begin in begins:
        end = raw.find("\n", begin)  # the newline ending the line belongs to it
        end = len(raw) if end < 0 else end
        i = bisect_left(range(len(lines)), begin, key=origin)
        while i < len(lines) and origin(i) <= end:
            found.add(i)
            i += 1
    return found


def _joined(regions: tuple[Region, ...], text: str) -> tuple[Region, ...]:
    """Regions with only line breaks and spaces between them made one."""
    out: list[Region] = []
    for region in regions:
        if out and not text[out[-1].end : region.start].strip():
            out[-1] = Region(out[-1].start, region.end, out[-1].header or region.header)
        else:
            out.append(region)
    return tuple(out)
