"""No content lost silently: every file under content/ is published, a draft, or named in an error.

A file can fall out of a build without anyone saying so: Pelican logs "Could
not process" and goes on, a file with an extension no reader takes is never
listed, a Markdown file in a folder nothing reads (content/notes/) is never
read. After every other check, each file of the run's inventory must be one
of: a document (update or page, of any status), a directory entry, a static
file, a file an error names, an older copy of an archive post (published as a
redirect to the newest), or a file IGNORE_FILES names. Any other gets
`E-NOT-PUBLISHED`, so `./dev check` fails on it.
"""

import fnmatch

from hubcore import findings, inventory, updates

# A warning that accounts for its file: the copy is published as a redirect to the newest copy.
ACCOUNTED_BY = {"W-DUPLICATE-POST"}
DIRECTORY = "HUB_DIRECTORY"  # the directory plugin's context key: kind -> {slug: Entity}


def check(generators, settings):
    listed = inventory.of(settings)
    accounted = set(listed.refused) | said_why(settings)
    for generator in generators:
        for name in updates.DOCUMENT_LISTS:
            accounted.update(doc.relative_source_path for doc in getattr(generator, name, ()))
        accounted.update(static.relative_source_path for static in getattr(generator, "staticfiles", ()))
    context = generators[0].context if generators else {}
    accounted.update(
        entity.source_path.replace("\\", "/")
        for entries in context.get(DIRECTORY, {}).values()
        for entity in entries.values()
        if entity.source_path
    )
    ignores = settings["IGNORE_FILES"]
    for path in sorted(set(listed.files) - accounted):
        if any(fnmatch.fnmatch(part, ignore) for part in path.split("/") for ignore in ignores):
            continue
        findings.report(
            settings,
            findings.ERROR,
            "E-NOT-PUBLISHED",
            path,
            0,
            "this file is in content/ but nothing publishes it, and no other message says why",
            "updates and pages are .md files in content/updates/<lang>/ and content/pages/; images "
            "and documents go in content/images/ or content/uploads/",
        )


def said_why(settings):
    """The files an error (or an accounting warning) names."""
    return {f.path for f in findings.collected(settings) if f.severity == findings.ERROR or f.code in ACCOUNTED_BY}
