"""`./dev serve`'s builder: a site built once and kept in memory, which takes an edit of an update's text in place.

A build in a new process costs seconds even when one page changed: starting
Pelican, loading every document from the reader cache, the plugins' passes over
the whole site, the checks. But most saves while writing change only the text
of one update, and an update's text shows on its own page, in the feeds and on
the editors' translation status page, nowhere else (what the site's digest
leaves out: plugins/incremental/fingerprint.py). So this process builds once,
keeps the generators, and for such an edit reads the file again, gives the
document its new body, and writes those files only; the search index follows
in the background.

Anything else is refused with the reason, and serve starts a new builder,
which builds from the caches as `./dev build` does: a change of front matter
(or of the summary or translation links the body gives), a new, removed or
renamed file, a person's or partner's file, an edit that changes the file's
findings (so that the new ones are reported), a new day, a theme, plugin or
settings change. A builder that refused an edit is not used again.
"""

import contextlib
import datetime as dt
import logging
import os
import signal
import time
from dataclasses import astuple, dataclass, field

from pelican import get_instance, parse_arguments, signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import init as init_logging
from pelican.utils import file_suffix

from engine import live_cache
from front_matter import cache
from hubcore import findings, state, updates
from hubcore.errors import SiteError, StrictFailure
from incremental import fingerprint
from search import search
from translations.translations import legacy_links
from validation import output, source, validation

STOP = None  # what the serving process sends to end the builder
SETTINGS = ("-s", "pelicanconf.py")


@dataclass
class Report:
    """What a full build tells the serving process, which shows it in the browser (reload.py): why the build
    failed (empty when it did not) and its findings, as `./dev check --format json` gives them (dicts with
    file, line, severity, code, message, hint)."""

    failure: str = ""
    findings: list = field(default_factory=list)


def reported(settings):
    """The findings of the build's run, less the ignored codes: what the validation plugin printed."""
    if settings is None:  # the settings were refused: there is no run
        return []
    return output.as_dicts(*output.shown(settings))


class LiveSite:
    def __init__(self, settings, generators):
        self.settings, self.generators = settings, generators
        self.writer = state.of(settings).writer
        self.context = generators[0].context
        self.day = today()
        self._known = None
        self.stopped_index = None  # the search index an edit stopped, whose thread `follow` waits for
        self.documents = None  # the built documents by their file's absolute path
        # The content files the build saw: a changed file that is neither there nor here any more was an editor's
        # temporary file (saved, then renamed over the update).
        self.files = {os.path.join(folder, name) for folder, _, names in os.walk(settings["PATH"]) for name in names}

    @classmethod
    def build(cls, arguments=SETTINGS):
        """A full build in this process, with Pelican's command-line `arguments` (from the caches, as
        `./dev build`); the site, or None when the build failed (Pelican or the checks have said why)."""
        return cls.attempt(arguments)[0]

    @classmethod
    def attempt(cls, arguments=SETTINGS):
        """A full build, as `build`: the site (or None) and the build's Report."""
        init_logging(level=logging.WARNING, name="pelican")
        kept, settings, failure = [], None, ""

        def keep(generators):
            kept.extend(generators)

        signals.all_generators_finalized.connect(keep)
        try:
            pelican, settings = get_instance(parse_arguments(list(arguments)))
            state.of(settings).live = True
            pelican.run()
        except StrictFailure as error:  # strict checks failed: the findings are printed
            failure = str(error)
        except SiteError as error:
            failure = str(error)
            print(f"error: {failure}", flush=True)
        except Exception as error:  # noqa: BLE001  (an editor gets a line, not a traceback)
            failure = f"the build failed: {type(error).__name__}: {error}"
            print(f"error: {failure}", flush=True)
        finally:
            signals.all_generators_finalized.disconnect(keep)
        report = Report(failure, reported(settings))
        if failure or not kept or state.of(settings).writer is None:
            return None, report
        return cls(settings, kept), report

    def take(self, paths):
        """Show the edited files' new text; None once done, else why it cannot be done in place."""
        if today() != self.day:
            return "a new day (scheduled updates)"
        if self.documents is None:  # an edit in place keeps every document, and its path
            self.documents = {os.path.abspath(doc.source_path): doc for doc in fingerprint.documents(self.context)}
        documents = self.documents
        edited = []
        for path in map(os.path.abspath, paths):
            doc = documents.get(path)
            if doc is None and path not in self.files and not os.path.exists(path):
                continue
            if doc is None:
                return f"{os.path.relpath(path)} is not one of the built updates or pages"
            if not os.path.isfile(path):
                return f"{doc.relative_source_path} was removed or renamed"
            why = self._swap_body(doc, path)
            if why:
                return f"{doc.relative_source_path}: {why}"
            edited.append(doc)
        # An index stopped by an earlier save not yet followed is still the one to wait for.
        self.stopped_index = search.stop_index(self.settings) or self.stopped_index
        self.writer.rewrite(edited)
        return None

    def follow(self):
        """After the answer to `take`, what its edit changes beyond the pages that show it: the files of the
        generators that show bodies (feeds, translation status), the manifest, then the search index."""
        if self.stopped_index is not None:  # its thread ended before any rendering process is forked
            self.stopped_index.wait()
            self.stopped_index = None
        self.writer.finish_rewrite(self.generators)
        if self.settings["SEARCH_INDEX"]:
            self.writer.manifest.forget(search.entry_file(self.settings))
            search.begin_index(self.settings)

    def indexing(self):
        return search.indexing(self.settings)

    def finish_indexing(self):
        reported = findings.collected(self.settings)
        before = len(reported)
        search.finish_index(self.settings, self.writer.manifest)
        self.writer.manifest.save()
        print(*(reported[before:] or ["search index updated"]), sep="\n", flush=True)

    def stop(self):
        search.cancel_index(self.settings)

    def _swap_body(self, doc, path):
        readers = self._generator(doc).readers
        cached = live_cache.last_reading(readers, path)
        if cached is None:
            return "not read by the last build"
        old_body, old_metadata = cached
        # The findings a body can change: reading's, and the source checks' (made again from the last reading:
        # a code such as W-IMAGE-ALT is also another check's, of the front matter); the others come from the
        # front matter, checked below.
        with findings_apart(self.settings) as checked:
            source.check(doc, self.settings, self.known_urls(), old_metadata)
        before = old_metadata.get(cache.STORED, []) + checked
        with findings_apart(self.settings) as found:
            body, metadata = readers.readers[file_suffix(path)].read(path)
            source.check(doc, self.settings, self.known_urls(), metadata)
        if sorted(map(astuple, found)) != sorted(map(astuple, before)):
            return "its findings changed"
        if metadata.get("front_matter_hash") != old_metadata.get("front_matter_hash"):
            return "its front matter changed"
        if "{attach}" in body or "{attach}" in old_body:  # Pelican moves attached files while writing the page
            return "its text attaches files"
        before = self._facts(doc)
        live_cache.set_body(doc, body, fingerprint.BODY_ONLY, metadata)
        if self._facts(doc) != before:
            return "its summary or translation links changed"
        readers.cache_data(path, (body, metadata))
        return None

    def _facts(self, doc):
        """What other pages show of a document: its shape (summary included) and its body's translation links."""
        return fingerprint.Describer(self.settings).shape(doc), list(legacy_links(doc, self.settings))

    def _generator(self, doc):
        kind = ArticlesGenerator if isinstance(doc, Article) else PagesGenerator
        return next(g for g in self.generators if isinstance(g, kind))

    def known_urls(self):
        if self._known is None:
            articles = next(g for g in self.generators if isinstance(g, ArticlesGenerator))
            self._known = validation.known_urls(self.settings, updates.every_status(articles))
        return self._known


