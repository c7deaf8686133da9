"""DOCX and PDF inputs: real files built here from each bundled sample give the facts of its .txt.

Each sample becomes a document laid out as such documents are: its header (the lines down to
the motto ``ĐẢNG CỘNG SẢN VIỆT NAM`` and the place and date under it) in a two-column table
or side-by-side columns, every other paragraph as a paragraph (its line breaks kept), long
lines left to wrap. The markdown of the .txt becomes plain text, as a word processor shows it.
"""

from __future__ import annotations

import io
import os
import re
from functools import cache
from pathlib import Path

import docx
import pytest

from vanban.errors import LoadError
from vanban.graph.model import FileFacts
from vanban.loaders.docx_reader import docx_text
from vanban.loaders.extract import extract_text
from vanban.loaders.files import file_text, read_file
from vanban.loaders.formats import Format, sniff
from vanban.loaders.pdf_reader import pdf_text
from vanban.loaders.text import flow_view
from vanban.pipeline import collect_files, read_inputs

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian's fonts-dejavu-core
_MOTTO = re.compile(r"^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)$")


# --- building documents from the samples ------------------------------------------------

def _plain(line: str) -> str:
    """A markdown line as a word processor would show it."""
    line = re.sub(r"^#{1,6}\s+", "", line.strip())
    line = line.replace("**", "").replace("\\*", "*")
    return re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", line).strip()


def _blocks(text: str) -> list[list[str]]:
    """Paragraphs (runs of non-blank lines), each a list of its lines."""
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = _plain(raw)
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _layout(text: str) -> tuple[tuple[list[str], list[str]] | None, list[list[str]]]:
    """(left and right header cells, or None; the paragraphs after the header)."""
    blocks = _blocks(text)
    lines = [(b, i) for b, block in enumerate(blocks) for i in range(len(block))]
    for n, (b, i) in enumerate(lines[:20]):
        if not _MOTTO.match(blocks[b][i]):
            continue
        left = [line for block in blocks[:b] for line in block] + blocks[b][:i]
        right = [blocks[b][i]]
        end_b, end_i = b, i + 1
        if n + 1 < len(lines) and ", ngày" in blocks[lines[n + 1][0]][lines[n + 1][1]]:
            nb, ni = lines[n + 1]
            right.append(blocks[nb][ni])
            end_b, end_i = nb, ni + 1
        if not left:
            break
        rest = ([blocks[end_b][end_i:]] if end_i < len(blocks[end_b]) else []) + blocks[end_b + 1:]
        return (left, right), rest
    return None, blocks


@cache
def docx_of(sample: Path) -> bytes:
    document = docx.Document()
    header, body = _layout(sample.read_text(encoding="utf-8"))
    if header:
        row = document.add_table(rows=1, cols=2).rows[0]
        for cell, lines in zip(row.cells, header, strict=True):
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    for block in body:
        paragraph = document.add_paragraph()
        for k, line in enumerate(block):
            run = paragraph.add_run(line)
            if k < len(block) - 1:
                run.add_break()  # a line break inside the paragraph (Shift+Enter)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _font() -> Path:
    if not FONT.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{FONT} is missing in CI (Debian package fonts-dejavu-core)")
        pytest.skip(f"{FONT} not present (apt-get install fonts-dejavu-core)")
    return FONT


@cache
def pdf_of(sample: Path) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(_font()))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    header, body = _layout(sample.read_text(encoding="utf-8"))
    if header:  # two columns side by side, centred, as a header table prints
        width = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
        top = pdf.get_y()
        pdf.multi_cell(width, 6, "\n".join(header[0]), align="C")
        bottom = pdf.get_y()
        pdf.set_xy(pdf.l_margin + width, top)
        pdf.multi_cell(width, 6, "\n".join(header[1]), align="C")
        pdf.set_y(max(bottom, pdf.get_y()) + 4)
    for block in body:
        pdf.multi_cell(0, 6, "\n".join(block), align="J")  # justified: wide word gaps
        pdf.ln(3)
    return bytes(pdf.output())


# --- comparing facts -----------------------------------------------------------------------

