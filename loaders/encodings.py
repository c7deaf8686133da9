"""Bytes of a text file to text: Unicode, and the Vietnamese 8-bit encodings still in circulation.

* UTF-8 with or without a BOM; UTF-16 with a BOM, or without one when its NUL bytes give it
  away (every other byte NUL for ASCII letters, spaces and digits).
* Windows-1258: base letters followed by combining tone marks, composed here (NFC).
* TCVN3 (ABC) and VNI-Windows, the codes of the .Vn and VNI fonts, mapped with the charts in
  ``data/tcvn3.tsv`` and ``data/vni.tsv``.

Bytes that are not valid UTF-8 are not yet evidence of an 8-bit encoding: a stray byte or a
last character cut in two is damage to a UTF-8 file. Two measured signs decide (the numbers
are in ``tests/test_encodings.py``): the share of non-ASCII bytes that form well-formed UTF-8
sequences (at most 0.3 % in real documents written in any of the 8-bit encodings, at least
90 % in UTF-8 with a hundred random bytes overwritten), and the syllable score of the best
8-bit reading (above 95 % for the right encoding, under 50 % for stray bytes in plain text
beyond three words). A file with :data:`UTF8_EVIDENCE` of its non-ASCII bytes in UTF-8
sequences, or whose best 8-bit reading scores under :data:`LEGACY_EVIDENCE`, is read as
UTF-8, each invalid byte replaced with U+FFFD and named by its offset in a warning.

The 8-bit encodings cannot be told apart by their bytes, so each candidate is decoded and
scored: the share of its words holding non-ASCII letters that are well-formed Vietnamese
syllables (an onset, a rhyme, at most one tone, and only sắc or nặng on a rhyme ending in
c, ch, p or t). The best candidate wins; when it scores low, barely beats the next one, or
rests on too few words, the text is still returned with a warning naming the guess.

>>> decode("Số 54-KL/TW".encode("utf-8")).text
'Số 54-KL/TW'
>>> found = decode(encode("Kết luận của Ban Bí thư về tiếp tục thực hiện Quyết định số 99", "vni"))
>>> found.text, found.encoding, found.warning
('Kết luận của Ban Bí thư về tiếp tục thực hiện Quyết định số 99', 'vni', None)
>>> found = decode("Kết luận số 54".encode() + b"\\xff")
>>> found.text.endswith("54\\ufffd"), found.encoding, found.warning
(True, 'utf-8', 'invalid UTF-8 replaced with U+FFFD: 1 byte, at byte 20')
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vanban.errors import LoadError

__all__ = [
    "ENCODINGS",
    "LEGACY_EVIDENCE",
    "UTF8_EVIDENCE",
    "Decoded",
    "decode",
    "decode_as",
    "encode",
    "is_syllable",
    "utf8_share",
    "vietnamese_score",
]

ENCODINGS = ("utf-8", "utf-16", "windows-1258", "tcvn3", "vni")
# Candidates in order of preference on a tie: TCVN3 was the national standard of official texts.
_LEGACY = ("tcvn3", "vni", "windows-1258")
_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16", "utf-16-le": "UTF-16LE",
          "utf-16-be": "UTF-16BE", "windows-1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)",
          "vni": "VNI-Windows", "utf-8-twice": "UTF-8 encoded twice"}
_DATA = Path(__file__).parent / "data"

# Thresholds of a sure guess: the share of Vietnamese words, the lead over the runner-up,
# and the number of words the score rests on.
SURE_SCORE = 0.85
SURE_MARGIN = 0.25
SURE_WORDS = 8
_SAMPLE = 1 << 16  # bytes of non-ASCII lines scored per candidate

# Evidence for UTF-8 with damage against an 8-bit encoding (measured: see the module's docstring).
UTF8_EVIDENCE = 0.5  # share of non-ASCII bytes inside well-formed UTF-8 sequences
LEGACY_EVIDENCE = 0.5  # syllable score of the best 8-bit reading
_OFFSETS_SHOWN = 5


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used, and a warning when it was a guess."""

    text: str
    encoding: str
    warning: str | None = None


