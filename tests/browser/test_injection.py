"""Markup in front matter and bodies never runs in the reader's browser."""

import functools
import http.server
import threading

from conftest import run_pelican, write_files

from .conftest import QuietHandler

HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
FILES = {
    "people/eve.md": f"---\nname: 'Eve {HOSTILE}'\nrole: '{HOSTILE}'\n---\nBio.\n",
    "updates/en/a.md": (
        f"---\ntitle: 'Title {HOSTILE}'\ndate: 2021-01-01\npersons: ['Eve {HOSTILE}']\n"
        f"tags: ['tag {HOSTILE}']\nsummary: 'Summary {HOSTILE}'\n"
        f"feature_image: {{src: /images/a.png, alt: 'alt \" onerror=\"window.pwned=3', "
        f"credit: 'credit {HOSTILE}'}}\n---\n"
        f'Body <script>window.pwned = 4</script> <a href="javascript:window.pwned=5">x</a>\n'
        f'<p onmouseover="window.pwned = 6">hover</p>\n'
    ),
}


def test_nothing_from_content_runs_on_any_page(browser, tmp_path):
    write_files(tmp_path / "content", FILES)
    site = run_pelican(tmp_path / "content", tmp_path / "output")
    handler = functools.partial(QuietHandler, directory=str(site.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        for url in ("/", "/people/", "/people/eve/", "/tags/", "/feeds/", "/archives/2021/", "/updates/a/"):
            assert page.goto(base + url).ok, url
            page.hover("body")
            assert page.evaluate("window.pwned") is None, url
        page.hover("text=hover")
        assert page.evaluate("window.pwned") is None
        assert page.locator('[href^="javascript:" i], [onmouseover], [onerror]').count() == 0
        assert page.locator("h1").inner_text() == f"Title {HOSTILE}"  # shown as text, not run
    finally:
        page.close()
        server.shutdown()
