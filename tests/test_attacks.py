"""The attacks once run against vanban, kept as tests: each defect they found, reproduced through
the command line where a user meets it, and the promises that held (no script from a document
runs in the page, no Cypher or SPARQL injection works), so they stay held.

Neo4j tests need ``NEO4J_URI`` and ``NEO4J_PASSWORD``, browser tests Chromium; each skips with
one line without them (and fails in CI).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from tests.test_hostile import growth, is_linear
from vanban.cli import main
from vanban.errors import LoadError
from vanban.graph.atomic import atomic_path
from vanban.graph.export import read_json
from vanban.graph.neo4j.settings import Neo4jSettings
from vanban.loaders.docx_reader import DEFAULT_MAX_ELEMENTS
from vanban.loaders.extract import extract_text
from vanban.loaders.files import file_text
from vanban.queries.sparql import refusal

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CV_1154 = SAMPLES / "001_84c014d27a31ff24.txt"  # Công văn 1154-CV/TU: ASCII header, Vietnamese body


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def good_exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The samples' JSON, GraphML, HTML and Turtle exports, as a previous good run left them."""
    folder = tmp_path_factory.mktemp("good")
    assert main(["build", str(SAMPLES), "-q", "--json", str(folder / "g.json"),
                 "--graphml", str(folder / "g.graphml")]) == 0
    assert main(["html", str(SAMPLES), "--out", str(folder / "g.html")]) == 0
    assert main(["rdf", str(SAMPLES), "--out", str(folder / "g.ttl")]) == 0
    return {path.suffix: path.read_bytes() for path in folder.iterdir()}


def _in_place(tmp_path: Path, exports: dict[str, bytes]) -> dict[str, Path]:
    paths = {}
    for suffix, data in exports.items():
        paths[suffix] = tmp_path / f"g{suffix}"
        paths[suffix].write_bytes(data)
    return paths


# --- data loss: an empty or mistyped input never replaces a good export ----------------------

@pytest.mark.parametrize("how", ["empty folder", "missing folder"])
def test_an_empty_or_missing_input_leaves_every_export_as_it_was(tmp_path, good_exports, capsys, how):
    paths = _in_place(tmp_path, good_exports)
    source = tmp_path / ("empty" if how == "empty folder" else "no-such-dir")
    if how == "empty folder":
        source.mkdir()
    commands = [["build", str(source), "-q", "--json", str(paths[".json"]), "--graphml", str(paths[".graphml"])],
                ["html", str(source), "--out", str(paths[".html"])],
                ["rdf", str(source), "--out", str(paths[".ttl"])]]
    for argv in commands:
        code, _, err = run(capsys, *argv)
        assert code != 0, argv
        assert "nothing written" in err and "Traceback" not in err, err
        assert all(line.startswith("vanban: ") for line in err.strip().splitlines()), err
    assert {suffix: path.read_bytes() for suffix, path in paths.items()} == good_exports


def test_allow_empty_writes_the_empty_result(tmp_path, good_exports, capsys):
    paths = _in_place(tmp_path, good_exports)
    (tmp_path / "empty").mkdir()
    code, _, _ = run(capsys, "build", str(tmp_path / "empty"), "-q", "--json", str(paths[".json"]), "--allow-empty")
    assert code == 0
    assert read_json(paths[".json"]).number_of_nodes() == 0


# --- decoding keeps the document ------------------------------------------------------------

def _damaged(how: str) -> bytes:
    data = CV_1154.read_bytes()
    if how == "one stray byte":
        middle = len(data) // 2
        while data[middle] >= 0x80:  # between characters, so only the byte added is wrong
            middle += 1
        return data[:middle] + b"\xff" + data[middle:]
    last = max(i for i, byte in enumerate(data) if byte >= 0xC0)  # the lead byte of the last letter with a tone
    return data[:last + 1]  # cut after it


