"""The files inlined into the page: vis-network as shipped inside pyvis, and the page's own JS/CSS.

Nothing is fetched at build time or at view time. vis-network's stylesheet is trimmed of
the navigation and editing button rules (large embedded images the page never shows).

>>> "vis.Network" in page_script() and "vis-tooltip" in vis_css()
True
>>> len(vis_css()) < 30_000
True
"""

from __future__ import annotations

import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from vanban.errors import VanbanError

__all__ = ["VIS_VERSION", "page_script", "page_style", "page_template", "vis_css", "vis_js"]

VIS_VERSION = "9.1.2"
HERE = Path(__file__).parent
_RULE = re.compile(r"[^{}]+\{[^{}]*\}")
_UNUSED_RULE = re.compile(r"vis-(navigation|manipulation|edit-mode|close|configuration|color-picker)")


def _read(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise VanbanError(f"{path}: cannot read a page asset ({error.strerror})") from error
    if "</script" in text.lower() or "<!--" in text:
        raise VanbanError(f"{path}: cannot be inlined in a <script> or <style> element")
    return text


@cache
def _vis_dir() -> Path:
    """Where the pyvis package keeps vis-network: found without importing pyvis, which would
    load IPython for nothing."""
    spec = find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise VanbanError("pyvis is not installed: it ships the vis-network script the page inlines")
    return Path(spec.origin).parent / "templates" / "lib" / f"vis-{VIS_VERSION}"


@cache
def vis_js() -> str:
    """vis-network's standalone build, from the pyvis package."""
    return _read(_vis_dir() / "vis-network.min.js")


@cache
def vis_css() -> str:
    """vis-network's stylesheet, without the rules for controls the page does not use."""
    css = _read(_vis_dir() / "vis-network.css")
    return "\n".join(rule.strip() for rule in _RULE.findall(css) if not _UNUSED_RULE.search(rule))


@cache
def page_script() -> str:
    return _read(HERE / "page.js")


@cache
def page_style() -> str:
    return _read(HERE / "page.css")


@cache
def page_template() -> str:
    return (HERE / "page.html").read_text(encoding="utf-8")
