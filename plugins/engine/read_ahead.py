"""Reading the files the reader cache lacks in several processes, before Pelican reads them one by one.

Reading (YAML, Markdown, cleaning the HTML) is a third of a cold build and
uses one core. When a generator starts, the files it will read that Pelican's
reader cache lacks are read by READ_PROCESSES forked workers, and their
(body, metadata) go into that cache: Pelican then finds each of them there.
A file's findings travel in its metadata and are reported again as any cached
file's are (front_matter/cache.py), so a build reports the same findings either
way, and writes the same bytes (tests/test_read_ahead.py). Whatever the workers
need loaded once (the language model) is loaded at `generator_init` by its
plugin, listed before the engine, so the workers share it.

Only from READ_IN_PARALLEL_FROM files on: starting the workers costs more than
reading a few files.
"""

import logging
import multiprocessing
import os

from pelican.readers import _filter_discardable_metadata
from pelican.utils import file_suffix

SOURCES = {
    "ArticlesGenerator": ("ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
    "PagesGenerator": ("PAGE_PATHS", "PAGE_EXCLUDES"),
}

_readers = None  # the generator's readers, in a worker (inherited by fork, not pickled)


def read_ahead(generator):
    settings = generator.settings
    names = SOURCES.get(type(generator).__name__)
    processes = settings["READ_PROCESSES"] or os.cpu_count() or 1
    cached = settings["CACHE_CONTENT"] and settings["CONTENT_CACHING_LAYER"] == "reader"
    if names is None or not cached or processes < 2:
        return
    readers = generator.readers
    paths, excludes = names
    missing = [
        path
        for path in (
            os.path.abspath(os.path.join(generator.path, name))
            for name in sorted(generator.get_files(settings[paths], exclude=settings[excludes]))
        )
        if readers.get_cached_data(path) is None
    ]
    if len(missing) < settings["READ_IN_PARALLEL_FROM"]:
        return
    global _readers
    _readers = readers
    try:
        # Forked: the workers have the settings, plugins and readers as they are, without pickling them.
        with multiprocessing.get_context("fork").Pool(processes, initializer=plain_logging) as pool:
            for path, read in zip(missing, pool.imap(read_one, missing, chunksize=8)):
                readers.cache_data(path, read)
    finally:
        _readers = None


def read_one(path):
    content, metadata = _readers.readers[file_suffix(path)].read(path)
    return content, _filter_discardable_metadata(metadata)


def plain_logging():
    """A worker logs to stderr itself: the parent's terminal handler may have been locked mid-line by another of
    its threads when it forked."""
    for logger in (logging.getLogger(), logging.getLogger("pelican")):
        logger.handlers = [logging.StreamHandler()]
