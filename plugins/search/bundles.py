"""Pagefind's index made in parts, by runs that together hold at most SEARCH_PAGES_PER_INDEX pages at a time.

Pagefind holds all it indexes in memory, which grows with the pages of a run
(bench/README.md has the figures). So a run indexes at most SEARCH_PAGES_PER_INDEX
pages, and a language over the limit is split. Each language has runs of its
own: after an edit, Pagefind reads again the pages of that language only.
Runs whose pages add up to no more than the limit are made at once: a Pagefind
run is mostly one thread, and the build's other core is otherwise idle while the
last languages are indexed.
The first part of each language goes into the site's bundle, `pagefind/`: the
runs' bundles merged are, byte for byte, the bundle one run over every page
makes (each language's index is its own). A language's further parts are
bundles of their own, `pagefind/<lang>-2/`..., that its search page merges
(Pagefind's `mergeIndex`), which costs its searchers a few more small downloads.

Each run reads its pages in the output folder, named one by one in the glob
of a configuration file of its own (thousands of names are longer than some
systems let a command line be): only the pages of this build, never a page an
earlier build left there. Where a page's path could be read as glob syntax, the
run reads a folder of hard links to its pages instead (copies where links
cannot be made), with the same paths, so the same URLs. A run whose pages have
the same bytes as when it last ran is not run again.
"""

import filecmp
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from importlib.metadata import version

from hubcore import files

ENTRY = "pagefind-entry.json"
PAGEFIND = version("pagefind-bin")

# How often the runs of a group are looked at: a run takes seconds, and the first that fails stops the others.
WAITING_SECONDS = 0.05
# A page path that is only itself in a glob (no `{`, `,`, `*`, `?`, `[`, `\\`, `!`).
GLOB_LITERAL = re.compile(r"[\w./-]+")
# The longest glob a run is given; past it, a folder of links. Pagefind 1.5 refuses some globs of about 190,000
# characters of page names.
MAX_GLOB = 100_000

logger = logging.getLogger(__name__)


@dataclass
class Run:
    """One Pagefind run: its pages (paths in the output folder), and the bundle it makes ("" for the site's)."""

    bundle: str
    pages: list = field(default_factory=list)


def plan(pages_by_lang, limit):
    """The runs that index `pages_by_lang` ({lang: [page path]}), at most `limit` pages each."""
    site, more = [], []
    for lang in sorted(pages_by_lang):
        pages = sorted(set(pages_by_lang[lang]))
        if not pages:
            continue
        first, *rest = (pages[start : start + limit] for start in range(0, len(pages), limit))
        site.append(Run("", first))
        more += [Run(f"{lang}-{number}", part) for number, part in enumerate(rest, start=2)]
    return site + more


def merged_bundles(runs, lang):
    """The bundles a search page in `lang` merges into the site's, as folders of `pagefind/`."""
    return [run.bundle for run in runs if run.bundle.rpartition("-")[0] == lang]


def together(waiting, limit):
    """`waiting`, (key, run) pairs, in groups of consecutive ones whose runs have `limit` pages at most in all
    (a run over the limit alone)."""
    group, size = [], 0
    for key, run in waiting:
        if group and size + len(run.pages) > limit:
            yield group
            group, size = [], 0
        group.append((key, run))
        size += len(run.pages)
    if group:
        yield group


