"""Data made once from a pinned package is kept in the virtual environment, else in the cache folder."""

import subprocess
import sys

from hubcore import kept


def test_in_a_virtual_environment_it_is_kept_beside_the_packages(tmp_path):
    folder = kept.folder(str(tmp_path))
    if sys.prefix != sys.base_prefix:
        assert folder.startswith(sys.prefix) and folder.endswith("share/open-mapping-hub")
    else:
        assert folder == str(tmp_path)


def test_outside_one_it_is_kept_in_the_cache_folder(tmp_path):
    plugins = str(kept.__file__).rsplit("/hubcore/", 1)[0]
    said = subprocess.run(
        [
            sys._base_executable,
            "-c",
            f"import sys; sys.path.insert(0, {plugins!r}); "
            f"from hubcore import kept; print(kept.folder({str(tmp_path)!r}))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert said.stdout.strip() == str(tmp_path)
