"""Hostile and careless content (tests/hostile.py): each case gets its finding, nothing is lost silently, nothing
outside content/ is read, and `./dev check` reports what a build reports."""

import json
import os
import re
import subprocess

import pytest
from hostile import CASES, SECRET, make, marker, shown

from conftest import ROOT, run_pelican, site_settings

ERROR = "error"


@pytest.fixture(scope="module", params=["engine", "plain Pelican"])
def hostile(tmp_path_factory, request):
    """The whole hostile site, built once with the engine and once on plain Pelican (whose walk follows every
    link): (root, site)."""
    root = tmp_path_factory.mktemp("hostile")
    content = make(root)
    if request.param == "engine":
        return root, run_pelican(content, root / "output")
    from pelican.settings import read_settings

    plugins = [name for name in read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"] if name != "engine"]
    return root, run_pelican(content, root / "output", PLUGINS=plugins)


@pytest.mark.parametrize("name, files, code", CASES, ids=[case[0] for case in CASES])
def test_each_case_gets_its_finding(hostile, name, files, code):
    _, site = hostile
    first = shown(next(iter(files)))
    codes = {f.code for f in site.findings if f.path == first}
    if code:
        assert code in codes, [str(f) for f in site.findings if f.path == first]
    else:
        assert not {c for c in codes if c.startswith("E-")}, [str(f) for f in site.findings if f.path == first]


def test_every_file_is_published_a_draft_or_named_in_an_error(hostile):
    """Asked of the output, not of the build: each text file's marker is on a page, each other file's bytes are
    a file of the site, or an error names the file."""
    root, site = hostile
    errors = {f.path for f in site.findings if f.severity == ERROR}
    published = b"\n".join(p.read_bytes() for p in site.output.rglob("*") if p.is_file())
    content = root / "content"
    lost = []
    for folder, dirs, names in os.walk(content):
        for name in names + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, content)
            if shown(rel) in errors:
                continue
            with open(path, "rb") as handle:
                data = handle.read()
            wanted = marker(rel).encode() if data.startswith(b"---\n") else data
            if wanted not in published:
                lost.append(rel)
    assert lost == [] and site.exists("/updates/fine/")


def test_nothing_outside_content_reaches_the_output_or_is_written_outside_it(hostile):
    root, site = hostile
    files = [p for p in site.output.rglob("*") if p.is_file()]
    assert files and not [p for p in files if SECRET.encode() in p.read_bytes() or b"root:x:0:0" in p.read_bytes()]
    assert all(not p.is_symlink() and p.resolve().is_relative_to(site.output.resolve()) for p in site.output.rglob("*"))
    assert not (root / "evil").exists() and not (root.parent / "evil").exists() and not os.path.exists("/tmp/pwned")
    assert not any("%" in p.name or ".." in p.name for p in site.output.rglob("*"))
    everything = b"".join(p.read_bytes() for p in files)
    assert b"evil.example" not in everything
    assert not re.search(rb"""<[a-z][^>]*[\s"']on[a-z]+\s*=|href=["']?javascript:|<script>alert""", everything)
    stylesheet = (site.output / "theme/css/site.css").read_text(encoding="utf-8")
    assert stylesheet.endswith((ROOT / "theme/styles/site.css").read_text(encoding="utf-8"))  # no alias replaced it


def test_a_check_reports_exactly_what_the_build_reports(hostile):
    """The check runs in a process of its own, as `./dev check` does."""
    root, site = hostile
    overrides = {k: v for k, v in site_settings(root / "content", root / "unused").items() if k != "OUTPUT_PATH"}
    command = [
        os.sys.executable,
        "-c",
        "import sys; sys.path.insert(0, 'plugins'); from validation import check; "
        f"check.run('pelicanconf.py', 'json', **{overrides!r})",
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    checked = {
        (f["file"].rsplit("content/", 1)[1], f["line"], f["code"], f["message"])
        for f in json.loads(done.stdout)["findings"]
    }
    assert checked == {(f.path, f.line, f.code, f.message) for f in site.findings}
