"""What a document's source says line by line, for the checks that name a line: garbled characters and links.

The reader scans each file's text as it reads it, so the reader cache keeps the
result: a build or `./dev check` reads no unchanged file again for these checks
(they took a tenth of a check before: bench/README.md).
validation/source.py reports what the scan found.
"""

import re

from hubcore import mojibake

KEY = "source_scan"  # metadata key
# A web editor escaped the archive's image and link syntax: `!\[OAM Screenshot.jpg\](/uploads/OAM%20S.jpg)\` shows
# as text. Escaped brackets followed by a `(target)`; the trailing backslash was the editor's line break.
ESCAPED = re.compile(r"(!?)\\\[([^\]\n]{0,300}?)\\\]\(([^)\s]{1,2000})\)(?:\\(?=\s|$))?")  # bounded: linear
# An image with no text alternative: HTML without `alt` (or with an empty one), Markdown `![](target)`.
NO_ALT = re.compile(
    r"""<img\b(?![^>]{0,2000}\balt\s*=\s*(?:"[^"\s]|'[^'\s]|[^\s"'>]))[^>]{0,2000}>|!\[\s*\]\(""", re.IGNORECASE
)
# A link to an update with its label: Markdown `[label](…/updates/x/)` and HTML `<a href="…/updates/x/">label</a>`
# (the archive's "Versión en español" links between translations; translations.py reads them).
LABELLED = re.compile(
    r"""\[([^\]\n]{1,200})\]\(\s*<?([^)\s>]{0,2000}/updates/[^)\s>]{0,500})|"""
    r"""<a\s[^>]{0,500}?href=["']([^"']{0,2000}/updates/[^"']{0,500})["'][^>]{0,500}>(.{0,300}?)</a>""",
    re.IGNORECASE,
)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)  # an unclosed one runs to the end, as in a browser
# Markdown `](target)` and HTML `href="target"` / `src="target"`.
LINK = re.compile(r"""(?:\]\(\s*<?|(?:href|src)=["'])([^)"'\s>]+)""")


def scan(text):
    """{"mojibake": [(line number, line, line repaired)], "links": [(line number, target)], "escaped": [(line number,
    escaped, repaired)], "no_alt": [(line number, image)], "labelled": [(line number, label, target)]} of a
    file's text (decoded, without byte-order mark, with `\\n` line ends)."""
    lines = text.split("\n")
    return {
        "escaped": [
            (number, match.group(), unescaped(match.group()))
            for number, line in enumerate(lines, start=1)
            if "\\[" in line
            for match in ESCAPED.finditer(line)
        ],
        "no_alt": [
            (number, match.group()[:80])
            for number, line in enumerate(lines, start=1)
            if "<img" in line.lower() or "![" in line
            for match in NO_ALT.finditer(line)
        ],
        "mojibake": [
            (number, line, fixed)
            for number, (line, fixed) in enumerate(zip(lines, repaired_lines(lines)), start=1)
            if fixed != line
        ],
        "links": [
            (number, target)
            for number, line in enumerate(lines, start=1)
            if "(" in line or "=" in line
            for target in LINK.findall(line)
        ],
        "labelled": labelled_links(without_comments(text).split("\n") if "<!--" in text else lines),
    }


def without_comments(text):
    """`text` with its HTML comments blanked, their line breaks kept: a link in a comment is no link."""
    return HTML_COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)


def labelled_links(lines):
    """(line number, label, target) of each link to an update; the label as a reader sees it (its mojibake
    repaired, its tags left out)."""
    found = []
    for number, line in enumerate(lines, start=1):
        if "/updates/" not in line:
            continue
        for match in LABELLED.finditer(line):
            label, target = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
            found.append((number, mojibake.repair(label), target))
    return found


def unescaped(text):
    """`![alt](target)` for `!\\[alt\\](target)\\`, in all of `text`."""
    return ESCAPED.sub(r"\1[\2](\3)", text)


def repaired_lines(lines):
    """Each line as ftfy repairs it. The whole text is repaired at once, as the reader does: one
    line alone (`\uf8ffü¶Ñ` for 🦄) may not show which wrong encoding the file went through."""
    text = "\n".join(lines)
    if not mojibake.possible(text):
        return lines
    fixed = mojibake.repair(text).split("\n")
    return fixed if len(fixed) == len(lines) else [mojibake.repair(line) for line in lines]
