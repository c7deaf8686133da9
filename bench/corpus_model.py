"""The plan of a generated corpus: who issues what, when, implementing which directive.

A corpus is a cascade. Central directives (Kết luận, Nghị quyết, Chỉ thị, Quy định of the
Ban Chấp hành Trung ương, Bộ Chính trị or Ban Bí thư) are implemented by provincial
committees (Công văn, Kế hoạch, Hướng dẫn of ``Tỉnh ủy <Province>``), whose plans are
implemented by district committees (``Huyện ủy`` / ``Quận ủy``) and then by commune party
committees (``Đảng ủy xã``). Older central documents and each province's older guidance
are cited but not generated as files (``Document.file`` is None).

The plan is drawn from one seeded generator, so the same ``(n, seed)`` gives the same plan.

>>> plan = plan_corpus(40, seed=1)
>>> len(plan.files), plan.files[0].symbol
(40, '54-KL/TW')
>>> plan_corpus(40, seed=1) == plan
True
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

__all__ = [
    "Corpus",
    "Document",
    "Issuer",
    "Person",
    "data_rows",
    "plan_corpus",
    "term_of",
]

DATA = Path(__file__).parent / "data"

CENTRAL = "central"
PROVINCE = "province"
DISTRICT = "district"
COMMUNE = "commune"

# (type, code) each level issues; central issuers per central type.
_CENTRAL_TYPES = (("Kết luận", "KL"), ("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Quy định", "QĐ"))
_CENTRAL_ISSUERS = {
    "Kết luận": ("Ban Bí thư", "Bộ Chính trị", "Ban Chấp hành Trung ương"),
    "Nghị quyết": ("Bộ Chính trị", "Ban Chấp hành Trung ương"),
    "Chỉ thị": ("Ban Bí thư", "Bộ Chính trị"),
    "Quy định": ("Ban Bí thư", "Bộ Chính trị", "Ban Chấp hành Trung ương"),
}
_LOCAL_TYPES = {
    PROVINCE: (("Công văn", "CV"), ("Kế hoạch", "KH"), ("Kế hoạch", "KH"), ("Hướng dẫn", "HD")),
    DISTRICT: (("Kế hoạch", "KH"), ("Kế hoạch", "KH"), ("Công văn", "CV")),
    COMMUNE: (("Kế hoạch", "KH"), ("Công văn", "CV")),
}
_BACKGROUND_TYPES = (("Quyết định", "QĐ"), ("Quy định", "QĐ"), ("Nghị quyết", "NQ"),
                     ("Chỉ thị", "CT"), ("Kết luận", "KL"))
# Share of each level among generated files (central documents are capped separately).
_SHARES = ((PROVINCE, 0.34), (DISTRICT, 0.42), (COMMUNE, 0.24))
_TERMS = (("XIV", date(2026, 1, 19)), ("XIII", date(2021, 1, 25)), ("XII", date(2016, 1, 20)),
          ("XI", date(2011, 1, 12)), ("X", date(2006, 4, 18)))
# Local congress numbers; XIII and XXIII are avoided so that local and national congress
# resolutions never share a numeral a lenient name match could confuse.
_LOCAL_CONGRESSES = ("XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII")


@dataclass(frozen=True)
class Person:
    name: str
    capacity: str  # T/M BAN THƯỜNG VỤ
    title: str | None  # PHÓ BÍ THƯ THƯỜNG TRỰC


@dataclass(frozen=True)
class Issuer:
    """An organ that issues documents, with how its documents write and refer to it."""

    level: str
    name: str  # canonical: "Tỉnh ủy Lạng Sơn", "Ban Bí thư"
    heading: tuple[str, ...]  # header column lines, top first
    code: str  # issuer code in symbols: TW, TU, HU, QU, ĐU
    head: str  # the committee word used relatively in its documents: "Tỉnh ủy"
    place: str  # place of the date line
    province: str
    district: str | None  # "huyện Cao Lộc"
    congress: str  # numeral of its last congress
    signers: tuple[Person, ...]


@dataclass(frozen=True)
class Document:
    index: int  # position in Corpus.files, or -1 for a document only cited
    file: str | None
    level: str
    doc_type: str
    symbol: str
    date: date
    issuer: Issuer
    topic: str
    parent: Document | None  # the directive it implements
    cites: tuple[Document, ...]
    signer: Person | None
    seed: int  # seeds the text renderer of this one document


@dataclass(frozen=True)
class Corpus:
    seed: int
    files: tuple[Document, ...]


@cache
def data_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table in ``bench/data`` (comments and header dropped)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]
    return tuple(rows[1:]) if name.endswith(".tsv") else tuple(rows)


@cache
def _names() -> dict[str, tuple[str, ...]]:
    return {part: tuple(values.split("|")) for part, values in data_rows("names.tsv")}


def term_of(day: date) -> str:
    """The party term (khóa) in force on a day."""
    return next(term for term, start in _TERMS if day >= start)


def _person(rng: random.Random) -> str:
    names = _names()
    if rng.random() < 0.3:
        return f"{rng.choice(names['surname'])} {rng.choice(names['middle_female'])} " \
               f"{rng.choice(names['given_female'])}"
    return f"{rng.choice(names['surname'])} {rng.choice(names['middle_male'])} " \
           f"{rng.choice(names['given_male'])}"


def _signers(rng: random.Random, capacity: str, titles: tuple[str | None, ...]) -> tuple[Person, ...]:
    return tuple(Person(_person(rng), capacity, title) for title in titles)


def _central_issuers(rng: random.Random) -> dict[str, Issuer]:
    heading = ("BAN CHẤP HÀNH TRUNG ƯƠNG",)
    specs = {
        "Ban Bí thư": _signers(rng, "T/M BAN BÍ THƯ", (None, "THƯỜNG TRỰC BAN BÍ THƯ")),
        "Bộ Chính trị": _signers(rng, "T/M BỘ CHÍNH TRỊ", ("TỔNG BÍ THƯ", None)),
        "Ban Chấp hành Trung ương": _signers(rng, "T/M BAN CHẤP HÀNH TRUNG ƯƠNG", ("TỔNG BÍ THƯ",)),
    }
    return {name: Issuer(CENTRAL, name, heading, "TW", "Trung ương", "Hà Nội", "", None, "XIII",
                         signers) for name, signers in specs.items()}


def _local_issuers(rng: random.Random) -> dict[str, list[Issuer]]:
    provinces: list[Issuer] = []
    districts: list[Issuer] = []
    communes: list[Issuer] = []
    standing = ("BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "PHÓ BÍ THƯ")
    commune_names = _names()["commune"]
    for province, committee, district_list in data_rows("provinces.tsv"):
        level = "thành phố" if committee == "Thành ủy" else "tỉnh"
        name = f"{committee} {province}"
        prov = Issuer(PROVINCE, name, (name.upper(),), "TU", committee, province, province, None,
                      rng.choice(_LOCAL_CONGRESSES), _signers(rng, "T/M BAN THƯỜNG VỤ", standing))
        provinces.append(prov)
        for district in district_list.split("|"):
            kind, place = district.split(" ", 1)
            head = "Quận ủy" if kind == "quận" else "Huyện ủy"
            dname = f"{head} {place}"
            heading = (f"ĐẢNG BỘ {level.upper()} {province.upper()}", dname.upper())
            if rng.random() < 0.5:
                heading = heading[1:]
            dist = Issuer(DISTRICT, dname, heading, "QU" if kind == "quận" else "HU", head, place,
                          province, district, rng.choice(_LOCAL_CONGRESSES),
                          _signers(rng, "T/M BAN THƯỜNG VỤ", standing[::2]))
            districts.append(dist)
            for commune in rng.sample(commune_names, 3):
                cname = f"Đảng ủy xã {commune}"
                communes.append(Issuer(
                    COMMUNE, cname, (f"ĐẢNG BỘ {district.upper()}", cname.upper()), "ĐU", "Đảng ủy",
                    commune, province, district, rng.choice(_LOCAL_CONGRESSES),
                    _signers(rng, "T/M ĐẢNG ỦY", ("BÍ THƯ", "PHÓ BÍ THƯ"))))
    return {PROVINCE: provinces, DISTRICT: districts, COMMUNE: communes}


class _Numbers:
    """Document numbers: one increasing series per (issuer name, type code).

    Series are keyed by the issuer's *name*, so two communes called Tân Lập share one series
    and never give two different documents the same symbol in the same scope.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.last: dict[tuple[str, str], int] = {}
        self.used: set[str] = set()

    def next(self, issuer: Issuer, code: str) -> int:
        key = (issuer.name if issuer.level != CENTRAL else "TW", code)
        number = self.last.get(key, self.rng.randint(1, 240)) + self.rng.randint(1, 7)
        self.last[key] = number
        return number


