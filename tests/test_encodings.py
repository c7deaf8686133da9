"""Text encodings: every Vietnamese letter through every encoding, detection on real documents."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from vanban.cli import summary
from vanban.errors import LoadError
from vanban.loaders.encodings import ENCODINGS, decode, decode_as, encode, is_syllable, vietnamese_score
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
