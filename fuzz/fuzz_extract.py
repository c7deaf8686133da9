"""Coverage-guided fuzzing of the loaders with atheris (libFuzzer for Python).

Each input is either raw file bytes (read as a file of a name the input picks: .txt, .md,
.docx or .pdf, so the format sniffing, encoding detection, DOCX and PDF readers are all
reached) or text handed straight to the extractor. Any exception other than a
:class:`~vanban.errors.VanbanError` is a crash; an input running longer than libFuzzer's
``-timeout`` is reported as a timeout (catastrophic regex backtracking, quadratic loops).

Run it (see fuzz/README.md for the corpus and what a run found)::

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzz/fuzz_extract.py -max_total_time=600 -timeout=20 -max_len=20000 \\
        -dict=fuzz/vanban.dict -artifact_prefix=out/fuzz- out/fuzz-corpus samples
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["vanban"]):
    from vanban.errors import VanbanError
    from vanban.loaders.extract import extract_text
    from vanban.loaders.files import file_text
    from vanban.loaders.text import flow_view

NAMES = ("in.txt", "in.md", "in.docx", "in.pdf")
MAX_BYTES = 1 << 20  # keep each run short; the size limit itself is tested by the test suite


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    mode = provider.ConsumeIntInRange(0, 5)
    try:
        if mode < len(NAMES):
            read = file_text(provider.ConsumeBytes(len(data)), NAMES[mode], max_bytes=MAX_BYTES)
            text = read.text
        else:
            text = provider.ConsumeUnicodeNoSurrogates(len(data))
        view = flow_view(text)
        if len(view.offsets) != len(view.text) + 1 or view.offsets[-1] != len(text):
            raise AssertionError("flow view offsets do not cover the text")
        facts = extract_text(text, "in.txt")
        for document in facts.documents:
            start, end = document.span
            if not 0 <= start <= end <= len(text):
                raise AssertionError(f"document span {document.span} outside a text of {len(text)}")
    except VanbanError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
