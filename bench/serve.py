"""``vanban serve`` under load: start time and memory, search and expand latencies, throughput.

    .venv/bin/python -m bench.serve --graph out/bench/g100k.json          # a built export
    .venv/bin/python -m bench.serve --graph samples --requests 2000       # any PATH vanban serve reads
    .venv/bin/python -m bench.serve --frameworks                          # Starlette+uvicorn vs stdlib

The server runs as ``vanban serve GRAPH --no-sparql`` in its own process; start time is from
launching it to its first answer, memory its resident set (peak and after start) read from
``/proc``. Queries are typical searches (symbols, organ and place names, title words, one or
two letters) and what people type for the nodes those return and their neighbours (a name
or symbol, whole, begun, or its first words): a few thousand distinct queries, so most
requests miss the server's memory of recent answers. The nodes expanded are those the
typical searches return, the best connected first, so hubs with tens of thousands of
relations are among them. Each kind
is measured from one client (requests one after another) and from ``--clients`` concurrent
clients on keep-alive connections (a small asyncio HTTP/1.1 client, on this machine:
loopback only). Every run is bounded by ``--requests`` and ``--seconds``. The time the
application itself spent on each request (its ``Server-Timing`` header) is printed too: the
rest is the connection, the event loop and waiting for the CPU. The load generator
shares the machine's cores with the server, and the machine's load average is printed.

``--frameworks`` serves the same search over the samples from Starlette on uvicorn (with
httptools and uvloop, and with the pure-Python h11 and asyncio) and from the standard
library's ``ThreadingHTTPServer``, and prints all three: the numbers behind the choice in
docs/serve.md.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

__all__ = ["QUERIES", "main", "measure"]

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "54-kl/tw",
    "54 kl tw",
    "1154",
    "21-kl/tw",
    "05-ct/tw",
    "99-qd/tw",
    "kl/tw",
    "nq/tw",
    "kh/tu",
    "tinh uy",
    "thanh uy ha noi",
    "tinh uy nghe an",
    "huyen uy",
    "dang uy xa",
    "ban tuyen giao",
    "ban dan van tinh uy",
    "ban to chuc",
    "uy ban kiem tra",
    "van phong tinh uy",
    "ban bi thu",
    "bo chinh tri",
    "ban chap hanh trung uong",
    "lang son",
    "quang",
    "thai binh",
    "ke hoach",
    "cong van",
    "huong dan",
    "ket luan",
    "nghi quyet",
    "chi thi",
    "quy dinh",
    "thuc hien",
    "xay dung dang",
    "cong tac dan van",
    "chuyen doi so",
    "b",
    "t",
    "h",
    "ha",
    "dak lak",
    "can tho",
    "ba dinh",
]


def _rss(pid: int) -> dict[str, int]:
    """Resident set and its peak (MiB) of a process, and the proportional set (MiB) of it and
    its children (shared pages counted once in all), from /proc."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            out[line.split(":")[0]] = int(line.split()[1]) // 1024
    family = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        family += [int(c) for c in (task / "children").read_text().split()]
    pss = 0
    for member in family:
        for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss += int(line.split()[1])
    out["Pss"] = pss // 1024
    out["processes"] = len(family)
    return out


def _get(url: str, timeout: float = 60) -> bytes:
    with urllib.request.urlopen(
        urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=timeout
    ) as response:
        return response.read()


