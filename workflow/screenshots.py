"""`./dev screenshots`: every kind of page at a phone's and a desktop's width, in every language and in a
right-to-left one, as full-page PNGs with a contact sheet, to review a change of the theme at a glance.

The demo site (content/) and the demo with Arabic added (workflow/rtl_site.py) are built into a temporary folder and
served on localhost; Debian's Chromium, driven by Playwright, takes the pictures. No browser is ever downloaded,
and requests to other hosts (the archive's remote images) are answered with a blank image: the pictures must not
depend on a network. Which page stands for each kind comes from the built site's sitemap, so they follow the
content as it changes. The browser tests (tests/browser/) find their pages the same way (`page_urls`).
"""

import concurrent.futures
import contextlib
import functools
import html
import http.server
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from hubcore import urls

from . import ROOT, WorkflowError
from .content import site_settings
from .rtl_site import add_arabic

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
# Every kind of page a reader (or an editor) can reach, in the order a reviewer reads them.
PAGE_TYPES = (
    "home",
    "update",
    "page",
    "tag",
    "tags",
    "person",
    "people",
    "partner",
    "partners",
    "country",
    "countries",
    "archives",
    "search",
    "feeds",
    "404",
    "translation-status",
)
# The list pages of a directory kind, and the name of one of its entries' pages.
DIRECTORY_TYPES = {"tags": "tag", "persons": "person", "partners": "partner", "countries": "country"}
INDEX_NAMES = {"tags": "tags", "persons": "people", "partners": "partners", "countries": "countries"}
# (width, height) of the window: a common phone and a laptop. Full-page pictures grow below the height.
WIDTHS = {375: 812, 1280: 900}
RTL_LANG = "ar"
# Pixels of the contact sheet's pictures (its CSS says the same).
THUMB_HEIGHT = 200
# Lazy images load only near the window: the full-page picture would show their empty boxes.
LOAD_EVERY_IMAGE = """async () => {
  for (const img of document.images) img.loading = "eager";
  await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
}"""


# Building and serving ---------------------------------------------------------------------------------------------


def build(content, output, overrides, settings_file=ROOT / "pelicanconf.py"):
    """Build `content` into `output` with the site's settings and `overrides`, in a process of its own (as `./dev
    build` does); the build's report is kept back unless it fails."""
    settings = {
        "PATH": str(content),
        "CACHE_PATH": str(output.parent / "cache"),
        "DELETE_OUTPUT_DIRECTORY": True,
        "SEARCH_INDEX": True,
        **overrides,
    }
    command = [sys.executable, "-m", "workflow.build", "-s", str(settings_file), "-o", str(output), "-e"]
    command += [f"{name}={json.dumps(value)}" for name, value in settings.items()]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)  # ROOT: where `workflow` is a package
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise WorkflowError(f"the build of {content} failed: {last[0]}")


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
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }

    def log_message(self, *args):
        pass


def local_only(context, base_url):
    """Requests to other hosts answered with a blank image: the machine may have no network."""

    def route(request_route):
        if request_route.request.url.startswith(base_url):
            request_route.continue_()
        else:
            request_route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)

    context.route("**/*", route)


# Which page stands for each kind ----------------------------------------------------------------------------------


def page_urls(base_url, settings):
    """{language: {page type: site URL}} of a served site, for each language of `settings["LANGUAGES"]`.

    An entry's page (an update, a tag, a partner...) is the first of its kind in the sitemap, which lists public
    pages only (no draft, no redirect); a kind the language lacks (a page nobody translated) is left out.
    """
    listed = sitemap(base_url)
    found = {}
    for lang in settings["LANGUAGES"]:
        own = [url for url in listed if language_of(url, settings) == lang]
        candidates = pages_in(lang, own, settings)
        found[lang] = {kind: url for kind, url in candidates.items() if url and served(base_url + url)}
    return found


