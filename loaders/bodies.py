"""Lists of bodies: one addressee or assignee phrase split into the bodies it names.

``Tỉnh ủy, HĐND, UBND tỉnh X`` is three bodies of one place; ``Các Bộ, cơ quan: TC, QP, TP``
is ministries by their codes; ``Bộ trưởng, Thủ trưởng cơ quan ngang bộ, …, Chủ tịch Ủy ban
nhân dân các tỉnh`` is several groups of heads.

>>> split_bodies("Tỉnh ủy, HĐND, UBND tỉnh Điện Biên")
['Tỉnh ủy Điện Biên', 'HĐND tỉnh Điện Biên', 'UBND tỉnh Điện Biên']
"""

from __future__ import annotations

import re

from vanban.loaders import patterns
from vanban.loaders.lexicon import (
    abbreviations,
    committees,
    organ_registry,
    organ_words,
    titles,
)
from vanban.loaders.memo import remember_short
from vanban.loaders.organ_names import (
    LEVEL_AND_PLACE,
    before_singled_out,
    expand_abbreviations,
    expand_heads_before_bodies,
    initials,
    looks_like_organ,
)
from vanban.loaders.text import CAPITALS, fold

__all__ = ["BARE_HEAD", "HEADED_KIND", "HEADS_OF_KIND", "kind_list_members", "split_bodies"]

# --- groups of heads -----------------------------------------------------------------------------
_KINDS = patterns.alternation([w.word for w in organ_words()] + [c.name for c in committees()] + list(
    patterns.LEVEL_NAMES) + ["cơ quan", "đơn vị", "ngành", "địa phương", "tổ chức"], "lower")
# The heads of a kind of body, or the bodies of a kind in each place: "Chủ tịch Ủy ban nhân dân các
# tỉnh", "Bộ trưởng các Bộ", "Thủ trưởng cơ quan ngang bộ", "Ủy ban nhân dân các huyện".
HEADS_OF_KIND = re.compile(
    rf"^(?:(?:{patterns.DEPUTY}\s+)?{patterns.TITLE}\s+)?(?:{patterns.COMMITTEE_ANY_CASE}\s+)?"
    rf"(?:các|những)\s+(?i:{_KINDS})\b"
    rf"|^(?:{patterns.DEPUTY}\s+)?{patterns.TITLE}\s+(?:cơ quan|đơn vị)\b"
    rf"|^(?i:{_KINDS})(?:\s*,\s*(?:{_KINDS}))+(?:\s|$)"  # "Sở, ban, ngành", "Bộ, ngành"
    # a body of each place: "Sở Y tế các tỉnh, thành phố", "Bộ Chỉ huy quân sự các tỉnh"
    rf"|^{patterns.ANY_ORGAN_WORD}[^,;]{{0,60}}?\s(?:các|những)\s+(?i:{patterns.LEVEL})\b"
)
# A head's title that names the kind of body it heads, written alone ("Bộ trưởng").
HEADED_KIND = {t.title: t.heads for t in titles() if t.alone and t.heads}
BARE_HEAD = re.compile(rf"(?P<title>{patterns.alternation(HEADED_KIND)})")


# --- lists of bodies -----------------------------------------------------------------------------
def split_bodies(text: str) -> list[str]:
    """The bodies a list names, each by its own name.

    * a kind and its members: ``Các Bộ, cơ quan: TC, QP, Tư pháp`` (codes of the registry, or
      names: ``Bộ Tư pháp``; ``Các Sở: Tài chính, Xây dựng``);
    * heads sharing what follows the last: ``Tỉnh ủy, HĐND, UBND tỉnh X`` (each of tỉnh X),
      ``Chủ tịch, các PCT UBND tỉnh`` (each of the Ủy ban nhân dân tỉnh);
    * otherwise the list is cut before each body, head or group it names: ``Bộ trưởng, Thủ
      trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh``.

    >>> split_bodies("Tỉnh ủy, HĐND, UBND tỉnh Điện Biên")
    ['Tỉnh ủy Điện Biên', 'HĐND tỉnh Điện Biên', 'UBND tỉnh Điện Biên']
    >>> split_bodies("Các Bộ, cơ quan: TC, Văn hóa, Thể thao và Du lịch, Tập đoàn Điện lực Việt Nam")
    ['Bộ Tài chính', 'Bộ Văn hóa, Thể thao và Du lịch', 'Tập đoàn Điện lực Việt Nam']
    >>> split_bodies("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh")
    ['Bộ trưởng các bộ', 'Thủ trưởng cơ quan ngang bộ', 'Chủ tịch Ủy ban nhân dân các tỉnh']
    """
    return list(_split_bodies(text))


