"""The same content gives the same site, byte for byte: built twice, and built cold or from the caches."""

import os
import shutil
import subprocess
import sys

from conftest import ROOT, tree


def build_in_a_process_of_its_own(content, output, cache, hash_seed):
    """Each process has its own hash seed and reads files in its own order: what varies from run to run shows."""
    script = (
        f"from pathlib import Path; from conftest import run_pelican; "
        f"run_pelican(Path({str(content)!r}), Path({str(output)!r}), CACHE_PATH={str(cache)!r}, "
        "SEARCH_INDEX=True)"
    )
    subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
        check=True,
        capture_output=True,
    )
    return tree(output)


def test_two_cold_builds_and_a_cached_build_are_identical(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content", symlinks=True)
    first = build_in_a_process_of_its_own(tmp_path / "content", tmp_path / "one", tmp_path / "cache-one", "1")
    second = build_in_a_process_of_its_own(tmp_path / "content", tmp_path / "two", tmp_path / "cache-two", "2")
    assert len(first) > 300 and "pagefind/pagefind-entry.json" in first
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    cached = build_in_a_process_of_its_own(tmp_path / "content", tmp_path / "three", tmp_path / "cache-one", "3")
    assert [name for name in first if first[name] != cached.get(name)] == []
