"""Related updates: the most tags and partners in common, then the newest, exactly as counting every pair
would give, but without counting every pair."""

import datetime as dt
import random
import types

from language_pages.neighbours import Index, shared_keys


class Update(types.SimpleNamespace):
    __hash__ = object.__hash__
    __eq__ = object.__eq__


def brute_force(item, items, wanted):
    keys = set(shared_keys(item))
    scores = {id(o): len(keys & set(shared_keys(o))) for o in items if o is not item}
    ranked = sorted((o for o in items if scores.get(id(o))), key=lambda o: (-scores[id(o)], items.index(o)))
    return ranked[:wanted]


def test_related_updates_are_those_counting_every_pair_gives():
    for seed in range(40):
        rnd = random.Random(seed)
        tags, partners = [f"tag {n}" for n in range(rnd.randint(1, 10))], ["IOM", "UNHCR", "Red Cross"]
        items = [
            Update(
                metadata={
                    "tags": rnd.sample(tags, rnd.randint(0, min(4, len(tags)))),
                    "partners": rnd.sample(partners, rnd.randint(0, 2)),
                },
                date=dt.datetime(2020, 1, 1) - dt.timedelta(hours=n),
            )
            for n in range(rnd.randint(1, 120))
        ]
        wanted = rnd.choice([1, 3, 5])
        index = Index(items)
        for item in items:
            assert index.related(item, wanted) == brute_force(item, items, wanted), seed


def test_an_update_with_many_tags_is_ranked_as_counting_gives_and_at_once():
    """Level by level, 50 keys would be 2^50 combinations."""
    import time

    rnd = random.Random(7)
    tags = [f"tag {n}" for n in range(60)]
    items = [
        Update(
            metadata={"tags": rnd.sample(tags, rnd.choice([2, 9, 12, 50])), "partners": []},
            date=dt.datetime(2020, 1, 1) - dt.timedelta(hours=n),
        )
        for n in range(200)
    ]
    started = time.monotonic()
    index = Index(items)
    for item in items:
        assert index.related(item, 3) == brute_force(item, items, 3)
    assert time.monotonic() - started < 5


def test_a_tag_listed_twice_counts_once_and_case_does_not_matter():
    a = Update(metadata={"tags": ["Floods", "floods", "data"]}, date=dt.datetime(2020, 1, 3))
    b = Update(metadata={"tags": ["floods"]}, date=dt.datetime(2020, 1, 2))
    c = Update(metadata={"tags": ["FLOODS", "Data"]}, date=dt.datetime(2020, 1, 1))
    assert Index([a, b, c]).related(a, 3) == [c, b]