class Indexing:
    """The runs, in a thread of their own, then their bundles put in `<output>/pagefind/`.

    `error` says why the index could not be made, in Pagefind's words when a run failed (the site's bundle is
    then left as it was). Of several runs, one whose pages have the same bytes as when it last ran is not run
    again: its files are taken from the bundle in the output folder (`cache/pagefind-runs.json` lists them).
    The others are made by groups of runs (`together`), the runs of a group at once, each in a Pagefind
    process of its own."""

    def __init__(self, output_path, cache_path, runs, limit):
        self.output_path, self.runs, self.limit = output_path, runs, limit
        self.work, self.known = os.path.join(cache_path, "pagefind"), os.path.join(cache_path, "pagefind-runs.json")
        self.page_digests = os.path.join(cache_path, "pagefind-pages.json")
        self.error, self.processes, self.cancelled = None, [], False
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._index, daemon=True)
        self.thread.start()

    def poll(self):
        """None while indexing, like a running process."""
        return None if self.thread.is_alive() else 0

    def wait(self):
        self.thread.join()
        return self.error

    def stop(self):
        """Stop at once, without waiting for the thread to end (`wait`); what was made so far is removed by the
        next indexing, in its own thread."""
        with self.lock:
            self.cancelled = True
            for process in self.processes:
                process.kill()

    def _index(self):
        try:
            self._run_each()
        except PagefindFailed as error:
            self.error = str(error)
        except OSError as error:  # the machine's (a full disk), reported like Pagefind's own failures
            self.error = f"{error.filename or ''}: {error.strerror or error}"
        except Exception as error:  # noqa: BLE001 -- a fault here must fail the build, not end a thread unseen
            logger.debug("indexing failed", exc_info=True)  # its traceback, for `-D`
            self.error = f"{type(error).__name__}: {error}"

    def _run_each(self):
        shutil.rmtree(self.work, ignore_errors=True)
        made, published = os.path.join(self.work, "pagefind"), os.path.join(self.output_path, "pagefind")
        known, done, waiting = read_json(self.known), {}, []
        # A site of one run makes it whatever its pages: no key, no page read to make one.
        digests = PageDigests(self.output_path, self.page_digests) if len(self.runs) > 1 else None
        for run in self.runs:
            key = run_key(run, digests) if digests is not None else None
            if key and take_made(known.get(key), os.path.join(published, run.bundle), os.path.join(made, run.bundle)):
                done[key] = known[key]
            else:
                waiting.append((key, run))
        for group in together(waiting, self.limit):
            if not self._pagefind([run for _, run in group]):
                return  # cancelled
            for number, (key, run) in enumerate(group):
                done[key] = add_bundle(self._folder("run", number), os.path.join(made, run.bundle))
        keep_unchanged(made, published)
        done.pop(None, None)
        write_json(self.known, done)
        if digests is not None:
            digests.save()
        shutil.rmtree(self.work, ignore_errors=True)

    def _folder(self, name, number):
        return os.path.join(self.work, f"{name}-{number}")

    def _pagefind(self, group):
        """Pagefind over each run of `group` at once, the bundle of its n-th run in `<work>/run-<n>`; False when
        cancelled. Raises PagefindFailed when a run failed (the others are then stopped)."""
        folders = [self._configure(number, run) for number, run in enumerate(group)]
        try:
            for number, folder in enumerate(folders):
                with self.lock:
                    if self.cancelled:
                        return False
                    self.processes.append(start_pagefind(folder, self._folder("log", number)))
            self._wait_for_all()
        finally:
            with self.lock:
                for process in self.processes:  # none left running: on a failure, or one that could not start
                    process.kill()
                    process.wait()
                self.processes = []
        if self.cancelled:
            return False
        for number in range(len(group)):
            shutil.rmtree(self._folder("site", number), ignore_errors=True)
            shutil.rmtree(self._folder("conf", number), ignore_errors=True)
        return True

    def _wait_for_all(self):
        """Wait for the group's runs, in whatever order they end; raise PagefindFailed at the first that failed
        (unless cancelled), without waiting for the others."""
        running = dict(enumerate(self.processes))
        while running:
            for number, process in list(running.items()):
                if process.poll() is None:
                    continue
                del running[number]
                if process.returncode and not self.cancelled:
                    raise PagefindFailed(failure(self._folder("log", number), process.returncode))
            if running:
                time.sleep(WAITING_SECONDS)

    def _configure(self, number, run):
        """The folder from which Pagefind makes the n-th run, its `pagefind.json` written there: the output folder
        and a glob of the run's pages, or a folder of links to them made for it (`glob_of` gave none)."""
        glob = glob_of(run.pages)
        if glob is not None:
            site = self.output_path
        else:
            site, glob = self._folder("site", number), "**/*.html"
            link_pages(self.output_path, site, run.pages, lambda: self.cancelled)
        folder = self._folder("conf", number)
        # Pagefind runs in `folder`: every path it is given is whole.
        settings = {
            "site": os.path.abspath(site),
            "glob": glob,
            "output_path": os.path.abspath(self._folder("run", number)),
            "silent": True,
        }
        write_json(os.path.join(folder, "pagefind.json"), settings)
        return folder


def glob_of(pages):
    """A glob of exactly `pages` (their common start and end written once), or None when a page's path reads as
    glob syntax or the glob would be longer than MAX_GLOB."""
    if not pages or not all(GLOB_LITERAL.fullmatch(page) for page in pages):
        return None
    if len(pages) == 1:
        return pages[0]
    shortest = min(map(len, pages))
    start = len(os.path.commonprefix(pages)[: shortest - 1])
    end = len(os.path.commonprefix([page[start:][::-1] for page in pages])[: shortest - start - 1])
    glob = (
        pages[0][:start]
        + "{"
        + ",".join(page[start : len(page) - end] for page in pages)
        + "}"
        + pages[0][len(pages[0]) - end :]
    )
    return glob if len(glob) <= MAX_GLOB else None


class PagefindFailed(Exception):
    """A Pagefind run ended with an error; the message is Pagefind's."""


