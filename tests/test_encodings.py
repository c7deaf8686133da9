"""Text encodings: every Vietnamese letter through every encoding, detection on real documents."""

from __future__ import annotations

import contextlib
import csv
import random
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pytest

from vanban.cli import summary
from vanban.errors import LoadError
from vanban.loaders.encodings import (
    ENCODINGS,
    LEGACY_EVIDENCE,
    SURE_SCORE,
    UTF8_EVIDENCE,
    decode,
    decode_as,
    encode,
    is_syllable,
    utf8_share,
    vietnamese_score,
)
from vanban.loaders.extract import extract_text
from vanban.pipeline import build_graph, read_inputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
DATA = ROOT / "loaders" / "data"

# The letters, built from their parts rather than copied from a chart: 12 vowels (a ă â e ê i
# o ô ơ u ư y) in 6 tone forms (none, huyền, sắc, hỏi, ngã, nặng) make 72 vowel forms, of which
# the 6 toneless plain vowels are ASCII; with đ that is 72 - 6 + 1 = 67 lowercase letters
# beyond ASCII, and their 67 capitals: 134.
VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
LOWER = sorted({unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES} - set("aeiouy") | {"đ"})
UPPER = [ch.upper() for ch in LOWER]
LETTERS = LOWER + UPPER
# TCVN3 (VN3) has all the lowercase letters but only seven capitals; the rest are written with
# its capitals fonts, which reuse the lowercase codes.
TCVN3_CAPITALS = set("ĂÂÊÔƠƯĐ")


def test_there_are_134_letters() -> None:
    assert len(LOWER) == 67 and len(set(UPPER)) == 67 and len(set(LETTERS)) == 134
    assert all(not ch.isascii() and unicodedata.is_normalized("NFC", ch) for ch in LETTERS)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "windows-1258", "vni"])
def test_every_letter_round_trips(encoding: str) -> None:
    for letter in LETTERS:
        assert decode_as(encode(letter, encoding), encoding) == letter, letter
    text = " ".join(LETTERS)
    assert decode_as(encode(text, encoding), encoding) == text


def test_every_letter_round_trips_through_tcvn3_as_written_with_its_fonts() -> None:
    for letter in LOWER + sorted(TCVN3_CAPITALS):
        assert decode_as(encode(letter, "tcvn3"), "tcvn3") == letter, letter
    for capital in UPPER:  # in a word typed in capitals, as a heading is
        assert decode_as(encode(f"{capital}NG", "tcvn3"), "tcvn3") == f"{capital}NG", capital
    lone = [c for c in UPPER if c not in TCVN3_CAPITALS]
    assert len(lone) == 60
    assert all(encode(c, "tcvn3") == encode(c.lower(), "tcvn3") for c in lone)  # one code for both


def test_windows_1258_writes_tones_as_combining_marks_and_reads_them_composed() -> None:
    raw = encode("Số", "windows-1258")
    assert raw == b"S\xf4\xec"  # ô, then the combining acute accent
    assert raw.decode("cp1258") == "Sô\u0301"  # decomposed, as the bytes say
    assert decode_as(raw, "windows-1258") == "Số" and unicodedata.is_normalized("NFC", decode(raw).text)


