"""Everyday jobs, run as `./dev <task>` (or `invoke <task>` inside .venv); `./dev --list` lists them.

Each task parses its command line and calls the work in workflow/ or plugins/,
where the tests call it too. A failing task exits with status 1 and one line
saying why.
"""

import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

from workflow import WorkflowError  # workflow also puts plugins/ on the path for the jobs

ROOT = Path(__file__).resolve().parent
# Pelican's command line, with the site's own errors as one line (workflow/build.py).
BUILD = f"{sys.executable} -m workflow.build"


def workflow_job(job, *args, **kwargs):
    """Run a workflow job; a WorkflowError ends the task with its message and exit status 1."""
    try:
        return job(*args, **kwargs)
    except WorkflowError as error:
        sys.exit(f"error: {error}")


# The site ---------------------------------------------------------------------------------------------------------


@task
def clean(c):
    """Remove the built site and caches."""
    for folder in ("output", "cache"):
        shutil.rmtree(ROOT / folder, ignore_errors=True)


@task
def build(c):
    """Build the site into output/ with the development settings (drafts previewed)."""
    c.run(f"{BUILD} -s pelicanconf.py", pty=False)


@task(help={"port": "the port to serve on (default 8000)"})
def serve(c, port=8000):
    """Build, serve on http://127.0.0.1:PORT and rebuild when content, theme, plugins or settings change; open
    tabs reload by themselves and show the build's errors."""
    from workflow.serve import serve as serve_site

    workflow_job(serve_site, ROOT, int(port))


@task(help={"port": "the port to serve the site on (default 8000)"})
def edit(c, port=8000):
    """The web editor on this working tree: decap-server (the local backend, on 8081) and `serve` together; open
    http://127.0.0.1:PORT/admin/, and what you save appears in content/. Ctrl-C stops both."""
    import os
    import subprocess

    server = ROOT / "node_modules/decap-server/dist/index.js"
    if not (shutil.which("node") and server.is_file()):
        sys.exit("error: the web editor needs Node and its packages: install Node and npm, then run ./dev again")
    # ORIGIN: only the preview's own pages may call the backend (by default it trusts any local port).
    env = {
        **os.environ,
        "PORT": "8081",
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(ROOT),
        "ORIGIN": f"http://127.0.0.1:{port}",
    }
    backend = subprocess.Popen([shutil.which("node"), str(server)], cwd=ROOT, env=env)
    print(f"Web editor: http://127.0.0.1:{port}/admin/ (its local backend, decap-server, on 127.0.0.1:8081)")
    try:
        serve(c, port)
    finally:
        backend.terminate()
        backend.wait(timeout=10)


@task
def publish(c):
    """Build the production site (publishconf.py: absolute URLs, strict checks, no drafts), then swap it in
    for output/; a failed build leaves output/ as it was."""
    from workflow.publish import publish as publish_site

    workflow_job(publish_site, ROOT / "publishconf.py", ROOT / "output")
    print("Published into output/")


@task(
    help={
        "folder": "copy the site into this folder instead of committing it to the gh-pages branch",
        "push": "push the gh-pages branch (--no-push: commit only)",
    }
)
def deploy(c, folder="", push=True):
    """Deploy output/ (run publish first): to the gh-pages branch with ghp-import, or into a folder."""
    from workflow.publish import deploy_to_branch, deploy_to_folder

    if folder:
        workflow_job(deploy_to_folder, ROOT / "output", Path(folder).resolve())
        print(f"Deployed output/ into {folder}")
    else:
        workflow_job(deploy_to_branch, ROOT / "output", push=push)
        print("Deployed output/ to the gh-pages branch" + ("" if push else " (not pushed)"))


# Content ----------------------------------------------------------------------------------------------------------


@task(help={"format": "human (default), github (pull-request annotations) or json", "warnings": "fail on warnings too"})
def check(c, format="human", warnings=False):
    """Check every content file without building the site; exit status 1 on any error."""
    command = [sys.executable, "-m", "workflow.check", "--format", format] + ["--warnings"] * bool(warnings)
    with c.cd(ROOT):  # where `workflow` is a package, wherever invoke was started
        ended = c.run(shlex.join(command), pty=False, warn=True)
    if ended.exited:
        sys.exit(ended.exited)


@task(aliases=["fix-encoding"], help={"dry_run": "only show what would change", "path": "a file or folder"})
def repair(c, dry_run=False, path="content"):
    """Repair mojibake (`Rub√©n` → `Rubén`) and escaped Markdown (`!\\[a\\](b)`) in content files, in place."""
    from validation import source

    root = ROOT / path
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in {".md", ".markdown"})
    for file in files:
        try:
            changes = source.repair(file, write=not dry_run)
        except UnicodeDecodeError:
            print(f"{file.relative_to(ROOT)}: not UTF-8, left alone (see `./dev check`)")
            continue
        for number, before, after in changes:
            print(f"{file.relative_to(ROOT)}:{number}: {before!r} → {after!r}")


@task
def docs(c):
    """Rewrite docs/front-matter.md from the schema (plugins/front_matter/schema.py)."""
    from front_matter import reference

    (ROOT / "docs" / "front-matter.md").write_text(reference.render(), encoding="utf-8")


@task(name="read-feeds")
def read_feeds(c):
    """Build, then show what a real feed reader (newsboat) reads from each language's main feeds."""
    import datetime as dt
    import tempfile

    from feeds import newsboat

    if not newsboat.available():
        sys.exit("newsboat is not installed: apt-get install newsboat")
    build(c)
    with tempfile.TemporaryDirectory() as scratch:
        for path in sorted((ROOT / "output").glob("**/feeds/all.*.xml")):
            title, items = newsboat.read(path, scratch)
            print(f"{path.relative_to(ROOT)}: {title!r}, {len(items)} items")
            for name, author, url, date, _ in items[:3]:
                print(f"  {dt.datetime.fromtimestamp(date, dt.timezone.utc):%Y-%m-%d}  {name}  ({author})  {url}")


