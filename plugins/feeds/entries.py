"""One update as a feed entry: absolute links, a stable id, people, tags, image, clean text.

Built once per update and language, then written as Atom, RSS and JSON Feed.
"""

import html
import mimetypes
import os
import re
from dataclasses import dataclass, field

from hubcore import text, urls

# Characters XML 1.0 forbids (control characters, unpaired surrogates, non-characters).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ROOT_RELATIVE = re.compile(r"""((?:href|src)=["'])/(?!/)""")


def clean(text):
    return NOT_XML.sub("", text or "")


def plain(html_text):
    """Text of an HTML fragment, for JSON Feed's `summary` and feed descriptions."""
    return text.plain(clean(html_text))


@dataclass
class Enclosure:
    url: str
    length: str
    mime_type: str


@dataclass
class Entry:
    id: str
    title: str
    link: str
    lang: str
    published: object
    updated: object
    summary: str  # HTML
    content: str  # HTML, the feature image first
    authors: list = field(default_factory=list)  # (name, page URL or None)
    categories: list = field(default_factory=list)
    image: str = None
    enclosure: Enclosure = None
    # format -> this entry's XML, made once: an update is in its language's feed and in each of its tags',
    # people's and partners' feeds (formats.SerializedOnce)
    xml: dict = field(default_factory=dict, repr=False, compare=False)


def entry_id(settings, update):
    """From the translation key and language, never the URL: a new slug or URL scheme keeps every id."""
    return f"{settings['FEED_ID_PREFIX']}updates/{update.translation_key}/{update.lang}"


def make(update, settings):
    base = settings["FEED_SITEURL"]
    lang = update.lang
    image_html, image_url, enclosure = "", None, None
    image = update.metadata.get("feature_image")
    if image:
        image_url = urls.absolute(base, image["src"])
        image_html = f'<p><img src="{html.escape(image_url)}" alt="{html.escape(clean(image.get("alt", "")))}"></p>'
        enclosure = local_enclosure(image["src"], image_url, settings)
    summary = ROOT_RELATIVE.sub(lambda m: m.group(1) + base + "/", clean(update.summary))
    content = clean(update.content)
    # A huge text would make every feed that carries it huge: readers get the summary, and the link.
    content = (
        summary
        if len(content.encode("utf-8")) > settings["FEED_CONTENT_MAX_BYTES"]
        else ROOT_RELATIVE.sub(lambda m: m.group(1) + base + "/", content)
    )
    return Entry(
        id=entry_id(settings, update),
        title=clean(update.title),
        link=urls.absolute(base, update.url),
        lang=update.metadata.get("text_lang") or lang,
        published=update.date,
        updated=getattr(update, "modified", None) or update.date,
        summary=summary,
        content=image_html + content,
        authors=[
            (clean(person.display(lang)), urls.absolute(base, person.url_for(lang)) if person.has_page(lang) else None)
            for person in getattr(update, "persons", [])
        ],
        categories=[clean(tag.display(lang)) for tag in getattr(update, "tags", [])],
        image=image_url,
        enclosure=enclosure,
    )


def local_enclosure(src, url, settings):
    """Type and length of an image in content/, as RSS requires; remote images get none."""
    path = urls.content_file(settings, src)
    if path is None or not urls.readable(settings, path):
        return None
    return Enclosure(url, str(os.path.getsize(path)), mimetypes.guess_type(path)[0] or "application/octet-stream")
