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
  ``(Ban hành kèm theo …)``): then it runs on to the first line of page chrome.
* **Page chrome** after a document: a line titling the document the way a website lists it
  (``Quyết định 84/2025/QĐ-UBND bãi bỏ …``, a type and a number without ``số``), a markdown
  heading that is no part of a document's structure, a line of a web portal's interface
  (``loaders/data/page_chrome.txt``), or English prose (a translation).

Text before the first header cluster is left out only when it shows no document of its own
(no type heading, number line or closing): a headerless plan followed by an appended
directive keeps both. A file without any header cluster is one region, as before.

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
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import NamedTuple

from vanban.loaders import patterns
from vanban.loaders.header import drop_title_prefix
from vanban.loaders.lexicon import doc_types, page_chrome_phrases
from vanban.loaders.page_metadata import PageMetadata, read_page_title
from vanban.loaders.segment import Line, is_heading, is_number_line, type_of_line, view_lines
from vanban.loaders.signatures import CAPACITY, TITLE_HEADS, is_person_name
from vanban.loaders.symbols import SYMBOL
from vanban.loaders.text import TextView, fold

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


def _blank(text: str) -> str:
    if len(text) < 2:
        return text if text == "\n" else " " * len(text)
    return ("\n" if text[0] == "\n" else " ") + " " * (len(text) - 2) + ("\n" if text[-1] == "\n" else " ")


# --- line features --------------------------------------------------------------------------

_MOTTO = re.compile(patterns.MOTTO_FOLDED)
_DATE = re.compile(r"(?:^|,)\s*" + patterns.HEADER_DATE_FOLDED)
_BARE_NUMBER = re.compile(r"^S[ốô]\s*[:.]?$", re.IGNORECASE)
_SYMBOL_START = re.compile(r"^[\d.…_]")
_NOI_NHAN = re.compile(r"^nơi nhận\b", re.IGNORECASE)
_ITEM = re.compile(r"^[-–+•]")
_SIGNED_MARK = re.compile(r"^\(?\s*đã ký\s*\)?$", re.IGNORECASE)
_STRIP = " \t|*#>_"


def _content(line: Line) -> str:
    return line.text.strip(_STRIP)


class _Features(NamedTuple):
    """What a content line is (a named tuple: made once per line of every file)."""

    motto: bool
    number: bool
    date: bool
    type_heading: bool  # a type word in capitals ("QUYẾT ĐỊNH", "KẾT LUẬN CỦA …")
    body: bool  # a sentence of the body (twelve words or more, not a heading)


def _lines_matching(searched: tuple[re.Pattern[str], ...], texts: list[str], lower: bool = False) -> set[int]:
    """Indices of the ``texts`` where one of ``searched`` matches (in their lower case with
    ``lower``): one search over the joined text for each pattern instead of one per line."""
    joined = "\n".join(texts)
    if lower:
        joined = joined.lower()
        texts = joined.split("\n")  # lower() may change a line's length ("İ")
    starts = [0, *accumulate(len(text) + 1 for text in texts)]
    return {bisect_right(starts, m.start()) - 1 for pattern in searched for m in pattern.finditer(joined)}


# Every line _features finds a motto, date or number in holds one of these (in lower case): a
# motto's word, "ngày", or "số" before a number or alone at the end ("Số:" / "84/2025/QĐ-UBND").
# The match runs to the line's end, so a line matches once.
# (Possessive "*+", "?+": a run of spaces after "số" is taken once, never split two ways.)
_FEATURE_WORDS = re.compile(r"(?:cộng|độc|ngày|s[ốô][^\S\n]*+[:.]?+[^\S\n]*+(?:[\d.…_/-]|$)).*", re.MULTILINE)


_NOTHING = _Features(False, False, False, False, False)
_BODY = _Features(False, False, False, False, True)


def _line_features(texts: list[str]) -> list[_Features]:
    """The features of each content line; lines with none of the words a motto, a date or a
    number needs are only tested for a type heading and a body sentence."""
    flagged = _lines_matching((_FEATURE_WORDS,), texts, lower=True)
    out = []
    for i, text in enumerate(texts):
        if i in flagged:
            out.append(_features(text, texts[i + 1] if i + 1 < len(texts) else ""))
            continue
        if text.isupper() and is_heading(text):
            type_heading = len(text) < 200 and type_of_line(text, strict=True) is not None
            out.append(_Features(False, False, False, type_heading, False))
        else:
            out.append(_NOTHING if text.count(" ") < 11 or len(text.split()) < 12 else _BODY)
    return out


