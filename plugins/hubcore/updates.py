"""The published updates of a build, every language together, newest first.

Pelican keeps originals in `articles` and the rest in `translations`; the
per-language pages need them all. Plugins connect `collect` to
`article_generator_finalized` and read the list back with `published`.
"""

from collections import defaultdict
from itertools import chain
from operator import attrgetter

KEY = "HUB_UPDATES"
DRAFTS_KEY = "HUB_DRAFTS"


def newest_first(items):
    return sorted(items, key=attrgetter("date"), reverse=True)


def collect(generator):
    context = generator.context
    context[KEY] = newest_first(chain(generator.articles, generator.translations))
    context[DRAFTS_KEY] = newest_first(chain(generator.drafts, generator.drafts_translations))


def published(context):
    return context.get(KEY, [])


def every_document(context):
    """Published updates and drafts: everything whose page gets written."""
    return list(chain(context.get(KEY, []), context.get(DRAFTS_KEY, [])))


def by_lang(items):
    grouped = defaultdict(list)
    for item in items:
        grouped[item.lang].append(item)
    return grouped