def start_server(graph: str, port: int, extra: list[str]) -> tuple[subprocess.Popen, float]:
    """``vanban serve`` in a process of its own; returns it and the seconds until it answered."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "vanban.cli", "serve", graph, "--port", str(port), *extra],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    while True:
        if process.poll() is not None:
            raise SystemExit(f"vanban serve stopped: {process.stderr.read() if process.stderr else ''}")
        try:
            _get(f"http://127.0.0.1:{port}/healthz", timeout=5)
            return process, time.perf_counter() - started
        except OSError:
            time.sleep(0.5)


async def _client(host: str, port: int, work: list[tuple[str, str]], results: list, deadline: float) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while work and time.monotonic() < deadline:
            kind, path = work.pop()
            began = time.perf_counter()
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode()
            )
            await writer.drain()
            status = int((await reader.readline()).split()[1])
            length, spent = 0, 0.0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
                elif name.lower() == "server-timing":
                    spent = float(value.split("dur=")[1]) / 1000
            await reader.readexactly(length)
            results.append((kind, time.perf_counter() - began, status, spent))
    finally:
        writer.close()


async def _load(
    host: str, port: int, work: list[tuple[str, str]], clients: int, seconds: float
) -> tuple[list, float]:
    results: list = []
    work = list(reversed(work))
    deadline = time.monotonic() + seconds
    began = time.perf_counter()
    await asyncio.gather(*(_client(host, port, work, results, deadline) for _ in range(clients)))
    return results, time.perf_counter() - began


def _summary(results: list, elapsed: float) -> dict:
    times = sorted(t for _, t, _, _ in results)
    inside = sorted(s for _, _, _, s in results)
    errors = sum(1 for _, _, status, _ in results if status != 200)
    if not times:
        return {"requests": 0}
    return {
        "requests": len(times),
        "errors": errors,
        "median_ms": 1000 * statistics.median(times),
        "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))],
        "p99_ms": 1000 * times[int(0.99 * (len(times) - 1))],
        "max_ms": 1000 * times[-1],
        "server_median_ms": 1000 * statistics.median(inside),
        "server_p95_ms": 1000 * inside[int(0.95 * (len(inside) - 1))],
        "per_s": len(times) / elapsed,
    }


def measure(base: str, requests: int, clients: int, seconds: float, seed: int = 7) -> dict[str, dict]:
    """Latencies and throughput of search and expand, from one client then from ``clients``."""
    host, port = urllib.parse.urlsplit(base).hostname or "127.0.0.1", urllib.parse.urlsplit(base).port or 80
    rng = random.Random(seed)
    nodes: list[str] = []
    pool: set[str] = set(QUERIES)
    for query in QUERIES:
        hits = json.loads(_get(f"{base}/api/search?limit=20&q={urllib.parse.quote(query)}"))["hits"]
        nodes += [h["id"] for h in hits]
    nodes = sorted(set(nodes))
    for node in nodes[:300]:  # what people type: names and symbols of real nodes, whole or begun
        view = json.loads(_get(f"{base}/api/expand?limit=10&id={urllib.parse.quote(node)}"))
        for other in [view["node"], *(n for g in view["groups"] for n in g["nodes"])]:
            if other["kind"] not in ("Document", "Organ", "Person"):
                continue
            label = other["label"].lower()
            words = label.split()
            pool.update(
                {
                    label,
                    " ".join(words[:2]),
                    label[: max(2, len(label) // 2)],
                    label.replace("-", " ").replace("/", " "),
                }
            )
    queries = sorted(q for q in pool if q.strip())
    rng.shuffle(queries)
    fresh = itertools.cycle(queries)  # each run takes queries the others did not (until the pool runs out)

    def searches() -> list[tuple[str, str]]:
        return [("search", "/api/search?q=" + urllib.parse.quote(next(fresh))) for _ in range(requests)]

    def expands() -> list[tuple[str, str]]:
        return [
            ("expand", "/api/expand?id=" + urllib.parse.quote(rng.choice(nodes))) for _ in range(requests)
        ]

    out = {}
    for kind, work in (("search", searches), ("expand", expands)):
        for count in (1, clients):
            results, elapsed = asyncio.run(_load(host, port, work(), count, seconds))
            out[f"{kind}, {count} client{'s' if count > 1 else ''}"] = _summary(results, elapsed)
    mixed = [item for pair in zip(searches(), expands(), strict=True) for item in pair]
    results, elapsed = asyncio.run(_load(host, port, mixed, clients, seconds))
    out[f"search+expand, {clients} clients"] = _summary(results, elapsed)
    out["_nodes_expanded"] = {"distinct": len(nodes), "queries": len(queries)}
    return out


def _print(rows: dict[str, dict]) -> None:
    print(
        f"{'what':<30} {'requests':>8} {'errors':>6} {'median ms':>9} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'max ms':>8} {'req/s':>7} {'in app: median':>14} {'p95 ms':>7}"
    )
    for name, row in rows.items():
        if name.startswith("_") or not row.get("requests"):
            continue
        print(
            f"{name:<30} {row['requests']:>8} {row['errors']:>6} {row['median_ms']:>9.1f} "
            f"{row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f} {row['max_ms']:>8.1f} {row['per_s']:>7.0f} "
            f"{row['server_median_ms']:>14.2f} {row['server_p95_ms']:>7.2f}"
        )


def _minimal_server(kind: str, graph: str, port: int) -> None:
    """The same search answer from Starlette on uvicorn, or from the standard library's threads."""
    from vanban.pipeline import graph_from_paths
    from vanban.serve.catalog import Catalog

    catalog = Catalog.of(graph_from_paths([graph]))

    def answer(query: str) -> bytes:
        hits = catalog.index.search(query, 20)
        return json.dumps({"query": query, "hits": [h.__dict__ for h in hits]}, ensure_ascii=False).encode()

    if kind == "stdlib":
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                body = answer(urllib.parse.parse_qs(url.query).get("q", [""])[0])
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
        return
    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    async def search(request):
        return Response(answer(request.query_params.get("q", "")), media_type="application/json")

    app = Starlette(routes=[Route("/api/search", search), Route("/healthz", search)])
    plain = kind == "starlette-h11"  # the pure-Python parser and event loop, not httptools and uvloop
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        loop="asyncio" if plain else "auto",
        http="h11" if plain else "auto",
    )


