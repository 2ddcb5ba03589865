"""The web editor in a real browser: Decap CMS at /admin/ with its local backend (decap-server, from the pinned
node_modules/) on a copy of the demo content in a temporary folder, the built site served on 127.0.0.1.

It needs Node and `npm ci`; without them it skips, saying why, unless REQUIRE_NODE is set (.ci/run sets it).
"""

import contextlib
import io
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from PIL import Image

from conftest import ROOT, run_pelican

from .conftest import serving

SERVER = ROOT / "node_modules/decap-server/dist/index.js"
NODE = shutil.which("node")
if not (NODE and SERVER.is_file()) and not os.environ.get("REQUIRE_NODE"):
    pytest.skip("no Node or no node_modules/ (install Node, then `npm ci`)", allow_module_level=True)

ENGLISH = "content/updates/en/chatmap-turns-whatsapp-chats-into-maps.md"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def decap_server(root, port):
    """decap-server on `root` (its file-system mode: saves are files in the working tree)."""
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(root)}
    # Its log goes to a file: a pipe nobody reads would fill, and stop the server mid-save.
    log = open(root.parent / "decap-server.log", "wb")  # noqa: SIM115 (closed below)
    process = subprocess.Popen([NODE, str(SERVER)], cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/v1", data=b'{"action": "info"}', method="POST"
                )
                request.add_header("Content-Type", "application/json")
                urllib.request.urlopen(request, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """(root of the working copy, the editor's URL, a function that rebuilds the site)."""
    root = tmp_path_factory.mktemp("editor")
    shutil.copytree(ROOT / "content", root / "content", symlinks=True)
    port = free_port()

    def build():
        return run_pelican(root / "content", root / "output", EDITOR_LOCAL_BACKEND=f"http://127.0.0.1:{port}/api/v1")

    build()
    with decap_server(root, port), serving(root / "output") as url:
        yield root, url, build


@pytest.fixture
def cms(browser, editor, tmp_path):
    """A logged-in editor page; `page.external` lists what it asked of any host but the site and decap-server."""
    root, url, _ = editor
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.external, page.errors = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))

    def route(request_route):
        request = request_route.request
        if request.url.startswith((url, "http://127.0.0.1:", "data:", "blob:")):
            request_route.continue_()
        else:
            page.external.append((request.resource_type, request.url))
            request_route.abort()

    context.route("**/*", route)
    page.goto(f"{url}/admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Updates (translations side by side)").first.wait_for()
    try:
        yield page
    finally:
        page.screenshot(path=str(tmp_path / "editor.png"), full_page=True)
        context.close()


def publish(page):
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()


def choose(page, field, typed, option):
    page.locator(f"[id^={field}-field]").first.fill(typed)
    page.get_by_text(option, exact=True).last.click()


def wait_for(page, probe, seconds=30):
    """What `probe` gives once it gives something true (a save reaches the disk a moment after the click). The
    page waits, not time.sleep: the routing of its requests runs in this thread."""
    for _ in range(int(seconds * 10)):
        found = probe()
        if found:
            return found
        page.wait_for_timeout(100)
    raise AssertionError("nothing came")


def png(path):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 36), (200, 80, 40)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def new_spanish_update(page, url, title, image, alt):
    page.goto(f"{url}/admin/#/collections/updates_es/new")
    page.get_by_label("Title").fill(title)
    choose(page, "persons", "Rubén", "Rubén Martín")
    choose(page, "partners", "OIM", "International Organization for Migration")
    page.locator("[id^=tags-field]").first.fill("mapeo")
    page.get_by_role("button", name="Choose an image").click()
    page.locator("input[type=file]").set_input_files(str(image))
    page.get_by_role("button", name="Choose selected").click()
    if alt:
        page.locator("[id^=alt-field]").first.fill(alt)
    page.locator("[id^=status-field]").first.fill("published")
    page.keyboard.press("Enter")
    page.locator("[contenteditable=true]").last.click()
    page.keyboard.type("Un taller de mapeo en Quito.")
    publish(page)


def test_the_editor_loads_only_from_the_site_and_the_local_backend(cms):
    assert [request for request in cms.external if request[0] in ("script", "stylesheet", "font")] == []
    assert cms.errors == []


def test_a_new_spanish_update_is_a_file_the_check_accepts_and_the_site_shows(cms, editor, tmp_path, capsys):
    from validation import check

    root, url, build = editor
    new_spanish_update(cms, url, "Taller de mapeo en Quito", png(tmp_path / "quito-taller.png"), "Un mapa de Quito")
    path = root / "content/updates/es/taller-de-mapeo-en-quito.md"
    text = wait_for(cms, lambda: path.is_file() and path.read_text(encoding="utf-8"))
    assert text.startswith("---\ntitle: Taller de mapeo en Quito\n"), text
    assert "persons: [Rubén Martín]\n" in text and "partners: [International Organization for Migration]\n" in text
    assert "tags: [mapeo]\n" in text and "status: published\n" in text
    assert "  src: /images/quito-taller.png\n  alt: Un mapa de Quito\n" in text
    assert (root / "content/images/quito-taller.png").is_file()
    assert not (root / "content/updates/en/taller-de-mapeo-en-quito.md").exists()
    check.run(ROOT / "pelicanconf.py", "json", PATH=str(root / "content"), CACHE_PATH=str(tmp_path / "cache"))
    findings = json.loads(capsys.readouterr().out)
    assert [f for f in findings if "quito" in json.dumps(f) and f.get("severity") == "error"] == []
    site = build()
    assert "Taller de mapeo en Quito" in site.page("/es/updates/taller-de-mapeo-en-quito/")


def test_editing_an_english_summary_changes_that_one_line(cms, editor):
    root, url, _ = editor
    path = root / ENGLISH
    before = path.read_text(encoding="utf-8")
    cms.goto(f"{url}/admin/#/collections/updates/entries/chatmap-turns-whatsapp-chats-into-maps")
    summary = cms.locator("[id^=summary-field]").first
    summary.fill("ChatMap turns WhatsApp chats into maps, even offline.")
    publish(cms)
    after = wait_for(cms, lambda: path.read_text(encoding="utf-8") != before and path.read_text(encoding="utf-8"))
    removed = set(before.splitlines()) - set(after.splitlines())
    added = set(after.splitlines()) - set(before.splitlines())
    assert added == {"summary: ChatMap turns WhatsApp chats into maps, even offline."}, (removed, added)
    assert all(line.startswith(("summary:", "  ")) for line in removed), removed
    # No stub translation beside it: no Spanish, French or Portuguese file of that name.
    for lang in ("es", "fr", "pt"):
        assert not (root / "content/updates" / lang / Path(ENGLISH).name).exists(), lang


def test_an_image_without_alt_text_is_refused(cms, editor, tmp_path):
    root, url, _ = editor
    new_spanish_update(cms, url, "Sin descripción", png(tmp_path / "sin-alt.png"), alt="")
    cms.get_by_text("is required").first.wait_for()
    cms.wait_for_timeout(1000)
    assert not (root / "content/updates/es/sin-descripcion.md").exists()
    assert not Path(root / "content/images/sin-alt.png").exists()
