"""Reporting lines: ``báo cáo … (qua …)`` phrases and the bodies they report to.

``báo cáo (kết quả thực hiện) (với|về|lên) Y (qua Z)``, ``báo cáo, đề xuất Y``, ``gửi báo cáo
… cho Y``, a duty opening ``Báo cáo Y …``, and the chain ``gửi về Y để tổng hợp, báo cáo X``
(to Y, then Y to X). The one reported to ends before what is reported or decided and before
the next verb. Pure text functions: names are returned as written; :mod:`.duties` resolves
them.

>>> [(p.to, p.via) for p in find_reports("định kỳ báo cáo Ban Bí thư (qua Ban Dân vận Trung ương).")]
[('Ban Bí thư', 'Ban Dân vận Trung ương')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.loaders import patterns
from vanban.loaders.bodies import split_bodies
from vanban.loaders.organ_names import ORGAN_HEAD, and_ending_a_name, looks_like_organ, organ_name_end
from vanban.loaders.tasks import VERB_RE

__all__ = ["REPORT_WORDS", "ReportPhrase", "find_reports"]


# The way written in brackets: "(qua Z)", "(thông qua Z)".
_WAY_IN_BRACKETS = r"\(\s*(?:thông\s+)?qua\s+(?P<via>[^)]*[^)\s])\s*\)"
# The one reported to, up to what follows its name, and the "(qua …)" it reports through.
_RECIPIENT_PATTERN = (
    r"(?P<to>[A-ZĐÀ-Ỹ][^,;.()\n]*?)"
    r"(?=(?<!\s)\s*\(\s*(?:thông\s+)?qua|(?<!\s)\s+(?:trước|theo|để|định kỳ|vào|trong|khi|thông qua|qua|"
    r"tổng hợp|gửi|(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần|ngày)|"  # a period, not "Ngân hàng"
    + and_ending_a_name() + r"|"
    r"xem xét|những|về|kết quả|tình hình|quyết định|trình|cho ý kiến|phê duyệt|giải quyết|biết|ngay|"
    r"kịp thời|việc|tại|sau|chậm nhất|bằng)\b|[,;.()\n]|$)"
    # the one it reports through: "(qua Z)", "(thông qua Z)", "qua Z"
    r"(?:\s*" + _WAY_IN_BRACKETS +
    r"|(?<!\s)\s+(?:thông\s+)?qua\s+(?P<via_bare>[A-ZĐÀ-Ỹ][^,;.()\n]*?)"
    r"(?=(?<!\s)\s+(?:để|trước|theo|định kỳ|vào|trong|khi|kết quả)\b|[,;.()\n]|$))?"
)


# A body named relative to the one reporting, before the one named ("báo cáo cấp ủy cùng cấp và Ủy
# ban Kiểm tra Trung ương"): it names no body of its own, the one after it is reported to.
_RELATIVE_FIRST = (r"(?:(?:[a-zđà-ỹ]+\s+){1,4}?(?:cùng cấp|cấp trên|có thẩm quyền)(?:\s*+,|\s++và)\s+"
                   r"(?=[A-ZĐÀ-Ỹ]))?")


# "báo cáo (kết quả …) (với|về) Y", also "báo cáo, đề xuất Y", "báo cáo, giải trình với Y", and a
# duty that opens with it ("- Báo cáo Bộ Tài chính …"). (The "B" before the test of what stands
# before it: a pattern whose every branch opens with a letter is scanned for that letter, not
# tried at every character.)
_REPORT = re.compile(
    r"(?:báo cáo|B(?<![^\n]B)áo cáo|B(?<=[-–•:;)] B)áo cáo)"
    r"(?:\s*,\s*(?:đề xuất|kiến nghị|giải trình|xin ý kiến)(?:\s+với)?)?"
    r"(?:\s+bằng\s+văn\s+bản)?"
    r"(?:\s+(?:kết quả|tình hình|tiến độ)(?:\s+(?:thực hiện|triển khai))?)?"
    r"(?:\s+(?:định kỳ|hằng năm|hàng năm|hằng quý|hàng quý|đột xuất))?"
    r"(?:\s*(?:với|về|lên|cho|gửi))?\s+" + _RELATIVE_FIRST + _RECIPIENT_PATTERN
)


# A report sent to Y: "báo cáo tình hình … gửi Bộ X", "gửi báo cáo … về Sở Y".
_SENT_REPORT = re.compile(
    r"(?:(?:báo cáo|Báo cáo)\b(?:(?!báo cáo|gửi)[^,;.()\n]){0,120}?(?<!\s)\s+gửi(?:\s+(?:về|đến|cho|tới))?"
    r"|gửi\s+(?:văn bản\s+)?báo cáo\b(?:(?!báo cáo)[^,;.()\n]){0,120}?(?<!\s)\s+(?:về|cho|đến|tới))\s+"
    + _RECIPIENT_PATTERN
)


# Sent to Y for Y to report on to X: "gửi về Y để tổng hợp, báo cáo X", "phản ánh kịp thời về Y …",
# "báo cáo Y để kịp thời tổng hợp báo cáo X", "trình Y để báo cáo X".
_HOP = re.compile(r"(?:(?:gửi|phản ánh|báo cáo)\b(?:(?!để\b)[^,;.()\n]){0,80}?\s(?:về|cho|đến|tới)\s+"
                  r"|(?:báo cáo|trình)[ \t]+)(?=[A-ZĐÀ-Ỹ])")


# (after the way, an address and a deadline, if they are written: "… (qua Phòng X), địa chỉ email: …
# trước ngày 15/12/2025 để …")
_FORWARDED = re.compile(r"(?:[ \t]*,[ \t]*(?:địa chỉ|email|thư điện tử|hộp thư)[^;()\n]{1,100}?"
                        r"(?=[ \t]+trước))?"
                        r"(?:[ \t]+(?:trước|chậm nhất|trong)[ \t]+[^,;.()\n]{1,40}?)?"
                        r"\s+để\s+(?:kịp thời\s+)?(?:(?:tổng hợp|theo dõi)(?:\s*,\s*|\s+))?"
                        r"(?:(?:tham mưu|đề xuất)(?:\s*,\s*|\s+))*(?=báo cáo\b)")


_RECIPIENT = re.compile(_RECIPIENT_PATTERN)


# Another one reported to, after a comma or "và": "báo cáo Bộ Chính trị, Ban Bí thư".
_NEXT_RECIPIENT = re.compile(r"(?:\s*+,|\s++và)\s+(?=" + ORGAN_HEAD.pattern + r")")


@dataclass(frozen=True)
class ReportPhrase:
    to: str
    via: str | None
    start: int
    end: int
    by: str | None = None  # the one who reports, when the phrase names it ("gửi Y để … báo cáo X")


# Every text find_reports finds a phrase in holds one of these.
REPORT_WORDS = ("báo cáo", "Báo cáo")


def find_reports(text: str) -> list[ReportPhrase]:
    """``báo cáo … Y (qua Z)`` phrases in a unit, one per body reported to (``báo cáo Bộ
    Chính trị, Ban Bí thư`` reports to both); a report sent (``báo cáo … gửi Y``); and a chain
    (``gửi về Y để tổng hợp, báo cáo X``: to Y, then Y to X).

    >>> [(p.to, p.by) for p in find_reports("phản ánh về Sở Tài chính để tổng hợp, báo cáo Ủy ban "
    ...                                     "nhân dân tỉnh xem xét")]
    [('Sở Tài chính', None), ('Ủy ban nhân dân tỉnh', 'Sở Tài chính')]
    """
    out: list[ReportPhrase] = []
    if not any(word in text for word in REPORT_WORDS):  # every phrase holds one
        return out
    forwarded: set[int] = set()  # where a "báo cáo X" that Y makes opens
    for hop in _HOP.finditer(text):
        first = _RECIPIENT.match(text, hop.end())
        then = _FORWARDED.match(text, first.end()) if first is not None else None
        if first is None or then is None:
            continue
        second = _REPORT.match(text, then.end())
        by = _target(first.group("to"))
        if second is None or not _names_body(by):
            continue
        forwarded.add(then.end())
        if not text.startswith("báo cáo", hop.start()):  # "báo cáo … về Y" is read below
            out.append(ReportPhrase(by, _way(first), hop.start(), first.end()))
        out += [ReportPhrase(to, via, second.start(), end, by) for to, via, end in _recipients(text, second)]
    told: set[int] = set()  # where a "báo cáo Y" names the one reported to
    for pattern in (_REPORT, _SENT_REPORT):
        for m in pattern.finditer(text):
            if m.start() in forwarded or (pattern is _SENT_REPORT and m.start() in told):
                continue  # ("báo cáo Y có văn bản gửi Z": Y sends to Z, not the one who reports)
            found = [ReportPhrase(to, via, m.start(), end) for to, via, end in _recipients(text, m)]
            if found and pattern is _REPORT:
                told.add(m.start())
            out += found
    # The first phrase for each (to, via, by): "gửi báo cáo … cho Y" holds "báo cáo … cho Y".
    kept: dict[tuple[str, str | None, str | None], ReportPhrase] = {}
    for phrase in sorted(out, key=lambda p: p.start):
        kept.setdefault((phrase.to, phrase.via, phrase.by), phrase)
    return list(kept.values())


# A steering committee's name goes on with what it steers ("Ban Chỉ đạo quốc gia về phòng thủ dân
# sự"), up to what is reported, a deadline or the end of the clause.
_STEERING = re.compile(rf"(?:{patterns.CHARGED_BODY})\b[^,;.()\n]{{0,30}}$")
_STEERS = re.compile(r"[ \t]+về[ \t]+(?!(?:kết quả|tình hình|tiến độ|việc)\b)"
                     r"(?:[^,;.()\n]|,[ \t]*(?=chống\b)){3,100}?"
                     r"(?=[ \t]+(?:kết quả|tình hình|tiến độ|trước|theo|để|định kỳ|vào|trong|khi|qua|"
                     r"thông qua|xem xét|việc)\b|[ \t]*(?:,(?![ \t]*chống\b)|[;.()\n])|[ \t]*$)")


def _recipients(text: str, m: re.Match[str]) -> list[tuple[str, str | None, int]]:
    """(to, via, end) for each body a reporting phrase names from ``m`` on."""
    if (m.group("via") is None and m.group("via_bare") is None and _STEERING.match(m.group("to"))
            and (steers := _STEERS.match(text, m.end("to")))):
        return [(_target(text[m.start("to") : steers.end()]), None, steers.end())]
    names, last = [m.group("to")], m
    while last.group("via") is None and last.group("via_bare") is None and (
            joint := _NEXT_RECIPIENT.match(text, last.end("to"))):
        more = _RECIPIENT.match(text, joint.end())
        if more is None:
            break
        names.append(more.group("to"))
        last = more
    via = _way(last)  # the way after the last one is for them all
    if via is None and (later := _LATER_WAY.match(text, last.end())):  # "báo cáo X kết quả … (qua Y)"
        via = _first_body(later.group("via"))
    return [(to, via, last.end()) for to in map(_target, names) if _names_body(to)]


# The way written at the end of the clause, after what is reported: "… kết quả thực hiện (qua Y)".
_LATER_WAY = re.compile(r"(?:(?!báo cáo|gửi)[^;.()\n]){0,120}?" + _WAY_IN_BRACKETS)


def _way(m: re.Match[str]) -> str | None:
    """The body a recipient match reports through ("(qua Z)", "qua Z"): the first of several,
    its name whole ("Ban Tuyên giáo và Dân vận Trung ương")."""
    via = m.group("via") or m.group("via_bare")
    return _first_body(via) if via else None


def _first_body(way: str) -> str:
    """The first body a way names, its name whole."""
    return _target(next(iter(split_bodies(way)), way))


def _target(name: str) -> str:
    """A body's name as a reporting phrase writes it, without the verb or object after it
    ("Thủ tướng Chính phủ sửa đổi …", "Ủy ban nhân dân thành phố Huế chỉ đạo …")."""
    name = name.strip()
    verb = VERB_RE.search(name, 1)
    if verb is not None:
        name = name[: verb.start()]
    return name[: organ_name_end(name)].strip(" ,-–")


def _names_body(name: str) -> bool:
    return len(name.split()) >= 2 and looks_like_organ(name)
