"""Each update's card is made once per language and shown the same on every list that has it."""

from conftest import run_pelican, write_files
from hubcore import state
from incremental.tests.test_incremental import FILES


def test_a_card_made_once_is_the_one_every_list_of_its_language_shows(tmp_path):
    write_files(tmp_path / "content", FILES)
    # In one process: a card made in a worker stays in that worker.
    site = run_pelican(tmp_path / "content", tmp_path / "output", RENDER_PROCESSES=1)
    cards = state.of(site.settings).cards
    first = [
        html
        for (name, _, lang, _, arguments), (item, html) in cards.items()
        if item.title == "First" and lang == "en" and not arguments[1]  # not the home page's lead card
    ]
    assert len(first) == 1 and "The first one." in first[0]  # one card, made once, whatever lists show it
    shown = [site.page("/tags/floods/"), site.page("/people/ana-gomez/")]
    assert all(first[0] in page for page in shown)
    # Another language's list makes its own (its dates and names in Spanish).
    assert any(lang == "es" and item.title == "Primero" for (_, _, lang, _, _), (item, _) in cards.items())
