"""Two documents for one URL: reported, and only one of them written.

Pelican stops with a traceback when two documents write one file; an editor
should get a finding instead, and the rest of the site.
"""

from collections import defaultdict

from hubcore import claims, findings, updates


def drop_duplicate_updates(generator):
    """Two updates in one language with one slug.

    The hub's archive holds some posts several times, under several dates:
    copies with the same title, summary and text are one post, and only the
    newest is published, with the older copies' old URLs as its aliases and a
    warning. Distinct archive posts whose file names give one slug (Jekyll had
    them at two dated URLs) are all published: each later one gets its date
    after its slug. Anything else (a file of the clean schema) is an error, and
    only the first file (by name) is published.
    """
    settings = generator.settings
    groups = defaultdict(list)
    for doc in updates.every_status(generator):
        groups[doc.lang, doc.slug].append(doc)
    taken = {(doc.lang, doc.slug) for doc in updates.every_status(generator)}
    dropped = set()
    for same in groups.values():
        if len(same) < 2:
            continue
        if all(doc.metadata.get("legacy_format") for doc in same):
            distinct = merge_copies(same, dropped, settings)
            give_dated_slugs(distinct, taken, settings)
        else:
            kept, *others = sorted(same, key=lambda doc: doc.relative_source_path)
            for doc in others:
                dropped.add(id(doc))
                findings.report(
                    settings,
                    findings.ERROR,
                    "E-DUPLICATE-SLUG",
                    doc.relative_source_path,
                    doc.metadata.get("source_lines", {}).get("slug", 0),
                    f"{kept.relative_source_path} already has the {doc.lang!r} slug {doc.slug!r}; "
                    "this file is not published",
                    "give one of them another `slug` (or file name)",
                )
    drop(generator, updates.LIST_NAMES, dropped)


def merge_copies(same, dropped, settings):
    """Of archive posts with one slug, those with the same text are one post: the newest copy is published. Returns
    the posts that remain, oldest first."""
    by_text = defaultdict(list)
    for doc in same:
        by_text[doc.metadata["text_hash"]].append(doc)
    distinct = []
    for copies in by_text.values():
        kept, *older = sorted(copies, key=lambda doc: (doc.date, doc.relative_source_path), reverse=True)
        distinct.append(kept)
        for doc in older:
            dropped.add(id(doc))
            # A new list: the old one may be the reader cache's own.
            kept.metadata["aliases"] = [*kept.metadata.get("aliases", []), *updates.old_addresses(doc)]
            findings.report(
                settings,
                findings.WARNING,
                "W-DUPLICATE-POST",
                doc.relative_source_path,
                0,
                f"an older copy of {kept.relative_source_path} (same title, summary and text); only the "
                "newest copy is published, and this one's old address redirects to it",
                "delete this copy",
            )
    return sorted(distinct, key=lambda doc: (doc.date, doc.relative_source_path))


def give_dated_slugs(distinct, taken, settings):
    """The first keeps the slug; each later one gets its date after it (`x-2019-04-29`), as Jekyll gave each its
    own dated URL. Their old addresses still redirect to each."""
    first, *later = distinct
    for doc in later:
        slug, number = f"{doc.slug}-{doc.date:%Y-%m-%d}", 2
        while (doc.lang, slug) in taken:
            slug, number = f"{doc.slug}-{doc.date:%Y-%m-%d}-{number}", number + 1
        taken.add((doc.lang, slug))
        shared = doc.slug
        if not doc.metadata.get("key_given"):
            doc.translation_key = doc.metadata["translation_key"] = slug
        doc.slug = doc.metadata["slug"] = slug
        findings.report(
            settings,
            findings.WARNING,
            "W-DUPLICATE-SLUG",
            doc.relative_source_path,
            0,
            f"{first.relative_source_path} has the slug {shared!r} too, with another text: this post is "
            f"published at /{doc.url}",
            "to choose another address, add `slug:`",
        )


def drop_pages_on_taken_urls(pages, update_docs, taken, settings):
    """A page written where an update, another page, or a page or file the site makes already is (`taken`:
    hubcore.claims)."""
    for doc in update_docs:
        if doc.save_as:  # a draft in a publish build is written nowhere
            taken.file(doc.save_as, doc.relative_source_path)
    dropped = set()
    for doc in sorted(
        (doc for name in updates.PAGE_LISTS for doc in getattr(pages, name) if doc.save_as),
        key=lambda d: d.relative_source_path,
    ):
        other = taken.owner(doc.save_as)
        if other is None:
            taken.file(doc.save_as, doc.relative_source_path)
            continue
        dropped.add(id(doc))
        findings.report(
            settings,
            findings.ERROR,
            "E-DUPLICATE-URL",
            doc.relative_source_path,
            doc.metadata.get("source_lines", {}).get("slug", 0),
            f"/{doc.url} is already {other}; this page is not published",
            "give this page another `slug` (or file name)",
        )
    drop(pages, updates.PAGE_LISTS, dropped)


def drop_static_on_taken_urls(staticfiles, settings):
    """A file of a static folder written where the site writes its own (`images/sized/`, the resized images), or
    where another static file is (`A.png` and `a.png` are one file on a Mac)."""
    taken = claims.of_site(settings)
    kept = []
    for static in sorted(staticfiles, key=lambda s: s.relative_source_path):
        other = taken.owner(static.save_as)
        if other is None:
            taken.file(static.save_as, static.relative_source_path)
            kept.append(static)
            continue
        findings.report(
            settings,
            findings.ERROR,
            "E-DUPLICATE-URL",
            static.relative_source_path,
            0,
            f"/{static.save_as} is already {other}; this file is not published",
            "rename the file, or move it to another folder",
        )
    staticfiles[:] = kept  # in place: the static generator copies this very list


def drop(generator, names, dropped):
    """Remove documents in place: the generator's context holds the same lists."""
    if dropped:
        for name in names:
            getattr(generator, name)[:] = [doc for doc in getattr(generator, name) if id(doc) not in dropped]
