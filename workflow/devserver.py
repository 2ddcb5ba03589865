"""`./dev serve`'s web server: output/ served as `pelican --listen` serves it, with the live reload (reload.py).

Pelican's own handler finds the files (`/updates/a/` and `/updates/a` are
`updates/a/index.html`), so every address works as it did. Over it:

- an HTML page gets the reload script in the response, never on disk, and
  is never cached: its bytes depend on the build the server last announced,
  and a cached page of an older build would reload forever;
- every other file is sent byte for byte, as Pelican's handler sends it, in a sandbox
  (`Content-Security-Policy: sandbox`): a drawing or file from content/ opened
  on its own runs as no origin, so it can neither read the preview nor reach
  the web editor's local backend, which trusts this server's address;
- a missing page is a 404 page with the script, so that a tab on a page not
  built yet, or gone with a failed build, reloads or shows the errors by
  itself;
- `reload.EVENTS` is the event stream each tab keeps open.

A thread per request (daemon threads, so none outlives the server): a tab's
stream holds one while the tab is open and lets it go within POLL_SECONDS of
the tab closing, with no write needed to notice.
"""

import functools
import html
import select
import socket
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pelican.server import ComplexHTTPRequestHandler

from workflow import reload

POLL_SECONDS = 0.2  # how soon a stream notices its tab closed, or the server stopping
# Open tabs a preview serves at once; a further stream is refused (its EventSource tries again later), so a page
# that opens streams by the thousand cannot take every thread.
MAX_STREAMS = 64


class Handler(ComplexHTTPRequestHandler):
    @property
    def base_path(self):  # where Pelican's handler looks for files
        return self.server.base_path

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    sandboxed = False

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.sandboxed:
            self.send_header("Content-Security-Policy", "sandbox")
        super().end_headers()

    def respond(self, send_body):
        self.sandboxed = False  # a kept-alive connection's next request starts afresh
        path = self.path.split("?", 1)[0]
        if path == reload.EVENTS and send_body:
            return self.stream()
        found = self.get_path_that_exists(path)
        if found is None:
            return self.send_page(self.not_found(), HTTPStatus.NOT_FOUND, self.error_content_type, send_body)
        file = Path(self.translate_path(found))
        kind = self.guess_type(str(file))
        if file.is_file() and kind == "text/html":
            return self.send_page(file.read_bytes(), HTTPStatus.OK, kind, send_body)
        self.path = found  # what Pelican's handler hands on: a file to send as it is, a folder to list or redirect
        self.sandboxed = True
        return SimpleHTTPRequestHandler.do_GET(self) if send_body else SimpleHTTPRequestHandler.do_HEAD(self)

    def send_page(self, page, status, kind, send_body):
        page = reload.inject(page, self.server.hub.version)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            self.wfile.write(page)

    def not_found(self):
        """http.server's own 404 page (its words, not the site's)."""
        return (
            self.error_message_format
            % {"code": 404, "message": "File not found", "explain": html.escape(HTTPStatus.NOT_FOUND.description)}
        ).encode("utf-8")

    def stream(self):
        """The tab's event stream: the latest build at once, then each next one, until the tab or server goes."""
        with self.server.streams_lock:
            if self.server.streams >= MAX_STREAMS:
                self.send_error(HTTPStatus.SERVICE_UNAVAILABLE, "Too many open tabs")
                return
            self.server.streams += 1
        try:
            self.send_events()
        finally:
            with self.server.streams_lock:
                self.server.streams -= 1

    def send_events(self):
        hub = self.server.hub
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = None
        try:
            self.wfile.write(f"retry: {reload.RETRY_MS}\n\n".encode("ascii"))
            while not hub.closed and not self.client_left():
                news = hub.next(seen, POLL_SECONDS)
                if news:
                    seen, message = news
                    self.wfile.write(message)
        except (BrokenPipeError, ConnectionResetError):  # the tab closed between two looks
            pass

    def client_left(self):
        """A tab sends nothing after its request: its socket turns readable only when it closes."""
        poller = select.poll()  # not select.select: it fails on descriptors past 1024
        poller.register(self.connection, select.POLLIN)
        if not poller.poll(0):
            return False
        try:
            return not self.connection.recv(1, socket.MSG_PEEK)
        except OSError:
            return True


class DevServer(ThreadingHTTPServer):
    """`folder` served on host:port (0: any free port), its tabs told of each build by `hub`."""

    daemon_threads = True

    def __init__(self, folder, port, host="127.0.0.1", hub=None):
        self.base_path = str(folder)
        self.hub = hub or reload.Hub()
        self.streams, self.streams_lock = 0, threading.Lock()
        self._thread = None
        super().__init__((host, port), Handler)

    @property
    def url(self):
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        serving = functools.partial(self.serve_forever, poll_interval=POLL_SECONDS)  # how soon `stop` is heard
        self._thread = threading.Thread(target=serving, name="dev server", daemon=True)
        self._thread.start()

    def stop(self):
        self.hub.close()  # first: the streams end, and their threads with them
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
            self._thread = None
        self.server_close()