@remember_short(300)  # the same short lists come back in document after document
def _split_bodies(text: str) -> tuple[str, ...]:
    """:func:`split_bodies`, as a tuple."""
    text = expand_heads_before_bodies(before_singled_out(text).strip(" ,;.:"))  # "TT Tỉnh ủy": Thường trực …
    text = _ADDRESS.sub(lambda m: "Các " if m.group("many") else "", text)
    listed = kind_list_members(text)  # "Các Bộ: TC; NN&MT": the list goes on after a semicolon
    out: list[str] = []
    for chunk in [] if listed is not None else _SEMICOLON.split(text):
        chunk = chunk.strip(" ,.")
        if not chunk:
            continue
        members = kind_list_members(chunk)
        if members is None:
            members = _owned_members(chunk)
        if members is not None:
            out += members
            continue
        out += _listed(chunk)  # "HĐND, UBND, UB MTTQVN TP"
    # "Chủ tịch Ủy ban nhân dân các tỉnh: Hà Tĩnh, Huế": the group, its places left out
    out = [_AND_AT_END.sub("", part.partition(":")[0]).rstrip() for part in out]
    # A head's title alone among others ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, …"): the
    # heads of all the bodies of its kind
    out = (listed or []) + out
    return tuple(f"{part} các {HEADED_KIND[part].lower()}" if part in HEADED_KIND and len(out) > 1 else part
                 for part in out if part)


def _listed(chunk: str) -> list[str]:
    """The bodies of a list with no semicolon: heads sharing what follows the last, else each named."""
    return _shared_tail(chunk) or _shared_tail(expand_abbreviations(chunk)) or _cut_list(chunk)


_AND_AT_END = re.compile(r"(?<![\s,])(?:[\s,]+(?:và|hoặc))+$")  # (?<!…): tried once per run


_OWNER = re.compile(r"^(?P<owner>[^:]{2,60}?)\s*:\s*(?P<members>\S.*)$")
# A title (or its code: "PCT" for Phó Chủ tịch) standing for its holder, alone.
_BARE_TITLE = re.compile(
    rf"(?:(?:[Cc]ác\s+)?(?:(?:{patterns.DEPUTY}\s+)?{patterns.TITLE}|{patterns.TITLE_CODE}))")


def _owned_members(text: str) -> list[str] | None:
    """``Bộ KHCN: Bộ trưởng, Cục Công nghệ thông tin`` or ``VPCP: Cục Kiểm soát TTHC``: a body (or
    its code) and the heads and units of it a list names after a colon, or None. Members that
    are neither (filing codes, people) name no body."""
    m = _OWNER.match(text)
    if m is None:
        return None
    owner = m.group("owner")
    if not (_CODE.match(owner) or (looks_like_organ(owner) and len(_cut_list(owner)) == 1)):
        return None  # (not "Bí thư Tỉnh ủy, Chủ tịch UBND các tỉnh: Gia Lai, …", a list of heads)
    coded = bool(_CODE.match(owner))
    out = []
    for member in _cut_list(m.group("members")):
        if _BARE_TITLE.fullmatch(member) and not coded:
            out.append(f"{member} {owner}")
        elif _NAMED_BODY.match(member):
            out.append(member)
    return out if out or coded else [owner]  # "Bộ Công Thương: Lãnh đạo Bộ, các Vụ": the body itself


# How people are addressed before their offices: "Các ông, bà:", "Đồng chí", "các Đ/c" (a group).
_ADDRESS = re.compile(r"^(?:(?:[Cc]ác\s+)?(?:[ôÔ]ng|[Bb]à)(?:\s*\(\s*[Bb]à\s*\))?(?:\s*,\s*[Bb]à)?\s*:\s*|"
                      r"(?P<many>[Cc]ác\s+)?(?:[Đđ]ồng chí|[Đđ]/c)\s+)")
