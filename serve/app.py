"""The web application: search, a page per node at its URI's path, the graph view, ``/sparql``.

Built on Starlette (ASGI) and run by uvicorn (see docs/serve.md for why, with numbers). Every
page is rendered by Jinja2 with autoescaping; the page scripts write text only with
``textContent``. Each response carries a Content-Security-Policy that allows the server's
own scripts, styles and requests and nothing else, and every asset (vis-network included)
is served from the package, so a page makes no request to any other host. Requests whose
``Host`` is not the server's own are refused (a page elsewhere cannot reach it by DNS
rebinding). Everything is read-only; the canned questions run with a timeout, and SPARQL
queries in worker processes that are stopped when they run out of time.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vanban.errors import QueryError, VanbanError
from vanban.queries.ask import ask
from vanban.queries.backend import Backend
from vanban.queries.sparql import refusal
from vanban.queries.spec import QUESTIONS
from vanban.serve import static
from vanban.serve.catalog import Catalog
from vanban.serve.neighbours import HUB, MAX_LIMIT, expand
from vanban.serve.sparql import FORMATS, Choice, negotiate
from vanban.serve.sparql_worker import QueryTimeout, SparqlWorkers
from vanban.serve.views import LIST_LIMIT, node_view, reading_view
from vanban.visualize.page import script_json
from vanban.visualize.style import EDGE_STYLES, NODE_STYLES

__all__ = ["CSP", "AppState", "SparqlService", "create_app"]

HERE = Path(__file__).parent
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
T = TypeVar("T")


@dataclass
class SparqlService:
    """The SPARQL endpoint's state: ``building`` (the store is being written), ``ready``, ``off``
    or ``failed``, and its workers once ready."""

    state: str = "off"
    reason: str = ""
    triples: int = 0
    workers: SparqlWorkers | None = None
    folder: Path | None = None  # where its store is, removed when the server stops

    def close(self) -> None:
        if self.workers is not None:
            self.workers.close()


@dataclass
class AppState:
    """What the application serves: the catalog, the back end of the canned questions, SPARQL."""

    catalog: Catalog
    backend: Backend
    title: str = "vanban"
    timeout: float = 10.0
    sparql: SparqlService = field(default_factory=SparqlService)
    most_cited: list[dict[str, Any]] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)


class SecurityHeaders:
    """Adds the Content-Security-Policy and the other safety headers to every response, and a
    ``Server-Timing`` header: the time the application took (benchmarks tell it from queueing)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        began = time.perf_counter()

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = f"app;dur={1000 * (time.perf_counter() - began):.2f}".encode()
                message["headers"] = [*message.get("headers", []), *_HEADERS, (b"server-timing", took)]
            await send(message)

        await self.app(scope, receive, with_headers)


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = lambda n: f"{n:,}"
    env.filters["json_script"] = script_json
    return env


