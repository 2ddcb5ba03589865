"""The same content gives the same site, byte for byte: built twice, and built cold or from the caches."""

import shutil

from conftest import ROOT, run_pelican


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_cold_builds_and_a_cached_build_are_identical(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    first = tree(run_pelican(tmp_path / "content", tmp_path / "one", CACHE_PATH=str(tmp_path / "cache-one")).output)
    second = tree(run_pelican(tmp_path / "content", tmp_path / "two", CACHE_PATH=str(tmp_path / "cache-two")).output)
    assert len(first) > 300
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    cached = tree(run_pelican(tmp_path / "content", tmp_path / "three", CACHE_PATH=str(tmp_path / "cache-one")).output)
    assert [name for name in first if first[name] != cached.get(name)] == []
