"""On each update: the previous and next update in its language, and related ones by shared tags and partners.

Computed once per build from the published updates (newest first), before any
page is written; an index from each tag and partner to its updates keeps it
linear in the number of updates rather than quadratic.
"""

import heapq
from collections import Counter, defaultdict

from hubcore import updates


def link(generator):
    settings = generator.settings
    by_lang = defaultdict(list)
    for item in updates.published(generator.context):
        by_lang[item.lang].append(item)
    for items in by_lang.values():
        index = defaultdict(list)
        for item in items:
            for key in shared_keys(item):
                index[key].append(item)
        for position, item in enumerate(items):
            item.newer = items[position - 1] if position else None
            item.older = items[position + 1] if position + 1 < len(items) else None
            scores = Counter(other for key in shared_keys(item) for other in index[key] if other is not item)
            # Most in common first, then the newest; only the first few are kept, so no full sort.
            item.related = heapq.nsmallest(settings["RELATED_UPDATES"], scores,
                                           key=lambda other: (-scores[other], -other.date.timestamp()))


def shared_keys(item):
    return [(kind, name.casefold()) for kind in ("tags", "partners") for name in item.metadata.get(kind, [])]
