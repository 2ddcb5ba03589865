"""The text of an HTML fragment: summaries as lengths, feed descriptions, JSON Feed and JSON-LD text."""

import html
import re

TAGS = re.compile(r"<[^<>]+>")  # not `<[^>]+>`: on a text of `<` that would take minutes
# Characters no page or feed may carry (XML 1.0 forbids them; feed writers stop on them), bar tab and newline.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
SPACE_BEFORE_PUNCTUATION = re.compile(r" ([.,;:!?])")


def plain(html_text):
    """Tags become spaces (paragraphs stay apart), entities are decoded, whitespace is collapsed."""
    text = " ".join(html.unescape(TAGS.sub(" ", html_text or "")).split())
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