_SEMICOLON = re.compile(r"(?<!\s)\s*;\s*")  # (?<!\s): "\s*" from inside a run is quadratic
# (?<!\s): "\s+" from inside a run is quadratic; "cùng": "Sở X cùng các đơn vị có liên quan"
_LIST_BREAK = re.compile(r",\s*|(?<!\s)\s+(?:và|cùng)\s+")
# What opens the next body of a list: an organ word, a title, a group.
_NEXT_BODY = re.compile(rf"(?:{patterns.ANY_ORGAN_WORD}|(?:{patterns.DEPUTY}\s+)?{patterns.TITLE}\b|"
                        rf"{patterns.ABBREVIATED_BODY}|(?:các|những|Các|Những)\s)")


def _cut_list(text: str) -> list[str]:
    """Cut a list before each body, head or group it names (not inside "Bộ Văn hóa, Thể thao
    và Du lịch" or "Sở Kế hoạch và Đầu tư", whose words after the comma open no body)."""
    parts: list[str] = []
    pos = 0
    for m in _LIST_BREAK.finditer(text):
        coded = _registry_code_at(text, m.end())
        kind = _GROUP_AFTER_NAME.match(text, m.end()) is not None and _NAMED_BODY.match(text, pos) is not None
        if not (coded or kind) and (not _NEXT_BODY.match(text, m.end()) or _BARE_NEXT.match(text, m.end())):
            continue  # (nor before a kind alone: "Các Sở, Ban, ngành")
        if _OF_MINISTRY.match(text, pos) and fold(text[m.end():].strip(" ,;.")) in organ_registry().by_fold:
            continue  # "Cục Kiểm tra văn bản …, Bộ Tư pháp": the unit, named with its ministry
        parts.append(text[pos:m.start()])
        pos = m.end()
    parts.append(text[pos:])
    registry = organ_registry()
    return [registry.by_code[p].name if p in registry.by_code else p
            for p in (p.strip(" ,;") for p in parts) if p]


# Bodies of a kind after one named in full: "Sở Khoa học và Công nghệ, đơn vị cung cấp dịch vụ …" (but
# "Các cơ quan, đơn vị" is one group).
_GROUP_AFTER_NAME = re.compile(r"(?:cơ quan|đơn vị|tổ chức|doanh nghiệp)(?![^\W\d_])")


def _registry_code_at(text: str, at: int) -> bool:
    """Does a registry organ's code alone stand at ``at``, up to the next comma or the end
    ("Cổng thông tin điện tử Chính phủ, BTP, BCA": Bộ Tư pháp, Bộ Công an)?"""
    code = _CODE_ITEM.match(text, at)
    return code is not None and code.group(1) in organ_registry().by_code


_BARE_NEXT = re.compile(patterns.alternation((w.word for w in organ_words() if " " not in w.word), "initial")
                        + r"(?=\s*(?:,|\s+và\s|$))")
# A ministry's unit named with its ministry after a comma: "Cục Kiểm tra văn bản …, Bộ Tư pháp".
_OF_MINISTRY = re.compile(patterns.alternation(w.word for w in organ_words() if w.of_ministry) + r"\s")


# A kind of body and its members after a colon: "Các Bộ, cơ quan: …", "Các Sở: …", "Giám đốc: …".
_KIND_LIST = re.compile(
    rf"^(?:[Cc]ác\s+)?(?:(?P<heads>{patterns.TITLE})\s+các\s+)?(?P<kind>(?i:{_KINDS})|{patterns.TITLE})"
    rf"(?:\s*,\s*(?:cơ quan|ngành|ban, ngành|đơn vị))?\s*:\s*(?P<members>\S.*)$"
)
_CODE = re.compile(r"^[A-ZĐ&]{2,10}$")
_CODE_ITEM = re.compile(r"([A-ZĐ&]{2,14})\s*(?:[,;]|$)")
# A body named by its own name: an organ word and a capitalised word ("Cục Kiểm soát …", not "Cục
# thuộc Bộ"), or an abbreviated body ("UBND tỉnh").
_NAMED_BODY = re.compile(rf"{patterns.ANY_ORGAN_WORD}\s+[{CAPITALS}0-9]|{patterns.ABBREVIATED_BODY}"
                         # or a committee ("Ủy ban nhân dân cấp xã", not a group: "Đảng ủy các bộ, ngành")
                         rf"|{patterns.COMMITTEE_ANY_CASE}\b(?![ \t]+(?:các|những)\b)")
