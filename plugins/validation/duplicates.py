"""Two documents for one URL: reported, and only one of them written.

Pelican stops with a traceback when two documents write one file; an editor
should get a finding instead, and the rest of the site.
"""

from collections import defaultdict

from hubcore import findings, updates

PAGE_LISTS = ("pages", "translations", "hidden_pages", "hidden_translations", "draft_pages", "draft_translations")


def drop_duplicate_updates(generator):
    """Two updates in one language with one slug: the first (by file name) is kept.

    The hub's archive holds some posts twice, under two dates: for copies with
    the same title, the newest is kept, with the older copies' old URLs as its
    aliases, and a warning, so the archive still builds in strict mode.
    """
    settings = generator.settings
    groups = defaultdict(list)
    for doc in updates.every_status(generator):
        groups[doc.lang, doc.slug].append(doc)
    dropped = set()
    for same in groups.values():
        if len(same) < 2:
            continue
        copies = all(doc.metadata.get("legacy_format") for doc in same) and len(
            {" ".join(doc.title.split()).casefold() for doc in same}) == 1
        if copies:
            kept, *others = sorted(same, key=lambda doc: (doc.date, doc.relative_source_path), reverse=True)
        else:
            kept, *others = sorted(same, key=lambda doc: doc.relative_source_path)
        for doc in others:
            dropped.add(id(doc))
            if copies:
                # A new list: the old one may be the reader cache's own.
                kept.metadata["aliases"] = [*kept.metadata.get("aliases", []), *updates.old_addresses(doc)]
                findings.report(settings, findings.WARNING, "W-DUPLICATE-POST", doc.relative_source_path, 0,
                                f"an older copy of {kept.relative_source_path} (same title and slug); only the "
                                "newest copy is published", "delete this copy")
            else:
                findings.report(settings, findings.ERROR, "E-DUPLICATE-SLUG", doc.relative_source_path,
                                doc.metadata.get("source_lines", {}).get("slug", 0),
                                f"{kept.relative_source_path} already has the {doc.lang!r} slug {doc.slug!r}; "
                                "this file is not published", "give one of them another `slug` (or file name)")
    drop(generator, updates.LIST_NAMES, dropped)


def drop_pages_on_taken_urls(pages, update_docs, taken, settings):
    """A page written where an update, another page, or a page or file the site makes already is (`taken`:
    hubcore.claims)."""
    for doc in update_docs:
        taken.file(doc.save_as, doc.relative_source_path)
    dropped = set()
    for doc in sorted((doc for name in PAGE_LISTS for doc in getattr(pages, name)),
                      key=lambda d: d.relative_source_path):
        other = taken.owner(doc.save_as)
        if other is None:
            taken.file(doc.save_as, doc.relative_source_path)
            continue
        dropped.add(id(doc))
        findings.report(settings, findings.ERROR, "E-DUPLICATE-URL", doc.relative_source_path,
                        doc.metadata.get("source_lines", {}).get("slug", 0),
                        f"/{doc.url} is already {other}; this page is not published",
                        "give this page another `slug` (or file name)")
    drop(pages, PAGE_LISTS, dropped)


def drop(generator, names, dropped):
    """Remove documents in place: the generator's context holds the same lists."""
    if dropped:
        for name in names:
            getattr(generator, name)[:] = [doc for doc in getattr(generator, name) if id(doc) not in dropped]
