"""Pelican's functions as the engine replaces them: the same results, and less work."""

import os

from pelican import utils
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from engine import listing, speedups


def test_relative_paths_and_slugs_are_pelicans(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    speedups.install()  # as the engine does when a run lists it
    subs = [[r"[^\w\s-]", ""], [r"(?u)\A\s*", ""], [r"(?u)\s*\Z", ""], [r"[-\s]+", "-"]]
    for folder in ("content", str(tmp_path / "content"), "content/../content/", os.sep):
        for source in (
            "content/updates/a.md",
            str(tmp_path / "content/updates/a.md"),
            "/elsewhere/b.md",
            "updates/../a.md",
        ):
            settings = {**DEFAULT_CONFIG, "PATH": folder}
            article = Article("", metadata={"title": "T"}, settings=settings, source_path=source)
            expected = utils.posixize_path(
                os.path.relpath(os.path.abspath(os.path.join(folder, source)), os.path.abspath(folder))
            )
            assert article.get_relative_source_path() == expected, (folder, source)
    for name in ("Updates", "Ação Humanitária", "  Open -- Mapping  ", "日本"):
        for use_unicode in (False, True):
            assert speedups.slugify(name, subs, use_unicode=use_unicode) == speedups._original_slugify(
                name, regex_subs=subs, use_unicode=use_unicode
            )


def test_the_content_cache_is_written_only_after_a_file_was_read(build_site, tmp_path):
    files = {
        "updates/en/a.md": "---\ntitle: A\ndate: 2021-01-01\n---\nA.\n",
        "pages/about.md": "---\ntitle: About\n---\n",
    }

    def cache_files():
        return {path: path.stat().st_mtime_ns for path in (tmp_path / "cache").rglob("*-Readers")}

    build_site(files)
    first = cache_files()
    assert len(first) == 2  # the updates' and the pages' readers
    build_site()
    assert cache_files() == first
    (tmp_path / "content/updates/en/a.md").write_text("---\ntitle: A\ndate: 2021-01-01\n---\nA, again.\n")
    build_site()
    changed = [path.name for path, stamp in cache_files().items() if stamp != first.get(path)]
    assert changed == ["ArticlesGenerator-Readers"]


def test_a_file_of_a_disabled_reader_is_still_named(build_site, monkeypatch, caplog):
    from pelican.readers import RstReader

    monkeypatch.setattr(RstReader, "enabled", False)  # as without docutils
    build_site({"updates/en/a.md": "---\ntitle: A\ndate: 2021-01-01\n---\nA.\n", "updates/en/b.rst": "B\n=\n"})
    assert any("updates/en/b.rst" in record.getMessage() and record.levelname == "WARNING" for record in caplog.records)


def test_files_are_listed_as_pelican_lists_them_but_never_outside_content(tmp_path):
    """Pelican's get_files and the inventory's listing, on the same tree and arguments: the same files. Only a
    link out of content/ makes them differ, and only the inventory leaves it out."""
    from pelican.generators import ArticlesGenerator
    from pelican.settings import read_settings

    from hubcore.settings import DEFAULTS

    content = tmp_path / "content"
    for rel in (
        "a.md",
        "updates/en/x.md",
        "updates/en/.#lock.md",
        "updates/drafts/d.md",
        "updates/es/y.markdown",
        "images/p.png",
        "images/sub/q.jpg",
        "pages/about.md",
        "notes.txt",
        "updates/en/deep/z.md",
        ".hidden/h.md",
        "updates/.git/config",
        "images/inside/i.png",
    ):
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text("x")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.png").write_text("secret")
    (content / "images" / "linked").symlink_to(content / "images" / "inside")  # inside: followed by both
    # The site's defaults too: in this process, the plugins of earlier builds still hear the generator start.
    settings = read_settings(override={**DEFAULTS, "PATH": str(content), "IGNORE_FILES": [".#*", ".git"]})
    generator = ArticlesGenerator(
        context={}, settings=settings, path=str(content), theme=settings["THEME"], output_path=str(tmp_path / "output")
    )
    cases = [
        (["updates"], None, None),
        (["updates"], ["updates/drafts"], None),
        ([""], None, False),
        (["images"], [], False),
        ("updates", ["updates/en/deep"], ["md"]),
        (["pages", "updates/en/x.md"], None, None),
        (["nowhere"], None, None),
        (["images/p.png"], None, False),
    ]
    for paths, exclude, extensions in cases:
        expected = speedups._original_get_files(generator, paths, exclude, extensions)
        assert listing.select(generator, paths, exclude, extensions) == expected, paths
    (content / "images" / "out").symlink_to(tmp_path / "outside")
    assert "images/out/secret.png" in speedups._original_get_files(generator, ["images"], None, False)
    listed = listing.select(generator, ["images"], None, False)
    assert "images/linked/i.png" in listed and not any(path.startswith("images/out") for path in listed)
    assert speedups._original_get_files(generator, ["../outside"], None, False) == {"../outside/secret.png"}
    assert listing.select(generator, ["../outside"], None, False) == set()
