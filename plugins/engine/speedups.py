"""Pelican's functions this site replaces, each with the same results (tests/test_speedups.py compares them
with Pelican's own), and the way back to Pelican's.

- Content.get_url_setting, remembered per document and per what the site's URL patterns use (slug, language,
  status): Pelican formats a URL afresh at every access, copying the document's metadata, and a page asks
  dozens of times. A plugin that changes one of those (the translations plugin sets a language) still gets the
  new URL.
- Content.get_relative_source_path, remembered per path (four calls per document).
- urlwrappers.slugify, remembered per name: every document has an object of its own for the one default
  category, which slugifies its name afresh.
- FileDataCacher.cache_data and save_cache: the content cache is saved only when a file was read.
- Generator.get_files, from the run's inventory of content/ (listing.py): listed once for every generator, and
  never out of content/ (Pelican's walk follows every link).
- Generator._check_disabled_readers: its walk is skipped when no reader is disabled (it could find nothing).
- process_translations, in linear time: its last step looked each document up in the list of originals.
- Not a function: the cyclic garbage collector runs less often. A build holds every document, its metadata and
  its pages' arguments for the whole run, and Python's default walks them again and again.

bench/README.md keeps what each was measured to save.
"""

import gc
import os
from itertools import groupby
from operator import attrgetter

from pelican import cache, generators, urlwrappers, utils
from pelican.contents import Content

from hubcore import urls

from . import listing

GC_THRESHOLDS = (100_000, 50, 100)  # new containers before a collection
PYTHONS_GC_THRESHOLDS = gc.get_threshold()

_original = Content.get_url_setting
_original_relative_path = Content.get_relative_source_path
_original_slugify = urlwrappers.slugify
_original_cache_data = cache.FileDataCacher.cache_data
_original_save_cache = cache.FileDataCacher.save_cache
_original_get_files = generators.Generator.get_files
_original_check_disabled_readers = generators.Generator._check_disabled_readers
_original_process_translations = utils.process_translations


def _remembered_url_setting(self, key):
    state = (key, getattr(self, "slug", ""), getattr(self, "lang", ""), self.status, self.in_default_lang)
    remembered = self.__dict__.setdefault("_hub_urls", {})
    if state not in remembered:
        remembered[state] = _original(self, key)
    return remembered[state]


def _remembered_relative_path(self, source_path=None):
    source_path = source_path or self.source_path
    if source_path is None:
        return None
    return urls.relative_path(self.settings["PATH"], source_path, os.getcwd())


def slugify(value, regex_subs=(), preserve_case=False, use_unicode=False):
    """Pelican's slugify, remembered per name."""
    return urls.remembered_slugify(value, tuple(map(tuple, regex_subs)), preserve_case, use_unicode)


def _noted_cache_data(self, filename, data):
    self._hub_changed = True
    _original_cache_data(self, filename, data)


def _save_cache_if_changed(self):
    if getattr(self, "_hub_changed", False) or not os.path.exists(self._cache_path):
        _original_save_cache(self)
        self._hub_changed = False


def _listed_once(self, paths, exclude=None, extensions=None):
    key = (
        tuple([paths] if isinstance(paths, str) else paths),
        tuple(exclude or ()),
        extensions if extensions in (None, False) else tuple(extensions),
    )
    listed = self.__dict__.setdefault("_hub_listed", {})
    if key not in listed:
        listed[key] = listing.select(self, paths, exclude, extensions)
    return set(listed[key])


def _check_disabled_readers(self, paths, exclude=None):
    if self.readers.disabled_extensions:
        _original_check_disabled_readers(self, paths, exclude)


def process_translations(content_list, translation_id=None):
    """Pelican's `pelican.utils.process_translations` (same groups, order and warnings), but for its last line."""
    if not translation_id:
        return content_list, []
    ids = (translation_id,) if isinstance(translation_id, str) else tuple(translation_id)
    key = attrgetter(*ids)
    content_list.sort(key=key)
    index = []
    for values, items in groupby(content_list, key):
        values = (values,) if len(ids) == 1 else values
        with_str = "with" + ", ".join([' {} "{{}}"'] * len(ids)).format(*ids).format(*values)
        items = list(items)
        index.extend(utils.get_original_items(items, with_str))
        for item in items:
            item.translations = [other for other in items if other is not item]
    originals = set(map(id, index))
    return index, [item for item in content_list if id(item) not in originals]


REPLACEMENTS = (  # (owner, name, Pelican's, this site's)
    (Content, "get_url_setting", _original, _remembered_url_setting),
    (Content, "get_relative_source_path", _original_relative_path, _remembered_relative_path),
    (urlwrappers, "slugify", _original_slugify, slugify),
    (cache.FileDataCacher, "cache_data", _original_cache_data, _noted_cache_data),
    (cache.FileDataCacher, "save_cache", _original_save_cache, _save_cache_if_changed),
    (generators.Generator, "get_files", _original_get_files, _listed_once),
    (generators.Generator, "_check_disabled_readers", _original_check_disabled_readers, _check_disabled_readers),
    (generators, "process_translations", _original_process_translations, process_translations),
    (utils, "process_translations", _original_process_translations, process_translations),
)


def install():
    for owner, name, _, ours in REPLACEMENTS:
        setattr(owner, name, ours)
    gc.set_threshold(*GC_THRESHOLDS)


def uninstall():
    for owner, name, pelicans, _ in REPLACEMENTS:
        setattr(owner, name, pelicans)
    gc.set_threshold(*PYTHONS_GC_THRESHOLDS)