@pytest.mark.parametrize("how", ["one stray byte", "last character cut"])
def test_damaged_utf8_keeps_its_document(tmp_path, capsys, how):
    intact = extract_text(CV_1154.read_text(encoding="utf-8"), "cv.txt")
    data = _damaged(how)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "cv.txt").write_bytes(data)
    code, out, _ = run(capsys, "build", str(tmp_path / "docs"), "--json", str(tmp_path / "g.json"))
    assert code == 0
    read = file_text(data, "cv.txt")
    assert read.encoding == "utf-8" and "Lạng Sơn" in read.text
    assert re.search(r"invalid UTF-8 replaced with U\+FFFD: 1 byte, at byte \d+", read.warnings[0])
    assert "invalid UTF-8" in out  # the summary names the file and what was replaced
    graph = read_json(tmp_path / "g.json")
    facts = extract_text(read.text, "cv.txt")
    assert [d.symbol for d in facts.documents] == [d.symbol for d in intact.documents]
    assert "1154-CV/TU" in [d.symbol for d in facts.documents]
    assert any(d.get("symbol") == "1154-CV/TU" and d.get("read") for _, d in graph.nodes(data=True))


# --- walking folders: every unreadable entry reported ----------------------------------------

def _four_good_files(folder: Path) -> None:
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt"))[:4]:
        shutil.copy(sample, folder / sample.name)


def test_entries_no_one_can_read_are_reported_not_dropped(tmp_path, capsys):
    """Entries that even root cannot read: a link to nothing, a link loop, a pipe."""
    docs = tmp_path / "docs"
    _four_good_files(docs)
    (docs / "sub").mkdir()
    os.symlink(tmp_path / "gone.txt", docs / "sub" / "dangling.txt")
    os.symlink(docs / "sub" / "loop", docs / "sub" / "loop")
    os.mkfifo(docs / "pipe.txt")
    code, out, _ = run(capsys, "build", str(docs), "--all", "--json", str(tmp_path / "g.json"))
    assert code == 1
    assert "4 ok, 0 skipped, 3 failed" in out, out
    failed = [line for line in out.splitlines() if line.lstrip().startswith("FAILED")]
    assert len(failed) == 3, out
    assert any("sub/dangling.txt" in line and "missing" in line for line in failed)
    assert any("sub/loop" in line and "loop" in line.split("sub/loop", 1)[1] for line in failed)
    assert any("pipe.txt" in line and "not a regular file" in line for line in failed)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its mode")
def test_a_subfolder_without_permission_is_reported(tmp_path, capsys):
    docs = tmp_path / "docs"
    _four_good_files(docs)
    locked = docs / "locked"
    locked.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt"))[4:]:
        shutil.copy(sample, locked / sample.name)
    locked.chmod(0)
    try:
        code, out, _ = run(capsys, "build", str(docs), "--json", str(tmp_path / "g.json"))
    finally:
        locked.chmod(0o755)
    assert code == 1
    assert re.search(r"FAILED locked\b.*cannot read folder", out), out


# --- denial of service: linear time, bounded memory ------------------------------------------

def test_tabs_after_noi_nhan_take_linear_time():
    """A ``Nơi nhận:`` followed by a long run of tabs (a 98 KB file once took 36 s)."""
    head = CV_1154.read_text(encoding="utf-8")

    def work(n: int):
        text = head + "\nNơi nhận:" + "\t" * n + "\n- Như trên;\n- Lưu VP."
        return lambda: extract_text(text, "tabs.txt")

    times = growth(work, 24_000)
    assert is_linear(times), f"{times} at 24k/48k/96k tabs"


def _docx_bomb(path: Path, paragraphs: int, per_paragraph: str = "<w:p/>") -> Path:
    """A DOCX whose document part is ``paragraphs`` empty paragraphs, written as a stream."""
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    with zipfile.ZipFile(blank) as skeleton, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in skeleton.infolist():  # a real document's parts, its body replaced
            if info.filename != "word/document.xml":
                archive.writestr(info, skeleton.read(info))
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head.encode())
            chunk = (per_paragraph * 100_000).encode()
            for _ in range(paragraphs // 100_000):
                part.write(chunk)
            part.write(b"<w:p><w:r><w:t>S\xe1\xbb\x91 1-KL/TW</w:t></w:r></w:p></w:body></w:document>")
    return path


_PEAK = textwrap.dedent("""
    import resource, sys
    from vanban.errors import LoadError
    from vanban.loaders.files import file_text
    data = open(sys.argv[1], "rb").read()
    try:
        file_text(data, "bomb.docx")
        outcome = "read"
    except LoadError as error:
        outcome = "refused: " + error.reason
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, outcome)
""")


def _peak_kib(path: Path) -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True)
    peak, outcome = done.stdout.strip().split(" ", 1)
    return int(peak), outcome


