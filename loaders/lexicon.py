"""The rule knowledge of the loaders, kept as data files in ``loaders/data`` (read once, cached).

Each piece is listed once: document types and their codes (``doc_types.tsv``), the words that
open organs' names (``organ_words.tsv``), committees named after a place (``committees.tsv``),
administrative levels (``levels.tsv``), office titles (``titles.tsv``), signing capacities
(``capacities.tsv``), issuer codes (``issuer_codes.tsv``), mottos, ranks, attachment headings,
the curated registry of central organs, the curated registry of documents cited by their name
(``named_documents.tsv``) and the words around such a name (``name_words.tsv``), abbreviations,
family names, and the words of web portals around a document. :mod:`.patterns` builds every
regular expression from them.

>>> [t.title for t in titles() if t.heads == "Sở"], [c.name for c in committees() if c.level == "huyện"]
(['Giám đốc'], ['Huyện ủy'])
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from vanban.graph.keys import fold

__all__ = [
    "Committee",
    "DocType",
    "IssuerCode",
    "Level",
    "NamedDocument",
    "OrganEntry",
    "OrganWord",
    "Title",
    "abbreviations",
    "attachment_headings",
    "capacities",
    "committees",
    "doc_types",
    "issuer_codes",
    "levels",
    "mottos",
    "name_words",
    "named_documents",
    "organ_registry",
    "organ_word_names",
    "organ_word_openings",
    "organ_words",
    "page_chrome_phrases",
    "page_metadata_labels",
    "ranks",
    "subject_openings",
    "surnames",
    "titles",
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
    bloc_committees = tuple(fold(c.name) + " " for c in committees() if c.bloc)
    for entry in ordered:
        folded = fold(entry.name)
        head = next((h for h in bloc_committees if folded.startswith(h)), None)
        if head is not None:
            blocs.append((entry.name, entry.name[len(head):].strip()))
    return OrganRegistry(ordered, by_fold, {e.name: e for e in entries}, by_code, suffixes,
                         suffix_rank=suffix_rank, fold_rank={key: i for i, key in enumerate(by_fold)},
                         longest_key_words=max((len(key.split()) for key in by_fold), default=0),
                         blocs=tuple(blocs))


@cache
def ministry_domains() -> dict[str, str]:
    """A ministry's field by the short forms of its name (``data/organs.tsv``): its symbol code
    without the ``B`` of Bộ and its abbreviated aliases, ``GDĐT`` and ``GD&ĐT`` → ``Giáo dục và
    Đào tạo``. A province's department and a district's office of the same field are written
    with them: ``Sở GD&ĐT``, ``Phòng TN&MT``."""
    domains: dict[str, str] = {}
    for entry in organ_registry().entries:
        if not entry.name.startswith("Bộ "):
            continue
        shorts = [c[1:] for c in entry.codes if c.startswith("B")]
        shorts += [a[3:] for a in entry.aliases
                   if a.startswith("Bộ ") and not any(ch.islower() for ch in a[3:])]
        for short in shorts:
            if len(short) >= 2:
                domains.setdefault(short, entry.name[3:])
    return domains


@dataclass(frozen=True)
class DocType:
    """A document type (``data/doc_types.tsv``)."""

    name: str
    codes: tuple[str, ...]
    forms: tuple[str, ...]
    kind: str = ""  # "law", "constitution", "copy", "plan" or ""
    normative: bool = False  # a legal normative document (văn bản quy phạm pháp luật)
    header_number: bool = False  # its header writes "Luật số: …"
    named: str = ""  # how it is cited without a symbol: "period", "number", "parties" or ""


@cache
def doc_types() -> tuple[DocType, ...]:
    """Document types with their symbol codes (``data/doc_types.tsv``), longest name first."""
    types = [
        DocType(
            row["name"],
            tuple(c for c in row["codes"].split("|") if c),
            tuple(f for f in row["forms"].split("|") if f),
            row["kind"],
            row["normative"] == "y",
            row["header_number"] == "y",
            row.get("named", ""),
        )
        for row in _rows("doc_types.tsv")
    ]
    return tuple(sorted(types, key=lambda t: -len(t.name)))


@cache
def abbreviations() -> dict[str, str]:
    """Organ-name abbreviations (``UBND`` → ``Ủy ban nhân dân``)."""
    return {row["short"]: row["expansion"] for row in _rows("abbreviations.tsv") if not row["before"]}


@cache
def abbreviations_before_bodies() -> dict[str, str]:
    """Abbreviations that mean their expansion only before a body's name (``TT Tỉnh ủy`` →
    ``Thường trực Tỉnh ủy``)."""
    return {row["short"]: row["expansion"] for row in _rows("abbreviations.tsv") if row["before"] == "body"}


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
    """Labels of a portal's metadata table, as written → the field each gives
    (``data/page_metadata.tsv``)."""
    return {row["label"]: row["field"] for row in _rows("page_metadata.tsv")}


def _lines(name: str) -> tuple[str, ...]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class OrganWord:
    """A word that opens an organ's name (``data/organ_words.tsv``)."""

    word: str
    opens_names: bool  # opens a capitalised name anywhere, not only a mention's start
    unit: bool  # opens a unit written under its parent in a header column
    not_before: str  # what may not follow it ("nghị" after "Hội")
    side: str  # "state" or "party" when it names only that side's bodies
    of_committee: bool  # names a part of a committee ("Ban Thường vụ", "Văn phòng")
    standing: bool  # the committee's standing body, which acts for it ("Ban Thường vụ", "Thường trực")
    of_ministry: bool = False  # names a unit of a ministry ("Cục", "Vụ"), written before it
    charged: bool = False  # its name goes on with its charge ("Ban Chỉ đạo quốc gia về phòng thủ dân sự")


