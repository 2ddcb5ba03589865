"""Pelican's reader cache, made safe for this reader.

With CACHE_CONTENT, Pelican keeps each file's (content, metadata) and reuses
them while the file is unchanged: a rebuild skips YAML and Markdown for every
file but the edited one. Two things make that safe here:

- findings: the reader reports a file's problems while reading it, and a
  cached file is not read again. The reader stores them in the metadata; on a
  cache hit they are reported again, so every run lists every problem.
- staleness: what the reader returns depends on its code, on settings
  (languages, legacy repairs, `./dev check` skipping Markdown) and on which
  archive uploads are in content/, so the cache lives in a folder named after a
  fingerprint of all three; the folders of other fingerprints are removed.
"""

import glob
import hashlib
import os
import shutil
from pathlib import Path

from hubcore import findings, state

STORED = "read_findings"  # metadata key: the findings of reading that file

SETTINGS_READ = (
    "LANGUAGES",
    "DEFAULT_LANG",
    "FRONT_MATTER_EXTENSIONS",
    "LEGACY_UPLOADS_URL",
    "LEGACY_IGNORED_CATEGORIES",
    "LEGACY_REPAIR_MOJIBAKE",
    "DIRECTORY_KINDS",
    "PAGE_PATHS",
    "MARKDOWN",
    "HUB_CHECK_ONLY",
    "SANITIZE_HTML",
    "SANITIZE_IFRAME_HOSTS",
    "SLUG_REGEX_SUBSTITUTIONS",
    "SLUGIFY_USE_UNICODE",
    "PATH",
    "TIMEZONE",
    "LARGE_CONTENT_BYTES",
    "MAX_CONTENT_BYTES",
    "MARKDOWN_SECONDS",
    "LANGUAGE_DETECTION",
    "LANGUAGE_CONFIDENCE",
    "LANGUAGE_DETECTION_OTHERS",
    "SUMMARY_MAX_CHARACTERS",  # whether a check renders a summary (parse.checked_as_html)
)
CODE = [Path(__file__).parent, Path(__file__).parent.parent / "hubcore"]


def fingerprint(settings):
    digest = hashlib.sha256()
    for folder in CODE:
        for source in sorted(folder.glob("*.py")):
            digest.update(source.read_bytes())
    digest.update(repr([(name, settings.get(name)) for name in SETTINGS_READ]).encode())
    digest.update("\0".join(uploads(settings)).encode("utf-8", "surrogateescape"))  # a name may not be UTF-8
    return digest.hexdigest()[:16]


def uploads(settings):
    """The names under content/uploads/, when the reader points the archive's /uploads/ paths whose file is
    absent at the old site (LEGACY_UPLOADS_URL): what it returns depends on them too. An upload added or removed
    is rare; every file is then read again."""
    if not settings.get("LEGACY_UPLOADS_URL"):
        return []
    root = os.path.join(settings["PATH"], "uploads")
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, folders, names in os.walk(root)
        for name in folders + names
    )


def place(pelican):
    settings = pelican.settings
    root, own = settings["CACHE_PATH"], f"reader-{fingerprint(settings)}"
    settings["CACHE_PATH"] = os.path.join(root, own)
    forget_others(root, own)


def forget_others(root, own):
    """The caches of other code or settings: a build would read them again only after going back to that
    code, and each holds every document."""
    for folder in glob.glob(os.path.join(glob.escape(root), "reader-*")):
        if os.path.basename(folder) != own:
            shutil.rmtree(folder, ignore_errors=True)


def remember(settings, path, metadata, first):
    """Keep what reading `path` reported (the findings from index `first` on) with its metadata."""
    state.of(settings).fresh_reads.add(path)
    metadata[STORED] = findings.collected(settings)[first:]


def replay(sender, metadata):
    """A file taken from the cache: report again what reading it found."""
    settings = sender.settings
    for finding in metadata.get(STORED, []):
        if finding.path not in state.of(settings).fresh_reads:
            findings.collected(settings).append(finding)
