"""Reading the files the reader cache lacks in several processes, before Pelican reads them one by one.

Reading (YAML, Markdown, cleaning the HTML) is a third of a cold build and
uses one core. When a generator starts, the files it will read that Pelican's
reader cache lacks are read by READ_PROCESSES forked workers, and their
(body, metadata) go into that cache, with the file's modification stamp from
before the worker read it (a file changed since is read again): Pelican then
finds each of them there. A file's findings travel in its metadata and are
reported again as any cached file's are (front_matter/cache.py), so a build
reports the same findings either way, and writes the same bytes
(tests/test_read_ahead.py). Whatever the workers need loaded once (the
language model) is loaded at `generator_init` by its plugin, listed before the
engine, so the workers share it.

A worker that dies (out of memory), or workers that cannot be started, leave
the files not yet read to Pelican, as it reads without the engine; workers end
with the build's process, even one killed (on Linux). Only from
READ_IN_PARALLEL_FROM files on: starting the workers costs more than reading a
few files.
"""

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

from pelican import cache
from pelican.readers import _filter_discardable_metadata
from pelican.utils import file_suffix

SOURCES = {
    "ArticlesGenerator": ("ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
    "PagesGenerator": ("PAGE_PATHS", "PAGE_EXCLUDES"),
}
# Files per task: each task costs this process a little work of its own, and the last one may leave the other
# workers idle; this many tasks per worker balances the two.
TASKS_PER_PROCESS = 16
MAX_TASK = 256
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends

logger = logging.getLogger(__name__)
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
    if len(missing) >= settings["READ_IN_PARALLEL_FROM"]:
        read_in(readers, missing, processes)


def read_in(readers, paths, processes):
    global _readers
    _readers = readers
    task = max(1, min(MAX_TASK, len(paths) // (processes * TASKS_PER_PROCESS)))
    # Forked: the workers have the settings, plugins and readers as they are, without pickling them. An
    # executor, not a Pool: a worker killed fails the reads it had instead of leaving them awaited forever.
    pool = ProcessPoolExecutor(
        processes, multiprocessing.get_context("fork"), initializer=start_worker, initargs=(os.getpid(),)
    )
    try:
        for path, (stamp, read) in zip(paths, pool.map(read_one, paths, chunksize=task)):
            cache.FileDataCacher.cache_data(readers, path, (stamp, read))  # the stamp the worker read under
    except Exception:  # noqa: BLE001 -- whatever stopped the workers, Pelican reads what they did not
        logger.warning("reading in several processes stopped; the rest is read in this one (-D: why)")
        logger.debug("the read-ahead stopped", exc_info=True)
        # When a later fork failed, the workers already started get neither work nor a stop, and the exit would
        # wait for them. The executor has no public way to end its workers before Python 3.14
        # (`terminate_workers`); tests/test_read_ahead.py refuses the second fork to test this private way.
        for worker in list((pool._processes or {}).values()):
            worker.kill()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _readers = None


def read_one(path):
    stamp = _readers._get_file_stamp(path)  # before reading: an edit saved meanwhile is read again by Pelican
    content, metadata = _readers.readers[file_suffix(path)].read(path)
    return stamp, (content, _filter_discardable_metadata(metadata))


def start_worker(parent):
    """A worker ends with the build's process, even one killed: its task queue would keep it waiting forever
    (Linux; elsewhere it waits). It logs to stderr itself."""
    if sys.platform == "linux":
        # prctl is variadic: its second argument is read as an unsigned long, which a plain int leaves half unset.
        ctypes.CDLL(None).prctl(ctypes.c_int(PR_SET_PDEATHSIG), ctypes.c_ulong(signal.SIGKILL))
    if os.getppid() != parent:  # ended before the worker could ask
        os._exit(1)
    plain_logging()


def plain_logging():
    """A worker logs to stderr itself: the parent's terminal handler may have been locked mid-line by another of
    its threads when it forked."""
    for logger in (logging.getLogger(), logging.getLogger("pelican")):
        logger.handlers = [logging.StreamHandler()]
