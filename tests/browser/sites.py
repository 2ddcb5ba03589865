"""The sites the budget and accessibility tests look at, and which page of each stands for each kind of page.

The demo site is conftest's `base_url`. The right-to-left one is the demo with Arabic added (workflow/rtl_site.py),
a second build in its own folder. Both test modules need it, and a fixture defined in two modules runs twice, so
the build is kept on the session's config: once a session, served until the session ends. The pages are the
ones `./dev screenshots` takes (workflow/screenshots.py), found from each site's sitemap.
"""

import contextlib
import shutil

import pytest

from conftest import ROOT, run_pelican
from workflow.content import site_settings
from workflow.rtl_site import add_arabic
from workflow.screenshots import RTL_LANG, page_urls

from .conftest import serving

SETTINGS = site_settings(ROOT / "content")
LANGS = [*SETTINGS["LANGUAGES"], RTL_LANG]
PHONE = {"width": 375, "height": 812}
_DEMO = pytest.StashKey[dict]()
_RTL = pytest.StashKey[tuple]()


def where(config, base_url, tmp_path_factory, lang):
    """(base URL of the site that has `lang`, {page type: URL} of that language); the Arabic site is built the
    first time a test asks for it, so that a run of the other languages alone does not wait for it."""
    if lang != RTL_LANG:
        if _DEMO not in config.stash:
            config.stash[_DEMO] = page_urls(base_url, SETTINGS)
        return base_url, config.stash[_DEMO][lang]
    if _RTL not in config.stash:
        config.stash[_RTL] = rtl_site(config, tmp_path_factory)
    rtl_url, pages = config.stash[_RTL]
    return rtl_url, pages[RTL_LANG]


def rtl_site(config, tmp_path_factory):
    root = tmp_path_factory.mktemp("rtl")
    shutil.copytree(ROOT / "content", root / "content", symlinks=True)
    languages = add_arabic(root / "content", SETTINGS)["LANGUAGES"]
    site = run_pelican(root / "content", root / "output", SEARCH_INDEX=True, LANGUAGES=languages)
    stack = contextlib.ExitStack()
    url = stack.enter_context(serving(site.output))
    config.add_cleanup(stack.close)
    return url, page_urls(url, {**SETTINGS, "LANGUAGES": languages})
