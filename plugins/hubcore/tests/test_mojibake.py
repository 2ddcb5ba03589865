"""The quick mojibake test lets no real case through and spares clean multilingual text."""

import random
import re

import ftfy
import pytest

from hubcore import mojibake

CLEAN = [
    "Rubén Martín",
    "¿Qué tal? Versión en español",
    "Cartographie participative à Butembo, Ça va",
    "Oficina de dados abertos em Recife: ação, coração",
    "HOT’s “quotes” — 🦄 ñandú",
    "Ελληνικά, العربية, 中文",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_not_a_candidate(text):
    assert not mojibake.possible(text)
    assert mojibake.repair(text) == text


# Each clean text as each single-byte encoding misreads its UTF-8 (where it can: cp1252 lacks five bytes).
GARBLED = [
    garbled
    for text in CLEAN
    for encoding in ("latin-1", "cp1252", "mac_roman")
    for garbled in [text.encode("utf-8").decode(encoding, errors="replace")]
    if garbled != text and "\ufffd" not in garbled
]


@pytest.mark.parametrize("garbled", GARBLED)
def test_every_single_byte_misreading_is_a_candidate_and_repaired(garbled):
    assert mojibake.possible(garbled)
    assert mojibake.repair(garbled) == ftfy.fix_encoding(garbled)


def one_pattern_per_encoding():
    """The test as first written: slower, and plainly right."""
    pairs = []
    for encoding in mojibake.ENCODINGS:
        leads = "".join(mojibake._as_read_by(encoding, 0xC2, 0xF4))
        continuations = "".join(mojibake._as_read_by(encoding, 0x80, 0xBF))
        pairs.append(f"[{re.escape(leads)}][{re.escape(continuations)}]")
    return re.compile("|".join(pairs))


def test_the_quick_test_finds_what_one_pattern_per_encoding_finds():
    plain = one_pattern_per_encoding()
    # Characters that are leads in one encoding and continuations in another ("é", "Ã"), others, ASCII.
    alphabet = sorted({*"".join(pair for pair in mojibake.PAIRS), *"aé ñ\n€漢🦄"})
    rng = random.Random(7)
    texts = ["".join(rng.choices(alphabet, k=rng.randint(1, 6))) + "x" * rng.randint(0, 2) for _ in range(20_000)]
    texts += GARBLED + CLEAN
    assert sum(bool(plain.search(text)) for text in texts) > 1000  # both answers are common
    assert [mojibake.possible(text) for text in texts] == [plain.search(text) is not None for text in texts]
