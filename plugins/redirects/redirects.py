"""Old addresses keep working: each update's `aliases` and archive `permalink` redirect to its page.

A static host cannot answer with a 301, so each old address gets a tiny page
with a canonical link, an immediate meta refresh and a plain link (for readers
without automatic redirects). An alias may not leave the output folder, nor
take a path another output writes (hubcore.claims: a page, a feed, the
stylesheet, the search index...), nor be another update's old address: each is
reported, and nothing is written for it.
"""

import html
import os
import posixpath
import re
from urllib.parse import quote, unquote

from pelican import signals
from pelican.generators import Generator

from hubcore import claims, files, findings, plugin, updates, urls
from hubcore.settings import apply_defaults

SAFE = re.compile(r"^[A-Za-z0-9._~!$&'()*+,;=:@%/-]+$")
# File systems refuse longer paths (PATH_MAX is 4,096 bytes on Linux, with the output folder's own path in it).
MAX_PATH_BYTES = 1000

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
    if any(part.startswith(".") for part in path.split("/")) or "\\" in path or any(ord(c) < 32 for c in path):
        return None  # `..`, and hidden names a host treats apart (.git/, .htaccess, .well-known/)
    if len(path.encode("utf-8")) > MAX_PATH_BYTES or any(
        len(part.encode("utf-8")) > urls.MAX_SLUG_BYTES for part in path.split("/")
    ):
        return None  # longer than a file name or path may be
    path = posixpath.normpath("/" + path).lstrip("/")
    if not path:
        return None
    return path if path.endswith((".html", ".htm")) else f"{path}/index.html"


class RedirectsGenerator(Generator):
    planned = ()  # (output file, document) of each redirect to write; `plan` sets it once every document is known

    def generate_output(self, writer):
        settings = self.settings
        if settings["HUB_CHECK_ONLY"]:
            return  # `./dev check` writes nothing; `plan` has reported
        base = settings["SITEURL"]
        rules = []  # `_redirects` lines, for hosts that redirect with a real 301 (Netlify, Cloudflare Pages)
        for name, document in self.planned:
            files.write_if_changed(
                os.path.join(self.output_path, name),
                PAGE.format(
                    lang=document.lang, title=html.escape(document.title), target=html.escape(f"{base}/{document.url}")
                ),
            )
            rules.append(f"/{quote(name.removesuffix('index.html'))} /{document.url} 301")
        files.write_if_changed(
            os.path.join(self.output_path, "_redirects"), "".join(f"{rule}\n" for rule in sorted(rules))
        )


def plan(generators):
    """Decide, once every document and static file is known, which old addresses get a redirect: never one that
    is no path of the site, nor one another output takes, nor one an earlier update (by file name) has."""
    redirects = next((g for g in generators if isinstance(g, RedirectsGenerator)), None)
    if redirects is None:
        return
    settings = redirects.settings
    taken = claims.of_site(settings, redirects.context.get("staticfiles", ()))
    claims.add_documents(taken, generators)
    old = {}  # output file -> the update whose old address it is
    planned = []
    for document in sorted(updates.published(redirects.context), key=lambda doc: doc.relative_source_path):
        for address in dict.fromkeys(updates.old_addresses(document)):
            name = output_name(address)
            if name == urls.save_as(document.url) or old.get(name) == document.relative_source_path:
                continue  # the update is still there, or this is another spelling of an address it has
            problem = refusal(name, address, old, taken)
            if problem:
                report(settings, document, *problem)
                continue
            old[name] = document.relative_source_path
            taken.file(name, document.relative_source_path)  # nor a folder of this one, nor a file inside it
            planned.append((name, document))
    redirects.planned = planned


def refusal(name, address, old, taken):
    """(code stem, message, fix) of an old address that gets no redirect, or None."""
    if name is None:
        return (
            "ALIAS",
            f"the old address {address!r} is not a path of this site",
            "write it as /updates/old-name/ (no domain, no ..)",
        )
    if name in old:
        return (
            "ALIAS-DUPLICATE",
            f"the old address {address!r} is already one of {old[name]}",
            "keep it in one of the two files",
        )
    owner = taken.owner(name)
    if owner:
        return (
            "ALIAS-TAKEN",
            f"the old address {address!r} is taken by {owner}; it cannot redirect",
            "remove it from `aliases`",
        )
    return None


def report(settings, document, stem, message, hint):
    lines = document.metadata.get("source_lines", {})
    line = lines.get("aliases") or lines.get("permalink", 0)
    # The archive's own permalinks predate the pages they now collide with: a warning there.
    if stem == "ALIAS":
        findings.report(settings, findings.ERROR, "E-ALIAS", document.relative_source_path, line, message, hint)
    else:
        findings.lenient(
            settings, document.metadata.get("legacy_format"), stem, document.relative_source_path, line, message, hint
        )


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.article_generator_finalized: updates.collect,
    signals.get_generators: plugin.adds_generator(RedirectsGenerator),
    signals.all_generators_finalized: plan,
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
