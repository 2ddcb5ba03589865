"""A file the plugins write is replaced whole, never written over: a link to it elsewhere keeps its bytes."""

import errno
import os
import shutil

import pytest

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


def across_filesystems(monkeypatch):
    """Links and renames refused as between two filesystems: a move copies, and a link is a copy."""

    def refuse(source, target, **kwargs):
        if os.path.lexists(target):  # as link(2) does, before it compares the filesystems
            raise FileExistsError(errno.EEXIST, "File exists", target)
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "rename", refuse)  # shutil.move's first try; os.replace is left to work


def linked_pair(tmp_path):
    in_place, kept = tmp_path / "in-place" / "pagefind.js", tmp_path / "kept" / "pagefind.js"
    for path in (in_place, kept):
        path.parent.mkdir()
    in_place.write_text("the last index", encoding="utf-8")
    os.link(in_place, kept)
    return in_place, kept


@pytest.mark.parametrize("filesystems", ["one", "two"])
def test_a_file_moved_over_a_link_replaces_it_and_the_site_in_place_keeps_its_bytes(tmp_path, monkeypatch, filesystems):
    in_place, kept = linked_pair(tmp_path)
    made = tmp_path / "made.js"
    made.write_text("the new index", encoding="utf-8")
    if filesystems == "two":
        across_filesystems(monkeypatch)
    files.move_whole(str(made), str(kept))
    assert kept.read_text(encoding="utf-8") == "the new index"
    assert in_place.read_text(encoding="utf-8") == "the last index"
    assert not made.exists() and sorted(os.listdir(kept.parent)) == ["pagefind.js"]


def test_a_move_that_fails_leaves_no_temporary_file_and_the_old_one_in_place(tmp_path, monkeypatch):
    in_place, kept = linked_pair(tmp_path)
    made = tmp_path / "made.js"
    made.write_text("the new index", encoding="utf-8")
    across_filesystems(monkeypatch)

    def disk_full(source, target, **kwargs):
        open(target, "w").close()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", disk_full)  # what shutil.move's copy calls
    with pytest.raises(OSError, match="No space"):
        files.move_whole(str(made), str(kept))
    assert sorted(os.listdir(kept.parent)) == ["pagefind.js"]
    assert kept.read_text(encoding="utf-8") == "the last index"


def test_a_file_is_linked_else_copied_with_its_date_and_an_existing_one_is_never_copied_into(tmp_path, monkeypatch):
    in_place, kept = linked_pair(tmp_path)
    with pytest.raises(FileExistsError):
        files.link_or_copy(str(tmp_path / "in-place" / "pagefind.js"), str(kept))
    linked = tmp_path / "linked.js"
    files.link_or_copy(str(in_place), str(linked))
    assert os.path.samefile(linked, in_place)
    across_filesystems(monkeypatch)
    other = tmp_path / "other.js"
    other.write_text("other bytes", encoding="utf-8")
    with pytest.raises(FileExistsError):
        files.link_or_copy(str(other), str(kept))  # refused before any copy
    assert in_place.read_text(encoding="utf-8") == "the last index"
    copied = tmp_path / "copied.js"
    files.link_or_copy(str(in_place), str(copied))
    assert not os.path.samefile(copied, in_place)
    assert copied.read_bytes() == in_place.read_bytes()
    assert copied.stat().st_mtime_ns == in_place.stat().st_mtime_ns
