"""The text of an HTML fragment: summaries as lengths, feed descriptions, JSON Feed and JSON-LD text."""

import html
import re

TAGS = re.compile(r"<[^>]+>")
SPACE_BEFORE_PUNCTUATION = re.compile(r" ([.,;:!?])")


def plain(html_text):
    """Tags become spaces (paragraphs stay apart), entities are decoded, whitespace is collapsed."""
    text = " ".join(html.unescape(TAGS.sub(" ", html_text or "")).split())
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
