"""Render one planned document as the text of a file, and the gold facts it plants.

Layouts follow the samples: the header column (organ, ``*``, ``Số …``), the motto and the
place-and-date line, a type line with its subject (or a Công văn's ``Về việc …`` under the
number), a preamble that names the implemented directive, numbered tasks, the
``Tổ chức thực hiện`` bullets with assignments and reporting lines, ``Nơi nhận`` and the
signature block. Noise then roughens it the way conversions do (see :mod:`bench.noise`).

>>> from bench.corpus_model import plan_corpus
>>> text, gold = render(plan_corpus(3, seed=7).files[0])
>>> gold["documents"][0]["symbol"], gold["references"][0]["relation"]
('54-KL/TW', 'IMPLEMENTS')
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench import noise
from bench.corpus_model import CENTRAL, COMMUNE, DISTRICT, PROVINCE, Document, Issuer, term_of

__all__ = ["render"]

_ASSESS = (
    "Thời gian qua, các cấp ủy, tổ chức đảng đã quan tâm lãnh đạo, chỉ đạo, cụ thể hóa và tổ chức "
    "thực hiện nghiêm túc, đạt được nhiều kết quả quan trọng; nhận thức, trách nhiệm của cán bộ, "
    "đảng viên và Nhân dân được nâng lên rõ rệt.",
    "Tuy nhiên, việc quán triệt, tuyên truyền ở một số nơi chưa thường xuyên, còn hình thức; công "
    "tác kiểm tra, giám sát, sơ kết, tổng kết có lúc chưa kịp thời; vai trò của người đứng đầu ở "
    "một số cấp ủy chưa được phát huy đầy đủ.",
    "Nguyên nhân của những hạn chế nêu trên chủ yếu là do nhận thức của một số cấp ủy, tổ chức "
    "đảng, người đứng đầu về tầm quan trọng của nhiệm vụ chưa sâu sắc, toàn diện; sự phối hợp giữa "
    "các cơ quan, đơn vị có lúc chưa chặt chẽ, đồng bộ.",
    "Việc lắng nghe, tiếp thu, giải quyết ý kiến phản ánh của Nhân dân có nhiều chuyển biến; mối "
    "quan hệ mật thiết giữa cán bộ, đảng viên với Nhân dân nơi cư trú tiếp tục được củng cố.",
)
_TASKS = (
    "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, tổ chức đảng, đặc biệt là vai trò của người đứng "
    "đầu trong việc cụ thể hóa và tổ chức thực hiện; xác định đây là nhiệm vụ quan trọng, thường "
    "xuyên của cả hệ thống chính trị.",
    "Đẩy mạnh công tác thông tin, tuyên truyền, tạo sự thống nhất cao về nhận thức và hành động "
    "trong cán bộ, đảng viên và các tầng lớp Nhân dân; kịp thời biểu dương, nhân rộng các mô hình "
    "hay, cách làm hiệu quả.",
    "Rà soát, bổ sung, hoàn thiện các quy chế, quy định có liên quan, bảo đảm đồng bộ, thống nhất, "
    "sát với thực tiễn của địa phương, cơ quan, đơn vị; phân công rõ người, rõ việc, rõ trách "
    "nhiệm, rõ thời gian hoàn thành.",
    "Phát huy vai trò nòng cốt của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong công "
    "tác vận động Nhân dân; nâng cao chất lượng, hiệu quả hoạt động giám sát và phản biện xã hội.",
    "Tăng cường công tác kiểm tra, giám sát việc thực hiện; kịp thời phát hiện, chấn chỉnh những "
    "hạn chế, thiếu sót, xử lý nghiêm tổ chức, cá nhân vi phạm; định kỳ sơ kết, tổng kết, rút kinh "
    "nghiệm.",
    "Bố trí nguồn lực hợp lý, ưu tiên cho cơ sở, vùng khó khăn; đẩy mạnh ứng dụng công nghệ thông "
    "tin, chuyển đổi số trong lãnh đạo, chỉ đạo, điều hành và theo dõi kết quả thực hiện.",
    "Nâng cao chất lượng sinh hoạt chi bộ, đề cao tinh thần tự phê bình và phê bình, trách nhiệm "
    "nêu gương của cán bộ, đảng viên, trước hết là cán bộ lãnh đạo, quản lý các cấp.",
)
_PURPOSE = (
    "Quán triệt sâu sắc, tạo sự thống nhất cao trong nhận thức và hành động của cấp ủy, tổ chức "
    "đảng, cán bộ, đảng viên về mục tiêu, quan điểm, nhiệm vụ và giải pháp đã đề ra.",
    "Xác định rõ nhiệm vụ, giải pháp cụ thể, thiết thực, phù hợp với điều kiện thực tiễn; tạo sự "
    "chuyển biến mạnh mẽ, thực chất trong tổ chức thực hiện.",
    "Việc triển khai thực hiện phải nghiêm túc, đồng bộ, thường xuyên, gắn với thực hiện nhiệm vụ "
    "chính trị của từng cơ quan, đơn vị; tránh hình thức.",
)
_DEPARTMENTS = ("Ban Tuyên giáo", "Ban Dân vận", "Ban Tổ chức", "Ủy ban Kiểm tra")
_CENTRAL_DEPTS = ("Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương", "Ban Tổ chức Trung ương",
                  "Ban Nội chính Trung ương")
_NAMED_NATIONAL = (
    ("Nghị quyết Đại hội XIII của Đảng", ["Nghị quyết", "Đại hội", "XIII"]),
    ("Nghị quyết Trung ương 4 khóa XII", ["Nghị quyết", "Trung ương 4", "XII"]),
)
_CENTRAL_PHRASE = {
    "Ban Bí thư": ("Ban Bí thư", "Ban Bí thư Trung ương Đảng", "Ban Bí thư"),
    "Bộ Chính trị": ("Bộ Chính trị", "Bộ Chính trị"),
    "Ban Chấp hành Trung ương": ("Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương"),
}
_TYPE_HEADING = {"Kết luận": "KẾT LUẬN", "Nghị quyết": "NGHỊ QUYẾT", "Chỉ thị": "CHỈ THỊ",
                 "Quy định": "QUY ĐỊNH", "Kế hoạch": "KẾ HOẠCH", "Hướng dẫn": "HƯỚNG DẪN"}


@dataclass
class _Gold:
    """References planted in one file, merged by symbol (or title) as they are written."""

    refs: dict[str, dict] = field(default_factory=dict)
    derived: list[dict] = field(default_factory=list)

    def add(self, doc: Document | None, relation: str, either: bool = False, *,
            title: str | None = None, name_has: list[str] | None = None,
            doc_type: str = "Nghị quyết") -> None:
        key = doc.symbol if doc else f"title:{title}"
        entry = self.refs.get(key)
        if entry is None:
            entry = {"symbol": doc.symbol, "type": doc.doc_type, "date": doc.date.isoformat(),
                     "issuer": doc.issuer.name} if doc else {"name_has": name_has, "type": doc_type}
            entry.update(relation=relation, either=either)
            self.refs[key] = entry
            return
        if relation == "IMPLEMENTS" or entry["relation"] == "IMPLEMENTS":
            entry["either"] = entry["either"] and either if relation == entry["relation"] else False
            entry["relation"] = "IMPLEMENTS"
        else:
            entry["either"] = entry["either"] and either

    def references(self) -> list[dict]:
        out = []
        for entry in self.refs.values():
            entry = dict(entry)
            if not entry.pop("either"):
                out.append(entry)
            else:
                out.append({**entry, "either": True})
        return out


class _Writer:
    """Builds one document's text while recording what it plants."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.rng = random.Random(doc.seed)
        self.gold = _Gold()
        self.style = noise.Style.draw(self.rng)
        self.reports: list[dict] = []
        self.assigned: list[str] = []

    # -- references -------------------------------------------------------------------------
    def date_text(self, doc: Document) -> str:
        d = doc.date
        if self.rng.random() < 0.25:
            return f"ngày {d.day:02d} tháng {d.month} năm {d.year}"
        return f"ngày {d.day:02d}/{d.month}/{d.year}"

    def issuer_phrase(self, doc: Document) -> str:
        issuer = doc.issuer
        if issuer.level == CENTRAL:
            phrase = self.rng.choice(_CENTRAL_PHRASE[issuer.name])
            if issuer.name == "Ban Chấp hành Trung ương" and self.rng.random() < 0.5:
                phrase += f" khóa {term_of(doc.date)}"
            return phrase
        if self.doc.issuer.name == issuer.name or self.rng.random() < 0.5:
            return f"Ban Thường vụ {issuer.head}"
        return f"Ban Thường vụ {issuer.name}"

    def full(self, doc: Document, relation: str, either: bool = False) -> str:
        """``Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư`` (and record it)."""
        self.gold.add(doc, relation, either)
        number = " số" if self.rng.random() < 0.9 else ""
        comma = "," if self.rng.random() < 0.6 else ""
        return f"{doc.doc_type}{number} {doc.symbol}{comma} {self.date_text(doc)} của " \
               f"{self.issuer_phrase(doc)}"

    def short(self, doc: Document, relation: str = "CITES", either: bool = False) -> str:
        self.gold.add(doc, relation, either)
        return f"{doc.doc_type} số {doc.symbol}"

    def implemented(self, relation: str = "IMPLEMENTS") -> str:
        """The parent directive, with the one it implements in turn when there is one."""
        parent = self.doc.parent
        assert parent is not None
        text = self.full(parent, relation)
        grand = parent.parent
        if grand is not None and self.doc.level in (DISTRICT, COMMUNE) and self.rng.random() < 0.8:
            text += f" về thực hiện {self.full(grand, 'CITES', either=True)}"
            link = {"source": parent.symbol, "target": grand.symbol, "relation": "IMPLEMENTS"}
            if link not in self.gold.derived:
                self.gold.derived.append(link)
        elif grand is not None and self.doc.level == CENTRAL:
            text += f" về tiếp tục thực hiện {self.short(grand, 'CITES', either=True)}"
        return text

    def named(self, title: str, name_has: list[str], relation: str = "CITES",
              either: bool = False) -> str:
        self.gold.add(None, relation, either, title=title, name_has=name_has)
        return title

    def congress(self) -> str:
        issuer = self.doc.issuer
        if issuer.level == CENTRAL:
            return self.named(*_NAMED_NATIONAL[0], either=True)
        level = {PROVINCE: "tỉnh", DISTRICT: "huyện", COMMUNE: "xã"}[issuer.level]
        if issuer.level == DISTRICT and issuer.head == "Quận ủy":
            level = "quận"
        title = f"Nghị quyết Đại hội Đảng bộ {level} lần thứ {issuer.congress}"
        return self.named(title, ["Nghị quyết", "Đại hội", level, issuer.congress], either=True)

    # -- organs in the issuer's own words ------------------------------------------------------
    def organs(self) -> dict[str, str]:
        """Relative names used in the body: standing committee, departments, subordinates."""
        issuer = self.doc.issuer
        rng = self.rng
        if issuer.level == CENTRAL:
            lead, coord = rng.sample(_CENTRAL_DEPTS, 2)
            boss = "Bộ Chính trị" if issuer.name == "Ban Chấp hành Trung ương" else issuer.name
            return {"standing": boss, "lead": lead, "coord": coord, "via": lead,
                    "front": "Đảng đoàn Mặt trận Tổ quốc Việt Nam",
                    "subordinates": "Các tỉnh ủy, thành ủy, các ban đảng, ban cán sự đảng, đảng đoàn, "
                                    "đảng ủy trực thuộc Trung ương", "from_has": "tỉnh ủy"}
        head = issuer.head
        lead, coord = rng.sample(_DEPARTMENTS, 2)
        lead, coord = f"{lead} {head}", f"{coord} {head}"
        level = {PROVINCE: "tỉnh", DISTRICT: "huyện", COMMUNE: "xã"}[issuer.level]
        if head == "Quận ủy":
            level = "quận"
        if head == "Thành ủy":
            level = "thành phố"
        subordinates = {
            PROVINCE: ("Các huyện ủy, thành ủy, đảng ủy trực thuộc, các ban đảng, đảng đoàn, "
                       "ban cán sự đảng " + level, "huyện ủy"),
            DISTRICT: ("Các chi bộ, đảng bộ cơ sở", "đảng bộ cơ sở"),
            COMMUNE: ("Các chi bộ trực thuộc", "chi bộ"),
        }[issuer.level]
        return {"standing": f"Ban Thường vụ {head}", "lead": lead, "coord": coord,
                "via": rng.choice((lead, f"Văn phòng {head}")),
                "front": f"Đảng đoàn Mặt trận Tổ quốc {level}" if issuer.level != COMMUNE else "",
                "subordinates": subordinates[0], "from_has": subordinates[1]}

    def upper_recipients(self) -> list[tuple[str, str]]:
        """(line in Nơi nhận, what the gold expects among the addressees) for higher bodies."""
        issuer = self.doc.issuer
        if issuer.level == CENTRAL:
            return []
        if issuer.level == PROVINCE:
            dept = self.rng.choice(_CENTRAL_DEPTS)
            return [("Ban Bí thư Trung ương Đảng (B/c)", "Ban Bí thư"), (f"{dept} (B/c)", dept)]
        upper = "Tỉnh ủy" if issuer.level == DISTRICT else "Huyện ủy"
        if issuer.level == COMMUNE and issuer.district and issuer.district.startswith("quận"):
            upper = "Quận ủy"
        if issuer.level == DISTRICT and issuer.province in _CITIES:
            upper = "Thành ủy"
        return [(f"Ban Thường vụ {upper} (B/c)", f"Ban Thường vụ {upper}")]


_CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"}


def render(doc: Document) -> tuple[str, dict]:
    """The text of one generated file and its gold entry (the scorer's ``files[]`` item)."""
    w = _Writer(doc)
    st = w.style
    rng = w.rng
    is_letter = doc.doc_type == "Công văn"
    names = w.organs()
    parent = doc.parent
    assert parent is not None

    # Header: organ column, star, number, (a Công văn's subject), motto, place and date.
    subject = ""
    if is_letter:
        lead_in = rng.choice(("Về việc triển khai thực hiện", "V/v triển khai thực hiện",
                              "Về việc thực hiện"))
        subject = f"{lead_in} {w.implemented()}"
    d = doc.date
    place_date = f"{doc.issuer.place}, ngày {d.day:02d} tháng {d.month} năm {d.year}"
    blocks = _header(st, doc.issuer, f"Số {doc.symbol}", subject, place_date)

    # Type line and subject.
    if not is_letter:
        heading = _TYPE_HEADING[doc.doc_type]
        if doc.level == CENTRAL:
            heading += ("  \n" if st.markdown else "\n") + f"CỦA {doc.issuer.name.upper()}"
            about = f"về tiếp tục thực hiện {w.short(parent, 'IMPLEMENTS')} về {doc.topic}"
        else:
            about = f"thực hiện {w.implemented()}"
        blocks.append(f"**{heading}**" if st.markdown else heading)
        blocks.append(_lines(about, 60, st))
        if doc.level != CENTRAL:
            blocks.append("-----")

    if is_letter:
        kinh_gui = _kinh_gui(doc.issuer, names)
        blocks.append(("*Kính gửi:* " if st.markdown else "Kính gửi: ") + kinh_gui)

    # Preamble.
    body: list[str] = []
    kind = doc.doc_type
    if doc.level == CENTRAL:
        years = max(1, d.year - parent.date.year)
        body.append(f"Qua {years} năm thực hiện {w.short(parent)}, các cấp ủy, tổ chức đảng đã quan tâm "
                    "lãnh đạo, chỉ đạo, cụ thể hóa và tổ chức thực hiện, đạt được nhiều kết quả tích cực.")
        body += [_ASSESS[1], _ASSESS[2]]
        body.append(f"Để tiếp tục thực hiện có hiệu quả {w.short(parent, 'IMPLEMENTS')} gắn với thực "
                    f"hiện {w.congress()}, {doc.issuer.name} yêu cầu các cấp ủy, tổ chức đảng lãnh đạo, "
                    f"chỉ đạo thực hiện tốt một số nhiệm vụ sau:")
    elif is_letter:
        body += rng.sample(_ASSESS, 2)
        alias = f" (sau đây viết tắt là {w.short(parent)})" if rng.random() < 0.4 else ""
        body.append(f"Để tiếp tục thực hiện có hiệu quả {w.implemented()}{alias}, gắn với thực hiện "
                    f"{w.congress()}; {names['standing']} yêu cầu {names['subordinates'][0].lower()}"
                    f"{names['subordinates'][1:]} lãnh đạo, chỉ đạo, tổ chức thực hiện tốt một số "
                    f"nhiệm vụ sau:")
    else:
        verb = "Kế hoạch triển khai thực hiện" if kind == "Kế hoạch" else "Hướng dẫn thực hiện"
        body.append(f"Thực hiện {w.implemented()}, {names['standing']} ban hành {verb} như sau:")

    # Tasks, with the cited documents placed in them.
    tasks = rng.sample(_TASKS, rng.randint(3, 5))
    cites = list(doc.cites)
    for i, task in enumerate(tasks):
        if cites and (i == 0 or rng.random() < 0.5):
            cited = cites.pop()
            task = f"{task[:-1]}, gắn với thực hiện {w.full(cited, 'CITES')} về {cited.topic}."
        elif i == len(tasks) - 1:
            task = f"{task[:-1]}; nhân rộng mô hình tốt trong thực hiện {w.short(parent)}."
        tasks[i] = task
    if rng.random() < 0.3 and doc.level != COMMUNE:
        title, has = _NAMED_NATIONAL[1]
        tasks[0] = f"{tasks[0][:-1]} theo tinh thần {w.named(title, has)}."
    execution = _execution(w, names, kind)
    numbered = 0
    if is_letter or doc.level == CENTRAL:
        for i, task in enumerate(tasks, 1):
            body.append(f"{_num(st, i)} {task}")
        body.append(f"{_num(st, len(tasks) + 1)} Tổ chức thực hiện")
        body += [f"- {unit}" for unit in execution]
        body.append(f"{kind} này được phổ biến đến chi bộ.")
        numbered = len(tasks) + 1
    else:
        body.append("I- MỤC ĐÍCH, YÊU CẦU")
        body += ["1. Mục đích", f"- {_PURPOSE[0]}", f"- {_PURPOSE[1]}", "2. Yêu cầu", f"- {_PURPOSE[2]}"]
        body.append("II- NHIỆM VỤ, GIẢI PHÁP")
        body += [f"{i}. {task}" for i, task in enumerate(tasks, 1)]
        body.append("III- TỔ CHỨC THỰC HIỆN")
        body += [f"{i}. {unit}" for i, unit in enumerate(execution, 1)]
        numbered = 2 + len(tasks) + len(execution)
    if st.wrap:
        split = st.split_symbol
        wrapped = []
        for paragraph in body:
            wrapped.append(wrap_text := noise.wrap(paragraph, st.wrap, split_symbol=split, blank=st.blank))
            if split and wrap_text.count("-\n") > paragraph.count("-\n"):
                split = False
        body = wrapped
    blocks += body

    # Nơi nhận and signature.
    upper = w.upper_recipients()
    recipients = ["Như trên"] if is_letter else [names["subordinates"]]
    recipients += [line for line, _ in upper]
    recipients.append(f"Lưu Văn phòng {doc.issuer.head}" if doc.level != CENTRAL
                      else "Lưu Văn phòng Trung ương Đảng")
    signer = doc.signer
    assert signer is not None
    blocks += _footer(st, recipients, signer)
    text = "\n\n".join(blocks) + "\n"
    if st.old_tones:
        text = noise.old_tones(text)
    if st.ocr:
        text = noise.ocr(text, rng)

    signatory = {"name": signer.name, "capacity": signer.capacity}
    if signer.title:
        signatory["title"] = signer.title
    gold = {
        "file": doc.file,
        "documents": [{"symbol": doc.symbol, "type": doc.doc_type, "issuer": doc.issuer.name,
                       "date": doc.date.isoformat(), "place": doc.issuer.place,
                       "signatories": [signatory], "tasks_numbered": numbered}],
        "references": w.gold.references(),
        "reports_to": w.reports,
        "assigned": w.assigned,
        "recipients_has": [want for _, want in upper] + _kinh_gui_gold(is_letter, names),
    }
    if w.gold.derived:
        gold["derived"] = w.gold.derived
    return text, gold


