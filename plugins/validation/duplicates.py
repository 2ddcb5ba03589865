"""Two documents for one URL or one slug, and the archive's copies of one post under several dates."""

from collections import defaultdict

from hubcore import findings, updates, urls



def drop_archive_copies(generator):
    """Publish only the newest of an archive post's copies (same language, slug and title).

    The hub's Jekyll archive holds some posts twice, under two dates; both would
    be written to one URL. The older copies' old URLs become aliases of the kept one.
    """
    settings = generator.settings
    groups = defaultdict(list)
    for doc in updates.every_status(generator):
        groups[doc.lang, doc.slug].append(doc)
    dropped = set()
    for copies in groups.values():
        if len(copies) < 2 or not all(doc.metadata.get("legacy_format") for doc in copies):
            continue
        if len({" ".join(doc.title.split()).casefold() for doc in copies}) > 1:
            continue  # different posts: reported as E-DUPLICATE-SLUG
        kept, *older = sorted(copies, key=lambda doc: (doc.date, doc.relative_source_path), reverse=True)
        for doc in older:
            dropped.add(id(doc))
            aliases = kept.metadata.setdefault("aliases", [])
            aliases += [old for old in (doc.metadata.get("permalink"), *doc.metadata.get("aliases", [])) if old]
            findings.report(settings, findings.WARNING, "W-DUPLICATE-POST", doc.relative_source_path, 0,
                            f"an older copy of {kept.relative_source_path} (same title and slug); only the "
                            "newest copy is published", "delete this copy")
    if dropped:
        for name in updates.LIST_NAMES:
            setattr(generator, name, [doc for doc in getattr(generator, name) if id(doc) not in dropped])


def check_slugs(updates, settings):
    """Two updates in one language with one slug; returns the documents reported."""
    first, reported = {}, set()
    for doc in sorted(updates, key=lambda d: d.relative_source_path):
        other = first.setdefault((doc.lang, doc.slug), doc)
        if other is not doc:
            reported.add(id(doc))
            findings.report(settings, findings.ERROR, "E-DUPLICATE-SLUG", doc.relative_source_path,
                            doc.metadata.get("source_lines", {}).get("slug", 0),
                            f"{other.relative_source_path} already has the {doc.lang!r} slug {doc.slug!r}",
                            "give one of them another `slug` (or file name)")
    return reported


def check_urls(documents, reserved, settings, skip=frozenset()):
    """Two documents, or a document and a page the site makes itself, written to one file."""
    owners = dict(reserved)
    for doc in sorted(documents, key=lambda d: d.relative_source_path):
        if id(doc) in skip or not doc.save_as:
            continue
        other = owners.setdefault(doc.save_as, doc.relative_source_path)
        if other != doc.relative_source_path:
            findings.report(settings, findings.ERROR, "E-DUPLICATE-URL", doc.relative_source_path,
                            doc.metadata.get("source_lines", {}).get("slug", 0),
                            f"{other} is already written to /{doc.url}", "give this document another `slug`")


def reserved_pages(settings, directory):
    """save_as -> what makes it, for the pages the plugins write (homes, archives, directory pages)."""
    pages = {}
    for lang in settings["LANGUAGES"]:
        for url in ("", settings["LANG_ARCHIVES_URL"]):
            pages[urls.save_as(urls.lang_url(settings, lang, url))] = f"the {lang!r} home and archives"
        for kind, entries in directory.items():
            base = settings["DIRECTORY_KINDS"][kind]["url"].split("{slug}")[0]
            pages[urls.save_as(urls.lang_url(settings, lang, base))] = f"the {lang!r} list of {kind}"
            for entity in entries.values():
                if entity.has_page(lang):
                    pages[urls.save_as(entity.url_for(lang))] = entity.source_path or f"the {kind} page {entity.slug!r}"
    if settings["TRANSLATION_STATUS_URL"]:
        pages[urls.save_as(settings["TRANSLATION_STATUS_URL"])] = "the translation status page"
    return pages
