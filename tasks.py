"""Everyday jobs, run as `./dev <task>` (or `invoke <task>` inside .venv)."""

import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
PELICAN = f"{sys.executable} -m pelican"


@task
def clean(c):
    """Remove the built site and caches."""
    for folder in ("output", "cache"):
        shutil.rmtree(ROOT / folder, ignore_errors=True)


@task
def build(c):
    """Build the site into output/ with the development settings."""
    c.run(f"{PELICAN} -s pelicanconf.py", pty=False)


@task
def serve(c, port=8000):
    """Build, serve on http://127.0.0.1:PORT and rebuild when content, theme or plugins change."""
    c.run(f"{PELICAN} -s pelicanconf.py --autoreload --listen --bind 127.0.0.1 --port {port}", pty=False)


@task
def publish(c):
    """Build the production site with publishconf.py."""
    c.run(f"{PELICAN} -s publishconf.py", pty=False)


@task(help={"format": "human (default), github (pull-request annotations) or json",
            "warnings": "fail on warnings too"})
def check(c, format="human", warnings=False):
    """Check every content file without building the site; exit status 1 on any error."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from validation import check as content_check

    content_check.run(ROOT / "pelicanconf.py", format, warnings)


@task(name="fix-encoding", help={"dry_run": "only show what would change", "path": "a file or folder"})
def fix_encoding(c, dry_run=False, path="content"):
    """Repair mojibake (`Rub√©n` → `Rubén`) in content files, in place; see `./dev check`."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from validation import source

    root = ROOT / path
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in {".md", ".markdown"})
    for file in files:
        try:
            changes = source.fix_encoding(file, write=not dry_run)
        except UnicodeDecodeError:
            print(f"{file.relative_to(ROOT)}: not UTF-8, left alone (see `./dev check`)")
            continue
        for number, before, after in changes:
            print(f"{file.relative_to(ROOT)}:{number}: {before!r} → {after!r}")


@task
def docs(c):
    """Rewrite docs/front-matter.md from the schema (plugins/front_matter/schema.py)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from front_matter import reference

    (ROOT / "docs" / "front-matter.md").write_text(reference.render(), encoding="utf-8")


@task(name="read-feeds")
def read_feeds(c):
    """Build, then show what a real feed reader (newsboat) reads from each language's main feeds."""
    import datetime as dt
    import tempfile

    sys.path.insert(0, str(ROOT / "plugins"))
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


@task(name="translations-status")
def translations_status(c):
    """Build, then show per-language coverage and each update's missing and outdated translations."""
    import json

    from pelican.settings import read_settings

    sys.path.insert(0, str(ROOT / "plugins"))
    from hubcore.settings import DEFAULTS
    from translation_status import report
    from translation_status.translation_status import JSON_NAME

    build(c)
    settings = {**DEFAULTS, **read_settings(str(ROOT / "pelicanconf.py"))}
    path = Path(settings["OUTPUT_PATH"]) / settings["TRANSLATION_STATUS_URL"] / JSON_NAME
    print(report.as_text(json.loads(path.read_text(encoding="utf-8"))), end="")
    print(f"Editors' page: {settings['TRANSLATION_STATUS_URL']} in the built site")


@task(help={"args": "extra pytest arguments, e.g. '-k feeds -x'"})
def test(c, args=""):
    """Run the whole test suite."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


@task(help={"sizes": "comma-separated numbers of English updates", "out": "folder for corpora and results"})
def bench(c, sizes="1000", out=".bench"):
    """Time cold and no-change builds against plain Pelican on the synthetic corpus."""
    c.run(f"{sys.executable} -m bench --sizes {sizes} --out {out}", pty=False)


CATALOGS = "theme/translations"
PYBABEL = f"{sys.executable} -m babel.messages.frontend"


@task(name="i18n-extract")
def i18n_extract(c):
    """Collect the templates' UI strings into theme/translations/messages.pot."""
    c.run(f"{PYBABEL} extract -F babel.cfg --no-location --sort-output --omit-header "
          f"-o {CATALOGS}/messages.pot .", pty=False)


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
