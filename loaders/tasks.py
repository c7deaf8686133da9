"""Tasks, who is assigned to them (with role) and who reports to whom.

* Numbered items (``1.``, ``2.1.``) under optional Roman sections (``II-``) are tasks.
* In the ``Tổ chức thực hiện`` section every bullet or paragraph that opens with an organ
  is a task assigned to that organ: ``chủ trì`` makes it the lead, organs after
  ``phối hợp với`` coordinate, otherwise the organ performs.
* A preamble ``… yêu cầu X … thực hiện tốt một số nhiệm vụ sau:`` assigns X (perform) to
  the numbered tasks that follow.
* ``báo cáo (kết quả thực hiện) (với|về) Y (qua Z)`` in a unit makes its organs report to
  Y via Z.

Pure text functions: organ names are returned as written; the extractor resolves them.

>>> split_organ_list("Các huyện ủy, thành ủy, các ban đảng, Mặt trận Tổ quốc và các tổ chức "
...                  "chính trị - xã hội")
['Các huyện ủy, thành ủy', 'các ban đảng', 'Mặt trận Tổ quốc', 'các tổ chức chính trị - xã hội']
>>> split_organ_list("Bộ Văn hóa, Thể thao và Du lịch, Ban Tuyên giáo và Dân vận Trung ương")
['Bộ Văn hóa, Thể thao và Du lịch', 'Ban Tuyên giáo và Dân vận Trung ương']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.graph.vocabulary import Role
from vanban.loaders import patterns
from vanban.loaders.bodies import split_bodies
from vanban.loaders.header import CRAWLED_TITLE, drop_title_prefix
from vanban.loaders.lexicon import organ_registry, titles
from vanban.loaders.organ_names import looks_like_organ
from vanban.loaders.segment import Line
from vanban.loaders.text import CAPITALS, NOI_NHAN, first_line, fold

__all__ = [
    "GENERIC",
    "REQUEST_WORDS",
    "VERB_RE",
    "AssignmentUnit",
    "TaskItem",
    "assignment_units",
    "execution_article",
    "heading_organ",
    "inner_assignees",
    "is_execution_heading",
    "numbered_tasks",
    "preamble_assignees",
    "requests",
    "sentence_subject",
    "split_organ_list",
    "subject_of",
]

_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(?P<text>\S.*)$")
_ROMAN = re.compile(r"^(?P<roman>[IVX]{1,4})\s*[-.–]\s*(?P<text>\S.*)$")
_BULLET = re.compile(r"^[-–+•]\s*(?P<text>\S.*)$")
_LETTER = re.compile(r"^(?P<letter>[a-zđ])\)\s*(?P<text>\S.*)$")
_VERBS = (
    "chủ trì", "phối hợp", "lãnh đạo", "chỉ đạo", "tổ chức", "triển khai", "căn cứ",
    "có trách nhiệm", "chịu trách nhiệm", "theo dõi", "làm tốt", "thực hiện", "hướng dẫn",
    "xây dựng", "tham mưu", "nghiên cứu", "quán triệt", "tiếp tục", "định hướng", "đôn đốc",
    "kiểm tra", "ban hành", "rà soát", "phụ trách", "bảo đảm", "đảm bảo", "tuyên truyền",
    "cụ thể hóa", "quan tâm", "khẩn trương", "tăng cường", "đẩy mạnh", "giám sát",
    "thường xuyên", "định kỳ", "báo cáo", "theo chức năng", "trong phạm vi", "được giao",
    "cần", "phải", "tập trung", "chủ động", "là cơ quan", "sơ kết", "tổng kết", "hằng năm",
    "hàng năm", "nắm", "đề xuất", "trình", "thẩm định", "cung cấp", "gửi", "thống nhất",
    "tích cực", "nghiêm túc", "kịp thời", "bố trí", "giao", "có", "làm", "thanh tra", "tổng hợp",
    "hoàn thành", "hoàn thiện", "rà soát", "xử lý", "thông qua", "phân công", "sửa đổi", "đối chiếu",
    "phản ánh", "khảo sát", "chia sẻ", "cập nhật", "tiếp nhận", "chuẩn bị", "công bố", "phổ biến",
    "nâng cao", "tiến hành", "khắc phục", "huy động", "vận động", "tập huấn", "duy trì", "xem xét",
    "tăng", "quyết định", "thỏa thuận", "sẽ", "quyết liệt", "liên hệ", "đổi mới", "được", "thừa ủy quyền",
    "chỉ ra", "niêm yết", "cử", "đẩy nhanh", "rút ngắn", "thúc đẩy", "trực tiếp",
    # what a duty follows, after who does it: "các Phó Thủ tướng theo nhiệm vụ được phân công chỉ đạo"
    "theo nhiệm vụ", "theo lĩnh vực", "theo thẩm quyền", "theo phân công",
)
# "tổ chức đảng", "tham mưu, giúp việc" (the staff bodies): nouns, not the verbs they start with.
_NOUN_AFTER = r"(?! đảng(?! viên)| chính trị| cơ sở| quần chúng| hội| thành viên| xã hội|,? giúp việc)"
# Not after "các"/"những" ("các tổ chức" is a noun) nor "chương" (the "trình" of "Chương trình").
# Nor the "giao" of "Bộ Ngoại giao", the "cử" of "bầu cử" or "ứng cử", the "trình" of "công trình".
VERB_RE = re.compile(r"(?<![\wÀ-ỹ])(?<!các )(?<!những )(?<!Các )(?<!Những )(?<!Chương )(?<!chương )"
                      r"(?<!Ngoại )(?<!bầu )(?<!ứng )(?<!công )(?<!Công )(?<!Ban )"
                      + patterns.by_first_letter(re.escape(v) for v in sorted(_VERBS, key=len, reverse=True))
                      + r"(?![\wÀ-ỹ])" + _NOUN_AFTER)
_ORDERS = re.compile(r"\s(?:yêu cầu|đề nghị|giao cho|giao)\s+(?=\S)")
# (also a heading of a body's duties: "Trách nhiệm của Sở Công Thương:")
_LEAD_IN = re.compile(r"^(?:[Gg]iao cho|[Gg]iao|[Đđ]ề nghị|[Yy]êu cầu|Đồng chí|Đ/c|"
                      r"(?:[Tt]rách nhiệm|[Nn]hiệm vụ) của)\s+")
# What marks a duty in a list: "- ", "a) ", "1.2. ".
_DUTY_MARK = re.compile(r"^(?:[-–+•]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\s*[.)])\s*")
# A heading, then who is told to act: "Về hỗ trợ kinh phí …: Giao Bộ Tài chính chủ trì, …".
_HEADED_ORDER = re.compile(r"^[^:\n]{3,200}?:\s+(?=(?:[Gg]iao cho|[Gg]iao|[Đđ]ề nghị|[Yy]êu cầu)\s+\S)"
                           r"|^Về\s[^:\n]{3,200}?:\s+(?=\S)")  # or a topic: "Về việc X: Tỉnh căn cứ …"
# What may stand before the subject, up to a comma: "Căn cứ nội dung Kế hoạch, các sở …", "Trên cơ
# sở kết quả khảo sát, Sở Xây dựng chủ trì …", "Trong quá trình thực hiện, nếu có vướng mắc, …".
_FRAME = re.compile(r"^(?:Căn cứ|Trên cơ sở|Trong quá trình|Trong thời gian|Hằng năm|Hàng năm|Định kỳ|"
                    r"Sau khi|Theo|Để|Nhằm|Trường hợp|Khi)\b[^,;:.\n]{0,150},\s*"
                    r"(?:nếu [^;:.\n]{0,80}?,\s*(?=[Cc]ác\s|[A-ZĐÀ-Ỹ]))?")
# The lead, however the verb phrase opens: "chủ trì", "khẩn trương chủ trì", "là cơ quan chủ trì".
_LEADS = re.compile(r"(?i:(?:(?:khẩn trương|tiếp tục|có trách nhiệm|chịu trách nhiệm|được giao|"
                    r"là cơ quan(?: thường trực| đầu mối)?|"
                    r"làm|giữ vai trò)\s*(?:,\s*)?)*chủ trì)")
# A place's level written alone with a capital, for the locality a document deals with ("Tỉnh tổng
# hợp nhu cầu, báo cáo Bộ Tài chính", in a conclusion about one province).
_LOCALITY_ALONE = re.compile(rf"^(?P<level>{patterns.alternation(patterns.PROVINCE_NAMES, 'initial')})"
                             r"(?=\s+[a-zà-ỹđ])")
GENERIC = re.compile(r"liên quan|các cấp|các ngành|đơn vị có liên quan", re.IGNORECASE)


@dataclass(frozen=True)
class TaskItem:
    number: str
    path: str
    text: str
    line: int  # index into the document's flow lines
    section: str | None
    article_title: str = ""  # the title of the article it stands in ("Nhiệm vụ của Tổ công tác")


@dataclass(frozen=True)
class AssignmentUnit:
    """A bullet, numbered item or paragraph of the ``Tổ chức thực hiện`` section."""

    text: str
    line: int
    path: str  # path of the task it is (existing numbered task, or a new bullet task)
    is_new_task: bool


# The first characters of the lines _NUMBERED, _ROMAN, _ARTICLE, _NUMBER_ALONE and _BRACKETED match.
_ITEM_FIRST = frozenset("0123456789IVXĐ(")
_NUMBER_ALONE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.$")
# A task numbered in brackets, below a numbered item or alone: "(1) Bộ Y tế chỉ đạo …".
_BRACKETED = re.compile(r"^\((?P<num>\d{1,2})\)\s*(?P<text>[^\W\d_].*)$")
_FILE_NAME = re.compile(r"^\S+\.(?:DOCX?|PDF|docx?|pdf)\b")  # a page footer "12.KLTW.DOC 5"
_ARTICLE = re.compile(r"^Điều\s+(?P<n>\d{1,3}[a-zđ]?)\s*[.:]")
_DATE_START = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{4}")
_NOI_NHAN = re.compile(r"^\W*" + NOI_NHAN)
_NOI_WORDS = ("Nơi", "NƠI", "Noi", "NOI", "nơi", "noi")  # (what the heading opens with, for a quick test)


def numbered_tasks(lines: list[Line], start: int, end: int) -> list[TaskItem]:
    """Numbered items of a body (``lines[start:end]``), with paths qualified by their Roman
    section and their article (``Điều 3.1``), and by a block number (``2:1``) when the
    numbering restarts under an unnumbered heading, so that no two items share a path."""
    items: list[TaskItem] = []
    section: str | None = None
    article: str | None = None
    article_title = ""
    block = 1
    seen: set[str] = set()
    for i in range(start, end):
        text = drop_title_prefix(lines[i].text)  # "Quyết định 5/QĐ-UBND năm 2020. Điều 3." (a crawl)
        if text[:1] not in _ITEM_FIRST:
            continue  # no number, section or article opens the line
        roman = _ROMAN.match(text)
        if roman and (roman.group("text").isupper() or len(roman.group("text")) < 80):
            section = roman.group("roman")
            article, article_title = None, ""  # a section after the articles: an attached plan's
            continue
        heading = _ARTICLE.match(text)
        if heading:
            article, article_title = f"Điều {heading.group('n')}", text[heading.end():].strip()
            continue
        alone = _NUMBER_ALONE.match(text)  # "1.4." on its own line, the item's words below
        bracketed = None if alone else _bracketed_task(text)
        m = alone or bracketed or _NUMBERED.match(text)
        if not m or _DATE_START.match(text) or _FILE_NAME.match(text):
            continue
        number = m.group("num")
        if bracketed:  # "(1)" under "2.": task 2.(1)
            number = f"{parent}.({number})" if (parent := _last_plain_number(items)) else f"({number})"
        path = ".".join(p for p in (section, article, number) if p)
        key = path if block == 1 else f"{block}:{path}"
        if key in seen:  # the numbering restarts under an unnumbered heading: a new block
            block += 1
            key = f"{block}:{path}"
        path = key
        seen.add(path)
        body = [] if alone else [m.group("text")]
        for j in range(i + 1, min(end, i + 30)):
            nxt = lines[j].text
            if _ends_item(nxt):
                break
            body.append(nxt)
        title = article_title if article else ""
        items.append(TaskItem(number, path, "\n".join(body)[:4000], i, section, title))
    return items


def duty_holder(article_title: str) -> str | None:
    """The body an article's title gives the duties of ("Trách nhiệm của Sở Tài chính", "Nhiệm vụ,
    quyền hạn của Ban Chỉ đạo"), whose items name no body of their own.

    >>> duty_holder("Nhiệm vụ, quyền hạn của Ban Chỉ đạo tỉnh"), duty_holder("Hiệu lực thi hành")
    ('Ban Chỉ đạo tỉnh', None)
    """
    m = _DUTIES_OF.match(article_title)
    return m.group("who") if m is not None and looks_like_organ(m.group("who")) else None


_DUTIES_OF = re.compile(r"(?:Nhiệm vụ|Trách nhiệm|Chức năng)"
                        r"(?:(?:,|\s+và)\s+(?:nhiệm vụ|quyền hạn|trách nhiệm))*"
                        r"\s+của\s+(?P<who>[^.:;]{3,120}?)\s*[.:]?$")


def _ends_item(line: str) -> bool:
    """Does the line open the next item, section or article, or the Nơi nhận block?"""
    if line[:1] in _ITEM_FIRST and (_NUMBERED.match(line) or _ROMAN.match(line) or _ARTICLE.match(line)
                                    or _bracketed_task(line)):
        return True
    head = line[:10]
    return any(word in head for word in _NOI_WORDS) and bool(_NOI_NHAN.match(line))


def _bracketed_task(text: str) -> re.Match[str] | None:
    """A line numbered in brackets that tells a body to act: it opens with the body or with an
    order ("(1) Bộ Y tế chỉ đạo …", "(3) Đề nghị Ủy ban …"; not a form's note "(1) Ghi tên …")."""
    m = _BRACKETED.match(text) if text.startswith("(") else None
    if m is None or not (_LEAD_IN.match(m.group("text")) or looks_like_organ(m.group("text"))):
        return None
    return m


def _last_plain_number(items: list[TaskItem]) -> str | None:
    """The number of the last item numbered without brackets, if any."""
    return next((item.number for item in reversed(items) if "(" not in item.number), None)


def is_execution_heading(text: str) -> bool:
    """The heading of the ``Tổ chức thực hiện`` section (numbered or not, any case)."""
    return len(text) < 70 and "to chuc thuc hien" in fold(text)


def assignment_units(lines: list[Line], start: int, end: int,
                     tasks: list[TaskItem]) -> list[AssignmentUnit]:
    """Units of the ``Tổ chức thực hiện`` section(s) of a body."""
    by_line = {t.line: t for t in tasks}
    units: list[AssignmentUnit] = []
    i = start
    while i < end:
        text = lines[i].text
        if not is_execution_heading(text):
            i += 1
            continue
        heading = by_line.get(i)
        roman = _ROMAN.match(text)
        base = heading.path if heading else (roman.group("roman") if roman else "TCTH")
        depth_roman = roman is not None
        k = 0
        j = i + 1
        while j < end:
            line = lines[j].text
            inner_roman = _ROMAN.match(line)
            if _NOI_NHAN.match(line) or (inner_roman and not depth_roman):
                break
            if inner_roman and depth_roman and inner_roman.group("text").isupper():
                break
            numbered = _NUMBERED.match(line)
            if (heading and numbered and "." not in numbered.group("num")
                    and (j not in by_line or by_line[j].section == heading.section)):
                break
            task = by_line.get(j)
            body = _BULLET.match(line) or _LETTER.match(line)
            if task is not None:
                units.append(AssignmentUnit(first_line(task.text), j, task.path, False))
            elif body or (line[:1].isupper() and len(line.split()) >= 6):
                k += 1
                unit_text = body.group("text") if body else line
                units.append(AssignmentUnit(unit_text, j, f"{base}-{k}", True))
            j += 1
        i = j
    return units


_GROUP_START = re.compile(r"(?:các|những|Các|Những)\s")


def split_organ_list(text: str) -> list[str]:
    """Split a subject like ``Các huyện ủy, thành ủy, các ban đảng và Mặt trận Tổ quốc`` into the
    bodies it names (:func:`.bodies.split_bodies`)."""
    return split_bodies(text)


def subject_of(text: str) -> tuple[list[str], Role, int]:
    """(organ names, role, end of subject) of a unit that opens with an organ.

    ``X yêu cầu / đề nghị / giao Y …``: Y is the one told to act; ``Về …: Giao Y chủ trì …``
    (a heading, then the order) too. The subject ends before its verb, also a verb written with a
    capital after a complete name (``Giao Công an Thành phố Chỉ đạo …``); ``chủ trì`` makes it the
    lead, also after ``khẩn trương`` or ``có trách nhiệm``.

    >>> subject_of("Về hỗ trợ kinh phí: Giao Bộ Tài chính khẩn trương chủ trì, phối hợp với Bộ Y tế")[:2]
    (['Bộ Tài chính'], <Role.LEAD: 'lead'>)
    """
    text = _LEAD_IN.sub("", _DUTY_MARK.sub("", text.strip()))
    framed = _FRAME.match(text) if not looks_like_organ(text) else None
    if framed is not None and looks_like_organ(text[framed.end():]):  # "Căn cứ …, các sở … xây dựng"
        names, role, end = subject_of(text[framed.end():])
        return names, role, framed.end() + end if names else 0
    if not looks_like_organ(text):
        ordered = _HEADED_ORDER.match(text)
        if ordered is not None:
            names, role, end = subject_of(text[ordered.end():])
            return names, role, ordered.end() + end if names else 0
        alone = _LOCALITY_ALONE.match(text)
        if alone is not None and VERB_RE.match(text, alone.end() + 1):
            return [alone.group("level")], Role.PERFORM, alone.end()  # "Tỉnh tổng hợp nhu cầu, …"
        return [], Role.PERFORM, 0
    told = _ORDERS.search(text[:200])
    verb = VERB_RE.search(text)
    if told and (verb is None or told.start() <= verb.start()) and looks_like_organ(
            text[: told.start()]):
        rest = text[told.end():]
        names, role, end = subject_of(rest[:1].upper() + rest[1:])
        return names, role, told.end() + end
    cut = _capital_verb(text, verb.start() if verb else min(len(text), 300))
    if cut is None:
        if verb is None or verb.start() == 0:
            return [], Role.PERFORM, 0
        cut = verb.start()
    end = cut
    subject = text[:end].strip(" ,:")
    named, colon, rest = subject.partition(": ")
    if colon and not _GROUP_START.match(named) and not looks_like_organ(rest):
        subject = named  # "Ban quản lý …: Được … thành lập, có trách nhiệm": a heading, then text
    if len(subject) > 300:
        return [], Role.PERFORM, 0
    joined = _JOINED_SENTENCE.search(subject)
    if joined:  # a heading list of organs run into its paragraph by a lost line break
        subject = subject[: joined.start()]
    role = Role.LEAD if _LEADS.match(text, end) else Role.PERFORM
    return [n for n in split_organ_list(subject) if not _PRIVATE.match(n)], role, end


def _capital_verb(text: str, before: int) -> int | None:
    """Where a verb written with a capital ends a name before ``before``: "Sở Xây dựng Theo dõi",
    not the "Chỉ đạo" of "Ban Chỉ đạo" (an organ word before it names a body)."""
    for m in _CAPITAL_VERB.finditer(text, 0, before):
        listed = text[m.start() - 2] == ","  # a list of names: "Các Bộ: Tài chính, Xây dựng"
        if m.start() > 1 and not listed and not _ENDS_WITH_ORGAN_WORD.search(text, max(0, m.start() - 40),
                                                                             m.start()):
            return m.start()
    return None


def _capital_verbs() -> list[str]:
    """The verbs written with a capital, less those in the name of a registry organ or a title
    ("Xây dựng" of "Bộ Xây dựng", "Tham mưu" of "Bộ Tổng Tham mưu"): "Chỉ đạo" ends a name, but
    not after an organ word ("Ban Chỉ đạo"), which :func:`_capital_verb` checks."""
    registry = organ_registry()
    names = " | ".join([form for e in registry.entries for form in (e.name, *e.aliases)]
                       + [t.title for t in titles()])
    capitals = (verb[:1].upper() + verb[1:] for verb in _VERBS)
    return [verb for verb in capitals if not re.search(rf"(?<!\w){re.escape(verb)}(?!\w)", names)]


# "Ban Chỉ đạo", "Trưởng ban Chỉ đạo": an organ word or a title before a capitalised verb.
_ENDS_WITH_ORGAN_WORD = re.compile(rf"(?:^|\s)(?:{patterns.ANY_ORGAN_WORD}|{patterns.TITLE})\s*$")
_CAPITAL_VERB = re.compile(r"(?<=\s)"
                           + patterns.by_first_letter(re.escape(v) for v in sorted(_capital_verbs(), key=len,
                                                                                  reverse=True))
                           + r"(?![\wÀ-ỹ])")


_JOINED_SENTENCE = re.compile(r"(?<=[a-zà-ỹđ]) (?=(?:Các|Những) )")


# Who is named after "phối hợp (với)", up to the work it does (not "tổ chức" after "các": "phối
# hợp với các tổ chức chính trị - xã hội"; not the noun of "Quy chế phối hợp các sở", "cơ chế phối hợp").
_COORDINATING = re.compile(
    rf"(?<!chế )phối hợp (?:chặt chẽ )?(?:với\s+|(?=[{CAPITALS}]|các\s))(?P<who>[^;.():]+?)"
    r"(?=(?<!\s)(?<!\bcác)(?<!\bnhững)\s+(?:để|trong|"
    r"tổ chức|thực hiện|triển khai|xây dựng|nghiên cứu|hướng dẫn|đôn đốc|"
    r"kiểm tra|tham mưu|theo dõi)\b|\s*-\s*Thời (?:gian|hạn)\b|[;.():]|$)")


def coordinators(text: str) -> list[str]:
    """Organs named after ``phối hợp với`` or ``phối hợp`` alone before a name or ``các``
    (generic ``các cơ quan liên quan`` dropped)."""
    out = []
    for m in _COORDINATING.finditer(text):
        who = m.group("who")
        verb = VERB_RE.search(who)
        if verb is not None:
            who = who[: verb.start()]
        for name in split_organ_list(who.strip(" ,")):
            if looks_like_organ(name) and not GENERIC.search(name):
                out.append(name)
    return out


_GIVEN = re.compile(r"^[-–+•]?\s*Giao(?: cho)? (?=[A-ZĐÀ-Ỹ])")
_LABELLED = re.compile(
    r"^[-–+•*]?\s*(?:Cơ quan|Đơn vị)\s+(?P<kind>thực hiện|chủ trì|phối hợp)\s*:\s*(?P<who>\S.*)$"
)
_LABEL_END = re.compile(r"(?<!\s)\s*+[-–*]?\s*+Thời (?:gian|hạn)\b|\.(?:\s|$)")  # "… -Thời gian thực hiện: …"
# The words that announce a list of who does what, in any case (searched for in the line in lower case).
_ANNOUNCING_WORDS = ("trách nhiệm", "phân công")
_LABEL_ROLE = {"chủ trì": Role.LEAD, "phối hợp": Role.COORDINATE, "thực hiện": Role.PERFORM}


def inner_assignees(text: str) -> list[tuple[list[str], Role]]:
    r"""Organs a numbered item assigns below its first line: a paragraph ``Giao Ban X chủ trì …``,
    a bullet or lettered duty ``a) Sở X chủ trì, …`` (as lead), and the labelled lines of a plan's
    table of tasks (``- Cơ quan thực hiện: Sở X chủ trì, phối hợp với …``, ``Cơ quan phối hợp: …``).

    >>> inner_assignees("Rà soát cơ chế\n- Cơ quan thực hiện: Các sở, ngành; Ủy ban nhân dân các huyện.")
    [(['Các sở, ngành', 'Ủy ban nhân dân các huyện'], <Role.PERFORM: 'perform'>)]
    """
    out: list[tuple[list[str], Role]] = []
    lines = text.split("\n")
    if is_execution_heading(lines[0]):
        return out
    # Bullets are duties of the item's organs unless its first line announces who does what.
    first = lines[0].lower()
    announced = first.rstrip().endswith(":") or any(word in first for word in _ANNOUNCING_WORDS)
    for line in lines[1:]:
        if is_execution_heading(line.lstrip("#*-–.0123456789 ")):
            break  # the execution section's bullets are its units, read as such
        labelled = _LABELLED.match(line) if ("Cơ quan" in line or "Đơn vị" in line) else None
        if labelled:
            who = _LABEL_END.split(labelled.group("who"), maxsplit=1)[0].strip(" ,;")
            role = _LABEL_ROLE[labelled.group("kind")]
            names, said_role, _ = subject_of(who) if role is Role.PERFORM else ([], role, 0)
            if not names:  # the organs alone, no verb
                names, said_role = [n for n in split_organ_list(who) if looks_like_organ(n)], role
            out.append((names, said_role))
            continue
        unit = (_BULLET.match(line) or _LETTER.match(line)) if announced else None
        if unit or ("Giao" in line[:8] and _GIVEN.match(line)):
            names, role, _ = subject_of(unit.group("text") if unit else line)
            if names and (role is Role.LEAD or not unit):
                out.append((names, role))
    return out


def heading_organ(text: str) -> str | None:
    """A numbered heading that is only an organ's name (``2. Thanh tra tỉnh``, ``3. Giao Sở
    Xây dựng:``), its tasks below."""
    line = first_line(text).strip()
    first = _LEAD_IN.sub("", line.strip(" .:")).strip(" .:")
    longest = _HEADING_WORDS_BEFORE_COLON if line.endswith(":") else _HEADING_WORDS
    words = len(_CLAUSE_NUMBER.sub("", first).split())
    if words > longest or not looks_like_organ(first) or VERB_RE.search(first):
        return None
    if _PRIVATE.match(first):
        return None  # "6. Trách nhiệm của các cơ sở sản xuất trong cụm công nghiệp:"
    return first


# The most words of an organ heading (its number not counted); more before a colon, which
# announces its duties below ("1. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan
# thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:").
_HEADING_WORDS = 12
_HEADING_WORDS_BEFORE_COLON = 32


_EXECUTION_DUTY = (
    r"(?:(?:chịu trách nhiệm|có trách nhiệm)\s+(?:thi hành|tổ chức thực hiện|thực hiện)\s+"
    r"(?i:" + patterns.TYPE_NAME + r")\s+này"
    # "… căn cứ Quyết định thi hành", "… căn cứ Quyết định này để thực hiện"
    r"|căn cứ\s+(?i:" + patterns.TYPE_NAME + r")(?:\s+này)?\s+(?:để\s+)?(?:thi hành|thực hiện)(?![^\W\d_]))"
)
_EXECUTION_ARTICLE = re.compile(
    r"(?:^|\n)[^\S\n]*(?:" + CRAWLED_TITLE + r")?(?P<number>Điều\s+\d+)\s*\.\s*"
    r"(?P<who>(?:(?!\n(?:" + CRAWLED_TITLE + r")?Điều\s+\d)[\s\S]){5,1500}?)(?<!\s)\s+" + _EXECUTION_DUTY
)
# The duty alone, which every match of _EXECUTION_ARTICLE ends with: found by one quick scan (it opens
# with a word), where the article's pattern tries up to 1,500 characters after every article.
_EXECUTION_DUTY_RE = re.compile(_EXECUTION_DUTY)
def _office_holder(name: str) -> str:
    """The body an office holder stands for (``data/titles.tsv``): ``Giám đốc Sở X`` → ``Sở X``,
    ``Chánh Văn phòng UBND tỉnh`` → ``Văn phòng UBND tỉnh``, a title alone for its one body
    (``Tổng Tham mưu trưởng`` → ``Bộ Tổng Tham mưu``), the heads of a kind of body for the group
    (``Các Bộ trưởng`` → ``Các bộ``, ``Thủ trưởng các cơ quan …`` → ``Các cơ quan …``).

    >>> [_office_holder(n) for n in ("Giám đốc Sở Tài chính", "Chánh Văn phòng Bộ", "Các Bộ trưởng",
    ...                              "Tổng Tham mưu trưởng", "Thủ trưởng các đơn vị liên quan")]
    ['Sở Tài chính', 'Văn phòng Bộ', 'Các bộ', 'Bộ Tổng Tham mưu', 'Các đơn vị liên quan']
    """
    name = _CLAUSE_NUMBER.sub("", name, count=1)  # a clause's number: "2. Tổng Tham mưu trưởng, …"
    group = _GROUP_HEADS.match(name)
    if group:
        return f"Các {_HEADS[group.group('title')].lower()}"
    m = _OFFICE.match(name)
    if m is None:
        return name
    title, rest = m.group("title"), name[m.end():]
    heads = _HEADS.get(title, "")
    if rest.startswith(("các cơ quan", "cơ quan", "các đơn vị", "đơn vị")):
        return "Các " + rest.removeprefix("các ")  # "Thủ trưởng các cơ quan …": the group
    if not rest:  # a title of one body: "Thủ tướng" → Chính phủ, "Tổng Tham mưu trưởng"
        return heads if heads and fold(heads) in organ_registry().by_fold else name
    if heads and heads in title and not rest.startswith(heads):
        return f"{heads} {rest}"  # "Chánh Văn phòng X" → "Văn phòng X" (but "Vụ trưởng Vụ X" → "Vụ X")
    return rest


_HEADS = {t.title: t.heads for t in titles()}
_CLAUSE_NUMBER = re.compile(r"^\d+[.)]\s*")
_OFFICE = re.compile(r"^(?P<title>" + patterns.TITLE + r")(?:\s+|$)")
_GROUP_HEADS = re.compile(r"^[Cc]ác\s+(?P<title>" + patterns.alternation(t.title for t in titles() if t.heads)
                          + r")$")
_OFFICE_LIST = re.compile(
    r",\s*(?=(?:" + patterns.TITLE + r"|Các|các)\b)"
    r"|(?<!\s)\s+và\s+(?=(?:" + patterns.TITLE + r"|Các|các|tổ chức|cá nhân|đơn vị|cơ quan)\b)"
)


_SENTENCE_END = re.compile(r"(?<=[a-zà-ỹđ])\.\s+(?=[A-ZĐÀ-Ỹ])")  # (not after "TP.")
_PEOPLE = re.compile(r"(?i:(?:các\s+)?(?:ông|bà|đồng chí)\b)")
_OWN_DUTY = re.compile(r"\s(?:có|chịu) trách nhiệm\s|\schủ trì\b")


def execution_article(text: str) -> tuple[str, list[str]] | None:
    """``Điều 3. Chánh Văn phòng …, Giám đốc Sở … chịu trách nhiệm thi hành Quyết định này``:
    the article's number and the organs its office holders lead.

    >>> execution_article("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính và "
    ...                   "Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này./.")
    ('Điều 3', ['Văn phòng Ủy ban nhân dân tỉnh', 'Sở Tài chính', 'Ủy ban nhân dân các huyện'])
    """
    # (Every match holds "Điều" and ends with the duty: most texts are passed over at once.)
    m = _EXECUTION_ARTICLE.search(text) if "Điều" in text and _EXECUTION_DUTY_RE.search(text) else None
    if not m:
        return None
    organs = []
    who = m.group("who")
    sentences = list(_SENTENCE_END.finditer(who))
    if sentences:  # "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng …": the last sentence
        who = who[sentences[-1].end():]
    # "Các ông, bà: Chánh Văn phòng …", "Giám đốc các Sở: Tài chính, Xây dựng", "Giám đốc: Trung tâm A, …"
    parts = [p for chunk in re.split(r";\s*|\n", who) for piece in _OFFICE_LIST.split(chunk)
             for p in (split_bodies(piece) if ":" in piece else [piece])]
    for part in parts:
        name = _office_holder(part.strip(" ,."))
        if _OWN_DUTY.search(name) or _PEOPLE.match(name):
            continue  # a clause with its own duty ("1. Sở Y tế có trách nhiệm …"), people ("các ông, bà …")
        if name and looks_like_organ(name):
            organs.append(name[:1].upper() + name[1:])
    return m.group("number"), organs


# Who is asked to act, anywhere in a paragraph: "Cục Thuế đề nghị Thuế thành phố Huế đối chiếu …",
# "Yêu cầu các sở, ngành khẩn trương …" (not "theo đề nghị của", "xét đề nghị", "được giao").
_REQUEST = re.compile(r"(?<![\wÀ-ỹ])(?<!theo )(?<!Theo )(?<!xét )(?<!Xét )(?<!được )(?<!trình )"
                      r"(?:[Đđ]ề nghị|[Yy]êu cầu|Giao(?: cho)?)\s+(?!của\b)(?=\S)")


# Every paragraph :data:`_REQUEST` finds a request in holds one of these words.
REQUEST_WORDS = ("nghị", "cầu", "Giao")


def opens_request(line: str) -> bool:
    """Does a paragraph open by asking bodies to act ("Yêu cầu Thủ trưởng các sở …", "Đề nghị …")?"""
    return line[:1] in "ĐđYyG" and _REQUEST.match(line) is not None


def request_starts(text: str) -> list[int]:
    """Where a paragraph asks a body to act (the positions :func:`requests` reads from).

    >>> text = "Theo đề nghị của Sở Y tế, Bộ đề nghị các tỉnh báo cáo."
    >>> [text[at:] for at in request_starts(text)]
    ['đề nghị các tỉnh báo cáo.']
    """
    return [m.start() for m in _REQUEST.finditer(text)]


def requests(text: str) -> list[tuple[list[str], Role]]:
    """The bodies a paragraph asks to act, with their role: ``Đề nghị X chủ trì, …``, ``… trân
    trọng đề nghị X, Y chỉ đạo …``, ``Giao X khẩn trương …``.

    >>> requests("Bộ Nội vụ trân trọng đề nghị Ban Tuyên giáo Trung ương, Bộ Y tế chỉ đạo báo chí")
    [(['Ban Tuyên giáo Trung ương', 'Bộ Y tế'], <Role.PERFORM: 'perform'>)]
    """
    out: list[tuple[list[str], Role]] = []
    if not any(word in text for word in REQUEST_WORDS):  # most paragraphs ask nothing
        return out
    for m in _REQUEST.finditer(text):
        rest = text[m.end(): m.end() + 600]
        names, role, _ = subject_of(rest[:1].upper() + rest[1:])
        names = [n for n in names if not _NO_BODY.match(n)]
        if names:
            out.append((names, role))
    return out


# Private parties a duty names (a firm, an investor, a household), which are no bodies of the state.
_PRIVATE_PARTIES = r"cơ sở (?:sản xuất|kinh doanh)|doanh nghiệp|nhà đầu tư|chủ đầu tư|cá nhân|hộ|người"
_PRIVATE = re.compile(rf"(?i:(?:các|những)\s+(?:{_PRIVATE_PARTIES})\b)")
# Those asked who are no bodies: the private parties, any establishment or organisation ("Yêu cầu
# các cơ sở …", "các tổ chức, cá nhân …").
_NO_BODY = re.compile(rf"(?i:(?:các|những)\s+(?:{_PRIVATE_PARTIES}|cơ sở|tổ chức(?:,| khai| sản| kinh))\b)")


_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])\s+|(?<=\s)\d{1,2}\.\s*(?=[A-ZĐÀ-Ỹ]))")


