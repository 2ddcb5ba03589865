"""The editors' front-matter reference (docs/front-matter.md), written from the schema table.

`./dev docs` rewrites the file; a test fails when it no longer matches the schema.
"""

from . import schema

KIND_NAMES = {
    schema.TEXT: "text",
    schema.LIST: "list of text",
    schema.DATE: "date",
    schema.IMAGE: "image (`src`, `alt`, `credit`)",
    schema.BOOL: "true / false",
    schema.TIMESTAMP: "Unix time",
    schema.I18N_TEXT: "text, or text per language",
    schema.LINKS: "links (`label: url`)",
}


def kind_name(field):
    if field.kind == schema.STATUS:
        return "one of " + ", ".join(f"`{choice}`" for choice in field.choices)
    return KIND_NAMES[field.kind]


TITLES = {
    "update": ("Updates", "`content/updates/<lang>/<slug>.md`"),
    "entity": (
        "People, partners, working groups and projects",
        "`content/people/`, `content/partners/`, `content/working-groups/`, `content/projects/`",
    ),
    "page": ("Pages", "`content/pages/`"),
}

INTRO = """# Front-matter reference

<!-- Written by `./dev docs` from plugins/front_matter/schema.py: edit the schema, not this file. -->

Every content file starts with a YAML block between two `---` lines. Key
spelling is forgiving: `Feature Image`, `feature-image` and `feature_image` are
the same key. Old spellings from the hub's archive are read too (listed under
*also read as*); new files should use the first name. `./dev check` reports
every problem with its file, line and a fix.
"""


def render():
    parts = [INTRO]
    for name, fields in schema.SCHEMAS.items():
        title, where = TITLES[name]
        parts.append(
            f"\n## {title}\n\nFiles in {where}.\n\n"
            "| key | value | required | also read as | meaning |\n| --- | --- | --- | --- | --- |"
        )
        for field in fields:
            aliases = ", ".join(f"`{alias}`" for alias in field.aliases) or ""
            name_cell = f"`{field.name}`" + (" (archive only)" if field.legacy else "")
            parts.append(
                f"| {name_cell} | {kind_name(field)} | {'yes' if field.required else ''} | "
                f"{aliases} | {field.doc.replace('|', '/')} |"
            )
    return "\n".join(parts) + "\n"
