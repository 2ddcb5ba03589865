"""Pelican's writer, rendering only the pages whose inputs changed and writing only the files whose bytes did.

Pelican renders every page of every build, and rewrites each file even when
nothing in it changed. This writer asks the manifest first: a page whose digest
(fingerprint.py) is the one the last build left, in the file that build left,
is not rendered at all. A page rendered again is written only if its bytes
differ, so an unchanged file keeps its modification time and a deploy uploads
only what changed. Everything else (pagination, `content_written`, the checks
against writing one file twice) is Pelican's.
"""

import os

from pelican.contents import Content
from pelican.utils import sanitised_join

from engine.parallel import Later
from engine.writer import OpeningWriter
from hubcore import files, state

from . import fingerprint
from .manifest import Manifest


class Unchanged(str):
    """What rendering an up-to-date page gives: the file stays as it is."""


class ChangedOnly:
    """A file opened for writing that is written on close, and only when its bytes change; a page rendered
    later (`Later`) is written by whoever renders it."""

    def __init__(self, path, done, pages):
        self.path, self.done, self.pages, self.parts = path, done, pages, []

    def write(self, text):
        self.parts.append(text)

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        if kind is not None:
            return
        if any(isinstance(part, Unchanged) for part in self.parts):
            return
        later = next((part for part in self.parts if isinstance(part, Later)), None)
        if later is not None:
            self.pages.add(self.path, later, files.write_if_changed, self.done)
            return
        files.write_if_changed(self.path, "".join(self.parts))
        self.done(self.path)


def shown_whole(arguments):
    """The documents a page shows whole (its update), of the arguments it is written with."""
    return [arguments[k] for k in fingerprint.SHOWN_WHOLE if isinstance(arguments.get(k), Content)]


class Remembering:
    """A template that renders only when the manifest does not already have its page."""

    def __init__(self, template, context, writer):
        self.template, self.context, self.writer = template, context, writer

    def render(self, localcontext):
        writer = self.writer
        target = sanitised_join(writer.output_path, localcontext["output_file"])
        if writer.unchanged(target):
            writer.kept += 1
            return Unchanged()
        # What this page has of its own: the writer's arguments and the page of a list.
        own = {k: v for k, v in localcontext.items() if k not in self.context or v is not self.context[k]}
        if writer.fresh(target, self.template.name, own, documents=shown_whole(own)):
            writer.kept += 1
            return Unchanged()
        writer.rendered += 1
        return writer.render(self.template, localcontext, self.context)


class IncrementalWriter(OpeningWriter):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        cache = os.path.join(
            self.settings["CACHE_PATH"], f"output-{fingerprint.digest(os.path.abspath(output_path))[:12]}.json"
        )
        self.manifest = Manifest(cache, output_path, self.settings["INCREMENTAL_FROM"])
        state.of(self.settings).writer = self
        self.describe = fingerprint.Describer(self.settings)
        self.site_key = None
        self.same_input = False  # nothing the site is made of changed since the last complete build
        self.keys = {}  # path -> digest of what is being written there
        self.rendered = self.kept = 0
        # id of a document -> the writer calls of the pages that show it whole, to make again after an edit of
        # its body alone (live.py); only in `./dev serve`, which keeps the built site in memory.
        self.pages_showing = {} if state.of(self.settings).live else None
        self.edited = None  # ids of the documents whose bodies `rewrite` is showing anew

    def write_file(self, name, template, context, *args, **kwargs):
        if self.site_key is None:  # the first page: every generator has its context by now
            documents = fingerprint.documents(context)
            self.site_key = fingerprint.site(context, self.settings, documents)
            self.same_input = self.manifest.same_input(fingerprint.everything(self.site_key, documents))
        if self.pages_showing is not None and self.edited is None:
            for doc in shown_whole(kwargs):
                self.pages_showing.setdefault(id(doc), []).append((name, template, context, args, kwargs))
        return super().write_file(name, Remembering(template, context, self), context, *args, **kwargs)

    def rewrite(self, edited):
        """The bodies of `edited` changed, and nothing else the site is made of (live.py checked): make again
        the pages that show them whole. `finish_rewrite` then makes the rest, for every rewrite since the last
        one it made; every other file stays."""
        self.edited = (self.edited or set()) | {id(doc) for doc in edited}
        self.forget_written()  # Pelican's guard against writing a file twice is per build
        self.manifest.start_over()
        self.same_input, self.rendered, self.kept = False, 0, 0
        state.of(self.settings).cards.clear()  # a card shows an update's summary, which may come from its body
        try:
            for doc in edited:
                for name, template, context, args, kwargs in self.pages_showing.get(id(doc), ()):
                    self.write_file(name, template, context, *args, **kwargs)
            self.settle()
        except BaseException:
            self._end_rewrite()
            raise

    def finish_rewrite(self, generators):
        """After `rewrite`: what the generators that show bodies (`SHOWS_BODIES`: feeds, translation status)
        write. The manifest is then the site's as it is now."""
        try:
            for generator in generators:
                if getattr(generator, "SHOWS_BODIES", False):
                    generator.generate_output(self)
            self.settle()
        finally:
            self._end_rewrite()
        documents = fingerprint.documents(generators[0].context)
        self.manifest.input = fingerprint.everything(self.site_key, documents)
        self.manifest.save()

    def _end_rewrite(self):
        self.edited = None
        self.pages.drop()  # a page of a rewrite that failed half-way is not written after all

    def fresh(self, target, *inputs, documents=()):
        """Whether `target` already holds what `inputs` make, with the whole text of `documents` (the
        update a page shows, a feed's updates); if not, `made(target)` once it is written. Plugins that
        write files themselves (feeds) ask too."""
        if self.site_key is None:  # no page written yet: the site's digest is not known
            return False
        if self.unchanged(target):
            return True
        if (
            self.edited is not None
            and documents
            and self.edited.isdisjoint(map(id, documents))
            and self.manifest.fresh(target)
        ):  # made of other documents than the edited ones
            return True
        key = fingerprint.digest(
            "\n".join([self.site_key, self.describe(list(inputs)), *(fingerprint.body(doc) for doc in documents)])
        )
        if self.manifest.fresh(target, key):
            return True
        self.keys[target] = key
        return False

    def unchanged(self, target):
        """Nothing the site is made of changed, and `target` is as the last build left it: no need to describe
        what makes it."""
        return self.same_input and self.manifest.fresh(target)

    def made(self, target):
        if target in self.keys:  # not for files written without a digest (Pelican's own feeds)
            self.manifest.record(target, self.keys.pop(target))

    def open_file(self, filename, encoding):
        return ChangedOnly(filename, self.made, self.pages)  # Pelican's files are all UTF-8
