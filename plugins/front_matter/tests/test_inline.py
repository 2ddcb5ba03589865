"""Markdown with the inline patterns that cannot match left out makes the same HTML as Markdown trying them all."""

import random

import markdown
import pytest
from pelican.settings import read_settings

from conftest import ROOT, shared
from front_matter import inline
from front_matter.front_matter import FrontMatterReader

# Pieces of Markdown that the inline patterns (and the blocks around them) react to, and plain words.
PIECES = (
    "*", "_", "**", "__", "`", "``", "\\", "\\*", "[", "]", "(", ")", "!", "![", "<", ">", "&", "&amp;", "&#42;",
    "  \n", "\t\n", "\n", "\n\n", "# ", "- ", "1. ", "> ", "    ", "\t", "http://x.y/a", "<http://x.y>",
    "<a@b.co>", "<b>", "</b>", '<div markdown="1">', "</div>", "[^1]", "\n[^1]: note\n", "\n*[HTML]: Hyper Text\n",
    "HTML", "{: .cls}", "|", " | ", "---", "```", "~~~", ": ", "word", "text", " ", "[a](http://b)", "[a][r]",
    "\n[r]: http://r\n", "![i](p.png)", "![i][r]", "[r]", "[^", "[^n]", "[^x y]", "\n[^n]: other\n", "&copy;",
    "\n*[copy]: C\n", "copy", "é", "—",
)  # fmt: skip


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


def site_markdown(settings, *more, configs=None):
    """The site's Markdown (its MARKDOWN setting, as the reader makes it, or `configs`), with `more` extensions."""
    configs = configs or settings["MARKDOWN"]["extension_configs"]
    return markdown.Markdown(extensions=[*configs, *more], extension_configs=configs, output_format="html5")


def assert_same_html(settings, texts, configs=None):
    every = site_markdown(settings, configs=configs)
    some = site_markdown(settings, inline.OnlyWhatCanMatch(), configs=configs)
    for text in texts:
        every.reset()
        some.reset()
        assert some.convert(text) == every.convert(text), text


def test_the_reader_leaves_out_the_patterns_that_cannot_match(settings):
    reader = FrontMatterReader(settings)
    assert isinstance(reader._markdown.treeprocessors["inline"], inline.FilteredInlineProcessor)
    # Every pattern of the site's Markdown is known: a version of Markdown that changed one fails here, instead
    # of having it tried on every text again unnoticed.
    assert [p.pattern for p in reader._markdown.inlinePatterns if p.pattern not in inline.NEEDS] == []


def test_a_pattern_is_tried_only_where_the_text_holds_what_it_needs():
    patterns = {name: type("P", (), {"pattern": regex}) for name, regex in (
        ("code", markdown.inlinepatterns.BACKTICK_RE),
        ("line break", markdown.inlinepatterns.LINE_BREAK_RE),
        ("emphasis", r"\*|_"),
        ("an extension's", r"==(.+?)=="),
    )}  # fmt: skip
    tried = {name for name, pattern in patterns.items() if inline.can_match(pattern, "plain words\nand more", {})}
    assert tried == {"an extension's"}
    tried = {name for name, pattern in patterns.items() if inline.can_match(pattern, "a `b`  \nsnake_case", {})}
    assert tried == set(patterns)


def test_links_by_reference_are_tried_only_where_the_document_defines_references(settings):
    converter = site_markdown(settings)
    by_reference = markdown.inlinepatterns.ReferenceInlineProcessor(markdown.inlinepatterns.REFERENCE_RE, converter)
    link = markdown.inlinepatterns.LinkInlineProcessor(markdown.inlinepatterns.LINK_RE, converter)
    assert not inline.can_match(by_reference, "[text][id]", {})
    assert inline.can_match(by_reference, "[text][id]", {"id": ("https://hotosm.org/", None)})
    assert inline.can_match(link, "[text](https://hotosm.org/)", {})


def test_markdown_is_the_version_checked():
    """Another version may read its patterns otherwise: the extension then leaves Markdown as it is, and this
    fails until inline.py is checked against the new version's inline step."""
    assert markdown.__version__.rsplit(".", 1)[0] == inline.CHECKED_VERSION


def test_a_footnote_mark_made_of_markup_is_read_as_markup():
    # The mark's text comes from the footnotes extension's setting, and the patterns after it read it.
    configs = {"markdown.extensions.extra": {"footnotes": {"SUPERSCRIPT_TEXT": "*{}*"}}}
    assert_same_html(None, ["Text[^1]\n\n[^1]: note\n", "A[^x] b\n\n[^x]: &amp; <b>c</b>\n"], configs)


def test_random_markdown_gives_the_same_html(settings):
    chance = random.Random(22)
    texts = ["".join(chance.choice(PIECES) for _ in range(chance.randint(1, 60))) for _ in range(3000)]
    assert_same_html(settings, texts)


def test_the_archive_gives_the_same_html(settings):
    folder = shared("corpus/hot")
    paths = [path for path in sorted(folder.iterdir()) if path.suffix in (".md", ".markdown")]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    assert len(texts) > 30
    assert_same_html(settings, [text.split("\n---", 1)[-1] for text in texts])


def test_the_sites_own_updates_give_the_same_html(settings):
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "content").rglob("*.md"))]
    assert len(texts) > 10
    assert_same_html(settings, texts)
