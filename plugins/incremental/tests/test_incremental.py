"""A rebuild renders only what changed, and its output is byte for byte the output of a cold build.

Each test builds a small two-language site, changes one kind of input (an
update's body or title, a template, a plugin's code, a setting, a UI string
catalog), rebuilds on top of the first build, and compares the result with a
cold build of the changed input into an empty folder without caches.
"""

import os
import shutil

import pytest

from conftest import ROOT, run_pelican, stamps, tree, write_files
from hubcore import state

FILES = {
    "people/ana-gomez.md": "---\nname: Ana Gómez\n---\nMaps floods.\n",
    "updates/en/first.md": "---\ntitle: First\ndate: 2021-12-02\ntranslation_key: first\npersons: [Ana Gómez]\n"
    "tags: [floods]\nsummary: The first one.\n---\nFirst body.\n",
    "updates/en/second.md": "---\ntitle: Second\ndate: 2021-11-01\ntags: [floods]\nsummary: The second one.\n---\n"
    "Second body.\n",
    "updates/en/third.md": "---\ntitle: Third\ndate: 2021-10-01\ntags: [data]\nsummary: The third one.\n---\n"
    "Third body.\n",
    "updates/en/fourth.md": "---\ntitle: Fourth\ndate: 2021-09-01\ntags: [data]\n---\nFourth body, its own summary.\n",
    "updates/es/primero.md": "---\ntitle: Primero\ndate: 2021-12-03\nlang: es\ntranslation_key: first\n"
    "persons: [Ana Gómez]\nsummary: El primero.\n---\nCuerpo.\n",
}


