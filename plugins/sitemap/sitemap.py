"""sitemap.xml listing every public page with its language alternates.

Pages are recorded as they are written (Pelican's `content_written`), so the
per-language pages of the other plugins are listed too, each with exactly the
`hreflang` alternates its own `<head>` shows (hubcore/alternates.py).
Existing sitemap plugins list only Pelican's articles and pages, and know
nothing of translations linked by key.
"""

import os
from xml.sax.saxutils import escape, quoteattr

from pelican import signals

from hubcore import alternates, files, plugin, state
from hubcore.settings import apply_defaults


def record(path, context):
    # The context every page is rendered with is a shallow copy of the settings: the build's state is shared.
    pages = state.of(context).sitemap_pages
    content = context.get("article") or context.get("page")
    if context.get("noindex") or (content is not None and content.status != "published"):
        return
    lastmod = getattr(content, "modified", None) or getattr(content, "date", None)
    pages.append((alternates.own_url(context), lastmod, alternates.hreflang_links(context)))


def write(pelican):
    settings = pelican.settings
    base = settings["SITEURL"]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url, lastmod, links in sorted(state.of(settings).sitemap_pages, key=lambda page: page[0]):
        lines.append(f"<url><loc>{escape(f'{base}/{url}')}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{lastmod.date().isoformat()}</lastmod>")
        lines += [
            f'<xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(f"{base}/{href}")}/>'
            for code, href in links
        ]
        lines.append("</url>")
    lines.append("</urlset>\n")
    files.write_if_changed(os.path.join(settings["OUTPUT_PATH"], "sitemap.xml"), "\n".join(lines))


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.content_written: record,
    signals.finalized: write,
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
