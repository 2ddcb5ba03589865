"""Partners an archive post names without a `partners` key: in its title, or by a link to their own site.

The seed "Collaborating with IOM, the UN Migration Agency, on OpenStreetMap"
has no partner field, so IOM's page and feed never listed it. A document with
no `partners` key is linked to a partner whose name, short name or other name
(in any language) its title says, as a whole word, or whose site (the host of
its `url`, and under its path) its text links to. Each such link is a note (`I-PARTNER-INFERRED`),
so an editor can confirm it with one edit; `PARTNER_INFERENCE = False` turns
it off, and an explicit `partners:` always wins.
"""

import re
from urllib.parse import urlsplit

from hubcore import findings, source_scan

KIND = "partners"


class Partner:
    """What gives a partner away: its names in a title, its site's host in a link."""

    def __init__(self, entity):
        self.entity = entity
        names = sorted({name for name in entity.spellings() if name and name != entity.slug}, key=len, reverse=True)
        # An acronym (IOM) only in capitals: `iom` inside another word, or in lower case, is no mention.
        acronyms = [re.escape(name) for name in names if name.isupper()]
        others = [re.escape(name) for name in names if not name.isupper()]
        parts = ([rf"\b(?:{'|'.join(acronyms)})\b"] if acronyms else []) + (
            [rf"(?i:\b(?:{'|'.join(others)})\b)"] if others else []
        )
        self.title = re.compile("|".join(parts)) if parts else None
        self.host, self.path = address_of(entity.metadata.get("url") or "")

    def named_in(self, title):
        return bool(self.title and self.title.search(title or ""))

    def linked_from(self, links):
        """The line of the first link to the partner's site, or None."""
        for line, target in links:
            host, path = address_of(target)
            if self.host and (host == self.host or host.endswith("." + self.host)) and path.startswith(self.path):
                return line
        return None


def address_of(url):
    """(host less `www.`, path with a trailing `/`) of an address: a partner's site may be a path of a shared host
    (`github.com/hotosm/`), and only links under it are to it."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return "", "/"
    return host.removeprefix("www."), parts.path.rstrip("/") + "/"


def infer(documents, entries, settings):
    """Give each document with no `partners` key the partners its title names or its text links to."""
    if not settings["PARTNER_INFERENCE"] or not entries:
        return
    partners = [Partner(entity) for entity in entries.values() if entity.source_path]
    for document in documents:
        lines = document.metadata.get("source_lines", {})
        if KIND in lines or document.metadata.get(KIND):
            continue
        found = [(partner, reason(partner, document, lines)) for partner in partners]
        found = [(partner, why) for partner, why in found if why]
        if found:
            document.metadata[KIND] = [partner.entity.slug for partner, _ in found]  # a new list, not the cache's
            document.metadata["partners_inferred"] = True
        for partner, (line, why) in found:
            findings.report(
                settings,
                findings.INFO,
                "I-PARTNER-INFERRED",
                document.relative_source_path,
                line,
                f"listed with partner {partner.entity.name!r}: {why}",
                f"confirm it with `partners: [{partner.entity.name}]`, or add `partners: []` if not",
            )


def reason(partner, document, lines):
    """(line, why) the document is the partner's, or None."""
    if partner.named_in(document.metadata.get("title")):
        return lines.get("title", 0), "the title names it"
    line = partner.linked_from((document.metadata.get(source_scan.KEY) or {}).get("links", ()))
    if line is not None:
        return line, f"the text links to its site ({partner.host})"
    return None
