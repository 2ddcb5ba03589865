"""Search per language with Pagefind, run on the built site; a plain list when JavaScript is off.

Pagefind reads `<html lang>` and keeps one index per language (stemming
es/fr/pt), and indexes only update pages (`data-pagefind-body` in
article.html). Each language's search page (`/es/search/`) loads a small
script of ours and Pagefind's own files, all served by the site; without
JavaScript it lists the language's updates instead.
"""

import os
import subprocess
import sys

from pelican import signals
from pelican.generators import Generator

from hubcore import findings, plugin, updates, urls
from hubcore.settings import apply_defaults

INDEXED = "pagefind"  # the manifest's key for a complete index


class SearchPagesGenerator(Generator):
    def generate_output(self, writer):
        settings = self.settings
        published = updates.published(self.context)
        for lang in settings["LANGUAGES"]:
            url = urls.lang_url(settings, lang, settings["SEARCH_URL"])
            writer.write_file(urls.save_as(url), self.get_template("search"), self.context,
                              settings["RELATIVE_URLS"], url=url, lang=lang,
                              updates=[item for item in published if item.lang == lang],
                              alternates={other: urls.lang_url(settings, other, settings["SEARCH_URL"])
                                          for other in settings["LANGUAGES"]})
        # Update pages are written by now (Pelican's own generators run first).
        index(settings, getattr(writer, "manifest", None))


def index(settings, manifest=None):
    """Run Pagefind over the written site (the `pagefind[bin]` package carries its binary), unless an
    incremental writer's manifest (plugins/incremental) says no page changed since it last succeeded."""
    if not settings["SEARCH_INDEX"] or settings["HUB_CHECK_ONLY"]:
        return
    entry = os.path.join(settings["OUTPUT_PATH"], "pagefind", "pagefind-entry.json")
    if manifest is not None and not manifest.changed(".html") and manifest.fresh(entry, INDEXED):
        return
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", settings["OUTPUT_PATH"], "--silent"],
                          capture_output=True, text=True)
    if manifest is not None and not done.returncode:
        manifest.record(entry, INDEXED)
    if done.returncode:
        findings.report(settings, findings.ERROR, "E-SEARCH-INDEX", "pelicanconf.py", 0,
                        f"Pagefind failed: {(done.stderr or done.stdout).strip()[:300]}",
                        "run `.venv/bin/python -m pagefind --site output` to see why")


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.article_generator_finalized: updates.collect,
    signals.get_generators: plugin.adds_generator(SearchPagesGenerator),
}


def register():
    plugin.connect(SIGNAL_HANDLERS)
