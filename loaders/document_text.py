"""One document of a file, as the rules read it: its flow text, its lines and its evidence.

The extractor makes one :class:`DocumentText` per document it finds; the rules (issuer,
duties, recipients) read it and turn what they find into :class:`~vanban.graph.model.Evidence`
that points into the original file.

>>> from vanban.loaders.segment import Segment, view_lines
>>> from vanban.loaders.text import clean_view, join_lines
>>> clean = clean_view("KẾ HOẠCH\\nThực hiện Kết luận số 54-KL/TW.")
>>> flow = join_lines(clean)
>>> lines = view_lines(flow)
>>> doc = DocumentText.of("kh.txt", flow, lines, Segment(0, len(lines), 0, 1), clean, view_lines(clean))
>>> doc.text, doc.evidence(10, 18, "numbered-reference").span
('KẾ HOẠCH\\nThực hiện Kết luận số 54-KL/TW.', (10, 18))
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from vanban.graph.model import Evidence
from vanban.loaders.segment import Line, Segment
from vanban.loaders.text import TextView

__all__ = ["DocumentText"]


@dataclass(frozen=True)
class DocumentText:
    """A document's stretch of a file: the flow view and its lines (paragraphs joined), and
    the document's clean lines (line structure kept, for headers, signatures, recipients)."""

    source_file: str
    flow: TextView
    lines: list[Line]  # the flow lines of the whole file
    segment: Segment  # the document's range of those lines
    clean: TextView
    clean_lines: list[Line]  # the clean lines of this document only
    start: int  # where the document's text starts in the flow view
    text: str  # the document's flow text
    span: tuple[int, int]  # the document's span in the original file

    @staticmethod
    def of(source_file: str, flow: TextView, lines: list[Line], segment: Segment, clean: TextView,
           clean_lines: list[Line]) -> DocumentText:
        """The document that ``segment`` marks among a file's flow ``lines``; ``clean_lines``
        are all the file's clean lines (the document's are picked out)."""
        start, end = lines[segment.start].start, lines[segment.end - 1].end
        span = flow.span(start, end)
        return DocumentText(source_file, flow, lines, segment, clean,
                            _lines_between(clean, clean_lines, *span), start, flow.text[start:end], span)

    @cached_property
    def clean_texts(self) -> list[str]:
        """The text of each of the document's clean lines (read by several rules, made once)."""
        return [line.text for line in self.clean_lines]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    def lines_holding(self, words: tuple[str, ...], first: int, stop: int) -> list[int]:
        """The flow lines ``lines[first:stop]`` (of this document) whose text holds one of
        ``words``, in order: a search of the document's text for each, not a test of each line.

        >>> from vanban.loaders.segment import Segment, view_lines
        >>> from vanban.loaders.text import clean_view
        >>> view = clean_view("Sở A báo cáo.\\nSở B thực hiện.\\nBáo cáo kết quả.")
        >>> lines = view_lines(view)
        >>> DocumentText.of("f", view, lines, Segment(0, 3, None, 0), view, lines).lines_holding(
        ...     ("báo cáo", "Báo cáo"), 0, 3)
        [0, 2]
        """
        found: set[int] = set()
        text, starts = self.text, self._line_starts
        for word in words:
            at = text.find(word)
            while at >= 0:
                i = bisect.bisect_right(starts, self.start + at) - 1
                if first <= i < stop:
                    found.add(i)
                at = text.find(word, at + 1)
        return sorted(found)

    def evidence(self, start: int, end: int, rule: str, sentence: str | None = None) -> Evidence:
        """Evidence for ``text[start:end]`` (the sentence, unless another is given)."""
        span = self.flow.span(self.start + start, self.start + end)
        return Evidence(self.source_file, span, (sentence or self.text[start:end]).strip(), rule)

    def line_evidence(self, index: int, rule: str) -> Evidence:
        """Evidence for the flow line ``lines[index]``."""
        line = self.lines[index]
        return self.evidence(line.start - self.start, line.end - self.start, rule)

    def clean_evidence(self, index: int, rule: str) -> Evidence:
        """Evidence for the document's clean line ``clean_lines[index]``."""
        line = self.clean_lines[index]
        return Evidence(self.source_file, self.clean.span(line.start, line.end), line.text, rule)

    def relative(self, index: int) -> tuple[int, int]:
        """The flow line ``lines[index]`` as a range of ``text``."""
        line = self.lines[index]
        return line.start - self.start, line.end - self.start


def _lines_between(view: TextView, lines: list[Line], start: int, end: int) -> list[Line]:
    # Offsets never decrease along a view, so the lines can be bisected on their original start.
    lo = bisect.bisect_left(lines, start, key=lambda ln: view.offsets[ln.start])
    hi = bisect.bisect_left(lines, end, lo, key=lambda ln: view.offsets[ln.start])
    return lines[lo:hi]