_COMMITTEE_PART = re.compile(patterns.COMMITTEE_UNIT)  # the parts of a committee: "Văn phòng", "Thường trực"
_COMMA = re.compile(r"(?<!\s)\s*,\s*")


def kind_list_members(text: str) -> list[str] | None:
    """The members of a list that names its kind before a colon, each by its full name; None
    when ``text`` is no such list. A code is a registry organ's (``TC`` → Bộ Tài chính, by the
    ministries' ``B`` codes); an unknown code names no body and is dropped.

    >>> kind_list_members("Các Bộ: CT, NN&PTNT, Xây dựng")
    ['Bộ Công Thương', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Xây dựng']
    >>> kind_list_members("Giám đốc: Trung tâm Công báo - Tin học tỉnh, Trung tâm Phục vụ hành chính công")
    ['Trung tâm Công báo - Tin học tỉnh', 'Trung tâm Phục vụ hành chính công']
    >>> kind_list_members("Bộ trưởng các Bộ: Quốc phòng, Y tế")
    ['Bộ trưởng Bộ Quốc phòng', 'Bộ trưởng Bộ Y tế']
    >>> kind_list_members("Các Bộ trưởng: Công an, Y tế")
    ['Bộ trưởng Bộ Công an', 'Bộ trưởng Bộ Y tế']
    """
    m = _KIND_LIST.match(text)
    if m is None:
        return _ministries_by_name(text)
    kind, heads = m.group("kind"), m.group("heads")
    titled = bool(re.fullmatch(patterns.TITLE, kind))
    kind = kind[:1].upper() + kind[1:]
    head_of = HEADED_KIND.get(kind) if titled else None  # "Bộ trưởng" heads a "Bộ"
    if _COMMITTEE_PART.fullmatch(kind):  # "Thường trực: HĐND, UBND tỉnh X", "Văn phòng: Tỉnh ủy, UBND tỉnh"
        # "Thường trực: HĐND, UBND TP"; "Văn phòng: Thành ủy, HĐND TP; UBND TP"
        chunks = _SEMICOLON.split(m.group("members").strip(" .;"))
        return [f"{kind} {member}" for chunk in chunks for member in _listed(chunk)]
    # Each member by its name or its code; a body named in full stays as it is ("Các Bộ: Tài chính,
    # Y tế, Tập đoàn Điện lực Việt Nam"), and so does a group ("Các vụ: Kế hoạch và các đơn vị …").
    groups = _SEMICOLON.split(m.group("members").strip(" .;"))
    registry = organ_registry()
    # After a semicolon, a body named in full ends the list ("Các Sở: Xây dựng, Tài chính; Ban quản lý
    # Khu kinh tế"), unless the kind and it name a body ("Các Bộ: Tài chính; Công an").
    ended = next((g for g, group in enumerate(groups) if g and _BODY_OPENING.match(group)
                  and fold(f"{kind} {group}") not in registry.by_fold), len(groups))
    parts = [p for group in groups[:ended] for p in _MEMBER_BREAK.split(group) if p]
    out: list[str] = []
    i = 0
    while i < len(parts):
        # a ministry's name holds commas ("Văn hóa, Thể thao và Du lịch"): the longest run it names
        joined = next((j for j in range(min(len(parts), i + _MOST_COMMAS + 1), i + 1, -1)
                       if fold("Bộ " + ", ".join(parts[i:j])) in registry.by_fold), None)
        part = ", ".join(parts[i:joined]) if joined else parts[i]
        if _GROUP_OPENING.match(part):  # a group ends the list: "… và các cơ quan, đơn vị thuộc Bộ"
            out.append(", ".join(parts[i:]))
            break
        i = joined or i + 1
        named = fold(f"{kind} {part}") not in registry.by_fold and _NAMED_BODY.match(part)
        if head_of and (joined or fold(f"{head_of} {part}") in registry.by_fold):
            out.append(f"{kind} {head_of} {part}")  # "Các Bộ trưởng: Quốc phòng, …": the head of each
        elif joined is None and ((titled and looks_like_organ(part)) or named):
            out.append(part)
        elif _CODE.match(part):
            out += _coded_member(kind, part)
        elif not titled:
            out.append(f"{kind} {part}")
    # "Bộ trưởng các Bộ: Quốc phòng, Công an": the head of each
    rest = list(_split_bodies("; ".join(groups[ended:]))) if ended < len(groups) else []
    return ([f"{heads} {name}" for name in out] if heads else out) + rest


