"""Document symbols (số, ký hiệu), dates and party terms: patterns and small pure helpers.

>>> [m.group() for m in SYMBOL.finditer("số 54-KL/TW, 59/2023/NĐ-CP và 9387/UBND-KT ngày 12/12/2013")]
['54-KL/TW', '59/2023/NĐ-CP', '9387/UBND-KT']
>>> type_from_symbol("01-QĐi/ĐUK"), type_from_symbol("9387/UBND-KT")
('Quy định', 'Công văn')
>>> parse_date("ngày 09 tháng 5 năm 2023"), parse_date("03/10/2017")
('2023-05-09', '2017-10-03')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from vanban.graph.keys import normalize_symbol, party_term
from vanban.graph.model import OrganRef
from vanban.loaders import patterns
from vanban.loaders.lexicon import doc_types, issuer_codes, organ_registry
from vanban.loaders.text import CAPITALS

__all__ = [
    "DATE",
    "PRINTED_SYMBOL",
    "SYMBOL",
    "find_printed_symbols",
    "find_symbols",
    "is_local_code",
    "issuer_code",
    "joint_issuers",
    "normalize_symbol",
    "parse_date",
    "party_symbol",
    "party_term",
    "registry_issuer",
    "repair_symbol",
    "type_from_symbol",
]

_UP = "A-ZĐÀ-Ỹ"
_SEG = rf"[{_UP}][{_UP}a-zđà-ỹ0-9&]*"
SYMBOL = re.compile(  # the first digit, then the test of the character before it (faster)
    rf"\d(?<![\w/.-]\d)\d*(?:\.\d+)?[a-z]?"
    rf"(?:-{_SEG}(?:/{_SEG}(?:-{_SEG})*)+"  # party: 54-KL/TW, 01-QĐi/ĐUK; joint: 15-KHLT/BTGTU-STTTT
    # state: 59/2023/NĐ-CP, 1568/QĐ-TTg, 9387/UBND-KT; a legislature after a dash: 54/2014/QH-13
    # a unit code with a dot: 11554/VPCP-V.I
    rf"|/(?:\d{{4}}/)?{_SEG}(?:-{_SEG})*(?:\.[{_UP}]{{1,3}}(?!\w))?(?:(?<=QH)-\d{{2}})?)"
    rf"(?![\w/])"
)
DATE = re.compile(patterns.DATE_GROUPS)

# A symbol as printed in running text, which SYMBOL reads only when clean: one space after a
# dash, a slash or an ampersand, before a code of capitals ("15/2025/NĐ- CP", "27/2024/ UBTVQH15",
# "15972/SXD-QLN& TTBĐS"), or before a dash or a slash ("1234 /QĐ-UBND", "15/2025/NĐ -CP",
# "54-KL /TW"), or both around the dash after a type code ("15/2025/NĐ - CP"); codes with dotted
# parts anywhere ("838/CCTKV.XII-NVDTPC.HUE"). repair_symbol removes the spaces.
_GAP = rf"(?:[ ](?=[{_UP}]{{2}}))?"
_CLOSE = rf"(?:[ ](?=[-/][{_UP}\d]))?"  # a space before a dash or a slash the next part follows closely
# The dash after a state symbol's type code spaced on both sides, before the issuer's code
# ("15/2025/NĐ - CP", "12/QĐ - UBND"); not a dash after a whole symbol ("5/KH-UBND - BQL").
_SPACED = rf"[ ](?=-[ ][{CAPITALS}]{{2,}}[a-z]?(?![a-zđà-ỹ]))"  # (a code: "TTg", not a word: "Sở")
_CODE = (rf"[{_UP}][{_UP}a-zđà-ỹ0-9]*(?:&{_GAP}[{_UP}][{_UP}a-zđà-ỹ0-9]*)*"
         rf"(?:\.[{_UP}0-9]{{1,8}}(?![a-zđà-ỹ]))*")
PRINTED_SYMBOL = re.compile(
    rf"\d(?<![\w/.-]\d)\d*(?:\.\d+)?[a-z]?"
    rf"(?:[ ]?-{_GAP}{_CODE}(?:{_CLOSE}/{_GAP}{_CODE}(?:-{_CODE})*)+"
    rf"|[ ]?/{_GAP}(?:\d{{4}}{_CLOSE}/{_GAP})?{_CODE}"
    rf"(?:(?:{_CLOSE}|{_SPACED})-{_GAP}{_CODE}(?:{_CLOSE}-{_GAP}{_CODE})*)?(?:(?<=QH)-\d{{2}})?)"
    rf"(?![\w/])"
)


def find_symbols(text: str) -> Iterator[re.Match[str]]:
    """``SYMBOL.finditer(text)``, searched only in the stretches between spaces and newlines
    that hold a "/": every symbol has one, and no space or newline. (A pattern that opens
    with a digit is tried at every character; ``str.find`` skips to the next "/".)"""
    slash = text.find("/")
    while slash >= 0:
        start = max(text.rfind(" ", 0, slash), text.rfind("\n", 0, slash)) + 1
        ends = [at for at in (text.find(" ", slash), text.find("\n", slash)) if at >= 0]
        end = min(ends) if ends else len(text)
        yield from SYMBOL.finditer(text, start, end)
        slash = text.find("/", end)




def find_printed_symbols(text: str) -> Iterator[re.Match[str]]:
    """``PRINTED_SYMBOL.finditer(text)``, searched as :func:`find_symbols` searches: in the
    stretches around a "/" between spaces and newlines, a stretch going on past a space that may
    stand inside a printed symbol (:func:`_may_join`)."""
    slash = text.find("/")
    while slash >= 0:
        end = _stretch_end(text, slash)
        yield from PRINTED_SYMBOL.finditer(text, _stretch_start(text, slash), end)
        slash = text.find("/", end)


def _may_join(text: str, space: int) -> bool:
    """Can the space at ``space`` stand inside a printed symbol? Every space PRINTED_SYMBOL takes
    comes before a dash or a slash, or after one (or an ampersand) and before capitals; the
    pattern itself decides the rest."""
    return text[space + 1 : space + 2] in ("-", "/") or (
        text[space - 1 : space] in ("-", "/", "&") and text[space + 1 : space + 3].isupper())


def _stretch_start(text: str, pos: int) -> int:
    """Start of the stretch without spaces or newlines at ``pos``, taking in the spaces before
    it that may stand inside a symbol."""
    while True:
        space = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos))
        if space < 0 or text[space] == "\n" or not _may_join(text, space):
            return space + 1
        pos = space


def _stretch_end(text: str, pos: int) -> int:
    """End of the stretch without spaces or newlines at ``pos``, taking in the spaces after it
    that may stand inside a symbol."""
    while True:
        ends = [at for at in (text.find(" ", pos), text.find("\n", pos)) if at >= 0]
        end = min(ends) if ends else len(text)
        if end == len(text) or text[end] == "\n" or not _may_join(text, end):
            return end
        pos = end + 1


def repair_symbol(symbol: str) -> str:
    """A symbol as its issuer meant it: spaces printed inside it removed; a legislature written
    after a dash (``54/2014/QH-13``) part of the code (``QH13``); a code printed in capitals in its
    usual spelling (``TTG`` → ``TTg``); a table's row number glued after a party issuer's code
    (``45-KL/TW3``) dropped.

    >>> repair_symbol("54/2014/QH-13"), repair_symbol("12/2023/UBTVQH-15"), repair_symbol("5/QĐ-TTg")
    ('54/2014/QH13', '12/2023/UBTVQH15', '5/QĐ-TTg')
    >>> repair_symbol("15/2025/NĐ- CP"), repair_symbol("1899/QĐ-TTG"), repair_symbol("45-KL/TW3")
    ('15/2025/NĐ-CP', '1899/QĐ-TTg', '45-KL/TW')
    >>> repair_symbol("15/2025/NĐ - CP")
    '15/2025/NĐ-CP'
    """
    symbol = symbol.replace(" ", "")
    if "QH-" in symbol:
        symbol = _QH_DASH.sub("QH", symbol)
    head, _, issuer = symbol.rpartition("/")
    if "-" in symbol.split("/")[0] and (glued := _ROW_AFTER_CODE.match(issuer)) and patterns.is_party_code(
            glued.group(1)):
        symbol = f"{head}/{glued.group(1)}"
    return _SPELLED.sub(lambda m: _spellings().get(m.group(), m.group()), symbol)


_QH_DASH = re.compile(r"QH-(?=\d{2}$)")
_ROW_AFTER_CODE = re.compile(rf"^([{_UP}]+)\d{{1,3}}$")
_SPELLED = re.compile(rf"(?<=[-/])[{_UP}]+(?=[-/]|$)")


@cache
def _spellings() -> dict[str, str]:
    """Codes whose usual spelling holds small letters (``TTg``, ``QĐi``, ``CTr``), by their
    capitals."""
    codes = {c for t in doc_types() for c in t.codes} | {c.code for c in issuer_codes()} | {
        c for e in organ_registry().entries for c in e.codes}
    return {c.upper(): c for c in codes if c != c.upper() and "*" not in c}


def parse_date(text: str) -> str | None:
    """ISO date of the first date written in ``text``, in any case (None if none or impossible).

    >>> parse_date("NGÀY 5 THÁNG 3 NĂM 2025"), parse_date("ngày 31 tháng 2 năm 2025")
    ('2025-03-05', None)
    """
    m = DATE.search(text.lower())
    if not m:
        return None
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
        m.group("d2"), m.group("m2"), m.group("y2"))
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def _parts(symbol: str) -> tuple[str | None, str | None]:
    """(type code, issuer code) of a symbol."""
    if "-" in symbol.split("/")[0]:  # party: 54-KL/TW
        head, _, issuer = symbol.partition("/")
        return head.split("-", 1)[1], issuer.split("/")[-1]
    tail = symbol.split("/")[-1]  # state: .../QĐ-TTg, .../UBND-KT, .../QH15
    pieces = tail.split("-")
    if pieces[0].upper() in _type_codes() and len(pieces) > 1:
        return pieces[0], "-".join(pieces[1:])
    return None, tail


@cache
def _type_codes() -> frozenset[str]:
    return frozenset(c.upper() for t in doc_types() for c in t.codes)


def issuer_code(symbol: str) -> str | None:
    """The issuer part of a symbol: ``TW`` in 54-KL/TW, ``TTg`` in 1568/QĐ-TTg."""
    return _parts(symbol)[1]


is_local_code = patterns.is_local_code


def type_from_symbol(symbol: str) -> str | None:
    """The document type implied by the symbol's type code (a fallback: words win)."""
    code, issuer = _parts(symbol)
    if code is None:
        if "/" in symbol and issuer and not re.fullmatch(r"QH\d*|UBTVQH\d*", issuer):
            return "Công văn"  # 9387/UBND-KT: state dispatches carry no type code
        return "Luật" if issuer and issuer.startswith("QH") else None
    for doc_type in doc_types():
        if code in doc_type.codes:
            return doc_type.name
    folded = code.upper()
    for doc_type in doc_types():
        if folded in (c.upper() for c in doc_type.codes):
            return doc_type.name
    return None


