"""The build summary: skipped files apart from failed ones, the exit status, one screen on big batches."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from vanban.cli import main
from vanban.graph.build import build_graph
from vanban.loaders.extract import extract_text
from vanban.pipeline import graph_from_paths, read_inputs

SAMPLE = "001_84c014d27a31ff24.txt"  # Công văn 1154-CV/TU of the Lạng Sơn provincial committee
NOTES = "Ghi chú họp nhóm: mua thêm giấy in."
NO_DOCUMENT = "no recognisable document (no number, document type or issuer)"
DAMAGED = "damaged DOCX (truncated or not a ZIP archive)"
WIDTH = 110


def _damaged_docx(text: str) -> bytes:
    """A real DOCX cut short, as a download that stopped half-way leaves it."""
    document = docx.Document()
    for line in text.splitlines()[:40]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()[:3000]


def _cited_by_fifty(day: str, i: int, documents: int = 1) -> str:
    """A conclusion implementing ``documents`` conclusions of the Secretariat, dated ``day``/5/2023."""
    cited = ", ".join(f"Kết luận số {k}-KL/TW, ngày {day}/5/2023 của Ban Bí thư" for k in range(1, documents + 1))
    return (f"KẾT LUẬN\nSố {100 + i}-KL/TU\nThực hiện {cited}, Ban Thường vụ Tỉnh ủy yêu cầu "
            "các cấp ủy, tổ chức đảng thực hiện.")


def _folder(root: Path, files: dict[str, bytes]) -> Path:
    root.mkdir()
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


@pytest.fixture(autouse=True)
def _in_a_fresh_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build without --json writes out/graph.json where it runs: here, a fresh folder."""
    monkeypatch.chdir(tmp_path)


def _run(capsys, *argv: str) -> tuple[int, list[str], str]:
    """The status, the summary's lines (without the closing "wrote …" lines) and standard error
    of a build."""
    status = main(["build", *argv, "-q"])
    captured = capsys.readouterr()
    return status, [line for line in captured.out.splitlines() if not line.startswith("wrote ")], captured.err


def _listed(lines: list[str], tag: str) -> dict[str, str]:
    """``{name: reason}`` of the ``tag`` lines (SKIPPED, FAILED, WARNING)."""
    return dict(re.findall(rf"^{tag} ([^:]+): (.*)$", "\n".join(lines), re.M))


# --- skipped is not failed: summary lines and exit status ---------------------------------------

# case → (files as name → factory of their bytes, status, first summary line, skipped, failed, stderr)
Files = dict[str, Callable[[str], bytes]]  # name → its bytes, made from the sample text


def DOCUMENT(text: str) -> bytes:
    return text.encode()


def NOTE(_: str) -> bytes:
    return NOTES.encode()


