"""`./dev serve` in Chromium: after a rebuild the open tab reloads by itself where it was; a build's errors show
over the page, escaped, and go when they are fixed. A tiny site, rebuilt by Pelican in tmp_path, behind the real
dev server."""

import time

import pytest

from conftest import run_pelican, write_files
from workflow import live, reload
from workflow.devserver import DevServer

from .conftest import new_page

PARAGRAPHS = "\n\n".join(f"Paragraph {n} of a long update, long enough to scroll through." for n in range(150))
LONG = f"---\ntitle: Long\ndate: 2021-01-01\nsummary: A long one.\n---\n{PARAGRAPHS}\n"
HOSTILE = "Nobody <img src=x onerror=window.pwned=1>"  # no such person: an error, naming it
NOBODY = f"persons: ['{HOSTILE}']\n"


class Preview:
    """A site in tmp_path, built and served as `./dev serve` serves it; `edit` rebuilds and tells the tabs."""

    def __init__(self, root):
        self.content, self.output = root / "content", root / "output"
        self.source = self.content / "updates/en/long.md"
        write_files(self.content, {"updates/en/long.md": LONG})
        self.server = DevServer(self.output, 0)
        self.build()
        self.server.start()

    def build(self):
        site = run_pelican(self.content, self.output)
        self.server.hub.publish(live.Report(findings=live.reported(site.settings)))

    def edit(self, old, new):
        text = self.source.read_text(encoding="utf-8")
        assert old in text
        self.source.write_text(text.replace(old, new, 1), encoding="utf-8")
        self.build()


@pytest.fixture
def preview(tmp_path):
    served = Preview(tmp_path)
    yield served
    served.server.stop()


def reloaded(page, edit, scroll):
    """Make an edit; the tab reloads by itself (a new document) and gets back to `scroll`."""
    page.evaluate("window.before = true")
    with page.expect_navigation(timeout=20_000):
        edit()
    page.wait_for_function(f"scrollY === {scroll}", timeout=5_000)
    assert page.evaluate("window.before") is None


def test_the_tab_reloads_where_it_was_and_shows_the_errors_until_they_are_fixed(browser, preview):
    with new_page(browser, preview.server.url) as page:
        page.goto("/updates/long/")
        # Chromium keeps the place on a reload of its own; here only the page's script may.
        page.evaluate("history.scrollRestoration = 'manual'; scrollTo(0, 1500)")
        assert page.evaluate("scrollY") == 1500

        reloaded(page, lambda: preview.edit("Paragraph 149 of", "Paragraph 149, edited, of"), 1500)
        assert "Paragraph 149, edited, of" in page.inner_text("main")
        assert page.locator("dialog").count() == 0

        # An error: the page of the new build, and the dialog over it naming the problem.
        reloaded(page, lambda: preview.edit("summary: A long one.\n", f"summary: A long one.\n{NOBODY}"), 1500)
        dialog = page.locator("dialog[data-hub-live-reload]")
        dialog.wait_for(timeout=5_000)
        assert page.get_by_role("heading", name="There is a problem").is_visible()
        assert "long.md, line 5" in dialog.inner_text() and "E-NO-ENTRY" in dialog.inner_text()
        assert HOSTILE in dialog.inner_text() and page.evaluate("window.pwned") is None  # shown as text, not run
        page.get_by_role("button", name="Show the page").click()
        assert not dialog.is_visible()

        # Fixed: the page again, with no dialog.
        reloaded(page, lambda: preview.edit(NOBODY, ""), 1500)
        assert page.locator("dialog").count() == 0
        assert page.errors == []


def test_a_tab_on_a_page_not_built_yet_shows_it_once_it_is(browser, preview):
    with new_page(browser, preview.server.url) as page:
        response = page.goto("/updates/next/")
        assert response.status == 404
        with page.expect_navigation(timeout=20_000):
            write_files(preview.content, {"updates/en/next.md": "---\ntitle: Next\ndate: 2021-02-01\n---\nNext.\n"})
            preview.build()
        page.get_by_role("heading", name="Next").wait_for(timeout=5_000)


def test_a_tab_reconnects_by_itself_when_the_server_restarts_and_reloads(browser, preview):
    with new_page(browser, preview.server.url) as page:
        page.goto("/updates/long/")
        page.evaluate("window.before = true")
        port = preview.server.server_port
        preview.server.stop()
        time.sleep(3 * reload.RETRY_MS / 1000)  # the tab tries again and again while the first build runs
        with page.expect_navigation(timeout=20_000):
            preview.server = DevServer(preview.output, port)  # `./dev serve` again: another run, another version
            preview.build()
            preview.server.start()
        assert page.evaluate("window.before") is None
