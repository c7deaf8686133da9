"""One document gives the same facts read as text, as a DOCX (one paragraph per line, the way a
word processor keeps a pasted text) and as a saved HTML page (one paragraph per line, inside a
page's chrome)."""

from __future__ import annotations

import html
import io
from pathlib import Path

import docx
import pytest

from vanban.graph.model import DocumentFacts
from vanban.loaders.docx_reader import docx_text
from vanban.loaders.extract import extract_text
from vanban.loaders.html_reader import html_text

SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("*.txt"))


def _as_docx(text: str) -> str:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return docx_text(buffer.getvalue(), "doc.docx")


def _as_page(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n"))
    page = ("<!DOCTYPE html><html><head><title>Văn bản</title><script>var x = 1;</script></head><body>"
            "<nav><a href='/'>Trang chủ</a> | <a href='/vb'>Văn bản pháp luật</a></nav>"
            f"<main>{paragraphs}</main>"
            "<footer><h2>Văn bản liên quan</h2><p>Đăng ký thành viên để tải văn bản.</p></footer></body></html>")
    return html_text(page.encode("utf-8"), "doc.html")


def _facts(doc: DocumentFacts) -> dict:
    return {
        "symbol": doc.symbol, "type": doc.doc_type, "date": doc.date,
        "issuer": doc.issuer.name if doc.issuer else None,
        "references": sorted((r.symbol or r.title or "", r.relation.value) for r in doc.references),
        "signatures": sorted((s.person, s.capacity, s.title) for s in doc.signatures),
        "recipients": sorted((r.organ.name, r.kind) for r in doc.recipients),
        "assigned": sorted({(a.organ.name, a.role.value) for t in doc.tasks for a in t.assignments}),
        "reports": sorted({(r.reporter.name, r.recipient.name) for r in doc.reports}),
    }


@pytest.mark.parametrize("convert", [_as_docx, _as_page], ids=["docx", "html"])
@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name[:3] for p in SAMPLES])
def test_the_same_facts_whatever_the_format(sample: Path, convert) -> None:
    text = sample.read_text(encoding="utf-8")
    want = [_facts(d) for d in extract_text(text, sample.name).documents]
    got = [_facts(d) for d in extract_text(convert(text), sample.name).documents]
    assert [(d["symbol"], d["type"]) for d in got] == [(d["symbol"], d["type"]) for d in want]
    for mine, theirs in zip(got, want, strict=True):
        assert mine == theirs
