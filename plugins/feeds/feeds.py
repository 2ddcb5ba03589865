"""Atom and RSS feeds per language, per tag, per person and per partner; JSON Feed per language.

    /feeds/all.atom.xml  /es/feeds/all.rss.xml  /fr/feeds/all.json
    /es/feeds/partners/iom.atom.xml  /feeds/people/nate-smith.rss.xml  /pt/feeds/tags/hub.atom.xml

Each language also gets a "Subscribe" page (/es/feeds/) listing its feeds,
and every page's <head> links the feeds that fit it. Only published updates
appear: Pelican has already turned future-dated ones into drafts.
"""

import datetime as dt
import io
import os
import re

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from directory.directory import DIRECTORY
from hubcore import files, plugin, updates, urls
from hubcore.settings import SettingsError, apply_defaults

from . import entries as feed_entries
from .formats import FORMATS, MIME_TYPES, Feed

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)  # `updated` of feeds on a site with no update yet
ABSOLUTE = re.compile(r"^https?://[^/\s]+")
ALL = "all"


def check_settings(pelican):
    settings = pelican.settings
    settings["FEED_SITEURL"] = settings["FEED_SITEURL"] or settings["SITEURL"]
    if not ABSOLUTE.match(settings["FEED_SITEURL"] or ""):
        raise SettingsError(
            f"FEED_SITEURL is {settings['FEED_SITEURL']!r}: feeds need an absolute site URL "
            "(https://...), since feed readers resolve no relative link; set it (or SITEURL) in "
            "publishconf.py"
        )
    settings["FEED_SITEURL"] = settings["FEED_SITEURL"].rstrip("/")


def feed_name(settings, kind, slug):
    """`partners/iom` for IOM's feeds: the kind's URL folder, then the slug."""
    return f"{settings['DIRECTORY_KINDS'][kind]['url'].split('/')[0]}/{slug}"


def feed_url(settings, lang, name, extension):
    return urls.lang_url(settings, lang, f"{settings['FEED_FOLDER']}{name}.{extension}")


def own_updates(entity, lang):
    """An entry's updates written in `lang` (lists in "mixed" mode also hold untranslated ones)."""
    return [update for update in entity.updates.get(lang, []) if update.lang == lang]


def entity_feeds(context, lang):
    """(kind, entity) of every entry that has a feed in `lang`, by kind then name."""
    directory = context.get(DIRECTORY, {})
    for kind in context["FEED_KINDS"]:
        entities = sorted(
            (e for e in directory.get(kind, {}).values() if own_updates(e, lang)),
            key=lambda e: e.display(lang).casefold(),
        )
        for entity in entities:
            yield kind, entity


class FeedsGenerator(Generator):
    SHOWS_BODIES = True  # full-content feeds: made again when an update's body alone changed (plugins/incremental)

    def generate_output(self, writer):
        settings = self.settings
        published = updates.published(self.context)
        newest = published[0].date if published else EPOCH
        made = {}

        def entries(items):
            for update in items:
                if id(update) not in made:
                    made[id(update)] = feed_entries.make(update, settings)
            return [made[id(update)] for update in items]

        for lang in settings["LANGUAGES"]:
            own = [u for u in published if u.lang == lang]
            title = f"{settings['SITENAME']} · {settings['LANGUAGES'][lang]['name']}"
            self._write(
                writer,
                lang,
                ALL,
                title,
                settings["SITE_DESCRIPTION"].get(lang, title),
                urls.lang_url(settings, lang),
                own,
                entries,
                newest,
                FORMATS,
            )
            feeds = list(entity_feeds(self.context, lang))
            for kind, entity in feeds:
                name = entity.display(lang)
                self._write(
                    writer,
                    lang,
                    feed_name(settings, kind, entity.slug),
                    f"{settings['SITENAME']} · {name}",
                    entity.text("role", lang) or name,
                    entity.url_for(lang),
                    own_updates(entity, lang),
                    entries,
                    newest,
                    {ext: FORMATS[ext] for ext in ("atom.xml", "rss.xml")},
                )
            url = urls.lang_url(settings, lang, settings["FEED_FOLDER"])
            writer.write_file(
                urls.save_as(url),
                self.get_template("feeds"),
                self.context,
                settings["RELATIVE_URLS"],
                url=url,
                lang=lang,
                feeds=feeds,
                alternates={
                    other: urls.lang_url(settings, other, settings["FEED_FOLDER"]) for other in settings["LANGUAGES"]
                },
            )

    def _write(self, writer, lang, name, title, description, page_url, items, entries, newest, formats):
        settings = self.settings
        base = settings["FEED_SITEURL"]
        items = items[: settings["FEED_MAX_ITEMS"]]
        for extension, write in formats.items():
            path = feed_url(settings, lang, name, extension)
            target = os.path.join(self.output_path, path)
            # An incremental writer (plugins/incremental) knows when the file already holds this feed.
            if getattr(writer, "fresh", None) and writer.fresh(
                target, path, title, description, page_url, newest, items, documents=items
            ):
                continue
            feed = Feed(
                title=feed_entries.clean(title),
                link=f"{base}/{page_url}",
                description=feed_entries.plain(description),
                lang=lang,
                url=f"{base}/{path}",
                feed_id=f"{settings['FEED_ID_PREFIX']}feeds/{lang}/{name}",
                author=settings["SITENAME"],
                author_link=f"{base}/{urls.lang_url(settings, lang)}",
                fallback_updated=newest,
            )
            text = io.StringIO()
            write(feed, entries(items), text)
            files.write_if_changed(target, text.getvalue())
            if getattr(writer, "made", None):
                writer.made(target)


@pass_context
def page_feeds(context):
    """(MIME type, title, URL) of the feeds a page's <head> announces: its language's, and its entry's."""
    settings, lang = context, context["lang"]
    found = [
        (
            MIME_TYPES[ext],
            f"{settings['SITENAME']} · {settings['LANGUAGES'][lang]['name']}",
            feed_url(settings, lang, ALL, ext),
        )
        for ext in FORMATS
    ]
    entity, kind = context.get("entity"), context.get("kind")
    if entity is not None and kind in settings["FEED_KINDS"] and own_updates(entity, lang):
        found += [
            (
                MIME_TYPES[ext],
                f"{settings['SITENAME']} · {entity.display(lang)}",
                feed_url(settings, lang, feed_name(settings, kind, entity.slug), ext),
            )
            for ext in ("atom.xml", "rss.xml")
        ]
    return found


@pass_context
def feed_link(context, name, extension, kind=None, lang=None):
    """Site-relative URL of a feed: `feed_link('all', 'atom.xml')`, `feed_link(entity.slug, 'rss.xml', kind)`."""
    settings = context
    if kind:
        name = feed_name(settings, kind, name)
    return feed_url(settings, lang or context["lang"], name, extension)


def prepare_environment(generator):
    generator.env.globals.update(page_feeds=page_feeds, feed_link=feed_link)


SIGNAL_HANDLERS = {
    signals.initialized: (apply_defaults, check_settings),
    signals.generator_init: prepare_environment,
    signals.article_generator_finalized: updates.collect,
    signals.get_generators: plugin.adds_generator(FeedsGenerator),
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