def _ministries_by_name(text: str) -> list[str] | None:
    """``Các Bộ Tài chính, Tư pháp, Văn hóa, Thể thao và Du lịch``, ``các Bộ Tài chính, Tư pháp
    và Y tế``: the ministries a list names after one "Bộ", without a colon; only when each is a
    ministry of the registry (a name holding commas or "và" stays whole otherwise)."""
    m = _MINISTRIES.match(text)
    if m is None or ("," not in m.group("members") and " và " not in m.group("members")):
        return None
    members = [name for member in kind_list_members(f"Các Bộ: {m.group('members')}") or ()
               for name in _known_or_joined(member)]
    registry = organ_registry()
    if len(members) < 2 or any(fold(name) not in registry.by_fold for name in members):
        return None
    return members


def _known_or_joined(ministry: str) -> list[str]:
    """A ministry of the registry, or two joined by "và" (``Bộ Tư pháp và Y tế``: Bộ Tư pháp
    and Bộ Y tế), split where both halves are ministries of the registry; else as it is.

    >>> _known_or_joined("Bộ Khoa học và Công nghệ")
    ['Bộ Khoa học và Công nghệ']
    >>> _known_or_joined("Bộ Tài chính và Khoa học và Công nghệ")
    ['Bộ Tài chính', 'Bộ Khoa học và Công nghệ']
    """
    known = organ_registry().by_fold
    if fold(ministry) in known or len(ministry) > 2 * _LONGEST_NAME:
        return [ministry]
    for joint in _AND.finditer(ministry):
        first, second = ministry[: joint.start()], "Bộ " + ministry[joint.end():]
        if fold(first) in known and fold(second) in known:
            return [first, second]
    return [ministry]


_AND = re.compile(r" và ")
_LONGEST_NAME = max(len(entry.name) for entry in organ_registry().entries)


_MINISTRIES = re.compile(r"^[Cc]ác\s+Bộ\s+(?P<members>[A-ZĐ][^:]*)$")

# The most commas a registry name holds (a bound on the members joined to find one).
_MOST_COMMAS = max(entry.name.count(",") for entry in organ_registry().entries)
# Between the members of a list: a comma or a semicolon, or "và" before a group or a body named in
# full ("Tổ chức cán bộ và các cơ quan, đơn vị thuộc Bộ").
_MEMBER_BREAK = re.compile(r"(?<!\s)\s*[,;]\s*|(?<!\s)\s+và\s+(?=(?:các|những)\s)")
_GROUP_OPENING = re.compile(r"(?:các|những|Các|Những)\s")


def _coded_member(kind: str, code: str) -> list[str]:
    """The body a code names in a list of a kind: a registry organ of that kind's initials
    (``TC`` among ministries: ``BTC``), or the department of the ministry of that code (``KH&CN``
    among departments: Sở Khoa học và Công nghệ); nothing for an unknown code."""
    registry = organ_registry()
    code = code.replace("&", "")
    entry = (registry.by_code.get(initials(kind) + code) or registry.by_code.get(code)
             or registry.by_code.get(code.removesuffix("VN")))
    if entry is not None:
        return [entry.name]
    ministry = registry.by_code.get("B" + code)  # the ministries' codes: "B" and their initials
    if ministry is not None and ministry.name.startswith("Bộ "):
        return [f"{kind} {ministry.name.removeprefix('Bộ ')}"]
    return []


