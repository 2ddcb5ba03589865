"""Every plugin setting's default, in one place.

Each plugin connects `apply_defaults` to Pelican's `initialized` signal, so a
site's pelicanconf.py only names what it changes. The settings are checked
here too, so a mistake names the setting instead of failing deep in a build.
"""

import copy
import zoneinfo

from .errors import SettingsError  # noqa: F401  (raised here; the plugins' tests and callers import it from here)

DEFAULTS = {
    # code -> name (in its own language), Babel locale, text direction.
    "LANGUAGES": {"en": {"name": "English", "locale": "en", "dir": "ltr"}},
    "SITE_DESCRIPTION": {},
    # Reader: file extensions it takes over from Pelican's Markdown reader.
    "FRONT_MATTER_EXTENSIONS": ["md", "markdown", "mkd", "mdown"],
    # Archive posts point at /uploads/... on the old site; where the file is
    # not in content/, the URL is resolved against this (empty: left as is).
    "LEGACY_UPLOADS_URL": "",
    # Jekyll's post template wrote `categories: jekyll update` on many posts:
    # these legacy categories carry no meaning and do not become tags.
    "LEGACY_IGNORED_CATEGORIES": ["jekyll", "update", "updates"],
    # Defuse raw HTML in bodies (scripts, on*= handlers, javascript: links); iframes only from these
    # hosts and their subdomains (the archive's embeds). A file may opt out with `raw_html: true`.
    "SANITIZE_HTML": True,
    "SANITIZE_IFRAME_HOSTS": [
        "www.youtube.com",
        "www.youtube-nocookie.com",
        "player.vimeo.com",
        "umap.openstreetmap.fr",
        "overpass-turbo.eu",
        "docs.google.com",
    ],
    # Repair mojibake (UTF-8 read as Latin-1 or Mac Roman) in legacy posts
    # when rendering; the source file is never changed.
    "LEGACY_REPAIR_MOJIBAKE": True,
    # Things updates refer to, each with its own pages in every language:
    # front-matter field -> content folder (None: no files, names only) and URL.
    "DIRECTORY_KINDS": {
        "persons": {"path": "people", "url": "people/{slug}/"},
        "partners": {"path": "partners", "url": "partners/{slug}/"},
        "working_groups": {"path": "working-groups", "url": "working-groups/{slug}/"},
        "projects": {"path": "projects", "url": "projects/{slug}/"},
        "countries": {"path": None, "url": "countries/{slug}/"},
        "tags": {"path": None, "url": "tags/{slug}/"},
    },
    # An update with no `partners` key is listed with the partners its title names or its text links to
    # (directory/inference.py; a note for each, to confirm).
    "PARTNER_INFERENCE": True,
    # Kinds listed in the main navigation, in order.
    "NAV_KINDS": ["partners", "persons", "tags"],
    # Labels of the archive's body links to a translation, per target language.
    "TRANSLATION_LINK_LABELS": {
        "en": ["English version", "Version in English", "Versión en inglés", "Version anglaise", "Versão em inglês"],
        "es": [
            "Versión en español",
            "Spanish version",
            "Version in Spanish",
            "Version espagnole",
            "Versão em espanhol",
        ],
        "fr": [
            "Version française",
            "Version en français",
            "French version",
            "Version in French",
            "Versión en francés",
            "Versão em francês",
        ],
        "pt": [
            "Versão em português",
            "Portuguese version",
            "Version in Portuguese",
            "Versión en portugués",
            "Version portugaise",
        ],
    },
    # A translation key whose every version is a translation (`translation_of` set), with no original in any
    # language, is an error unless this is True.
    "TRANSLATIONS_ALLOW_ORPHANS": False,
    # Default-language updates with no translation, in another language's lists: "own" (left out),
    # "section" (home and directory pages offer them apart, "Also in English") or "mixed" (listed in
    # every list among the language's own updates, each marked with its language).
    "UNTRANSLATED_UPDATES": "section",
    # List drafts on each language's home page, marked (the development preview; never when publishing).
    "SHOW_DRAFTS": False,
    # How many updates the "Also in English" section shows.
    "UNTRANSLATED_SECTION_SIZE": 5,
    # The editors' translation status page (not linked from the site; empty: not written).
    "TRANSLATION_STATUS_URL": "editors/translations/",
    # Validation: how findings are printed when a build ends ("human", "github" annotations, "json"),
    # whether errors (and warnings, with STRICT_WARNINGS) fail the build, and codes not to report.
    "VALIDATION_FORMAT": "human",
    "STRICT_CONTENT": False,
    "STRICT_WARNINGS": False,
    "VALIDATION_IGNORE": [],
    # `./dev check`: build without rendering or writing anything, and without the plugins that only render
    # (they report nothing, and change nothing the others check).
    "HUB_CHECK_ONLY": False,
    "CHECK_LEAVES_OUT": [
        "i18n",
        "language_pages",
        "translation_status",
        "feeds",
        "search",
        "sharing",
        "sitemap",
        "incremental",
        "identity",
        "editor",
    ],
    # Files the reader cache lacks are read in this many processes (0: one per core), when there are at least
    # READ_IN_PARALLEL_FROM of them (engine/read_ahead.py).
    "READ_PROCESSES": 0,
    "READ_IN_PARALLEL_FROM": 100,
    # Pages are rendered in this many processes (0: one per core; 1: here, as Pelican does), in batches of
    # RENDER_BATCH pages, by as many processes as have RENDER_IN_PARALLEL_FROM pages each (engine/parallel.py).
    "RENDER_PROCESSES": 0,
    "RENDER_BATCH": 1000,
    "RENDER_IN_PARALLEL_FROM": 50,
    # Rebuilds skip pages whose inputs are unchanged since the last complete build (plugins/incremental).
    "INCREMENTAL_OUTPUT": True,
    # A build into a new folder links from this one (where the last build's files now are) each file it would
    # make the same, instead of making it again: `./dev publish` builds into a staging folder (incremental).
    "INCREMENTAL_FROM": "",
    # Content files: a warning above LARGE_CONTENT_BYTES (slow pages and feeds), an error above MAX_CONTENT_BYTES
    # (the file is not read: a 50 MB paste would take minutes and gigabytes to build).
    "LARGE_CONTENT_BYTES": 500_000,
    "MAX_CONTENT_BYTES": 2_000_000,
    # The longest a file's Markdown may take to read (E-TOO-COMPLEX): a guard against texts that would take hours.
    "MARKDOWN_SECONDS": 30,
    # The language of an update's text (front_matter/language.py): on or off, the confidence below which no
    # language is told, and the languages the site does not offer that it may still name (W-LANG-UNOFFERED).
    "LANGUAGE_DETECTION": True,
    "LANGUAGE_CONFIDENCE": 0.8,
    "LANGUAGE_DETECTION_OTHERS": ["de", "it", "nl", "id"],
    # Longest summary (characters of text) that lists and feeds show.
    "SUMMARY_MAX_CHARACTERS": 300,
    # A date this many days ahead, without `status: scheduled`, is an error (clocks and time zones differ).
    "FUTURE_DATE_GRACE_DAYS": 1,
    # Feeds: absolute base of their links (empty: SITEURL), folder, the kinds with feeds of their
    # own, and the start of every entry's id (a tag URI: never change it). Items per feed: Pelican's
    # own FEED_MAX_ITEMS (set in pelicanconf.py).
    "FEED_SITEURL": "",
    "FEED_FOLDER": "feeds/",
    "FEED_KINDS": ["tags", "persons", "partners"],
    "FEED_ID_PREFIX": "tag:hotosm.org,2010:",
    # An update whose text is longer than this (bytes of HTML) is carried in feeds by its summary alone.
    "FEED_CONTENT_MAX_BYTES": 100_000,
    # Search: each language's search page, whether Pagefind indexes the built site, and the most pages one
    # Pagefind run indexes (its memory grows with them: plugins/search/bundles.py, bench/README.md).
    "SEARCH_URL": "search/",
    "SEARCH_INDEX": True,
    "SEARCH_PAGES_PER_INDEX": 3000,
    # How many related updates (sharing tags or partners) each update shows.
    "RELATED_UPDATES": 3,
    # Local feature images: widths made (and the original's), encoder quality, output folder.
    "IMAGE_WIDTHS": [480, 960, 1440],
    "IMAGE_QUALITY": 80,
    "IMAGE_FOLDER": "images/sized/",
    # The site's look (plugins/identity): colours of the light and dark schemes, and the type scale, spaces and
    # widths, all written as CSS custom properties at the top of the stylesheet. Each scheme names the same
    # colours; text, muted and accent keep WCAG AA contrast on surface and soft, accent-text on accent, or the
    # build refuses them. `tone-N`: the cards of updates with no image, by their first tag; `map-N`: the world
    # map's shades, by number of updates.
    "THEME_COLORS": {
        "light": {
            "text": "#1d1d1f",
            "muted": "#55595f",
            "accent": "#b3261e",
            "accent-text": "#ffffff",
            "surface": "#ffffff",
            "soft": "#f3f4f6",
            "line": "#d9dbe0",
            "map-land": "#e3e5e8",
            "map-1": "#f4c7c2",
            "map-2": "#e58c82",
            "map-3": "#c94a3f",
            "map-4": "#8c1d16",
            "tone-1": "#2f6f8f",
            "tone-2": "#3d7a4f",
            "tone-3": "#8a5a2b",
            "tone-4": "#6b4c8a",
            "tone-5": "#b3261e",
            "tone-6": "#1f5f5b",
        },
        "dark": {
            "text": "#ececef",
            "muted": "#b4b7bd",
            "accent": "#ff8a80",
            "accent-text": "#1d1d1f",
            "surface": "#16171a",
            "soft": "#22242a",
            "line": "#3a3d44",
            "map-land": "#2c2f36",
            "map-1": "#5a2a27",
            "map-2": "#8f3b33",
            "map-3": "#d0574b",
            "map-4": "#ff8a80",
            "tone-1": "#24566f",
            "tone-2": "#2f5e3d",
            "tone-3": "#6b4622",
            "tone-4": "#523a6b",
            "tone-5": "#8c1d16",
            "tone-6": "#184a47",
        },
    },
    "THEME_SCALE": {
        "font-body": 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
        "step--1": "0.875rem",
        "step-0": "1rem",
        "step-1": "1.2rem",
        "step-2": "clamp(1.3rem, 3vw, 1.6rem)",
        "step-3": "clamp(1.6rem, 4vw, 2.2rem)",
        "space-1": "0.25rem",
        "space-2": "0.5rem",
        "space-3": "1rem",
        "space-4": "1.5rem",
        "space-5": "2.5rem",
        "radius": "6px",
        "measure": "42rem",
        "page-width": "72rem",
    },
    # Entries' photos (portraits, logos): widths made, for the small sizes they are shown at.
    "PHOTO_WIDTHS": [96, 192, 320],
    "LANG_ARCHIVES_URL": "archives/",
    "LANG_YEAR_ARCHIVE_URL": "archives/{year}/",
    # Maps (plugins/maps): the countries index's world map is 1000 units wide; a simplified border strays at most
    # MAP_SIMPLIFY_TOLERANCE units from Natural Earth's, and an island smaller than MAP_MIN_AREA square units is
    # left out (larger values: a lighter page, a coarser map). MAP_LEVELS: the fewest updates for each shade.
    "MAP_SIMPLIFY_TOLERANCE": 1.0,
    "MAP_MIN_AREA": 4,
    "MAP_LEVELS": [1, 3, 6, 10],
    # The web editor (plugins/editor, Decap CMS) at EDITOR_URL. In production it commits through EDITOR_BACKEND
    # ("github": with the editorial workflow, each saved draft is a branch and a pull request) to EDITOR_REPO
    # ("owner/name"; empty: set it in publishconf.py, or the hosted editor cannot start) on EDITOR_BRANCH;
    # EDITOR_AUTH_URL is the OAuth client's address (empty: Decap's default, Netlify's; docs/editing.md).
    # EDITOR_LOCAL_BACKEND: `./dev edit`'s decap-server, which Decap uses only on a page served from localhost
    # (empty: never). EDITOR_NODE_MODULES: where the pinned bundle is (empty: node_modules/ beside plugins/).
    "EDITOR_URL": "admin/",
    "EDITOR_BACKEND": "github",
    "EDITOR_REPO": "",
    "EDITOR_BRANCH": "main",
    "EDITOR_AUTH_URL": "",
    "EDITOR_LOCAL_BACKEND": "http://127.0.0.1:8081/api/v1",
    "EDITOR_NODE_MODULES": "",
}