@contextlib.contextmanager
def findings_apart(settings):
    """Findings reported in this block go to a list of their own, not to the build's."""
    build = state.of(settings)
    kept, build.findings = build.findings, []
    try:
        yield build.findings
    finally:
        build.findings = kept


def today():
    return dt.datetime.now(dt.timezone.utc).date()


def work(root, connection, arguments=SETTINGS, quiet=False):
    """The builder process: build, say so (whether it built, in how long, its Report), then take the edits the
    serving process sends (take_edits). An edit taken in place changes no finding (one that would is refused),
    so the Report of the build holds for the builder's life."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the serving process, which then closes this one
    os.chdir(root)
    if quiet:  # the benchmark's builder: what Pelican prints is not what is measured
        silent = os.open(os.devnull, os.O_WRONLY)
        os.dup2(silent, 1)
        os.dup2(silent, 2)
    start = time.perf_counter()
    site, report = LiveSite.attempt(arguments)
    try:
        connection.send((site is not None, time.perf_counter() - start, report))
        take_edits(site, connection)
    except BrokenPipeError:  # the serving process is gone (Ctrl+C while this built): nobody to answer
        pass
    finally:
        if site is not None:
            site.stop()


FOLLOW_AFTER = 0.5  # seconds without another save before the feeds, status and index of the edits are made


def take_edits(site, connection):
    """Take each batch of edited files the serving process sends, answering with None (its pages written in
    place) or why not. What follows (`follow`) waits until no batch came for FOLLOW_AFTER seconds, and then
    follows all of them at once: a save right after another is shown without waiting for the first's feeds.
    The search index is made between batches."""
    while True:
        while site is not None and site.indexing() and not connection.poll(0.2):
            pass
        if site is not None and state.of(site.settings).indexing and not site.indexing():
            site.finish_indexing()
        try:
            paths = connection.recv()
        except EOFError:  # the serving process is gone
            break
        if paths is STOP:
            break
        try:
            why = site.take(paths) if site is not None else "the last build failed"
        except Exception as error:  # noqa: BLE001  (a full build then reports it as the editor should see it)
            why = f"{type(error).__name__}: {error}"
        connection.send(why)
        if why:
            break
        if connection.poll(FOLLOW_AFTER):
            continue
        try:
            site.follow()
        except Exception as error:  # noqa: BLE001  (this builder ends: the serving process starts a full build)
            print(f"error: the edit's feeds, status page or index could not be made: {error}", flush=True)
            break
