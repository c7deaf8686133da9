"""The server's own assets, and vis-network as shipped inside pyvis: nothing comes from elsewhere.

>>> sorted(ASSETS)[:3]
['app.css', 'graph.js', 'search.js']
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from vanban.visualize import assets

__all__ = ["ASSETS", "asset", "serve"]

HERE = Path(__file__).parent / "static"
_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
ASSETS: dict[str, tuple[str, str]] = {
    **{path.name: (path.suffix, "own") for path in sorted(HERE.glob("*")) if path.suffix in _TYPES},
    "vis-network.min.js": (".js", "vis"),
    "vis-network.css": (".css", "vis"),
}


@cache
def asset(name: str) -> bytes:
    """The bytes of one asset (read once)."""
    suffix, origin = ASSETS[name]
    if origin == "vis":
        return (assets.vis_js() if suffix == ".js" else assets.vis_css()).encode("utf-8")
    return (HERE / name).read_bytes()


async def serve(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in ASSETS:
        return PlainTextResponse("no such asset\n", status_code=404)
    return Response(
        asset(name), media_type=_TYPES[ASSETS[name][0]], headers={"cache-control": "public, max-age=3600"}
    )
