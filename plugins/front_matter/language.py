"""The language an update's text is written in, for the posts that do not say it and the ones that say it wrong.

The hub's archive has French and Spanish posts with no language key, and an
English post with a German title. py3langid (BSD, its model inside the
package: nothing is downloaded) names the language of the text as written:
the start of the body, which weighs most, then the title and summary, with
HTML, link addresses and URLs left out. Below LANGUAGE_CONFIDENCE, or for a
text too short to judge, it names none.

- An update that does not state its language (no `lang`, no language folder)
  takes the detected one when the site offers it. When the site does not offer
  it (German), the update stays in the default language's lists, but its page
  and feed entries carry its real language (`text_lang`), and
  `W-LANG-UNOFFERED` says so. When no language can be told, the default stands
  and `I-LANG-UNSURE` says so.
- An update whose `lang` or folder says one language while its text is clearly
  another gets `W-LANG-MISMATCH`; what the file says wins.

The model restricted to the site's languages is kept beside the installed
package (hubcore.kept), so a build loads it in a tenth of the time the
package's compressed model takes; the detection travels in the metadata, so
the reader cache spares it on unchanged files.
"""

import os
import pickle
import re
from dataclasses import dataclass

import babel
import numpy
import py3langid
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier, _load_model_file

from hubcore import files, findings, kept

# The body's start weighs most: an English post with a German title is English. Longer samples tell no better
# on the archive, the seeds or the bench corpus, and cost more (tests/test_language.py holds the cases).
BODY_CHARACTERS = 300
OTHER_CHARACTERS = 150
MIN_WORDS = 5
MIN_LETTERS = 25
MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|https?://\S+|\{(?:static|filename|attach)\}\S+|[#*_>`|\[\]!]+")
WORD = re.compile(r"[^\W\d_]{2,}")

_identifiers = {}  # languages -> identifier, for this process


@dataclass(frozen=True)
class Detection:
    lang: str  # None: no language could be told
    confidence: float
    reason: str  # "ok", "too short", "unsure"


def plain(text, limit):
    """About `limit` characters of text without markup. Cut first: markup stripped from a whole body of `<` would
    take minutes."""
    return " ".join(MARKUP.sub(" ", (text or "")[: limit * 2]).split())[:limit]


def detect(title, summary, body, settings):
    sample = " ".join(
        part
        for part in (plain(body, BODY_CHARACTERS), plain(title, OTHER_CHARACTERS), plain(summary, OTHER_CHARACTERS))
        if part
    )
    words = WORD.findall(sample)
    if len(words) < MIN_WORDS or sum(map(len, words)) < MIN_LETTERS:
        return Detection(None, 0.0, "too short")
    lang, confidence = identifier(settings).classify(sample)
    confidence = round(float(confidence), 3)  # the same in every process and on every machine
    if confidence < settings["LANGUAGE_CONFIDENCE"]:
        return Detection(None, confidence, "unsure")
    return Detection(lang, confidence, "ok")


def identifier(settings):
    """py3langid's identifier for the site's languages and LANGUAGE_DETECTION_OTHERS, loaded once per process."""
    languages = tuple(sorted({*settings["LANGUAGES"], *settings["LANGUAGE_DETECTION_OTHERS"]}))
    if languages not in _identifiers:
        _identifiers[languages] = load(languages, kept.folder(settings["CACHE_PATH"]))
    return _identifiers[languages]


def load(languages, folder):
    """The model restricted to `languages`, from `folder` when it holds it (its name says the package's version
    and the languages), else made from the package's and kept there."""
    path = os.path.join(folder, f"langid-{py3langid.__version__}-{'-'.join(languages)}.pickle")
    try:
        with open(path, "rb") as handle:
            parts = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError):
        parts = restricted(languages)
        # The read-ahead's workers may each make it at once.
        files.replace_whole(path, pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL))
    ptc, pc, classes, nextmove, row, output = parts
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def restricted(languages):
    ptc, pc, classes, nextmove, row, output = _load_model_file(MODEL_DIR / MODEL_FILE)
    unknown = set(languages) - set(classes)
    if unknown:
        raise ValueError(f"py3langid knows no language {', '.join(sorted(unknown))}")
    columns = [i for i, code in enumerate(classes) if code in languages]
    return (
        numpy.asarray(ptc)[:, columns].copy(),
        numpy.asarray(pc)[columns].copy(),
        [classes[i] for i in columns],
        nextmove,
        row,
        output,
    )


def direction(lang):
    try:
        return "rtl" if babel.Locale.parse(lang).character_order == "right-to-left" else "ltr"
    except (babel.UnknownLocaleError, ValueError):
        return "ltr"


def prepare(generator):
    """Load the model before the reader's work starts: the read-ahead's workers (engine/read_ahead.py), forked
    next, then share it instead of each loading its own."""
    if generator.settings["LANGUAGE_DETECTION"] and type(generator).__name__ == "ArticlesGenerator":
        identifier(generator.settings)


def settle(metadata, body, path, line, settings):
    """Give an update the language of its text where it stated none; report what disagrees (`line`: that of
    `lang`, if any)."""
    if not settings["LANGUAGE_DETECTION"]:
        return
    found = detect(metadata.get("title"), metadata.get("summary"), body, settings)
    metadata["lang_detected"] = [found.lang, found.confidence]
    offered = settings["LANGUAGES"]
    if found.lang is None:
        if not metadata["lang_given"]:
            findings.report(
                settings,
                findings.INFO,
                "I-LANG-UNSURE",
                path,
                0,
                f"the text's language cannot be told ({found.reason}); it is published in {metadata['lang']!r}",
                "add `lang:` if it is another language",
            )
    elif found.lang not in offered:
        metadata["text_lang"], metadata["text_dir"] = found.lang, direction(found.lang)
        findings.report(
            settings,
            findings.WARNING,
            "W-LANG-UNOFFERED",
            path,
            line,
            f"the text is in {found.lang!r} (confidence {found.confidence:.2f}), which the site does not "
            f"offer: it is listed in {metadata['lang']!r}, and its page says the text is in {found.lang!r}",
            "translate it, or add the language to LANGUAGES",
        )
    elif not metadata["lang_given"]:
        metadata["lang"] = found.lang
    elif found.lang != metadata["lang"]:
        findings.report(
            settings,
            findings.WARNING,
            "W-LANG-MISMATCH",
            path,
            line,
            f"the file says {metadata['lang']!r}, but its text is in {found.lang!r} (confidence "
            f"{found.confidence:.2f}); it is published as {metadata['lang']!r}",
            f"move it to updates/{found.lang}/ (or set `lang: {found.lang}`) if the text is right",
        )
