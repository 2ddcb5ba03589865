"""The same page in other languages: one answer for the `<head>`, the language menu and the sitemap.

Search engines want every language version to list all the others, itself
included, plus an `x-default`; the sitemap must say the same as the pages, so
both ask this module, given a page's template context.
"""

from hubcore.updates import original_of


def own_url(context):
    """Site-relative URL of the page being written (`updates/x/` for updates/x/index.html)."""
    name = context.get("output_file", "").replace("\\", "/")
    return name[: -len("index.html")] if name.endswith("index.html") else name


def page_alternates(context):
    """Language -> site-relative URL of this page in each language it exists in, itself included."""
    content = context.get("article") or context.get("page")
    if content is not None:
        return {item.lang: item.url for item in [content, *content.translations]}
    paged = context.get("articles_page")
    if paged is not None and paged.number > 1:
        # Page 3 of the Spanish list has no equivalent in French.
        return {context["lang"]: own_url(context)}
    return dict(context.get("alternates") or {})


def hreflang_links(context):
    """(hreflang, site-relative URL) pairs, languages sorted, then `x-default`: the default language's version, else
    the original an update was translated from (it may be Spanish), else the page itself."""
    alternates = page_alternates(context)
    # The default language's home is the empty URL, so test membership, not truth.
    languages = (context["DEFAULT_LANG"], original_lang(context), context.get("lang"))
    fallback = next((alternates[lang] for lang in languages if lang in alternates), own_url(context))
    return sorted(alternates.items()) + [("x-default", fallback)]


def original_lang(context):
    content = context.get("article") or context.get("page")
    if content is None:
        return None
    original = original_of([content, *content.translations], context["DEFAULT_LANG"])
    return original.lang if original else None
