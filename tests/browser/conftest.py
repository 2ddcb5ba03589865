"""A real browser on the built demo site: Debian's Chromium driven by Playwright, the site on localhost.

.ci/run installs chromium (apt-get) and sets REQUIRE_BROWSER, so CI never skips these tests; no browser
is ever downloaded. External requests (the archive's remote images) are answered locally with a blank
image: the machine has no network, and the tests must not depend on one.
"""

import contextlib
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_pelican
from workflow.screenshots import CHROMIUM, FLAGS, QuietHandler, local_only, serving  # noqa: F401 (the tests import them)

ARTEFACTS = ROOT / "test-artefacts"

if not Path(CHROMIUM).exists() and not os.environ.get("REQUIRE_BROWSER"):
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(ROOT / "content", root / "content", symlinks=True)
    site = run_pelican(root / "content", root / "output", SEARCH_INDEX=True)
    with serving(site.output) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    with new_page(browser, base_url) as page:
        yield page


@contextlib.contextmanager
def new_page(browser, base_url):
    """A page whose console errors are collected (`page.errors`), with the network limited to the site."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))

    local_only(context, base_url)
    try:
        yield page
    finally:
        context.close()
