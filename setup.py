"""The extractor compiled to C with mypyc, for installs that are not editable.

Everything else about the package is in pyproject.toml. A regular install (``pip install .``,
a wheel) compiles the modules of ``vanban.loaders`` that read a document's text (listed by
:func:`compiled_modules`); their Python sources are installed beside the compiled ones, which
Python prefers. An editable install (``pip install -e .``) stays pure Python, so that an edit
takes effect at once. ``VANBAN_PURE_PYTHON=1`` skips compiling; so does a machine without a C
compiler (with one line that says so). Either way the facts extracted are the same
(``tests/test_compiled_build.py``).

mypyc names a module after its folders, and the loaders live in ``loaders/`` but install as
``vanban.loaders``: the sources are compiled from a tree of links laid out as the package (as
``scripts/typecheck`` lays them out for mypy), and mypyc checks them with the settings of
``[tool.mypy]``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
TREE = Path("build") / "mypyc-tree"
# Modules of loaders/ left in Python: they read files (formats, encodings, PDF, DOCX, HTML),
# through libraries without type information, and cost little next to extraction.
FILE_READERS = frozenset({"__init__", "docx_reader", "encodings", "files", "folders", "formats",
                          "html_reader", "pdf_reader"})
# The commands that build the package's files: a wheel, a build, a plain install.
BUILDING = frozenset({"bdist_wheel", "build", "build_ext", "install"})
PACKAGE_FOLDERS = {"graph": "graph", "loaders": "loaders", "queries": "queries", "visualize": "visualize",
                   "serve": "serve"}


def compiled_modules() -> list[str]:
    """The modules of ``loaders/`` compiled: all but the file readers."""
    return sorted(p.stem for p in (ROOT / "loaders").glob("*.py") if p.stem not in FILE_READERS)


def _lay_out_tree() -> Path:
    """Links to the sources laid out as the installed package: ``TREE/vanban/loaders/…``."""
    package = TREE / "vanban"
    shutil.rmtree(package, ignore_errors=True)
    package.mkdir(parents=True)
    for source in (ROOT / "vanban").glob("*.py"):
        (package / source.name).symlink_to(source)
    for name, folder in PACKAGE_FOLDERS.items():
        (package / name).symlink_to(ROOT / folder, target_is_directory=True)
    return package


def _extensions() -> list[Extension]:
    """The compiled modules, for the commands that build them (not metadata, sdist or editable)."""
    if os.environ.get("VANBAN_PURE_PYTHON") == "1" or not BUILDING & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify

        package = _lay_out_tree()
        paths = [str(package / "loaders" / f"{module}.py") for module in compiled_modules()]
        # The shared library is a top-level module named after the package: vanban__mypyc.
        return mypycify(paths, opt_level="3", target_dir=str(TREE / "c"), group_name="vanban")
    except (Exception, SystemExit) as error:  # no mypyc, or it refuses the sources
        print(f"vanban: the extractor cannot be compiled ({error}); it installs as pure Python")
        return []


class BuildExtensions(build_ext):
    """Compile the extractor; where that fails (no C compiler), install it as pure Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no C compiler, or one that fails: install pure Python
            for extension in self.extensions:
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
            self.extensions = []
            print(f"vanban: compiling the extractor failed ({type(error).__name__}; the compiler said why"
                  " above): it installs as pure Python")


setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildExtensions})
