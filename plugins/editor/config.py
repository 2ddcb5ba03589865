"""The web editor's configuration, generated from the front-matter schema: Decap CMS's `config.yml`, and the
small `schema.json` its custom format and previews read. Pure functions of the settings, so a test sees what a
build writes, and no one writes either file by hand.

Each schema field gets its widget from WIDGETS (by kind) and OVERRIDES (by name); a test fails when a field of
the schema has none. The archive's legacy fields (`permalink`, `created`, `published`) get no widget: a file that
still has them, or any other old spelling (`Person`, `Feature Image`), opens read-only in the editor, pointing at
`./dev import-jekyll` (admin/format.js).
"""

from front_matter import schema

UPDATES = "content/updates"
MEDIA_FOLDER = "content/images"
PUBLIC_FOLDER = "/images"
FORMAT = "hub-frontmatter"  # `hub-frontmatter-<collection>`, registered by admin/editor.js (CMS.registerCustomFormat)
# The custom format adds these to each entry's data (admin/format.js): a person's or partner's name as one string
# in the default language, all its names for searching, and a file's language for the list's filter.
LABEL, NAMES, LANG = "__hub_label", "__hub_names", "__hub_lang"
# The date the site reads, written the way the project writes it: `2024-05-01T09:30:00Z`.
DATE_FORMAT = "YYYY-MM-DDTHH:mm:ss[Z]"
SLUG_PATTERN = ["^[a-z0-9]+(-[a-z0-9]+)*$", "lowercase letters and digits, words joined by -"]

# Directory kinds with files, as the relation widgets' collections.
ENTITY_COLLECTIONS = {
    "persons": ("people", "People", "Person", "people"),
    "partners": ("partners", "Partners", "Partner", "partners"),
    "working_groups": ("working_groups", "Working groups", "Working group", "working-groups"),
    "projects": ("projects", "Projects", "Project", "projects"),
}

# Widgets by kind of value (schema.py); `None`: decided per field in OVERRIDES.
WIDGETS = {
    schema.TEXT: {"widget": "string"},
    schema.DATE: {"widget": "datetime", "format": DATE_FORMAT, "picker_utc": True},
    schema.LIST: {"widget": "list"},
    schema.STATUS: {"widget": "select", "options": list(schema.STATUSES)},
    schema.BOOL: {"widget": "boolean"},
    schema.IMAGE: {
        # An optional image whose src and alt are required once it has either (admin/editor.js).
        "widget": "hub-optional-object",
        "collapsed": False,
        "fields": [
            {"name": "src", "label": "Image", "widget": "image", "required": True},
            {
                "name": "alt",
                "label": "Description (alt text)",
                "widget": "string",
                "required": True,
                "hint": "What the image shows, for readers who cannot see it.",
            },
            {"name": "credit", "label": "Credit", "widget": "string", "required": False},
        ],
    },
    # A name in each language (`{en: ..., es: ...}`) or one for all: the form edits the one for all; a file with
    # one per language keeps them unless the editor types a new name.
    schema.I18N_TEXT: {"widget": "string"},
    schema.LINKS: {"widget": "hub-kept", "hint": "Edit the links in the file itself (label: address)."},
    schema.TIMESTAMP: None,
}

OVERRIDES = {
    "title": {"widget": "string"},
    "date": {"default": "{{now}}"},
    "lang": {"widget": "hidden"},
    "slug": {"pattern": SLUG_PATTERN, "hint": "The last part of the address; from the title when empty."},
    "translation_key": {
        "pattern": ["^[^\\s]+$", "one word or several joined by -, no spaces"],
        "hint": "Shared by an update and its translations; never change it.",
    },
    "summary": {"widget": "text"},
    "status": {"default": "draft"},
    "original_hash": {"hint": "Written by `./dev translate`; see `./dev translations-status`."},
    "translation_of": {"hint": "Written by `./dev translate`."},
    "url": {"pattern": ["^https?://", "a web address starting with https://"]},
}

# Per-language behaviour of the updates' fields (Decap `i18n`): each version has its own value, except these,
# which every version shares and only the default language's pane edits. Decap copies them into a language the
# moment they change; a language nobody wrote is not saved (a "stub", admin/format.js), whatever it holds.
DUPLICATED = {"date", "translation_key"}


def widget_for(field, settings):
    """A field's Decap widget, or None for a legacy field (no widget: the file is read-only in the editor)."""
    if field.legacy:
        return None
    if field.name in ENTITY_COLLECTIONS:
        return relation(field.name)
    base = WIDGETS[field.kind]
    if base is None:
        return None
    config = {
        "name": field.name,
        "label": label(field.name),
        **base,
        "required": field.required,
        "hint": field.doc.replace("`", ""),
    }
    config.update(OVERRIDES.get(field.name, {}))
    if field.name == "summary":
        limit = settings["SUMMARY_MAX_CHARACTERS"]
        config["pattern"] = [f"^[\\s\\S]{{0,{limit}}}$", f"at most {limit} characters"]
    return config


def relation(name):
    collection = ENTITY_COLLECTIONS[name][0]
    return {
        "name": name,
        "label": label(name),
        "widget": "relation",
        "collection": collection,
        "multiple": True,
        "required": False,
        # The name in the default language: what the project's files write (`persons: [Nate Smith]`).
        "value_field": LABEL,
        "display_fields": [LABEL],
        "search_fields": [NAMES],
        "options_length": 50,
    }