def pages_in(lang, listed, settings):
    """{page type: URL or None} of one language, from the URLs of its own space in the sitemap."""

    def at(path=""):
        return "/" + urls.lang_url(settings, lang, path)

    sections = {at(settings[name]) for name in ("LANG_ARCHIVES_URL", "SEARCH_URL", "FEED_FOLDER")}
    found = {"home": at()}
    for kind, spec in settings["DIRECTORY_KINDS"].items():
        index = at(spec["url"].split("{slug}")[0])
        sections.add(index)
        if kind in DIRECTORY_TYPES:
            found[INDEX_NAMES[kind]] = index
            found[DIRECTORY_TYPES[kind]] = first(listed, matcher(at(spec["url"]), lang))
    found["update"] = first(listed, matcher("/" + document_url(settings, "ARTICLE", lang), lang))
    pages = matcher("/" + document_url(settings, "PAGE", lang), lang)
    # A page's URL ("{slug}/") has the shape of a list page's ("tags/"): those are not pages.
    found["page"] = first([url for url in listed if url not in sections], pages)
    found |= {
        "archives": at(settings["LANG_ARCHIVES_URL"]),
        "search": at(settings["SEARCH_URL"]),
        "feeds": at(settings["FEED_FOLDER"]),
        "404": at("404.html"),
    }
    # The editors' page is written once, in the default language.
    if lang == settings["DEFAULT_LANG"] and settings["TRANSLATION_STATUS_URL"]:
        found["translation-status"] = "/" + settings["TRANSLATION_STATUS_URL"]
    return {kind: found.get(kind) for kind in PAGE_TYPES}


def document_url(settings, kind, lang):
    """Pelican's URL pattern of an update (ARTICLE) or a page (PAGE) in `lang`."""
    return settings[f"{kind}_URL" if lang == settings["DEFAULT_LANG"] else f"{kind}_LANG_URL"]


def matcher(pattern, lang):
    """The URLs a pattern such as `/{lang}/updates/{slug}/` gives in `lang`, as a regular expression."""
    parts = re.split(r"(\{slug\})", pattern.replace("{lang}", lang))
    return re.compile("".join("[^/]+" if part == "{slug}" else re.escape(part) for part in parts) + "$")


def first(listed, pattern):
    return next((url for url in listed if pattern.match(url)), None)


def language_of(url, settings):
    for lang in settings["LANGUAGES"]:
        prefix = urls.lang_prefix(settings, lang)
        if prefix and url.startswith("/" + prefix):
            return lang
    return settings["DEFAULT_LANG"]


def sitemap(base_url):
    """The site URLs (paths) the sitemap lists, sorted."""
    with urllib.request.urlopen(f"{base_url}/sitemap.xml") as response:
        text = response.read().decode("utf-8")
    return sorted({urlsplit(html.unescape(loc)).path for loc in re.findall(r"<loc>([^<]+)</loc>", text)})


