"""Text decoded with the wrong encoding (`Rub√©n` for `Rubén`), found and repaired with ftfy."""

import re

import ftfy


def _mojibake_pattern():
    """A UTF-8 lead byte then a continuation byte, as the single-byte encodings ftfy undoes show them.

    Every mojibake of a multi-byte UTF-8 character contains such a pair, so a
    text without one needs no repair; ftfy's own test costs far more.
    """
    pairs = []
    for encoding in ("latin-1", "cp1252", "mac_roman"):
        leads = "".join(bytes([b]).decode(encoding, errors="ignore") for b in range(0xC2, 0xF5))
        continuations = "".join(bytes([b]).decode(encoding, errors="ignore") for b in range(0x80, 0xC0))
        pairs.append(f"[{re.escape(leads)}][{re.escape(continuations)}]")
    return re.compile("|".join(pairs))


CANDIDATE = _mojibake_pattern()


def possible(text):
    return not text.isascii() and CANDIDATE.search(text) is not None


def repair(text):
    return ftfy.fix_encoding(text) if possible(text) else text
