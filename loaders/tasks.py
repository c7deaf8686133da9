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
from vanban.loaders.header import CRAWLED_TITLE, drop_title_prefix
from vanban.loaders.organs import ORGAN_HEAD, and_ending_a_name, looks_like_organ
from vanban.loaders.segment import Line
from vanban.loaders.text import first_line, fold

__all__ = [
    "AssignmentUnit",
    "ReportPhrase",
    "TaskItem",
    "assignment_units",
    "execution_article",
    "find_reports",
    "heading_organ",
    "inner_assignees",
    "is_execution_heading",
    "numbered_tasks",
    "preamble_assignees",
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
    "hoàn thành", "hoàn thiện", "rà soát", "xử lý", "thông qua", "phân công",
)
# "tổ chức đảng", "tham mưu, giúp việc" (the staff bodies): nouns, not the verbs they start with.
_NOUN_AFTER = r"(?! đảng| chính trị| cơ sở| quần chúng| hội| thành viên| xã hội|,? giúp việc)"
# Not after "các"/"những" ("các tổ chức" is a noun) nor "chương" (the "trình" of "Chương trình").
_VERB_RE = re.compile(r"(?<![\wÀ-ỹ])(?<!các )(?<!những )(?<!Các )(?<!Những )(?<!Chương )(?<!chương )"
                      r"(?:" + "|".join(re.escape(v) for v in sorted(_VERBS, key=len, reverse=True))
                      + r")(?![\wÀ-ỹ])" + _NOUN_AFTER)
_ORDERS = re.compile(r"\s(?:yêu cầu|đề nghị|giao cho|giao)\s+(?=\S)")
_LEAD_IN = re.compile(r"^(?:Giao cho|Giao|Đề nghị|Yêu cầu|Đồng chí|Đ/c)\s+")
# The one reported to, up to what follows its name, and the "(qua …)" it reports through.
_RECIPIENT_PATTERN = (
    r"(?P<to>[A-ZĐÀ-Ỹ][^,;.()\n]*?)"
    r"(?=(?<!\s)\s*\(\s*qua|(?<!\s)\s+(?:trước|theo|để|định kỳ|vào|trong|khi|qua|tổng hợp|"
    r"(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần|ngày)|"  # a period, not "Ngân hàng"
    + and_ending_a_name() + r"|"
    r"xem xét|những|về|kết quả|tình hình|quyết định|trình|cho ý kiến|phê duyệt|giải quyết|biết|ngay|"
    r"kịp thời|việc|tại|sau|chậm nhất)\b|[,;.()\n]|$)"
    r"(?:\s*\(\s*qua\s+(?P<via>[^)]*[^)\s])\s*\))?"
)
_REPORT = re.compile(
    r"báo cáo(?:\s+(?:kết quả|tình hình|tiến độ)(?:\s+(?:thực hiện|triển khai))?)?"
    r"(?:\s+(?:định kỳ|hằng năm|hàng năm|hằng quý|hàng quý|đột xuất))?"
    r"(?:\s*(?:với|về|lên|cho|gửi))?\s+" + _RECIPIENT_PATTERN
)
_RECIPIENT = re.compile(_RECIPIENT_PATTERN)
# Another one reported to, after a comma or "và": "báo cáo Bộ Chính trị, Ban Bí thư".
_NEXT_RECIPIENT = re.compile(r"\s*(?:,|\s+và)\s+(?=" + ORGAN_HEAD.pattern + r")")
_GENERIC = re.compile(r"liên quan|các cấp|các ngành|đơn vị có liên quan", re.IGNORECASE)


@dataclass(frozen=True)
class TaskItem:
    number: str
    path: str
    text: str
    line: int  # index into the document's flow lines
    section: str | None


@dataclass(frozen=True)
class AssignmentUnit:
    """A bullet, numbered item or paragraph of the ``Tổ chức thực hiện`` section."""

    text: str
    line: int
    path: str  # path of the task it is (existing numbered task, or a new bullet task)
    is_new_task: bool


@dataclass(frozen=True)
class ReportPhrase:
    to: str
    via: str | None
    start: int
    end: int


