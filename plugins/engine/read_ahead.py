"""Reading the files the reader cache lacks in several processes, while Pelican reads them one by one.

Reading (YAML, Markdown, cleaning the HTML) is a third of a cold build and
uses one core. When a generator starts, the files it will read that Pelican's
reader cache lacks are handed to READ_PROCESSES forked workers. Their
(body, metadata) go into that cache as the generator reaches each file, so the
generator's own work on a file (its Content object and the plugins' handlers)
is done while the workers read the next ones. A file's findings travel in its
metadata and are reported again as any cached file's are
(front_matter/cache.py), so a build reports the same findings either way, and
writes the same bytes (tests/test_read_ahead.py). Whatever the workers need
loaded once (the language model) is loaded at `generator_init` by its plugin,
listed before the engine, so the workers share it.

A worker that fails stops the others: Pelican reads the rest itself, as it
would without the engine. Only from READ_IN_PARALLEL_FROM files on: starting
the workers costs more than reading a few files.
"""

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from pelican.readers import _filter_discardable_metadata
from pelican.utils import file_suffix

SOURCES = {
    "ArticlesGenerator": ("ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
    "PagesGenerator": ("PAGE_PATHS", "PAGE_EXCLUDES"),
}
# Files per task: each task costs the parent a little work of its own, and the last one may leave the other
# workers idle; this many tasks per worker balances the two.
TASKS_PER_PROCESS = 16
MAX_TASK = 256

logger = logging.getLogger(__name__)
_readers = None  # the generator's readers, in a worker (inherited by fork, not pickled)
_running = []  # the read-aheads whose workers may still run, in this process


def read_ahead(generator):
    settings = generator.settings
    names = SOURCES.get(type(generator).__name__)
    processes = settings["READ_PROCESSES"] or os.cpu_count() or 1
    cached = settings["CACHE_CONTENT"] and settings["CONTENT_CACHING_LAYER"] == "reader"
    if names is None or not cached or processes < 2:
        return
    readers = generator.readers
    paths, excludes = names
    # In the order the generator will ask for them (its listing is made once, engine/speedups.py).
    missing = [
        path
        for path in (
            os.path.abspath(os.path.join(generator.path, name))
            for name in generator.get_files(settings[paths], exclude=settings[excludes])
        )
        if readers.get_cached_data(path) is None
    ]
    if len(missing) >= settings["READ_IN_PARALLEL_FROM"]:
        _running.append(Ahead(readers, missing, processes))


def done(generator):
    """The generator has read its files: its workers stop, whatever it did not ask for."""
    for ahead in [ahead for ahead in _running if ahead.readers is generator.readers]:
        ahead.stop()


def stop_all():
    """No workers outlive a run that failed half-way through its reading: the next run's start stops them."""
    for ahead in list(_running):
        ahead.stop()


class Ahead:
    """The workers' reads, put into the reader cache as the generator asks for each file."""

    def __init__(self, readers, paths, processes):
        global _readers
        self.readers, self.waiting = readers, set(paths)
        task = max(1, min(MAX_TASK, len(paths) // (processes * TASKS_PER_PROCESS)))
        _readers = readers
        # Forked: the workers have the settings, plugins and readers as they are, without pickling them. An
        # executor, not a Pool: a worker killed (out of memory) fails what it was reading instead of a wait forever.
        self.pool = ProcessPoolExecutor(processes, multiprocessing.get_context("fork"), initializer=plain_logging)
        self.reads = zip(paths, self.pool.map(read_one, paths, chunksize=task))
        readers.get_cached_data = self.get_cached_data  # shadows the method, for this run's readers only

    def get_cached_data(self, path, default=None):
        if path in self.waiting:
            self.take_until(path)
        return type(self.readers).get_cached_data(self.readers, path, default)

    def take_until(self, path):
        try:
            for read_path, read in self.reads:
                self.waiting.discard(read_path)
                self.readers.cache_data(read_path, read)
                if read_path == path:
                    break
        except Exception:  # noqa: BLE001 -- whatever stopped a worker, the reading goes on
            # A worker killed, or a bug of ours in one: Pelican reads the rest, and fails or not as it would alone.
            logger.debug("a read-ahead worker failed; the rest is read one by one", exc_info=True)
            self.waiting.clear()
        if not self.waiting:
            self.stop()

    def stop(self):
        global _readers
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.waiting.clear()
        self.readers.__dict__.pop("get_cached_data", None)
        if self in _running:
            _running.remove(self)
        if not _running:
            _readers = None


def read_one(path):
    content, metadata = _readers.readers[file_suffix(path)].read(path)
    return content, _filter_discardable_metadata(metadata)


def plain_logging():
    """A worker logs to stderr itself: the parent's terminal handler may have been locked mid-line by another of
    its threads when it forked."""
    for logger in (logging.getLogger(), logging.getLogger("pelican")):
        logger.handlers = [logging.StreamHandler()]
