"""A file the plugins write is replaced whole, never written over: a link to it elsewhere keeps its bytes."""

import os

from hubcore import files


def test_a_changed_file_is_a_new_file_and_its_link_in_the_site_in_place_keeps_the_old_bytes(tmp_path):
    published, staging = tmp_path / "output" / "index.html", tmp_path / "staging" / "index.html"
    published.parent.mkdir()
    published.write_text("the site in place", encoding="utf-8")
    staging.parent.mkdir()
    os.link(published, staging)
    assert files.write_if_changed(str(staging), "the new site") is True
    assert staging.read_text(encoding="utf-8") == "the new site"
    assert published.read_text(encoding="utf-8") == "the site in place"
    assert sorted(os.listdir(staging.parent)) == ["index.html"]  # no temporary file left


def test_the_same_bytes_are_not_written_again(tmp_path):
    path = tmp_path / "a" / "page.html"
    assert files.write_if_changed(str(path), "text") is True
    before = path.stat().st_mtime_ns, path.stat().st_ino
    assert files.write_if_changed(str(path), "text") is False
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before
