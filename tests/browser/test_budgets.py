"""Budgets, in Chromium: no page scrolls sideways on a phone, and a page is light and needs few requests.

The kinds of page are those of `./dev screenshots` (workflow/screenshots.py: PAGE_TYPES), each found in the built
site (tests/browser/sites.py). Sideways scrolling: every kind in every language and in Arabic (right to left,
workflow/rtl_site.py). Budgets: every kind in English and in Spanish, the language with the most updates after it.
tests/test_site.py holds the same budget read from the HTML files; this one is what a browser really fetches,
scripts' own requests and lazy images included.
"""

import functools

import pytest

from .conftest import new_page
from .sites import LANGS, PHONE, where

KILOBYTE = 1000  # as tests/test_site.py counts them
MAX_WEIGHT = 50 * KILOBYTE
MAX_REQUESTS = 15
# What a page needs before it can be read; images are left to the HTML's own size hints and lazy loading.
WEIGHED = {"document", "stylesheet", "script"}
BUDGET_LANGS = ["en", "es"]

# scrollWidth is a whole number: a box 375.4 px wide reads as 376 with nothing to scroll. The elements reported are
# the innermost that stick out on the side a reader would scroll to (the left in a right-to-left page), or whose text
# spills out of them (a long word, a <pre>); a box that scrolls its own content does not make the page scroll.
OVERFLOW = """() => {
  const limit = window.innerWidth;
  const rtl = getComputedStyle(document.documentElement).direction === "rtl";
  const name = (el) =>
    el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + [...el.classList].map((c) => "." + c).join("");
  const path = (el) => {
    const parts = [];
    for (; el && el !== document.documentElement; el = el.parentElement) parts.unshift(name(el));
    return parts.join(" > ");
  };
  const sticksOut = (box) => box.width > 0 && (rtl ? box.left < -1 : box.right > limit + 1);
  const spills = (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible";
  const all = [...document.body.querySelectorAll("*")];
  const wide = all.filter((el) => sticksOut(el.getBoundingClientRect()) || spills(el));
  const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
  const width = (el) => Math.round(Math.max(el.getBoundingClientRect().width, el.scrollWidth));
  return {
    scroll: document.documentElement.scrollWidth,
    width: limit,
    culprits: innermost.slice(0, 3).map((el) => `${path(el)} (${width(el)} px)`),
  };
}"""


@pytest.fixture(scope="session")
def site_of(request, base_url, tmp_path_factory):
    return functools.partial(where, request.config, base_url, tmp_path_factory)


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_scrolls_sideways_on_a_phone(browser, site_of, lang):
    site_url, pages = site_of(lang)
    wide = {}
    with new_page(browser, site_url) as page:
        page.set_viewport_size(PHONE)
        for kind, url in pages.items():
            page.goto(url)
            found = page.evaluate(OVERFLOW)
            if found["scroll"] > found["width"] + 1:
                wide[f"{kind} {url}"] = f"{found['scroll']} px wide: {found['culprits']}"
    assert not wide, wide


@pytest.mark.parametrize("lang", BUDGET_LANGS)
def test_every_kind_of_page_keeps_to_the_budgets(browser, site_of, lang):
    """At most 50 KB of HTML, CSS and JavaScript (the bodies as received: the test server does not compress), and
    at most 15 requests by the time `load` fires in a phone's window: images below it wait until scrolled to."""
    site_url, pages = site_of(lang)
    over = {}
    with new_page(browser, site_url) as page:
        page.set_viewport_size(PHONE)
        made = []
        page.on("request", lambda request: made.append(request))
        for kind, url in pages.items():
            made.clear()
            page.goto(url, wait_until="load")
            weight, requests = measure(list(made), site_url)
            if weight > MAX_WEIGHT or len(requests) > MAX_REQUESTS:
                over[f"{kind} {url}"] = f"{weight / KILOBYTE:.1f} KB, {len(requests)} requests: {requests}"
    assert not over, over


def measure(requests, site_url):
    """(bytes of HTML, CSS and JS, [URLs]) of the requests a page made. Nothing comes from a cache: Playwright turns
    the browser's cache off in a context that routes requests, as new_page's does."""
    weight = 0
    for request in requests:
        response = request.response() if request.resource_type in WEIGHED else None
        weight += len(response.body()) if response else 0
    return weight, [request.url.removeprefix(site_url) for request in requests]