def apply_defaults(pelican):
    """Fill in missing settings and check the ones that must agree."""
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, copy.deepcopy(value))
    check(settings)


def check(settings):
    check_languages(settings["LANGUAGES"], settings["DEFAULT_LANG"])
    try:
        zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"TIMEZONE {settings.get('TIMEZONE')!r} is not a time zone (such as 'UTC' or 'America/Bogota')"
        ) from None
    for name in (
        "LARGE_CONTENT_BYTES",
        "MAX_CONTENT_BYTES",
        "FEED_CONTENT_MAX_BYTES",
        "MARKDOWN_SECONDS",
        "READ_IN_PARALLEL_FROM",
        "RENDER_BATCH",
        "RENDER_IN_PARALLEL_FROM",
    ):
        if not isinstance(settings[name], int) or settings[name] < 1:
            raise SettingsError(f"{name} must be a whole number, 1 or more")
    for name in ("READ_PROCESSES", "RENDER_PROCESSES"):
        if not isinstance(settings[name], int) or settings[name] < 0:
            raise SettingsError(f"{name} must be a whole number of processes (0: one per core)")
    if settings["VALIDATION_FORMAT"] not in ("human", "github", "json"):
        raise SettingsError("VALIDATION_FORMAT must be 'human', 'github' or 'json'")
    if settings["UNTRANSLATED_UPDATES"] not in ("own", "section", "mixed"):
        raise SettingsError("UNTRANSLATED_UPDATES must be 'own', 'section' or 'mixed'")
    if not isinstance(settings["SEARCH_PAGES_PER_INDEX"], int) or settings["SEARCH_PAGES_PER_INDEX"] < 1:
        raise SettingsError("SEARCH_PAGES_PER_INDEX must be a whole number of pages, 1 or more")
    for kind, spec in settings["DIRECTORY_KINDS"].items():
        if "{slug}" not in spec.get("url", ""):
            raise SettingsError(f"DIRECTORY_KINDS[{kind!r}]['url'] must contain {{slug}}")


def check_languages(languages, default):
    if default not in languages:
        raise SettingsError(f"DEFAULT_LANG {default!r} is not a key of LANGUAGES ({', '.join(languages)})")
    for code, record in languages.items():
        missing = {"name", "locale", "dir"} - set(record)
        if missing:
            raise SettingsError(f"LANGUAGES[{code!r}] lacks {', '.join(sorted(missing))}")
        if record["dir"] not in ("ltr", "rtl"):
            raise SettingsError(f"LANGUAGES[{code!r}]['dir'] must be 'ltr' or 'rtl'")