# Heads that share what follows the last one: "Tỉnh ủy, HĐND, UBND tỉnh X", "Chủ tịch, các PCT UBND tỉnh".
_TITLE_HEAD = rf"(?:(?:[Cc]ác\s+)?(?:(?:{patterns.DEPUTY}\s+)?{patterns.TITLE}|{patterns.TITLE_CODE}))"
_SPELLED_OUT = patterns.alternation(long for short, long in abbreviations().items()
                                   if re.fullmatch(patterns.ABBREVIATED_BODY, short))  # "Mặt trận Tổ quốc"
_BODY_HEAD = rf"(?:{patterns.COMMITTEE}|{patterns.ABBREVIATED_BODY}|{_SPELLED_OUT})"
_SHARED = re.compile(
    rf"^(?P<heads>{_TITLE_HEAD}(?:\s*,\s*{_TITLE_HEAD})*)(?:\s*,\s*|\s+và\s+)(?P<last>{_TITLE_HEAD})\s+(?P<tail>\S.*)$"
    # the place opens with its level (or a group of them); the last body may go on before it
    # ("Hội đồng nhân dân, Ủy ban nhân dân, UBMTTQ Việt Nam thành phố Hà Nội")
    rf"|^(?P<part>{patterns.COMMITTEE_UNIT}\s+)?(?P<bodies>{_BODY_HEAD}(?:\s*,\s*{_BODY_HEAD})*)(?:\s*,\s*|\s+và\s+)"
    rf"(?P<lastbody>{_BODY_HEAD}(?:\s+[{CAPITALS}][^\s,;]*)*?)\s+(?P<place>(?i:{patterns.LEVEL})\b.*|các\s.*)$"
)
_BODY_OPENING = re.compile(rf"{patterns.ANY_ORGAN_WORD}|{patterns.ABBREVIATED_BODY}")


def _shared_tail(text: str) -> list[str] | None:
    """Each head of a list that shares the place or body after its last one, or None."""
    m = _SHARED.match(text)
    if m is None:
        return None
    if m.group("heads"):  # titles sharing a body: "Chủ tịch, các PCT UBND tỉnh"
        tail, *rest = _cut_list(m.group("tail"))
        heads = _COMMA.split(m.group("heads"))
        if not _BODY_OPENING.match(tail) or any(_COMPLETE_TITLE.fullmatch(head) for head in heads):
            return None  # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ", "Tổng Tham mưu trưởng, Chủ nhiệm …"
        return [f"{head} {tail}" for head in (*heads, m.group("last"))] + rest
    place, *rest = _cut_list(m.group("place"))
    places = _COMMA.split(place)  # "tỉnh An Giang, tỉnh Quảng Ninh, Thành phố Hồ Chí Minh": each
    if len(places) < 2 or not all(_NAMED_PLACE.fullmatch(p) for p in places):
        places = [place]
    heads = [*_COMMA.split(m.group("bodies")), m.group("lastbody")]
    part = m.group("part") or ""
    out = []
    for place in places:
        level = LEVEL_AND_PLACE.match(place.lower())
        for written in heads:
            head = written.removeprefix(part)  # written again: "Thường trực Tỉnh ủy, Thường trực HĐND"
            own = patterns.level_of_committee(head)
            if own and level and fold(level.group(1)) == fold(own):  # "Tỉnh ủy" + "tỉnh X" → "Tỉnh ủy X"
                out.append(f"{part}{head} {place[len(level.group(1)):].strip()}".strip())
            elif own and fold(place) == fold(own):  # "Tỉnh ủy" + "tỉnh": the Tỉnh ủy of the scope
                out.append(f"{part}{head}")
            else:
                out.append(f"{part}{head} {place}")
    return out + rest


_NAMED_PLACE = re.compile(rf"(?i:{patterns.LEVEL})\s+[{CAPITALS}]\S*(?:\s+[{CAPITALS}]\S*)*")


# A title that names its one body by itself ("Tổng Tham mưu trưởng", "Thủ tướng", "Thống đốc").
_COMPLETE_TITLE = re.compile(patterns.alternation(
    t.title for t in titles() if t.heads and fold(t.heads) in organ_registry().by_fold))
