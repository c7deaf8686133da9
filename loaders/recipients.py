"""Addressees: ``Kính gửi:`` at the top and ``Nơi nhận:`` at the bottom, with purposes.

Purposes: ``(B/c)``, ``(để b/c)``, ``(để báo cáo)`` → ``b/c``; ``Lưu …`` → ``lưu``;
``(để thực hiện)``, ``(t/h)`` → ``t/h``; ``(để phối hợp)``, ``(p/h)`` → ``p/h``;
``(để biết)`` → ``biết``. ``Như trên`` / ``Như Điều 3`` repeat addressees named elsewhere and
are skipped; ``(03 bản)`` is a copy count, not a purpose.

>>> items = noi_nhan_items(["Nơi nhận:", "- Như trên,", "- Ban Bí thư Trung ương Đảng (B/c),",
...     "- Các Hội quần chúng do Đảng,", "Nhà nước giao nhiệm vụ,", "- Lưu Văn phòng Tỉnh ủy."])
>>> for item in items: print(item.text, "|", item.purpose)
Ban Bí thư Trung ương Đảng | b/c
Các Hội quần chúng do Đảng, Nhà nước giao nhiệm vụ | None
Văn phòng Tỉnh ủy | lưu
>>> [item.text for item in noi_nhan_items(["Nơi nhận:", "- Các Bộ: TC, NN&PTNT, Xây dựng;", "- Lưu: VT."])]
['Bộ Tài chính', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Xây dựng']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from vanban.graph.model import OrganRef, Recipient
from vanban.loaders import patterns
from vanban.loaders.bodies import split_bodies
from vanban.loaders.document_text import DocumentText
from vanban.loaders.header import split_columns
from vanban.loaders.lexicon import titles
from vanban.loaders.line_search import lines_matching
from vanban.loaders.signatures import CAPACITY, block_at_end, is_person_name
from vanban.loaders.text import CAPITALS, KINH_GUI, NOI_NHAN, OPEN_END, TELEGRAM, fold

__all__ = ["RecipientItem", "head_title", "kinh_gui_items", "noi_nhan_items", "recipients_of"]

_PURPOSES = (
    (re.compile(r"\b(?:b/c|báo cáo)\b", re.IGNORECASE), "b/c"),
    (re.compile(r"\b(?:t/h|thực hiện)\b", re.IGNORECASE), "t/h"),
    (re.compile(r"\b(?:p/h|phối hợp)\b", re.IGNORECASE), "p/h"),
    (re.compile(r"\b(?:biết|theo dõi|chỉ đạo)\b", re.IGNORECASE), "biết"),
)
_FILING_NOISE = re.compile(r"^(?:VT|VP|VPTU|HC|TH|KT|NC|Lưu)\b")


@dataclass(frozen=True)
class RecipientItem:
    text: str
    purpose: str | None
    line: int  # index of the item's first line


def _purpose(text: str) -> str | None:
    if "(" not in text:
        return None
    for group in _BRACKETED.findall(text):
        for pattern, name in _PURPOSES:
            if pattern.search(group):
                return name
    return None


# (?<!\(): a run of "(" without ")" is scanned once, not once from each "("
_BRACKETED = re.compile(r"(?<!\()\(([^)]*)\)")
_BRACKETS = re.compile(r"(?<!\()\([^)]*\)")
# (?<!\d): from inside a run, "\d+$" is quadratic; not the end of a range or a number ("giai đoạn 2021-2025")
_TRAILING_DIGITS = re.compile(r"(?<![\d\-–/])(?<![\-–] )\d+$")
_SPACES = re.compile(r"\s+")
# A number after a space names a body or a programme that takes one ("Ban Chỉ đạo 389", "Tổ công
# tác Đề án 06", "Chương trình 135"): a charged body's word or a document type stands before it.
_SPACED_NUMBER = re.compile(r"(?<=\s)\d+$")
_TAKES_A_NUMBER = re.compile(rf"\b(?:{patterns.CHARGED_BODY}|{patterns.TYPE_NAME})\s")
# A signature block's title that a flattened footer ran into the last item, after its comma.
_GLUED_TITLE = re.compile(rf",[ \t]*(?:{patterns.SIGNATURE_TITLE})(?:[ \t]+[{CAPITALS}]+)*[ \t]*$")


# A person named after the office, past a dash: "Chủ tịch UBND tỉnh - Đ/c Nguyễn Văn A", "…tỉnh-Đỗ Tâm Hiển".
_PERSON_AFTER_DASH = re.compile(
    rf"(?<![ \t])[ \t]*[-–][ \t]*(?:(?:[Đđ]/c|[Đđ]ồng chí)[ \t]+)?"
    rf"(?P<name>[{CAPITALS}][^\s,;]*(?:[ \t]+[{CAPITALS}][^\s,;]*){{1,4}})[ \t]*$")


def _clean(text: str) -> str:
    if "(" in text:
        text = _BRACKETS.sub(" ", text)
    if "," in text:
        text = _GLUED_TITLE.sub("", text)  # "…, ban cán sự đảng tỉnh,PHÓ BÍ THƯ": the signer's title
    text = text.strip(" ,;.:|")
    if text[-1:].isdigit() and not (_SPACED_NUMBER.search(text) and _TAKES_A_NUMBER.search(text)):
        text = _TRAILING_DIGITS.sub("", text)  # copy counts: "Bộ Quốc phòng8", "Sở Y tế 02"
    person = _PERSON_AFTER_DASH.search(text) if "-" in text or "–" in text else None
    if person is not None and person.start() > 0 and is_person_name(person.group("name")):
        text = text[: person.start()]
    return _SPACES.sub(" ", text).strip(" ,;.:-–|")  # "|": a table cell's edge


def _item(text: str, line: int) -> list[RecipientItem]:
    raw = text.strip()
    if "Lưu" in raw and (block := block_at_end(raw)):  # "Lưu: VT. KT. CHỦ TỊCH … Tên": the footer run in
        raw = raw[: len(raw) - len(block)].strip()
    folded = fold(raw)
    if not raw or folded.startswith(("nhu tren", "nhu dieu", "nhu dieu")):
        return []
    if folded.startswith("luu"):
        rest = re.sub(r"^Lưu\s*:?\s*", "", raw, flags=re.IGNORECASE)
        rest = _clean(rest)
        parts = [p.strip() for p in re.split(r",", rest) if p.strip()]
        return [RecipientItem(p, "lưu", line) for p in parts
                if len(p.split()) >= 2 and not _FILING_NOISE.match(p)]
    cleaned = _clean(raw)
    if not cleaned:
        return []
    # "Các Bộ: TC, Xây dựng", "Tỉnh ủy, HĐND, UBND tỉnh X", "Thủ tướng, các Phó Thủ tướng Chính
    # phủ": one recipient for each body the item names.
    return [RecipientItem(name, _purpose(raw), line) for name in split_bodies(cleaned)]


def _left_paragraphs(lines: list[str], start: int = 0) -> Iterator[tuple[str, int]]:
    """(paragraph, line index) of the left-hand column, packed `` / `` paragraphs split."""
    for i in range(start, len(lines)):
        line = lines[i]
        columns = split_columns(line)
        if columns:
            for paragraph in _PACKED.split(columns[0]) if "/" in columns[0] else columns[0:1]:
                paragraph = paragraph.strip(" *")
                if paragraph:
                    yield paragraph, i


_PACKED = re.compile(r"(?<!\s)\s+/\s+")  # (?<!\s): tried once per run of spaces
_INLINE_ITEM = re.compile(r"(?:^|(?<=[;,.]))\s*[-–+•]\s+")
_NOI_NHAN = re.compile(r"^\W*" + NOI_NHAN + r"\s*:?\s*")
_NOI_NHAN_INSIDE = re.compile(NOI_NHAN)  # (a line holding it somewhere: a cell may open with it)


# Every line holding "Nơi nhận" in any case holds the letters around its space ("i nh" in some
# case), which few lines hold: the lines are searched for them first.
_AROUND_THE_SPACE = (re.compile("[iI] [nN][hH]"),)


def noi_nhan_items(lines: list[str]) -> list[RecipientItem]:
    """Items of the ``Nơi nhận:`` block in a document's clean lines (left column only)."""
    items: list[RecipientItem] = []
    current: list[str] = []
    current_line = 0
    started = False

    def flush() -> None:
        if current:
            items.extend(_item(" ".join(current), current_line))
            current.clear()

    lines = _join_cut_headings(lines)
    first = _block_start(lines)
    if first is None:
        return []
    for paragraph, i in _left_paragraphs(lines, first):
        if not started:
            m = _NOI_NHAN.match(paragraph)
            if not m:
                continue
            started, paragraph = True, paragraph[m.end():]
            if not paragraph:
                continue
        elif CAPACITY.match(paragraph) or is_person_name(paragraph) or (
                paragraph.isupper() and len(paragraph) > 3 and not _DASH_ITEM.match(paragraph)
                and not (current and current[-1].rstrip().endswith(","))):
            break  # the signature block, or the next document's header (not "- TTTU, TTHĐND;" nor
            # a list of codes going on from the line above)
        pieces = _INLINE_ITEM.split(paragraph)
        if pieces and pieces[0].strip() and current:
            current.append(pieces[0].strip())  # continuation of the item above
        elif pieces and pieces[0].strip():
            flush()
            current, current_line = [pieces[0].strip()], i
        for piece in pieces[1:]:
            if piece.strip():
                flush()
                current.append(piece.strip())
                current_line = i
        if fold(paragraph).lstrip("-– ").startswith("luu") and paragraph.rstrip().endswith("."):
            break
    flush()
    return items


