"""What machines read: canonical URLs, Open Graph and Twitter cards, JSON-LD NewsArticle, robots.txt.

All absolute, from FEED_SITEURL (the site's absolute address, also used by the
feeds), since sharing cards and search engines resolve no relative URL.
"""

import json
import os

from babel.core import get_global
from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from hubcore import alternates, files, plugin, text, urls
from hubcore.settings import apply_defaults


@pass_context
def absolute_url(context, url):
    return urls.absolute(context["FEED_SITEURL"], url)


@pass_context
def canonical_url(context):
    return absolute_url(context, alternates.own_url(context))


@pass_context
def og_locale(context, lang=None):
    """`es_ES` for Spanish: Open Graph wants a language and a territory (Babel's likely one)."""
    locale = context["LANGUAGES"][lang or context["lang"]]["locale"]
    likely = get_global("likely_subtags").get(locale.split("_")[0], locale)
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]


@pass_context
def news_article(context, article):
    """JSON-LD of an update, safe inside <script>: no `<`, `>` or `&` appears as such."""
    lang = article.lang
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "inLanguage": lang,
        "datePublished": article.date.isoformat(),
        "dateModified": (getattr(article, "modified", None) or article.date).isoformat(),
        "mainEntityOfPage": absolute_url(context, article.url),
        "author": [
            {
                "@type": "Person",
                "name": person.display(lang),
                **({"url": absolute_url(context, person.url_for(lang))} if person.has_page(lang) else {}),
            }
            for person in getattr(article, "persons", [])
        ],
        "publisher": {"@type": "Organization", "name": context["SITENAME"], "url": context["FEED_SITEURL"] + "/"},
    }
    image = article.metadata.get("feature_image")
    if image:
        data["image"] = absolute_url(context, image["src"])
    summary = article.metadata.get("summary")
    if summary:
        data["description"] = text.plain(article.summary)
    encoded = json.dumps(data, ensure_ascii=False)
    return Markup(encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def prepare_environment(generator):
    generator.env.globals.update(
        canonical_url=canonical_url, og_locale=og_locale, news_article=news_article, absolute_url=absolute_url
    )


def write_robots(pelican):
    settings = pelican.settings
    # The editors' pages are not for search engines: the translation status, drafts, the web editor.
    hidden = ["/" + path for path in (settings["TRANSLATION_STATUS_URL"], "drafts/", settings["EDITOR_URL"]) if path]
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in hidden),
        "",
        f"Sitemap: {settings['FEED_SITEURL']}/sitemap.xml",
        "",
    ]
    files.write_if_changed(os.path.join(settings["OUTPUT_PATH"], "robots.txt"), "\n".join(lines))


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.generator_init: prepare_environment,
    signals.finalized: write_robots,
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