def start_pagefind(folder, log):
    """Pagefind started in `folder`, which holds its configuration, all it prints written to the file `log`: to
    a file, not a pipe, for one run filling a pipe would wait while another's is read."""
    os.makedirs(os.path.dirname(log), exist_ok=True)
    with open(log, "w", encoding="utf-8") as handle:
        return subprocess.Popen([sys.executable, "-m", "pagefind"], cwd=folder, stdout=handle, stderr=subprocess.STDOUT)


def failure(log, status):
    """What a failed run printed, or its exit status when it printed nothing (killed, out of memory)."""
    with open(log, encoding="utf-8", errors="replace") as handle:
        printed = handle.read().strip()[:300]
    return printed or f"Pagefind ended with exit status {status} and no message"


def run_key(run, digests):
    """What a run's bundle is made of: Pagefind's version, the bundle's name, its pages' paths and bytes."""
    digest = hashlib.sha256(f"{PAGEFIND}\0{run.bundle}".encode())
    for page in run.pages:
        digest.update(f"\0{page}\0{digests.of(page)}".encode())
    return digest.hexdigest()


class PageDigests:
    """The digest of each page's bytes, remembered with the page's size and modification time: a page the
    build did not write again is not read again (as the incremental writer's manifest trusts them)."""

    def __init__(self, output_path, path):
        self.output_path, self.path = output_path, path
        self.known, self.now = read_json(path), {}

    def of(self, page):
        try:
            stat = os.stat(os.path.join(self.output_path, page))
        except FileNotFoundError:
            return "missing"
        stamp = [stat.st_size, stat.st_mtime_ns]
        known = self.known.get(page)
        if known and known[:2] == stamp:
            digest = known[2]
        else:
            with open(os.path.join(self.output_path, page), "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()
        self.now[page] = [*stamp, digest]
        return digest

    def save(self):
        write_json(self.path, self.now)


def take_made(record, published, bundle):
    """Take a run's files, as its last run made them, from the bundle `published` into `bundle`; False (and
    nothing taken) when there is no such record or a file is not there any more."""
    if not record or not all(os.path.isfile(os.path.join(published, name)) for name in record["files"]):
        return False
    for name in record["files"]:
        target = os.path.join(bundle, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            files.link_or_copy(os.path.join(published, name), target)
        except FileExistsError:  # one of Pagefind's own scripts, the same in every run
            pass
    merge_entry(bundle, record["entry"])
    return True


def link_pages(output_path, site, pages, cancelled):
    for page in pages:
        if cancelled():
            return
        source, link = os.path.join(output_path, page), os.path.join(site, page)
        os.makedirs(os.path.dirname(link), exist_ok=True)
        try:
            files.link_or_copy(source, link)
        except FileNotFoundError:  # not written (a page Pelican skipped): nothing to index
            continue


def add_bundle(new, bundle):
    """Move a run's bundle `new` into `bundle`; what it made: its files and its entry."""
    entry, made = read_json(os.path.join(new, ENTRY)), []
    for folder, _, names in os.walk(new):
        target = os.path.join(bundle, os.path.relpath(folder, new))
        os.makedirs(target, exist_ok=True)
        for name in names:
            if name != ENTRY:
                os.replace(os.path.join(folder, name), os.path.join(target, name))
                made.append(os.path.relpath(os.path.join(target, name), bundle))
    merge_entry(bundle, entry)
    shutil.rmtree(new)
    return {"files": sorted(made), "entry": entry}


def merge_entry(bundle, entry):
    """Add a run's languages to `bundle`'s entry file (Pagefind lists them in a different order at each run:
    sorted, the same index gives the same bytes)."""
    path = os.path.join(bundle, ENTRY)
    merged = read_json(path) or entry
    merged["languages"] = {**merged["languages"], **entry["languages"]}
    write_json(path, merged)


def read_json(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return {}


def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def keep_unchanged(new, old):
    """Make `old` hold what `new` holds: files with the same bytes are kept as they are (a deploy uploads
    only what changed), the others replaced, and files of earlier indexes removed."""
    for folder, _, names in os.walk(old, topdown=False):
        made = os.path.join(new, os.path.relpath(folder, old))
        for name in names:
            if not os.path.isfile(os.path.join(made, name)):
                os.remove(os.path.join(folder, name))
        if not os.path.isdir(made):
            os.rmdir(folder)
    for folder, _, names in os.walk(new):
        target = os.path.join(old, os.path.relpath(folder, new))
        os.makedirs(target, exist_ok=True)
        for name in names:
            made, kept = os.path.join(folder, name), os.path.join(target, name)
            if not (os.path.isfile(kept) and filecmp.cmp(made, kept, shallow=False)):
                # `kept` may be a link to the site in place: a publish links the last index (incremental).
                files.move_whole(made, kept)
