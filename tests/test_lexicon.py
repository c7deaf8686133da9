"""The rule knowledge of the loaders is defined once: in the tables of ``loaders/data``.

Every rule reads its office titles, committees, organ words, levels, document types, mottos,
capacities and ranks from :mod:`vanban.loaders.lexicon` (through :mod:`vanban.loaders.patterns`):
no rule module writes one of them in a string of its own, so a form added to a table reaches
the signature, task, recipient and header rules alike.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from vanban.loaders import lexicon, patterns
from vanban.loaders.text import fold

LOADERS = Path(lexicon.__file__).parent
# The modules that hold the knowledge (read the tables, build the patterns), and the readers of
# file formats, whose strings are markup and encodings.
KEEPERS = {"lexicon.py", "patterns.py"}
READERS = {"encodings.py", "docx_reader.py", "pdf_reader.py", "html_reader.py", "formats.py", "files.py"}


def _knowledge() -> dict[str, list[str]]:
    """Entries of the tables that no rule module may write itself (words of one syllable,
    such as "Bộ" or "Ban", are left out: rules build names and patterns around them)."""
    types = [form for t in lexicon.doc_types() for form in (t.name, *t.forms)]
    return {
        "office titles": [t.title for t in lexicon.titles() if " " in t.title],
        "committees": [c.name for c in lexicon.committees()],
        "organ words": [w.word for w in lexicon.organ_words() if " " in w.word],
        "levels": [lv.name for lv in lexicon.levels() if " " in lv.name],
        "document types": [t for t in types if " " in t],
        "mottos": list(lexicon.mottos()),
        "capacities": [m for m in lexicon.capacities() if "/" in m],
        "ranks": [r for r in lexicon.ranks() if " " in r],
    }


def _strings(path: Path) -> list[tuple[range, str]]:
    """(lines, text) of the string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [(range(node.lineno, (node.end_lineno or node.lineno) + 1), node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


RULE_MODULES = sorted(p for p in LOADERS.glob("*.py") if p.name not in KEEPERS | READERS | {"__init__.py"})


@pytest.mark.parametrize("kind", sorted(_knowledge()))
def test_each_piece_of_rule_knowledge_is_defined_once(kind: str) -> None:
    """No rule module lists entries of a table itself: a string holding two entries of one
    table (an alternation "Bộ trưởng|Chủ tịch", a tuple written out) is a second list. Using
    one entry (a default type, a word in a sentence) is not, nor a line that names one body
    whose name holds two entries, marked so ("one name, not a list")."""
    entries = _knowledge()[kind]
    assert entries, f"no {kind} in the tables"
    found = []
    for module in RULE_MODULES:
        waived = {n for n, source in enumerate(module.read_text(encoding="utf-8").splitlines(), 1)
                  if "one name, not a list" in source}
        for lines, text in _strings(module):
            if waived.intersection(lines):
                continue
            text = text.replace("\\s+", " ").replace("\\ ", " ")
            # Type names are also common words in lower case ("hướng dẫn", "quy định"): as written.
            key = (lambda t: t) if kind == "document types" else fold
            listed = sorted({entry for entry in entries
                             if re.search(rf"(?<![\w]){re.escape(key(entry))}(?![\w])", key(text))})
            listed = [a for a in listed if not any(a != b and fold(a) in fold(b) for b in listed)]
            if len(listed) > 1:
                found.append(f"{module.name}:{lines.start}: {listed}")
    assert not found, f"{kind} listed in a rule module instead of read from loaders/data:\n" + "\n".join(found)


def test_every_office_title_the_rules_use_comes_from_the_one_table() -> None:
    """The signature, task and recipient rules recognise exactly the table's titles."""
    from vanban.loaders.recipients import head_title
    from vanban.loaders.signatures import TITLE_HEADS
    from vanban.loaders.tasks import _office_holder

    for title in lexicon.titles():
        if title.signs:
            assert TITLE_HEADS.search(title.title.upper()), title.title
        if title.alone:
            assert head_title(title.title) is not None, title.title
        assert _office_holder(f"{title.title} Sở Tài chính tỉnh X") != f"{title.title} Sở Tài chính tỉnh X", title


@pytest.mark.parametrize("table", ["doc_types.tsv", "organ_words.tsv", "committees.tsv", "levels.tsv", "titles.tsv",
                                   "capacities.tsv", "issuer_codes.tsv", "organs.tsv"])
def test_no_entry_is_listed_twice(table: str) -> None:
    rows = lexicon._rows(table)
    key = next(iter(rows[0]))
    names = [row[key].lower() for row in rows]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]


def test_a_form_added_to_a_table_reaches_every_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """The patterns are built from the tables: a new level word is a level everywhere."""
    assert re.fullmatch(patterns.LEVEL, "đặc khu")  # added in 2025 to the administrative levels
    assert re.fullmatch(patterns.PROVINCE_OR_DISTRICT, "thị xã")
    assert patterns.committee_of_level("thị xã") == "Thị ủy"
