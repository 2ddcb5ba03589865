"""Reading content files the way the build reads them, and writing clean front matter."""

import os

import yaml

from front_matter import front_matter, parse
from hubcore import findings
from hubcore.settings import DEFAULTS

from . import ROOT, WorkflowError


def site_settings(content_dir, settings_file=ROOT / "pelicanconf.py"):
    """The site's settings (with every plugin default) for content in `content_dir`, without a build."""
    from pelican.settings import read_settings

    settings = {**DEFAULTS, **read_settings(str(settings_file), override={"PATH": str(content_dir)})}
    return settings


def read(path, settings):
    """(raw mapping, clean metadata, legacy?, body as written, line of each key) of one content file.

    Raises WorkflowError naming the file and line when it cannot be read.
    """
    relative = os.path.relpath(path, settings["PATH"])
    try:
        with open(path, "rb") as handle:
            raw, body, key_lines, _ = parse.split_front_matter(parse.decode(handle.read(), settings, relative))
    except findings.ContentError as problem:
        raise WorkflowError(f"{relative}:{problem.line}: {problem.message} (fix: {problem.hint})") from None
    kind = front_matter.schema_for(relative, settings)
    metadata, legacy, _ = front_matter.normalize(raw, kind, key_lines, settings, relative)
    return raw, metadata, legacy, body, key_lines


# Order of keys in the files this project writes: what an editor looks for first.
KEY_ORDER = [
    "title",
    "date",
    "updated",
    "status",
    "lang",
    "slug",
    "translation_key",
    "translation_of",
    "original_hash",
    "persons",
    "partners",
    "working_groups",
    "projects",
    "countries",
    "tags",
    "summary",
    "feature_image",
    "aliases",
]
DATES = {"date", "updated"}


def dump(metadata, body, comments=None):
    """A Markdown file with YAML front matter in KEY_ORDER.

    `comments` adds `# ...` after keys, and its "" entry lines after the last key."""
    lines = ["---"]
    for key in sorted(metadata, key=lambda k: KEY_ORDER.index(k) if k in KEY_ORDER else len(KEY_ORDER)):
        value = metadata[key]
        text = f"{key}: {value if key in DATES else flow(value)}"
        if comments and key in comments:
            text += f"  # {comments[key]}"
        lines.append(text)
    lines += (comments or {}).get("", [])
    lines += ["---", "", body.strip("\n"), ""]
    return "\n".join(lines)


def flow(value):
    """One line of YAML for a value: lists and mappings in brackets, text quoted only when it must be."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def iso(date):
    return date.strftime("%Y-%m-%dT%H:%M:%SZ")