def joint_issuers(symbol: str) -> list[str]:
    """The central organs of a joint document (liên tịch: its type code ends in ``LT``), one per
    issuer code, in the symbol's order; empty for any other symbol.

    >>> joint_issuers("29/2025/TTLT-BTP-BCA"), joint_issuers("12/2023/NĐ-CP")
    (['Bộ Tư pháp', 'Bộ Công an'], [])
    """
    code, issuers = _parts(symbol)
    if not code or not issuers or not code.upper().endswith("LT"):
        return []
    by_code = organ_registry().by_code
    codes = (c.strip().upper() for c in issuers.split("-"))
    names = [by_code[c].name for c in codes if c in by_code]
    return list(dict.fromkeys(names)) if len(names) > 1 else []


def party_symbol(number: str, doc_type: str, issuer: OrganRef) -> str | None:
    """The symbol of a central Party document from its number, type and issuer: ``57``, Nghị
    quyết, Bộ Chính trị → ``57-NQ/TW``. The issuer (or the body it belongs to) must carry a
    central Party code in the organ registry (``TW``, ``BDVTW``: a series for the whole
    country), and the type one code in capitals (not ``QĐi``, which the Party does not write).

    >>> from vanban.loaders.organs import resolve_organ
    >>> party_symbol("57", "Nghị quyết", resolve_organ("Bộ Chính trị"))
    '57-NQ/TW'
    >>> party_symbol("57", "Nghị quyết", resolve_organ("Chính phủ")) is None
    True
    """
    type_code = next((t.codes[0] for t in doc_types() if t.name == doc_type and t.codes), "")
    if not type_code.isupper():
        return None
    registry = organ_registry().by_name
    organ: OrganRef | None = issuer
    while organ is not None and not (organ.name in registry and registry[organ.name].codes):
        organ = organ.parent
    code = registry[organ.name].codes[0] if organ is not None else ""
    return f"{number}-{type_code}/{code}" if code.endswith("TW") else None


def registry_issuer(symbol: str) -> str | None:
    """The central organ named by a symbol's issuer code (``NĐ-CP`` → Chính phủ)."""
    code = issuer_code(symbol)
    if not code:
        return None
    entry = organ_registry().by_code.get(code.upper()) or organ_registry().by_code.get(
        code.split("-")[0].upper())
    if entry is None or ("TW" in entry.codes and "-" not in symbol):  # "…/TW" alone: which central organ?
        return None
    return entry.name
