"""A package's exported names, each imported from its module when first read (PEP 562).

A package ``__init__`` that imports every module it re-exports makes importing any one of its
parts load them all: the command line would load the extraction pipeline, rdflib, the Neo4j
driver and the page renderer before it could print ``--help``. A package that sets
``__getattr__ = lazy_exports(…)`` loads each module when one of its names is first used.

>>> exports = lazy_exports("vanban.example", {"vanban.graph.keys": ("fold",)})
>>> exports("fold")("Đảng")
'dang'
>>> exports("missing")
Traceback (most recent call last):
AttributeError: module 'vanban.example' has no attribute 'missing'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping

__all__ = ["lazy_exports"]


def lazy_exports(package: str, names: Mapping[str, Iterable[str]]) -> Callable[[str], object]:
    """The module ``__getattr__`` of ``package``: ``names`` maps each module to the names
    the package exports from it."""
    modules = {name: module for module, exported in names.items() for name in exported}

    def __getattr__(name: str) -> object:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    return __getattr__