@cache
def organ_words() -> tuple[OrganWord, ...]:
    """Words that open organs' names, longest first."""
    words = [OrganWord(row["word"], row["opens"] == "name", row["unit"] == "y", row["not_before"],
                       row["side"], row["part"] in ("committee", "standing"), row["part"] == "standing",
                       row["part"] == "ministry", row["charge"] == "y")
             for row in _rows("organ_words.tsv")]
    return tuple(sorted(words, key=lambda w: -len(w.word)))


@cache
def organ_word_openings() -> frozenset[str]:
    """The first two words, folded, of the organ words and committees of more than one word
    (``ban thuong``, ``uy ban``, ``chi cuc``): a line ending in the first of them, the next one
    opening with the second, cuts a name in two."""
    names = [w.word for w in organ_words()] + [c.name for c in committees()]
    return frozenset(fold(" ".join(name.split()[:2])) for name in names if " " in name)


@cache
def organ_word_names() -> frozenset[str]:
    """The organ words and committees of more than one word, folded (``ban thuong vu``, ``tinh uy``)."""
    return frozenset(fold(name) for name in [w.word for w in organ_words()] + [c.name for c in committees()]
                     if " " in name)


@dataclass(frozen=True)
class Committee:
    """A committee named after a locality or a bloc (``data/committees.tsv``)."""

    name: str
    level: str  # the administrative level it governs ("tỉnh" for a Tỉnh ủy), "" if named with one
    side: str  # party, state or mass
    bloc: bool  # named after a bloc ("Đảng ủy Khối …"), not a place


@cache
def committees() -> tuple[Committee, ...]:
    """Committees named after a place or a bloc, longest name first."""
    rows = [Committee(row["name"], row["level"], row["side"], row["after"] == "bloc")
            for row in _rows("committees.tsv")]
    return tuple(sorted(rows, key=lambda c: -len(c.name)))


@dataclass(frozen=True)
class Level:
    """An administrative level written before a place's name (``data/levels.tsv``)."""

    name: str
    tier: str  # province, district or commune


@cache
def levels() -> tuple[Level, ...]:
    """Administrative levels, longest name first ("thị xã" before "xã")."""
    rows = [Level(row["name"], row["tier"]) for row in _rows("levels.tsv")]
    return tuple(sorted(rows, key=lambda lv: -len(lv.name)))


@dataclass(frozen=True)
class Title:
    """An office title (``data/titles.tsv``)."""

    title: str
    heads: str  # the kind of body it heads, whose name follows it ("Sở" for "Giám đốc")
    signs: bool  # stands in signature blocks
    deputy: bool  # a deputy's title
    alone: bool  # written alone, it means the head of the issuing body (or of one above it)


