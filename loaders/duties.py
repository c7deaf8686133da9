"""Who is told to do what, and who reports to whom: the rules of :mod:`.tasks` wired to a
document's organs.

Numbered tasks get the organs their text names (``2. Giao Sở X chủ trì …``, ``1. Về …: Giao
Bộ X chủ trì …``, a heading ``2. Bộ Công Thương:`` with its duties below), the execution
section's units (``Tổ chức thực hiện``), the preamble's addressees (``… yêu cầu X … nhiệm vụ
sau:``), the item above them when it announces them (``3. Bộ X … thực hiện các nhiệm vụ sau:`` /
``3.1. …``), the rows of a table of tasks (``Cơ quan chủ trì``) and the execution article
(``Điều 3. Chánh Văn phòng …, Giám đốc Sở … chịu trách nhiệm thi hành …``). A paragraph that
asks bodies to act (``Đề nghị X chủ trì, …``) is a task of its own. A reporting phrase
(``báo cáo … (qua …)``) reports for the organs of its unit, its paragraph, its sentence or its
item, or for the one it names (``gửi về Y để tổng hợp, báo cáo X``: Y reports to X).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable

from vanban.graph.model import Assignment, Evidence, OrganRef, ReportLine, TaskFacts
from vanban.graph.vocabulary import Role
from vanban.loaders import patterns
from vanban.loaders import tasks as task_rules
from vanban.loaders.document_text import DocumentText
from vanban.loaders.organ_names import COMMITTEE_NAME
from vanban.loaders.recipients import kinh_gui_items
from vanban.loaders.reports import REPORT_WORDS, ReportPhrase, find_reports
from vanban.loaders.segment import Line
from vanban.loaders.task_tables import TableTask, table_tasks
from vanban.loaders.text import CAPITALS, first_line

__all__ = ["read_duties"]

OrganResolver = Callable[[str], OrganRef | None]


def read_duties(doc: DocumentText, items: list[task_rules.TaskItem],
                resolve: OrganResolver) -> tuple[tuple[TaskFacts, ...], tuple[ReportLine, ...]]:
    """The tasks of a document (``items``: its numbered tasks) with who is assigned to each,
    and the reporting lines it orders."""
    resolve = _with_addressee(doc, _with_locality(doc, resolve))
    flow_lines, segment, text, evidence = doc.lines, doc.segment, doc.text, doc.evidence
    body_start = segment.header_end
    units = task_rules.assignment_units(flow_lines, body_start, segment.end, items)
    assignments: dict[str, list[Assignment]] = {}
    new_tasks: list[TaskFacts] = []
    reports: list[ReportLine] = []
    unsaid: list[tuple[int, list[ReportPhrase]]] = []  # reporting lines naming no organ

    def rel(line: Line) -> tuple[int, int]:
        return line.start - doc.start, line.end - doc.start

    for unit in units:
        line = flow_lines[unit.line]
        start, end = rel(line)
        names, role, _ = task_rules.subject_of(unit.text)
        organs = [o for o in (resolve(n) for n in names) if o is not None]
        if not organs and (above := _line_above(flow_lines, unit.line, body_start)):
            organs = [o for o in map(resolve, task_rules.sentence_subject(above, len(above))) if o]
        helpers = [o for o in (resolve(n) for n in task_rules.coordinators(unit.text)) if o]
        if unit.is_new_task and not organs:
            if phrases := find_reports(unit.text):  # "Trong quá trình …, kịp thời báo cáo X": the item's
                unsaid.append((unit.line, phrases))
            continue
        if organs or helpers:
            ev = evidence(start, end, "execution-unit")
            found = [Assignment(o, role, ev) for o in organs] + [
                Assignment(o, Role.COORDINATE, ev) for o in helpers]
            if unit.is_new_task:
                new_tasks.append(TaskFacts(unit.path, unit.path, unit.text[:4000], ev, tuple(found)))
            else:
                assignments.setdefault(unit.path, []).extend(found)
        if phrases := find_reports(unit.text):
            reports += _report_lines(phrases, organs, evidence(start, end, "reports-to"), resolve)
    # Paragraphs outside the units can also carry "X … báo cáo Y" (a plan's closing paragraph)
    # and "Đề nghị X …" (a letter's request).
    unit_lines = {u.line for u in units}
    preamble_end = items[0].line if items else segment.end
    preamble = "\n".join(ln.text for ln in flow_lines[body_start:preamble_end])
    told = [o for o in (resolve(n) for n in task_rules.preamble_assignees(preamble)) if o]
    for i in doc.lines_holding(REPORT_WORDS, body_start, segment.end):  # (no other line reports)
        if i in unit_lines:
            continue
        line = flow_lines[i]
        phrases = find_reports(line.text)
        if not phrases:
            continue
        names, _, _ = task_rules.subject_of(re.sub(r"^[-–+•\d.)\s]+", "", line.text))
        organs = [o for o in (resolve(n) for n in names) if o is not None]
        start, end = rel(line)
        if not organs:  # "… 1.Các sở, ngành …; định kỳ báo cáo …": the subject of its sentence
            # (or of the paragraph above, which this line goes on with: "Đồng thời, … báo cáo …")
            above = _line_above(flow_lines, i, body_start)
            above += " " if above else ""
            said = {p: [o for o in map(resolve, task_rules.sentence_subject(above + line.text,
                                                                            len(above) + p.start)) if o]
                    for p in phrases}
            # "X đề nghị Y báo cáo …, gửi về Z để tổng hợp, báo cáo W": Y reports, Z forwards
            asked = [o for names, _ in task_rules.requests(line.text) for o in map(resolve, names) if o]
            unread = []
            for phrase in phrases:
                reporters = said[phrase] or (asked if _asked_before(line.text, phrase.start) else [])
                if phrase.by is not None or reporters:
                    reports += _report_lines([phrase], reporters, evidence(start, end, "reports-to"), resolve)
                else:
                    unread.append(phrase)
            phrases = unread
        if phrases and not organs:
            unsaid.append((i, phrases))
        elif phrases:
            reports += _report_lines(phrases, organs, evidence(start, end, "reports-to"), resolve)
    execution_paths = {u.path for u in units}
    rows = _table_rows(doc, items)
    tasks: list[TaskFacts] = []
    by_number: dict[str, TaskFacts] = {}
    for index, item in enumerate(items):
        line = flow_lines[item.line]
        start, end = rel(line)
        ev = evidence(start, end, "numbered-task")
        found = list(assignments.get(item.path, []))
        named = []
        if item.path not in execution_paths or not found:
            # An execution unit whose first line is only an organ ("1. Đảng ủy Ủy ban nhân dân
            # tỉnh", its duties as bullets below) is read like any numbered item naming its organ.
            named = _item_assignments(item.text, ev, resolve)
            found += named
        row = rows.pop(index, None)
        if row is not None:
            found += _row_assignments(row, ev, resolve)
        is_heading_item = task_rules.is_execution_heading(first_line(item.text))
        # The preamble's "đề nghị X … nhiệm vụ sau:" tells X to do the items naming no organ.
        if (told and not named and item.path not in execution_paths and not is_heading_item
                and "." not in item.number):
            found += [Assignment(o, Role.PERFORM, ev) for o in told]
        # "Điều 2. Trách nhiệm của Sở Xây dựng" gives the Sở its items that name no body
        holder = task_rules.duty_holder(item.article_title) if not found else None
        if holder is not None and (organ := resolve(holder)) is not None:
            found = [Assignment(organ, Role.PERFORM, ev)]
        # "3. Bộ X … thực hiện một số nhiệm vụ sau:" tells X to do "3.1.", "3.2." …
        parent = by_number.get(item.number.rpartition(".")[0]) if "." in item.number else None
        if not found and parent is not None and first_line(parent.text).rstrip().endswith(":"):
            found = [Assignment(a.organ, Role.PERFORM, ev) for a in parent.assignments
                     if a.role is not Role.COORDINATE]
        task = TaskFacts(item.number, item.path, item.text, ev, tuple(found))
        tasks.append(task)
        by_number[item.number] = task
    # A paragraph asking bodies to act ("Đề nghị X chủ trì …") is a task, unless it is the
    # preamble announcing the numbered tasks or it is read as part of an item that names its organs
    # (but a paragraph of an item opening with the request asks on its own: "Yêu cầu X …" closing
    # the last item).
    firsts = {item.line for item in items}
    assigned_lines = _lines_of_items([item for item, task in zip(items, tasks, strict=True)
                                      if task.assignments])
    for i in doc.lines_holding(task_rules.REQUEST_WORDS, body_start, segment.end):  # (no other line asks)
        line = flow_lines[i]
        in_assigned_item = i in assigned_lines and not task_rules.opens_request(line.text)
        if i in unit_lines or i in firsts or in_assigned_item or (told and line.text.rstrip().endswith(":")):
            continue
        requested = _requested(line.text, resolve)
        if requested:
            ev = evidence(*rel(line), "requested-task")
            path = f"R{i - segment.start}"  # (counted in the document: the same wherever the file puts it)
            new_tasks.append(TaskFacts(path, path, line.text[:4000], ev,
                                       tuple(Assignment(o, role, ev) for o, role in requested)))
    for k, row in enumerate(rows.values(), 1):  # rows no numbered item reads: tasks of their own
        ev = doc.clean_evidence(row.line, "task-table")
        found = _row_assignments(row, ev, resolve)
        if found:
            new_tasks.append(TaskFacts(row.number, f"T{k}:{row.number}", row.text, ev, tuple(found)))
    reports += _item_reports(items, tasks, unsaid, flow_lines, rel, evidence, resolve)
    article = task_rules.execution_article(text)
    if article is not None:
        number, names = article
        at = text.find(number)
        line_end = text.find("\n", at) if text.find("\n", at) > 0 else len(text)
        ev = evidence(at, line_end, "execution-article")
        performers = tuple(Assignment(o, Role.PERFORM, ev) for o in (resolve(n) for n in names) if o)
        if performers:
            new_tasks.append(TaskFacts(number, number, text[at:line_end][:4000], ev, performers))
    return tuple(tasks + new_tasks), tuple(reports)


def _asked_before(text: str, at: int) -> bool:
    """Is a body asked to act (:func:`.tasks.request_starts`) in the clause that reports at ``at``
    (no ";" between them: "…, yêu cầu các khu này hoàn thành …; báo cáo X" is another's report)?"""
    asked = [start for start in task_rules.request_starts(text) if start < at]
    return bool(asked) and ";" not in text[asked[-1]:at]


def _line_above(flow_lines: list[Line], i: int, body_start: int) -> str:
    """The body line above line ``i`` when line ``i`` goes on with its sentence ("… hiệu quả." /
    "Đồng thời, … báo cáo …"), whose subject it shares; else ""."""
    return flow_lines[i - 1].text if i > body_start and _GOES_ON.match(flow_lines[i].text) else ""


# A sentence going on with the one above it, whose subject it shares.
_GOES_ON = re.compile(r"^(?:Đồng thời|Ngoài ra|Bên cạnh đó)\b")


def _lines_of_items(items: list[task_rules.TaskItem]) -> set[int]:
    """The flow lines inside numbered items (the item's line and the lines of its text)."""
    return {i for item in items for i in range(item.line, item.line + item.text.count("\n") + 1)}


def _requested(text: str, resolve: OrganResolver) -> list[tuple[OrganRef, Role]]:
    """The bodies a paragraph asks to act (``Đề nghị X chủ trì …``), and those they work with,
    with their roles."""
    asked = [(o, role) for names, role in task_rules.requests(text)
             for o in (resolve(n) for n in names) if o is not None]
    if not asked:
        return []
    return asked + [(o, Role.COORDINATE) for o in (resolve(n) for n in task_rules.coordinators(text)) if o]


def _table_rows(doc: DocumentText, items: list[task_rules.TaskItem]) -> dict[int, TableTask]:
    """The rows of the document's tables of tasks, keyed by the numbered item each one is (the
    item read from the row's number cell), or by a negative key for a row no item reads."""
    rows = table_tasks(doc.clean_texts)
    if not rows:
        return {}
    starts = {doc.flow.span(doc.lines[item.line].start, doc.lines[item.line].end)[0]: index
              for index, item in enumerate(items)}
    out: dict[int, TableTask] = {}
    for k, row in enumerate(rows, 1):
        line = doc.clean_lines[row.line]
        index = starts.get(doc.clean.span(line.start, line.end)[0])
        out[index if index is not None else -k] = row
    return out


def _row_assignments(row: TableTask, ev: Evidence, resolve: OrganResolver) -> list[Assignment]:
    return [Assignment(o, role, ev) for name, role in row.organs if (o := resolve(name)) is not None]


_LOCALITY = re.compile(rf"\b(?P<level>{patterns.alternation(patterns.PROVINCE_NAMES)})\s+"
                       r"(?P<place>[A-ZĐÀ-Ỹ][^\s,;.()]*(?:\s+(?:-\s+)?[A-ZĐÀ-Ỹ][^\s,;.()]*)*)")


def _with_locality(doc: DocumentText, resolve: OrganResolver) -> OrganResolver:
    """``resolve``, with a level written alone (``Tỉnh tổng hợp nhu cầu …``) read as the
    people's committee of the one province the document deals with: the place named most,
    when it is named more than all others together."""
    def resolve_locality(name: str) -> OrganRef | None:
        if name[:1].isupper() and name.lower() in patterns.PROVINCE_NAMES:  # (rare: counted when met)
            named = Counter((m.group("level"), m.group("place")) for m in _LOCALITY.finditer(doc.text)
                            if m.group("level") == name.lower())
            if named:
                (level, place), count = named.most_common(1)[0]
                if count * 2 > sum(named.values()):
                    return resolve(f"{patterns.PEOPLES_COMMITTEE} {level} {place}")
        return resolve(name)

    return resolve_locality


def _with_addressee(doc: DocumentText, resolve: OrganResolver) -> OrganResolver:
    """``resolve``, with a kind of body named alone (``đề nghị Công ty nghiên cứu …``) read as
    the one addressee of that kind the document is sent to (``Kính gửi: Công ty TNHH X``)."""
    addressees: list[str] = []  # read when first needed

    def resolve_addressee(name: str) -> OrganRef | None:
        found = resolve(name)
        if found is None and 0 < len(name.split()) <= 3:
            if not addressees:
                lines = doc.clean_texts
                addressees[:] = [item.text for item in kinh_gui_items(lines)] or [""]
            fitting = [a for a in addressees if a.startswith(f"{name} ")]
            if len(fitting) == 1:
                return resolve(fitting[0])
        return found

    return resolve_addressee


def _report_lines(phrases: list[ReportPhrase], organs: list[OrganRef], ev: Evidence,
                  resolve: OrganResolver) -> list[ReportLine]:
    """Each of ``organs`` reports to the body each phrase names (through its ``qua``), or the
    body the phrase names as the one who reports; never to itself; a phrase naming no known
    body gives nothing."""
    out: list[ReportLine] = []
    for phrase in phrases:
        to = resolve(phrase.to)
        if to is None:
            continue
        via = resolve(_unit_of(phrase.via, to)) if phrase.via else None
        reporters = organs
        if phrase.by is not None:
            by = resolve(phrase.by)
            reporters = [by] if by is not None else []
        out += [ReportLine(o, to, via, ev) for o in reporters if o.key != to.key]
    return out


def _unit_of(via: str, to: OrganRef) -> str:
    """The way a report goes, named in full when the text names a committee's unit alone: the
    unit of the committee reported to ("báo cáo Ban Thường vụ Huyện ủy X (qua Ban Tuyên giáo)"
    goes through the Ban Tuyên giáo Huyện ủy X, whatever other committee's unit the text names)."""
    if not _BARE_COMMITTEE_UNIT.fullmatch(via) or _NAMES_COMMITTEE.search(via):
        return via  # (not "Ban Dân vận đảng ủy": its committee is named)
    committee = next((o for o in (to, to.parent) if o is not None and COMMITTEE_NAME.match(o.name)), None)
    return f"{via} {committee.name}" if committee is not None else via


_NAMES_COMMITTEE = re.compile(rf"(?<=\s)(?i:{patterns.COMMITTEE_ANY_CASE})\b")
# A committee's unit named alone: "Văn phòng", "Ban Tuyên giáo", "Ban Tuyên giáo và Dân vận".
_BARE_COMMITTEE_UNIT = re.compile(rf"{patterns.COMMITTEE_UNIT}|Ban [{CAPITALS}]\S*(?: [a-zđà-ỹ]\S*)*"
                                  rf"(?: và [{CAPITALS}]\S*(?: [a-zđà-ỹ]\S*)*)?")


def _item_reports(items: list[task_rules.TaskItem], tasks: list[TaskFacts],
                  lines: list[tuple[int, list[ReportPhrase]]], flow_lines: list[Line],
                  rel: Callable[[Line], tuple[int, int]], evidence: Callable[..., Evidence],
                  resolve: OrganResolver) -> list[ReportLine]:
    """A duty under an item naming its organ (``2. Bộ Công Thương:`` / ``- Rà soát …, báo cáo
    Thủ tướng Chính phủ …``) reports for that organ: the item's lead or performers. ``lines``
    are the reporting lines that name no organ, with their phrases."""
    out: list[ReportLine] = []
    starts = [item.line for item in items]
    for i, phrases in lines:
        at = bisect.bisect_right(starts, i) - 1
        if at < 0 or i > items[at].line + items[at].text.count("\n") + 1:
            continue  # not inside a numbered item
        organs = list(dict.fromkeys(a.organ for a in tasks[at].assignments if a.role is not Role.COORDINATE))
        start, end = rel(flow_lines[i])
        out += _report_lines(phrases, organs, evidence(start, end, "reports-to"), resolve)
    return out


# A duty below a heading naming its organ that makes the organ the lead: "- Chủ trì, phối hợp với …".
_LEADS_BELOW = re.compile(r"(?m)^(?:[-–+•]|[a-zđ]\))?[^\S\n]*Chủ trì")


def _item_assignments(text: str, ev: Evidence, resolve: OrganResolver) -> list[Assignment]:
    """A numbered task that names its organ: ``2. Giao Sở X chủ trì …``, a heading ``3. Sở X``
    with its duties as bullets below (``- Chủ trì, phối hợp với …``), or organs named below its
    first line (``Giao Ban X chủ trì …``, ``- Cơ quan thực hiện: Sở X chủ trì, …``)."""
    names, role, _ = task_rules.subject_of(first_line(text))
    if not names:
        heading = task_rules.heading_organ(text)  # "2. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ"
        names = task_rules.split_organ_list(heading) if heading is not None else []
        role = Role.LEAD if "Chủ trì" in text and _LEADS_BELOW.search(text) else Role.PERFORM
    found = [Assignment(o, role, ev) for o in (resolve(n) for n in names) if o is not None]
    for inner, inner_role in task_rules.inner_assignees(text):
        found += [Assignment(o, inner_role, ev) for o in (resolve(n) for n in inner) if o is not None]
    if not found:
        return []
    found += [Assignment(o, Role.COORDINATE, ev)
              for o in (resolve(n) for n in task_rules.coordinators(text)) if o is not None]
    return found
