"""Offset maps of text views, stored as runs instead of one integer per character.

A view's offsets say, for each of its characters, where that character came from in the
original file. Normalising copies long stretches unchanged, so the map is a handful of
*runs*: from view position ``start`` on, offsets count up from ``origin`` (a copied stretch,
``step`` 1) or repeat it (``step`` 0: inserted glue, or a composed character). Building and
holding runs costs a few objects per line instead of one integer per character.

>>> builder = RunBuilder()
>>> builder.add_range(0, 3)      # "abc" copied from offsets 0..2
>>> builder.add_repeated(3, 2)   # two characters standing for the one at offset 3
>>> builder.add_range(5, 2)      # offsets 5, 6
>>> offsets = builder.build(7)   # the end of the source
>>> list(offsets), len(offsets), offsets[-1]
([0, 1, 2, 3, 3, 5, 6, 7], 8, 7)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import overload

__all__ = ["RunBuilder", "RunOffsets"]


class RunOffsets(Sequence[int]):
    """An immutable sequence of offsets made of runs (see the module's docstring)."""

    __slots__ = ("_length", "_origins", "_starts", "_steps")

    def __init__(self, starts: list[int], origins: list[int], steps: list[int], length: int) -> None:
        self._starts = starts
        self._origins = origins
        self._steps = steps
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        k = bisect_right(self._starts, index) - 1
        return self._origins[k] + (index - self._starts[k]) * self._steps[k]

    def __iter__(self) -> Iterator[int]:
        bounds = [*self._starts[1:], self._length]
        for start, end, origin, step in zip(self._starts, bounds, self._origins, self._steps, strict=True):
            for i in range(end - start):
                yield origin + i * step

    def __repr__(self) -> str:
        return f"RunOffsets({list(self)!r})"


class RunBuilder:
    """Collects runs left to right; contiguous copies join the run before them."""

    __slots__ = ("_length", "_origins", "_starts", "_steps")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._origins: list[int] = []
        self._steps: list[int] = []
        self._length = 0

    def _add(self, origin: int, step: int, length: int) -> None:
        if length <= 0:
            return
        if length == 1:
            step = 1  # one position: either step describes it; 1 lets copies join it
        if step == 1 and self._steps and self._steps[-1] == 1 and (
                self._origins[-1] + self._length - self._starts[-1] == origin):
            self._length += length  # continues the run before
            return
        self._starts.append(self._length)
        self._origins.append(origin)
        self._steps.append(step)
        self._length += length

    def add_range(self, origin: int, length: int) -> None:
        """``length`` positions with offsets ``origin``, ``origin + 1``, …"""
        self._add(origin, 1, length)

    def add_repeated(self, origin: int, length: int) -> None:
        """``length`` positions that all have offset ``origin``."""
        self._add(origin, 0, length)

    def add_from(self, offsets: Sequence[int], start: int, end: int) -> None:
        """The offsets ``offsets[start:end]`` of another view."""
        if isinstance(offsets, RunOffsets):  # the runs covering start to end
            starts, origins, steps = offsets._starts, offsets._origins, offsets._steps
            k = bisect_right(starts, start) - 1
            last = len(starts) - 1
            while start < end:
                length = min(end, starts[k + 1] if k < last else offsets._length) - start
                self._add(origins[k] + (start - starts[k]) * steps[k], steps[k], length)
                start += length
                k += 1
        elif isinstance(offsets, range) and offsets.step == 1:
            if end > start:
                self._add(offsets[start], 1, end - start)
        else:
            for i in range(start, end):
                self._add(offsets[i], 1, 1)

    def build(self, end: int) -> RunOffsets:
        """The offsets collected, followed by ``end`` (the end of the source)."""
        self._add(end, 1, 1)
        return RunOffsets(self._starts, self._origins, self._steps, self._length)