def _chart(name: str) -> list[dict[str, str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader([ln for ln in lines if ln and not ln.startswith("#")], delimiter="\t"))


def test_charts_hold_every_letter_once_with_distinct_codes() -> None:
    vni = _chart("vni.tsv")
    assert sorted(row["letter"] for row in vni) == sorted(LETTERS)
    assert len({row["bytes"] for row in vni}) == 134
    assert all(1 <= len(bytes.fromhex(row["bytes"])) <= 3 for row in vni)
    tcvn3 = _chart("tcvn3.tsv")
    assert sorted(row["letter"] for row in tcvn3) == sorted(LOWER + sorted(TCVN3_CAPITALS))
    assert len({row["bytes"] for row in tcvn3}) == 74
    assert all(bytes.fromhex(row["bytes"])[0] >= 0xA1 for row in tcvn3)  # ASCII is left alone


def _sample_text(sample: Path) -> str:
    return unicodedata.normalize("NFC", sample.read_text(encoding="utf-8"))


def _bytes(text: str, form: str) -> bytes:
    return {
        "utf-8": lambda: text.encode("utf-8"),
        "utf-8-sig": lambda: text.encode("utf-8-sig"),
        "utf-16": lambda: text.encode("utf-16"),
        "utf-16-le": lambda: text.encode("utf-16-le"),
        "utf-16-be": lambda: text.encode("utf-16-be"),
    }.get(form, lambda: encode(text, form))()


@pytest.mark.parametrize("form", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                  "windows-1258", "tcvn3", "vni"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name[:3])
def test_real_documents_are_detected_in_every_encoding(sample: Path, form: str) -> None:
    text = _sample_text(sample)
    found = decode(_bytes(text, form), sample.name)
    assert found.encoding == form
    assert found.warning is None
    if form == "tcvn3":  # only the capitals VN3 lacks, in title-case words, read as lowercase
        assert len(found.text) == len(text)
        assert all(a == b or (a not in TCVN3_CAPITALS and a.lower() == b)
                   for a, b in zip(text, found.text, strict=True))
        return
    assert found.text == text
    original = extract_text(text, sample.name)
    assert extract_text(found.text, sample.name) == original


def test_legacy_detection_scores_are_far_apart_on_real_text() -> None:
    text = _sample_text(SAMPLES[0])
    for encoding in ("windows-1258", "tcvn3", "vni"):
        data = encode(text, encoding)
        scores = {other: vietnamese_score(decode_as(data, other))[0]
                  for other in ("windows-1258", "tcvn3", "vni")}
        assert scores[encoding] > 0.95
        assert all(score < 0.5 for other, score in scores.items() if other != encoding), scores


@pytest.mark.parametrize(
    ("data", "encoding"),
    [(b"S\xf4 12-KL/TW ng\xe0y 05 th\xe1ng 3", "windows-1258"),  # too few words to be sure
     (encode("Số 54-KL/TW", "tcvn3"), "tcvn3")],
)
def test_an_unsure_guess_is_read_with_a_warning(data: bytes, encoding: str) -> None:
    found = decode(data, "short.txt")
    assert found.encoding == encoding
    assert found.warning and found.warning.startswith("encoding unsure: read as ")


def test_the_warning_names_the_file_and_the_guess_in_the_summary(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_bytes(encode("KẾT LUẬN\nSố 12-KL/TW", "vni"))
    (tmp_path / "long.txt").write_bytes(encode(_sample_text(SAMPLES[0]), "vni"))
    result = read_inputs([tmp_path])
    assert [f.source_file for f in result.facts] == ["long.txt", "short.txt"]
    assert [str(w) for w in result.warnings] == [
        "short.txt: encoding unsure: read as VNI-Windows (3 words, 100% Vietnamese; next Windows-1258, 33%)"]
    assert "WARNING short.txt: encoding unsure: read as VNI-Windows" in summary(build_graph(result.facts), result)
    assert read_inputs([tmp_path], workers=2).warnings == result.warnings


def test_utf16_without_bom_is_told_from_binary() -> None:
    assert decode("Kết luận số 54-KL/TW".encode("utf-16-le")).text == "Kết luận số 54-KL/TW"
    with pytest.raises(LoadError, match="binary file"):
        decode(b"\x00\x01\x02\x03PK\x00\x00" * 100, "x.bin")


def test_damaged_utf16_is_an_error() -> None:
    with pytest.raises(LoadError, match=r"a\.txt: damaged UTF-16 text"):
        decode(b"\xff\xfe" + "Số".encode("utf-16-le") + b"\x00\xd8", "a.txt")  # a lone surrogate


def test_utf8_encoded_twice_is_repaired_with_a_warning() -> None:
    text = _sample_text(SAMPLES[1])
    as_cp1252 = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))
    twice = as_cp1252.encode("utf-8")
    assert "Sá»‘ 1154-CV/TU" in twice.decode("utf-8")
    found = decode(twice, "twice.txt")
    assert found.encoding == "utf-8-twice" and "UTF-8 encoded twice" in found.warning
    assert found.text == text


