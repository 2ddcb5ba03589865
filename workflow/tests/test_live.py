"""`./dev serve`'s builder: an edit of an update's text is shown in place, and the site is then byte for byte
what a cold build of the edited content gives; any other change is refused with the reason."""

import time

import pytest

from conftest import ROOT, run_pelican, stamps, tree, write_files
from incremental.tests.test_incremental import FILES as SMALL_SITE
from workflow import live
from workflow.serve import Builder, content_files, rebuild_on_changes

FILES = {
    **SMALL_SITE,
    # An unknown key (W-UNKNOWN-KEY) and a dead link (E-LINK, line 8).
    "updates/en/odd.md": "---\ntitle: Odd\ndate: 2021-09-01\ntags: [data]\nsummary: Odd.\ncolour: red\n---\n"
    "Odd body, see [this](/updates/nowhere/).\n\nMore text.\n",
    # The archive's spelling, a feature image without alt: W-IMAGE-ALT from the front matter's check, the code
    # the body's images get too.
    "updates/en/no-alt.md": "---\ntitle: No alt\ndate: 2021-09-02\nTags: [data]\nSummary Text: Pictured.\n"
    "Feature Image: https://example.org/a.jpg\n---\nA picture.\n",
}


class LiveWorkspace:
    def __init__(self, root):
        self.root, self.content, self.output = root, root / "content", root / "output"
        write_files(self.content, FILES)
        self.arguments = [
            str(self.content),
            "-o",
            str(self.output),
            "-s",
            str(ROOT / "pelicanconf.py"),
            "--cache-path",
            str(root / "cache"),
            "-e",
            "SEARCH_INDEX=false",
        ]

    def edit(self, relative, old, new):
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
        return path

    def cold(self):
        run_pelican(self.content, self.root / "cold", CACHE_PATH=str(self.root / "cold-cache"))
        return tree(self.root / "cold")


@pytest.fixture
def workspace(tmp_path):
    return LiveWorkspace(tmp_path)


@pytest.fixture
def site(workspace):
    built = live.LiveSite.build(workspace.arguments)
    assert built is not None
    yield built
    built.stop()


def taken(site, paths):
    """What `./dev serve`'s builder does with edited files: take them, and once answered, follow."""
    why = site.take(paths)
    if why is None:
        site.follow()
    return why


def test_an_edited_text_is_shown_in_place_and_the_site_is_what_a_cold_build_gives(workspace, site):
    before = stamps(workspace.output)
    # A new link too: what the source checks look at changes, the findings stay the same.
    path = workspace.edit(
        "updates/en/second.md",
        "Second body.",
        "Second body, now with <b>more</b> in it, and [the first](/updates/first/).",
    )
    assert site.take([path]) is None  # answered once its page is written: it can be served
    assert "now with <b>more</b>" in (workspace.output / "updates/second/index.html").read_text(encoding="utf-8")
    site.follow()  # then the feeds, the status data and the manifest
    assert tree(workspace.output) == workspace.cold()
    after = stamps(workspace.output)
    rewritten = sorted(name for name in after if after[name] != before[name] and not name.startswith("theme/"))
    # Its page, the feeds that carry its text (all, its tag's) and the translation status's data (its text's
    # fingerprint), nothing else: the translation status page shows no fingerprint, so its bytes stay.
    assert "updates/second/index.html" in rewritten and "editors/translations/status.json" in rewritten
    assert "feeds/all.atom.xml" in rewritten and "feeds/tags/floods.atom.xml" in rewritten
    assert [
        name
        for name in rewritten
        if not (
            name.startswith("feeds/")
            or name.startswith("updates/second/")
            or name == "editors/translations/status.json"
        )
    ] == []
    assert not any(name.startswith("feeds/tags/data") for name in rewritten)


def test_saves_in_a_row_are_each_shown_at_once_and_followed_together(workspace, site):
    """A save right after another is taken before the first one's feeds are made again: one `follow` then
    makes them for both, the site a cold build of both edits gives."""
    assert site.take([workspace.edit("updates/en/second.md", "Second body.", "Second body, zebras.")]) is None
    assert site.take([workspace.edit("updates/en/third.md", "Third body.", "Third body, yaks.")]) is None
    assert "yaks" in (workspace.output / "updates/third/index.html").read_text(encoding="utf-8")
    site.follow()
    assert tree(workspace.output) == workspace.cold()


def test_after_edits_in_place_the_next_full_build_has_nothing_to_do(workspace, site):
    # Each edit changes the body's links too: what the source checks look at (it is not what other pages show).
    once = "Second body, once, see [the first](/updates/first/)."
    for old, new in (("Second body.", once), (once, "Second body, twice, see [the third](/updates/third/).")):
        assert taken(site, [workspace.edit("updates/en/second.md", old, new)]) is None
    again = live.LiveSite.build(workspace.arguments)  # what serve's next builder does
    assert (again.writer.rendered, again.writer.same_input) == (0, True)
    assert tree(workspace.output) == workspace.cold()


