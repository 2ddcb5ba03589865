"""Atom 1.0, RSS 2.0 (feedgenerator, as Pelican uses) and JSON Feed 1.1 from the same entries.

feedgenerator writes one author per item and no full content in RSS: the
subclasses add every person and `content:encoded`.
"""

import io
import json

import feedgenerator
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator

from .entries import plain


class Feed:
    """What every format says about a feed itself."""

    def __init__(self, title, link, description, lang, url, feed_id, author, author_link, fallback_updated):
        self.title, self.link, self.description, self.lang = title, link, description, lang
        self.url, self.id, self.author, self.author_link = url, feed_id, author, author_link
        self.fallback_updated = fallback_updated  # an empty feed still needs an `updated`


def _latest(generator_feed):
    dates = [item["updateddate"] or item["pubdate"] for item in generator_feed.items]
    return max(dates) if dates else generator_feed.feed["fallback_updated"]


class SerializedOnce:
    """Each entry's XML is made once per format, then written as it is into every feed that carries it: an update
    is in its language's feeds and in those of each of its tags, people and partners."""

    ITEM = None  # the item element's name

    def write_items(self, handler):
        for item in self.items:
            made = item["entry"].xml
            if self.ITEM not in made:
                buffer = io.StringIO()
                single = SimplerXMLGenerator(buffer, "utf-8", short_empty_elements=True)
                single.startElement(self.ITEM, self.item_attributes(item))
                self.add_item_elements(single, item)
                single.endElement(self.ITEM)
                made[self.ITEM] = buffer.getvalue()
            handler.ignorableWhitespace(made[self.ITEM])  # written as it is, already escaped


class AtomFeed(SerializedOnce, feedgenerator.Atom1Feed):
    ITEM = "entry"

    def item_attributes(self, item):
        # A text in a language the site does not offer sits in the default language's feed, saying its own.
        own = item["entry"].lang
        return {**super().item_attributes(item), **({"xml:lang": own} if own != self.feed["language"] else {})}

    def latest_post_date(self):
        return _latest(self)

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, link in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if link:
                handler.addQuickElement("uri", link)
            handler.endElement("author")


class RssFeed(SerializedOnce, feedgenerator.Rss201rev2Feed):
    ITEM = "item"

    def latest_post_date(self):
        return _latest(self)

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:atom": "http://www.w3.org/2005/Atom",
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _ in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        if item["entry"].lang != self.feed["language"]:
            handler.addQuickElement("dc:language", item["entry"].lang)
        handler.addQuickElement("content:encoded", item["full_content"])


def _generator_feed(cls, feed, entries):
    out = cls(
        title=feed.title,
        link=feed.link,
        description=feed.description,
        language=feed.lang,
        feed_url=feed.url,
        feed_guid=feed.id,
        author_name=feed.author,
        author_link=feed.author_link,
        fallback_updated=feed.fallback_updated,
    )
    for entry in entries:
        enclosures = (
            [feedgenerator.Enclosure(entry.enclosure.url, entry.enclosure.length, entry.enclosure.mime_type)]
            if entry.enclosure
            else None
        )
        out.add_item(
            title=entry.title,
            link=entry.link,
            description=entry.summary,
            unique_id=entry.id,
            unique_id_is_permalink=False,
            pubdate=entry.published,
            updateddate=entry.updated,
            categories=entry.categories,
            enclosures=enclosures,
            authors=entry.authors,
            # Atom's <content>; RSS gets it as content:encoded
            content=entry.content if cls is AtomFeed else None,
            full_content=entry.content,
            entry=entry,
        )
    return out


def atom(feed, entries, handle):
    _generator_feed(AtomFeed, feed, entries).write(handle, "utf-8")


def rss(feed, entries, handle):
    _generator_feed(RssFeed, feed, entries).write(handle, "utf-8")


def json_feed(feed, entries, handle):
    json.dump(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed.title,
            "home_page_url": feed.link,
            "feed_url": feed.url,
            "description": feed.description,
            "language": feed.lang,
            "authors": [{"name": feed.author, "url": feed.author_link}],
            "items": [
                {
                    "id": entry.id,
                    "url": entry.link,
                    "title": entry.title,
                    "content_html": entry.content,
                    "summary": plain(entry.summary),
                    "date_published": entry.published.isoformat(),
                    "date_modified": entry.updated.isoformat(),
                    "language": entry.lang,
                    "tags": entry.categories,
                    "authors": [{"name": name, **({"url": link} if link else {})} for name, link in entry.authors],
                    **({"image": entry.image} if entry.image else {}),
                }
                for entry in entries
            ],
        },
        handle,
        ensure_ascii=False,
        indent=1,
    )


FORMATS = {"atom.xml": atom, "rss.xml": rss, "json": json_feed}
MIME_TYPES = {"atom.xml": "application/atom+xml", "rss.xml": "application/rss+xml", "json": "application/feed+json"}