def decode(data: bytes, name: str = "<bytes>") -> Decoded:
    """The text of a text file's bytes, its encoding detected.

    Raises :class:`LoadError` for an empty or binary file.

    >>> decode(b"\\xff\\xfeS\\x00\\xd1\\x1e \\x005\\x004\\x00").text
    'Số 54'
    >>> decode(b"S\\xe8 54-KL/TW", "tcvn.txt").warning
    'encoding unsure: read as TCVN3 (ABC) (1 word, 100% Vietnamese; next Windows-1258, 100%)'
    """
    if not data.strip():
        raise LoadError(name, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _checked(data.decode("utf-8-sig"), "utf-8-sig", name)
        except UnicodeDecodeError:
            return _replaced(data, "utf-8-sig", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(_strict(data, "utf-16", name), "utf-16", name)
    wide = _utf16_without_bom(data)
    if wide:
        return _checked(_strict(data, wide, name), wide, name)
    if b"\x00" in data[:4096]:
        raise LoadError(name, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _damaged_or_legacy(data, name)
    repaired = _utf8_twice(text)
    if repaired is not None:
        return _checked(repaired, "utf-8-twice", name,
                        warning="text was UTF-8 encoded twice (mojibake such as 'Sá»‘'): repaired")
    return _checked(text, "utf-8", name)


def decode_as(data: bytes, encoding: str) -> str:
    """Decode with a named encoding of :data:`ENCODINGS` (NFC, TCVN3 capitals restored).

    >>> decode_as(b"K\\xd5T LU\\xcbN", "tcvn3")
    'KẾT LUẬN'
    """
    if encoding in ("utf-8", "utf-16"):
        return unicodedata.normalize("NFC", data.decode("utf-8-sig" if encoding == "utf-8" else encoding))
    if encoding == "windows-1258":
        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    if encoding in ("tcvn3", "vni"):
        return _decode_chart(data, encoding, strict=False)
    raise ValueError(f"unknown encoding {encoding!r}; expected one of {', '.join(ENCODINGS)}")


def encode(text: str, encoding: str) -> bytes:
    """The bytes of ``text`` in a named encoding (the inverse of :func:`decode_as`).

    TCVN3 writes a capital it lacks with the lowercase code, as its capitals fonts do.

    >>> encode("Số", "windows-1258"), encode("Số", "tcvn3"), encode("Số", "vni")
    (b'S\\xf4\\xec', b'S\\xe8', b'So\\xe1')
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "utf-8":
        return text.encode("utf-8")
    if encoding == "utf-16":
        return text.encode("utf-16")
    if encoding == "windows-1258":
        return b"".join(_cp1258_char(ch) for ch in text)
    if encoding in ("tcvn3", "vni"):
        table = _chart(encoding).encoder
        out = bytearray()
        for ch in text:
            code = table.get(ch) or table.get(ch.lower())
            out += code if code is not None else ch.encode("cp1252")
        return bytes(out)
    raise ValueError(f"unknown encoding {encoding!r}; expected one of {', '.join(ENCODINGS)}")


# --- Unicode ---------------------------------------------------------------------------------

def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise LoadError(name, f"damaged {_NAMES[encoding]} text (byte {error.start})") from error


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NULs fill one byte of most pairs and almost none of the other."""
    head = data[:4096]
    if len(head) < 8 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.4 * len(zeros) and others.count(0) <= 0.02 * len(others):
            return encoding
    return None


_MOJIBAKE = re.compile("Ã|Ä|Æ|á»|áº")
_CP1252_BYTE = {bytes([b]).decode("cp1252", errors="ignore") or chr(b): b for b in range(256)}


def _utf8_twice(text: str) -> str | None:
    """UTF-8 bytes read as Windows-1252 and saved as UTF-8 again (``Sá»‘`` for ``Số``), undone."""
    head = text[:_SAMPLE]
    if not _MOJIBAKE.search(head):
        return None
    try:  # Windows keeps the five bytes cp1252 leaves undefined as U+0081 … U+009D
        once = bytes(_CP1252_BYTE[ch] for ch in text).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None
    if vietnamese_score(once[:_SAMPLE])[0] > vietnamese_score(head)[0] + SURE_MARGIN:
        return once
    return None


_HIGH_BYTES = bytes(range(0x80, 0x100))
_ESCAPED = re.compile("[\udc80-\udcff]")  # an invalid byte, as ``surrogateescape`` keeps it


def utf8_share(data: bytes) -> float:
    """The share of non-ASCII bytes that belong to well-formed UTF-8 sequences (1.0 without any).

    >>> utf8_share("Số".encode() + b"\\xff"), utf8_share(encode("Số", "windows-1258"))
    (0.75, 0.0)
    """
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if not high:
        return 1.0
    invalid = sum(1 for _ in _ESCAPED.finditer(data.decode("utf-8", "surrogateescape")))
    return (high - invalid) / high


def _damaged_or_legacy(data: bytes, name: str) -> Decoded:
    """Bytes that are not all valid UTF-8: damaged UTF-8, or an 8-bit encoding on evidence."""
    if utf8_share(data) >= UTF8_EVIDENCE:
        return _replaced(data, "utf-8", name)
    guess = _guess_legacy(data)
    if guess.score >= LEGACY_EVIDENCE:
        return _checked_guess(guess, name)
    return _replaced(data, "utf-8", name)


def _replaced(data: bytes, encoding: str, name: str) -> Decoded:
    """UTF-8 with each invalid byte replaced by U+FFFD, the bytes named in a warning."""
    escaped = data.decode(encoding, "surrogateescape")
    offsets: list[int] = []
    count = 0
    byte = 3 if encoding == "utf-8-sig" else 0
    done = 0
    for m in _ESCAPED.finditer(escaped):
        count += 1
        if len(offsets) < _OFFSETS_SHOWN:
            byte += len(escaped[done:m.start()].encode("utf-8", "surrogateescape"))
            done = m.start()
            offsets.append(byte)
    shown = ", ".join(str(offset) for offset in offsets) + (", …" if count > len(offsets) else "")
    warning = (f"invalid UTF-8 replaced with U+FFFD: {count} byte{'s' if count != 1 else ''}, "
               f"at byte{'s' if count != 1 else ''} {shown}")
    return _checked(data.decode(encoding, "replace"), encoding, name, warning)


def _checked(text: str, encoding: str, name: str, warning: str | None = None) -> Decoded:
    """NFC text, refused when control characters show it is binary data."""
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    controls = sum(1 for ch in text[:_SAMPLE] if ch < " " and ch not in "\t\n\r\f\v")
    if controls > 0.01 * min(len(text), _SAMPLE) + 1:
        raise LoadError(name, "binary file (control bytes), not text")
    if not text.strip():
        raise LoadError(name, "empty file")
    return Decoded(text, encoding, warning)


# --- the 8-bit encodings ----------------------------------------------------------------------

@dataclass(frozen=True)
class _Guess:
    encoding: str
    text: str
    score: float
    words: int
    runner_up: tuple[str, float] | None


def _guess_legacy(data: bytes) -> _Guess:
    sample = _sample(data)
    scored = []
    for encoding in _LEGACY:
        text = decode_as(sample, encoding) if encoding == "windows-1258" else _decode_chart(
            sample, encoding, strict=True)
        score, words = vietnamese_score(text)
        scored.append((score, words, encoding))
    scored.sort(key=lambda s: (-s[0], _LEGACY.index(s[2])))
    best = scored[0]
    runner_up = (scored[1][2], scored[1][0])
    return _Guess(best[2], decode_as(data, best[2]), best[0], best[1], runner_up)


def _checked_guess(guess: _Guess, name: str) -> Decoded:
    warning = None
    margin = guess.score - guess.runner_up[1] if guess.runner_up else 1.0
    if guess.score < SURE_SCORE or margin < SURE_MARGIN or guess.words < SURE_WORDS:
        words = f"{guess.words} word{'s' if guess.words != 1 else ''}"
        nxt = f"; next {_NAMES[guess.runner_up[0]]}, {guess.runner_up[1]:.0%}" if guess.runner_up else ""
        warning = (f"encoding unsure: read as {_NAMES[guess.encoding]} "
                   f"({words}, {guess.score:.0%} Vietnamese{nxt})")
    return _checked(guess.text, guess.encoding, name, warning)


def _sample(data: bytes) -> bytes:
    """Lines holding non-ASCII bytes (where the encodings differ), up to about 64 KiB."""
    lines = []
    size = 0
    for line in data.splitlines():
        if max(line, default=0) >= 0x80:
            lines.append(line)
            size += len(line) + 1
            if size >= _SAMPLE:
                break
    return b"\n".join(lines)


def _decode_chart(data: bytes, encoding: str, strict: bool) -> str:
    """TCVN3 or VNI text; ``strict`` (for scoring) marks a letter-range byte the chart does
    not use, such as a VNI mark byte after a consonant, as U+FFFD."""
    chart = _chart(encoding)
    text = data.decode("latin-1")  # one character per byte
    if chart.multi:
        table = chart.strict if strict else chart.single
        text = chart.codes.sub(lambda m: chart.multi.get(m.group()) or table[ord(m.group())], text)
    else:
        text = text.translate(chart.strict if strict else chart.single)
    return _capitals_font(text) if encoding == "tcvn3" else text


@dataclass(frozen=True)
class _Chart:
    """A chart read from its TSV file, over bytes decoded as latin-1 (one character a byte).

    ``codes`` finds, longest first, each letter's byte sequence or a lone non-ASCII byte.
    A byte the chart does not use reads as its Windows-1252 character (``single``) or, in
    the letter range 0xC0–0xFF, as U+FFFD (``strict``).
    """

    single: dict[int, str]
    strict: dict[int, str]
    multi: dict[str, str]  # sequences of two or more bytes → letter
    codes: re.Pattern[str]
    encoder: dict[str, bytes]


@cache
def _chart(encoding: str) -> _Chart:
    lines = (_DATA / f"{'tcvn3' if encoding == 'tcvn3' else 'vni'}.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader([ln for ln in lines.splitlines() if ln and not ln.startswith("#")], delimiter="\t")
    single: dict[int, str] = {byte: bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)
                              for byte in range(0x80, 0x100)}
    multi: dict[str, str] = {}
    encoder: dict[str, bytes] = {}
    for row in rows:
        code = bytes.fromhex(row["bytes"])
        encoder[row["letter"]] = code
        if len(code) == 1:
            single[code[0]] = row["letter"]
        else:
            multi[code.decode("latin-1")] = row["letter"]
    codes = re.compile("|".join([*(re.escape(k) for k in sorted(multi, key=len, reverse=True)),
                                 "[\x80-\xff]"]))
    used = {code[0] for code in encoder.values() if len(code) == 1}
    strict = {**single, **{byte: "\ufffd" for byte in range(0xC0, 0x100) if byte not in used}}
    return _Chart(single, strict, multi, codes, encoder)


_WORD = re.compile(r"[^\W\d_]+")


def _capitals_font(text: str) -> str:
    """Restore capitals written with TCVN3's capitals fonts: ``KếT LUậN`` → ``KẾT LUẬN``.

    A word with a capital after its first letter, no lowercase ASCII letter and a lowercase
    accented one was typed in capitals; so was the rest of a line holding such a word and
    no lowercase ASCII letter (``CƠ Sở`` → ``CƠ SỞ``). Title-case words (``Số``) are kept.
    """
    if not any(ch.isupper() for ch in text):
        return text
    out = []
    for line in text.split("\n"):
        fixed = _WORD.sub(_capitals_word, line)
        if fixed != line and not re.search("[a-z]", fixed):
            fixed = fixed.upper()
        out.append(fixed)
    return "\n".join(out)


def _capitals_word(m: re.Match[str]) -> str:
    word = m.group()
    if (any(ch.isupper() for ch in word[1:]) and not re.search("[a-z]", word)
            and any(ch.islower() and ord(ch) > 0x7F for ch in word)):
        return word.upper()
    return word


def _cp1258_char(ch: str) -> bytes:
    """One character in Windows-1258: precomposed where the code page has it, else base + tone."""
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        pass
    parts = unicodedata.normalize("NFD", ch)
    tones = "".join(c for c in parts if c in _TONE_MARKS)
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
    return base.encode("cp1258") + tones.encode("cp1258")


# --- Vietnamese syllables -----------------------------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền sắc ngã hỏi nặng
_STOP_TONES = "\u0301\u0323"  # the only tones of a syllable ending in c, ch, p, t
_ONSET_TABLE = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x"
_RHYME_TABLE = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êc êch êm ên êng ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oc oe oem oen oeo oet oi om on ong oong ooc op ot
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uân uâng uât uây uc uê uêch uênh ui um un ung uôc uôi uôm uôn uông uôt
up ut uy uya uych uyên uyêt uyn uynh uyp uyt uyu uơ
ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu
y yêm yên yêng yêt yêu
"""
_ONSETS, _RHYMES = _ONSET_TABLE.split(), _RHYME_TABLE.split()
_SYLLABLE = re.compile(
    "(?:" + "|".join(sorted(_ONSETS, key=len, reverse=True)) + ")?"
    "(?P<rhyme>" + "|".join(sorted(_RHYMES, key=len, reverse=True)) + ")"
)
_FINE_PUNCTUATION = set("“”‘’–—…•\u00a0«»")


def is_syllable(word: str) -> bool:
    """Is ``word`` a well-formed Vietnamese syllable (any case, any tone placement)?

    >>> [is_syllable(w) for w in ("Nghiêng", "quốc", "khuya", "thuở", "kớt", "bác", "bàc", "Keát")]
    [True, True, True, True, True, True, False, False]
    """
    parts = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in parts if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
    m = _SYLLABLE.fullmatch(base)
    if m is None:
        return False
    stop = m.group("rhyme").endswith(("c", "ch", "p", "t"))
    return not stop or (bool(tones) and tones[0] in _STOP_TONES)


def vietnamese_score(text: str) -> tuple[float, int]:
    """(share of well-formed syllables among the words holding non-ASCII letters, their number);
    stray non-ASCII symbols (``¸``, ``µ``, ``§`` …) count against the share.

    >>> vietnamese_score("Kết luận số 54-KL/TW")
    (1.0, 3)
    """
    words = good = 0
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        words += 1
        good += is_syllable(word)
    stray = sum(1 for ch in text if ord(ch) > 0x7F and not ch.isalpha()
                and not unicodedata.combining(ch) and ch not in _FINE_PUNCTUATION)
    total = words + stray
    return (good / total if total else 0.0), words
