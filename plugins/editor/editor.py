"""The web editor at /admin/: Decap CMS, configured from the front-matter schema, for editors who do not use git.

At the end of a build it writes `admin/index.html`, `admin/config.yml` and `admin/schema.json` (config.py, from
the schema and the settings) and copies the editor's own modules (admin/ beside this file) and the pinned bundle
(Decap CMS and the `yaml` package, from node_modules/, which package-lock.json pins and `npm ci` installs): only
the files BUNDLE lists, never from another host. Node is needed for the editor alone: without node_modules/, the
site builds as ever, and /admin/ is one page saying that the editor needs `npm ci` (the build log says it too).
"""

import json
import logging
import os
import shutil
from html import escape
from pathlib import Path

import yaml
from pelican import signals

from hubcore import files, plugin, state
from hubcore.settings import SettingsError, apply_defaults

from . import config

log = logging.getLogger(__name__)

PROJECT = Path(__file__).resolve().parents[2]
OWN = Path(__file__).resolve().parent / "admin"
OWN_MODULES = ("editor.js", "format.js", "files.js", "preview.js")
# (folder in node_modules/, folder in admin/, file patterns): Decap's bundle, the chunks and WebAssembly it loads
# from its own folder, its licences; the browser build of `yaml` (ES modules) and its licence. Source maps stay out.
BUNDLE = (
    ("decap-cms/dist", "decap", ("decap-cms.js", "[0-9]*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")),
    ("yaml/browser", "yaml", ("index.js", "dist/**/*.js")),
    ("yaml", "yaml", ("LICENSE",)),
)
# The preview's words, from the site's catalogs (theme/translations), in each language.
WORDS = ("Draft: not published", "Image: %(credit)s", "Tags", "Partners", "Working groups", "Projects", "Countries")


def check_settings(pelican):
    settings = pelican.settings
    url = settings["EDITOR_URL"]
    if not url or url.startswith("/") or not url.endswith("/") or ".." in url.split("/"):
        raise SettingsError(f"EDITOR_URL {url!r} must be a folder of the site such as 'admin/'")
    for name in ("EDITOR_BACKEND", "EDITOR_BRANCH"):
        if not isinstance(settings[name], str) or not settings[name]:
            raise SettingsError(f"{name} must be a non-empty string")
    if settings["EDITOR_REPO"] and settings["EDITOR_REPO"].count("/") != 1:
        raise SettingsError(f"EDITOR_REPO {settings['EDITOR_REPO']!r} must be 'owner/name'")


def node_modules(settings):
    return Path(settings["EDITOR_NODE_MODULES"] or PROJECT / "node_modules")


def bundle_files(modules):
    """(source, path under admin/) of every file the bundle brings; empty when node_modules/ lacks it."""
    found = []
    for folder, target, patterns in BUNDLE:
        source = modules / folder
        for pattern in patterns:
            found += [
                (path, f"{target}/{path.relative_to(source).as_posix()}") for path in sorted(source.glob(pattern))
            ]
    required = {f"{target}/{patterns[0]}" for _, target, patterns in BUNDLE}
    return found if required <= {relative for _, relative in found} else []


def words(settings):
    """The preview's words in each language, from the catalogs the i18n plugin compiled for this build (a word
    without a translation, or a build without that plugin: the word itself)."""
    catalogs = state.of(settings).catalogs
    table = {}
    for lang in settings["LANGUAGES"]:
        catalog = catalogs.get(lang)
        table[lang] = {word: catalog.gettext(word) if catalog else word for word in WORDS}
    return table


def write(pelican):
    settings = pelican.settings
    if settings["HUB_CHECK_ONLY"]:
        return  # a check writes nothing, even in a run that names this plugin
    admin = Path(settings["OUTPUT_PATH"]) / settings["EDITOR_URL"]
    bundle = bundle_files(node_modules(settings))
    if not bundle:
        log.warning(
            "editor: no Decap CMS bundle in %s: /%s says that the web editor needs `npm ci`",
            node_modules(settings),
            settings["EDITOR_URL"],
        )
        files.write_if_changed(str(admin / "index.html"), page(settings, missing=True))
        return
    for source, relative in bundle + [(OWN / name, name) for name in OWN_MODULES]:
        copy_if_changed(source, admin / relative)
    decap = config.decap_config(settings)
    files.write_if_changed(
        str(admin / "config.yml"),
        "# Written by plugins/editor from the front-matter schema (plugins/front_matter/schema.py): do not edit.\n"
        + yaml.safe_dump(decap, sort_keys=False, allow_unicode=True, width=1000),
    )
    files.write_if_changed(
        str(admin / "schema.json"), json.dumps(config.editor_schema(settings, words(settings)), ensure_ascii=False)
    )
    files.write_if_changed(str(admin / "index.html"), page(settings, missing=False))


def copy_if_changed(source, target):
    """Copy unless the target is already this file (same size, not older): a rebuild copies none of the bundle again."""
    stat = source.stat()
    try:
        there = target.stat()
        if there.st_size == stat.st_size and there.st_mtime_ns >= stat.st_mtime_ns:
            return
    except OSError:
        pass
    os.makedirs(target.parent, exist_ok=True)
    shutil.copy2(source, target)


def page(settings, missing):
    title = escape(f"Web editor · {settings['SITENAME']}")
    head = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="robots" content="noindex">\n<title>{title}</title>\n'
    )
    if missing:
        return (
            f"{head}</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
            "<p>The web editor is not part of this build: it needs Node and its packages. In the project's folder, "
            "run <code>npm ci</code>, then build again (<code>./dev build</code> or <code>./dev edit</code>).</p>\n"
            "<p>See <code>docs/editing.md</code>, “Editing in the browser”.</p>\n</main>\n</body>\n</html>\n"
        )
    return (
        f'{head}<script type="module" src="editor.js"></script>\n</head>\n<body>\n'
        "<noscript><p>The web editor needs JavaScript.</p></noscript>\n</body>\n</html>\n"
    )


SIGNAL_HANDLERS = {
    signals.initialized: (apply_defaults, check_settings),
    signals.finalized: write,
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