def label(name):
    return name.replace("_", " ").capitalize()


def fields(schema_fields, settings, i18n=False, image_name=None):
    out = []
    for field in schema_fields:
        config = widget_for(field, settings)
        if config is None:
            continue
        if image_name and field.kind == schema.IMAGE:
            config["name"] = image_name
        if i18n:
            config["i18n"] = "duplicate" if field.name in DUPLICATED else True
        out.append(config)
    out.append(
        {"name": "body", "label": "Text", "widget": "markdown", "required": False, "modes": ["raw", "rich_text"]}
    )
    if i18n:
        out[-1]["i18n"] = True
    return out


def update_collection(settings, name, label_text, folder, i18n):
    collection = {
        "name": name,
        "label": label_text,
        "label_singular": "Update",
        "folder": folder,
        "create": True,
        "extension": "md",
        "format": f"{FORMAT}-{name}",
        "slug": "{{slug}}",
        "summary": "{{title}}",
        "sortable_fields": ["date", "title"],
        "fields": fields(schema.FIELDS, settings, i18n=i18n),
    }
    if i18n:
        collection["i18n"] = True
        # Translations with their own file name are not this entry's versions (Decap pairs versions by file
        # name): they are edited in their language's collection, and kept out of this list.
        collection["filter"] = {"field": LANG, "value": settings["DEFAULT_LANG"]}
    return collection


def decap_config(settings):
    """Decap CMS's configuration (`admin/config.yml`) for these settings."""
    languages = list(settings["LANGUAGES"])
    default = settings["DEFAULT_LANG"]
    backend = {"name": settings["EDITOR_BACKEND"], "branch": settings["EDITOR_BRANCH"]}
    if settings["EDITOR_REPO"]:
        backend["repo"] = settings["EDITOR_REPO"]
    if settings["EDITOR_AUTH_URL"]:
        backend["base_url"] = settings["EDITOR_AUTH_URL"]
    config = {
        "backend": backend,
        # A saved draft is a branch and a pull request, checked like any other (`check --format github`).
        "publish_mode": "editorial_workflow",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "site_url": settings.get("SITEURL") or "/",
        "i18n": {
            "structure": "multiple_folders",
            "locales": [default] + [code for code in languages if code != default],
            "default_locale": default,
        },
        "collections": [
            update_collection(settings, "updates", "Updates (translations side by side)", UPDATES, True),
            *(
                update_collection(
                    settings, f"updates_{code}", f"Updates in {record['name']}", f"{UPDATES}/{code}", False
                )
                for code, record in settings["LANGUAGES"].items()
                if code != default
            ),
            *(entity_collection(settings, kind) for kind in ENTITY_COLLECTIONS),
            {
                "name": "pages",
                "label": "Pages",
                "label_singular": "Page",
                "folder": "content/pages",
                "create": True,
                "extension": "md",
                "format": f"{FORMAT}-pages",
                "slug": "{{slug}}",
                "summary": "{{title}}",
                "fields": fields(schema.PAGE_FIELDS, settings),
            },
        ],
    }
    if settings["EDITOR_LOCAL_BACKEND"]:
        config["local_backend"] = {"url": settings["EDITOR_LOCAL_BACKEND"]}
    return config


def entity_collection(settings, kind):
    name, label_text, singular, folder = ENTITY_COLLECTIONS[kind]
    return {
        "name": name,
        "label": label_text,
        "label_singular": singular,
        "folder": f"content/{folder}",
        "create": True,
        "extension": "md",
        "format": f"{FORMAT}-{name}",
        "slug": "{{slug}}",
        "identifier_field": "name",
        "summary": f"{{{{{LABEL}}}}}",
        # A partner's picture is its `logo`, a person's their `photo` (both spellings of one field).
        "fields": fields(schema.ENTITY_FIELDS, settings, image_name="logo" if kind == "partners" else None),
    }


def editor_schema(settings, catalogs):
    """What admin/editor.js needs beyond Decap's configuration (`admin/schema.json`): each collection's spellings
    the form does not edit (the file is then read-only), its language, the rules a translation must meet, and
    the preview's words in each language."""
    default = settings["DEFAULT_LANG"]
    collections = {}
    for collection in decap_config(settings)["collections"]:
        kind = schema_of(collection["name"])
        widget_names = {field["name"] for field in collection["fields"]}
        collections[collection["name"]] = {
            "fields": sorted(widget_names),
            "legacy": legacy_spellings(kind, widget_names),
            "lang": collection["name"].removeprefix("updates_") if collection["name"].startswith("updates_") else "",
        }
    return {
        "defaultLang": default,
        "languages": {code: record["dir"] for code, record in settings["LANGUAGES"].items()},
        "dates": sorted(f.name for f in schema.FIELDS if f.kind == schema.DATE),
        "collections": collections,
        "words": catalogs,
        "updates": UPDATES,
    }


def schema_of(collection_name):
    if collection_name.startswith("updates"):
        return "update"
    return "page" if collection_name == "pages" else "entity"


def legacy_spellings(kind, widget_names):
    """Folded spellings the schema reads but the form does not edit under that name: an alias (`person`,
    `summary_text`, a person's `logo`) or a legacy field (`permalink`). A file with one opens read-only."""
    spellings = {name for field in schema.SCHEMAS[kind] for name in (field.name, *field.aliases)}
    return sorted(spellings - widget_names)