def _join_cut_headings(lines: list[str]) -> list[str]:
    """The lines with a heading cut after its first word joined again ("Nơi" / "nhận:",
    "Kính" / "gửi:") on the second line, the first left empty so that indexes stay."""
    out = lines
    for i in range(len(lines) - 1):
        word = lines[i].strip(" *|") if len(lines[i]) < 12 else ""  # (most lines are longer)
        if word and fold(word) in _CUT_HEADINGS:
            after = lines[i + 1].strip(" *|")
            if fold(after).startswith(_CUT_HEADINGS[fold(word)]):  # (a tuple: any of them)
                out = list(out) if out is lines else out
                out[i], out[i + 1] = "", f"{word} {after}"
    return out


_CUT_HEADINGS = {"noi": ("nhan",), "kinh": ("gui", "goi")}


def _block_start(lines: list[str]) -> int | None:
    """The first line with a left-hand paragraph that opens the ``Nơi nhận`` block."""
    for i in lines_matching(_AROUND_THE_SPACE, lines):
        line = lines[i]
        if _NOI_NHAN_INSIDE.search(line) and any(_NOI_NHAN.match(paragraph)
                                                 for paragraph, _ in _left_paragraphs([line])):
            return i
    return None


_KINH_GUI = re.compile(r"^\W*" + KINH_GUI + r"\s*:?\s*(?P<rest>.*)$")
# A header's lines run together by a crawler: "… ngày 29 tháng 12 năm 2014 Kính gửi: Cục Hải quan …".
_KINH_GUI_INSIDE = re.compile(r"(?<=\s)Kính g[ửở]i\s*:\s*(?P<rest>\S.*)$")
_DASH_ITEM = re.compile(r"^\s*[-–+•]\s*\S")
_SEPARATOR = re.compile(r"^[\s|*]*$")  # an empty line or a table's cell break
_SENTENCE_END = re.compile(rf"\.\s+(?=[{CAPITALS}])")


