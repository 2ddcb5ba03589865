"""`./dev serve` as a browser tab sees it: a real dev server on a free port over a tiny site Pelican built in
tmp_path, read by a real HTTP client, its event stream as EventSource reads it. The reload script is in what the
server sends and never in what a build writes; a rebuild makes the tabs reload; a build's errors reach them,
escaped, and go when fixed."""

import http.client
import json
import threading
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, run_pelican, tree, write_files
from incremental.tests.test_incremental import FILES
from workflow import devserver, live, reload
from workflow.devserver import POLL_SECONDS, DevServer
from workflow.publish import publish
from workflow.serve import Session

from .test_live import LiveWorkspace

MARKER = reload.MARKER.encode()
DEAD_LINK = ("Second body.", "Second body, see [this](/updates/nowhere/).")


class Stream:
    """A tab's event stream (reload.EVENTS), read field by field as EventSource reads it."""

    def __init__(self, server):
        self.connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
        self.connection.request("GET", reload.EVENTS, headers={"Accept": "text/event-stream"})
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type") == "text/event-stream"
        self.retry = None

    def next(self):
        """The next event: (name, data); a read that waits over 10 s fails the test."""
        fields = {}
        while True:
            line = self.response.readline().decode("utf-8")
            if not line:
                raise EOFError("the server ended the stream")
            line = line.rstrip("\n")
            if line:
                name, _, value = line.partition(":")
                fields[name] = value.removeprefix(" ")
            elif "event" in fields:
                return fields["event"], json.loads(fields["data"])
            elif "retry" in fields:
                self.retry = int(fields.pop("retry"))

    def close(self):
        self.response.close()  # the socket stays open while its response's file does
        self.connection.close()


@pytest.fixture
def site(tmp_path):
    write_files(tmp_path / "content", FILES)
    return run_pelican(tmp_path / "content", tmp_path / "output")


@pytest.fixture
def server(site):
    served = DevServer(site.output, 0)
    served.start()
    yield served
    served.stop()


def fetch(server, path):
    with urllib.request.urlopen(server.url + path, timeout=10) as response:
        return response.status, response.headers, response.read()


def version_in(page):
    start = page.index(b'const version = "') + len(b'const version = "')
    return page[start : page.index(b'"', start)].decode()


def test_no_build_writes_the_reload_script_and_the_dev_server_sends_it_with_every_page(tmp_path, site, server):
    published = tmp_path / "published"
    publish(ROOT / "publishconf.py", published, site.content)  # `./dev publish`; `site` is `./dev build`'s
    for folder in (site.output, published):
        files = tree(folder)
        assert "updates/second/index.html" in files
        assert [name for name, data in files.items() if MARKER in data] == []
    on_disk = (site.output / "updates/second/index.html").read_bytes()
    for path in ("/updates/second/", "/updates/second", "/updates/second/index.html"):
        status, headers, page = fetch(server, path)
        assert status == 200 and headers["Content-Type"] == "text/html"
        assert reload.EVENTS.encode() in page and MARKER in page
        assert page == reload.inject(on_disk, server.hub.version)  # the script added, nothing else changed
        assert page.index(MARKER) < page.rindex(b"</body>")
        assert headers["Content-Length"] == str(len(page)) and headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "pattern, kind",
    [
        ("theme/**/*.css", "text/css"),
        ("feeds/all.atom.xml", "application/xml"),
        ("sitemap.xml", "application/xml"),
        ("feeds/all.json", "application/json"),
        ("editors/translations/status.json", "application/json"),
    ],
)
def test_every_other_file_is_sent_byte_for_byte(site, server, pattern, kind):
    path = min(site.output.glob(pattern)).relative_to(site.output).as_posix()
    status, headers, data = fetch(server, "/" + path)
    assert status == 200 and headers["Content-Type"] == kind
    assert data == (site.output / path).read_bytes() and MARKER not in data
    # Opened on its own, a file runs as no origin: it cannot read the preview or call the editor's backend.
    assert headers["Content-Security-Policy"] == "sandbox" and headers["X-Content-Type-Options"] == "nosniff"


def test_pages_are_not_sandboxed_their_scripts_run(server):
    _, headers, _ = fetch(server, "/updates/second/")
    assert headers["Content-Security-Policy"] is None and headers["X-Content-Type-Options"] == "nosniff"


def test_a_missing_page_is_a_404_that_reloads_itself_once_it_is_built(server):
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(server, "/updates/not-yet/")
    assert missing.value.code == 404 and reload.EVENTS.encode() in missing.value.read()


def test_a_tab_hears_a_reload_after_a_rebuild(site, server):
    _, _, page = fetch(server, "/updates/second/")
    stream = Stream(server)
    try:
        # At once, the build it is of: the page's own, so the tab stays.
        assert stream.next() == ("reload", {"version": version_in(page)})
        assert stream.retry == reload.RETRY_MS
        path = site.content / "updates/en/second.md"
        path.write_text(path.read_text(encoding="utf-8").replace("Second body.", "Second body, edited."))
        rebuilt = run_pelican(site.content, site.output)
        server.hub.publish(live.Report(findings=live.reported(rebuilt.settings)))
        name, data = stream.next()
        assert name == "reload" and data["version"] != version_in(page)
        _, _, page = fetch(server, "/updates/second/")
        assert version_in(page) == data["version"] and b"Second body, edited." in page
    finally:
        stream.close()


