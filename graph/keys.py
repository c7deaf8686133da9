"""Matching keys: what a name or a symbol is compared by, and the party term of a date.

Every layer compares names and symbols through these functions: the loaders when they
match organs and references, the merge when it decides document identity, the stores when
they write their lookup keys, and the questions when they resolve what a user typed.

>>> fold("Ban Dân vận  Trung ương"), normalize_symbol("54 - kl/tw"), symbol_key("01-qđi/đuk")
('ban dan van trung uong', '54-KL/TW', '01-QDI/DUK')
>>> party_term("2023-05-09")
'XIII'
"""

from __future__ import annotations

import csv
import re
import unicodedata
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["fold", "name_key", "normalize_symbol", "party_term", "symbol_key"]

_DATA = Path(__file__).parent / "data"


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(0xC0, 0x2000):
        ch = chr(code)
        if unicodedata.combining(ch):
            table[code] = None
            continue
        base = unicodedata.normalize("NFD", ch)[:1]
        if base != ch and base.isascii():
            table[code] = base
    table.update({ord("Đ"): "D", ord("đ"): "d", ord("Ð"): "D", ord("ð"): "d"})
    # dashes as one: "Lao động – Thương binh" and "Lao động - Thương binh" name one body
    table.update(dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-"))
    return table


_FOLD = _fold_table()
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=131072)
def fold(text: str | None) -> str:
    """Lower-case, strip diacritics (``đ`` → ``d``) and collapse spaces: a matching key.

    >>> fold("Tỉnh Uỷ  Lạng Sơn"), fold(None)
    ('tinh uy lang son', '')
    """
    if not text:
        return ""
    return _SPACES.sub(" ", text.translate(_FOLD)).strip().lower()


@lru_cache(maxsize=65536)
def normalize_symbol(symbol: str) -> str:
    """Comparison key of a symbol within the corpus: NFC, no spaces, upper case (diacritics
    kept: document identity tells ``QĐ`` from ``QD``).

    >>> normalize_symbol("01-QĐi / ĐUK")
    '01-QĐI/ĐUK'
    """
    return _SPACES.sub("", unicodedata.normalize("NFC", symbol)).upper()


def symbol_key(text: str) -> str:
    """What a typed symbol is looked up by: :func:`normalize_symbol` without diacritics, so
    ``54-kl/tw`` and ``01-QDi/DUK`` find ``54-KL/TW`` and ``01-QĐi/ĐUK``.

    >>> symbol_key("99 - qđ/tw")
    '99-QD/TW'
    """
    return normalize_symbol(text).translate(_FOLD).upper()


def name_key(text: str | None) -> str:
    """What a typed name is looked up by: the name folded (:func:`fold`).

    >>> name_key("BAN DÂN VẬN TRUNG ƯƠNG")
    'ban dan van trung uong'
    """
    return fold(text)


@cache
def _terms() -> tuple[tuple[str, date], ...]:
    """The party terms of ``data/party_terms.tsv``, the latest first."""
    text = (_DATA / "party_terms.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = [(row["term"], date.fromisoformat(row["from"])) for row in csv.DictReader(lines, delimiter="\t")]
    return tuple(sorted(rows, key=lambda row: row[1], reverse=True))


def party_term(iso_date: str | None) -> str | None:
    """The party term (khóa) in force on a date.

    >>> party_term("2016-01-19"), party_term("2016-01-20"), party_term(None), party_term("1990-01-01")
    ('XI', 'XII', None, None)
    """
    if not iso_date:
        return None
    day = date.fromisoformat(iso_date)
    for term, start in _terms():
        if day >= start:
            return term
    return None
