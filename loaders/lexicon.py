"""Reference tables kept as data files in ``loaders/data`` (read once, cached)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from vanban.loaders.text import fold

__all__ = [
    "DocType",
    "OrganEntry",
    "abbreviations",
    "doc_types",
    "organ_registry",
    "page_chrome_phrases",
    "page_metadata_labels",
    "surnames",
]


_DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [{k: (v or "") for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


@dataclass(frozen=True)
class OrganEntry:
    name: str
    aliases: tuple[str, ...]
    codes: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class OrganRegistry:
    """The registry's entries and the indexes that answer lookups without scanning them."""

    entries: tuple[OrganEntry, ...]
    by_fold: dict[str, OrganEntry]
    by_name: dict[str, OrganEntry]
    by_code: dict[str, OrganEntry]
    suffixes: tuple[tuple[str, OrganEntry], ...]  # (folded name, entry), longest first
    # Indexes built from the fields above (see organ_registry):
    suffix_rank: dict[str, int] = field(default_factory=dict)  # folded name -> first place in suffixes
    fold_rank: dict[str, int] = field(default_factory=dict)  # by_fold key -> its place in by_fold
    longest_key_words: int = 0  # words in the longest by_fold key
    blocs: tuple[tuple[str, str], ...] = ()  # (entry name, bloc) of "Đảng ủy Khối <bloc>", in entries order


@cache
def organ_registry() -> OrganRegistry:
    """The curated registry of central organs (``data/organs.tsv``)."""
    entries = tuple(
        OrganEntry(
            row["name"],
            tuple(a for a in row["aliases"].split("|") if a),
            tuple(c for c in row["codes"].split("|") if c),
            row["parent"] or None,
        )
        for row in _rows("organs.tsv")
    )
    by_fold: dict[str, OrganEntry] = {}
    by_code: dict[str, OrganEntry] = {}
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            by_fold.setdefault(fold(form), entry)
        for code in entry.codes:
            by_code.setdefault(code.upper(), entry)
    # Longest names first, so suffix matches prefer the most specific organ.
    ordered = tuple(sorted(entries, key=lambda e: -len(e.name)))
    suffixes = tuple((fold(e.name), e) for e in ordered if len(e.name) > 8)
    suffix_rank: dict[str, int] = {}
    for rank, (folded, _) in enumerate(suffixes):
        suffix_rank.setdefault(folded, rank)
    blocs = []
    for entry in ordered:
        m = _BLOC_COMMITTEE.match(entry.name)
        if m:
            blocs.append((entry.name, m.group(1)))
    return OrganRegistry(ordered, by_fold, {e.name: e for e in entries}, by_code, suffixes,
                         suffix_rank=suffix_rank, fold_rank={key: i for i, key in enumerate(by_fold)},
                         longest_key_words=max((len(key.split()) for key in by_fold), default=0),
                         blocs=tuple(blocs))


_BLOC_COMMITTEE = re.compile(r"(?i)đảng ủy khối\s+(.+)$")


@dataclass(frozen=True)
class DocType:
    name: str
    codes: tuple[str, ...]
    forms: tuple[str, ...]


@cache
def doc_types() -> tuple[DocType, ...]:
    """Document types with their symbol codes (``data/doc_types.tsv``), longest name first."""
    types = [
        DocType(
            row["name"],
            tuple(c for c in row["codes"].split("|") if c),
            tuple(f for f in row["forms"].split("|") if f),
        )
        for row in _rows("doc_types.tsv")
    ]
    return tuple(sorted(types, key=lambda t: -len(t.name)))


@cache
def abbreviations() -> dict[str, str]:
    """Organ-name abbreviations (``UBND`` → ``Ủy ban nhân dân``)."""
    return {row["short"]: row["expansion"] for row in _rows("abbreviations.tsv")}


@cache
def surnames() -> frozenset[str]:
    """Common family names as written (used to recognise a signer's name line)."""
    text = (_DATA / "surnames.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line and not line.startswith("#"))


@cache
def page_chrome_phrases() -> tuple[str, ...]:
    """Folded phrases that open a line of a web portal's interface (``data/page_chrome.txt``)."""
    text = (_DATA / "page_chrome.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def page_metadata_labels() -> dict[str, str]:
    """Folded labels of a portal's metadata table → the field each gives
    (``data/page_metadata.tsv``)."""
    return {row["label"]: row["field"] for row in _rows("page_metadata.tsv")}
