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
from dataclasses import dataclass, field
from functools import cache, lru_cache

from vanban.graph.model import OrganRef
from vanban.loaders import patterns
from vanban.loaders.bodies import BARE_HEAD, HEADED_KIND, HEADS_OF_KIND
from vanban.loaders.lexicon import (
    OrganEntry,
    OrganRegistry,
    committees,
    organ_registry,
    organ_words,
    titles,
)
from vanban.loaders.organ_names import (
    COMMITTEE_NAME,
    LEVEL_AND_PLACE,
    canonical_words,
    clean_organ_text,
    expand_abbreviations,
    fold_aligned,
    initials,
    names_no_body,
    organ_name_end,
    titlecase_organ,
)
from vanban.loaders.text import fold

__all__ = [
    "OrganScope",
    "locality_key",
    "resolve_organ",
]

# A unit of a committee (its standing committee, office, departments): "Ban Tuyên giáo Tỉnh ủy X".
_UNIT = re.compile(
    rf"^(?P<unit>{patterns.COMMITTEE_UNIT}|"
    r"Ban [A-ZĐ][^\s,]*(?: [a-zđ][^\s,]*)*(?: và [A-ZĐ][^\s,]*(?: [a-zđ][^\s,]*)*)?|"
    r"Sở [A-ZĐ][^\s,]*(?: [a-zđ][^\s,]*)*(?: và [A-ZĐ][^\s,]*(?: [a-zđ][^\s,]*)*)?)"
    rf"\s+(?P<rest>{patterns.LOCAL_COMMITTEE}\b.*)$"
)
_COLLECTIVE = re.compile(r"^(?:các|những|cấp ủy các|cấp ủy, chính quyền các)\b", re.IGNORECASE)
_STATE_COMMITTEE = re.compile(patterns.STATE_COMMITTEE)
_STATE_BODY = re.compile(patterns.STATE_ORGAN)


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
        _add_anchors(f"{patterns.PEOPLES_COMMITTEE} {level} {place}", anchors)
    m = COMMITTEE_NAME.search(name)
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
    if _STATE_COMMITTEE.fullmatch(head):
        level = LEVEL_AND_PLACE.match(place)
        if level:
            lvl, where = level.group(1), level.group(2)
            anchors.setdefault(fold(lvl), f"{lvl} {where}")
            anchors.setdefault(fold(f"{head} {lvl}"), name)
            for committee in patterns.committees_of_level(lvl):  # "Tỉnh ủy", "Tỉnh đoàn" of the province
                anchors.setdefault(fold(committee), f"{committee} {where}")
        return
    anchors.setdefault(folded_head, name)
    located_committee = LEVEL_AND_PLACE.match(place)
    if located_committee:  # "Đảng ủy xã Bảo Thắng": its "xã", "Ủy ban nhân dân xã", "Đảng ủy xã"
        lvl, where = located_committee.group(1), located_committee.group(2)
        anchors.setdefault(fold(lvl), f"{lvl} {where}")
        anchors.setdefault(fold(f"{head} {lvl}"), name)
        committee = f"{patterns.PEOPLES_COMMITTEE} {lvl}"
        anchors.setdefault(fold(committee), f"{committee} {where}")
    level = patterns.level_of_committee(head)
    if level:
        anchors.setdefault(fold(level), f"{level} {place}")
        anchors.setdefault(fold(f"{patterns.PEOPLES_COMMITTEE} {level}"),
                           f"{patterns.PEOPLES_COMMITTEE} {level} {place}")


_LOCAL_HEADS = re.compile(rf"^{patterns.LOCALITY_COMMITTEE}\s+(?:{patterns.LEVEL}\s+)?(?P<place>\S.*)$")


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
    # A state department numbers its series in its province ("Sở Công Thương tỉnh Quảng Ngãi"); a
    # party committee ("Đảng ủy Ủy ban nhân dân tỉnh X") numbers its own.
    located = _TRAILING_PLACE.search(organ.name) if _STATE_BODY.match(organ.name) else None
    return fold(located.group(2)) if located else fold(organ.name)