def facts(found: FileFacts) -> list[dict]:
    """The facts of a file that do not depend on its layout: everything but offsets."""
    def organ(o):
        return o.name if o is not None else None

    out = []
    for d in found.documents:
        out.append({
            "document": (d.symbol, d.doc_type, d.date, d.place, organ(d.issuer), d.term, d.scope),
            "subject": " ".join((d.subject or "").split()),
            "references": sorted((r.symbol or "", r.title or "", r.doc_type or "", r.relation.value,
                                  r.date or "", organ(r.issuer) or "") for r in d.references),
            "derived": sorted((k.source.symbol or "", k.relation.value, k.target.symbol or "")
                              for k in d.derived),
            "tasks": sorted(t.path for t in d.tasks),
            "assignments": sorted((t.path, organ(a.organ), a.role.value) for t in d.tasks
                                  for a in t.assignments),
            "reports": sorted((organ(r.reporter), organ(r.recipient), organ(r.via) or "") for r in d.reports),
            "signatures": [(s.person, s.capacity, s.title) for s in d.signatures],
            "recipients": sorted((organ(r.organ), r.kind, r.purpose or "") for r in d.recipients),
            "copies": d.copies.symbol if d.copies else None,
        })
    return out


@cache
def txt_facts(sample: Path) -> list[dict]:
    return facts(extract_text(sample.read_text(encoding="utf-8"), sample.name))


def test_the_samples_have_what_the_comparison_needs() -> None:
    """The comparison below means something: the samples carry every kind of fact."""
    assert len(SAMPLES) == 5
    all_docs = [d for s in SAMPLES for d in txt_facts(s)]
    assert {d["document"][0] for d in all_docs} >= {"54-KL/TW", "1154-CV/TU", "21-KL/TW", "130-BS/VPQU"}
    assert sum(len(d["references"]) for d in all_docs) > 100
    assert sum(len(d["assignments"]) for d in all_docs) > 10
    assert _layout(SAMPLES[0].read_text(encoding="utf-8"))[0] is not None  # a header table is built


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name[:3])
def test_docx_gives_the_facts_of_the_txt(sample: Path) -> None:
    read = file_text(docx_of(sample), sample.with_suffix(".docx").name)
    assert read.format is Format.DOCX
    assert facts(extract_text(read.text, sample.name)) == txt_facts(sample)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name[:3])
def test_pdf_gives_the_facts_of_the_txt(sample: Path) -> None:
    read = file_text(pdf_of(sample), sample.with_suffix(".pdf").name)
    assert read.format is Format.PDF
    assert facts(extract_text(read.text, sample.name)) == txt_facts(sample)


def test_docx_header_table_reads_as_a_two_column_layout() -> None:
    text = docx_text(docx_of(SAMPLES[0]), "kl.docx")
    assert text.startswith("BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM\n"
                           "* | Hà Nội, ngày 09 tháng 5 năm 2023\nSố 54-KL/TW\n\n")
    doc = extract_text(text, "kl.docx").documents[0]
    assert (doc.symbol, doc.date, doc.place, doc.doc_type) == ("54-KL/TW", "2023-05-09", "Hà Nội", "Kết luận")


def test_pdf_columns_stay_apart_and_justified_gaps_close() -> None:
    text = pdf_text(pdf_of(SAMPLES[0]), "kl.pdf")
    first = text.split("\n")[0]
    assert re.fullmatch(r"BAN CHẤP HÀNH TRUNG ƯƠNG {5}ĐẢNG CỘNG SẢN VIỆT NAM", first)
    assert "Quyết  định" not in text and "Quyết định số 99-QĐ/TW" in text


def test_pdf_hard_wrapped_lines_are_joined_by_the_normaliser() -> None:
    source = SAMPLES[0].read_text(encoding="utf-8")
    paragraph = next(line for line in source.split("\n") if line.startswith("Qua 5 năm thực hiện"))
    text = pdf_text(pdf_of(SAMPLES[0]), "kl.pdf")
    assert paragraph not in text  # the PDF wrapped it over several lines …
    assert len([ln for ln in text.split("\n") if ln and ln in paragraph]) >= 5
    assert flow_view(paragraph).text in flow_view(text).text.split("\n")  # … and the flow view rejoins it


def _pdf_with_page_numbers(paragraph: str, pages: int) -> bytes:
    from fpdf import FPDF

    class Numbered(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.cell(0, 10, f"- {self.page_no()} -", align="C")

    pdf = Numbered(format=(105, 148))  # A6, in mm
    pdf.add_font("DejaVu", fname=str(_font()))
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 5, paragraph * pages)
    return bytes(pdf.output())


