"""URLs of the per-language spaces: the default language at the root, others under /<lang>/."""

import re

from pelican.utils import slugify as pelican_slugify

NOT_IN_SLUG = re.compile(r"[/\\:]+")


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
    slug = pelican_slugify(
        str(text),
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=False,
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )
    return NOT_IN_SLUG.sub("-", slug).strip(".-")