class Workspace:
    """A site's content (and, where a test changes them, theme and plugins) in tmp_path, built incrementally
    into `output/` and cold into a fresh folder each time."""

    def __init__(self, root):
        self.root, self.content, self.settings, self.colds = root, root / "content", {}, 0
        write_files(self.content, FILES)

    def build(self):
        settings = {"CACHE_PATH": str(self.root / "cache"), "DELETE_OUTPUT_DIRECTORY": False, **self.settings}
        site = run_pelican(self.content, self.root / "output", **settings)
        return state.of(site.settings).writer

    def cold(self):
        self.colds += 1
        output = self.root / f"cold-{self.colds}"
        run_pelican(self.content, output, CACHE_PATH=str(self.root / f"cold-cache-{self.colds}"), **self.settings)
        return tree(output)

    def copy(self, name):
        """theme/ or plugins/ copied here, and the settings pointed at the copy."""
        shutil.copytree(ROOT / name, self.root / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
        return self.root / name

    def edit(self, path, old, new):
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def workspace(tmp_path):
    return Workspace(tmp_path)


def rebuilt_like_cold(workspace, change, left_behind=()):
    """Build, change, rebuild: the writer of the rebuild, after checking the output equals a cold build's
    (but for the pages of removed documents, `left_behind`: development builds keep output/)."""
    workspace.build()
    before = tree(workspace.root / "output")
    change(workspace)
    writer = workspace.build()
    after = tree(workspace.root / "output")
    assert after != before, "the change must show in the site"
    cold = workspace.cold()
    assert sorted(set(after) - set(left_behind)) == sorted(cold)
    assert [name for name in cold if after[name] != cold[name]] == []
    return writer


def test_a_rebuild_with_nothing_changed_renders_and_writes_nothing(workspace):
    first = workspace.build()
    assert first.rendered > 20 and first.kept == 0
    before = stamps(workspace.root / "output")
    again = workspace.build()
    assert (again.rendered, again.kept) == (0, first.rendered)
    assert again.same_input and not first.same_input  # nothing changed: no page even needed its digest
    after = stamps(workspace.root / "output")
    # No file written again, so a deploy has nothing to upload; but Pelican copies the theme's static files
    # at every build.
    assert [name for name in after if after[name] != before[name] and not name.startswith("theme/")] == []


def test_a_page_removed_from_the_output_is_made_again(workspace):
    workspace.build()
    page = workspace.root / "output" / "updates" / "second" / "index.html"
    text = page.read_bytes()
    page.unlink()
    assert workspace.build().rendered == 1
    assert page.read_bytes() == text


def test_editing_a_body_renders_only_the_pages_that_show_it(workspace):
    def change(ws):
        ws.edit(ws.content / "updates/en/third.md", "Third body.", "Third body, longer now.")

    writer = rebuilt_like_cold(workspace, change)
    assert not writer.same_input
    assert writer.rendered == 1  # its page (the translation status shows no text's fingerprint)


def test_editing_a_body_that_gives_the_summary_renders_the_lists_again(workspace):
    writer = rebuilt_like_cold(
        workspace, lambda ws: ws.edit(ws.content / "updates/en/fourth.md", "Fourth body,", "Fourth body, rewritten,")
    )
    assert writer.kept == 0  # its summary, cut from the body, is on other pages: the site's digest changed


@pytest.mark.parametrize(
    "field, old, new",
    [
        ("title", "title: Third", "title: Third, renamed"),
        ("summary", "summary: The third one.", "summary: The third, summarised."),
        ("tags", "tags: [data]", "tags: [data, floods]"),
    ],
)
def test_editing_what_other_pages_show_of_an_update_renders_them_again(workspace, field, old, new):
    rebuilt_like_cold(workspace, lambda ws: ws.edit(ws.content / "updates/en/third.md", old, new))


def test_adding_and_removing_updates(workspace):
    def change(ws):
        (ws.content / "updates/en/second.md").unlink()
        write_files(
            ws.content,
            {
                "updates/fr/premier.md": "---\ntitle: Premier\ndate: 2021-12-04\nlang: fr\n"
                "translation_key: first\n---\nCorps.\n"
            },
        )

    rebuilt_like_cold(workspace, change, left_behind=["updates/second/index.html"])


def test_a_template_change_renders_every_page_again(workspace):
    theme = workspace.copy("theme")
    workspace.settings = {"THEME": str(theme)}
    writer = rebuilt_like_cold(
        workspace,
        lambda ws: ws.edit(
            theme / "templates/partials/page/footer.html", "</footer>", "<p>Hosted with care.</p></footer>"
        ),
    )
    assert writer.kept == 0


def test_a_catalog_change_renders_the_pages_again(workspace):
    theme = workspace.copy("theme")
    workspace.settings = {"THEME": str(theme)}
    catalog = theme / "translations/es/LC_MESSAGES/messages.po"
    lines = catalog.read_text(encoding="utf-8").splitlines()
    msgstr = lines[lines.index('msgid "Skip to content"') + 1]  # on every page
    writer = rebuilt_like_cold(workspace, lambda ws: ws.edit(catalog, msgstr, msgstr[:-1] + ' (nuevo)"'))
    assert writer.kept == 0


def test_a_plugin_code_change_renders_every_page_again(workspace):
    plugins = workspace.copy("plugins")
    workspace.settings = {"PLUGIN_PATHS": [str(plugins)]}
    workspace.build()
    with open(plugins / "feeds" / "entries.py", "a", encoding="utf-8") as handle:
        handle.write("\n# A change to the plugin's code.\n")
    writer = workspace.build()
    assert writer.rendered > 20 and writer.kept == 0


def test_a_settings_change_renders_every_page_again(workspace):
    def change(ws):
        ws.settings = {"SITENAME": "Renamed Hub"}

    writer = rebuilt_like_cold(workspace, change)
    assert writer.kept == 0


def test_an_interrupted_build_leaves_the_next_one_to_render_again(workspace):
    first = workspace.build()
    manifest = first.manifest.path
    os.remove(manifest)  # as if the last build had stopped before completing: its manifest never saved
    assert workspace.build().kept == 0


@pytest.mark.parametrize("setting", ["INCREMENTAL_OUTPUT", "HUB_CHECK_ONLY"])
def test_with_the_setting_off_and_in_check_mode_pelicans_writer_is_used(workspace, setting):
    site = run_pelican(workspace.content, workspace.root / "output", **{setting: setting == "HUB_CHECK_ONLY"})
    assert state.of(site.settings).writer is None
