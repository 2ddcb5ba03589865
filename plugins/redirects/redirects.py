"""Old addresses keep working: each update's `aliases` and archive `permalink` redirect to its page.

A static host cannot answer with a 301, so each old address gets a tiny page
with a canonical link, an immediate meta refresh and a plain link (for readers
without automatic redirects). An alias may not leave the output folder nor
replace a real page: either is reported, and nothing is written for it.
"""

import html
import os
import posixpath
import re
from urllib.parse import quote, unquote

from pelican import signals
from pelican.generators import Generator

from hubcore import files, findings, plugin, updates, urls
from hubcore.settings import apply_defaults

SAFE = re.compile(r"^[A-Za-z0-9._~!$&'()*+,;=:@%/-]+$")

PAGE = """<!doctype html>
<html lang="{lang}">
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{target}">
<meta http-equiv="refresh" content="0; url={target}">
<p><a href="{target}">{title}</a></p>
</html>
"""


def output_name(address):
    """`updates/2017_old/index.html` for `/updates/2017_old`, or None for an address that is no local path."""
    path = address.split("#")[0].split("?")[0].strip()
    if "://" in path or path.startswith("//") or not SAFE.match(path):
        return None
    # A web server decodes `%2e%2e/` into `../` before it looks for the file: so does the check.
    path = unquote(path)
    if ".." in path.split("/") or "\\" in path or any(ord(c) < 32 for c in path):
        return None
    path = posixpath.normpath("/" + path).lstrip("/")
    if not path:
        return None
    return path if path.endswith((".html", ".htm")) else f"{path}/index.html"


def taken(target):
    """A file of the site is there; a redirect page that an earlier build left in output/ is not one."""
    if not os.path.exists(target):
        return False
    with open(target, encoding="utf-8", errors="replace") as handle:
        return 'http-equiv="refresh"' not in handle.read(400)


class RedirectsGenerator(Generator):
    def generate_output(self, writer):
        settings = self.settings
        base = settings["SITEURL"]
        rules = []  # `_redirects` lines, for hosts that redirect with a real 301 (Netlify, Cloudflare Pages)
        for document in updates.published(self.context):
            for address in updates.old_addresses(document):
                name = output_name(address)
                line = document.metadata.get("source_lines", {}).get("aliases") or \
                    document.metadata.get("source_lines", {}).get("permalink", 0)
                if name is None:
                    findings.report(settings, findings.ERROR, "E-ALIAS", document.relative_source_path, line,
                                    f"the old address {address!r} is not a path of this site",
                                    "write it as /updates/old-name/ (no domain, no ..)")
                    continue
                target = os.path.join(self.output_path, name)
                if name == urls.save_as(document.url) or taken(target):
                    if name != urls.save_as(document.url):
                        findings.report(settings, findings.WARNING, "W-ALIAS-TAKEN", document.relative_source_path,
                                        line, f"the old address {address!r} is a page of the site; no redirect",
                                        "remove it from `aliases`")
                    continue
                if settings["HUB_CHECK_ONLY"]:
                    continue  # `./dev check` writes nothing
                files.write_if_changed(target, PAGE.format(lang=document.lang, title=html.escape(document.title),
                                                           target=html.escape(f"{base}/{document.url}")))
                rules.append(f"/{quote(name.removesuffix('index.html'))} /{document.url} 301")
        if not settings["HUB_CHECK_ONLY"]:
            files.write_if_changed(os.path.join(self.output_path, "_redirects"),
                                   "".join(f"{rule}\n" for rule in sorted(rules)))


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.article_generator_finalized: updates.collect,
    signals.get_generators: plugin.adds_generator(RedirectsGenerator),
}


def register():
    plugin.connect(SIGNAL_HANDLERS)