_NUMBER_ALONE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.$")
_FILE_NAME = re.compile(r"^\S+\.(?:DOCX?|PDF|docx?|pdf)\b")  # a page footer "12.KLTW.DOC 5"
_ARTICLE = re.compile(r"^Điều\s+(?P<n>\d{1,3}[a-zđ]?)\s*[.:]")
_DATE_START = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{4}")
_NOI_NHAN = re.compile(r"^\W*Nơi nhận")


def numbered_tasks(lines: list[Line], start: int, end: int) -> list[TaskItem]:
    """Numbered items of a body (``lines[start:end]``), with paths qualified by their Roman
    section and their article (``Điều 3.1``), and by a block number (``2:1``) when the
    numbering restarts under an unnumbered heading, so that no two items share a path."""
    items: list[TaskItem] = []
    section: str | None = None
    article: str | None = None
    block = 1
    seen: set[str] = set()
    for i in range(start, end):
        text = drop_title_prefix(lines[i].text)  # "Quyết định 5/QĐ-UBND năm 2020. Điều 3." (a crawl)
        roman = _ROMAN.match(text)
        if roman and (roman.group("text").isupper() or len(roman.group("text")) < 80):
            section = roman.group("roman")
            continue
        heading = _ARTICLE.match(text)
        if heading:
            article = f"Điều {heading.group('n')}"
            continue
        alone = _NUMBER_ALONE.match(text)  # "1.4." on its own line, the item's words below
        m = alone or _NUMBERED.match(text)
        if not m or _DATE_START.match(text) or _FILE_NAME.match(text):
            continue
        number = m.group("num")
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
            if _NUMBERED.match(nxt) or _ROMAN.match(nxt) or _NOI_NHAN.match(nxt) or _ARTICLE.match(nxt):
                break
            body.append(nxt)
        items.append(TaskItem(number, path, "\n".join(body)[:4000], i, section))
    return items


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
        base = heading.path if heading else (_ROMAN.match(text).group("roman")
                                             if _ROMAN.match(text) else "TCTH")
        depth_roman = bool(_ROMAN.match(text))
        k = 0
        j = i + 1
        while j < end:
            line = lines[j].text
            if _NOI_NHAN.match(line) or (_ROMAN.match(line) and not depth_roman):
                break
            if _ROMAN.match(line) and depth_roman and _ROMAN.match(line).group("text").isupper():
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


_LIST_BREAK = re.compile(r",\s*|(?<!\s)\s+và\s+|;\s*")  # (?<!\s): "\s+" from inside a run is quadratic
_GROUP_START = re.compile(r"(?:các|những|Các|Những)\s")


def split_organ_list(text: str) -> list[str]:
    """Split a subject like ``Các huyện ủy, thành ủy, các ban đảng và Mặt trận Tổ quốc``."""
    parts: list[str] = []
    pos = 0
    for m in _LIST_BREAK.finditer(text):
        after = text[m.end():]
        if ORGAN_HEAD.match(after) or _GROUP_START.match(after):
            parts.append(text[pos:m.start()])
            pos = m.end()
    parts.append(text[pos:])
    return [p.strip(" ,;") for p in parts if p.strip(" ,;")]


def subject_of(text: str) -> tuple[list[str], Role, int]:
    """(organ names, role, end of subject) of a unit that opens with an organ.

    ``X yêu cầu / đề nghị / giao Y …``: Y is the one told to act.
    """
    text = _LEAD_IN.sub("", text.strip())
    if not looks_like_organ(text):
        return [], Role.PERFORM, 0
    told = _ORDERS.search(text[:200])
    verb = _VERB_RE.search(text)
    if told and (verb is None or told.start() <= verb.start()) and looks_like_organ(
            text[: told.start()]):
        rest = text[told.end():]
        names, role, end = subject_of(rest[:1].upper() + rest[1:])
        return names, role, told.end() + end
    if verb is None or verb.start() == 0:
        return [], Role.PERFORM, 0
    subject = text[: verb.start()].strip(" ,:")
    named, colon, rest = subject.partition(": ")
    if colon and not _GROUP_START.match(named) and not looks_like_organ(rest):
        subject = named  # "Ban quản lý …: Được … thành lập, có trách nhiệm": a heading, then text
    if len(subject) > 300:
        return [], Role.PERFORM, 0
    joined = _JOINED_SENTENCE.search(subject)
    if joined:  # a heading list of organs run into its paragraph by a lost line break
        subject = subject[: joined.start()]
    role = Role.LEAD if text[verb.start():].startswith("chủ trì") else Role.PERFORM
    return split_organ_list(subject), role, verb.start()