def test_plain_ascii_and_unicode_need_no_guess() -> None:
    assert decode(b"So 54-KL/TW").warning is None
    assert decode("Số 54-KL/TW".encode()).encoding == "utf-8"


@pytest.mark.parametrize("word", ["nghiêng", "Quyết", "khuya", "thuở", "giữa", "Người", "Uỷ", "hoá"])
def test_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["Keát", "KÕt", "bàc", "sốô", "vịệt", "Ñaûng"])
def test_not_syllables(word: str) -> None:
    assert not is_syllable(word)


def test_unknown_encoding_name_is_refused() -> None:
    assert "latin-1" not in ENCODINGS
    with pytest.raises(ValueError, match="unknown encoding"):
        decode_as(b"x", "latin-1")


# --- damaged UTF-8 against the 8-bit encodings: the measured evidence --------------------------

CORPUS = ROOT.parent / "shared" / "corpus"


def _documents_of(text: str, name: str) -> list[tuple[str | None, str | None]]:
    return [(d.symbol, d.doc_type) for d in extract_text(text, name).documents]


def test_a_stray_byte_in_utf8_is_replaced_and_named_by_its_offset() -> None:
    text = _sample_text(SAMPLES[1])
    data = text.encode("utf-8")
    cut = data.index(b"\n", len(data) // 2)  # a line end, so the byte stands alone
    found = decode(data[:cut] + b"\xff" + data[cut:], "stray.txt")
    assert found.encoding == "utf-8"
    assert found.warning == f"invalid UTF-8 replaced with U+FFFD: 1 byte, at byte {cut}"
    position = len(data[:cut].decode("utf-8"))
    assert found.text == text[:position] + "\ufffd" + text[position:]
    assert _documents_of(found.text, "stray.txt") == _documents_of(text, "stray.txt") != []


def test_a_file_cut_through_its_last_character_keeps_the_rest() -> None:
    text = _sample_text(SAMPLES[1]).rstrip() + " Số"
    data = text.encode("utf-8")[:-1]  # "ố" is three bytes: two are left
    found = decode(data, "cut.txt")
    assert (found.encoding, found.text) == ("utf-8", text[:-1] + "\ufffd")
    assert found.warning == f"invalid UTF-8 replaced with U+FFFD: 2 bytes, at bytes {len(data) - 2}, {len(data) - 1}"
    assert _documents_of(found.text, "cut.txt") == _documents_of(text, "cut.txt") != []


def test_many_damaged_bytes_are_counted_and_the_first_offsets_named() -> None:
    data = bytearray(_sample_text(SAMPLES[0]).encode("utf-8"))
    places = [next(i for i in range(start, len(data)) if data[i] < 0x80)  # between two characters
              for start in range(100, 100 + 7 * 500, 500)]
    for place in reversed(places):
        data[place:place] = b"\xc0"  # never valid in UTF-8
    places = [p + k for k, p in enumerate(places)]  # each inserted byte shifts the later ones
    found = decode(bytes(data), "worn.txt")
    assert found.encoding == "utf-8"
    assert found.warning == ("invalid UTF-8 replaced with U+FFFD: 7 bytes, at bytes "
                             + ", ".join(map(str, places[:5])) + ", …")
    assert found.text.count("\ufffd") == 7


def test_damaged_utf8_with_a_bom_is_read_as_utf8() -> None:
    found = decode(b"\xef\xbb\xbf" + "Kết luận số 54".encode() + b"\xfe" + " tháng".encode(), "bom.txt")
    assert found.encoding == "utf-8-sig" and found.text == "Kết luận số 54\ufffd tháng"
    assert found.warning == f"invalid UTF-8 replaced with U+FFFD: 1 byte, at byte {3 + len('Kết luận số 54'.encode())}"


NEVER_UTF8 = [0xC0, 0xC1, *range(0xF5, 0x100)]


def _damaged(data: bytes, count: int, seed: str, values: Sequence[int] = range(256)) -> bytes:
    """``data`` with ``count`` bytes overwritten by random ``values``."""
    rnd = random.Random(seed)
    out = bytearray(data)
    for _ in range(count):
        out[rnd.randrange(len(out))] = rnd.choice(values)
    return bytes(out)


def _texts_measured() -> list[tuple[str, str]]:
    """Samples, and the shared corpus's text files where present (plain text, any size)."""
    texts = [(p.name, _sample_text(p)) for p in SAMPLES]
    if CORPUS.is_dir():
        for path in sorted(CORPUS.rglob("*.txt")):
            texts.append((path.name, unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))))
    return texts


