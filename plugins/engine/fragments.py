"""Each update's card made once per page language and site URL, and shown again on every list that has it.

An update appears on its language's home and year pages and on the page of each
of its tags, people, partners and countries: Pelican renders its card on each.
A card is made from the update, the page's language and site URL, and the
card's arguments alone (theme/templates/partials/list/cards.html), so
`card_once` keeps the first one made for the rest of the run, in each process
that renders pages (engine/parallel.py). Without the engine the template makes
every card itself (tests/test_engine.py: the same bytes).
"""

from jinja2 import pass_context

from hubcore import state


@pass_context
def card_once(context, card, item, *arguments):
    """The card macro `card` called with `item` and `arguments`, as the run last made it for this page's language
    and site URL."""
    key = (card.name, id(item), context.get("lang"), context.get("SITEURL"), arguments)
    cards = state.of(context).cards
    made = cards.get(key)
    if made is None:
        made = cards[key] = (item, card(item, *arguments))  # the item is kept: its id names no other meanwhile
    return made[1]


def install(generator):
    generator.env.globals["card_once"] = card_once
