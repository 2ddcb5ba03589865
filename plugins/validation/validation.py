"""Every content problem of a build at once, grouped by file, with a count; strict mode fails the build.

The reader and the other plugins report what they find while they work
(hubcore.findings); this plugin adds the checks that need every document
(duplicate URLs and slugs, links between updates) and the per-document checks
(dates, images, summaries, mojibake), then prints the lot when the build ends.
`./dev check` runs the same build with a writer that writes nothing.
"""

import datetime as dt
import os
import sys

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from hubcore import claims, findings, plugin, state, updates
from hubcore.errors import StrictFailure
from hubcore.settings import apply_defaults

from . import accounting, documents, duplicates, output, source

DIRECTORY = "HUB_DIRECTORY"  # the directory plugin's context key: kind -> {slug: Entity}


class NullWriter:
    """`./dev check`: the build runs to the end, and nothing is rendered or written."""

    def __init__(self, output_path, settings=None):
        self.output_path = output_path

    def write_file(self, *args, **kwargs):
        pass

    def write_feed(self, *args, **kwargs):
        pass


def get_writer(pelican):
    return NullWriter if pelican.settings["HUB_CHECK_ONLY"] else None


def check_all(generators):
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    settings = articles.settings
    update_docs = updates.every_status(articles)
    page_docs = [doc for name in updates.PAGE_LISTS for doc in getattr(pages, name)]
    page_docs_set = set(map(id, page_docs))
    now = dt.datetime.now(dt.timezone.utc)
    known = known_urls(settings, update_docs)
    for doc in update_docs + page_docs:
        documents.check(doc, settings, now, is_update=id(doc) not in page_docs_set)
        source.check(doc, settings, known)
    staticfiles = articles.context.get("staticfiles", [])
    duplicates.drop_static_on_taken_urls(staticfiles, settings)
    duplicates.drop_pages_on_taken_urls(pages, update_docs, claims.of_site(settings, staticfiles), settings)
    documents.check_photos(articles.context.get(DIRECTORY, {}), settings)
    accounting.check(generators, settings)


def known_urls(settings, update_docs):
    """What a link in a body may point at: an update's address, or its old one (they redirect). The
    translations plugin already named dead translation links more precisely."""
    return source.KnownUrls(
        settings,
        [url for doc in update_docs for url in (doc.url, *updates.old_addresses(doc))],
        {(f.path, f.line) for f in findings.collected(settings) if f.code == "E-TRANSLATION-LINK"},
    )


def finish(pelican):
    settings = pelican.settings
    state.settle_pages(settings)  # a strict failure below stops the run: its pages are written first
    items, content_dir = output.shown(settings)
    try:
        print(output.RENDER[settings["VALIDATION_FORMAT"]](items, content_dir), flush=True)
    except BrokenPipeError:  # `./dev check | head`: the reader has what they wanted; no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python flushes stdout again on exit
    errors = sum(f.severity == findings.ERROR for f in items)
    warnings = sum(f.severity == findings.WARNING for f in items)
    if settings["STRICT_CONTENT"] and (errors or (warnings and settings["STRICT_WARNINGS"])):
        raise StrictFailure(
            f"the content check found {errors} error(s)"
            + (f" and {warnings} warning(s)" if settings["STRICT_WARNINGS"] else "")
            + "; the report above names them"
        )


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.get_generators: state.new_run,  # a run starts (again, under autoreload): forget the last's findings
    signals.get_writer: get_writer,
    signals.article_generator_pretaxonomy: duplicates.drop_duplicate_updates,
    signals.all_generators_finalized: check_all,
    signals.finalized: finish,
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