def sentence_subject(text: str, at: int) -> list[str]:
    """The bodies that open the sentence holding ``at``: who reports in "1.Các sở, ban, ngành …
    triển khai …; định kỳ báo cáo kết quả về Sở X", a paragraph whose first words are not the
    subject (a heading run into it).

    >>> sentence_subject("III. TỔ CHỨC THỰC HIỆN 1.Các sở, ban, ngành xây dựng kế hoạch; báo cáo Sở X.", 60)
    ['Các sở, ban, ngành']
    """
    starts = [m.end() for m in _SENTENCE_START.finditer(text, 0, at)]
    for start in reversed(starts):
        names, _, _ = subject_of(text[start:at])
        if names:
            return names
    return []


_PREAMBLE = re.compile(  # the last "yêu cầu" before the list: "với yêu cầu quản lý …, X yêu cầu Y …"
    r"(?:yêu cầu|đề nghị)\s+(?P<who>(?:(?!yêu cầu|đề nghị).)+?)\s+(?:lãnh đạo|chỉ đạo|tổ chức" + _NOUN_AFTER +
    r"|thực hiện|quán triệt|tập trung|triển khai|tiếp tục)[^:]{0,200}?"
    r"(?:nhiệm vụ|nội dung|giải pháp)[^:]{0,40}:",
)


def preamble_assignees(text: str) -> list[str]:
    """Organs told to carry out the numbered tasks: ``… yêu cầu X … nhiệm vụ sau:``."""
    m = _PREAMBLE.search(text) if "yêu cầu" in text or "đề nghị" in text else None  # one opens a match
    if not m:
        return []
    who = m.group("who")
    verb = VERB_RE.search(who)  # "các bộ, ngành, địa phương khẩn trương thực hiện …"
    who = who[: verb.start()].strip(" ,") if verb and verb.start() > 0 else who
    names = split_organ_list(who[:1].upper() + who[1:])
    return [n for n in names if looks_like_organ(n)]
