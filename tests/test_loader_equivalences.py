"""Faster forms of the loaders' building blocks read exactly what the plain forms read.

* an alternation grouped by first letter (:func:`patterns.by_first_letter`) finds the same
  matches, with the same groups, as the plain alternation of the same forms in the same order;
* :func:`segment.view_lines` gives the lines a regular expression for "a line from its first to
  its last character that is not white space" finds, on every kind of white space;
* :func:`memo.remember_short` answers as the function does, and works out long texts anew.
"""

from __future__ import annotations

import random
import re

import pytest

from vanban.loaders import patterns
from vanban.loaders.lexicon import capacities, doc_types, page_metadata_labels, titles
from vanban.loaders.memo import remember_short
from vanban.loaders.segment import view_lines
from vanban.loaders.text import TextView

WORD_LISTS = {
    "doc types": [t.name for t in doc_types()],
    "titles": [t.title for t in titles()],
    "capacities": list(capacities()),
    "labels": [label.lower() for label in page_metadata_labels()],
    "shared heads": ["Ban", "Ban Chỉ đạo", "Bộ", "Bộ trưởng", "B", "Sở", "Sở Tài chính", "số"],
}


def _random_text(rng: random.Random, words: list[str], size: int) -> str:
    """Words of the list, pieces of them and noise, run together or apart."""
    pieces = []
    for _ in range(size):
        word = rng.choice(words)
        kind = rng.random()
        if kind < 0.3:
            word = word[: rng.randint(0, len(word))]
        elif kind < 0.4:
            word = word.upper()
        pieces.append(word)
        pieces.append(rng.choice([" ", "", ", ", "\n", "x", ". "]))
    return "".join(pieces)


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
@pytest.mark.parametrize("case", ["as written", "upper", "lower", "initial"])
def test_grouped_alternation_finds_what_the_plain_one_finds(name: str, case: str) -> None:
    words = WORD_LISTS[name]
    grouped = re.compile(f"(?P<w>{patterns.alternation(words, case)})(?P<after>\\s*\\w*)")
    forms = patterns.alternation(words, case)
    # the plain alternation of the same forms, in the same order
    plain_forms = _plain(forms)
    plain = re.compile(f"(?P<w>{plain_forms})(?P<after>\\s*\\w*)")
    assert grouped.pattern != plain.pattern  # the grouping is there to test
    rng = random.Random(f"{name}/{case}")
    for _ in range(40):
        text = _random_text(rng, words, 30)
        assert [(m.span(), m.groupdict()) for m in grouped.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)]


def _plain(grouped: str) -> str:
    """The plain alternation a :func:`patterns.by_first_letter` pattern groups (its branches
    written out again)."""
    inner = grouped[3:-1]
    out = []
    for branch in _top_level(inner):
        head = re.match(r"\\.|\[[^\]]*\]|.", branch, re.DOTALL)
        assert head is not None
        rest = branch[head.end():]
        if rest.startswith("(?:") and rest.endswith(")") and _top_level(rest[3:-1]) != [rest[3:-1]]:
            out += [head.group() + r for r in _top_level(rest[3:-1])]
        else:
            out.append(branch)
    return "(?:" + "|".join(out) + ")"


def _top_level(alternation: str) -> list[str]:
    """The branches of an alternation, split at its unescaped, unnested "|"."""
    branches, depth, current, i = [], 0, "", 0
    while i < len(alternation):
        c = alternation[i]
        if c == "\\":
            current += alternation[i : i + 2]
            i += 2
            continue
        depth += c == "("
        depth -= c == ")"
        if c == "|" and depth == 0:
            branches.append(current)
            current = ""
        else:
            current += c
        i += 1
    return [*branches, current]


def test_grouping_keeps_the_order_of_forms_sharing_a_letter() -> None:
    assert patterns.by_first_letter(["BAN", "SỞ", "BỘ", r"\.X"]) == r"(?:B(?:AN|Ộ)|SỞ|\.X)"
    # longest first within the group, so the longer name wins where both fit
    found = re.findall(patterns.alternation(["Ban", "Ban Chỉ đạo"]), "Ban Chỉ đạo tỉnh, Ban")
    assert found == ["Ban Chỉ đạo", "Ban"]


_STRIPPED_LINE = re.compile(r"\S(?:[^\n]*\S)?")
WHITESPACE = " \t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"


def test_view_lines_are_the_stripped_lines_on_every_white_space() -> None:
    rng = random.Random(7)
    alphabet = WHITESPACE + "\n\nab Đ|"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        view = TextView(text, range(len(text) + 1))
        expected = [(m.group(), m.start(), m.end()) for m in _STRIPPED_LINE.finditer(text)]
        assert [tuple(line) for line in view_lines(view)] == expected, repr(text)


def test_remembered_answers_are_the_functions_and_long_texts_are_worked_out_again() -> None:
    calls: list[str] = []

    @remember_short(10)
    def words(text: str, upper: bool = False) -> tuple[str, ...]:
        calls.append(text)
        return tuple((text.upper() if upper else text).split())

    assert words("ban ngành") == ("ban", "ngành") == words("ban ngành")
    assert words("ban ngành", True) == ("BAN", "NGÀNH")
    long = "các sở, ban, ngành"
    assert words(long) == words(long) == ("các", "sở,", "ban,", "ngành")
    assert calls == ["ban ngành", "ban ngành", long, long]