def test_the_utf8_evidence_separates_damaged_utf8_from_every_8bit_encoding() -> None:
    """The measured rule: the share of non-ASCII bytes in well-formed UTF-8 sequences is near
    0 for real text in any 8-bit encoding and near 1 for UTF-8 however damaged; the threshold
    sits far from both."""
    legacy: list[float] = []
    damaged: list[float] = []
    for name, text in _texts_measured():
        data = text.encode("utf-8")
        if data.isascii():
            continue
        for form in ("windows-1258", "tcvn3", "vni"):
            with contextlib.suppress(UnicodeEncodeError):  # a letter of another script
                legacy.append(utf8_share(encode(text, form)))
        damaged += [utf8_share(_damaged(data, count, name)) for count in (1, 10, 100)]
        damaged.append(utf8_share(data[: random.Random(name).randrange(len(data) // 2, len(data))]))
    assert len(legacy) >= 3 * len(SAMPLES)
    assert max(legacy) < 0.02 < UTF8_EVIDENCE < 0.8 < min(damaged), (max(legacy), min(damaged))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name[:3])
def test_each_of_the_five_encodings_and_damaged_utf8_is_read_as_itself(sample: Path) -> None:
    text = _sample_text(sample)
    for form in ("utf-8", "utf-16", "windows-1258", "tcvn3", "vni"):
        assert decode(_bytes(text, form), sample.name).encoding == form
    for count in (1, 10, 100):
        found = decode(_damaged(text.encode("utf-8"), count, sample.name, NEVER_UTF8), sample.name)
        assert found.encoding == "utf-8" and found.warning.startswith("invalid UTF-8 replaced"), count


def test_stray_bytes_in_plain_text_are_no_evidence_of_an_8bit_encoding() -> None:
    """Words of plain ASCII with a few bytes above 0x7F read in no 8-bit encoding as Vietnamese
    (their best score stays under LEGACY_EVIDENCE beyond three words): UTF-8, bytes replaced."""
    ascii_text = unicodedata.normalize("NFD", _sample_text(SAMPLES[0])).encode("ascii", "ignore")
    for count in (4, 20):
        rnd = random.Random(count)
        data = bytearray(ascii_text)
        for _ in range(count):
            data[rnd.randrange(len(data))] = rnd.randrange(0x80, 0x100)
        found = decode(bytes(data), "plain.txt")
        assert found.encoding == "utf-8" and found.text.count("\ufffd") == count, found.warning
    assert LEGACY_EVIDENCE <= SURE_SCORE


def test_a_short_legacy_file_is_still_read_as_legacy() -> None:
    assert decode(encode("KẾT LUẬN\nSố 12-KL/TW ngày 5 tháng 3", "vni"), "short.txt").encoding == "vni"
