"""URLs of the per-language spaces (the default language at the root, others under /<lang>/), and the
files and absolute addresses that content paths name."""

import functools
import os
import re
from urllib.parse import unquote

from pelican import utils

from hubcore import inventory

NOT_IN_SLUG = re.compile(r"[/\\:]+")
# A slug is a folder or file name of the output (`tags/<slug>/`, `feeds/tags/<slug>.atom.xml`): file systems allow
# 255 bytes a name, and the longest suffix the site adds is 10.
MAX_SLUG_BYTES = 200
# Pelican's link syntax for content files: `{static}/images/a.png`.
LINK_PREFIXES = ("{static}", "{filename}", "{attach}")


def lang_prefix(settings, lang):
    return "" if lang == settings["DEFAULT_LANG"] else f"{lang}/"


def lang_url(settings, lang, path=""):
    """Site-relative URL of `path` in `lang`'s space ('' is that language's home)."""
    return lang_prefix(settings, lang) + path


def save_as(url):
    """Output file of a directory-style URL."""
    return url + "index.html" if url.endswith("/") or not url else url


def slugify(settings, text):
    """A URL part from any text; never a path (no separators, no leading dots), whatever the settings say."""
    # Names recur on every update that gives them (tags, people, partners): Pelican's slugify is remembered.
    slug = remembered_slugify(
        str(text),
        tuple(map(tuple, settings.get("SLUG_REGEX_SUBSTITUTIONS", []))),
        False,
        settings.get("SLUGIFY_USE_UNICODE", False),
    )
    return NOT_IN_SLUG.sub("-", slug).strip(".-")


def is_remote(src):
    return "://" in src or src.startswith("//")


def absolute(base, url):
    """`https://site/images/a.png` for `/images/a.png` (feeds and sharing cards need whole addresses)."""
    return url if is_remote(url) else f"{base}/{url.lstrip('/')}"


def content_file(settings, src, document_path=""):
    """The file in content/ that a path or `{static}` link names (from the document's folder when it does not
    start with `/`), or None for a remote address. The file may not exist, nor lie inside content/."""
    if is_remote(src):
        return None
    for prefix in LINK_PREFIXES:
        src = src.removeprefix(prefix)
    src = unquote(src.split("#")[0].split("?")[0])
    folder = "" if src.startswith("/") else os.path.dirname(document_path)
    return os.path.normpath(os.path.join(settings["PATH"], folder, src.lstrip("/")))


def readable(settings, path):
    """Whether `path` names a file of content/ that may be read: one the run's inventory lists (never a link out
    of content/, nor a pipe)."""
    return inventory.of(settings).readable(path)


@functools.lru_cache(maxsize=1 << 16)
def remembered_slugify(value, regex_subs, preserve_case, use_unicode):
    """Pelican's public slugify, remembered (its arguments hashable: `regex_subs` a tuple of pairs)."""
    return utils.slugify(value, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode)


@functools.lru_cache(maxsize=1 << 16)
def relative_path(folder, source_path, cwd):  # cwd: abspath depends on it
    """`source_path` relative to `folder`, as Pelican's Content.get_relative_source_path gives it, remembered."""
    base, full = _absolute(folder, cwd), os.path.abspath(os.path.join(folder, source_path))
    # relpath splits both paths into parts; a file inside the folder needs only the folder cut off.
    inside = base != os.sep and full.startswith(base + os.sep)
    return utils.posixize_path(full[len(base) + 1 :] if inside else os.path.relpath(full, base))


@functools.lru_cache(maxsize=16)
def _absolute(folder, cwd):
    return os.path.abspath(folder)