def _num(st, i: int) -> str:
    return f"**{i}.**" if st.markdown else f"{i}."


def _lines(text: str, width: int, st) -> str:
    return noise.wrap(text, width).replace(" \n", "  \n" if st.markdown else "\n")


def _header(st, issuer: Issuer, number: str, subject: str, place_date: str) -> list[str]:
    motto = "ĐẢNG CỘNG SẢN VIỆT NAM"
    if st.columns:
        left = [*issuer.heading, "*", number]
        right = [motto, "", place_date]
        rows = [f"{'   ' + a:<48}{b}".rstrip() for a, b in _pairs(left, right)]
        blocks = ["\n".join(rows)]
        if subject:
            blocks.append(noise.wrap(subject, 55))
        return blocks
    if st.markdown:
        organ = "  \n".join(f"**{line}**" for line in issuer.heading)
        blocks = [f"{organ}  \n\\*  \n**{number}**"]
        if subject:
            blocks.append(_lines(subject, 45, st))
        return [*blocks, f"**{motto}**  \n*{place_date}*"]
    blocks = ["\n".join(issuer.heading), "*", number]
    if subject:
        blocks.append(_lines(subject, 45, st))
    return [*blocks, motto, place_date]


def _pairs(left: list[str], right: list[str]) -> list[tuple[str, str]]:
    size = max(len(left), len(right))
    return [(left[i] if i < len(left) else "", right[i] if i < len(right) else "") for i in range(size)]


