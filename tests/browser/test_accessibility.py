"""axe-core finds no serious or critical problem on any kind of page, in every language and in Arabic (right to
left), nor in the dark colour scheme on a few pages.

The kinds of page are those of `./dev screenshots` (workflow/screenshots.py: PAGE_TYPES), each found in the
built site (tests/browser/sites.py), so a new page or a renamed slug is checked without a change here.
"""

import functools

import pytest

from .conftest import new_page
from .sites import LANGS, RTL_LANG, where

# Contrast is what a colour scheme changes: the pages with the most kinds of element (cards, figures, the map,
# forms, tables), in a left-to-right and the right-to-left language.
DARK = {
    "en": ["home", "update", "partner", "countries", "search", "translation-status"],
    RTL_LANG: ["home", "update"],
}


@pytest.fixture(scope="session")
def site_of(request, base_url, tmp_path_factory):
    return functools.partial(where, request.config, base_url, tmp_path_factory)


def serious_violations(page, url):
    """[(rule, impact, first targets)] of axe's serious and critical findings on `url`, and the console's errors."""
    from axe_playwright_python.sync_playwright import Axe

    page.errors.clear()
    page.goto(url)
    violations = Axe().run(page).response["violations"]
    found = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    return found + [("console", "error", page.errors[:3])] * bool(page.errors)


@pytest.mark.parametrize("lang", LANGS)
def test_no_serious_accessibility_violation(browser, site_of, lang):
    site_url, pages = site_of(lang)
    with new_page(browser, site_url) as page:
        found = {f"{kind} {url}": serious_violations(page, url) for kind, url in pages.items()}
    found = {page: problems for page, problems in found.items() if problems}
    assert found == {}, found


@pytest.mark.parametrize("lang", DARK)
def test_no_serious_accessibility_violation_in_the_dark(browser, site_of, lang):
    site_url, pages = site_of(lang)
    with new_page(browser, site_url) as page:
        page.emulate_media(color_scheme="dark")
        found = {f"{kind} {pages[kind]}": serious_violations(page, pages[kind]) for kind in DARK[lang]}
    found = {page: problems for page, problems in found.items() if problems}
    assert found == {}, found
