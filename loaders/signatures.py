"""Signature blocks: capacity (``T/M``, ``K/T``, ``KT.``, ``TL.``, ``Q.``), title and name.

Works on the *clean* lines of a document (signature blocks are short stacked lines, often
in the right column beside ``Nơi nhận``). ``Đã ký: Nguyễn Phú Trọng`` and ``(Đã ký)`` mark a
signature reproduced on a copy. A block with no capacity line is recognised by a person's
name on one of the last lines.

>>> [(s.capacity, s.title, s.person) for s in find_signatures(
...     ["Nơi nhận:", "- Lưu VT.", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Bắc"])]
[('T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Trần Văn Bắc')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.loaders import patterns
from vanban.loaders.header import split_cells
from vanban.loaders.lexicon import capacities, mottos, organ_words, surnames
from vanban.loaders.line_search import lines_matching
from vanban.loaders.memo import remember_short
from vanban.loaders.segment import is_heading
from vanban.loaders.text import fold

__all__ = [
    "CAPACITY",
    "TITLE_HEADS",
    "SignatureBlock",
    "block_at_end",
    "find_signatures",
    "is_person_name",
    "signature_stream",
    "title_and_name",
]

CAPACITY = re.compile(rf"^(?P<cap>{patterns.CAPACITY})\s*(?P<rest>\S.*)$")
_CAPACITY_FIRST = frozenset(mark[0] for mark in capacities())  # what a capacity opens with ("T", "K", "Q")
_SIGNED = re.compile(r"^\(?\s*(?:Đã ký|đã ký)\s*\)?\s*:?\s*")
_RANK = re.compile(rf"^{patterns.RANK}\s+")
TITLE_HEADS = re.compile(patterns.SIGNATURE_TITLE)


def _not_names() -> tuple[tuple[str, ...], frozenset[str]]:
    """What opens a line that looks like a name but is none: phrases compared folded (tones and
    OCR variants alike: the block's words, the mottos, organ words of several words), single
    organ words with their tones, as folding would also catch a family name ("đảng" is the
    party, "Đặng" a family), and never a word that is a family name ("Đoàn")."""
    words = [w.word for w in organ_words()]
    mottos_begin = (" ".join(fold(m).replace("-", " ").split()[:3]) for m in mottos())
    phrases = ("noi nhan", "nhu tren", "kinh gui", "kinh goi", *mottos_begin,
               *(fold(w) for w in words if " " in w))
    single = frozenset(w.split()[0].lower() for w in words if w.split()[0] not in surnames()) | {"các"}
    return phrases, single


_NOT_NAME, _NOT_NAME_WORDS = _not_names()
# One pass over the folded line instead of a test per phrase: a phrase not run on into a word.
_NOT_NAME_OPENING = re.compile(
    patterns.by_first_letter(map(re.escape, sorted(_NOT_NAME, key=len, reverse=True))) + r"(?![^\W\d_])")


@dataclass(frozen=True)
class SignatureBlock:
    capacity: str | None
    title: str | None
    person: str
    line: int  # index of the name line


@remember_short(80)  # names come back: the signer's on every page, each in several tests
def is_person_name(text: str, known_family: bool = True) -> bool:
    """A Vietnamese personal name: 2–5 capitalised syllables, each with a vowel, a known
    family name first (or any, with ``known_family=False``: under a signature's title,
    where a rarer family name such as "Mạnh" stands).

    >>> is_person_name("Nguyễn Thị Thu Thủy"), is_person_name("Ban Dân vận Tỉnh ủy")
    (True, False)
    >>> is_person_name("LÝ VỀ HQ"), is_person_name("Mạnh Thị Tuyết Mai")
    (False, False)
    >>> is_person_name("Mạnh Thị Tuyết Mai", False), is_person_name("PHÓ CHỦ TỊCH", False)
    (True, False)
    """
    text = _RANK.sub("", _SIGNED.sub("", text.strip(" *[]()."))).strip()
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    upper = text.isupper()
    if upper:
        words = [w.capitalize() for w in words]
    if not all(w[:1].isupper() and w.isalpha() and (len(w) == 1 or w[1:].islower()) for w in words):
        return False
    first = words[0].lower()
    if first in _NOT_NAME_WORDS or (upper and first.startswith("lưu")) or _NOT_NAME_OPENING.match(fold(text)):
        return False
    if not all(_VOWEL.search(w) for w in words):
        return False  # "LÝ VỀ HQ": an abbreviation is no syllable
    # A name in capitals needs a known family name: "PHÓ CHỦ TỊCH" is capitalised too.
    return words[0] in surnames() or not (known_family or upper)


_VOWEL = re.compile("[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
                    re.IGNORECASE)


def clean_name(text: str) -> str:
    """The name alone, without ``Đã ký``, a military rank or stray punctuation."""
    text = _RANK.sub("", _SIGNED.sub("", text.strip(" *[]()."))).strip()
    return " ".join(w.capitalize() for w in text.split()) if text.isupper() else text


def signature_stream(lines: list[str]) -> list[tuple[str, int]]:
    """The pieces a signature block can be in, in reading order, with their line index.

    Two-column lines give their right-hand cells; lines packed by a converter (`` / `` and
    ``|``) give every cell; a list item (``- …``) of a left-hand ``Nơi nhận`` is skipped.
    """
    pieces: list[tuple[str, int]] = []
    for i, line in enumerate(lines):
        cells = split_cells(line)
        if len(cells) > 1:  # the right-hand cells, or all when the block opens the line ("CHỦ TỊCH    Tên")
            pieces += [(cell, i) for cell in (cells if _opens_block(cells[0]) else cells[1:])]
        elif cells and not cells[0].startswith(("-", "–", "+", "•")):
            pieces.append((cells[0], i))
            if "Lưu" in cells[0] and (block := block_at_end(cells[0])):  # "…; - Lưu: VT. CHỦ TỊCH Tên"
                pieces.append((block, i))
        elif cells and ((glued := _glued_title(cells[0])) or (glued := block_at_end(cells[0]))):
            pieces.append((glued, i))
    return pieces


def _opens_block(cell: str) -> bool:
    """A capacity or a title in capitals: a signature block's line, not a Nơi nhận item."""
    return bool(CAPACITY.match(cell) or (is_heading(cell) and TITLE_HEADS.match(cell)))


def block_at_end(item: str) -> str | None:
    """A signature block a crawler ran into the end of the last Nơi nhận item, merging the
    footer's lines: from the first word in capitals on which a capacity or a title opens a
    block with its signer's name.

    >>> block_at_end("- Lưu: VT, KTTH (3b). Hương BỘ TRƯỞNG, CHỦ NHIỆM Trần Văn Sơn")
    'BỘ TRƯỞNG, CHỦ NHIỆM Trần Văn Sơn'
    >>> block_at_end("- Lưu: VT, NN."), block_at_end("- UBND các huyện, thị xã")
    (None, None)
    """
    last = item.rsplit(None, 1)[-1]
    if not (last[:1].isupper() and last[1:].islower() and len(item) < 300):
        return None  # (a name ends the item)
    for m in _CAPITAL_WORD.finditer(item):
        rest = item[m.start():]
        if (_opens_with_capacity(rest) and _split_inline(rest)[2]) or title_and_name(rest):
            return rest
    return None


def _opens_with_capacity(text: str) -> bool:
    """A capacity as a whole word opens ``text`` ("KT. BỘ TRƯỞNG", not the "KT" of "KTTH")."""
    m = CAPACITY.match(text)
    if m is None:
        return False
    end = m.end("cap")
    return not text[end - 1].isalpha() or text[end : end + 1].isspace()


_CAPITAL_WORD = re.compile(r"(?<=\s)[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ/]*[.\s,]")


def title_and_name(cell: str) -> tuple[str, str] | None:
    """A title in capitals and the signer's name on one line (``CHỦ TỊCH Võ Văn Hưng``).

    >>> title_and_name("BỘ TRƯỞNG, CHỦ NHIỆM Trần Văn Sơn"), title_and_name("CHỦ TỊCH UBND")
    (('BỘ TRƯỞNG, CHỦ NHIỆM', 'Trần Văn Sơn'), None)
    """
    words = cell.split()
    if len(words) < 3 or not words[0].isupper() or words[-1].isupper():
        return None
    for n in (4, 3, 2):
        title = " ".join(words[:-n])
        if (len(words) > n and len(words) - n <= 8 and title.isupper() and TITLE_HEADS.match(title)
                and is_person_name(" ".join(words[-n:]))):
            return title.rstrip(" ,"), clean_name(" ".join(words[-n:]))
    return None


# A flattened two-column footer can run a long Nơi nhận item into the title on its right with
# no gap ("- Các huyện ủy, …, ban cán sự đảng tỉnh,PHÓ BÍ THƯ"): capitals right after the
# item's last comma or semicolon, which follows a lower-case letter, opening with a title
# word, are the title.
def _glued_title(item: str) -> str | None:
    """The title run into the end of a left-hand list item, if any (linear in the item).

    >>> _glued_title("- Các tỉnh ủy, thành ủy,PHÓ BÍ THƯ"), _glued_title("- Lưu Văn phòng, VT")
    ('PHÓ BÍ THƯ', None)
    """
    cut = max(item.rfind(","), item.rfind(";"))
    if cut < 1 or not (item[cut - 1].islower() and item[cut - 1].isalpha()):
        return None
    title = item[cut + 1:].strip()
    return title if title.isupper() and TITLE_HEADS.match(title) else None


def find_signatures(lines: list[str]) -> list[SignatureBlock]:
    """Signature blocks in a document's clean lines (in order)."""
    blocks, beside = _side_by_side(lines)
    pieces = [piece for piece in signature_stream(lines) if piece[1] not in beside]
    used: set[int] = {block.line for block in blocks}
    k = 0
    while k < len(pieces):
        m = CAPACITY.match(pieces[k][0]) if pieces[k][0][:1] in _CAPACITY_FIRST else None
        if not m or not _capitalised(m.group("rest")):
            k += 1
            continue
        block, end = _read_block(pieces, k)
        if block and block.line not in used:
            blocks.append(block)
            used.add(block.line)
        k = max(end, k + 1)
    if not blocks:
        tail = _titled(pieces) or _unmarked(pieces)
        if tail:
            blocks.append(tail)
    return blocks


# A line holding two capacities written with a mark ("KT. GIÁM ĐỐC      KT. TRƯỞNG BAN"), found by
# one scan of the joined lines (line_search) instead of a test of each line.
_MARK = patterns.by_first_letter(re.escape(mark) for mark in capacities() if "." in mark or "/" in mark)
_TWO_MARKS = (re.compile(rf"(?:{_MARK})[^\n]*?(?:{_MARK})"),)


def _side_by_side(lines: list[str]) -> tuple[list[SignatureBlock], set[int]]:
    """The blocks of a joint document signed side by side (``KT. GIÁM ĐỐC      KT. TRƯỞNG BAN`` /
    ``PHÓ GIÁM ĐỐC      PHÓ TRƯỞNG BAN`` / the two names): a line whose last cells open two
    capacities or more, and the cells under them, column by column from the right (a Nơi nhận
    item may stand on the left); with the lines they take.

    >>> [(b.capacity, b.title, b.person) for b in _side_by_side(
    ...     ["KT. GIÁM ĐỐC        KT. TRƯỞNG BAN", "PHÓ GIÁM ĐỐC        PHÓ TRƯỞNG BAN",
    ...      "Nguyễn Văn Hải        Trần Thị Lan"])[0]]
    [('KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Hải'), ('KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', 'Trần Thị Lan')]
    """
    for i in lines_matching(_TWO_MARKS, lines):
        line = lines[i]
        if "   " not in line and "|" not in line:
            continue
        cells = split_cells(line)
        opening = 0
        while opening < len(cells) and CAPACITY.match(cells[len(cells) - 1 - opening]):
            opening += 1
        if opening < 2:
            continue
        columns: list[list[tuple[str, int]]] = [[(cell, i)] for cell in cells[-opening:]]
        taken = {i}
        for j in range(i + 1, min(len(lines), i + 12)):
            row = split_cells(lines[j])
            if len(row) < opening:
                continue  # a line of one column only: whose it is cannot be told
            for column, cell in zip(columns, row[-opening:], strict=True):
                column.append((cell, j))
            taken.add(j)
        blocks = [block for column in columns if (block := _read_block(column, 0)[0]) is not None]
        if len(blocks) >= 2:
            return blocks, taken
    return [], set()


def _titled(pieces: list[tuple[str, int]]) -> SignatureBlock | None:
    """The last title in capitals (``BỘ TRƯỞNG``, ``THỦ TƯỚNG``, ``CHỦ TỊCH``) with a name
    right under it: a block without a capacity, also when an appendix follows it."""
    for k in range(len(pieces) - 1, -1, -1):
        title = pieces[k][0]
        if inline := title_and_name(title):
            return SignatureBlock(None, inline[0], inline[1], pieces[k][1])
        if k == len(pieces) - 1 or not (
                is_heading(title) and len(title.split()) <= 6 and TITLE_HEADS.match(title)):
            continue
        j = k + 1
        while j < len(pieces) - 1 and _BETWEEN.match(pieces[j][0]):
            j += 1
        name, _ = _whole_name(pieces, j)
        if is_person_name(name, known_family=False):
            return SignatureBlock(None, title, clean_name(name), pieces[j][1])
    return None


def _capitalised(text: str) -> bool:
    """The capacity's organ or office is in capitals (a name may follow on the same cell)."""
    words = text.split()
    return bool(words) and words[0].isupper()


def _split_inline(cell: str) -> tuple[str, str | None, str | None]:
    """``KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn`` → capacity, title, name in one cell."""
    words = cell.split()
    name = None
    for n in range(min(5, len(words) - 1), 1, -1):
        tail = " ".join(words[-n:])
        if tail.isupper() and not _titled_before(" ".join(words[:-n])):
            continue  # "TM. HỘI ĐỒNG NHÂN DÂN": "ĐỒNG NHÂN DÂN" is no name; one in capitals follows a title
        if is_person_name(tail):
            name = clean_name(" ".join(words[-n:]))
            words = words[:-n]
            break
    upper = " ".join(words)
    nested = list(_INNER_CAPACITY.finditer(upper))
    if nested:  # "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH …": the innermost capacity signs
        upper = upper[nested[-1].start():].strip()
    capacity, title = split_capacity_title(upper)
    return capacity, title, name


def _titled_before(text: str) -> bool:
    """Does a title follow the capacity's organ in ``text`` ("KT. BỘ TRƯỞNG THỨ TRƯỞNG")?"""
    m = CAPACITY.match(text)
    return any(h.start() > 0 for h in TITLE_HEADS.finditer(m.group("rest") if m else text))


# A capacity inside a cell, after another ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"): one written with
# its slash or dot.
_INNER_CAPACITY = re.compile(r"(?<=\s)" + patterns.alternation(
    m for m in capacities() if len(m) > 2 and ("/" in m or m.endswith("."))) + r"\s*(?=[A-ZĐ])")


def split_capacity_title(text: str) -> tuple[str, str | None]:
    """Cut ``KT. BỘ TRƯỞNG THỨ TRƯỞNG`` into capacity and title at the last title word
    (a ``PHÓ …`` title wins: ``KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM``).

    >>> split_capacity_title("KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM")
    ('KT. BỘ TRƯỞNG, CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM')
    >>> split_capacity_title("KT. CHỦ TỊCH ỦY BAN CHỨNG KHOÁN NHÀ NƯỚC PHÓ CHỦ TỊCH")
    ('KT. CHỦ TỊCH ỦY BAN CHỨNG KHOÁN NHÀ NƯỚC', 'PHÓ CHỦ TỊCH')
    >>> split_capacity_title("T/M BAN BÍ THƯ"), split_capacity_title("T/M BAN BÍ THƯ THƯỜNG TRỰC BAN BÍ THƯ")
    (('T/M BAN BÍ THƯ', None), ('T/M BAN BÍ THƯ', 'THƯỜNG TRỰC BAN BÍ THƯ'))
    """
    m = CAPACITY.match(text)
    head, rest = (m.group("cap"), m.group("rest")) if m else ("", text)
    heads = [h for h in TITLE_HEADS.finditer(rest) if h.start() > 0]
    deputy = [h for h in heads if h.group().startswith(("PHÓ", "THỨ"))]
    if deputy or heads:
        cut = (deputy or heads)[-1].start()
        return f"{head} {rest[:cut].strip(' ,')}".strip(), rest[cut:].strip() or None
    return f"{head} {rest}".strip(), None


def _read_block(pieces: list[tuple[str, int]], start: int) -> tuple[SignatureBlock | None, int]:
    """The block a capacity opens at ``pieces[start]``: its lines in capitals as written (organ
    lines stacked under the capacity, then the title), cut into capacity and title once the
    signer's name is read; and the index after it."""
    written = pieces[start][0]
    capacity, title, name = _split_inline(written)
    if name:
        return SignatureBlock(capacity, title, name, pieces[start][1]), start + 1
    below: list[str] = []  # the lines in capitals under the capacity's line
    for j in range(start + 1, min(start + 12, len(pieces))):
        cell, line = pieces[j]
        if re.match(r"^(?:Ký bởi|Cơ quan|Email|Ngày ký|Thời gian ký|Người ký)", cell):
            continue
        cell, j = _whole_name(pieces, j)
        if (titled := title_and_name(cell)) is not None:  # "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH Nguyễn Văn A"
            below.append(titled[0])
            cell = titled[1]
        if is_person_name(cell, known_family=False):
            cut_capacity, cut_title, _ = _split_inline(" ".join((written, *below)))
            if cut_title or not below:
                capacity, title = cut_capacity, cut_title
            else:  # a title the table does not know (an OCR slip): the lines under the capacity
                title = " ".join(filter(None, (title, *below)))
            return SignatureBlock(capacity, title, clean_name(cell), line), j + 1
        inner = CAPACITY.match(cell)
        if inner and _capitalised(inner.group("rest")):
            written, below = cell, []  # TM. ỦY BAN … then KT. CHỦ TỊCH: the innermost signs
            capacity, title, name = _split_inline(cell)
            if name:
                return SignatureBlock(capacity, title, name, line), j + 1
        elif is_heading(cell):
            below.append(cell)
    return None, start + 1


def _whole_name(pieces: list[tuple[str, int]], j: int) -> tuple[str, int]:
    """A name cut over two lines ("Bùi" / "Xuân Cường", "Lê Hải" / "Hòa") made whole, with the
    index of its last piece; any other piece as it is."""
    cell = pieces[j][0]
    if j + 1 < len(pieces):
        after = pieces[j + 1][0]
        joined = f"{cell} {after}"
        fits = len(cell.split()) + len(after.split()) <= 5
        if fits and not is_person_name(cell) and is_person_name(joined):
            return joined, j + 1
        if fits and " " not in after and after.istitle() and is_person_name(cell) and is_person_name(joined):
            return joined, j + 1  # the last given name alone on the next line
    return cell, j


# What can stand between a title and the name below it: "(Đã ký)", a seal's stray bracket.
_BETWEEN = re.compile(r"^[\s\[\]()|*./\\-]*$|^\(?\s*(?:Đã ký|đã ký)[^()]*\)?\s*$")


def _unmarked(pieces: list[tuple[str, int]]) -> SignatureBlock | None:
    """A name among the last pieces, with the title above it if there is one (``CHỦ TỊCH
    QUỐC HỘI``, ``(Đã ký)``, then the name)."""
    for j in range(len(pieces) - 1, max(-1, len(pieces) - 8), -1):
        cell, line = pieces[j]
        if is_person_name(cell):
            above = j - 1
            while above > 0 and _BETWEEN.match(pieces[above][0]):
                above -= 1
            title = pieces[above][0] if above >= 0 else None
            if title is not None and (not is_heading(title) or fold(title).startswith("noi nhan")):
                title = None
            return SignatureBlock(None, title, clean_name(cell), line)
    return None
