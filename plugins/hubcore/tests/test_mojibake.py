"""The quick mojibake test lets no real case through and spares clean multilingual text."""

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
