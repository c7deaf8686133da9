"""Files that cannot be read: each fails alone with a one-line reason, the batch goes on."""

from __future__ import annotations

import io
import json
import re
import shutil
import tracemalloc
import zipfile
from pathlib import Path

import docx
import networkx as nx
import pytest

import vanban.graph.atomic as atomic
import vanban.graph.export as export
from vanban.cli import main
from vanban.errors import LoadError
from vanban.graph.export import write_graphml, write_json
from vanban.loaders.encodings import encode
from vanban.loaders.extract import extract_text
from vanban.loaders.files import DEFAULT_MAX_BYTES, file_text, read_file
from vanban.pipeline import read_inputs

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DOCUMENT = "KẾT LUẬN\nSố 12-KL/TW\nThực hiện Kết luận số 54-KL/TW, Ban Bí thư yêu cầu các cấp ủy thực hiện."


def _docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _image_only_pdf() -> bytes:
    """A one-page scan: an image and no text layer."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("RGB", (200, 280), "white"), x=10, y=10, w=190)
    return bytes(pdf.output())


def _encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="mật khẩu", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip_without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


# name → (bytes, the reason its failure must give)
BAD = {
    "empty.txt": (b"", "empty file"),
    "blank.md": (b" \n\t\n", "empty file"),
    "empty.docx": (b"", "empty file"),
    "binary.txt": (bytes(range(256)) * 8, "binary file (NUL bytes), not text"),
    "controls.txt": (bytes(range(1, 32)) * 40, "binary file (control bytes), not text"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image, not a document: run OCR first"),
    "truncated.docx": (_docx(DOCUMENT)[:3000], "damaged DOCX"),
    "odt.docx": (_zip_without_document(), "ZIP archive without word/document.xml: not a DOCX document"),
    "old.doc.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "legacy Word .doc (OLE2) file"),
    "text.pdf": (DOCUMENT.encode(), "not a PDF (no %PDF- header)"),
    "scan.pdf": (_image_only_pdf(), "PDF without a text layer (1 page(s) of images?): run OCR first"),
    "locked.pdf": (_encrypted_pdf(), "encrypted PDF: cannot read its text without the password"),
    "cut.pdf": (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "damaged PDF"),
    "prose.txt": ("Hôm nay trời đẹp. Chúng tôi đi dạo trong công viên.\nNguyễn Văn An".encode(),
                  "no recognisable document (no number, document type or issuer)"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_is_one_clear_load_error(name: str) -> None:
    data, reason = BAD[name]
    with pytest.raises(LoadError) as caught:
        extract_text(file_text(data, name).text, name)
    message = str(caught.value)
    assert message.startswith(f"{name}: {reason}"), message
    assert "\n" not in message and caught.value.path == name


def test_fifty_megabytes_are_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        line = ("Thực hiện Kết luận số 54-KL/TW của Ban Bí thư. " * 20 + "\n").encode()
        while out.tell() < 50 * 1024 * 1024:
            out.write(line)
    size = big.stat().st_size
    tracemalloc.start()
    with pytest.raises(LoadError) as caught:
        read_file(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert str(caught.value) == f"big.txt: file too large: {size:,} bytes (limit {DEFAULT_MAX_BYTES:,})"
    assert peak < 1024 * 1024  # refused from its size: nothing was read


def test_the_size_limit_is_a_parameter(tmp_path: Path, samples_dir: Path) -> None:
    sample = sorted(samples_dir.glob("*.txt"))[0]
    size = sample.stat().st_size
    assert read_file(sample, max_bytes=size).text
    with pytest.raises(LoadError, match="file too large"):
        read_file(sample, max_bytes=size - 1)
    result = read_inputs([samples_dir], max_bytes=size - 1)
    assert sample.name in {f.path for f in result.failures}
    assert [str(e) for e in read_inputs([samples_dir], max_bytes=size - 1, workers=2).failures] == [
        str(e) for e in result.failures]


def test_docx_text_is_held_to_the_limit_and_zip_bombs_refused() -> None:
    data = _docx(DOCUMENT * 50)
    assert file_text(data, "a.docx").text.count("54-KL/TW") == 50
    with pytest.raises(LoadError, match=r"a\.docx: DOCX too large: unpacks to [\d,]+ bytes"):
        file_text(data, "a.docx", max_bytes=len(data))  # its parts unpack to more than 8× that
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/image1.png", bytes(200 * 1024 * 1024))
    tracemalloc.start()
    with pytest.raises(LoadError, match="DOCX too large"):
        file_text(bomb.getvalue(), "bomb.docx")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 16 * 1024 * 1024  # refused from the sizes its directory declares: nothing unpacked


@pytest.fixture()
def mixed_folder(tmp_path: Path, samples_dir: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in sorted(samples_dir.glob("*.txt")):
        shutil.copy(sample, folder / sample.name)
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    with (folder / "huge.txt").open("wb") as out:  # sparse: 50 MiB without writing them
        out.truncate(50 * 1024 * 1024)
    (folder / "vni.txt").write_bytes(encode("KẾT LUẬN\nSố 13-KL/TW", "vni"))  # read, with a warning
    return folder


def test_cli_build_of_a_mixed_folder_exports_the_good_and_lists_the_bad(mixed_folder: Path, tmp_path: Path,
                                                                       capsys, samples_dir: Path) -> None:
    out = tmp_path / "out.json"
    status = main(["build", str(mixed_folder), "--json", str(out), "-j", "1", "-q", "--all"])  # every FAILED line
    printed = capsys.readouterr().out
    assert status == 1
    good = {p.name for p in samples_dir.glob("*.txt")} | {"vni.txt"}
    bad = {**{name: reason for name, (_, reason) in BAD.items()}, "huge.txt": "file too large"}
    no_document = {"prose.txt"}  # read, but no directive in it: skipped, not failed
    assert f"files read       {len(good)} ok, 1 skipped, {len(bad) - 1} failed" in printed
    failed = dict(re.findall(r"^FAILED ([^:]+): (.*)$", printed, re.M))
    skipped = dict(re.findall(r"^SKIPPED ([^:]+): (.*)$", printed, re.M))
    assert set(failed) == set(bad) - no_document and set(skipped) == no_document
    for name, reason in bad.items():
        assert {**failed, **skipped}[name].startswith(reason), (name, failed.get(name))
    assert "WARNING vni.txt: encoding unsure: read as VNI-Windows" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    sources = {s for n in data["nodes"] for s in n.get("sources", [])}
    assert good <= sources and not sources & set(bad)
    symbols = {n.get("symbol") for n in data["nodes"] if n.get("read")}
    assert {"54-KL/TW", "1154-CV/TU", "21-KL/TW", "13-KL/TW"} <= symbols


def test_the_same_failures_from_worker_processes(mixed_folder: Path) -> None:
    serial = read_inputs([mixed_folder])
    pooled = read_inputs([mixed_folder], workers=2, chunksize=2)
    assert [str(e) for e in pooled.failures] == [str(e) for e in serial.failures]
    assert [str(e) for e in pooled.skipped] == [str(e) for e in serial.skipped] == [f"prose.txt: {BAD['prose.txt'][1]}"]
    assert pooled.warnings == serial.warnings and len(serial.warnings) == 1
    assert pooled.facts == serial.facts


# --- exports interrupted mid-write ----------------------------------------------------------

def _old_export(path: Path) -> None:
    path.write_text("old export\n", encoding="utf-8")


def test_json_export_interrupted_mid_write_keeps_the_old_file(tmp_path: Path, sample_graph, monkeypatch) -> None:
    target = tmp_path / "graph.json"
    _old_export(target)
    real_open = open

    class DiskFull:  # writes half the export, then the disk is full
        def __init__(self, stream) -> None:
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.stream.close()

        def write(self, text: str) -> int:
            self.stream.write(text[: len(text) // 2])
            self.stream.flush()
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "open", lambda path, *a, **k: DiskFull(real_open(path, *a, **k)), raising=False)
    with pytest.raises(OSError, match="No space left"):
        write_json(sample_graph, target)
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]


def test_graphml_export_interrupted_mid_write_keeps_the_old_file(tmp_path: Path, sample_graph,
                                                                 monkeypatch) -> None:
    target = tmp_path / "graph.graphml"
    _old_export(target)
    real_write = nx.write_graphml

    def interrupted(graph, path, **kwargs) -> None:
        real_write(graph, path, **kwargs)
        Path(path).write_bytes(Path(path).read_bytes()[:100])  # half-written …
        raise KeyboardInterrupt  # … when the user pressed Ctrl-C

    monkeypatch.setattr(export.nx, "write_graphml", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_graphml(sample_graph, target)
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]


def test_cli_build_interrupted_keeps_the_previous_export(tmp_path: Path, samples_dir: Path, monkeypatch,
                                                         capsys) -> None:
    target = tmp_path / "g.json"
    _old_export(target)

    def failing(graph):  # the first pieces are written, then the serializer runs out of memory
        yield "{\n"
        raise MemoryError("serializer ran out of memory")

    monkeypatch.setattr(export, "json_chunks", failing)
    assert main(["build", str(samples_dir), "--json", str(target), "-q"]) == 2
    assert capsys.readouterr().err == "vanban: out of memory (serializer ran out of memory); nothing written\n"
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_cli_max_bytes_refuses_larger_files(tmp_path: Path, samples_dir: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    small, large = sorted(samples_dir.glob("*.txt"), key=lambda p: p.stat().st_size)[:2]
    for path in (small, large):
        (folder / path.name).write_bytes(path.read_bytes())
    limit = (small.stat().st_size + large.stat().st_size) // 2
    assert main(["build", str(folder), "--max-bytes", str(limit), "--json", str(tmp_path / "g.json"), "-q"]) == 1
    printed = capsys.readouterr().out
    assert "files read       1 ok, 0 skipped, 1 failed" in printed
    assert f"FAILED {large.name}: file too large" in printed
