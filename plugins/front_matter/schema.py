"""The update front-matter schema: one table for the reader, the validator and the docs.

The project's own spelling is snake_case (`feature_image`); the hub's archive
wrote `Feature Image`, `Person`, `Summary Text`... Keys are matched after
folding case, spaces and hyphens, then through the aliases below, so both
spellings read into the same clean metadata.

A Python table rather than a JSON Schema file: the reader needs more than a
verdict from it — the archive's spellings folded into the clean names, values
coerced per kind (one name where a list is expected, Unix times, a bare image
path), and a line number for each problem — and docs/front-matter.md is
written from the same table (`./dev docs`).
"""

from dataclasses import dataclass, field, replace

# Kinds of value; the reader has one coercion function per kind.
TEXT = "text"
LIST = "list"
DATE = "date"
IMAGE = "image"
STATUS = "status"
BOOL = "bool"
TIMESTAMP = "timestamp"
I18N_TEXT = "i18n_text"  # a string, or a mapping of language code to string
LINKS = "links"  # a mapping of label to URL, or a list of URLs

STATUSES = ("published", "draft", "scheduled")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    doc: str
    required: bool = False
    aliases: tuple = field(default=())
    legacy: bool = False  # only found in archive posts; not part of the clean schema
    split: str = ""  # a LIST given as one string is split on this
    choices: tuple = STATUSES  # the values a STATUS may take


FIELDS = (
    Field("title", TEXT, "Headline of the update.", required=True),
    Field(
        "date",
        DATE,
        "Publication date and time, ISO 8601 (`2021-12-02T15:46:00Z`, or `2021-12-02`); without "
        "an offset, in the site's `TIMEZONE`.",
        required=True,
    ),
    Field("updated", DATE, "When the update last changed in substance.", aliases=("modified", "last_modified")),
    Field("slug", TEXT, "Last part of the URL; derived from the file name or title when absent."),
    Field(
        "lang",
        TEXT,
        "Language code (`en`, `es`, `fr`, `pt`); from the folder `updates/<lang>/` when absent.",
        aliases=("language",),
    ),
    Field("translation_key", TEXT, "Shared by an update and all its translations.", aliases=("translationkey",)),
    Field(
        "persons",
        LIST,
        "Authors: names of people with a file in `content/people/`.",
        aliases=("person", "author", "authors"),
    ),
    Field("tags", LIST, "Topics.", split=",", aliases=("tag", "categories", "category")),
    Field(
        "partners",
        LIST,
        "Partner organisations, by name or slug of a file in `content/partners/`.",
        aliases=("partner",),
    ),
    Field("working_groups", LIST, "Working groups involved.", aliases=("working_group",)),
    Field("projects", LIST, "Projects the update belongs to.", aliases=("project", "related_project")),
    Field("countries", LIST, "Countries the update is about.", aliases=("country",)),
    Field(
        "summary",
        TEXT,
        "One or two sentences shown in lists and feeds (Markdown).",
        aliases=("summary_text", "description", "excerpt"),
    ),
    Field(
        "feature_image",
        IMAGE,
        "Image at the top: `src`, `alt` (required for readers using screen readers), "
        "`credit`. A plain string is taken as `src`.",
        aliases=("image",),
    ),
    Field(
        "status",
        STATUS,
        "`published` (default), `draft` (never published) or `scheduled` (published once its date has passed).",
    ),
    Field("aliases", LIST, "Old URLs of this update that should redirect to it.", aliases=("redirect_from",)),
    Field("translation_of", TEXT, "Source file this translation was made from (written by `invoke translate`)."),
    Field(
        "original_hash",
        TEXT,
        "Fingerprint of the original's text this translation was made from; "
        "`invoke translations-status` shows the original's current one and flags the translation outdated "
        "when they differ.",
    ),
    Field(
        "raw_html",
        BOOL,
        "`true` keeps the body's HTML as written, scripts and all (an imported archive post "
        "that needs its embed); otherwise scripts, `on*=` handlers and unknown iframes are removed.",
    ),
    Field("permalink", TEXT, "The archive's old URL of the post; redirects to the new one.", legacy=True),
    Field("created", TIMESTAMP, "Unix time of the archive post; used when `date` is missing.", legacy=True),
    Field(
        "published",
        BOOL,
        "Jekyll's `published: false` marks an unpublished post (read as `status: draft`).",
        legacy=True,
    ),
)

# People, partners, working groups and projects: content/<kind folder>/<slug>.md
ENTITY_FIELDS = (
    Field(
        "name",
        I18N_TEXT,
        "Display name; may differ per language (`{en: ..., es: ...}`).",
        required=True,
        aliases=("title",),
    ),
    Field("slug", TEXT, "Last part of the URL; the file name when absent."),
    Field("short_name", I18N_TEXT, "Acronym or short form (`IOM`), also accepted as a reference."),
    Field(
        "other_names",
        LIST,
        "Further names updates may use for this entry (old usernames, acronyms).",
        aliases=("aliases",),
    ),
    Field("role", I18N_TEXT, "A person's role, or a partner's one-line description.", aliases=("description",)),
    Field("photo", IMAGE, "Portrait or logo: `src`, `alt`.", aliases=("logo", "image")),
    Field("url", TEXT, "Website.", aliases=("website",)),
    Field("links", LINKS, "Further links: `{label: url}`."),
    Field("lang", TEXT, "Language of the body text; the default language when absent."),
)

# Static pages (About...): content/pages/
PAGE_FIELDS = tuple(
    # Pelican knows no scheduled page: it would drop one with a log line of its own.
    replace(f, doc="`published` (default) or `draft` (never published).", choices=("published", "draft"))
    if f.name == "status"
    else f
    for f in FIELDS
    if f.name in {"title", "date", "updated", "slug", "lang", "translation_key", "summary", "status", "original_hash"}
)

SCHEMAS = {"update": FIELDS, "entity": ENTITY_FIELDS, "page": PAGE_FIELDS}

# Archive keys that carry no meaning for the site; read silently and dropped.
IGNORED_LEGACY_KEYS = frozenset({"layout", "is_image_top_aligned"})


def fold(key):
    """`Feature Image`, `feature-image` and `feature_image` are the same key."""
    return str(key).strip().lower().replace(" ", "_").replace("-", "_")


def _spellings(fields):
    table = {}
    for f in fields:
        table[f.name] = f
        for alias in f.aliases:
            table[alias] = f
    return table


_SPELLINGS = {name: _spellings(fields) for name, fields in SCHEMAS.items()}


def lookup(schema_name, key):
    """The field a front-matter key stands for in that schema, or None if unknown."""
    return _SPELLINGS[schema_name].get(fold(key))


def known_keys(schema_name):
    """Every spelling the schema accepts, folded (for suggestions on typos)."""
    return sorted(_SPELLINGS[schema_name])