def _wraps(item: str, line: str) -> bool:
    """Does ``line`` finish a dash item cut by a line break ("- Các cơ quan tham mưu, giúp việc" /
    "Đảng ủy Ủy ban nhân dân tỉnh,")? The item has no closing mark, the line ends with one (a
    body paragraph's first line, wrapped mid-sentence, does not)."""
    closing = (",", ";", ".", ":")
    return not item.rstrip().endswith(closing) and line.rstrip(" *|").endswith(closing)


def _goes_on(item: str, line: str) -> bool:
    """Does ``line`` go on with an item that ends with a comma or a colon ("- Bộ trưởng các Bộ:" /
    "Quốc phòng, Công an,")? A short line that ends like an item does; a paragraph does not."""
    return (item.rstrip().endswith((",", ":")) and len(line) < 100
            and line.rstrip(" *|").endswith((",", ";", ".", ":")))


def _dangles(item: str, line: str) -> bool:
    """Does ``line`` finish an item that ends with a word wanting what follows ("Thủ trưởng các
    cơ quan thuộc" / "Bộ")? A short line naming something (a capital first) does."""
    return len(line) < 60 and line[:1].isupper() and bool(OPEN_END.search(item.rstrip()[-24:]))


_SENT_WORDS = ("gửi", "Gửi", "GỬI", "gởi", "Gởi", "GỞI")
_TELEGRAM_WORDS = ("điện", "ĐIỆN")
# A line _addressee_opening finds an opening in holds one of these (searched for first, each a
# literal, which the engine scans for faster than a choice of words): the sent words without
# their first letter, whose case varies, or a telegram's word.
_ADDRESSEE_WORDS = tuple(map(re.compile, sorted({w[1:] for w in _SENT_WORDS}) + list(_TELEGRAM_WORDS)))