@pytest.mark.slow
def test_a_docx_of_empty_paragraphs_is_read_in_bounded_memory(tmp_path):
    """The 265 KB DOCX that unpacked to 150 MiB of empty paragraphs (once 74 s and 3.5 GB):
    refused by its element count; and under that count, memory stays flat as the part grows."""
    bomb = _docx_bomb(tmp_path / "bomb.docx", 25_000_000)  # 6 bytes a paragraph: 150 MB unpacked
    assert bomb.stat().st_size < 1_000_000
    peak, outcome = _peak_kib(bomb)
    assert outcome.startswith("refused: DOCX too complex"), outcome
    small_n, large_n = DEFAULT_MAX_ELEMENTS // 16, DEFAULT_MAX_ELEMENTS - 100_000
    small, small_outcome = _peak_kib(_docx_bomb(tmp_path / "small.docx", small_n))
    large, large_outcome = _peak_kib(_docx_bomb(tmp_path / "large.docx", large_n))
    assert small_outcome == large_outcome == "read"
    # 15 times the paragraphs; a tree kept whole would cost ~100 bytes each (over 350 MB more)
    assert large - small < 40_000, f"peak {small} KiB at {small_n:,} paragraphs, {large} KiB at {large_n:,}"
    assert peak < small + 40_000, f"peak {peak} KiB refusing 25M paragraphs"


def test_one_paragraph_of_too_many_elements_is_refused(tmp_path):
    bomb = _docx_bomb(tmp_path / "runs.docx", 1, "")
    data = bomb.read_bytes()
    # one paragraph of 600,000 empty runs: under the part's cap, over a block's
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                part = part.replace(b"<w:body>", b"<w:body><w:p>" + b"<w:r/>" * 600_000 + b"</w:p>")
            out.writestr(info.filename, part)
    _, outcome = _peak_kib(_write(tmp_path / "runs2.docx", buffer.getvalue()))
    assert outcome.startswith("refused: DOCX too complex: a paragraph or table"), outcome


def _patched_docx(field: str) -> bytes:
    """A DOCX whose document part's directory entry says what Python's zipfile cannot read (found
    by ``python -m bench.fuzz``: ``NotImplementedError`` escaped)."""
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Số 1-KL/TW")
    document.save(buffer)
    data = bytearray(buffer.getvalue())
    entry = data.index(b"PK\x01\x02")  # the central directory's entries
    while not data[entry + 46:].startswith(b"word/document.xml"):
        entry = data.index(b"PK\x01\x02", entry + 4)
    offset, value = {"version": (6, 187), "method": (10, 99), "encrypted": (8, 1)}[field]
    data[entry + offset] = value
    if field != "version":  # the local header says the same
        local = int.from_bytes(data[entry + 42:entry + 46], "little")
        data[local + offset - 2] = value
    return bytes(data)


@pytest.mark.parametrize("field", ["version", "method", "encrypted"])
def test_a_zip_form_python_cannot_read_is_refused_with_a_reason(field):
    with pytest.raises(LoadError, match="DOCX in a ZIP form that cannot be read"):
        file_text(_patched_docx(field), "odd.docx")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- file names that are not UTF-8, through every export -------------------------------------

