"""UI strings and dates in the reader's language, in one Pelican run for all languages.

Templates mark strings with `{% trans %}` / `_()`; the catalog used is the one
of the page being rendered (the template variable `lang`), so one Jinja
environment serves every language. Catalogs are the theme's .po files,
compiled in memory at start: no compiled .mo file is ever committed or stale.
Dates and numbers go through Babel, since the build machines have only the C
locale.
"""

import datetime
import functools
import io
import os

from babel import Locale, dates, lists, numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import pass_context
from markupsafe import Markup, escape
from pelican import signals

from hubcore import alternates, plugin, state, urls
from hubcore.settings import apply_defaults


def catalog_path(theme, lang):
    return os.path.join(theme, "translations", lang, "LC_MESSAGES", "messages.po")


def load_catalogs(pelican):
    """Compile every language's .po file once per build."""
    settings = pelican.settings
    compiled = {}
    for lang in settings["LANGUAGES"]:
        path = catalog_path(settings["THEME"], lang)
        if not os.path.exists(path):
            compiled[lang] = NullTranslations()
            continue
        with open(path, "rb") as handle:
            catalog = read_po(handle, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        compiled[lang] = Translations(fp=buffer)
    state.of(settings).catalogs = compiled


def page_lang(context):
    return context.get("lang") or context["DEFAULT_LANG"]


def _catalog(context):
    return state.of(context).catalogs.get(page_lang(context)) or NullTranslations()


@pass_context
def gettext(context, message):
    return _catalog(context).gettext(message)


@pass_context
def ngettext(context, singular, plural, n):
    return _catalog(context).ngettext(singular, plural, n)


@pass_context
def pgettext(context, msgctxt, message):
    return _catalog(context).pgettext(msgctxt, message)


def babel_locale(context, lang=None):
    return _locale(context["LANGUAGES"][lang or page_lang(context)]["locale"])


@functools.lru_cache(maxsize=64)
def _locale(code):
    return Locale.parse(code)


@pass_context
def format_date(context, value, format="long", lang=None):
    """`2 de diciembre de 2021` for `{{ article.date | format_date }}` on a Spanish page."""
    if not value:
        return ""
    day = value.date() if isinstance(value, datetime.datetime) else value
    return _format_date(day, format, context["LANGUAGES"][lang or page_lang(context)]["locale"])


@functools.lru_cache(maxsize=8192)
def _format_date(day, format, locale):
    """A site shows the same few thousand dates on many pages: format each once per language."""
    return dates.format_date(day, format=format, locale=_locale(locale))


@pass_context
def format_number(context, value, lang=None):
    return numbers.format_decimal(value, locale=babel_locale(context, lang))


@pass_context
def format_list(context, items, lang=None):
    """`Ana, Luis y Rubén` on a Spanish page: Babel's way of joining names, each escaped unless it is already
    markup (a link), the joining words and commas from the locale's own pattern. Each name is isolated
    (`<bdi>`): a name in another script, or with a stray direction mark, cannot reorder the others."""
    marked = [Markup("<bdi>%s</bdi>") % item for item in items]
    # Placeholders that no pattern contains, so the pattern's text is escaped apart from the items.
    joined = lists.format_list([f"\x00{i}\x00" for i in range(len(marked))], locale=babel_locale(context, lang))
    parts = joined.split("\x00")
    return Markup("").join(marked[int(part)] if i % 2 else escape(part) for i, part in enumerate(parts))


@pass_context
def plural_categories(context, lang=None):
    """(CLDR plural category, a number of it) for each category the page's language has, as a script's
    `Intl.PluralRules` picks them: the template makes each category's sentence with the catalog's ngettext."""
    return _plural_categories(context["LANGUAGES"][lang or page_lang(context)]["locale"])


@functools.lru_cache(maxsize=16)
def _plural_categories(locale):
    rule, found = _locale(locale).plural_form, {}
    for number in (*range(0, 200), 1_000_000):
        found.setdefault(rule(number), number)
    return tuple(found.items())


@pass_context
def language_name(context, code):
    """A language's name in the page's language: `inglés` for `en` on a Spanish page."""
    names = babel_locale(context).languages
    return names.get(code) or context["LANGUAGES"][code]["name"]


@pass_context
def lang_url(context, path="", lang=None):
    """Site URL of `path` in a language's space: `{{ lang_url('archives/') }}`."""
    return f"{context['SITEURL']}/{urls.lang_url(context, lang or page_lang(context), path)}"


@pass_context
def page_alternates(context):
    """Language -> URL of this page in each language it exists in (for the language menu)."""
    return alternates.page_alternates(context)


@pass_context
def hreflang_links(context):
    return alternates.hreflang_links(context)


def prepare_environment(generator):
    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True, pgettext=pgettext)
    env.filters.update(
        format_date=format_date, format_number=format_number, language_name=language_name, format_list=format_list
    )
    env.globals.update(
        lang_url=lang_url,
        page_alternates=page_alternates,
        hreflang_links=hreflang_links,
        plural_categories=plural_categories,
    )


SIGNAL_HANDLERS = {
    signals.initialized: (apply_defaults, load_catalogs),
    signals.generator_init: (prepare_environment,),
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