def _symbol(number: int, code: str, issuer_code: str) -> str:
    return f"{number:02d}-{code}/{issuer_code}"


def _day(rng: random.Random, after: date, lo: int, hi: int) -> date:
    return min(after + timedelta(days=rng.randint(lo, hi)), date(2026, 6, 30))


def plan_corpus(n: int, seed: int) -> Corpus:
    """Plan ``n`` generated files (and the documents they cite) from ``seed``."""
    rng = random.Random(seed)
    topics = [row[0] for row in data_rows("topics.txt")]
    central = _central_issuers(rng)
    local = _local_issuers(rng)
    numbers = _Numbers(rng)
    districts_of: dict[str, list[Issuer]] = {}
    for issuer in local[DISTRICT]:
        districts_of.setdefault(issuer.province, []).append(issuer)
    communes_of: dict[tuple[str, str | None], list[Issuer]] = {}
    for issuer in local[COMMUNE]:
        communes_of.setdefault((issuer.province, issuer.district), []).append(issuer)
    local_maps = (local[PROVINCE], districts_of, communes_of)
    background: list[Document] = []
    for k in range(max(12, n // 150)):
        doc_type, code = _BACKGROUND_TYPES[k % len(_BACKGROUND_TYPES)]
        issuer = central[rng.choice(_CENTRAL_ISSUERS.get(doc_type, ("Bộ Chính trị",)))]
        day = date(2011, 2, 1) + timedelta(days=rng.randint(0, 3650))
        background.append(Document(-1, None, CENTRAL, doc_type, _symbol(numbers.next(issuer, code), code,
                                   "TW"), day, issuer, rng.choice(topics), None, (), None, 0))
    own_background: dict[str, list[Document]] = {}
    for prov in local[PROVINCE]:
        old = []
        for doc_type, code in (("Hướng dẫn", "HD"), ("Quy chế", "QC")):
            day = date(2016, 3, 1) + timedelta(days=rng.randint(0, 1800))
            old.append(Document(-1, None, PROVINCE, doc_type, _symbol(rng.randint(1, 30), code, "TU"),
                                day, prov, rng.choice(topics), None, (), None, 0))
        own_background[prov.name] = old

    n_central = min(max(3, n // 60), 1500) if n >= 3 else n
    levels = [CENTRAL] * n_central
    rest = n - n_central
    for level, share in _SHARES:
        levels += [level] * round(rest * share)
    levels = (levels + [DISTRICT] * n)[:n]
    files: list[Document] = []
    by_level: dict[str, list[Document]] = {CENTRAL: [], PROVINCE: [], DISTRICT: [], COMMUNE: []}
    for index, level in enumerate(levels):
        doc_seed = rng.getrandbits(48)
        digest = hashlib.blake2b(f"{seed}:{index}".encode(), digest_size=8).hexdigest()
        file = f"{index:06d}_{digest}.txt"
        if level == CENTRAL:
            doc = _central_doc(rng, index, file, central, numbers, background, topics, doc_seed)
        else:
            above = by_level[{PROVINCE: CENTRAL, DISTRICT: PROVINCE, COMMUNE: DISTRICT}[level]]
            if not above:  # a tiny corpus: implement a cited central document instead
                above = background if level == PROVINCE else by_level[CENTRAL] or background
            parent = rng.choice(above)
            doc = _local_doc(rng, index, file, level, parent, local_maps, numbers, background,
                             own_background, doc_seed)
        files.append(doc)
        by_level[level].append(doc)
    return Corpus(seed, tuple(files))


def _central_doc(rng, index, file, central, numbers, background, topics, doc_seed) -> Document:
    if index == 0:  # the corpus's best-known directive (the samples' 54-KL/TW)
        issuer = central["Ban Bí thư"]
        return Document(index, file, CENTRAL, "Kết luận", "54-KL/TW", date(2023, 5, 9), issuer,
                        topics[0], background[0], (background[1],), issuer.signers[0], doc_seed)
    doc_type, code = rng.choice(_CENTRAL_TYPES)
    issuer = central[rng.choice(_CENTRAL_ISSUERS[doc_type])]
    number = numbers.next(issuer, code)
    if number == 54 and code == "KL":
        number = numbers.next(issuer, code)
    parent = rng.choice(background)
    day = _day(rng, max(parent.date, date(2016, 2, 1)), 200, 2400)
    cites = tuple(d for d in rng.sample(background, 2) if d is not parent)
    return Document(index, file, CENTRAL, doc_type, _symbol(number, code, "TW"), day, issuer,
                    parent.topic if rng.random() < 0.6 else rng.choice(topics), parent, cites,
                    rng.choice(issuer.signers), doc_seed)


def _local_doc(rng, index, file, level, parent, local_maps, numbers, background, own_background,
               doc_seed) -> Document:
    provinces, districts_of, communes_of = local_maps
    if level == PROVINCE:
        issuer = rng.choice(provinces)
    elif level == DISTRICT:
        province = parent.issuer.province or rng.choice(provinces).province
        issuer = rng.choice(districts_of[province])
    else:
        key = (parent.issuer.province, parent.issuer.district)
        if key not in communes_of:
            key = rng.choice(sorted(communes_of))
        issuer = rng.choice(communes_of[key])
    doc_type, code = rng.choice(_LOCAL_TYPES[level])
    number = numbers.next(issuer, code)
    day = _day(rng, parent.date, 6, 70)
    cites: list[Document] = []
    if level == PROVINCE:
        cites += rng.sample(background, 1)
        if rng.random() < 0.5:
            cites.append(rng.choice(own_background[issuer.name]))
    elif rng.random() < 0.5:
        cites += rng.sample(background, 1)
    cites = [c for c in cites if c is not parent and c is not parent.parent]
    return Document(index, file, level, doc_type, _symbol(number, code, issuer.code), day, issuer,
                    parent.topic, parent, tuple(cites), rng.choice(issuer.signers), doc_seed)
