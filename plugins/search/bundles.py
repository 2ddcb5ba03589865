"""Pagefind's index made in parts, one Pagefind run at a time, so that its memory stays bounded.

Pagefind holds all it indexes in memory: 2.7 GB for the 21,701 update pages of
the bench's 10,000-update site in one run, 530 MB for 3,000 of them, while the
build itself holds 600 MB. So a run indexes at most SEARCH_PAGES_PER_INDEX
pages. Languages that fit together share
a run (a small site's updates take one); a language over the limit is split.
The first part of each language goes into the site's bundle, `pagefind/`: the
runs' bundles merged are, byte for byte, the bundle one run over every page
makes (each language's index is its own). A language's further parts are
bundles of their own, `pagefind/<lang>-2/`..., that its search page merges
(Pagefind's `mergeIndex`), which costs its searchers a few more small downloads.

When there are several runs, each reads a folder of hard links to its pages
(copies where links cannot be made): the pages keep their paths, so Pagefind
gives them the site's URLs.
"""

import filecmp
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field

ENTRY = "pagefind-entry.json"


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
        first, *rest = (pages[start:start + limit] for start in range(0, len(pages), limit))
        if not site or len(site[-1].pages) + len(first) > limit:
            site.append(Run(""))
        site[-1].pages += first
        more += [Run(f"{lang}-{number}", part) for number, part in enumerate(rest, start=2)]
    return site + more


def merged_bundles(runs, lang):
    """The bundles a search page in `lang` merges into the site's, as folders of `pagefind/`."""
    return [run.bundle for run in runs if run.bundle.rpartition("-")[0] == lang]


class Indexing:
    """The runs, one after the other in a thread of their own, then their bundles put in `<output>/pagefind/`.

    `error` is Pagefind's message when a run failed (the site's bundle is then left as it was). A single run
    reads the output folder itself, the pages chosen by `glob`: no folder of links to make."""

    def __init__(self, output_path, work, runs, glob):
        self.output_path, self.work, self.runs, self.glob = output_path, work, runs, glob
        self.error, self.process, self.cancelled = None, None, False
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._index, daemon=True)
        self.thread.start()

    def poll(self):
        """None while indexing, like a running process."""
        return None if self.thread.is_alive() else 0

    def wait(self):
        self.thread.join()
        return self.error

    def cancel(self):
        """Stop at once; what was made so far is removed by the next indexing, in its own thread."""
        with self.lock:
            self.cancelled = True
            if self.process is not None:
                self.process.kill()
        self.wait()

    def _index(self):
        try:
            self._run_each()
        except OSError as error:  # the machine's (a full disk), reported like Pagefind's own failures
            self.error = f"{error.filename or ''}: {error.strerror or error}"

    def _run_each(self):
        shutil.rmtree(self.work, ignore_errors=True)
        made, links = os.path.join(self.work, "pagefind"), os.path.join(self.work, "site")
        for run in self.runs:
            if len(self.runs) == 1:
                site = ["--site", self.output_path, "--glob", self.glob]
            else:
                site = ["--site", links]
                link_pages(self.output_path, links, run.pages, lambda: self.cancelled)
            with self.lock:
                if self.cancelled:
                    return
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "pagefind", *site, "--output-path", os.path.join(self.work, "run"),
                     "--silent"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            stdout, stderr = self.process.communicate()
            if self.cancelled:
                return
            if self.process.returncode:
                self.error = (stderr or stdout).strip()[:300]
                return
            shutil.rmtree(links, ignore_errors=True)
            add_bundle(os.path.join(self.work, "run"), os.path.join(made, run.bundle))
        keep_unchanged(made, os.path.join(self.output_path, "pagefind"))
        shutil.rmtree(self.work, ignore_errors=True)


def link_pages(output_path, site, pages, cancelled):
    for page in pages:
        if cancelled():
            return
        source, link = os.path.join(output_path, page), os.path.join(site, page)
        os.makedirs(os.path.dirname(link), exist_ok=True)
        try:
            os.link(source, link)
        except FileNotFoundError:  # not written (a page Pelican skipped): nothing to index
            continue
        except OSError:  # another file system, or one without hard links
            shutil.copyfile(source, link)


def add_bundle(new, bundle):
    """Move a run's bundle `new` into `bundle`, the languages of both in one entry file (Pagefind lists
    them in a different order at each run: sorted, the same index gives the same bytes)."""
    entry = read_entry(new)
    if os.path.exists(os.path.join(bundle, ENTRY)):
        entry["languages"].update(read_entry(bundle)["languages"])
    for folder, _, names in os.walk(new):
        target = os.path.join(bundle, os.path.relpath(folder, new))
        os.makedirs(target, exist_ok=True)
        for name in names:
            os.replace(os.path.join(folder, name), os.path.join(target, name))
    with open(os.path.join(bundle, ENTRY), "w", encoding="utf-8") as handle:
        json.dump(entry, handle, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    shutil.rmtree(new)


def read_entry(bundle):
    with open(os.path.join(bundle, ENTRY), encoding="utf-8") as handle:
        return json.load(handle)


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
                shutil.move(made, kept)