def _features(text: str, following: str) -> _Features:
    """What a content line is, given the line after it (a header's parts are often cut over
    two lines in saved pages: "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM", "Hà Nội, ngày 20" /
    "tháng 11 năm 2025"). Lower-case tests first: folding is done only where they pass."""
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
    heading = is_heading(text)
    type_heading = heading and len(text) < 200 and type_of_line(text, strict=True) is not None
    body = not heading and text.count(" ") >= 11 and len(text.split()) >= 12
    return _Features(motto, number, date, type_heading, body)


# --- header clusters ------------------------------------------------------------------------

_NEAR = 8  # content lines within which the parts of one header stand


def _header_clusters(texts: list[str], feats: list[_Features]) -> list[tuple[int, int]]:
    """(first, last) content-line indices of each header cluster, in order."""
    clusters: list[tuple[int, int]] = []
    anchors = [i for i, f in enumerate(feats) if f.motto or f.number or f.date]
    group: list[int] = []

    def close() -> None:
        if not group:
            return
        first, last = group[0], group[-1]
        kinds = {kind for i in group for kind, on in (("m", feats[i].motto), ("n", feats[i].number),
                                                      ("d", feats[i].date)) if on}
        typed = any(feats[j].type_heading for j in range(max(0, first - 3), min(len(feats), last + 5)))
        if len(kinds) >= 2 or (typed and kinds & {"n", "d"}):
            clusters.append((first, last))
        group.clear()

    for i in anchors:
        if group and (i - group[-1] > _NEAR or any(feats[j].body for j in range(group[-1] + 1, i))):
            close()
        group.append(i)
    close()
    return clusters


def _cluster_start(texts: list[str], feats: list[_Features], first: int, floor: int) -> int:
    """The first line of a header: the issuer lines, separators and a crawled title above the
    first fixed part, at most four lines up and never below ``floor``."""
    start = first
    while start - 1 >= floor and first - (start - 1) <= 4:
        above = texts[start - 1]
        crawled = drop_title_prefix(above) != above  # "Quyết định 435/QĐ-UBND năm 2020. ỦY BAN …"
        if not crawled and (feats[start - 1].body or not (is_heading(above) or _RULE.fullmatch(above))):
            break
        start -= 1
    return start


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
    marked = _lines_matching(_CLOSING_WORDS, texts)
    for i, text in enumerate(texts):
        titled = i - mark <= 6
        near = titled or (found and i - found[-1] <= 3)
        if i not in marked and not near:
            continue  # no closing word and none above: nothing below can hold
        if _NOI_NHAN.match(text):
            found.append(i)
            j = i + 1
            while j < n and j - i <= 40 and _continues_items(texts, j):
                found.append(j)
                j += 1
            continue
        capacity = i in marked and bool(_CAPACITY_MARK.search(text))
        if (capacity and _signed_inline(text)) or (
                near and _names_signer(text, titled) and not _opens_attachment(text)):
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
# A line _closing_lines reads holds one of these, or stands a few lines under one that does
# (searched one by one: an alternation of them all is slower than the four searches).
_CLOSING_WORDS = tuple(re.compile(p) for p in (r"(?im:^nơi nhận)", "ký", patterns.CAPACITY,
                                               patterns.SIGNATURE_TITLE_WORDS))
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
    names = "|".join(re.escape(t.name) for t in doc_types())
    return re.compile(rf"^(?:{names})\s+(?:{SYMBOL.pattern})(?:\s|$)")


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
    title = _self_title().match(text) if "/" in text[:90] and text[:1].isupper() else None
    if title and (not own or _key(title.group().split()[-1]) in own) and drop_title_prefix(text) == text:
        return True  # (a crawler's "Quyết định 435/QĐ-UBND năm 2020. Điều 2." opens a line of the text)
    words = text.split()
    folded = fold(text)
    if len(words) <= 12 and folded.startswith(page_chrome_phrases()):
        return True
    if raw_line.lstrip().startswith("##") and not (_STRUCTURAL.match(text) or text.isupper()):
        return True
    if len(words) >= 6 and not _VIETNAMESE.search(text):
        return sum(w.strip(".,;:()").lower() in _ENGLISH_WORDS for w in words) >= 2
    return False