def _addressee_opening(line: str) -> re.Match[str] | None:
    """The ``Kính gửi:`` or ``… điện:`` that opens the addressees on this line, if any."""
    # "gửi" or "gởi" in some case is in the line of any match (tested first: no lower-casing of
    # most lines)
    if any(word in line for word in _SENT_WORDS) and "kính g" in line.lower():
        return _KINH_GUI.match(line) or _KINH_GUI_INSIDE.search(line)
    if any(word in line for word in _TELEGRAM_WORDS):
        return TELEGRAM.match(line)
    return None


def kinh_gui_items(lines: list[str]) -> list[RecipientItem]:
    """Items after ``Kính gửi:`` or a Công điện's ``THỦ TƯỚNG CHÍNH PHỦ điện:``: inline, a dash
    list on the same line, a list below, or a list in the next cell of a table (after ``|``).

    >>> [i.text for i in kinh_gui_items(["Kính gửi:", "|", "- Bộ Y tế;", "- Bộ Công an.", "|", "Thực hiện"])]
    ['Bộ Y tế', 'Bộ Công an']
    """
    lines = _join_cut_headings(lines)
    for i in lines_matching(_ADDRESSEE_WORDS, lines):
        line = lines[i]
        m = _addressee_opening(line)
        if not m:
            continue
        rest = m.group("rest").strip(" *|")
        if m.re is _KINH_GUI_INSIDE:
            rest = _SENTENCE_END.split(rest, maxsplit=1)[0]  # the body may run on after the addressee
        pieces = [p for p in re.split(r"(?<!\s)\s+-\s+|^-\s*|(?<!\s)\s*\|\s*", rest) if p.strip(" -")]
        items: list[RecipientItem] = []
        for piece in _listed_below(lines, i, pieces):
            items += _item(piece, i)
        return items
    return []


def _listed_below(lines: list[str], at: int, current: list[str]) -> list[str]:
    """The addressees ``current`` (those on the opening line) with the list below it: dash items,
    items wrapped over lines, and the list or the name in the next cell of a table."""
    j = at + 1
    if not current:  # the list may stand in the next cell: "Kính gửi:" / "|" / "- Bộ …"
        while j < len(lines) and j - at <= 4 and _SEPARATOR.match(lines[j]):
            j += 1
        if j < len(lines) and not _DASH_ITEM.match(lines[j]) and 0 < len(lines[j]) < 120 and (
                j + 1 >= len(lines) or _SEPARATOR.match(lines[j + 1])):
            return [lines[j].strip(" *|")]  # one name alone in the cell
    # Has a dash item (or its continuation) just been read? An addressee on the opening line may
    # wrap too ("Kính gửi: Thuế" / "thành phố Huế."), onto a short line.
    listed = bool(current) and j < len(lines) and len(lines[j]) < 60
    while j < len(lines):
        line = lines[j].strip(" *|")  # "| | - Ủy ban nhân dân …": an item in a table's second cell
        if _SEPARATOR.match(line):
            k = j
            while k < len(lines) and k - j < 4 and _SEPARATOR.match(lines[k]):
                k += 1
            more = k < len(lines) and (_DASH_ITEM.match(lines[k].strip(" *|")) or (
                current and current[-1].rstrip().endswith(":")))  # "- Bộ trưởng các Bộ:" | "Quốc phòng, …"
            if not (current and more):
                break
            j = k
            continue
        if _DASH_ITEM.match(line):
            current.append(line.strip().lstrip("-–+• "))
            listed = True
        elif current and (listed or current[-1].rstrip().endswith(":")) and (
                _wraps(current[-1], line) or _goes_on(current[-1], line)
                # a name cut mid-word: "- Chủ tịch Ủy ban nhân" / "dân các tỉnh, thành phố: …"
                or (line[:1].islower() and not current[-1].rstrip().endswith((";", ".")))
                or _dangles(current[-1], line)):
            current[-1] = f"{current[-1].rstrip()} {line}"
        else:
            break
        j += 1
    return current