@pytest.fixture
def latin1_named(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    name = os.fsdecode(b"caf\xe9 1154.txt")
    try:
        shutil.copy(CV_1154, docs / name)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    return docs


ESCAPED = "caf\\xe9 1154.txt"  # what outputs carry: the byte as \xNN


def test_a_file_name_that_is_not_utf8_is_written_by_every_export(latin1_named, tmp_path, capsys):
    out = tmp_path / "out"
    code, _, err = run(capsys, "build", str(latin1_named), "-q", "--json", str(out / "g.json"),
                       "--graphml", str(out / "g.graphml"))
    assert code == 0, err
    assert run(capsys, "html", str(latin1_named), "--out", str(out / "g.html"))[0] == 0
    for suffix in (".ttl", ".jsonld", ".nt"):
        assert run(capsys, "rdf", str(latin1_named), "--out", str(out / f"g{suffix}"))[0] == 0

    def sources(graph: nx.MultiDiGraph) -> set[str]:
        found: set[str] = set()
        for _, data in graph.nodes(data=True):
            value = data.get("sources") or []
            found.update(json.loads(value) if isinstance(value, str) and value.startswith("[") else
                         [value] if isinstance(value, str) else value)
        return found

    assert ESCAPED in sources(read_json(out / "g.json"))
    assert any(ESCAPED in s for s in sources(nx.read_graphml(out / "g.graphml")))
    for suffix, fmt in ((".ttl", "turtle"), (".jsonld", "json-ld"), (".nt", "nt")):
        graph = rdflib.Graph().parse(out / f"g{suffix}", format=fmt)
        assert any(str(o) == ESCAPED for o in graph.objects()), suffix
    page = (out / "g.html").read_text(encoding="utf-8")
    assert "caf\\\\xe9 1154.txt" in page or ESCAPED in page  # in the page's JSON data


@pytest.mark.neo4j
def test_a_file_name_that_is_not_utf8_is_stored_in_neo4j(latin1_named, neo4j_store, capsys):
    code, _, err = run(capsys, "load-neo4j", str(latin1_named), "-q")
    assert code == 0, err
    rows = neo4j_store.read("MATCH (d:Document) WHERE $f IN d.sources RETURN d.symbol AS symbol",
                            {"f": ESCAPED})
    assert {row["symbol"] for row in rows} >= {"1154-CV/TU"}


# --- SPARQL: no federated query, no update ---------------------------------------------------

@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A local TCP port and the requests anyone sends to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    received: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(1)
                try:
                    received.append(connection.recv(4096))
                except OSError:
                    received.append(b"")
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], received
    stop.set()
    thread.join()
    server.close()


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("query", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?d a eli:LegalResource . \\u0053ERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
    "SELECT * FROM <http://127.0.0.1:{port}/g.ttl> WHERE {{ ?s ?p ?o }}",
    "INSERT DATA {{ <http://127.0.0.1:{port}/a> <http://x/b> 1 }}",
    "LOAD <http://127.0.0.1:{port}/g.ttl>",
    "DELETE WHERE {{ ?s ?p ?o }}",
], ids=["service", "service-silent", "escaped-service", "from", "insert-data", "load", "delete-where"])
def test_sparql_refuses_federated_and_update_forms_without_a_request(tmp_path, good_exports, capsys, listener,
                                                                     engine, query):
    port, received = listener
    data = _write(tmp_path / "g.ttl", good_exports[".ttl"])
    text = query.format(port=port)
    code, out, err = run(capsys, "sparql", text, "--data", str(data), "--engine", engine)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "refused" in err, err
    assert "Traceback" not in err
    assert received == []
    assert data.read_bytes() == good_exports[".ttl"]


def test_sparql_keywords_inside_strings_and_names_are_not_refused():
    assert refusal('SELECT ?service WHERE { ?s ?p "SERVICE <http://x/> DROP ALL" } # INSERT') is None
    assert refusal("SELECT ?from WHERE { ?from ?p ?o }") is None


SPARQL_INJECTIONS = ['" } ?s ?p ?o { "', "x\" . ?s ?p ?o . FILTER(\"1\"=\"1", "' UNION { ?s ?p ?o } '",
                     "}} UNION {{ ?s ?p ?o }}", "<http://x/> } INSERT DATA { <a> <b> <c> }", "\\u0022 } #"]


@pytest.mark.parametrize("subject", SPARQL_INJECTIONS)
def test_sparql_injection_strings_are_values(tmp_path, good_exports, capsys, subject):
    data = _write(tmp_path / "g.ttl", good_exports[".ttl"])
    code, out, _ = run(capsys, "sparql", "SELECT ?d ?key WHERE { ?d vb:symbolKey ?key }", "-p", f"key={subject}",
                       "--data", str(data), "--json")
    assert code == 0 and json.loads(out) == []
    for question, parameter in (("cited-by", "document"), ("cites", "document"), ("implementers", "directive")):
        code, out, err = run(capsys, "sparql", question, "-p", f"{parameter}={subject}", "--data", str(data),
                             "--json")
        assert code == 2 and out == "" and "no document" in err, (question, err)
        code, out, err = run(capsys, "ask", question, subject, "--backend", "sparql", "--from", str(SAMPLES))
        assert code == 2 and out == "" and "no document" in err, (question, err)
    assert data.read_bytes() == good_exports[".ttl"]


# --- Neo4j: masks, LOAD CSV, injections ------------------------------------------------------

