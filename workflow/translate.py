"""`./dev translate PATH --lang fr`: a translation to write, prefilled from its original."""

import os
from pathlib import Path

from front_matter import front_matter

from . import WorkflowError
from .content import dump, iso, read, site_settings

# Copied from the original as they are (names and tags resolve in every language).
KEPT = ("date", "persons", "partners", "working_groups", "projects", "countries", "tags", "feature_image")


def translate(content_dir, original, lang):
    """Write the translation of `original` into `lang`; returns its path."""
    settings = site_settings(content_dir)
    if lang not in settings["LANGUAGES"]:
        raise WorkflowError(f"{lang!r} is not one of the site's languages ({', '.join(settings['LANGUAGES'])})")
    original = Path(original)
    if not original.is_file():
        raise WorkflowError(f"{original} is not a file")
    _, metadata, _, body, key_lines = read(original, settings)
    relative = os.path.relpath(original, content_dir)
    if front_matter.schema_for(relative, settings) != "update":
        raise WorkflowError(f"{relative} is not an update (updates live in {content_dir}/updates/)")
    front_matter.complete_update(metadata, relative, key_lines, settings)
    if metadata["lang"] == lang:
        raise WorkflowError(f"{relative} is already in {lang!r}")
    slug = f"{metadata['slug']}-{lang}"
    path = Path(content_dir) / "updates" / lang / f"{slug}.md"
    if path.exists():
        raise WorkflowError(f"{path} already exists: edit it instead")
    text_hash = front_matter.text_hash(metadata, body)
    translation = {key: metadata[key] for key in KEPT if metadata.get(key)}
    if "feature_image" in translation:  # alt and credit may need translating too; empty ones are noise
        translation["feature_image"] = {k: v for k, v in translation["feature_image"].items() if v}
    translation.update(
        {
            "title": metadata["title"],
            "date": iso(metadata["date"]),
            "status": "draft",
            "lang": lang,
            "slug": slug,
            "translation_key": metadata["translation_key"],
            "translation_of": relative,
            "original_hash": text_hash,
        }
    )
    if metadata.get("summary"):
        translation["summary"] = metadata["summary"]
    comments = {
        "title": "translate",
        "summary": "translate",
        "slug": "translate: the last part of the URL",
        "status": "change to `published` once translated",
        "original_hash": "the original's text when translated; keep it until you update this translation",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(dump(translation, front_matter.mojibake.repair(body), comments))
    return path
