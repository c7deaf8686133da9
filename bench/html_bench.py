"""HTML page benchmark: size and time to interactive in headless Chromium, for generated graphs.

    .venv/bin/python bench/html_bench.py                 # 500, 2,000 and 5,000 nodes
    .venv/bin/python bench/html_bench.py --sizes 20000   # other sizes
    .venv/bin/python -m bench.html_bench --runs 3        # median of 3 page loads

For each size, a synthetic directive graph (``vanban.visualize.synthetic``) is built in memory
and written as a page. The page is opened offline (every request but the file aborted) and
timed from navigation start until the page says it is interactive: drawn, laid out (physics
settled below the large-graph threshold), search and panel wired. Then a search-and-select is
timed from key press to the detail panel (includes the focus animation's start), and one full
redraw. Chromium: ``$VANBAN_CHROMIUM`` or ``/usr/bin/chromium``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from vanban.visualize import LARGE_GRAPH, write_html
from vanban.visualize.synthetic import synthetic_graph

__all__ = ["main", "measure"]

CHROMIUM = os.environ.get("VANBAN_CHROMIUM", "/usr/bin/chromium")
_REDRAW = """() => new Promise(done => {
    const n = window.vanban.network, t = performance.now();
    n.once('afterDrawing', () => done(performance.now() - t));
    n.redraw();
})"""


def _open(browser, path: Path, timeout_ms: float = 180_000):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    url = path.resolve().as_uri()
    outside: list[str] = []
    errors: list[str] = []
    context.route("**/*", lambda r: r.continue_() if r.request.url == url
                  else (outside.append(r.request.url), r.abort()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, timeout=timeout_ms)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=timeout_ms)
    return context, page, outside, errors


def measure(browser, n_nodes: int, runs: int, folder: Path) -> dict:
    """One row of the table: sizes and times (medians over ``runs`` page loads)."""
    graph = synthetic_graph(n_nodes, seed=1)
    started = time.perf_counter()
    path = write_html(graph, folder / f"graph-{n_nodes}.html")
    write_s = time.perf_counter() - started
    interactive, select, redraw = [], [], []
    symbol = graph.nodes[sorted(n for n in graph if str(n).startswith("doc:"))[-1]]["symbol"]
    for _ in range(runs):
        context, page, outside, errors = _open(browser, path)
        if outside or errors:
            raise SystemExit(f"{n_nodes} nodes: requests {outside[:3]} errors {errors[:3]}")
        interactive.append(page.evaluate("window.vanban.readyAt") / 1000)
        t = time.perf_counter()
        page.fill("#search", symbol)
        page.press("#search", "Enter")
        page.wait_for_selector(f"#panel h2:text-is('{symbol}')")
        select.append(time.perf_counter() - t)
        page.wait_for_selector("body:not([data-moving])", state="attached", timeout=60_000)
        redraw.append(page.evaluate(_REDRAW) / 1000)
        context.close()
    return {
        "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
        "mode": "precomputed layout" if n_nodes > LARGE_GRAPH else "physics, then off",
        "html_mb": path.stat().st_size / 1e6, "write_s": write_s,
        "interactive_s": statistics.median(interactive), "select_s": statistics.median(select),
        "redraw_s": statistics.median(redraw),
    }


def table(rows: list[dict]) -> str:
    lines = ["| nodes | edges | drawing | HTML (MB) | write page (s) | interactive (s) "
             "| search → panel (s) | full redraw (s) |",
             "|---:|---:|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['nodes']:,} | {r['edges']:,} | {r['mode']} | {r['html_mb']:.1f} "
                     f"| {r['write_s']:.2f} | {r['interactive_s']:.1f} | {r['select_s']:.2f} "
                     f"| {r['redraw_s']:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--runs", type=int, default=1, help="page loads per size (median)")
    parser.add_argument("--keep", metavar="DIR", help="keep the pages in DIR")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"html_bench: no Chromium at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for size in args.sizes:
            rows.append(measure(browser, size, args.runs, folder))
            print(f"{size} nodes done", file=sys.stderr)
        browser.close()
    print(f"headless Chromium, {os.cpu_count()} CPUs\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
