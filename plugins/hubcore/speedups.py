"""Seven of Pelican's functions made faster, with the same results (and the listing of files made safe).

Content.url and .save_as, remembered per document. Pelican formats a
document's URL afresh at every access, copying all its metadata each time; a
page that links its translations, related updates, authors and feeds asks
dozens of times. The cache is keyed on what our URL
patterns use (slug, language, status), so a plugin that changes one of them
(the translations plugin sets a language) still gets the new URL. Measured on
the 1,000-update bench corpus, warm cache: 10.1 and 12.1 s per build without,
8.9 and 9.2 s with.

Content.get_relative_source_path, remembered per path: four calls per
document, 4.1 s of `./dev check` on 10,000 updates (cProfile).

The slugify of categories and authors, remembered per name: every document
has an object of its own for the one default category, which slugifies its
name afresh (1.8 s of the same check).

The content cache is saved only when a file was read: Pelican saved it again
after every run (0.9 s of the same check, two pickles of every document).

The content folder listed once, from the run's inventory (hubcore.inventory),
which also keeps the listing inside content/: Pelican's walk follows every
link, out of content/ and round loops. The read-ahead and the generator list
the same files, and the walk for files of disabled readers is skipped when no
reader is disabled (it could find nothing). Each walk of the 10,000-update
corpus took 0.4 s of the same check.

process_translations, in linear time: its last step looked each document up
in the list of originals, 13 s of `./dev check` on 10,000 updates (cProfile).

And not a function: the cyclic garbage collector runs less often. A build
holds every document, its metadata and its pages' arguments for the whole run,
and Python's default (a collection every 700 new containers) walks them again
and again: a quarter of `./dev check` and of a no-change build at 10,000
updates (13.2 s against 10.2 s, and 32.1 against 25.0 s; peak memory the same).
"""

import functools
import gc
import os
from itertools import groupby
from operator import attrgetter

from pelican import cache, generators, urlwrappers, utils
from pelican.contents import Content

from . import inventory

GC_THRESHOLDS = (100_000, 50, 100)  # new containers before a collection; Python's default is (700, 10, 10)

_original = Content.get_url_setting
_original_slugify = urlwrappers.slugify
_original_cache_data = cache.FileDataCacher.cache_data
_original_save_cache = cache.FileDataCacher.save_cache
_original_get_files = generators.Generator.get_files
_original_check_disabled_readers = generators.Generator._check_disabled_readers


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
    return _relative_path(self.settings["PATH"], source_path, os.getcwd())


@functools.lru_cache(maxsize=1 << 16)
def _relative_path(folder, source_path, cwd):  # cwd: abspath depends on it
    base, full = _absolute(folder, cwd), os.path.abspath(os.path.join(folder, source_path))
    # relpath splits both paths into parts; a file inside the folder needs only the folder cut off.
    inside = base != os.sep and full.startswith(base + os.sep)
    return utils.posixize_path(full[len(base) + 1:] if inside else os.path.relpath(full, base))


@functools.lru_cache(maxsize=16)
def _absolute(folder, cwd):
    return os.path.abspath(folder)


def slugify(value, regex_subs=(), preserve_case=False, use_unicode=False):
    """Pelican's slugify, remembered per name (hubcore.urls.slugify uses it too)."""
    return _slugify(value, tuple(map(tuple, regex_subs)), preserve_case, use_unicode)


@functools.lru_cache(maxsize=1 << 16)
def _slugify(value, regex_subs, preserve_case, use_unicode):
    return _original_slugify(value, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode)


def _noted_cache_data(self, filename, data):
    self._hub_changed = True
    _original_cache_data(self, filename, data)


def _save_cache_if_changed(self):
    if getattr(self, "_hub_changed", False) or not os.path.exists(self._cache_path):
        _original_save_cache(self)
        self._hub_changed = False


def _listed_once(self, paths, exclude=None, extensions=None):
    key = (tuple([paths] if isinstance(paths, str) else paths), tuple(exclude or ()),
           extensions if extensions in (None, False) else tuple(extensions))
    listed = self.__dict__.setdefault("_hub_listed", {})
    if key not in listed:
        listed[key] = inventory.select(self, paths, exclude, extensions)
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


def install():
    Content.get_url_setting = _remembered_url_setting
    Content.get_relative_source_path = _remembered_relative_path
    urlwrappers.slugify = slugify
    cache.FileDataCacher.cache_data = _noted_cache_data
    cache.FileDataCacher.save_cache = _save_cache_if_changed
    generators.Generator.get_files = _listed_once
    generators.Generator._check_disabled_readers = _check_disabled_readers
    generators.process_translations = utils.process_translations = process_translations
    gc.set_threshold(*GC_THRESHOLDS)