def served(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD")) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return False


# The pictures -----------------------------------------------------------------------------------------------------


class Site:
    """A built site: its content, the settings it was built with, and the languages to picture from it."""

    def __init__(self, content, output, overrides, languages=None):
        self.content, self.output, self.overrides = content, output, overrides
        self.settings = {**site_settings(content), **overrides}
        self.languages = languages or list(self.settings["LANGUAGES"])


def sites(content, scratch, overrides):
    """The site of `content` and a copy of it with Arabic added, both built at once."""
    rtl_content = scratch / "rtl" / "content"
    shutil.copytree(content, rtl_content, symlinks=True)  # a link is copied as a link: the build refuses it
    demo = Site(content, scratch / "demo" / "output", overrides)
    languages = add_arabic(rtl_content, demo.settings)["LANGUAGES"]
    rtl = Site(rtl_content, scratch / "rtl" / "output", {**overrides, "LANGUAGES": languages}, [RTL_LANG])
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for done in [pool.submit(build, site.content, site.output, site.overrides) for site in (demo, rtl)]:
            done.result()
    return [demo, rtl]


def shoot(browser, base_url, pages, folder, widths, dark):
    """Full-page PNGs of `pages` ({lang: {type: url}}) at each width: [(width, lang, type, url, path)]."""
    shots = []
    for width in widths:
        context = browser.new_context(
            base_url=base_url,
            viewport={"width": width, "height": WIDTHS.get(width, 900)},
            color_scheme="dark" if dark else "light",
        )
        local_only(context, base_url)
        page = context.new_page()
        for lang, kinds in pages.items():
            for kind, url in kinds.items():
                path = folder / str(width) / lang / f"{kind}.png"
                picture(page, url, path)
                shots.append((width, lang, kind, url, path))
        context.close()
    return shots


def picture(page, url, path):
    from playwright.sync_api import Error

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        page.goto(url, wait_until="load")
        page.evaluate(LOAD_EVERY_IMAGE)
        page.screenshot(path=str(path), full_page=True, animations="disabled")
    except Error as error:
        raise WorkflowError(f"{url}: {error.message.splitlines()[0]}") from None


def take_screenshots(root=ROOT, folder=None, content=None, overrides=None, widths=tuple(WIDTHS), dark=False):
    """Build, serve and picture every kind of page in every language (and Arabic, right to left) into `folder`
    (`screenshots/`, or `screenshots/dark/` with `dark`), replacing the last pictures; a contact sheet, index.html,
    shows them all. Returns the PNGs' paths and the sheet's."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise WorkflowError(f"Debian's chromium is not installed ({CHROMIUM}): apt-get install chromium")
    folder = Path(folder or root / "screenshots") / ("dark" if dark else "")
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        built = sites(Path(content or root / "content"), Path(scratch), overrides or {})
        clear(folder, keep="" if dark else "dark")
        shots = []
        for site in built:
            with serving(site.output) as base_url:
                pages = page_urls(base_url, site.settings)
                chosen = {lang: pages[lang] for lang in site.languages}
                shots += shoot(browser, base_url, chosen, folder, widths, dark)
        browser.close()
    sheet = folder / "index.html"
    sheet.write_text(contact_sheet(shots, folder, widths, dark), encoding="utf-8")
    return [shot[-1] for shot in shots], sheet


def clear(folder, keep):
    """Empty `folder` of the last run's pictures (but the `keep` folder: the other colour scheme's)."""
    folder.mkdir(parents=True, exist_ok=True)
    for child in folder.iterdir():
        if child.name == keep:
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def contact_sheet(shots, folder, widths, dark):
    """One table: a row per page type, a column per language and width, each picture a link to the PNG."""
    langs = list(dict.fromkeys(lang for _, lang, _, _, _ in shots))
    cells = {(width, lang, kind): (url, path) for width, lang, kind, url, path in shots}
    head = "".join(f'<th colspan="{len(widths)}">{html.escape(lang)}</th>' for lang in langs)
    sub = "".join(f"<th>{width} px</th>" for _ in langs for width in widths)
    rows = []
    for kind in PAGE_TYPES:
        row = [f"<th>{html.escape(kind)}</th>"]
        for lang in langs:
            for width in widths:
                row.append(sheet_cell(cells.get((width, lang, kind)), folder, width))
        rows.append("<tr>" + "".join(row) + "</tr>")
    scheme = "dark" if dark else "light"
    return SHEET.format(count=len(shots), scheme=scheme, head=head, sub=sub, rows="\n".join(rows))


def sheet_cell(shot, folder, width):
    """A picture cut to the first screen of the window it was taken in, so phone and desktop read alike."""
    if shot is None:
        return '<td class="none">—</td>'
    url, path = shot
    href, title = html.escape(path.relative_to(folder).as_posix()), html.escape(url)
    size = f'style="width: {round(THUMB_HEIGHT * width / WIDTHS.get(width, 900))}px"'
    return (
        f'<td><a href="{href}" title="{title}"><img src="{href}" alt="{title}" loading="lazy" {size}></a>'
        f"<small {size}>{title}</small></td>"
    )


SHEET = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Screenshots ({scheme})</title>
<style>
  :root {{ color-scheme: {scheme}; font: 13px/1.3 system-ui, sans-serif; }}
  table {{ border-collapse: collapse; }}
  th, td {{ border: 1px solid #8884; padding: 4px; vertical-align: top; }}
  thead th {{ position: sticky; top: 0; background: Canvas; }}
  tbody th {{ text-align: start; white-space: nowrap; }}
  img {{ display: block; height: 200px; object-fit: cover; object-position: top; }}
  small {{ display: block; overflow-wrap: anywhere; color: GrayText; }}
  td.none {{ color: GrayText; text-align: center; }}
</style>
</head>
<body>
<h1>{count} screenshots ({scheme})</h1>
<p>Each picture shows the first screen of the page; open it for the whole page. A dash: the site has no such page
in that language. Made by <code>./dev screenshots</code>.</p>
<table>
<thead><tr><th rowspan="2">page</th>{head}</tr><tr>{sub}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""