def _kinh_gui(issuer: Issuer, names: dict[str, str]) -> str:
    if issuer.level == PROVINCE:
        first = names["subordinates"].split(", các ban")[0]
        return f"- {first},\n- Các ban đảng, đảng đoàn, ban cán sự đảng."
    return f"- {names['subordinates']}."


def _kinh_gui_gold(is_letter: bool, names: dict[str, str]) -> list[str]:
    return [names["from_has"]] if is_letter else []


def _execution(w: _Writer, names: dict[str, str], kind: str) -> list[str]:
    """The ``Tổ chức thực hiện`` units; records assignments and reporting lines."""
    doc = w.doc
    parent = doc.parent
    assert parent is not None
    standing, lead, coord, via = names["standing"], names["lead"], names["coord"], names["via"]
    units = [
        f"{names['subordinates']} căn cứ chức năng, nhiệm vụ được giao tổ chức quán triệt, triển khai "
        f"thực hiện nghiêm túc {w.short(parent)} và {kind} này; định kỳ báo cáo kết quả thực hiện với "
        f"{standing} (qua {via}).",
        f"{lead} chủ trì, phối hợp với {coord} hướng dẫn, theo dõi, đôn đốc, kiểm tra việc thực hiện "
        f"{kind} này; định kỳ báo cáo {standing}.",
    ]
    w.reports = [{"from_has": names["from_has"], "to_has": standing, "via_has": via},
                 {"from_has": lead, "to_has": standing}]
    w.assigned = [lead, coord]
    if names["front"]:
        units.append(f"{names['front']} lãnh đạo, chỉ đạo Mặt trận Tổ quốc và các tổ chức chính trị - "
                     f"xã hội tích cực tuyên truyền, vận động Nhân dân tham gia thực hiện.")
        w.assigned.append(names["front"])
    return units


def _footer(st, recipients: list[str], signer) -> list[str]:
    items = [f"- {r}," for r in recipients]
    items[-1] = items[-1][:-1] + "."
    sign = [signer.capacity] + ([signer.title] if signer.title else [])
    if st.columns:
        left = ["Nơi nhận:", *items]
        right = [*sign, "", "", signer.name]
        rows = [f"{a:<46}{b}".rstrip() for a, b in _pairs(left, right)]
        return ["\n".join(rows)]
    head = "**Nơi nhận:**" if st.markdown else "Nơi nhận:"
    block = "  \n".join(f"**{line}**" for line in sign) if st.markdown else "\n".join(sign)
    name = f"**{signer.name}**" if st.markdown else signer.name
    return [head + "\n\n" + "\n".join(items), block, "\n\n" + name]