def test_edits_while_the_index_is_made_give_the_index_a_cold_build_makes(workspace):
    # Four English updates, two per Pagefind run: a bundle merged by the search page too.
    arguments = [*workspace.arguments[:-1], "SEARCH_INDEX=true", "SEARCH_PAGES_PER_INDEX=2"]
    site = live.LiveSite.build(arguments)
    try:
        # The second edit comes while the index of the first is being made, which is then given up.
        for old, new in (("Second body.", "Second body, zebras."), ("Second body, zebras.", "Second body, yaks.")):
            assert taken(site, [workspace.edit("updates/en/second.md", old, new)]) is None
        while site.indexing():
            time.sleep(0.05)
        site.finish_indexing()
    finally:
        site.stop()
    run_pelican(
        workspace.content,
        workspace.root / "cold",
        CACHE_PATH=str(workspace.root / "cold-cache"),
        SEARCH_INDEX=True,
        SEARCH_PAGES_PER_INDEX=2,
    )
    assert tree(workspace.output / "pagefind") == tree(workspace.root / "cold/pagefind")
    assert (workspace.output / "pagefind/en-2/pagefind-entry.json").exists()


@pytest.mark.parametrize(
    "relative, old, new, why",
    [
        ("updates/en/second.md", "title: Second", "title: Second, renamed", "front matter changed"),
        ("updates/en/fourth.md", "Fourth body,", "Fourth body, rewritten,", "summary"),  # its summary is cut from it
        ("updates/en/second.md", "Second body.", "Second body, see [this](/updates/nowhere/).", "findings changed"),
        ("people/ana-gomez.md", "Maps floods.", "Maps floods and droughts.", "not one of the built updates"),
    ],
)
def test_other_changes_are_refused_with_the_reason(workspace, site, relative, old, new, why):
    assert why in taken(site, [workspace.edit(relative, old, new)])


def test_a_file_with_findings_is_taken_in_place_while_they_stay_the_same(workspace, site):
    edited = workspace.edit("updates/en/odd.md", "More text.", "More text, edited.")
    assert taken(site, [edited]) is None
    assert tree(workspace.output) == workspace.cold()
    assert "findings changed" in taken(
        site, [workspace.edit("updates/en/odd.md", "Odd body", "A new line.\n\nOdd body")]
    )


def test_a_finding_of_the_front_matter_with_a_code_the_source_checks_share_does_not_refuse_an_edit(workspace, site):
    assert any(f.code == "W-IMAGE-ALT" and f.path.endswith("no-alt.md") for f in site.settings["HUB_BUILD"].findings)
    assert taken(site, [workspace.edit("updates/en/no-alt.md", "A picture.", "A picture, edited.")]) is None
    assert tree(workspace.output) == workspace.cold()


def test_a_temporary_file_gone_by_then_is_passed_over(workspace, site):
    gone = workspace.content / "updates/en/sedAb12Cd"  # `sed -i` writes one, then renames it over the file
    edited = workspace.edit("updates/en/second.md", "Second body.", "Second body, by sed.")
    assert taken(site, [gone, edited]) is None
    (workspace.content / "updates/en/second.md").unlink()
    assert "removed" in taken(site, [workspace.content / "updates/en/second.md"])


def test_a_new_file_is_refused(workspace, site):
    write_files(workspace.content, {"updates/en/fifth.md": "---\ntitle: Fifth\ndate: 2021-08-01\n---\nFifth.\n"})
    assert "not one of the built updates" in taken(site, [workspace.content / "updates/en/fifth.md"])


def test_serve_takes_text_edits_in_a_builder_process_and_starts_another_for_the_rest(workspace):
    # Its first build reads the files in processes of its own (read_ahead.py): a builder may have children.
    builder = Builder(ROOT, [*workspace.arguments, "-e", "READ_IN_PARALLEL_FROM=1"])
    try:
        assert builder.ok
        path = workspace.edit("updates/en/second.md", "Second body.", "Second body, edited.")
        start = time.perf_counter()
        assert builder.take([path]) is None
        assert time.perf_counter() - start < 5
        assert "edited" in (workspace.output / "updates/second/index.html").read_text(encoding="utf-8")
        assert "front matter" in builder.take([workspace.edit("updates/en/second.md", "title: Second", "title: 2")])
        assert builder.take([path]) == "the last build failed"  # a builder that refused is not used again
    finally:
        builder.close()
    assert not builder.process.is_alive()


def test_only_changes_inside_content_go_to_the_builder(tmp_path):
    (tmp_path / "content").mkdir()
    inside, outside = tmp_path / "content/updates/a.md", tmp_path / "theme/templates/base.html"
    assert content_files(tmp_path, [str(inside)]) == [inside.resolve()]
    assert content_files(tmp_path, [str(inside), str(outside)]) is None


def test_serve_rebuilds_once_per_batch_of_changes_and_says_how_long_it_took_and_how():
    said, builds = [], []
    batches = [
        {("modified", "/p/content/updates/en/a.md"), ("added", "/p/content/images/x.png")},
        {("modified", "/p/plugins/feeds/feeds.py")},
    ]
    rebuild_on_changes(iter(batches), lambda names: builds.append(names) or (len(builds) == 1, "in place"), said.append)
    assert builds == [["/p/content/images/x.png", "/p/content/updates/en/a.md"], ["/p/plugins/feeds/feeds.py"]]
    assert said[0] == "2 change(s), e.g. /p/content/images/x.png: rebuilding..."
    assert said[1].startswith("rebuilt in ") and said[1].endswith("(in place)")
    assert said[3].startswith("build failed in ")
