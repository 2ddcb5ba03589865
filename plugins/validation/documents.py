"""Checks on one document's clean metadata: dates, feature image, summary."""

import datetime as dt
import os

from hubcore import findings, inventory, text, urls


def check(doc, settings, now, is_update):
    meta = doc.metadata
    lines = meta.get("source_lines", {})
    legacy = meta.get("legacy_format", False)
    path = doc.relative_source_path
    if is_update and not meta.get("scheduled"):
        grace = dt.timedelta(days=settings["FUTURE_DATE_GRACE_DAYS"])
        if doc.date > now + grace:
            findings.report(
                settings,
                findings.ERROR,
                "E-FUTURE-DATE",
                path,
                lines.get("date"),
                f"the date {doc.date:%Y-%m-%d} is in the future, so the update stays unpublished until then",
                "fix the date, or add `status: scheduled` if that is the intent",
            )
        elif doc.date > now and meta.get("status") == "published":
            # Within the grace (a clock or a time zone off), but Pelican still holds it back: said, never silent.
            findings.report(
                settings,
                findings.WARNING,
                "W-FUTURE-DATE",
                path,
                lines.get("date"),
                f"the date {doc.date:%Y-%m-%d %H:%M} UTC is still to come, so the update stays unpublished until "
                "then, and appears at the first publication after it",
                "fix the date (a local time needs its offset, such as +05:30), or add `status: scheduled`",
            )
    image = meta.get("feature_image")
    if image:
        check_image(image, settings, legacy, path, lines.get("feature_image"))
    # The archive's post template always wrote an empty `Summary Text:`: only a clean file means it.
    if "summary" in lines and not meta.get("summary") and not legacy:
        findings.report(
            settings,
            findings.ERROR,
            "E-SUMMARY-EMPTY",
            path,
            lines["summary"],
            "the summary is empty",
            "write one or two sentences, or remove the `summary` line to use the text's start",
        )
    elif meta.get("summary"):
        length = len(text.plain(meta["summary"]))
        limit = settings["SUMMARY_MAX_CHARACTERS"]
        if length > limit:
            findings.lenient(
                settings,
                legacy,
                "SUMMARY-LONG",
                path,
                lines.get("summary"),
                f"the summary has {length} characters; lists and feeds show at most {limit}",
                "shorten it to one or two sentences",
            )


def check_photos(directory, settings):
    """A person's portrait or a partner's logo: where it is, as a feature image's."""
    for entries in directory.values():
        for entity in entries.values():
            photo = entity.metadata.get("photo")
            if entity.source_path and photo:
                check_image(
                    photo, settings, False, entity.source_path, entity.metadata.get("source_lines", {}).get("photo")
                )


def unusable_address(src):
    """(message, fix) when no page can show an image at `src`: not on the web, or written relative to the file;
    else None."""
    if urls.is_remote(src):
        if src.lower().startswith(("https://", "//")):
            return None
        return (
            f"the feature image {src!r} is not a web address (https://), so no reader's browser can load it",
            "put the image in content/images/ and write '/images/…', or give its https:// address",
        )
    if src.startswith(("/", "{")):
        return None
    return (
        f"the image {src!r} is written relative to the file, which no page can show",
        f"write it from content/: '/images/{src.rsplit('/', 1)[-1]}'",
    )


def check_image(image, settings, legacy, path, line):
    src = image["src"]
    if src.startswith("http://"):
        findings.lenient(
            settings,
            legacy,
            "IMAGE-INSECURE",
            path,
            line,
            f"the feature image {src!r} is not served over https",
            f"use {'https://' + src[len('http://') :]!r} if the site serves it, or copy the image into content/images/",
        )
    elif unusable_address(src):
        findings.report(settings, findings.ERROR, "E-IMAGE-PATH", path, line, *unusable_address(src))
    elif not urls.is_remote(src):
        listed = inventory.of(settings)
        local = urls.content_file(settings, src, path)
        relative = listed.relative(local)
        if relative is None or relative in listed.refused:
            # A file the inventory refused (a link out, a drawing with a script) has its own finding: name it.
            why = "is outside content/" if relative is None else f"cannot be published ({listed.refused[relative][0]})"
            findings.report(
                settings,
                findings.ERROR,
                "E-IMAGE-PATH",
                path,
                line,
                f"the feature image {src!r} {why}",
                "put the image in content/images/" if relative is None else f"see the message for {relative}",
            )
        elif not listed.readable(local):
            findings.report(
                settings,
                findings.ERROR,
                "E-IMAGE-MISSING",
                path,
                line,
                f"the feature image {src!r} is not in content/",
                f"add the file as content/{os.path.relpath(local, settings['PATH'])}, or fix the path",
            )
    if not image.get("alt"):
        findings.lenient(
            settings,
            legacy,
            "IMAGE-ALT",
            path,
            line,
            "the feature image has no alt text",
            "add `alt: what the image shows` under feature_image, for readers who cannot see it",
        )
