"""The published updates of a build, every language together, newest first.

Pelican keeps originals in `articles` and the rest in `translations`; the
per-language pages need them all. Plugins connect `collect` to
`article_generator_finalized` and read the list back with `published`.
"""

from itertools import chain
from operator import attrgetter

# Pelican keeps each status apart: (originals, translations) list names on the articles generator.
STATUS_LISTS = (
    ("articles", "translations"),
    ("drafts", "drafts_translations"),
    ("hidden_articles", "hidden_translations"),
)

LIST_NAMES = [name for pair in STATUS_LISTS for name in pair]
# And on the pages generator, by status.
PAGE_LISTS = ("pages", "translations", "hidden_pages", "hidden_translations", "draft_pages", "draft_translations")
# Every list either generator keeps documents in: a name is read from whichever generator has it.
DOCUMENT_LISTS = tuple(dict.fromkeys([*LIST_NAMES, *PAGE_LISTS]))

KEY = "HUB_UPDATES"
DIRECTORY = "HUB_DIRECTORY"  # the directory plugin's entries: kind -> {slug: Entity}
DRAFTS_KEY = "HUB_DRAFTS"


def newest_first(items):
    return sorted(items, key=attrgetter("date"), reverse=True)


def collect(generator):
    context = generator.context
    context[KEY] = newest_first(chain(generator.articles, generator.translations))
    context[DRAFTS_KEY] = newest_first(chain(generator.drafts, generator.drafts_translations))


def every_status(generator):
    """Every update the articles generator holds: published, draft or hidden, originals and translations."""
    return [doc for name in LIST_NAMES for doc in getattr(generator, name)]


def published(context):
    return context.get(KEY, [])


def old_addresses(document):
    """The addresses an update had before: the archive's `permalink` and its `aliases`."""
    return [old for old in (document.metadata.get("permalink"), *document.metadata.get("aliases", [])) if old]


def drafts(context):
    return context.get(DRAFTS_KEY, [])


def every_document(context):
    """Published updates and drafts: everything whose page gets written."""
    return list(chain(context.get(KEY, []), context.get(DRAFTS_KEY, [])))


def original_of(versions, default_lang):
    """The version the others of a translation group were made from: one that names no `translation_of` (the
    default language's if there are several, else the oldest). None when every version says it is a
    translation. The Latin American team writes in Spanish first: an original may be in any language."""
    originals = [doc for doc in versions if not doc.metadata.get("translation_of")]
    if not originals:
        return None
    # Pages may have no date; dates in UTC, as text, sort as the dates do.
    return min(
        originals, key=lambda doc: (doc.lang != default_lang, str(getattr(doc, "date", "")), doc.relative_source_path)
    )


def for_language(items, lang, settings):
    """(listed, also) for a list in `lang`: its updates, and untranslated default-language ones to offer.

    UNTRANSLATED_UPDATES decides where default-language updates with no `lang`
    version go: "own" drops them, "mixed" lists them among the language's own
    (the template marks each with its `lang`), "section" offers them apart.
    """
    own = [item for item in items if item.lang == lang]
    mode, default = settings["UNTRANSLATED_UPDATES"], settings["DEFAULT_LANG"]
    if lang == default or mode == "own":
        return own, []
    untranslated = [
        item for item in items if item.lang == default and all(other.lang != lang for other in item.translations)
    ]
    if mode == "mixed":
        return newest_first(own + untranslated), []
    return own, untranslated
