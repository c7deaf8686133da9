"""Organ names: canonical forms, the curated registry, scoped resolution of relative names.

A name is resolved in the *scope* of the document that mentions it: in a document of
Tỉnh ủy Lạng Sơn, ``Ban Dân vận Tỉnh ủy`` is ``Ban Dân vận Tỉnh ủy Lạng Sơn`` and
``Mặt trận Tổ quốc tỉnh`` is ``Mặt trận Tổ quốc tỉnh Lạng Sơn``. Collective addressees
(``Các huyện ủy, thành ủy``) become group nodes, never merged with one organ.

>>> scope = OrganScope.of(resolve_organ("Tỉnh ủy Lạng Sơn"))
>>> resolve_organ("Ban Dân vận Tỉnh uỷ", scope).name
'Ban Dân vận Tỉnh ủy Lạng Sơn'
>>> resolve_organ("Ban Dân vận Tỉnh ủy", scope).parent.name
'Tỉnh ủy Lạng Sơn'
>>> resolve_organ("Ban Bí thư Trung ương Đảng").name
'Ban Bí thư'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from vanban.graph.model import OrganRef
from vanban.loaders.lexicon import OrganEntry, OrganRegistry, abbreviations, organ_registry
from vanban.loaders.text import CAPITALS, fold, normalize_tones

__all__ = [
    "OrganScope",
    "clean_organ_text",
    "locality_key",
    "looks_like_organ",
    "resolve_organ",
    "titlecase_organ",
]

# Heads of committees named after a locality or a bloc: the rest of the name is the place.
_COMMITTEE = re.compile(
    r"(?P<head>Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy [Kk]hối|Đảng ủy|"
    r"Ủy ban nhân dân|Hội đồng nhân dân|Tỉnh đoàn|Thành đoàn)"
    r"(?:\s+(?P<place>\S.*))?$"
)
_UNIT = re.compile(
    r"^(?P<unit>Ban Thường vụ|Thường trực|Ban Chấp hành|Văn phòng|Ủy ban Kiểm tra|"
    r"Ban [A-ZĐ][^\s,]*(?: [a-zđ][^\s,]*)*(?: và [A-ZĐ][^\s,]*(?: [a-zđ][^\s,]*)*)?|"
    r"Sở [A-ZĐ][^\s,]*(?: [a-zđ][^\s,]*)*(?: và [A-ZĐ][^\s,]*(?: [a-zđ][^\s,]*)*)?)"
    r"\s+(?P<rest>(?:Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Ủy ban nhân dân)\b.*)$"
)
_LEVELS = {"tinh": "tỉnh", "thanh pho": "thành phố", "huyen": "huyện", "quan": "quận",
           "xa": "xã", "phuong": "phường", "thi xa": "thị xã", "thi tran": "thị trấn"}
_HEAD_LEVEL = {"tinh uy": "tinh", "thanh uy": "thanh pho", "huyen uy": "huyen",
               "quan uy": "quan", "thi uy": "thi xa"}
# Canonical spelling of committee words, whatever the case or tone the text used.
_WORDS = {
    "tinh uy": "tỉnh ủy", "thanh uy": "thành ủy", "huyen uy": "huyện ủy", "quan uy": "quận ủy",
    "thi uy": "thị ủy", "dang uy": "đảng ủy", "cap uy": "cấp ủy", "dang bo": "đảng bộ",
}
_WORD_PATTERNS = {key: re.compile(r"\b" + key + r"\b") for key in _WORDS}
_COLLECTIVE = re.compile(r"^(?:các|những|cấp ủy các|cấp ủy, chính quyền các)\b", re.IGNORECASE)
# What "Các …" opens when it is not a group of bodies: "Các nhiệm vụ cần làm ngay", "Các
# trường hợp khác", "Các văn bản …" (headings and objects, not who acts).
_NOT_BODIES = ("văn bản", "chỉ tiêu", "nhiệm vụ", "trường hợp", "nội dung", "giải pháp", "hoạt động",
               "quy định", "chính sách", "mục tiêu", "vấn đề", "biện pháp", "hồ sơ", "loại", "công việc",
               "tiêu chí", "thủ tục", "lĩnh vực", "chế độ", "yêu cầu", "phương án", "sản phẩm", "hàng hóa",
               "thông tin", "số liệu", "mẫu", "phụ lục", "tài liệu", "điều", "khoản", "dự án", "chương trình",
               "kế hoạch", "đề án", "ngành khoa học", "căn cứ", "điểm")
_ORGAN_HEADS = re.compile(
    r"^(?:Ban|Bộ|Sở|Cục|Vụ|Tổng cục|Văn phòng|Ủy ban|Hội đồng|Đảng đoàn|Đảng ủy|Đảng bộ|"
    r"Ban cán sự|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Mặt trận|Đoàn|Hội(?!\s+nghị)|Tổng Liên đoàn|"
    r"Liên đoàn|Chính phủ|Thủ tướng|Quốc hội|Bộ Chính trị|Thường trực|Công an|Tòa án|"
    r"Viện|Kiểm toán|Thanh tra(?!\s*,)|Ngân hàng|Trung ương|Cấp ủy|"
    r"Các(?!\s+(?:" + "|".join(_NOT_BODIES) + r")\b)|Chi bộ|Trường(?!\s+hợp)|Báo(?!\s+cáo)|"
    r"Đài|Học viện|Kho bạc|Trung tâm|Thuế (?:tỉnh|thành phố)|Chi cục|Chủ tịch|Giám đốc|Chánh|Trưởng|"
    r"Bí thư|Phó|UBND|HĐND|MTTQ)\b",
    re.IGNORECASE,
)


# Words that open an organ's name as written (capitalised), for patterns that must tell where
# a name ends: after "và" ("Bộ Tài chính và Ngân hàng …") or a comma ("Bộ Chính trị, Ban …").
ORGAN_HEAD = re.compile(
    r"(?:Ban|Bộ|Sở|Cục|Vụ|Tổng cục|Văn phòng|Ủy ban|UBND|HĐND|Hội đồng|Đảng đoàn|Đảng ủy|Đảng bộ|"
    r"Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Mặt trận|MTTQ|Đoàn|Hội|Tổng Liên đoàn|"
    r"Liên đoàn|Chính phủ|Thủ tướng|Quốc hội|Thường trực|Công an|Tòa án|Viện|Kiểm toán|"
    r"Thanh tra|Ngân hàng|Trung ương|Cấp ủy|Chi bộ|Kho bạc|Bộ Chính trị|Ban cán sự)\b"
)


def and_ending_a_name(space: str = r"\s", heads: str = ORGAN_HEAD.pattern) -> str:
    """The pattern of a "và" that ends an organ's name: one not followed by a capitalised word
    that opens no organ, which goes on with the name ("Bộ Kế hoạch và Đầu tư", "Sở Lao động -
    Thương binh và Xã hội"). ``space`` is what may stand after "và"; ``heads`` opens organs.

    >>> ends = re.compile(and_ending_a_name())
    >>> [bool(ends.match(t)) for t in ("và Ngân hàng Nhà nước", "và Đầu tư", "và đề xuất")]
    [True, False, True]
    """
    return r"và(?!" + space + r"+(?!" + heads + r")[" + CAPITALS + r"])"


class _AlignedFold(dict):
    """``str.translate`` table of :func:`_fold_aligned`, filled one character at a time."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = "d" if ch in "đĐ" else (unicodedata.normalize("NFD", ch)[:1] or ch).lower()
        self[code] = folded
        return folded


_ALIGNED_FOLD = _AlignedFold()


def _fold_aligned(text: str) -> str:
    """Like :func:`fold` but keeps one character per input character (for slicing)."""
    return text.translate(_ALIGNED_FOLD)


@lru_cache(maxsize=65536)
def clean_organ_text(text: str) -> str:
    """Strip bullets, purposes, quotes and trailing punctuation from an organ mention.

    >>> clean_organ_text("- Ban Bí thư Trung ương Đảng (B/c),")
    'Ban Bí thư Trung ương Đảng'
    """
    text = normalize_tones(unicodedata.normalize("NFC", text))
    text = _BRACKETS.sub(" ", text)
    text = _BULLETS.sub("", text)
    text = _COMRADE.sub("", text)
    text = _SPACES.sub(" ", text).strip(" ,.;:-–\"'")
    return text


_BRACKETS = re.compile(r"\([^)]*\)")
_BULLETS = re.compile(r"^[\s\-–+•*\d.)]+")
_COMRADE = re.compile(r"^(?:đồng chí|đ/c|các đ/c)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _expand(text: str) -> str:
    table = abbreviations()
    return _abbreviation_pattern().sub(lambda m: table[m.group(1)], text)


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    table = abbreviations()
    return re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b")


def _canonical_words(text: str) -> str:
    """Fix the spelling of committee words (OCR ``tinh uỷ`` → ``tỉnh ủy``), keeping case."""
    folded = _fold_aligned(text)
    out = list(text)
    for key, word in _WORDS.items():
        if key not in folded:
            continue
        for m in _WORD_PATTERNS[key].finditer(folded):
            original = text[m.start() : m.end()]
            fixed = word
            if original[:1].isupper():
                fixed = word[0].upper() + word[1:]
            if original.isupper() and len(original) > 1:
                fixed = original  # an all-caps heading: leave to titlecase_organ
            out[m.start() : m.end()] = list(fixed)
    return "".join(out)


def titlecase_organ(heading: str) -> str:
    """Write an all-capitals organ heading the way names are written in running text.

    >>> titlecase_organ("TỈNH ỦY LẠNG SƠN")
    'Tỉnh ủy Lạng Sơn'
    >>> titlecase_organ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")
    'Sở Nông nghiệp và Môi trường'
    >>> titlecase_organ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI")
    'Ủy ban nhân dân tỉnh Lào Cai'
    """
    text = re.sub(r"\s+", " ", normalize_tones(heading)).strip()
    if not text:
        return text
    hit = organ_registry().by_fold.get(fold(text))
    if hit:
        return hit.name
    lower = text.lower()
    m = re.match(
        r"^(tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy khối|đảng ủy|tỉnh đoàn|"
        r"ủy ban nhân dân|hội đồng nhân dân)\s*(.*)$",
        lower,
    )
    if m:
        head = m.group(1)
        head = head[0].upper() + head[1:]
        if head.startswith("Đảng ủy khối"):
            head = "Đảng ủy Khối"
        rest = m.group(2)
        if head == "Đảng ủy" and re.match(r"^(?:ủy ban|hội đồng|bộ|sở|ban)\b", rest):
            return f"{head} {titlecase_organ(rest)}"  # ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH …
        level = re.match(r"^(tỉnh|thành phố|huyện|quận|xã|phường|thị xã|thị trấn)\s+(.*)$", rest)
        if level:
            return f"{head} {level.group(1)} {_title_words(level.group(2))}".strip()
        return f"{head} {_title_words(rest)}".strip()
    # Unit + domain: capitalise the first word of each domain phrase.
    m = re.match(r"^(ban thường vụ|ban chấp hành|văn phòng|ủy ban kiểm tra|ban cán sự đảng|"
                 r"đảng đoàn|tổng cục|ban|bộ|sở|cục|vụ|chi cục|phòng|trung tâm|viện|hội)\s+(.*)$",
                 lower)
    if m:
        unit = m.group(1)[0].upper() + m.group(1)[1:]
        if unit in ("Ban thường vụ", "Ban chấp hành", "Ủy ban kiểm tra"):
            unit = {"Ban thường vụ": "Ban Thường vụ", "Ban chấp hành": "Ban Chấp hành",
                    "Ủy ban kiểm tra": "Ủy ban Kiểm tra"}[unit]
        if _COMMITTEE.match(titlecase_organ(m.group(2))):
            return f"{unit} {titlecase_organ(m.group(2))}"
        domain, place = m.group(2), ""
        located = re.match(r"^(.*?)\s+(tỉnh|thành phố|huyện|quận|xã|phường|thị xã)\s+(\S.*)$", domain)
        if located:  # "SỞ TÀI CHÍNH TỈNH LÀO CAI"
            domain, place = located.group(1), f" {located.group(2)} {_title_words(located.group(3))}"
        parts = re.split(r"((?<!\s)\s+và\s+|,\s*|(?<!\s)\s+-\s+)", domain)
        phrases = [p if i % 2 else (p[:1].upper() + p[1:]) for i, p in enumerate(parts)]
        return f"{unit} {''.join(phrases)}{place}"
    return lower[:1].upper() + lower[1:]


def _title_words(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


@dataclass(frozen=True)
class OrganScope:
    """Where relative names point: the issuing organ and its locality or bloc."""

    issuer: OrganRef | None = None
    anchors: dict[str, str] = field(default_factory=dict)  # folded short name -> full name
    key: str = ""

    @staticmethod
    def of(issuer: OrganRef | None) -> OrganScope:
        """Build the scope of documents issued by ``issuer``."""
        if issuer is None:
            return OrganScope()
        anchors: dict[str, str] = {}
        node: OrganRef | None = issuer
        while node is not None:
            _add_anchors(node.name, anchors)
            node = node.parent
        key = fold(anchors.get("__root__", "")) if anchors else ""
        anchors.pop("__root__", None)
        return OrganScope(issuer, anchors, key)


def _add_anchors(name: str, anchors: dict[str, str]) -> None:
    ministry = re.match(r"^(Bộ|Sở)\s+\S", name)
    if ministry:  # "Văn phòng Bộ", "Thanh tra Sở" inside that ministry's or department's text
        anchors.setdefault(fold(ministry.group(1)), name)
    located = _TRAILING_PLACE.search(name)
    if located and not _PROVINCIAL_BODY.match(name):
        # "Đảng ủy Ủy ban nhân dân tỉnh Lào Cai": its province's organs are "tỉnh", "Tỉnh ủy"
        level, place = located.group(1), located.group(2)
        _add_anchors(f"Ủy ban nhân dân {level} {place}", anchors)
    m = _COMMITTEE.search(name)
    if not m or m.start() != 0:
        return
    head, place = m.group("head"), (m.group("place") or "").strip()
    folded_head = fold(head)
    if not place:
        return
    anchors.setdefault("__root__", name)
    if folded_head.startswith("dang uy khoi"):
        anchors.setdefault("dang uy khoi", name)
        anchors.setdefault("khoi", f"Khối {place}")
        return
    if folded_head in ("uy ban nhan dan", "hoi dong nhan dan"):
        level = re.match(r"^(tỉnh|thành phố|huyện|quận|xã|phường|thị xã|thị trấn)\s+(.+)$", place)
        if level:
            lvl, where = level.group(1), level.group(2)
            anchors.setdefault(fold(lvl), f"{lvl} {where}")
            anchors.setdefault(fold(f"{head} {lvl}"), name)
            committee = {"tinh": "Tỉnh ủy", "thanh pho": "Thành ủy", "huyen": "Huyện ủy",
                         "quan": "Quận ủy"}.get(fold(lvl))
            if committee:
                anchors.setdefault(fold(committee), f"{committee} {where}")
        return
    anchors.setdefault(folded_head, name)
    level = _HEAD_LEVEL.get(folded_head)
    if level:
        anchors.setdefault(level, f"{_LEVELS[level]} {place}")
        anchors.setdefault(fold(f"Ủy ban nhân dân {_LEVELS[level]}"),
                           f"Ủy ban nhân dân {_LEVELS[level]} {place}")


_LOCAL_HEADS = re.compile(
    r"^(?:Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Ủy ban nhân dân|Hội đồng nhân dân)\s+"
    r"(?:(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+)?(?P<place>\S.*)$"
)


def locality_key(organ: OrganRef | None) -> str:
    """The locality whose symbol series an organ's documents belong to, folded: ``lao cai``
    for Tỉnh ủy Lào Cai, its departments and Ủy ban nhân dân tỉnh Lào Cai alike; otherwise
    the organ's own key (a bloc committee, a central body). ``""`` when unknown.

    >>> locality_key(resolve_organ("Ban Tuyên giáo Tỉnh ủy Lào Cai"))
    'lao cai'
    >>> locality_key(resolve_organ("UBND tỉnh Lào Cai"))
    'lao cai'
    """
    node = organ
    while node is not None:
        m = _LOCAL_HEADS.match(node.name)
        if m:
            return fold(m.group("place"))
        node = node.parent
    if organ is None or organ.collective or _BARE_LOCAL.search(organ.name):
        return ""  # "Tỉnh ủy" with no place: the locality is not named
    return fold(organ.name)


_BARE_LOCAL = re.compile(
    r"(?:Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Ủy ban nhân dân|tỉnh|huyện|thành phố)$"
)


_PROVINCIAL_BODY = re.compile(r"^(?:Ủy ban nhân dân|Hội đồng nhân dân)\s+(?:tỉnh|thành phố|huyện|quận)\s")
_TRAILING_PLACE = re.compile(r"\b(tỉnh|thành phố|huyện|quận)\s+([A-ZĐÀ-Ỹ]\S*(?:\s+[A-ZĐÀ-Ỹ]\S*)*)$")


@lru_cache(maxsize=65536)
def looks_like_organ(text: str) -> bool:
    """Does the phrase start like the name of an organ or a group of organs?"""
    return bool(_ORGAN_HEADS.match(clean_organ_text(text)))


def resolve_organ(mention: str, scope: OrganScope | None = None) -> OrganRef | None:
    """Canonical :class:`OrganRef` for a mention, resolved in ``scope``; None if empty."""
    scope = scope or OrganScope()
    return _resolve_cached(mention, scope.issuer, tuple(sorted(scope.anchors.items())), scope.key)


_TWO_LETTERS = re.compile(r"[A-Za-zÀ-ỹĐđ]{2}")


@lru_cache(maxsize=65536)
def _resolve_cached(mention: str, issuer: OrganRef | None, anchors: tuple[tuple[str, str], ...],
                    key: str) -> OrganRef | None:
    scope = OrganScope(issuer, dict(anchors), key)
    name = clean_organ_text(mention)
    if not name or not _TWO_LETTERS.search(name):
        return None
    if name.isupper() and len(name) > 3:
        name = titlecase_organ(name)
    name = _canonical_words(_expand(name))
    name = name[:1].upper() + name[1:]
    if _COLLECTIVE.match(name):
        return OrganRef(name, f"group:{fold(name)}@{scope.key}", collective=True)
    return _resolve_single(name, scope)


def _resolve_single(name: str, scope: OrganScope) -> OrganRef:
    registry = organ_registry()
    hit = registry.by_fold.get(fold(name))
    if hit:
        return _registered(hit.name)
    name = _complete_relative(name, scope)
    hit = registry.by_fold.get(fold(name))
    if hit:
        return _registered(hit.name)
    parent = None
    unit = _UNIT.match(name)
    if unit:
        parent = _resolve_single(unit.group("rest"), scope)
    else:
        entry = _registered_suffix(fold(name), registry)
        if entry is not None:
            parent = _registered(entry.name)
    return OrganRef(name, f"organ:{fold(name)}", parent=parent)


def _registered_suffix(folded: str, registry: OrganRegistry) -> OrganEntry | None:
    """The first entry of ``registry.suffixes`` (longest name first) whose folded name ends
    ``folded`` after a space. The word-final parts of ``folded`` no longer than the registry's
    longest name are looked up in its index, from the right: the time is bounded by that
    name, not by the registry or by a runaway "name" of thousands of words."""
    best = None
    at = folded.rfind(" ")
    for _ in range(registry.longest_key_words):
        if at < 0:
            break
        rank = registry.suffix_rank.get(folded[at + 1 :])
        if rank is not None and (best is None or rank < best):
            best = rank
        at = folded.rfind(" ", 0, at)
    return registry.suffixes[best][1] if best is not None else None


def _complete_relative(name: str, scope: OrganScope) -> str:
    """Append the scope's place to a name that ends with a relative word."""
    if not scope.anchors:
        return name
    folded = _fold_aligned(name)
    for short in sorted(scope.anchors, key=len, reverse=True):
        if folded == short or folded.endswith(" " + short):
            if short in ("bo", "so") and not name[len(name) - len(short)].isupper():
                continue  # "cán bộ" is not "Bộ"
            full = scope.anchors[short]
            prefix = name[: len(name) - len(short)].rstrip()
            if not prefix:
                return full
            return f"{prefix} {full}"
    return name


@cache
def _registered(name: str) -> OrganRef:
    entry = organ_registry().by_name[name]
    parent = _registered(entry.parent) if entry.parent else None
    return OrganRef(entry.name, f"organ:{fold(entry.name)}", parent=parent)
