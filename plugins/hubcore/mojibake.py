"""Text decoded with the wrong encoding (`Rub√©n` for `Rubén`), found and repaired with ftfy."""

import re

import ftfy

ENCODINGS = ("latin-1", "cp1252", "mac_roman")  # the single-byte encodings ftfy undoes


def _as_read_by(encoding, first, last):
    return [bytes([b]).decode(encoding, errors="ignore") for b in range(first, last + 1)]


# A UTF-8 lead byte then a continuation byte, as one of those encodings shows them. Every mojibake of a
# multi-byte UTF-8 character contains such a pair, so a text without one needs no repair; ftfy's own test costs
# far more.
PAIRS = frozenset(
    lead + continuation
    for encoding in ENCODINGS
    for lead in _as_read_by(encoding, 0xC2, 0xF4)
    for continuation in _as_read_by(encoding, 0x80, 0xBF)
    if lead and continuation
)
# Where a pair may start: a lead of any of them before a continuation of any. One pattern of two classes, not
# one per encoding, finds the few such places; each is then looked up in PAIRS.
_LEADS = "".join(sorted({pair[0] for pair in PAIRS}))
_CONTINUATIONS = "".join(sorted({pair[1] for pair in PAIRS}))
MAYBE = re.compile(f"[{re.escape(_LEADS)}](?=[{re.escape(_CONTINUATIONS)}])")


def possible(text):
    return not text.isascii() and any(text[at.start() : at.start() + 2] in PAIRS for at in MAYBE.finditer(text))


def repair(text):
    return ftfy.fix_encoding(text) if possible(text) else text
