"""A real browser on the built demo site: Debian's Chromium driven by Playwright, the site on localhost.

.ci/run installs chromium (apt-get) and sets REQUIRE_BROWSER, so CI never skips these tests; no browser
is ever downloaded. External requests (the archive's remote images) are answered locally with a blank
image: the machine has no network, and the tests must not depend on one.
"""

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT, run_pelican

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f9b0000000049454e44ae426082"
)
ARTEFACTS = ROOT / "test-artefacts"

if not Path(CHROMIUM).exists() and not os.environ.get("REQUIRE_BROWSER"):
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(ROOT / "content", root / "content")
    site = run_pelican(root / "content", root / "output", SEARCH_INDEX=True)
    with serving(site.output) as url:
        yield url


@contextlib.contextmanager
def serving(folder):
    """`folder` served on localhost: its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
    }

    def log_message(self, *args):
        pass


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

    def route(request_route):
        if request_route.request.url.startswith(base_url):
            request_route.continue_()
        else:
            request_route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)

    context.route("**/*", route)
    try:
        yield page
    finally:
        context.close()