BROKEN = _damaged_docx
NOTHING = "vanban: no documents read: {} file(s) skipped (no document), {} failed; nothing written\n"
CASES: dict[str, tuple[Files, int, str, set[str], set[str], str]] = {
    "a document, notes and a damaged docx": (
        {"1154.txt": DOCUMENT, "notes.txt": NOTE, "cut.docx": BROKEN}, 1,
        "files read       1 ok, 1 skipped, 1 failed", {"notes.txt"}, {"cut.docx"}, ""),
    "a document and notes": (
        {"1154.txt": DOCUMENT, "notes.txt": NOTE, "more notes.md": NOTE}, 0,
        "files read       1 ok, 2 skipped, 0 failed", {"notes.txt", "more notes.md"}, set(), ""),
    "a document alone": (
        {"1154.txt": DOCUMENT}, 0, "files read       1 ok, 0 skipped, 0 failed", set(), set(), ""),
    "only notes": (
        {"a.txt": NOTE, "b.md": NOTE, "c.txt": NOTE}, 2,
        "files read       0 ok, 3 skipped, 0 failed", {"a.txt", "b.md", "c.txt"}, set(), NOTHING.format(3, 0)),
    "notes and a damaged docx": (
        {"notes.txt": NOTE, "cut.docx": BROKEN}, 2,
        "files read       0 ok, 1 skipped, 1 failed", {"notes.txt"}, {"cut.docx"}, NOTHING.format(1, 1)),
    "an empty folder": (
        {}, 2, "files read       0 ok, 0 skipped, 0 failed", set(), set(),
        "vanban: no documents in {folder} (no .txt, .md, .docx, .pdf, .html or .htm file); nothing written\n"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_skipped_files_are_not_failures(case: str, tmp_path: Path, samples_dir: Path, capsys) -> None:
    files, status, first_line, skipped, failed, stderr = CASES[case]
    text = (samples_dir / SAMPLE).read_text(encoding="utf-8")
    folder = _folder(tmp_path / "in", {name: make(text) for name, make in files.items()})
    out = tmp_path / "g.json"
    out.write_text("previous export\n", encoding="utf-8")
    code, lines, err = _run(capsys, str(folder), "--json", str(out))
    assert (code, lines[0]) == (status, first_line)
    assert _listed(lines, "SKIPPED") == dict.fromkeys(skipped, NO_DOCUMENT)
    assert _listed(lines, "FAILED") == dict.fromkeys(failed, DAMAGED)
    assert err == stderr.format(folder=folder)
    if status == 2:  # nothing read: one line on stderr, and the previous export is left alone
        assert out.read_text(encoding="utf-8") == "previous export\n"
    else:
        sources = {s for n in json.loads(out.read_text(encoding="utf-8"))["nodes"] for s in n.get("sources", [])}
        assert sources == {"1154.txt"}


def test_workers_give_the_serial_skipped_and_failed_files(tmp_path: Path, samples_dir: Path, capsys) -> None:
    text = (samples_dir / SAMPLE).read_text(encoding="utf-8")
    files = {f"{i:02}_document.txt": text.encode() for i in range(3)}
    files |= {f"{i:02}_notes.txt": NOTES.encode() for i in range(4)}
    files |= {f"{i:02}_cut.docx": _damaged_docx(text) for i in range(2)}
    folder = _folder(tmp_path / "in", files)
    serial = read_inputs([folder])
    pooled = read_inputs([folder], workers=2, chunksize=1)
    assert [str(e) for e in pooled.skipped] == [str(e) for e in serial.skipped] == [
        f"{i:02}_notes.txt: {NO_DOCUMENT}" for i in range(4)]
    assert [str(e) for e in pooled.failures] == [str(e) for e in serial.failures] == [
        f"{i:02}_cut.docx: {DAMAGED}" for i in range(2)]
    assert pooled.facts == serial.facts and len(serial.facts) == 3
    assert pooled.warnings == serial.warnings
    printed = [_run(capsys, str(folder), "-j", workers) for workers in ("1", "2")]
    assert printed[0] == printed[1]
    assert printed[0][0] == 1 and printed[0][1][0] == "files read       3 ok, 4 skipped, 2 failed"


def test_commands_building_on_the_fly_name_skipped_and_failed_files_apart(tmp_path: Path, samples_dir: Path,
                                                                        capsys) -> None:
    text = (samples_dir / SAMPLE).read_text(encoding="utf-8")
    folder = _folder(tmp_path / "in", {"1154.txt": text.encode(), "notes.txt": NOTES.encode(),
                                       "cut.docx": _damaged_docx(text)})
    expected = f"vanban: skipped notes.txt: {NO_DOCUMENT}\nvanban: could not read cut.docx: {DAMAGED}\n"
    assert graph_from_paths([str(folder)]).nodes["doc:1154-CV/TU@lang-son"]["read"]
    assert capsys.readouterr().err == expected
    assert main(["ask", "most-cited", "--from", str(folder), "--json"]) == 1  # a file could not be read
    assert capsys.readouterr().err == expected


# --- one screen on big batches --------------------------------------------------------------------

def test_a_conflict_stated_by_fifty_files_names_three_per_value() -> None:
    graph = build_graph([extract_text(_cited_by_fifty("09" if i % 2 else "10", i), f"f{i:02}.txt")
                         for i in range(50)])
    assert graph.nodes["doc:1-KL/TW"]["conflicts"] == [
        "date: 2023-05-09 and 2023-05-10 (2023-05-09 in f01.txt, f03.txt, f05.txt and 22 more; "
        "2023-05-10 in f00.txt, f02.txt, f04.txt and 22 more)"]


def test_a_conflict_stated_by_few_files_names_them_all() -> None:
    names = ["a.txt", "b.txt", "c.txt", "d.txt"]
    graph = build_graph([extract_text(_cited_by_fifty("10" if name == "d.txt" else "09", i), name)
                         for i, name in enumerate(names)])
    assert graph.nodes["doc:1-KL/TW"]["conflicts"] == [
        "date: 2023-05-09 and 2023-05-10 (2023-05-09 in a.txt, b.txt, c.txt; 2023-05-10 in d.txt)"]


@pytest.fixture(scope="module")
def big_batch(tmp_path_factory) -> Path:
    """50 conclusions disagreeing on the dates of the 12 they implement, 12 files read with an
    encoding warning, 12 notes and 12 damaged DOCX files."""
    files = {f"f{i:02}.txt": _cited_by_fifty("09" if i % 2 else "10", i, documents=12).encode()
             for i in range(50)}
    files |= {f"w{k:02}.txt": f"S\xf4 {200 + k}-KL/TW ng\xe0y 05 th\xe1ng 3".encode("latin-1") for k in range(12)}
    files |= {f"n{k:02}.txt": NOTES.encode() for k in range(12)}
    files |= {f"x{k:02}.docx": _damaged_docx(_cited_by_fifty("09", k)) for k in range(12)}
    return _folder(tmp_path_factory.mktemp("big") / "in", files)


HEAD = 6  # lines of counts before the lists
SUMMARIES = {  # flags → (lines of each list, whether the rest is counted, whether lines are cut to WIDTH)
    (): (10, True, True),
    ("--all",): (12, False, False),
}


@pytest.mark.parametrize("flags", list(SUMMARIES), ids=lambda flags: " ".join(flags) or "default")
def test_the_summary_of_a_big_batch(flags: tuple[str, ...], big_batch: Path, capsys) -> None:
    shown, counted, cut = SUMMARIES[flags]
    status, lines, _ = _run(capsys, str(big_batch), *flags)
    assert status == 1
    assert lines[:HEAD][0] == "files read       62 ok, 12 skipped, 12 failed"
    assert lines[HEAD - 1] == "conflicts        12"
    conflicts = [line for line in lines if line.startswith("  doc:")]
    assert len(conflicts) == shown
    for tag in ("WARNING", "SKIPPED", "FAILED"):
        assert len([line for line in lines if line.startswith(f"{tag} ")]) == shown, tag
    rest = [line for line in lines if "(--all lists them)" in line]
    assert rest == (["  … and 2 more conflicts (--all lists them)", "… and 2 more warnings (--all lists them)",
                     "… and 2 more skipped (--all lists them)", "… and 2 more failed (--all lists them)"]
                    if counted else [])
    assert len(lines) == HEAD + 4 * shown + len(rest)
    full = ("  doc:1-KL/TW: date: 2023-05-09 and 2023-05-10 (2023-05-09 in f01.txt, f03.txt, f05.txt and 22 more; "
            "2023-05-10 in f00.txt, f02.txt, f04.txt and 22 more)")
    if cut:
        assert max(len(line) for line in lines) <= WIDTH
        assert full[: WIDTH - 1] + "…" in lines
    else:
        assert full in lines
        assert set(_listed(lines, "FAILED")) == {f"x{k:02}.docx" for k in range(12)}
        assert set(_listed(lines, "SKIPPED")) == {f"n{k:02}.txt" for k in range(12)}


def test_all_is_in_the_help(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert "--all" in capsys.readouterr().out
