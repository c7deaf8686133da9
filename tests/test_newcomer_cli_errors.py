"""Honest errors and outputs: one line for a failure, no traceback unless --debug, exports with
the umask's permissions, formats from the extension, and an output replaced only by a result
holding what was asked (an empty or missing input is an error unless --allow-empty)."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[1]
VANBAN = [sys.executable, "-m", "vanban.cli"]
SAMPLE = "001_84c014d27a31ff24.txt"  # Công văn 1154-CV/TU
OLD = "a previous output\n"


def _vanban(*args: str, cwd: Path | None = None, umask: int | None = None) -> subprocess.CompletedProcess:
    """The real command, as a user runs it."""
    return subprocess.run([*VANBAN, *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)


@pytest.fixture(scope="module")
def export(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "g.json"
    assert main(["build", str(samples_dir), "--json", str(path), "-q"]) == 0
    return path


# --- one line, no traceback ------------------------------------------------------------------------

def _unwritable_targets(tmp_path: Path) -> dict[str, tuple[str, str]]:
    """path -> (the reason printed, a case name)."""
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    targets = {str(a_file / "g.out"): f"{a_file} is a file, not a folder", str(folder): "it is a folder"}
    if Path("/sys").is_dir():  # read-only for everyone, root included
        targets["/sys/vanban-test.out"] = "Permission denied" if os.access("/sys", os.W_OK) else \
            "permission denied in /sys"
    return targets


@pytest.mark.parametrize("command", ["build --json", "build --graphml", "html --out", "rdf --out"])
def test_an_unwritable_output_is_one_line(command: str, export: Path, samples_dir: Path, tmp_path: Path,
                                          capsys) -> None:
    name, option = command.split()
    source = str(samples_dir) if name == "build" else str(export)
    for target, reason in _unwritable_targets(tmp_path).items():
        assert main([name, source, option, target, *(["-q"] if name == "build" else [])]) == 2
        captured = capsys.readouterr()
        assert captured.err == f"vanban: cannot write {target}: {reason}\n", target
        assert captured.out == ""  # refused before reading anything
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "a-folder"]  # no temporary file left


def test_the_real_command_prints_no_traceback_unless_debug(export: Path, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    target = str(tmp_path / "a-file" / "g.html")
    plain = _vanban("html", str(export), "--out", target)
    assert (plain.returncode, plain.stderr.count("\n")) == (2, 1)
    assert plain.stderr.startswith(f"vanban: cannot write {target}: ") and "Traceback" not in plain.stderr
    debug = _vanban("html", str(export), "--out", target, "--debug")
    assert debug.returncode == 1 and "Traceback (most recent call last)" in debug.stderr
    assert "WriteError: cannot write" in debug.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    for args in (["ask", "most-cited", "--graph", str(broken)], ["html", str(broken), "--out", str(tmp_path / "x.html")]):
        run = _vanban(*args)
        assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
        assert run.stderr.startswith(f"vanban: {broken}: not a vanban JSON export (JSONDecodeError: ")


# --- files as the umask says, formats as the extension says -------------------------------------------

@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_exports_get_the_permissions_the_umask_gives(umask: int, samples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = [out / "g.json", out / "g.graphml", out / "g.html", out / "g.ttl", out / "g.jsonld"]
    runs = [("build", str(samples_dir / SAMPLE), "--json", str(written[0]), "--graphml", str(written[1]), "-q"),
            ("html", str(written[0]), "--out", str(written[2])),
            ("rdf", str(written[0]), "--out", str(written[3])),
            ("rdf", str(written[0]), "--out", str(written[4]))]
    for args in runs:
        assert _vanban(*args, umask=umask).returncode == 0, args
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == dict.fromkeys(
        (p.name for p in written), oct(0o666 & ~umask))


def test_the_rdf_format_follows_the_extension(export: Path, tmp_path: Path, capsys) -> None:
    triples = {}
    for name, parse_as in (("g.ttl", "turtle"), ("g.jsonld", "json-ld"), ("g.nt", "nt")):
        assert main(["rdf", str(export), "--out", str(tmp_path / name)]) == 0
        assert capsys.readouterr().out.rstrip().endswith(f"({parse_as})")
        triples[name] = len(Graph().parse(tmp_path / name, format=parse_as))
    json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))  # JSON, not Turtle
    assert len(set(triples.values())) == 1 and triples["g.ttl"] > 1000
    for given in ("jsonld", "JSON-LD", "json-ld"):
        assert main(["rdf", str(export), "--out", str(tmp_path / "x.data"), "--format", given]) == 0
        assert capsys.readouterr().out.rstrip().endswith("(json-ld)")


# --- where build writes, and what an empty input does ---------------------------------------------------

def test_build_without_an_output_writes_out_graph_json_and_says_so(samples_dir: Path, tmp_path: Path,
                                                                  monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(samples_dir), "-q"]) == 0
    written = tmp_path / "out" / "graph.json"
    assert capsys.readouterr().out.splitlines()[-1] == f"wrote out/graph.json ({written.stat().st_size:,} bytes)"
    assert len(json.loads(written.read_text(encoding="utf-8"))["nodes"]) > 100


def _inputs(tmp_path: Path, samples_dir: Path) -> dict[str, tuple[list[str], str]]:
    """Inputs that hold no document -> (arguments, what stderr ends with)."""
    empty = tmp_path / "empty"
    empty.mkdir()
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "notes.txt").write_text("Ghi chú họp nhóm: mua thêm giấy in.", encoding="utf-8")
    no_documents = tmp_path / "none.json"
    no_documents.write_text('{"directed": true, "multigraph": true, "graph": {}, "nodes": [], "links": []}',
                            encoding="utf-8")
    return {
        "an empty folder": ([str(empty)], f"vanban: no documents in {empty} (no .txt, .md, .docx, .pdf, .html or "
                                          ".htm file); nothing written\n"),
        "a mistyped folder": ([str(tmp_path / "no-such-dir")],
                              "vanban: no documents read: 0 file(s) skipped (no document), 1 failed; nothing written\n"),
        "notes only": ([str(notes)],
                       "vanban: no documents read: 1 file(s) skipped (no document), 0 failed; nothing written\n"),
        "an empty export": ([str(no_documents)], f"vanban: no documents in {no_documents}; nothing written\n"),
    }


EMPTY_CASES = [(command, case) for command in ("build --json", "html --out", "rdf --out")
               for case in ("an empty folder", "a mistyped folder", "notes only", "an empty export")
               if not (command.startswith("build") and case == "an empty export")]  # build reads no export


@pytest.mark.parametrize(("command", "case"), EMPTY_CASES)
def test_an_empty_input_never_replaces_an_output(command: str, case: str, tmp_path: Path, samples_dir: Path,
                                                capsys) -> None:
    name, option = command.split()
    args, said = _inputs(tmp_path, samples_dir)[case]
    target = tmp_path / "previous.out"
    target.write_text(OLD, encoding="utf-8")
    assert main([name, *args, option, str(target), *(["-q"] if name == "build" else [])]) == 2
    assert capsys.readouterr().err.endswith(said)
    assert target.read_text(encoding="utf-8") == OLD
    assert main([name, *args, option, str(target), "--allow-empty", *(["-q"] if name == "build" else [])]) in (0, 1)
    assert target.read_text(encoding="utf-8") != OLD  # asked for: the empty result is written


def _mixed(tmp_path: Path, samples_dir: Path, extra: dict[str, bytes]) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(samples_dir / SAMPLE, folder / SAMPLE)
    for name, data in extra.items():
        (folder / name).write_bytes(data)
    return folder


COMMANDS = {  # name -> arguments after the folder
    "build": ["--json", "{tmp}/g.json", "-q"],
    "html": ["--out", "{tmp}/g.html"],
    "rdf": ["--out", "{tmp}/g.ttl"],
    "implementers": ["--from"],
    "show": ["--from"],
    "ask": ["--from"],
    "sparql": ["--from"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(("extra", "status"), [({"notes.md": "Ghi chú: không có văn bản.".encode()}, 0),
                                               ({"scan.txt": b"\x00\x01\x02 binary"}, 1)],
                         ids=["a skipped file", "a file that cannot be read"])
def test_every_command_gives_the_exit_status_build_gives(command: str, extra: dict[str, bytes], status: int,
                                                         tmp_path: Path, samples_dir: Path, capsys) -> None:
    folder = str(_mixed(tmp_path, samples_dir, extra))
    rest = [a.format(tmp=tmp_path) for a in COMMANDS[command]]
    if rest == ["--from"]:
        subject = {"implementers": ["54-KL/TW"], "show": ["1154-CV/TU"], "ask": ["cites", "1154-CV/TU"],
                   "sparql": ["cites", "-p", "document=1154-CV/TU"]}[command]
        args = [command, *subject, "--from", folder]
    else:
        args = [command, folder, *rest]
    assert main(args) == status
    captured = capsys.readouterr()
    assert captured.out and next(iter(extra)) in captured.out + captured.err  # the file left out is named


def test_progress_shows_on_a_terminal_only(samples_dir: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["build", str(samples_dir), "--json", str(tmp_path / "g.json")]) == 0
    shown = terminal.getvalue()
    for step in ("5/5 004_199d001fbf204208.txt", "merging the facts of 5 files", f"writing {tmp_path / 'g.json'}"):
        assert step in shown
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert main(["build", str(samples_dir), "--json", str(tmp_path / "g.json"), "-q"]) == 0
    assert sys.stderr.getvalue() == ""  # type: ignore[attr-defined]
    monkeypatch.undo()
    capsys.readouterr()
    assert main(["rdf", str(samples_dir / SAMPLE), "--out", str(tmp_path / "g.ttl"), "--validate"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("validating ") and "against the SHACL shapes" in captured.err
    assert captured.out.rstrip().endswith("SHACL: conforms")


@pytest.mark.neo4j
def test_an_empty_input_never_changes_the_database(neo4j_store, samples_dir: Path, tmp_path: Path, capsys) -> None:
    assert main(["load-neo4j", str(samples_dir / SAMPLE), "-q"]) == 0
    loaded = neo4j_store.counts()
    empty = tmp_path / "empty"
    empty.mkdir()
    capsys.readouterr()
    for args in ([str(empty)], [str(empty), "--clear"], [str(tmp_path / "no-such-dir")]):
        assert main(["load-neo4j", *args, "-q"]) == 2
        assert capsys.readouterr().err.endswith("; nothing loaded\n")
        assert neo4j_store.counts() == loaded
    assert main(["load-neo4j", str(empty), "--allow-empty", "-q"]) == 0
    assert neo4j_store.counts() == loaded  # asked for: nothing to load, the other files' facts stay
    assert main(["load-neo4j", str(empty), "--allow-empty", "--clear", "-q"]) == 0
    assert neo4j_store.counts()["nodes"] == 0 < loaded["nodes"]
