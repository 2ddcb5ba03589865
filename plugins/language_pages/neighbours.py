"""On each update: the previous and next update in its language, and related ones by shared tags and partners.

Computed once per build from the published updates (newest first), before any
page is written. A popular tag or partner is on thousands of updates: counting,
for each update, every other update that shares one with it grows with the
square of the archive. Instead, the updates sharing
two or more keys come from intersections of each key's set of updates, taken
level by level (all keys in common, then one fewer...), and those sharing one
from the head of each key's list; updates with the same keys share the result.
Level by level, an update with k keys has 2^k combinations of them: one with
many is ranked by counting instead.
"""

from collections import Counter, defaultdict
from itertools import combinations, islice

from hubcore import updates


def link(generator):
    wanted = generator.settings["RELATED_UPDATES"]
    by_lang = defaultdict(list)
    for item in updates.published(generator.context):
        by_lang[item.lang].append(item)
    for items in by_lang.values():
        index = Index(items)
        for position, item in enumerate(items):
            item.newer = items[position - 1] if position else None
            item.older = items[position + 1] if position + 1 < len(items) else None
            item.related = index.related(item, wanted)


def shared_keys(item):
    keys = [(kind, name.casefold()) for kind in ("tags", "partners") for name in item.metadata.get(kind, [])]
    return tuple(dict.fromkeys(keys))  # a tag listed twice is one tag


MAX_COMBINED_KEYS = 8  # above, ranking by counting costs less than the 2^k combinations


class Index:
    """Each tag's and partner's updates in one language: a list newest first, and a set."""

    def __init__(self, items):
        self.position = {id(item): n for n, item in enumerate(items)}  # 0: the newest
        self.by_id = {id(item): item for item in items}
        self.lists = defaultdict(list)
        for item in items:
            for key in shared_keys(item):
                self.lists[key].append(id(item))
        self.sets = {key: set(listed) for key, listed in self.lists.items()}
        self.pairs = {}  # (key, key) -> the updates that have both
        self.ranked = {}  # keys -> the first ids for those keys, the update itself among them

    def related(self, item, wanted):
        """The `wanted` other updates with the most tags and partners in common, then the newest."""
        keys = shared_keys(item)
        if keys not in self.ranked:
            self.ranked[keys] = self._rank(keys, wanted + 1)  # +1: the update itself has every key
        return [self.by_id[other] for other in self.ranked[keys] if other != id(item)][:wanted]

    def _rank(self, keys, wanted):
        if len(keys) > MAX_COMBINED_KEYS:
            return self._rank_by_counting(keys, wanted)
        chosen, counted = [], set()
        for level in range(len(keys), 1, -1):
            at_least = set().union(*(self._having(combo) for combo in combinations(keys, level)))
            exactly = at_least - counted
            while exactly and len(chosen) < wanted:
                newest = min(exactly, key=self.position.__getitem__)
                chosen.append(newest)
                exactly.discard(newest)
            if len(chosen) == wanted:
                return chosen
            counted |= at_least
        # One key in common: only the newest few of each list can be among the first.
        heads = []
        for key in keys:
            heads += islice((other for other in self.lists[key] if other not in counted), wanted - len(chosen))
        return chosen + sorted(heads, key=self.position.__getitem__)[: wanted - len(chosen)]

    def _rank_by_counting(self, keys, wanted):
        """The same order as `_rank` (most keys in common, then the newest), counted over every update sharing one."""
        shared = Counter(other for key in keys for other in self.sets[key])
        return sorted(shared, key=lambda other: (-shared[other], self.position[other]))[:wanted]

    def _having(self, keys):
        """The updates that have every one of `keys` (two or more)."""
        pair = keys[:2]
        if pair not in self.pairs:
            self.pairs[pair] = self.sets[pair[0]] & self.sets[pair[1]]
        return self.pairs[pair].intersection(*(self.sets[key] for key in keys[2:]))
