"""Checks on a document's source text, line by line: mojibake and internal links.

They look at the file as written, since the reader repairs archive mojibake and
turns Markdown into HTML: only the source has the line an editor must fix. The
reader scans it (hubcore.source_scan), so the reader cache keeps the scan.
"""

import difflib
import re

from hubcore import findings, source_scan, urls


def check(doc, settings, known_urls, metadata=None):
    """Report what the scan of the document's source found: the reader's, kept in its metadata (or in the
    `metadata` of a new reading)."""
    scan = (metadata or doc.metadata).get(source_scan.KEY) or scan_file(doc.source_path)
    legacy = doc.metadata.get("legacy_format", False)
    path = doc.relative_source_path
    for number, line, fixed in scan["mojibake"]:
        report_mojibake(line, fixed, number, path, legacy, settings)
    for number, target in scan["links"]:
        check_link(target, number, path, legacy, settings, known_urls)
    for number, image in scan.get("no_alt", ()):
        findings.report(
            settings,
            findings.WARNING,
            "W-IMAGE-ALT",
            path,
            number,
            f"an image in the text has no description for readers who cannot see it: {image!r}",
            'add alt="what it shows" to the <img>, or write ![what it shows](…) in Markdown',
        )
    for number, escaped, fixed in scan.get("escaped", ()):
        findings.report(
            settings,
            findings.WARNING,
            "W-ESCAPED-MARKDOWN",
            path,
            number,
            f"{escaped!r} shows as text: a web editor escaped the brackets"
            + (", repaired when the site is built" if legacy else ""),
            f"write {fixed!r} (`./dev repair` does it)",
        )


def scan_file(source_path):
    """A document another reader read: its scan, from the file."""
    with open(source_path, encoding="utf-8-sig", errors="replace") as handle:
        return source_scan.scan(handle.read().replace("\r\n", "\n"))


def report_mojibake(line, fixed, number, path, legacy, settings):
    changes = "; ".join(f"{bad!r} → {good!r}" for bad, good in changed_words(line, fixed))
    # A warning only where the build repairs it: in archive posts, unless LEGACY_REPAIR_MOJIBAKE is off.
    repaired = legacy and settings["LEGACY_REPAIR_MOJIBAKE"]
    findings.lenient(
        settings,
        repaired,
        "MOJIBAKE",
        path,
        number,
        "garbled characters (text decoded with the wrong encoding)"
        + (", repaired when the site is built" if repaired else ""),
        f"replace {changes} (`./dev repair` does it)",
    )


def changed_words(line, fixed):
    """('Rub√©n', 'Rubén') pairs: the words the repair changes, up to three."""
    before, after = line.split(" "), fixed.split(" ")
    pairs = [
        trim(" ".join(before[i1:i2]), " ".join(after[j1:j2]))
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
        if op != "equal"
    ]
    return pairs[:3]


def trim(bad, good):
    """Drop what both sides share around the garbled word (`](https://…` after `espa√±ol`)."""

    def shared(a, b):
        count = 0
        while count < min(len(a), len(b)) and a[count] == b[count]:
            count += 1
        word = 0  # keep the letters that belong to the garbled word
        while word < count and a[count - 1 - word].isalnum():
            word += 1
        return count - word

    head = shared(bad, good)
    bad, good = bad[head:], good[head:]
    tail = shared(bad[::-1], good[::-1])
    return bad[: len(bad) - tail], good[: len(good) - tail]


def check_link(target, number, path, legacy, settings, known_urls):
    if target[:1] in ("{", "|") and not target.startswith(urls.LINK_PREFIXES):
        findings.report(
            settings,
            findings.ERROR,
            "E-LINK",
            path,
            number,
            f"the link {target!r} starts with a marker the site does not know; it is removed",
            "write {static}/images/x.jpg or {filename}/updates/en/x.md, or a plain address",
        )
        return
    if target.startswith(urls.LINK_PREFIXES):
        if not urls.readable(settings, urls.content_file(settings, target, path)):
            findings.report(
                settings,
                findings.ERROR,
                "E-LINK",
                path,
                number,
                f"the link {target!r} points at no file in content/",
                "fix the path after the {…}",
            )
        return
    url = known_urls.internal(target)
    if url is not None and url not in known_urls and (path, number) not in known_urls.reported:
        # Suggestions compare with every URL: too slow for the whole archive's old links.
        findings.lenient(
            settings,
            legacy,
            "LINK",
            path,
            number,
            f"the link {target!r} points at no update",
            "fix the link, or remove it" if legacy else known_urls.suggest(url),
        )


class KnownUrls:
    """The URLs updates can be reached at (their own, drafts', and old archive URLs that will redirect)."""

    def __init__(self, settings, urls, reported=()):
        self.urls = {normalize(url) for url in urls}
        self.reported = set(reported)  # (path, line) of dead links reported already
        self.site = settings["SITEURL"].rstrip("/")
        langs = "|".join(re.escape(lang) for lang in settings["LANGUAGES"])
        self.pattern = re.compile(rf"^/((?:(?:{langs})/)?(?:updates|drafts)/[^?#]*)")

    def internal(self, target):
        """The site-relative URL of a link to an update, or None for any other link."""
        if self.site and target.startswith(self.site + "/"):
            target = target[len(self.site) :]
        match = self.pattern.match(target)
        return normalize(match.group(1)) if match else None

    def __contains__(self, url):
        return url in self.urls

    def suggest(self, url):
        close = difflib.get_close_matches(url, self.urls, n=1, cutoff=0.6)
        return f"did you mean '/{close[0]}'?" if close else "fix the link, or remove it"


def normalize(url):
    url = url.strip("/")
    return url + "/" if url and "." not in url.rsplit("/", 1)[-1] else url


def repair(path, write=True):
    """Repair a file's mojibake and escaped Markdown in place; returns the (line number, before, after) of each
    change."""
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    fixed = [source_scan.unescaped(line) for line in source_scan.repaired_lines(lines)]
    changes = [
        (number, *trim(before, after))
        for number, (before, after) in enumerate(zip(lines, fixed), start=1)
        if before != after
    ]
    if changes and write:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write("\n".join(fixed))
    return changes