@task(
    help={
        "lang": "language code (default: the site's default)",
        "person": "an author (repeatable)",
        "partner": "a partner (repeatable)",
        "tags": "comma-separated tags",
    },
    iterable=["person", "partner"],
)
def new(c, title, lang="", person=None, partner=None, tags=""):
    """Start a new update (a draft) with complete front matter, and print where to edit and preview it."""
    from workflow.new_update import new_update

    path, preview = workflow_job(
        new_update,
        ROOT / "content",
        title,
        lang or None,
        person or [],
        partner or [],
        [tag.strip() for tag in tags.split(",") if tag.strip()],
    )
    print(f"Created {path.relative_to(ROOT)}")
    print(f"Preview: ./dev serve, then http://127.0.0.1:8000/{preview}")


@task(help={"lang": "the translation's language"})
def translate(c, path, lang):
    """Start a translation of an update: same key and metadata, the text to translate, a draft."""
    from workflow.translate import translate as translate_update

    created = workflow_job(translate_update, ROOT / "content", Path(path).resolve(), lang)
    print(
        f"Created {created.relative_to(ROOT)}: translate its title, summary, slug and text, then set "
        "`status: published`"
    )


@task(name="import-jekyll", help={"force": "replace files that already exist"})
def import_jekyll(c, src, force=False):
    """Migrate a folder of the hub's Jekyll posts into content/updates/ in the clean schema."""
    from workflow.jekyll_import import import_posts, report

    results = workflow_job(import_posts, Path(src).resolve(), ROOT / "content", force)
    print(report(results))
    if any(result.status in ("refused", "unreadable") for result in results):
        sys.exit(1)


@task(name="translations-status")
def translations_status(c):
    """Build, then show per-language coverage and each update's missing and outdated translations."""
    import json

    from translation_status import report
    from translation_status.translation_status import JSON_NAME
    from workflow.content import site_settings

    build(c)
    settings = site_settings(ROOT / "content")
    path = Path(settings["OUTPUT_PATH"]) / settings["TRANSLATION_STATUS_URL"] / JSON_NAME
    print(report.as_text(json.loads(path.read_text(encoding="utf-8"))), end="")
    print(f"Editors' page: {settings['TRANSLATION_STATUS_URL']} in the built site")


# Development ------------------------------------------------------------------------------------------------------


@task(help={"args": "extra pytest arguments, e.g. '-k feeds -x'"})
def test(c, args=""):
    """Run the whole test suite."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


@task(help={"upgrade": "move every package to its newest release allowed by requirements.txt"})
def lock(c, upgrade=False):
    """Rewrite requirements.lock (every package pinned, with hashes) from requirements.txt."""
    from workflow.dependencies import lock as write_lock

    workflow_job(write_lock, ROOT, upgrade)


@task(help={"strict": "also fail when a package could not be looked up"})
def audit(c, strict=False):
    """Audit requirements.lock with pip-audit against the known vulnerabilities."""
    from workflow.dependencies import audit as audit_lock

    workflow_job(audit_lock, ROOT, strict)


@task
def lint(c):
    """Check the GitHub workflows with zizmor (offline) and the Python code with ruff; exit status 1 on a finding."""
    from workflow.dependencies import lint as lint_all

    workflow_job(lint_all, ROOT)


@task(help={"sizes": "comma-separated numbers of English updates", "out": "folder for corpora and results"})
def bench(c, sizes="1000", out=".bench"):
    """Time cold and no-change builds against plain Pelican on the synthetic corpus."""
    c.run(f"{sys.executable} -m bench --sizes {sizes} --out {out}", pty=False)


@task(help={"dark": "the dark colour scheme, into screenshots/dark/"})
def screenshots(c, dark=False):
    """Picture every kind of page at 375 and 1280 px in every language and Arabic (right to left) into
    screenshots/, with a contact sheet (index.html); needs Debian's chromium."""
    from workflow.screenshots import take_screenshots

    pictures, sheet = workflow_job(take_screenshots, ROOT, dark=dark)
    print(f"Wrote {len(pictures)} PNGs into {sheet.parent.relative_to(ROOT)}/; contact sheet: {sheet}")


# UI strings -------------------------------------------------------------------------------------------------------

CATALOGS = "theme/translations"
PYBABEL = f"{sys.executable} -m babel.messages.frontend"


@task(name="i18n-extract")
def i18n_extract(c):
    """Collect the templates' UI strings into theme/translations/messages.pot."""
    c.run(
        f"{PYBABEL} extract -F babel.cfg --no-location --sort-output --omit-header --add-comments=TRANSLATORS: "
        f"-o {CATALOGS}/messages.pot .",
        pty=False,
    )


@task(name="i18n-update", pre=[i18n_extract])
def i18n_update(c):
    """Merge new strings into every language's messages.po (translate the empty ones)."""
    c.run(f"{PYBABEL} update -i {CATALOGS}/messages.pot -d {CATALOGS} --no-wrap --no-fuzzy-matching", pty=False)


@task(name="i18n-compile")
def i18n_compile(c):
    """Check that every catalog compiles and show its coverage (the build compiles them in memory)."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        shutil.copytree(CATALOGS, scratch, dirs_exist_ok=True)
        c.run(f"{PYBABEL} compile -d {scratch} --statistics", pty=False)
