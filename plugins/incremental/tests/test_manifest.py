"""A build into a new folder links, from where the last build's files now are, those it would make the same:
only when the file there is still the one that build left."""

import os

from incremental.manifest import Manifest


def published(tmp_path):
    """A last build into `staging`, since swapped in as `output`: its manifest knows each file's stamp."""
    staging, output = tmp_path / "staging", tmp_path / "output"
    (staging / "a").mkdir(parents=True)
    for name in ("a/index.html", "b.html"):
        (staging / name).write_text(f"made: {name}", encoding="utf-8")
    first = Manifest(str(tmp_path / "manifest.json"), str(staging))
    for name in ("a/index.html", "b.html"):
        first.record(str(staging / name), f"key of {name}")
    first.save()
    staging.rename(output)
    return staging, output


def test_a_file_made_the_same_is_linked_with_its_stamp(tmp_path):
    staging, output = published(tmp_path)
    manifest = Manifest(str(tmp_path / "manifest.json"), str(staging), str(output))
    assert manifest.fresh(str(staging / "a/index.html"), "key of a/index.html")
    assert os.path.samefile(staging / "a/index.html", output / "a/index.html")
    assert not manifest.fresh(str(staging / "b.html"), "another key")  # it would be made otherwise
    assert not (staging / "b.html").exists()


def test_a_file_changed_since_in_the_site_in_place_is_made_again(tmp_path):
    staging, output = published(tmp_path)
    (output / "b.html").write_text("changed by hand", encoding="utf-8")
    manifest = Manifest(str(tmp_path / "manifest.json"), str(staging), str(output))
    assert not manifest.fresh(str(staging / "b.html"), "key of b.html")
    assert not (staging / "b.html").exists()


def test_without_a_folder_to_take_from_nothing_is_linked(tmp_path):
    staging, output = published(tmp_path)
    manifest = Manifest(str(tmp_path / "manifest.json"), str(staging))
    assert not manifest.fresh(str(staging / "b.html"), "key of b.html")


def test_a_whole_folder_is_linked_once_unless_already_there(tmp_path):
    staging, output = published(tmp_path)
    manifest = Manifest(str(tmp_path / "manifest.json"), str(staging), str(output))
    assert manifest.take_folder(str(staging / "a"))
    assert (staging / "a/index.html").read_text(encoding="utf-8") == "made: a/index.html"
    assert os.path.samefile(staging / "a/index.html", output / "a/index.html")
    (staging / "a/made-here.html").write_text("made by this build", encoding="utf-8")
    assert manifest.take_folder(str(staging / "a"))  # already there: left as it is
    assert sorted(os.listdir(staging / "a")) == ["index.html", "made-here.html"]
    assert not manifest.take_folder(str(staging / "missing"))
