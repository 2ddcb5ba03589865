"""The editors' translation status page: coverage per language, missing and outdated translations.

Written at TRANSLATION_STATUS_URL (with `status.json` beside it for the
`invoke translations-status` task); kept out of the navigation, the sitemap
and search engines.
"""

import json
import os

from pelican import signals
from pelican.generators import Generator

from hubcore import files, plugin, updates, urls
from hubcore.settings import apply_defaults

from . import report

JSON_NAME = "status.json"


class TranslationStatusGenerator(Generator):
    SHOWS_BODIES = True  # an original's `text_hash` decides which translations are outdated (plugins/incremental)

    def generate_output(self, writer):
        url = self.settings["TRANSLATION_STATUS_URL"]
        if not url:
            return
        status = report.build(updates.published(self.context), self.settings)
        # The page shows no fingerprint, only what it makes outdated: a page made of the same, after an edit of an
        # update's text, is not rendered again (plugins/incremental).
        shown = {
            **status,
            "updates": [{k: v for k, v in row.items() if k != "original_hash"} for row in status["updates"]],
        }
        writer.write_file(
            urls.save_as(url),
            self.get_template("translation_status"),
            self.context,
            self.settings["RELATIVE_URLS"],
            url=url,
            lang=self.settings["DEFAULT_LANG"],
            status=shown,
            noindex=True,
        )
        files.write_if_changed(
            os.path.join(self.output_path, url, JSON_NAME), json.dumps(status, ensure_ascii=False, indent=1)
        )


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.article_generator_finalized: updates.collect,
    signals.get_generators: plugin.adds_generator(TranslationStatusGenerator),
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