def test_serve_tells_the_tabs_of_each_build_and_of_its_errors_until_they_are_fixed(tmp_path):
    """The whole way: the builder process's findings over its pipe, the server, the tab's stream."""
    workspace = LiveWorkspace(tmp_path)
    (workspace.content / "updates/en/odd.md").unlink()  # a site without errors to begin with
    server = DevServer(workspace.output, 0)
    session = Session(workspace.root, server.hub, workspace.arguments)
    server.start()
    stream = Stream(server)
    try:
        assert session.builder.ok and stream.next()[0] == "reload"
        assert session.rebuild([str(workspace.edit("updates/en/second.md", "Second body.", "Second, edited."))]) == (
            True,
            "in place; the search index follows",
        )
        assert stream.next()[0] == "reload"

        edited = workspace.edit("updates/en/second.md", "Second, edited.", DEAD_LINK[1])
        assert session.rebuild([str(edited)])[1] == "a full build: updates/en/second.md: its findings changed"
        name, data = stream.next()
        assert name == "errors" and data["count"] == 1 and data["version"] == server.hub.version
        assert "updates/en/second.md, line 7</code>" in data["html"] and "E-LINK" in data["html"]
        assert "/updates/nowhere/" in data["html"] and "Fix: " in data["html"]
        _, _, page = fetch(server, "/updates/second/")
        assert version_in(page) == data["version"]  # a tab of this build shows the dialog, another reloads first

        workspace.edit("updates/en/second.md", DEAD_LINK[1], "Second body.")
        assert session.rebuild([str(edited)])[0]
        assert stream.next() == ("reload", {"version": server.hub.version})
        assert [name for name, data in tree(workspace.output).items() if MARKER in data] == []
    finally:
        stream.close()
        server.stop()
        session.close()


def test_a_failed_build_is_shown_with_why(tmp_path):
    workspace = LiveWorkspace(tmp_path)
    server = DevServer(workspace.output, 0)
    session = Session(workspace.root, server.hub, [*workspace.arguments, "-e", "SEARCH_PAGES_PER_INDEX=0"])
    server.start()
    stream = Stream(server)
    try:
        assert not session.builder.ok
        name, data = stream.next()
        assert name == "errors" and "SEARCH_PAGES_PER_INDEX must be a whole number" in data["html"]
    finally:
        stream.close()
        server.stop()
        session.close()


def test_the_error_dialog_escapes_what_editors_wrote(tmp_path):
    hostile = "<img src=x onerror=alert(1)>"
    write_files(
        tmp_path / "content",
        {
            f"updates/en/{hostile}.md": "---\ntitle: A\ndate: 2021-01-01\npersons: ['<script>alert(2)</script>']\n---\n"
            "Text.\n",
            "updates/en/b.md": "---\ntitle: B\ndate: 2021-01-01\ncolour: red\n---\nText.\n",  # a warning
        },
    )
    site = run_pelican(tmp_path / "content", tmp_path / "output")
    report = live.Report(failure="the build failed: KeyError: '<b>'", findings=live.reported(site.settings))
    found = [f for f in report.findings if f["severity"] == "error" and "<script>" in f["message"]]
    assert found and found[0]["file"].endswith(f"/updates/en/{hostile}.md")
    shown = reload.error_html(report)
    assert "<script" not in shown and "<img" not in shown and "<b>" not in shown
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "KeyError: &#x27;&lt;b&gt;&#x27;" in shown
    _, data = reload.message("v", report).decode().split("data: ")
    assert json.loads(data)["html"] == shown


def test_streams_beyond_the_limit_are_refused_until_a_tab_closes(server, monkeypatch):
    monkeypatch.setattr(devserver, "MAX_STREAMS", 2)
    tabs = [Stream(server), Stream(server)]
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(server, reload.EVENTS)
    assert refused.value.code == 503
    tabs.pop().close()
    deadline = time.monotonic() + 10 * POLL_SECONDS
    while server.streams > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    again = Stream(server)
    assert again.next()[0] == "reload"
    for tab in (*tabs, again):
        tab.close()


def test_a_streams_thread_ends_with_its_tab_and_with_the_server(server):
    def streaming():
        return sum("process_request_thread" in t.name for t in threading.enumerate())

    before = streaming()
    tabs = [Stream(server) for _ in range(5)]
    for tab in tabs:
        assert tab.next()[0] == "reload"
    assert streaming() == before + 5
    for tab in tabs:
        tab.close()
    deadline = time.monotonic() + 10 * POLL_SECONDS
    while streaming() > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert streaming() == before
    last = Stream(server)
    last.next()
    server.stop()
    with pytest.raises(EOFError):
        last.next()
    last.close()