_JOINED_SENTENCE = re.compile(r"(?<=[a-zà-ỹđ]) (?=(?:Các|Những) )")


def coordinators(text: str) -> list[str]:
    """Organs named after ``phối hợp với`` (generic ``các cơ quan liên quan`` dropped)."""
    out = []
    for m in re.finditer(r"phối hợp (?:chặt chẽ )?với\s+(?P<who>[^;.():]+?)(?=(?<!\s)\s+(?:để|trong|"
                         r"tổ chức|thực hiện|triển khai|xây dựng|nghiên cứu|hướng dẫn|đôn đốc|"
                         r"kiểm tra|tham mưu|theo dõi)\b|\s*-\s*Thời (?:gian|hạn)\b|[;.():]|$)", text):
        who = m.group("who")
        verb = _VERB_RE.search(who)
        if verb is not None:
            who = who[: verb.start()]
        for name in split_organ_list(who.strip(" ,")):
            if looks_like_organ(name) and not _GENERIC.search(name):
                out.append(name)
    return out


_GIVEN = re.compile(r"^[-–+•]?\s*Giao(?: cho)? (?=[A-ZĐÀ-Ỹ])")
_LABELLED = re.compile(
    r"^[-–+•*]?\s*(?:Cơ quan|Đơn vị)\s+(?P<kind>thực hiện|chủ trì|phối hợp)\s*:\s*(?P<who>\S.*)$"
)
_LABEL_END = re.compile(r"\s*[-–*]?\s*Thời (?:gian|hạn)\b|\.(?:\s|$)")  # "… -Thời gian thực hiện: …"
_ANNOUNCES = re.compile(r"(?i)trách nhiệm|phân công")
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
    announced = lines[0].rstrip().endswith(":") or bool(_ANNOUNCES.search(lines[0]))
    for line in lines[1:]:
        if is_execution_heading(line.lstrip("#*-–.0123456789 ")):
            break  # the execution section's bullets are its units, read as such
        labelled = _LABELLED.match(line)
        if labelled:
            who = _LABEL_END.split(labelled.group("who"), maxsplit=1)[0].strip(" ,;")
            role = _LABEL_ROLE[labelled.group("kind")]
            names, said_role, _ = subject_of(who) if role is Role.PERFORM else ([], role, 0)
            if not names:  # the organs alone, no verb
                names, said_role = [n for n in split_organ_list(who) if looks_like_organ(n)], role
            out.append((names, said_role))
            continue
        unit = (_BULLET.match(line) or _LETTER.match(line)) if announced else None
        if _GIVEN.match(line) or unit:
            names, role, _ = subject_of(unit.group("text") if unit else line)
            if names and (role is Role.LEAD or not unit):
                out.append((names, role))
    return out


def heading_organ(text: str) -> str | None:
    """A numbered heading that is only an organ's name (``2. Thanh tra tỉnh``), its tasks below."""
    first = first_line(text).strip(" .:")
    if len(first.split()) > 12 or not looks_like_organ(first) or _VERB_RE.search(first):
        return None
    return first


