"""`./dev serve` in the browser: each open tab reloads itself after a rebuild, and shows the build's errors.

The dev server (devserver.py) adds a small script to every HTML page it
serves, in the response only: nothing of it is ever written into output/, so
`./dev build`, `./dev publish` and a deploy never carry it. The script holds
the version of the build it was served from, and keeps one server-sent
events connection (EVENTS) to the server, which tells it the version of the
latest build:

- `reload` (the build has no errors): a tab of another version keeps its
  scroll position in sessionStorage, under its path, and reloads;
- `errors` (the build failed, or has findings of severity error): a tab of
  the same version shows them in a dialog over the page, one of another
  version reloads first. Once they are fixed, the next build's `reload`
  brings back the page itself.

A version is the server's start and the number of builds it has announced:
a tab left open while the server restarted reconnects by itself (`retry:`),
hears another version and reloads.
"""

import html
import json
import secrets
import threading

MARKER = "hub-live-reload"  # in the script, its endpoint and its storage key: never in a built file (a test holds it)
EVENTS = f"/{MARKER}/events"
RETRY_MS = 1000  # a tab tries again soon after losing the server, so it follows a restarted one at once

# The only words of the error dialog. It is a tool for an editor at their own machine, in English, the site's
# default language, which has no catalog; the theme's catalogs hold the templates' strings, and a test calls
# any other entry stale. So they stay in this one table, written as catalog entries would be.
UI_TEXT = {
    "heading": "There is a problem",
    "line": "line %(line)s",
    "fix": "Fix: %(hint)s",
    "warnings": "Warnings, listed in the terminal: %(count)s",
    "note": "This goes away by itself once the problems are fixed.",
    "close": "Show the page",
}

SCRIPT = """<script data-%(marker)s>
(() => {
  const version = "%(version)s", key = "%(marker)s:" + location.pathname;
  const kept = sessionStorage.getItem(key);
  if (kept !== null) {
    // The page's images may still change its height: scroll again once they are in.
    sessionStorage.removeItem(key);
    scrollTo(0, Number(kept));
    addEventListener("load", () => scrollTo(0, Number(kept)), { once: true });
  }
  let dialog = null;
  function reload() {
    sessionStorage.setItem(key, String(scrollY));
    location.reload();
  }
  function connect() {
    const source = new EventSource("%(events)s");
    source.addEventListener("reload", (event) => {
      if (JSON.parse(event.data).version !== version) reload();
    });
    source.addEventListener("errors", (event) => {
      const news = JSON.parse(event.data);
      if (news.version !== version) return reload();
      dialog ??= document.body.appendChild(document.createElement("dialog"));
      dialog.setAttribute("data-%(marker)s", "");
      dialog.innerHTML = news.html;
      if (!dialog.open) dialog.showModal();
    });
    // EventSource reconnects by itself after a lost connection, but gives up on an answer that is no stream.
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, %(retry)d);
    };
  }
  connect();
})();
</script>
"""

STYLE = """<style>
dialog[data-%(marker)s] { max-inline-size: min(48rem, 92vw); border: 5px solid #d4351c; padding: 1.5rem;
  color: #0b0c0c; background: #fff; font: 1rem/1.5 system-ui, sans-serif; }
dialog[data-%(marker)s]::backdrop { background: rgb(0 0 0 / 0.5); }
dialog[data-%(marker)s] h2 { margin-block: 0 1rem; font-size: 1.5rem; }
dialog[data-%(marker)s] li { margin-block-end: 0.75rem; overflow-wrap: anywhere; }
dialog[data-%(marker)s] code { font-weight: bold; }
</style>"""


def script(version):
    """The script a served HTML page gets, for the build of `version`."""
    return SCRIPT % {"marker": MARKER, "version": version, "events": EVENTS, "retry": RETRY_MS}


def inject(page, version):
    """An HTML page's bytes with the script before its last `</body>` (at its end when it has none)."""
    at = page.lower().rfind(b"</body>")
    at = len(page) if at < 0 else at
    return page[:at] + script(version).encode("utf-8") + page[at:]


def errors_of(report):
    return [f for f in report.findings if f["severity"] == "error"]


def error_html(report):
    """The dialog's content: the build's failure and its errors, each with file, line, message and fix. Every
    name and message is an editor's text (a file name, a value in front matter): all escaped."""
    e = html.escape
    items = [f"<li>{e(report.failure)}</li>"] if report.failure else []
    for f in sorted(errors_of(report), key=lambda f: (f["file"], f["line"], f["code"])):
        where = e(f["file"]) + (", " + e(UI_TEXT["line"] % {"line": f["line"]}) if f["line"] else "")
        fix = f"<br>{e(UI_TEXT['fix'] % {'hint': f['hint']})}" if f["hint"] else ""
        items.append(f"<li><code>{where}</code>: {e(f['code'])}: {e(f['message'])}{fix}</li>")
    warnings = sum(f["severity"] == "warning" for f in report.findings)
    count = f"<p>{e(UI_TEXT['warnings'] % {'count': warnings})}</p>" if warnings else ""
    return (
        f'{STYLE % {"marker": MARKER}}<div lang="en" dir="ltr" role="alert" aria-labelledby="{MARKER}-heading">'
        f'<h2 id="{MARKER}-heading">{e(UI_TEXT["heading"])}</h2><ul>{"".join(items)}</ul>{count}'
        f'<p>{e(UI_TEXT["note"])}</p><form method="dialog"><button>{e(UI_TEXT["close"])}</button></form></div>'
    )


def event(name, data):
    """One server-sent event; JSON keeps the data on one line, which the protocol needs."""
    return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode("utf-8")


def message(version, report):
    """What a tab is told of a build: `errors` with the dialog's content, or `reload`."""
    count = len(errors_of(report)) + bool(report.failure)
    if count:
        return event("errors", {"version": version, "count": count, "html": error_html(report)})
    return event("reload", {"version": version})


class Hub:
    """The latest build, as the tabs are told of it; each tab's stream waits here for the next one."""

    def __init__(self):
        self._start = secrets.token_hex(4)  # a tab of the server's last run has another version, and reloads
        self._builds = 0
        self._changed = threading.Condition()
        self._closed = False
        self.version = f"{self._start}-0"
        self._message = event("reload", {"version": self.version})

    def publish(self, report):
        """A build ended (a Report of workflow/live.py): tell every tab."""
        with self._changed:
            self._builds += 1
            self.version = f"{self._start}-{self._builds}"
            self._message = message(self.version, report)
            self._changed.notify_all()

    def next(self, seen, timeout):
        """(version, event) of a build other than `seen`, waiting at most `timeout` seconds for one; None when
        there was none, or the hub is closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self.version != seen, timeout)
            if self._closed or self.version == seen:
                return None
            return self.version, self._message

    @property
    def closed(self):
        return self._closed

    def close(self):
        """The server stops: every stream ends."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