def test_a_short_password_is_masked_as_a_value_not_as_every_word(capsys, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_DATABASE", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "neo4j")
    code, out, err = run(capsys, "cypher", "RETURN 1")
    assert code == 2 and out == ""
    assert "neo4j at bolt://127.0.0.1:1 (database neo4j)" in err, err
    assert "***" not in err
    settings = Neo4jSettings(password="neo4j")
    assert settings.redact("credentials='neo4j'") == "credentials='***'"
    assert settings.redact("bolt://neo4j:neo4j@db:7687") == "bolt://***@db:7687"
    other = Neo4jSettings(password="db")
    assert other.redact("the db refused password=db, and 'db'") == "the db refused password=***, and '***'"


@pytest.mark.neo4j
@pytest.mark.parametrize("url", ["file:///etc/passwd", "file:///{root}/samples/001_84c014d27a31ff24.txt",
                                 "http://127.0.0.1:{port}/x.csv"])
def test_load_csv_reads_no_file_and_reaches_no_address(neo4j_store, capsys, listener, url):
    port, received = listener
    url = url.format(port=port, root=str(ROOT).lstrip("/"))
    for extra in ([], ["--write"]):  # refused by vanban read-only, by the server otherwise
        code, out, err = run(capsys, "cypher", f"LOAD CSV FROM '{url}' AS row RETURN row LIMIT 1", *extra)
        assert code == 2 and out == "", (extra, out)
        assert len(err.strip().splitlines()) == 1
        assert "root:" not in err and "Số 1154" not in err
        reason = "LOAD CSV is refused" if not extra else ("allow_csv_import_from_file_urls" if "file:" in url
                                                           else "blocked")
        assert reason in err, err
    code, out, err = run(capsys, "cypher", "LOAD CSV FROM $url AS row RETURN row", "-p", f"url={url}")
    assert code == 2 and "LOAD CSV is refused" in err
    assert received == []


CYPHER_INJECTIONS = ["'}) DETACH DELETE n //", "\"}) MATCH (m) DETACH DELETE m //", "x' OR 1=1 //",
                     "54-KL/TW'}) RETURN 1 UNION MATCH (n) DETACH DELETE n //", "{x: 1}", "$subject",
                     "`) DETACH DELETE n //", "\\'}) CREATE (:Intruder) //"]


@pytest.mark.neo4j
def test_cypher_injection_strings_through_every_command_change_nothing(neo4j_store, capsys):
    assert run(capsys, "load-neo4j", str(SAMPLES), "-q")[0] == 0
    before = neo4j_store.counts()
    symbols = neo4j_store.read("MATCH (d:Document) RETURN d.id AS id, d.symbol AS s ORDER BY id")
    for evil in CYPHER_INJECTIONS:
        code, out, err = run(capsys, "cypher", "MATCH (d:Document {symbol: $s}) RETURN d.id AS id", "-p", f"s={evil}",
                             "--json")
        assert code == 0 and json.loads(out) == [], (evil, err)
        code, out, err = run(capsys, "cypher", "cited-by", "-p", f"document={evil}", "--json")
        assert code == 0 and json.loads(out) == [], (evil, err)
        for argv in (["ask", "cited-by", evil], ["ask", "cites", evil], ["ask", "tasks", evil],
                     ["ask", "reporting-chain", evil], ["implementers", evil]):
            code, out, err = run(capsys, *argv, "--backend", "neo4j")
            assert code == 2 and out == "" and re.search(r"no (document|organ)", err), (argv, err)
    assert neo4j_store.counts() == before
    assert neo4j_store.read("MATCH (d:Document) RETURN d.id AS id, d.symbol AS s ORDER BY id") == symbols
    assert neo4j_store.read("MATCH (n:Intruder) RETURN count(n) AS n") == [{"n": 0}]


# --- temporary files of a killed writer ------------------------------------------------------

_KILLED_WRITER = textwrap.dedent("""
    import os, sys, time
    from vanban.graph.atomic import atomic_path
    with atomic_path(sys.argv[1]) as tmp:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write("half")
            handle.flush()
        print(tmp, flush=True)
        time.sleep(60)
""")


def _writer(target: Path) -> tuple[subprocess.Popen[str], Path]:
    process = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(target)], stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None
    return process, Path(process.stdout.readline().strip())