def create_app(state: AppState, allowed_hosts: list[str] | None = None) -> Starlette:
    """The ASGI application over ``state``; ``allowed_hosts`` are the Host names accepted."""
    env = _templates()
    catalog = state.catalog
    prefix = catalog.uris.prefix

    def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
        body = env.get_template(template).render(
            state=state,
            prefix=prefix,
            counts=catalog.counts,
            node_styles=NODE_STYLES,
            edge_styles=EDGE_STYLES,
            **context,
        )
        return HTMLResponse(body, status_code=status)

    def problem(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=status)
        return page("error.html", status=status, message=message, code=status)

    async def timed(call: Callable[[], T]) -> T:
        return await asyncio.wait_for(run_in_threadpool(call), state.timeout)

    async def home(request: Request) -> Response:
        return page("home.html", most_cited=state.most_cited)

    async def search_page(request: Request) -> Response:
        query = request.query_params.get("q", "").strip()
        if query.strip("<>").startswith(catalog.uris.base):  # a URI pasted in the box
            return await by_uri(request, query.strip("<>"))
        hits = [{**h.__dict__, "url": catalog.uris.path(h.id)} for h in catalog.index.search(query, 50)]
        return page("search.html", query=query, hits=hits)

    async def api_search(request: Request) -> Response:
        query = request.query_params.get("q", "")
        limit = _int(request, "limit", 20, 1, 100)
        hits = catalog.index.search(query, limit)
        return JSONResponse(
            {"query": query, "hits": [{**h.__dict__, "url": catalog.uris.path(h.id)} for h in hits]}
        )

    async def api_expand(request: Request) -> Response:
        node = request.query_params.get("id", "")
        only = None
        if request.query_params.get("type") and request.query_params.get("direction"):
            only = (request.query_params["type"], request.query_params["direction"])
        limit, offset = _int(request, "limit", 25, 1, MAX_LIMIT), _int(request, "offset", 0, 0, 10**9)
        try:
            if node in catalog.graph and len(catalog.graph.succ[node]) + len(catalog.graph.pred[node]) > HUB:
                # a hub takes a while: in a thread, so the loop keeps answering the others meanwhile
                view = await run_in_threadpool(lambda: expand(catalog, node, limit, offset, only))
            else:
                view = expand(catalog, node, limit, offset, only)
        except QueryError as error:
            return JSONResponse({"error": str(error)}, status_code=404)
        return JSONResponse(view)

    async def api_ask(request: Request) -> Response:
        name = request.path_params["question"]
        if name not in QUESTIONS:
            return JSONResponse(
                {"error": f"no question {name!r}; one of {', '.join(QUESTIONS)}"}, status_code=404
            )
        subject = request.query_params.get("subject")
        transitive = request.query_params.get("transitive") in ("1", "true", "yes")
        flag = transitive if "transitive" in request.query_params else None
        try:
            rows = await timed(lambda: ask(state.backend, name, subject, transitive=flag))
        except TimeoutError:
            return JSONResponse(
                {"error": f"the question took longer than {state.timeout:g} s"}, status_code=504
            )
        except VanbanError as error:
            return JSONResponse({"error": str(error)}, status_code=400)
        return JSONResponse({"question": name, "backend": state.backend.name, "records": rows})

    async def by_id(request: Request) -> Response:
        node = request.query_params.get("id", "")
        if node not in catalog.graph:
            return problem(request, 404, f"no node {node!r} in the graph")
        return RedirectResponse(catalog.uris.path(node), status_code=303)

    async def by_uri(request: Request, uri: str | None = None) -> Response:
        uri = uri if uri is not None else request.query_params.get("u", "")
        node = catalog.uris.node_of_uri(uri)
        if node is not None:
            return RedirectResponse(catalog.uris.path(node), status_code=303)
        relative = uri[len(catalog.uris.base) :] if uri.startswith(catalog.uris.base) else ""
        if relative.startswith(("source/", "reading/")):
            return RedirectResponse(prefix + relative, status_code=303)
        return problem(
            request, 404, f"no node has the URI {uri!r} (this server's URIs start with {catalog.uris.base})"
        )

    async def node_page(request: Request) -> Response:
        raw = request.scope.get("raw_path") or request.url.path.encode()
        relative = raw.decode("latin-1").split("?")[0][len(prefix) :]
        if relative.startswith("source/"):
            return await source_page(request, relative[len("source/") :])
        if relative.startswith("reading/"):
            return await reading_page(request, relative[len("reading/") :])
        node = catalog.uris.node(relative)
        if node is None:
            return problem(request, 404, "no node at this address")
        transitive = request.query_params.get("transitive") in ("1", "true", "yes")
        try:
            view = await timed(lambda: node_view(catalog, state.backend, node, transitive))
        except TimeoutError:
            return problem(request, 504, f"the page's questions took longer than {state.timeout:g} s")
        except VanbanError as error:
            return problem(request, 502, str(error))
        if _wants_json(request):
            return JSONResponse(view)
        return page(f"{view['kind'].lower()}.html", view=view, limit=LIST_LIMIT)

    async def source_page(request: Request, encoded: str) -> Response:
        name = unquote(encoded)
        documents = catalog.by_source.get(name)
        if documents is None:
            return problem(request, 404, f"no source file {name!r}")
        return page(
            "source.html",
            name=name,
            uri=catalog.uris.minter.source_file(name),
            documents=[catalog.summary(d) for d in sorted(documents)],
        )

    async def reading_page(request: Request, digest: str) -> Response:
        service = state.sparql
        if service.state != "ready" or service.workers is None:
            return problem(
                request,
                503,
                "readings are looked up in the SPARQL store, which is "
                f"{service.state}{': ' + service.reason if service.reason else ''}",
            )
        uri = catalog.uris.base + "reading/" + digest
        if not all(c.isalnum() for c in digest):
            return problem(request, 404, "no such reading")
        text = (
            "SELECT ?s ?o ?key WHERE { <"
            + uri
            + "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;"
            " <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o ;"
            " <https://w3id.org/vanban/ns#edgeKey> ?key }"
        )
        workers = service.workers
        try:
            answer = await run_in_threadpool(lambda: workers.query(text, "JSON", None))
        except QueryError as error:
            return problem(request, 504 if isinstance(error, QueryTimeout) else 502, str(error))
        rows = json.loads(answer.body)["results"]["bindings"]
        if not rows:
            return problem(request, 404, "no such reading")
        u = catalog.uris.node_of_uri(rows[0]["s"]["value"])
        v = catalog.uris.node_of_uri(rows[0]["o"]["value"])
        key = rows[0]["key"]["value"]
        data = catalog.graph.get_edge_data(
            u, v, key if key in (catalog.graph.get_edge_data(u, v) or {}) else _int_key(key)
        )
        if data is None or u is None or v is None:
            return problem(request, 404, "the reading names a relation this graph does not hold")
        return page("reading.html", view=reading_view(catalog, u, v, data, uri))

    async def graph_page(request: Request) -> Response:
        node = request.query_params.get("id", "")
        if node and node not in catalog.graph:
            return problem(request, 404, f"no node {node!r} in the graph")
        styles = {"nodes": NODE_STYLES, "edges": EDGE_STYLES}
        return page("graph.html", start=catalog.summary(node) if node else None, styles=styles)

    async def sparql(request: Request) -> Response:
        params = dict(request.query_params)
        default_graphs = request.query_params.getlist("default-graph-uri")
        named_graphs = request.query_params.getlist("named-graph-uri")
        body_query = None
        if request.method == "POST":
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media == "application/x-www-form-urlencoded":
                fields = parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)
                params.update(fields)
                default_graphs += [v for k, v in fields if k == "default-graph-uri"]
                named_graphs += [v for k, v in fields if k == "named-graph-uri"]
            elif media == "application/sparql-query":
                body_query = (await request.body()).decode("utf-8", "replace")
            elif media == "application/sparql-update":
                return _sparql_error(403, "SPARQL Update is refused: this endpoint is read-only")
            else:
                return _sparql_error(
                    415,
                    f"POST a form (application/x-www-form-urlencoded) or a query "
                    f"(application/sparql-query), not {media or 'no content type'}",
                )
        if "update" in params:
            return _sparql_error(403, "SPARQL Update is refused: this endpoint is read-only")
        query = body_query if body_query is not None else params.get("query")
        html = params.get("format") == "html" or (
            query is None and "text/html" in request.headers.get("accept", "")
        )
        if query is None:
            if html:
                return page("sparql.html", query=_EXAMPLE_QUERY, result=None, error=None)
            return _sparql_error(400, "no query: pass query=… (SPARQL 1.1 protocol)")
        chosen = (
            Choice(FORMATS["json"], FORMATS["turtle"])
            if html
            else negotiate(request.headers.get("accept"), params.get("format"))
        )
        if chosen.results is None and chosen.graph is None:
            return _sparql_error(
                406,
                "no result format in Accept that this endpoint writes: "
                + ", ".join(f.media_type for f in FORMATS.values()),
            )
        status, answer, kind = await _run_sparql(
            state, query, chosen, tuple(default_graphs), tuple(named_graphs)
        )
        if html:
            result, error = (
                (_table(answer), None)
                if status == 200 and kind != "graph"
                else (
                    None,
                    answer.decode() if status != 200 else "a graph result: ask with Accept text/turtle",
                )
            )
            return page("sparql.html", status=status, query=query, result=result, error=error)
        if status != 200:
            return _sparql_error(status, answer.decode())
        used = chosen.graph if kind == "graph" else chosen.results
        assert used is not None
        return Response(
            answer, media_type=used.media_type + ("" if "xml" in used.name else "; charset=utf-8")
        )

    async def health(request: Request) -> Response:
        return JSONResponse(
            {"nodes": catalog.counts.nodes, "sparql": state.sparql.state, "backend": state.backend.name}
        )

    routes = [
        Route("/", home),
        Route("/search", search_page),
        Route("/graph", graph_page),
        Route("/node", by_id),
        Route("/uri", by_uri),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/api/search", api_search),
        Route("/api/expand", api_expand),
        Route("/api/ask/{question}", api_ask),
        Route("/healthz", health),
        Route("/static/{name}", static.serve),
        Route(prefix.rstrip("/") + "/{rest:path}", node_page),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    app = Starlette(routes=routes, middleware=middleware)
    app.state.vanban = state
    return app


_EXAMPLE_QUERY = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?document ?symbol (COUNT(DISTINCT ?citing) AS ?cited_by) WHERE {
  ?citing eli:cites|eli:ensures_implementation_of ?doc .
  ?doc dcterms:identifier ?document ; eli:number ?symbol .
}
GROUP BY ?document ?symbol
ORDER BY DESC(?cited_by)
LIMIT 10"""


async def _run_sparql(
    state: AppState,
    query: str,
    chosen: Choice,
    default_graphs: tuple[str, ...],
    named_graphs: tuple[str, ...],
) -> tuple[int, bytes, str]:
    """(HTTP status, body, result kind) of a query."""
    reason = refusal(query)
    if reason:
        return 403, reason.encode(), ""
    service = state.sparql
    if service.state != "ready" or service.workers is None:
        detail = f": {service.reason}" if service.reason else ""
        return 503, f"the SPARQL store is {service.state}{detail}".encode(), ""
    workers = service.workers
    results = chosen.results.results if chosen.results else None
    graph = chosen.graph.graph if chosen.graph else None
    try:
        answer = await run_in_threadpool(
            lambda: workers.query(query, results, graph, default_graphs, named_graphs)
        )
    except QueryTimeout as error:
        return 504, str(error).encode(), ""
    except QueryError as error:
        status = 406 if "needs" in str(error) and "format" in str(error) else 400
        return status, str(error).encode(), ""
    return 200, answer.body, answer.kind


def _sparql_error(status: int, message: str) -> Response:
    return Response(message + "\n", status_code=status, media_type="text/plain; charset=utf-8")


def _table(body: bytes) -> dict[str, Any]:
    data = json.loads(body)
    if "boolean" in data:
        return {"vars": ["result"], "rows": [[str(data["boolean"]).lower()]]}
    names = data["head"]["vars"]
    rows = [
        [(b.get(n) or {}).get("value", "") for n in names] for b in data["results"]["bindings"][:LIST_LIMIT]
    ]
    return {"vars": names, "rows": rows, "total": len(data["results"]["bindings"])}


def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(request.query_params.get(name, default))))
    except ValueError:
        return default


def _int_key(key: str) -> Any:
    return int(key) if key.lstrip("-").isdigit() else key


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept
