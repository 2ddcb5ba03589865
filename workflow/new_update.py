"""`./dev new "Title"`: a new update, as a draft, with complete front matter at the right path."""

import datetime as dt
from pathlib import Path

from hubcore import urls

from . import WorkflowError
from .content import dump, iso, site_settings

HINTS = [
    "# summary: One or two sentences for lists and feeds.",
    "# feature_image: {src: /images/name.jpg, alt: What the image shows, credit: Who took it}",
]


def new_update(content_dir, title, lang=None, persons=(), partners=(), tags=(), now=None):
    """Write the file; returns (its path, its preview path on the development server)."""
    settings = site_settings(content_dir)
    lang = lang or settings["DEFAULT_LANG"]
    if lang not in settings["LANGUAGES"]:
        raise WorkflowError(f"{lang!r} is not one of the site's languages ({', '.join(settings['LANGUAGES'])})")
    slug = urls.slugify(settings, title)
    if not slug:
        raise WorkflowError(f"no URL can be made from the title {title!r}: use some letters or digits")
    path = Path(content_dir) / "updates" / lang / f"{slug}.md"
    if path.exists():
        raise WorkflowError(f"{path} already exists: edit it, or choose another title")
    metadata = {
        "title": title,
        "date": iso(now or dt.datetime.now(dt.timezone.utc)),
        "lang": lang,
        "translation_key": slug,
        "status": "draft",
        "persons": list(persons),
        "partners": list(partners),
        "tags": list(tags),
    }
    metadata = {key: value for key, value in metadata.items() if value not in ([], "")}
    text = dump(
        metadata,
        "Write the update here, in Markdown.",
        comments={"status": "change to `published` when it is ready", "": HINTS},
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    preview = urls.lang_url(settings, lang, settings["DRAFT_URL"].format(slug=slug))  # DRAFT_LANG_URL's shape
    return path, preview