def test_a_killed_writers_temporary_file_is_removed_by_the_next_run(tmp_path, good_exports, capsys):
    target = tmp_path / "g.json"
    target.write_bytes(good_exports[".json"])
    process, temporary = _writer(target)
    process.kill()
    process.wait()
    assert temporary.exists() and temporary.name.startswith(".g.json.")
    assert target.read_bytes() == good_exports[".json"]  # the kill left the old export whole
    assert run(capsys, "build", str(SAMPLES), "-q", "--json", str(tmp_path / "other.json"))[0] == 0
    assert not temporary.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json", "other.json"]


def test_a_live_writers_temporary_file_is_left_alone(tmp_path):
    process, temporary = _writer(tmp_path / "g.json")
    try:
        with atomic_path(tmp_path / "other.json") as tmp:
            tmp.write_text("{}", encoding="utf-8")
        assert temporary.exists()
    finally:
        process.kill()
        process.wait()


# --- script in a document never runs in the page ---------------------------------------------

XSS = ['<script>window.xssRan="script"</script>', '<img src=x onerror="window.xssRan=\'img\'">',
       '"><svg onload="window.xssRan=\'svg\'">', "</script><script>window.xssRan='close'</script>",
       "javascript:window.xssRan='href'", "{{constructor.constructor('window.xssRan=1')()}}",
       '<iframe srcdoc="<script>parent.xssRan=1</script>">', "<a href=\"javascript:alert('a')\">x</a>"]


def _hostile_document(folder: Path) -> Path:
    """The Công văn 1154-CV/TU with a payload in its subject, a recipient, a task, a sentence
    and its file name."""
    text = CV_1154.read_text(encoding="utf-8")
    text = text.replace("Về việc triển khai thực hiện", f"Về việc triển khai thực hiện {XSS[1]}", 1)
    text = text.replace("Ban Thường vụ Tỉnh đoàn", f"Ban Thường vụ Tỉnh đoàn {XSS[0]}", 1)
    text = text.replace("**1.** Tiếp tục", f"**1.** Tiếp tục {XSS[2]} {XSS[5]}", 1)
    text = text.replace("Năm năm qua,", f"Năm năm qua, {XSS[3]} {XSS[4]} {XSS[6]} {XSS[7]}", 1)
    folder.mkdir()
    path = folder / '1154 <img src=x onerror="window.xssRan=\'file\'">.txt'
    path.write_text(text, encoding="utf-8")
    shutil.copy(SAMPLES / "000_b60ebe935850062d.txt", folder)
    return folder


@pytest.mark.browser
@pytest.mark.parametrize("csp", ["on", "off"])
def test_script_in_a_document_never_runs_in_the_page(browser, tmp_path, capsys, csp):
    docs = _hostile_document(tmp_path / "docs")
    page_file = tmp_path / "g.html"
    code, _, err = run(capsys, "html", str(docs), "--out", str(page_file))
    assert code == 0, err
    graph_file = tmp_path / "g.json"
    assert run(capsys, "build", str(docs), "-q", "--json", str(graph_file))[0] == 0
    graph = read_json(graph_file)
    carried = json.dumps([d for _, d in graph.nodes(data=True)] + [d for *_, d in graph.edges(data=True)],
                         ensure_ascii=False)
    assert sum(payload in carried for payload in XSS) >= 3  # payloads reach the page whole

    context = browser.new_context(bypass_csp=csp == "off")
    dialogs: list[str] = []
    outside: list[str] = []
    url = page_file.resolve().as_uri()
    context.route("**/*", lambda r: r.continue_() if r.request.url == url else (outside.append(r.request.url),
                                                                                r.abort()))
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(url)
        page.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
        scripts = page.locator("script").count()
        for node in graph.nodes:  # every node's panel, with its facts and evidence sentences
            page.evaluate("""(id) => {
                const n = window.vanban.network;
                n.selectNodes([id]);
                n.body.emitter.emit('click', {nodes: [id], edges: [], pointer: {DOM: {x: 0, y: 0}}});
            }""", node)
        for query in ("img src", "script", "svg", "1154", "javascript"):
            page.fill("#search", query)
            page.press("#search", "Enter")
        page.wait_for_timeout(300)
        shown = page.locator("#panel").text_content() or ""
        assert page.evaluate("window.xssRan") is None
        assert page.evaluate("parent.xssRan") is None
        assert dialogs == [] and outside == []
        assert page.locator("script").count() == scripts
        assert page.locator("#panel img, #panel svg, #panel iframe, #panel a[href^=javascript]").count() == 0
        assert shown  # a panel was open: the text was shown, as text
    finally:
        context.close()