_EXECUTION_ARTICLE = re.compile(
    r"(?:^|\n)\s*(?:" + CRAWLED_TITLE + r")?(?P<number>Điều\s+\d+)\s*\.\s*"
    r"(?P<who>(?:(?!\n(?:" + CRAWLED_TITLE + r")?Điều\s+\d)[\s\S]){5,1500}?)(?<!\s)\s+"
    r"(?:chịu trách nhiệm|có trách nhiệm)\s+(?:thi hành|tổ chức thực hiện|thực hiện)\s+"
    r"(?i:quyết định|chỉ thị|thông tư|nghị định|nghị quyết|kế hoạch|quy chế)\s+này"
)
# An office holder stands for the body the office heads: "Giám đốc Sở X" → "Sở X"; the heads of
# a kind of body stand for the group ("Các Bộ trưởng" → "Các bộ", "Thủ trưởng cơ quan ngang
# bộ" → "Các cơ quan ngang bộ").
_OFFICES = (
    (re.compile(r"^\d+[.)]\s*"), ""),  # a clause's number: "2. Tổng Tham mưu trưởng, …"
    (re.compile(r"^Chánh Văn phòng\s+"), "Văn phòng "),
    (re.compile(r"^[Cc]ác Bộ trưởng$"), "Các bộ"),
    (re.compile(r"^Tổng Tham mưu trưởng$"), "Bộ Tổng Tham mưu"),
    (re.compile(r"^Thủ trưởng\s+(?:các\s+)?(?=cơ quan|đơn vị)"), "Các "),
    (re.compile(r"^(?:Giám đốc|Chủ tịch|Thủ trưởng|Trưởng [Bb]an(?= Ban)|Trưởng|Bộ trưởng|Tổng cục trưởng|"
                r"Cục trưởng|Vụ trưởng|Chánh Thanh tra|Chánh án|Viện trưởng|Tổng Giám đốc|Chủ nhiệm)"
                r"\s+(?=\S)"), ""),
)


_OFFICE_LIST = re.compile(
    r",\s*(?=(?:Chánh|Giám đốc|Chủ tịch|Thủ trưởng|Trưởng|Bộ trưởng|Tổng cục trưởng|Cục trưởng|Vụ trưởng|"
    r"Viện trưởng|Tổng Giám đốc|Chủ nhiệm|Tổng Tham mưu trưởng|Các|các)\b)"
    r"|\s+và\s+(?=(?:Chánh|Giám đốc|Chủ tịch|Thủ trưởng|Các|các|tổ chức|cá nhân|đơn vị|cơ quan)\b)"
)


def execution_article(text: str) -> tuple[str, list[str]] | None:
    """``Điều 3. Chánh Văn phòng …, Giám đốc Sở … chịu trách nhiệm thi hành Quyết định này``:
    the article's number and the organs its office holders lead.

    >>> execution_article("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính và "
    ...                   "Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này./.")
    ('Điều 3', ['Văn phòng Ủy ban nhân dân tỉnh', 'Sở Tài chính', 'Ủy ban nhân dân các huyện'])
    """
    m = _EXECUTION_ARTICLE.search(text) if "Điều" in text else None  # every match has "Điều"
    if not m:
        return None
    organs = []
    parts = [p for chunk in re.split(r";\s*|\n", m.group("who")) for p in _OFFICE_LIST.split(chunk)]
    for part in parts:
        name = part.strip(" ,.")
        for office, replacement in _OFFICES:
            name = office.sub(replacement, name, count=1)
        if name and looks_like_organ(name):
            organs.append(name[:1].upper() + name[1:])
    return m.group("number"), organs


def find_reports(text: str) -> list[ReportPhrase]:
    """``báo cáo … Y (qua Z)`` phrases in a unit, one per body reported to (``báo cáo Bộ
    Chính trị, Ban Bí thư`` reports to both)."""
    out: list[ReportPhrase] = []
    if "báo cáo" not in text:  # every phrase opens with it
        return out
    for m in _REPORT.finditer(text):
        names, last = [m.group("to").strip()], m
        while last.group("via") is None and (joint := _NEXT_RECIPIENT.match(text, last.end("to"))):
            more = _RECIPIENT.match(text, joint.end())
            if more is None:
                break
            names.append(more.group("to").strip())
            last = more
        via = last.group("via")  # "(qua …)" after the last one is the way for them all
        if via:
            via = re.split(r",|\s+và\s+", via)[0].strip()
        out += [ReportPhrase(to, via, m.start(), last.end()) for to in names
                if len(to.split()) >= 2 and looks_like_organ(to)]
    return out


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
    verb = _VERB_RE.search(who)  # "các bộ, ngành, địa phương khẩn trương thực hiện …"
    who = who[: verb.start()].strip(" ,") if verb and verb.start() > 0 else who
    names = split_organ_list(who[:1].upper() + who[1:])
    return [n for n in names if looks_like_organ(n)]