# --- the stage ------------------------------------------------------------------------------

def locate_documents(view: TextView, raw: str | None = None, table: PageMetadata | None = None) -> Layout:
    """The regions of ``view`` that hold documents (see the module's docstring).

    ``raw`` is the original text the view was made from; with it, markdown headings (which
    the clean view no longer shows) count as chrome where they are no part of a document.
    ``table`` is the page's metadata table (:mod:`.page_metadata`): no document is read in it
    or before it, and a page whose document shows no header starts right after it.
    """
    whole = Layout((Region(0, len(view.text), False),), len(view.text))
    lines = [ln for ln in view_lines(view) if _content(ln)]
    if table is not None:
        lines = [ln for ln in lines if ln.start >= table.end]
    if not lines:
        return whole
    texts = [_content(ln) for ln in lines]
    feats = _line_features(texts)
    clusters = _header_clusters(texts, feats)
    closings = set(_closing_lines(texts))
    if not clusters and table is None and not closings:
        return whole
    starts: list[int] = []
    floor = 0
    for first, last in clusters:
        starts.append(_cluster_start(texts, feats, first, floor))
        floor = last + 1

    def raw_line(i: int) -> str:
        if raw is None:
            return ""
        at = view.offsets[lines[i].start]
        begin = raw.rfind("\n", 0, at) + 1
        end = raw.find("\n", at)
        return raw[begin : end if end >= 0 else len(raw)]

    spans: list[tuple[int, int, bool]] = []
    head = starts[0] if starts else len(texts)
    if not starts or _shows_a_document(texts, feats, closings, 0, head):
        own = frozenset({_key(table.symbol.value)}) if table is not None and table.symbol else frozenset()
        spans.append((0, _end_of(texts, feats, closings, 0, head, raw_line, own), False))
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(texts)
        first, last = clusters[k]
        own = _numbers(texts, first, last)
        spans.append((start, _end_of(texts, feats, closings, last + 1, stop, raw_line, own), True))
    regions = tuple(Region(lines[a].start, lines[b - 1].end, header) for a, b, header in spans if b > a)
    after = max((b for _, b, _ in spans), default=0)
    title = read_page_title([(texts[i], lines[i].start) for i in range(after, len(texts))])
    if not regions:
        return Layout(whole.regions, whole.length, title)
    return Layout(_joined(regions, view.text), len(view.text), title)


def _shows_a_document(texts: list[str], feats: list[_Features], closings: set[int], start: int,
                      stop: int) -> bool:
    """Does the text before the first header hold a document of its own (a type heading, a
    number line or a closing)?"""
    return any(feats[i].type_heading or feats[i].number or i in closings for i in range(start, stop))


def _end_of(texts: list[str], feats: list[_Features], closings: set[int], body: int, stop: int,
            raw_line: Callable[[int], str], own: frozenset[str]) -> int:
    """One past the last content line of the document(s) whose body starts at ``body``."""
    last_close = max((i for i in closings if body <= i < stop), default=None)
    if last_close is not None:
        opener = None
        for i in range(last_close + 1, min(stop, last_close + 6)):
            if _opens_attachment(texts[i]):
                opener = i
                break
            if is_chrome(texts[i], raw_line(i), own):
                break  # the page goes on, not the document
        if opener is None:
            return last_close + 1
        body = opener + 1
    for i in range(body, stop):
        if is_chrome(texts[i], raw_line(i), own):
            return i
    return stop


def _joined(regions: tuple[Region, ...], text: str) -> tuple[Region, ...]:
    """Regions with only line breaks and spaces between them made one."""
    out: list[Region] = []
    for region in regions:
        if out and not text[out[-1].end : region.start].strip():
            out[-1] = Region(out[-1].start, region.end, out[-1].header or region.header)
        else:
            out.append(region)
    return tuple(out)
