"""Pelican's functions as hubcore.speedups replaces them: the same results, and less work."""

import os

from pelican import utils
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from hubcore import speedups


def test_relative_paths_and_slugs_are_pelicans(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    speedups.install()  # as the front_matter plugin does
    subs = [[r"[^\w\s-]", ""], [r"(?u)\A\s*", ""], [r"(?u)\s*\Z", ""], [r"[-\s]+", "-"]]
    for folder in ("content", str(tmp_path / "content"), "content/../content/", os.sep):
        for source in ("content/updates/a.md", str(tmp_path / "content/updates/a.md"), "/elsewhere/b.md",
                       "updates/../a.md"):
            settings = {**DEFAULT_CONFIG, "PATH": folder}
            article = Article("", metadata={"title": "T"}, settings=settings, source_path=source)
            expected = utils.posixize_path(os.path.relpath(os.path.abspath(os.path.join(folder, source)),
                                                           os.path.abspath(folder)))
            assert article.get_relative_source_path() == expected, (folder, source)
    for name in ("Updates", "Ação Humanitária", "  Open -- Mapping  ", "日本"):
        for use_unicode in (False, True):
            assert speedups.slugify(name, subs, use_unicode=use_unicode) == speedups._original_slugify(
                name, regex_subs=subs, use_unicode=use_unicode)


def test_the_content_cache_is_written_only_after_a_file_was_read(build_site, tmp_path):
    files = {"updates/en/a.md": "---\ntitle: A\ndate: 2021-01-01\n---\nA.\n",
             "pages/about.md": "---\ntitle: About\n---\n"}

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
    assert any("updates/en/b.rst" in record.getMessage() and record.levelname == "WARNING"
               for record in caplog.records)