def test_pdf_pages_in_order_numbers_dropped_paragraph_joined_across_pages() -> None:
    sentence = "Các cấp ủy, tổ chức đảng tiếp tục lãnh đạo, chỉ đạo thực hiện nghiêm Kết luận số 54-KL/TW "
    data = _pdf_with_page_numbers(sentence, 30)
    text = pdf_text(data, "long.pdf")
    assert "- 2 -" not in text and "- 1 -" not in text
    flow = flow_view(text).text
    assert flow.count("54-KL/TW") == 30
    assert "\n" not in flow.strip()  # one paragraph over several pages, no page number inside it
    refs = extract_text("KẾT LUẬN\n" + text, "long.pdf").documents[0].references
    assert [r.symbol for r in refs] == ["54-KL/TW"] * 30


def test_docx_order_merged_and_nested_cells_and_signature_table() -> None:
    document = docx.Document()
    document.add_paragraph("Trước bảng")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0))  # a vertical merge: its text once
    table.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu VT."
    right = table.cell(0, 1)
    right.text = "T/M BAN THƯỜNG VỤ"
    inner = right.add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "PHÓ BÍ THƯ"
    table.cell(1, 1).text = "Trần Văn Bắc"
    document.add_paragraph("Sau bảng")
    out = io.BytesIO()
    document.save(out)
    text = docx_text(out.getvalue(), "sig.docx")
    assert text == ("Trước bảng\n\nNơi nhận: | T/M BAN THƯỜNG VỤ\n- Như trên; | PHÓ BÍ THƯ\n- Lưu VT.\n"
                    "Trần Văn Bắc\n\nSau bảng")
    from vanban.loaders.signatures import find_signatures
    assert [(s.capacity, s.title, s.person) for s in find_signatures(text.split("\n"))] == [
        ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Bắc")]


@pytest.mark.parametrize(
    ("name", "builder", "expected"),
    [("kl.txt", "pdf", Format.PDF), ("kl.pdf", "docx", Format.DOCX), ("kl.docx", "pdf", Format.PDF),
     ("kl.md", "docx", Format.DOCX), ("KL.PDF", "pdf", Format.PDF)],
)
def test_content_chooses_the_reader_whatever_the_name(name: str, builder: str, expected: Format) -> None:
    data = pdf_of(SAMPLES[0]) if builder == "pdf" else docx_of(SAMPLES[0])
    assert sniff(data, name) is expected
    read = file_text(data, name)
    assert extract_text(read.text, name).documents[0].symbol == "54-KL/TW"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("kl.pdf", "not a PDF (no %PDF- header)"), ("kl.docx", "not a DOCX (not a ZIP archive)")],
)
def test_a_name_promising_a_format_the_bytes_lack(name: str, reason: str) -> None:
    with pytest.raises(LoadError, match=re.escape(f"{name}: {reason}")):
        file_text("Số 54-KL/TW, Kết luận của Ban Bí thư".encode(), name)


def test_folder_scan_reads_docx_and_pdf(tmp_path: Path) -> None:
    for sample in SAMPLES[:2]:
        (tmp_path / sample.with_suffix(".docx").name).write_bytes(docx_of(sample))
        (tmp_path / sample.with_suffix(".pdf").name).write_bytes(pdf_of(sample))
    (tmp_path / "~$000_b60ebe935850062d.docx").write_bytes(b"\x00lock")  # Word's lock file
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04 not read")
    assert [p.name for p in collect_files([tmp_path])] == sorted(
        f"{s.stem}{ext}" for s in SAMPLES[:2] for ext in (".docx", ".pdf"))
    result = read_inputs([tmp_path])
    assert not result.failures and not result.warnings
    by_name = {f.source_file: f for f in result.facts}
    for sample in SAMPLES[:2]:
        for ext in (".docx", ".pdf"):
            assert facts(by_name[sample.stem + ext]) == txt_facts(sample)


def test_read_file_reports_format_and_encoding(tmp_path: Path) -> None:
    path = tmp_path / "kl.docx"
    path.write_bytes(docx_of(SAMPLES[0]))
    read = read_file(path)
    assert (read.name, read.format, read.encoding, read.warnings) == ("kl.docx", Format.DOCX, None, ())
