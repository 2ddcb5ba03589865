"""Fixtures shared by the site tests (tests/) and each plugin's own tests (plugins/*/tests/).

`build_site` builds a real Pelican site in a temporary folder with the
project's own settings, theme and plugins, from files given as text.
"""

import logging
import os
import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SHARED = ROOT.parent / "shared"
# The seeds, byte for byte as ../shared/seeds/000_*.txt and 002_*.txt (a test checks they still are).
SEEDS = {
    "000": ROOT / "content/updates/en/2017-06-09-collaborating-with-iom-the-un-migration-agency-on-openstreetmap.md",
    "002": ROOT / "content/updates/en/2021-12-02-open-mapping-hub-in-latam-december-2021-update.md",
}


def shared(relative):
    """A folder of ../shared/ (the archive sample, the seeds): beside the project in its CI, which must not
    skip these tests (.ci/run sets REQUIRE_SHARED); a clone of the site's repository alone lacks it."""
    folder = SHARED / relative
    if not folder.is_dir():
        if os.environ.get("REQUIRE_SHARED"):
            raise RuntimeError(f"missing: {folder}")
        pytest.skip(f"no {folder} beside this clone", allow_module_level=True)
    return folder


def demo_and_archive(tmp_path):
    """The project's own content with the archive sample beside it, in tmp_path/content: the real site."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, symlinks=True)
    archive = shared("corpus/hot")
    write_files(
        content,
        {f"updates/archive/{p.name}": p.read_bytes() for p in archive.iterdir() if p.suffix in (".md", ".markdown")},
    )
    return content


class Site:
    """A built site: its output folder, the findings the plugins reported, and page helpers."""

    def __init__(self, content, output, settings):
        self.content, self.output, self.settings = content, output, settings
        from hubcore import state  # plugins/ is on the path once the project's settings are read

        self.findings = state.of(settings).findings

    def page(self, url):
        path = self.output / url.strip("/")
        path = path if url.endswith(".html") else path / "index.html"
        assert path.is_file(), f"{url} was not written; pages: {sorted(self.urls())[:40]}"
        return path.read_text(encoding="utf-8")

    def exists(self, url):
        return (self.output / url.strip("/") / "index.html").is_file()

    def urls(self):
        folders = (p.parent.relative_to(self.output).as_posix() for p in self.output.rglob("index.html"))
        return {"/" if folder == "." else f"/{folder}/" for folder in folders}

    def codes(self):
        return [f.code for f in self.findings]


def tree(folder):
    """Every file of a folder, by its path there: two builds give the same site when their trees are equal."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def stamps(folder):
    """Every file's modification time: which files a build wrote again."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def write_files(root, files):
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def site_settings(content, output, **overrides):
    """The project's settings, pointed at a test site's folders."""
    return {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "CACHE_PATH": str(output.parent / "cache"),
        # Pagefind takes a while: only the search tests (and real builds) run it.
        "SEARCH_INDEX": False,
        # A test that builds twice must not see the first build's pages.
        "DELETE_OUTPUT_DIRECTORY": True,
        **overrides,
    }


def run_pelican(content, output, **overrides):
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"), override=site_settings(content, output, **overrides))
    Pelican(settings).run()
    return Site(content, output, settings)


@pytest.fixture
def build_site(tmp_path):
    """build_site({"updates/en/a.md": "---\\ntitle: A\\n..."}, DEFAULT_PAGINATION=2) -> Site"""

    def build(files=None, copy_from=None, **overrides):
        content = tmp_path / "content"
        if copy_from:
            shutil.copytree(copy_from, content, dirs_exist_ok=True)
        content.mkdir(exist_ok=True)
        write_files(content, files or {})
        return run_pelican(content, tmp_path / "output", **overrides)

    return build


@pytest.fixture(autouse=True)
def quiet_pelican():
    logging.getLogger("pelican").setLevel(logging.WARNING)
