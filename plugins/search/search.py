"""Search per language with Pagefind, run on the built site; a plain list when JavaScript is off.

Pagefind reads `<html lang>` and keeps one index per language (stemming
es/fr/pt), and indexes only update pages (`data-pagefind-body` in
article.html), in runs of at most SEARCH_PAGES_PER_INDEX pages (bundles.py).
Each language's search page (`/es/search/`) loads a small script of ours and
Pagefind's own files, all served by the site; without JavaScript it lists the
language's updates instead.
"""

import hashlib
import json
import os

from pelican import signals
from pelican.generators import Generator

from hubcore import findings, plugin, state, updates, urls
from hubcore.settings import apply_defaults

from . import bundles


class SearchPagesGenerator(Generator):
    def generate_output(self, writer):
        settings = self.settings
        published = updates.published(self.context)
        runs = state.of(settings).pagefind_runs
        for lang in settings["LANGUAGES"]:
            url = urls.lang_url(settings, lang, settings["SEARCH_URL"])
            writer.write_file(
                urls.save_as(url),
                self.get_template("search"),
                self.context,
                settings["RELATIVE_URLS"],
                url=url,
                lang=lang,
                updates=[item for item in published if item.lang == lang],
                merged_bundles=bundles.merged_bundles(runs, lang),
                alternates={
                    other: urls.lang_url(settings, other, settings["SEARCH_URL"]) for other in settings["LANGUAGES"]
                },
            )
        finish_index(settings, getattr(writer, "manifest", None))


def entry_file(settings):
    return os.path.join(settings["OUTPUT_PATH"], "pagefind", bundles.ENTRY)


def start_index(generator, writer):
    """The update pages, the only ones Pagefind indexes, are written (Pelican's articles generator is
    done): index them (the `pagefind[bin]` package carries Pagefind's binary) while the other generators
    write the rest. Not when an incremental writer (plugins/incremental) rendered no update page again since
    Pagefind last succeeded."""
    settings = generator.settings
    if not settings["SEARCH_INDEX"]:
        return
    state.settle_pages(settings)  # Pagefind reads them from disk
    pages = {}
    for doc in updates.every_status(generator):
        if doc.save_as:
            pages.setdefault(doc.lang, []).append(doc.save_as)
    state.of(settings).pagefind_runs = bundles.plan(pages, settings["SEARCH_PAGES_PER_INDEX"])
    manifest = getattr(writer, "manifest", None)
    if manifest is not None:  # a build into a new folder: the last index, to keep or to make again in part
        manifest.take_folder(os.path.dirname(entry_file(settings)))
    if (
        manifest is not None
        and not manifest.changed_so_far()
        and manifest.fresh(entry_file(settings), indexed(settings))
    ):
        return
    begin_index(settings)


def begin_index(settings):
    state.of(settings).indexing = bundles.Indexing(
        settings["OUTPUT_PATH"],
        settings["CACHE_PATH"],
        state.of(settings).pagefind_runs,
        settings["SEARCH_PAGES_PER_INDEX"],
    )


def indexed(settings):
    """The manifest's key for a complete index of this build's pages: an update removed or renamed (no page
    written again) is one that Pagefind must drop."""
    runs = [[run.bundle, run.pages] for run in state.of(settings).pagefind_runs]
    return "pagefind " + hashlib.sha256(json.dumps(runs).encode()).hexdigest()


def indexing(settings):
    """Whether the search index is still being made."""
    running = state.of(settings).indexing
    return running is not None and running.poll() is None


def cancel_index(settings):
    """Stop an index being made (`./dev serve`: the site changed again meanwhile)."""
    running = stop_index(settings)
    if running is not None:
        running.wait()


def stop_index(settings):
    """Tell an index being made to stop, without waiting for it to end; what was being made (to `wait()` for
    before the next), or None."""
    running, state.of(settings).indexing = state.of(settings).indexing, None
    if running is not None:
        running.stop()
    return running


def finish_index(settings, manifest=None):
    """Wait for Pagefind; report it if it failed."""
    running, state.of(settings).indexing = state.of(settings).indexing, None
    if running is None:
        return
    error = running.wait()
    if error:
        findings.report(
            settings,
            findings.ERROR,
            "E-SEARCH-INDEX",
            "pelicanconf.py",
            0,
            f"the search index could not be made: {error}",
            "run `.venv/bin/python -m pagefind --site output` to see Pagefind's own error, or build with `-D` for "
            "the traceback of any other",
        )
    elif manifest is not None and os.path.exists(entry_file(settings)):
        manifest.record(entry_file(settings), indexed(settings))


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.article_generator_finalized: updates.collect,
    signals.get_generators: plugin.adds_generator(SearchPagesGenerator),
    signals.article_writer_finalized: start_index,
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