_ALONE = {t.title: t.heads or None for t in titles() if t.alone}
_HEAD_TITLE = re.compile(
    r"^(?P<title>(?:(?:Các|các)\s+)?(?:" + patterns.DEPUTY + r"\s+)?(?P<office>"
    + patterns.alternation(_ALONE) + r"))(?P<rest>(?:\s+\S+)*)$"
)


def head_title(text: str) -> tuple[str, str | None] | None:
    """A recipient that is only the title of a head (``Cục trưởng``, ``Bộ trưởng Trần Đức
    Thắng``, ``Các Thứ trưởng``): the head of the issuing body, named by no organ. Returns the
    title and the kind of body it heads (``Cục``), or None.

    >>> head_title("Cục trưởng"), head_title("Bộ trưởng Trần Hồng Hà"), head_title("Các Thứ trưởng")
    (('Cục trưởng', 'Cục'), ('Bộ trưởng', 'Bộ'), ('Các Thứ trưởng', 'Bộ'))
    >>> head_title("Chủ tịch Ủy ban nhân dân tỉnh") is None, head_title("Bộ Tài chính") is None
    (True, True)
    """
    m = _HEAD_TITLE.match(text.strip())
    if m is None or (m.group("rest") and not is_person_name(m.group("rest"))):
        return None
    return m.group("title"), _ALONE[m.group("office")]



def recipients_of(doc: DocumentText, resolve: Callable[[str], OrganRef | None],
                  issuer: OrganRef | None) -> tuple[Recipient, ...]:
    """The organs a document is addressed to (kính gửi) and sent to (nơi nhận), resolved in
    its scope, with their purposes; a head's title alone (``Cục trưởng (để b/c)``) is the head
    of the issuing body, or of the body of that kind above it."""
    texts = doc.clean_texts
    out: list[Recipient] = []
    for kind, items in (("kinh_gui", kinh_gui_items(texts)), ("noi_nhan", noi_nhan_items(texts))):
        for item in items:
            head = head_title(item.text) if issuer is not None else None
            body = _headed_body(issuer, head[1], item.purpose) if head is not None and issuer else None
            if head is not None and body is not None:
                organ = resolve(f"{head[0]} {body.name}")
            else:  # a body named, or the heads of the bodies of a kind ("Bộ trưởng" in a Công điện)
                organ = resolve(item.text)
            if organ is not None:
                evidence = doc.clean_evidence(item.line, f"recipients-{kind}")
                out.append(Recipient(organ, kind, item.purpose, evidence))
    return tuple(out)


def _headed_body(issuer: OrganRef, kind: str | None, purpose: str | None) -> OrganRef | None:
    """The body a head title names: the issuer, or the body above it of that kind (the
    ``Bộ trưởng`` of a document issued by one of the ministry's departments). With no body of
    that kind above the issuer, a title sent the document to report (``Bộ trưởng (để b/c)``)
    is the issuer's head; otherwise None: the heads of all bodies of that kind (the
    ``Bộ trưởng`` a Công điện of the Thủ tướng is sent to)."""
    node: OrganRef | None = issuer
    while kind and node is not None:
        if node.name.startswith(f"{kind} "):
            return node
        node = node.parent
    return issuer if kind is None or purpose == "b/c" else None
