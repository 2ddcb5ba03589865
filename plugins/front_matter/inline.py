"""Python-Markdown's inline patterns, each tried only on a text that holds what it needs to match.

Markdown tries every inline pattern (code, escapes, links, images, autolinks,
line breaks, HTML, entities, emphasis) on every run of text, even where it
cannot match: a body without a backtick still gets the code pattern tried on
each of its paragraphs, list items and headings, and so for each pattern
(bench/README.md has what the trying costs).

Each pattern below cannot match a text without one of its characters (its regular
expression requires one), and what a pattern makes only ever holds the text it
matched: so a pattern is left out for a document whose text, as the inline step
receives it, holds none of them. So are links by reference in a document that
defines no reference. The one pattern that makes text of its own, a footnote's
mark (from the footnotes extension's SUPERSCRIPT_TEXT, which later patterns
read), leaves nothing out where it may match. The HTML is the same to the byte
(tests/test_inline.py converts with and without it). A pattern not named here,
or whose expression is not the one named (an extension's), is always tried; on
another version of Markdown than the one checked, nothing is left out.
"""

import markdown
from markdown import inlinepatterns, treeprocessors, util
from markdown.extensions import Extension

# The version of Markdown whose inline step was read for this: that it takes its patterns by index and count
# only, and registers itself as "inline" at 20.
CHECKED_VERSION = "3.11"
FOOTNOTE_MARK = r"\[\^([^\]]*)\]"

# A pattern's regular expression: the texts, one of which it needs. From Markdown's own constants, so that a
# version that changes an expression has it tried every time instead of left out.
NEEDS = {
    inlinepatterns.BACKTICK_RE: ("`",),
    inlinepatterns.ESCAPE_RE: ("\\",),
    inlinepatterns.REFERENCE_RE: ("[",),
    inlinepatterns.LINK_RE: ("[",),
    inlinepatterns.IMAGE_LINK_RE: ("![",),
    inlinepatterns.IMAGE_REFERENCE_RE: ("![",),
    inlinepatterns.AUTOLINK_RE: ("<",),
    inlinepatterns.AUTOMAIL_RE: ("<",),
    inlinepatterns.LINE_BREAK_RE: ("  \n",),
    inlinepatterns.HTML_RE: ("<",),
    inlinepatterns.ENTITY_RE: ("&",),
    r"\*|_": ("*", "_"),  # emphasis and strong (`em_strong`), one delimiter pattern
    FOOTNOTE_MARK: ("[^",),  # the footnotes extension's, in `extra`
}
# Links and images by reference (`[text][id]`, `[id]`): each makes nothing of a match whose id the document's
# `[id]: address` lines do not define, so none is tried in a document that defines none. By class, not by
# expression: the one of `[text](address)` links is the same.
BY_REFERENCE = (
    inlinepatterns.ReferenceInlineProcessor,
    inlinepatterns.ShortReferenceInlineProcessor,
    inlinepatterns.ImageReferenceInlineProcessor,
    inlinepatterns.ShortImageReferenceInlineProcessor,
)


def can_match(pattern, text, references):
    """Whether `pattern` may change `text`, in a document whose references are `references`."""
    if type(pattern) in BY_REFERENCE and not references:
        return False
    needs = NEEDS.get(getattr(pattern, "pattern", None))
    return needs is None or any(part in text for part in needs)


def can_change(patterns, text, references):
    """Those of `patterns` that may change `text`: all of them where a footnote's mark may (its own text)."""
    kept = [pattern for pattern in patterns if can_match(pattern, text, references)]
    if any(getattr(pattern, "pattern", None) == FOOTNOTE_MARK for pattern in kept):
        return list(patterns)
    return kept


class FilteredInlineProcessor(treeprocessors.InlineProcessor):
    """Markdown's inline step, with the patterns that cannot change the document's text left out for it."""

    def run(self, tree, ancestors=None):
        every = self.inlinePatterns
        parts = (part for node in tree.iter() for part in (node.text, node.tail))
        text = "".join(part for part in parts if part and not isinstance(part, util.AtomicString))
        try:
            # The step reads its patterns by index and count only: a list of some of them serves.
            self.inlinePatterns = can_change(every, text, self.md.references)
            return super().run(tree, ancestors)
        finally:
            self.inlinePatterns = every


class OnlyWhatCanMatch(Extension):
    """Markdown's inline step replaced by the one above, at its place; Markdown as it is on another version."""

    def extendMarkdown(self, md):
        if markdown.__version__.rsplit(".", 1)[0] == CHECKED_VERSION:
            md.treeprocessors.register(FilteredInlineProcessor(md), "inline", 20)
