"""Remembering a pure function's answers for short texts.

Names, lists of bodies and short duties come back in document after document ("các sở, ban,
ngành", a signer's name): a rule applied to one of them is worked out once. Long texts are
worked out every time: they seldom come back, and a cache would only hold them in memory.

>>> calls = []
>>> @remember_short(5)
... def shout(text: str) -> str:
...     calls.append(text)
...     return text.upper()
>>> shout("ban"), shout("ban"), shout("ban ngành"), shout("ban ngành")
('BAN', 'BAN', 'BAN NGÀNH', 'BAN NGÀNH')
>>> calls
['ban', 'ban ngành', 'ban ngành']
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Concatenate, ParamSpec, TypeVar

__all__ = ["remember_short"]

P = ParamSpec("P")
R = TypeVar("R")


def remember_short(limit: int, maxsize: int = 8192) -> Callable[
        [Callable[Concatenate[str, P], R]], Callable[Concatenate[str, P], R]]:
    """Remember the answers of a pure function of a text (and hashable arguments after it) for
    texts of at most ``limit`` characters, the last ``maxsize`` of them. Its answers must be
    immutable: every caller is given the same one."""

    def remembering(function: Callable[Concatenate[str, P], R]) -> Callable[Concatenate[str, P], R]:
        remembered = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text: str, *args: P.args, **kwargs: P.kwargs) -> R:
            if len(text) <= limit:
                return remembered(text, *args, **kwargs)  # type: ignore[arg-type]
            return function(text, *args, **kwargs)

        return call

    return remembering