_BARE_LOCAL = re.compile(rf"(?:{patterns.LOCALITY_COMMITTEE}|{patterns.PROVINCE_OR_DISTRICT})$")
_PROVINCIAL_BODY = re.compile(rf"^{patterns.STATE_COMMITTEE}\s+{patterns.PROVINCE_OR_DISTRICT}\s")
_TRAILING_PLACE = re.compile(rf"\b({patterns.PROVINCE_OR_DISTRICT})\s+([A-ZĐÀ-Ỹ]\S*(?:\s+[A-ZĐÀ-Ỹ]\S*)*)$")


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
        name = titlecase_organ(expand_abbreviations(name).upper())  # "UBND TỈNH X": "Ủy ban nhân dân tỉnh X"
    name = canonical_words(expand_abbreviations(name))
    name = name[:1].upper() + name[1:]
    registered = fold(name) in organ_registry().by_fold
    if not registered:
        name = name[: organ_name_end(name)].rstrip(" ,;:-–")
    bare_word = (not registered and bool(_BARE_WORD.fullmatch(name))
                 and _complete_relative(name, scope) == name)
    if _KIND_ALONE.fullmatch(name) or bare_word or names_no_body(name) or (
            not registered and name in _UNATTACHED_TITLES):
        return None  # "Công ty", "Cục": a kind of body, no body's name; "Các quyết định …": no body;
        # "Lãnh đạo", "Ủy viên": a title of no body
    coded = _CODED.fullmatch(name)  # "Bộ TC": the ministry of the registry's code BTC
    entry = organ_registry().by_code.get(initials(coded.group(1)) + coded.group(2)) if coded else None
    if entry is not None:
        return _registered(entry.name)
    if _COLLECTIVE.match(name) or (not registered and HEADS_OF_KIND.match(name)):
        return OrganRef(name, f"group:{fold(name)}@{scope.key}", collective=True)
    bare = BARE_HEAD.fullmatch(name)
    body = _body_of_kind(issuer, HEADED_KIND[bare.group("title")]) if bare is not None else None
    if body is not None:  # "Bộ trưởng" alone: the head of the issuing ministry
        name = f"{name} {body.name}"
    return _resolve_single(name, scope)


# Titles that, written alone, name no body: they head no kind of body and do not stand for the
# issuer's head ("Lãnh đạo, chỉ đạo …" is a duty, not the leadership of a body).
_UNATTACHED_TITLES = frozenset(t.title for t in titles() if not t.heads and not t.alone)
# The words that open a mention of a body only (data/organ_words.tsv), written alone.
# An organ word alone, not a committee ("Tỉnh ủy" stands for the scope's own).
_BARE_WORD = re.compile(patterns.alternation(w.word for w in organ_words()
                                             if fold(w.word) not in {fold(c.name) for c in committees()}))
_CODED = re.compile(rf"({patterns.ANY_ORGAN_WORD})\s+([A-ZĐ&]{{2,10}})")


# (not "Thuế tỉnh", the tax office of the scope's province)
_KIND_ALONE = re.compile(patterns.alternation([w.word for w in organ_words() if not w.opens_names
                                              and w.word.split()[-1] not in patterns.LEVEL_NAMES], "initial"))


def _body_of_kind(issuer: OrganRef | None, kind: str) -> OrganRef | None:
    """The issuer, or the body above it, whose name opens with ``kind`` ("Bộ")."""
    node = issuer
    while node is not None and not node.name.startswith(f"{kind} "):
        node = node.parent
    return node


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
    of_ministry = _UNIT_OF_MINISTRY.match(name) if len(name) < 300 else None  # (a name, not a runaway text)
    entry = registry.by_fold.get(fold(of_ministry.group("ministry"))) if of_ministry is not None else None
    if of_ministry is not None and entry is not None:
        # "Cục X - Bộ Tư pháp", "Cục X/Bộ Tư pháp", "Cục X (Bộ Tư pháp)": one body, "Cục X, Bộ Tư pháp"
        ministry = _registered(entry.name)
        name = f"{of_ministry.group('unit')}, {ministry.name}"
        return OrganRef(name, f"organ:{fold(name)}", parent=ministry)
    unit = _UNIT.match(name)
    if unit:
        parent = _resolve_single(unit.group("rest"), scope)
    else:
        entry = _registered_suffix(fold(name), registry)
        if entry is not None:
            parent = _registered(entry.name)
    return OrganRef(name, f"organ:{fold(name)}", parent=parent)


# A ministry's unit written with its ministry after a comma, a dash, a slash or in brackets.
_UNIT_OF_MINISTRY = re.compile(
    r"^(?P<unit>" + patterns.alternation(w.word for w in organ_words() if w.of_ministry) + r"\s.+?)"
    r"\s*(?:[-–,/]|\()\s*(?P<ministry>Bộ\s[^()/,]+?)\)?$")


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
    folded = fold_aligned(name)
    for short in sorted(scope.anchors, key=len, reverse=True):
        if folded == short or folded.endswith(" " + short):
            if short in ("bo", "so") and not name[len(name) - len(short)].isupper():
                continue  # "cán bộ" is not "Bộ"
            ending = name[len(name) - len(short) :]
            if short in _FOLDED_LEVELS and ending[0].isupper() and ending.lower() not in _LEVELS_LOWER:
                continue  # the "Tĩnh" of "tỉnh Hà Tĩnh" is a place; "Ủy ban nhân dân Thành phố" is the city's
            full = scope.anchors[short]
            prefix = name[: len(name) - len(short)].rstrip()
            if not prefix:
                return full
            return f"{prefix} {full}"
    return name


_FOLDED_LEVELS = frozenset(fold(level) for level in patterns.LEVEL_NAMES)
_LEVELS_LOWER = frozenset(level.lower() for level in patterns.LEVEL_NAMES)


@cache
def _registered(name: str) -> OrganRef:
    entry = organ_registry().by_name[name]
    parent = _registered(entry.parent) if entry.parent else None
    return OrganRef(entry.name, f"organ:{fold(entry.name)}", parent=parent)