@cache
def titles() -> tuple[Title, ...]:
    """Office titles, longest first."""
    rows = [Title(row["title"], row["heads"], row["signs"] == "y", row["deputy"] == "y", row["alone"] == "y")
            for row in _rows("titles.tsv")]
    return tuple(sorted(rows, key=lambda t: -len(t.title)))


@cache
def capacities() -> tuple[str, ...]:
    """Signing capacity marks as written (``T/M``, ``KT.``), longest first."""
    return tuple(sorted((row["mark"] for row in _rows("capacities.tsv")), key=len, reverse=True))


@dataclass(frozen=True)
class IssuerCode:
    """An issuer code of symbols (``data/issuer_codes.tsv``); ``*`` stands for capitals."""

    code: str
    side: str  # party or state
    local: bool  # its series is numbered per locality


@cache
def issuer_codes() -> tuple[IssuerCode, ...]:
    """Issuer codes of symbols, as listed."""
    return tuple(IssuerCode(row["code"], row["side"], row["local"] == "y")
                 for row in _rows("issuer_codes.tsv"))


@cache
def mottos() -> tuple[str, ...]:
    """The national and Party mottos of a header."""
    return _lines("mottos.txt")


@cache
def ranks() -> tuple[str, ...]:
    """Military ranks and academic titles written before a signer's name."""
    return _lines("ranks.txt")


@cache
def ordinals() -> dict[str, int]:
    """Numbers written in words (``data/ordinals.tsv``): ``tám`` → 8, ``mười hai`` → 12."""
    return {row["word"]: int(row["number"]) for row in _rows("ordinals.tsv")}


@cache
def attachment_headings() -> tuple[tuple[str, bool], ...]:
    """Headings that open what is attached to a document, and whether a number follows each."""
    return tuple((row["heading"], row["numbered"] == "y") for row in _rows("attachment_headings.tsv"))


@cache
def subject_openings() -> tuple[str, ...]:
    """Words that open a document's subject line, longest first."""
    return tuple(sorted(_lines("subject_openings.txt"), key=len, reverse=True))


@dataclass(frozen=True)
class NamedDocument:
    """A document cited by its name alone, from the curated registry (``data/named_documents.tsv``).

    >>> law = next(d for d in named_documents() if d.number == "06/2022/QH15")
    >>> law.name, law.year, law.doc_type
    ('Luật Thi đua, khen thưởng', 2022, 'Luật')
    """

    name: str
    aliases: tuple[str, ...]
    doc_type: str
    number: str | None
    date: str | None  # ISO, when checked
    source: str

    @property
    def year(self) -> int | None:
        """The year it was passed: from its date, else from its number (``…/2022/QH15``)."""
        if self.date:
            return int(self.date[:4])
        parts = (self.number or "").split("/")
        return int(parts[1]) if len(parts) > 2 and parts[1].isdigit() else None


@cache
def named_documents() -> tuple[NamedDocument, ...]:
    """The registry of documents cited by their name alone, as listed (versions of one name in
    the order they were passed)."""
    return tuple(NamedDocument(row["name"], tuple(a for a in row["aliases"].split("|") if a), row["type"],
                               row["number"] or None, row["date"] or None, row["source"])
                 for row in _rows("named_documents.tsv"))


@cache
def name_words(role: str) -> tuple[str, ...]:
    """Words around a document's name read without its number (``data/name_words.tsv``), longest
    first: role "end" ends the name (``Luật Đầu tư`` / ``bảo đảm …``) and opens none, role
    "end_within" ends it but may open one (``Luật Thi hành án dân sự``), role "not_name" right after
    the type word makes no name (``Luật sư``, ``Luật này``), role "drafting" before a name tells of
    a document still to be made (``xây dựng Quy hoạch …``).

    >>> "bảo đảm" in name_words("end"), "sư" in name_words("not_name")
    (True, True)
    """
    return tuple(sorted((row["word"] for row in _rows("name_words.tsv") if row["role"] == role),
                        key=lambda w: (-len(w), w)))
