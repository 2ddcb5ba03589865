"""Each language's own home page (paginated, newest first), yearly archives and 404 page; on each update,
its neighbours (previous, next, related: neighbours.py).

Pelican's index and archives mix every language; these pages list only the
updates written in the page's language.
"""

from itertools import groupby

from pelican import signals
from pelican.generators import Generator

from hubcore import plugin, updates, urls
from hubcore.settings import apply_defaults

from . import neighbours


class LanguagePagesGenerator(Generator):
    def generate_output(self, writer):
        published = updates.published(self.context)
        languages = self.settings["LANGUAGES"]
        lists = {lang: updates.for_language(published, lang, self.settings) for lang in languages}
        years_of = {lang: {item.date.year for item in lists[lang][0]} for lang in languages}
        everywhere = {lang: urls.lang_url(self.settings, lang) for lang in languages}
        archives_url = self.settings["LANG_ARCHIVES_URL"]
        drafts = updates.drafts(self.context) if self.settings["SHOW_DRAFTS"] else []
        for lang, (items, also) in lists.items():
            self._write(
                writer,
                "index",
                urls.lang_url(self.settings, lang),
                lang,
                everywhere,
                paginated={"articles": items},
                also=also[: self.settings["UNTRANSLATED_SECTION_SIZE"]],
                drafts=[draft for draft in drafts if draft.lang == lang],
            )
            years = [(year, list(group)) for year, group in groupby(items, key=lambda u: u.date.year)]
            self._write(
                writer,
                "archives",
                urls.lang_url(self.settings, lang, archives_url),
                lang,
                {other: urls.lang_url(self.settings, other, archives_url) for other in languages},
                years=[(year, len(group), self._year_url(lang, year)) for year, group in years],
            )
            # GitHub Pages serves /404.html for any missing address; other hosts can map /<lang>/404.html.
            self._write(writer, "404", urls.lang_url(self.settings, lang, "404.html"), lang, {}, noindex=True)
            for year, group in years:
                self._write(
                    writer,
                    "archive",
                    self._year_url(lang, year),
                    lang,
                    {other: self._year_url(other, year) for other in languages if year in years_of[other]},
                    paginated={"articles": group},
                    year=year,
                )

    def _year_url(self, lang, year):
        return urls.lang_url(self.settings, lang, self.settings["LANG_YEAR_ARCHIVE_URL"].format(year=year))

    def _write(self, writer, template, url, lang, alternates, paginated=None, **kwargs):
        writer.write_file(
            urls.save_as(url),
            self.get_template(template),
            self.context,
            self.settings["RELATIVE_URLS"],
            paginated=paginated,
            template_name=template,
            url=url,
            lang=lang,
            alternates=alternates,
            **kwargs,
        )


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.article_generator_finalized: (updates.collect, neighbours.link),
    signals.get_generators: plugin.adds_generator(LanguagePagesGenerator),
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