def _frameworks(graph: str, port: int, requests: int, clients: int, seconds: float) -> None:
    rng = random.Random(7)
    work = [("search", "/api/search?q=" + urllib.parse.quote(rng.choice(QUERIES))) for _ in range(requests)]
    for kind in ("starlette", "starlette-h11", "stdlib"):
        process = subprocess.Popen(
            [sys.executable, "-m", "bench.serve", "--minimal", kind, "--graph", graph, "--port", str(port)],
            cwd=ROOT,
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    _get(f"http://127.0.0.1:{port}/api/search?q=a", timeout=5)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
            rows = {}
            for count in (1, clients):
                results, elapsed = asyncio.run(_load("127.0.0.1", port, work, count, seconds))
                rows[f"search, {count} client{'s' if count > 1 else ''}"] = _summary(results, elapsed)
            print(f"\n{kind} (memory {_rss(process.pid)['VmRSS']} MiB)")
            _print(rows)
        finally:
            process.terminate()
            process.wait(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--graph", default="samples", help="what vanban serve reads (a .json export, a folder)"
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--requests", type=int, default=3000, help="requests per measurement (at most)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--processes", type=int, default=1, help="vanban serve --processes")
    parser.add_argument("--seconds", type=float, default=60, help="longest a measurement may run")
    parser.add_argument("--frameworks", action="store_true", help="compare Starlette+uvicorn with the stdlib")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON too")
    parser.add_argument("--minimal", choices=("starlette", "starlette-h11", "stdlib"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.minimal:
        _minimal_server(args.minimal, args.graph, args.port)
        return 0
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    if args.frameworks:
        _frameworks(args.graph, args.port, args.requests, args.clients, args.seconds)
        return 0
    process, startup = start_server(
        args.graph, args.port, ["--no-sparql", "--processes", str(args.processes)]
    )
    try:
        memory = _rss(process.pid)
        print(
            f"start: {startup:.1f} s until the first answer; memory {memory['VmRSS']:,} MiB resident, "
            f"peak {memory['VmHWM']:,} MiB; {memory['processes']} process(es), {memory['Pss']:,} MiB "
            "proportional set in all"
        )
        rows = measure(f"http://127.0.0.1:{args.port}", args.requests, args.clients, args.seconds)
        _print(rows)
        after = _rss(process.pid)
        print(
            f"distinct: {rows['_nodes_expanded']['queries']} queries, {rows['_nodes_expanded']['distinct']} "
            f"nodes expanded; memory after: {after['VmRSS']:,} MiB resident, {after['Pss']:,} MiB "
            "proportional set in all"
        )
        if args.json:
            print(json.dumps({"start_s": startup, "memory": memory, **rows}, indent=1))
    finally:
        process.terminate()
        process.wait(60)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
