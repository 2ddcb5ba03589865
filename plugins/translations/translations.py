"""Link translations across different slugs, and check the links make sense.

The reader gives every update a `translation_key` (its own, or its slug).
Before Pelican builds tags and lists, this plugin joins into one group:
updates sharing a key, and updates joined by the archive's body links
(`*[Versión en español](.../updates/<slug>/)*`), whose label also tells the
target's language when its file did not. Each group gets one key, then
Pelican's own `process_translations` runs again so every update knows its
translations and its original.
"""

import re
from collections import defaultdict

from pelican import signals, utils

from hubcore import findings, plugin, source_scan, updates
from hubcore.settings import apply_defaults
from hubcore.text import plain

UPDATE_PATH = re.compile(r"/updates/([^/?#]+)/?(?:[?#].*)?$")


class Groups:
    """Union-find over documents."""

    def __init__(self, items):
        self.parent = {id(item): id(item) for item in items}
        self.items = {id(item): item for item in items}

    def find(self, key):
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a, b):
        self.parent[self.find(id(a))] = self.find(id(b))

    def groups(self):
        grouped = defaultdict(list)
        for key, item in self.items.items():
            grouped[self.find(key)].append(item)
        return list(grouped.values())


def label_language(label, settings):
    """`es` for a link labelled "Versión en español" (see TRANSLATION_LINK_LABELS)."""
    text = plain(label).strip(" *_()[]").casefold()
    for lang, labels in settings["TRANSLATION_LINK_LABELS"].items():
        if text in (entry.casefold() for entry in labels):
            return lang
    return None


def legacy_links(document, settings):
    """(target language, target slug, href, line) of each archive-style translation link in the body, from the
    reader's scan of its source (a check and a build see the same)."""
    for line, label, href in (document.metadata.get(source_scan.KEY) or {}).get("labelled", ()):
        path = UPDATE_PATH.search(href)
        lang = path and label_language(label, settings)
        if lang:
            yield lang, path.group(1).lower(), href, line


def set_lang(document, lang, settings):
    document.lang = document.metadata["lang"] = lang
    document.in_default_lang = lang == settings["DEFAULT_LANG"]


def link(generator):
    """Group the updates (by key, then by the archive's links), settle each group, and let Pelican's
    process_translations give each update its translations."""
    settings = generator.settings
    documents = updates.every_status(generator)
    groups = Groups(documents)
    by_key = {}
    for doc in documents:
        if doc.translation_key in by_key:
            groups.join(doc, by_key[doc.translation_key])
        by_key.setdefault(doc.translation_key, doc)
    join_linked(documents, groups, settings)
    for group in groups.groups():
        settle(group, settings)
    for originals, translations in updates.STATUS_LISTS:
        items = getattr(generator, originals) + getattr(generator, translations)
        index, rest = utils.process_translations(items, translation_id="translation_key")
        setattr(generator, originals, utils.order_content(index, settings["ARTICLE_ORDER_BY"]))
        setattr(generator, translations, rest)
    # Pelican lists a document's translations in the order it happened to read the files, which differs
    # from one run to the next: every page would show its alternates in another order.
    order = {lang: position for position, lang in enumerate(settings["LANGUAGES"])}
    for doc in updates.every_status(generator):
        doc.translations.sort(key=lambda t: (order.get(t.lang, len(order)), t.relative_source_path))


def join_linked(documents, groups, settings):
    """Join each update to those its archive links name (`[Versión en español](.../updates/<slug>/)`), whose label
    also tells a target that said no language its own."""
    by_slug = defaultdict(list)
    for doc in documents:
        by_slug[doc.slug].append(doc)
    for doc in documents:
        for lang, slug, href, line in legacy_links(doc, settings):
            targets = [t for t in by_slug.get(slug, []) if t is not doc]
            if not targets:
                bad_link(doc, line, f"the translation link points at {slug!r}, which is no update", settings)
                continue
            target = next((t for t in targets if t.lang == lang), targets[0])
            if target.lang != lang and target.metadata.get("lang_given"):
                # The label names one language and the update says another: two different updates, not joined.
                bad_link(
                    doc,
                    line,
                    f"the translation link's label is in {lang!r}, but {target.relative_source_path} is in "
                    f"{target.lang!r}",
                    settings,
                )
                continue
            if target.lang != lang:
                set_lang(target, lang, settings)
            groups.join(doc, target)


def bad_link(doc, line, message, settings):
    findings.report(
        settings,
        findings.ERROR,
        "E-TRANSLATION-LINK",
        doc.relative_source_path,
        line,
        message,
        "point the link at the translation in its label's language, or remove the link",
    )


def settle(group, settings):
    """Give a group one key and report what cannot be right about it."""
    given = sorted({doc.translation_key for doc in group if doc.metadata.get("key_given")})
    original = updates.original_of(group, settings["DEFAULT_LANG"])
    key = (given or [original.slug if original else min(doc.slug for doc in group)])[0]
    seen = {}
    for doc in sorted(group, key=lambda d: d.relative_source_path):
        doc.translation_key = doc.metadata["translation_key"] = key
        if doc.lang in seen:
            findings.report(
                settings,
                findings.ERROR,
                "E-TRANSLATION-DUPLICATE",
                doc.relative_source_path,
                doc.metadata.get("source_lines", {}).get("translation_key", 0),
                f"{seen[doc.lang].relative_source_path} is already the {doc.lang!r} version of translation key {key!r}",
                "give one of them its own translation_key or lang",
            )
        seen.setdefault(doc.lang, doc)
    if original is None and not settings["TRANSLATIONS_ALLOW_ORPHANS"]:
        for doc in group:
            findings.report(
                settings,
                findings.ERROR,
                "E-NO-ORIGINAL",
                doc.relative_source_path,
                doc.metadata.get("source_lines", {}).get("translation_key", 0),
                f"translation key {key!r} has no original: every version of it names a `translation_of`",
                f"add the original with `translation_key: {key}`, or fix the key",
            )


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.article_generator_pretaxonomy: link,
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
