"""Saving through the web editor changes only what the editor changed: every file of the demo content and of the
hub's archive sample (imported with the project's `import-jekyll`, into tmp_path) is read and written back by
the editor's own format (admin/format.js, run under Node by roundtrip.mjs: the code the browser runs), then
once more with its summary changed.

It needs Node and `npm ci`; without them it skips, saying why, unless REQUIRE_NODE is set (.ci/run sets it).
"""

import difflib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, shared

NODE = shutil.which("node")
if not (NODE and (ROOT / "node_modules/yaml").is_dir()) and not os.environ.get("REQUIRE_NODE"):
    pytest.skip("no Node or no node_modules/ (install Node, then `npm ci`)", allow_module_level=True)

SCRIPT = Path(__file__).with_name("roundtrip.mjs")
FOLDERS = {
    "people": "people",
    "partners": "partners",
    "working-groups": "working_groups",
    "projects": "projects",
    "pages": "pages",
}


def collection_of(relative, settings):
    parts = relative.split("/")
    if parts[0] == "updates":
        lang = parts[1] if len(parts) == 3 else settings["DEFAULT_LANG"]
        return "updates" if lang == settings["DEFAULT_LANG"] else f"updates_{lang}"
    return FOLDERS[parts[0]]


@pytest.fixture(scope="module")
def settings():
    from pelican.settings import read_settings

    from hubcore.settings import DEFAULTS

    return {**DEFAULTS, **read_settings(str(ROOT / "pelicanconf.py"))}


def save_all(content, settings, tmp_path):
    """roundtrip.mjs's results for every Markdown file of `content`, each edited in its summary (or name)."""
    from editor import config

    files = []
    for path in sorted(content.rglob("*.md")):
        relative = path.relative_to(content).as_posix()
        collection = collection_of(relative, settings)
        key = "summary" if collection.startswith("updates") or collection == "pages" else "name"
        files.append(
            {
                "path": relative,
                "collection": collection,
                "text": path.read_text(encoding="utf-8"),
                "edit": {"key": key, "value": "Changed in the web editor."},
            }
        )
    manifest = tmp_path / "files.json"
    manifest.write_text(json.dumps({"schema": config.editor_schema(settings, {}), "files": files}), encoding="utf-8")
    done = subprocess.run([NODE, str(SCRIPT), str(manifest)], capture_output=True, text=True, timeout=120, check=True)
    return files, json.loads(done.stdout)


def changed_lines(before, after):
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def check_round_trip(content, settings, tmp_path):
    files, results = save_all(content, settings, tmp_path)
    texts = {f["path"]: f["text"] for f in files}
    readonly = {r["path"]: r["readonly"] for r in results if r["readonly"]}
    for result in results:
        if result["readonly"]:
            continue
        text = texts[result["path"]]
        assert result["saved"] == text, (result["path"], changed_lines(text, result["saved"]))
        edited = changed_lines(text, result["edited"])
        key = "summary" if result["path"].startswith(("updates/", "pages/")) else "name"
        added = [line for line in edited if line.startswith("+")]
        assert added == [f"+{key}: Changed in the web editor."], (result["path"], edited)
        removed = [line for line in edited if line.startswith("-")]
        assert not removed or removed[0].startswith(f"-{key}:"), (result["path"], edited)
        assert all(line.startswith(("-  ", f"-{key}:")) for line in removed), (result["path"], edited)
    print(
        f"\n{content}: {len(results)} files, {len(results) - len(readonly)} saved unchanged, {len(readonly)} read-only"
    )
    return results, readonly


def test_every_demo_file_saves_unchanged_and_an_edit_changes_only_its_field(settings, tmp_path):
    results, readonly = check_round_trip(ROOT / "content", settings, tmp_path)
    # The two seeds keep the archive's spelling on purpose (byte for byte the hub's posts): read-only, with why.
    assert set(readonly) == {
        "updates/en/2017-06-09-collaborating-with-iom-the-un-migration-agency-on-openstreetmap.md",
        "updates/en/2021-12-02-open-mapping-hub-in-latam-december-2021-update.md",
    }, readonly
    assert all("./dev import-jekyll" in reason for reason in readonly.values())


def test_every_imported_archive_post_saves_unchanged(settings, tmp_path):
    from workflow.jekyll_import import import_posts

    content = tmp_path / "content"
    import_posts(shared("corpus/hot"), content, False)
    results, readonly = check_round_trip(content, settings, tmp_path)
    assert len(results) == len(list(shared("corpus/hot").glob("*.m*"))), len(results)
    assert readonly == {}
