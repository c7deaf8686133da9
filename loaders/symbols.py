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
import unicodedata
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from vanban.loaders.lexicon import doc_types, organ_registry

__all__ = [
    "DATE",
    "SYMBOL",
    "find_symbols",
    "is_local_code",
    "issuer_code",
    "joint_issuers",
    "normalize_symbol",
    "parse_date",
    "party_term",
    "registry_issuer",
    "repair_symbol",
    "type_from_symbol",
]

_UP = "A-ZĐÀ-Ỹ"
_SEG = rf"[{_UP}][{_UP}a-zđà-ỹ0-9&]*"
SYMBOL = re.compile(  # the first digit, then the test of the character before it (faster)
    rf"\d(?<![\w/.-]\d)\d*(?:\.\d+)?[a-z]?"
    rf"(?:-{_SEG}(?:/{_SEG})+"  # party: 54-KL/TW, 01-QĐi/ĐUK
    # state: 59/2023/NĐ-CP, 1568/QĐ-TTg, 9387/UBND-KT; a legislature after a dash: 54/2014/QH-13
    # a unit code with a dot: 11554/VPCP-V.I
    rf"|/(?:\d{{4}}/)?{_SEG}(?:-{_SEG})*(?:\.[{_UP}]{{1,3}}(?!\w))?(?:(?<=QH)-\d{{2}})?)"
    rf"(?![\w/])"
)
DATE = re.compile(
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})\s+tháng\s*(?P<m2>\d{1,2})\s*năm\s*(?P<y2>(?:19|20)\d{2})"  # also "tháng12"
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


# Party congresses: a term (khóa) runs from one congress to the next.
_TERMS = (("XIV", date(2026, 1, 19)), ("XIII", date(2021, 1, 25)), ("XII", date(2016, 1, 20)),
          ("XI", date(2011, 1, 12)), ("X", date(2006, 4, 18)), ("IX", date(2001, 4, 19)))
_LOCAL_CODE = re.compile(r"(?:UBND|HĐND|^S[A-ZĐ]+$|TU$|HU$|QU$|TXU$|ĐU$|ĐUK$|^VP[A-ZĐ]*U$|^B[A-ZĐ]+TU$)")


def repair_symbol(symbol: str) -> str:
    """A legislature written after a dash (``54/2014/QH-13``) is part of the code: ``QH13``.

    >>> repair_symbol("54/2014/QH-13"), repair_symbol("12/2023/UBTVQH-15"), repair_symbol("5/QĐ-TTg")
    ('54/2014/QH13', '12/2023/UBTVQH15', '5/QĐ-TTg')
    """
    return _QH_DASH.sub("QH", symbol) if "QH-" in symbol else symbol


_QH_DASH = re.compile(r"QH-(?=\d{2}$)")


@lru_cache(maxsize=65536)
def normalize_symbol(symbol: str) -> str:
    """Comparison key of a symbol: NFC, no spaces, upper case."""
    return _SPACES.sub("", unicodedata.normalize("NFC", symbol)).upper()


_SPACES = re.compile(r"\s+")


def parse_date(text: str) -> str | None:
    """ISO date of the first date written in ``text`` (None if none or impossible)."""
    m = DATE.search(text)
    if not m:
        return None
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
        m.group("d2"), m.group("m2"), m.group("y2"))
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def party_term(iso_date: str | None) -> str | None:
    """The party term (khóa) in force on a date."""
    if not iso_date:
        return None
    day = date.fromisoformat(iso_date)
    for term, start in _TERMS:
        if day >= start:
            return term
    return None


def _parts(symbol: str) -> tuple[str | None, str | None]:
    """(type code, issuer code) of a symbol."""
    if "-" in symbol.split("/")[0]:  # party: 54-KL/TW
        head, _, issuer = symbol.partition("/")
        return head.split("-", 1)[1], issuer.split("/")[-1]
    tail = symbol.split("/")[-1]  # state: .../QĐ-TTg, .../UBND-KT, .../QH15
    pieces = tail.split("-")
    known = {c.upper() for t in doc_types() for c in t.codes}
    if pieces[0].upper() in known and len(pieces) > 1:
        return pieces[0], "-".join(pieces[1:])
    return None, tail


def issuer_code(symbol: str) -> str | None:
    """The issuer part of a symbol: ``TW`` in 54-KL/TW, ``TTg`` in 1568/QĐ-TTg."""
    return _parts(symbol)[1]


def is_local_code(code: str | None) -> bool:
    """Does this issuer code belong to a local series (numbered per province or bloc)?"""
    return bool(code) and bool(_LOCAL_CODE.search(code.upper()))


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


def registry_issuer(symbol: str) -> str | None:
    """The central organ named by a symbol's issuer code (``NĐ-CP`` → Chính phủ)."""
    code = issuer_code(symbol)
    if not code:
        return None
    entry = organ_registry().by_code.get(code.upper()) or organ_registry().by_code.get(
        code.split("-")[0].upper())
    if entry is None or (entry.name == "Ban Chấp hành Trung ương" and "-" not in symbol):
        return None
    return entry.name
