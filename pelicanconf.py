"""Development settings: `./dev build` and `./dev serve` use these.

publishconf.py imports everything here and overrides only what differs in
production. Plugin settings not named here take the defaults documented in
plugins/hubcore/settings.py.
"""

import sys
from pathlib import Path

# The plugins share helpers in plugins/hubcore, so that folder must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parent / "plugins"))

SITENAME = "Open Mapping Hub"
SITEURL = ""
SITE_DESCRIPTION = {
    "en": "News and partnership updates from the humanitarian open mapping hub.",
    "es": "Noticias y novedades de alianzas del hub de mapeo abierto humanitario.",
    "fr": "Actualités et partenariats du hub de cartographie ouverte humanitaire.",
    "pt": "Notícias e parcerias do hub de mapeamento aberto humanitário.",
}

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "UTC"

# One table drives <html lang dir>, URL prefixes, the language menu and the
# Babel locale used for dates and UI strings. Adding a language (even a
# right-to-left one) is one line here plus its message catalog.
DEFAULT_LANG = "en"
LANGUAGES = {
    "en": {"name": "English", "locale": "en", "dir": "ltr"},
    "es": {"name": "Español", "locale": "es", "dir": "ltr"},
    "fr": {"name": "Français", "locale": "fr", "dir": "ltr"},
    "pt": {"name": "Português", "locale": "pt", "dir": "ltr"},
}

PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    # Reads YAML front matter (clean schema and the archive's legacy spelling).
    "front_matter",
    # Every change to Pelican's own code, for speed (faster functions, reading in several processes, the writer
    # the incremental rebuilds build on). Checks the Pelican version it was written for. Leave it out and the
    # site is built by plain Pelican, the same to the byte, more slowly. After front_matter: its handlers that
    # prepare the read-ahead's workers run first.
    "engine",
    # Babel: UI strings from theme/translations, localized dates and numbers.
    "i18n",
    # Validation: checks needing every document; prints all findings grouped by file. Before
    # `translations`, so the archive's duplicate posts are dropped before translations are linked.
    "validation",
    # Links translations by key, by the archive's body links, or by shared slug.
    "translations",
    # People, partners, working groups, projects, countries and tags as pages.
    "directory",
    # A world map on the countries index and a locator map on each country's page (inline SVG from Natural
    # Earth); reports country names it does not know, so `./dev check` runs it too.
    "maps",
    # Per-language home pages with pagination and yearly archives.
    "language_pages",
    # Editors' page and `invoke translations-status`: missing and outdated translations.
    "translation_status",
    # Atom, RSS and JSON feeds per language, tag, person and partner; "Subscribe" pages.
    "feeds",
    # Local feature images and entries' photos resized to a few widths, WebP and their own format.
    "images",
    # The stylesheet: colours, type scale and spacing from THEME_COLORS and THEME_SCALE, then the theme's rules.
    "identity",
    # Each language's search page; Pagefind indexes the written update pages.
    "search",
    # Canonical URLs, Open Graph and Twitter cards, JSON-LD, robots.txt.
    "sharing",
    # Old addresses (`aliases`, the archive's `permalink`) redirect to the update.
    "redirects",
    # sitemap.xml with every page's language alternates.
    "sitemap",
    # Rebuilds render only the pages whose inputs changed and write only the files whose bytes did.
    "incremental",
    # The web editor at /admin/ (Decap CMS, configured from the front-matter schema): writes only admin/, and
    # only renders, so `./dev check` leaves it out.
    "editor",
]

# Only the front-matter reader reads content (front_matter plugin): Pelican's reStructuredText and HTML readers
# would publish `.rst` and `.html` files unchecked and unsanitized (`.. include::` reads any file of the machine).
# Such a file in content/ is named in E-NOT-PUBLISHED.
READERS = {"rst": None, "html": None, "htm": None}

# Updates are articles; people and partners live in their own folders and are
# read by the directory plugin, so articles and pages must not pick them up.
ARTICLE_PATHS = ["updates"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "uploads"]

# Translations are grouped by a key every document gets from the reader,
# because a translation usually has a slug of its own.
ARTICLE_TRANSLATION_ID = "translation_key"
PAGE_TRANSLATION_ID = "translation_key"

# The default language lives at the root (as the archive's /updates/<slug>/
# did); every other language under its own prefix.
ARTICLE_URL = "updates/{slug}/"
ARTICLE_SAVE_AS = "updates/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/updates/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/updates/{slug}/index.html"
# Drafts are written (and listed on the home pages) only in this development build.
SHOW_DRAFTS = True
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_LANG_URL = "{lang}/drafts/{slug}/"
DRAFT_LANG_SAVE_AS = "{lang}/drafts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"

# Pelican's own list pages are language-blind; the plugins write per-language
# ones instead, so switch Pelican's off.
DIRECT_TEMPLATES = []
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DEFAULT_CATEGORY = "updates"
# The reader takes a Jekyll file name's date itself, and reports an impossible one (E-DATE); Pelican's own
# parse of `2021-02-30-x.md` would stop on it and drop the file.
FILENAME_METADATA = ""
USE_FOLDER_AS_CATEGORY = False

# Feeds are per language and come from their own plugin; none from Pelican.
# Feed readers need absolute links: while developing, the address `./dev serve` serves.
FEED_SITEURL = "http://127.0.0.1:8000"
FEED_MAX_ITEMS = 20  # Pelican's own setting (default 100); the latest 20 in every feed
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "entity": None, "archive": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Escape every value in templates; bodies and summaries (HTML already) are marked `| safe` where shown.
# No auto_reload: each build is a new process (`./dev serve` too), so Jinja need not check a template file's
# date at each include (66,000 includes at 1,000 updates).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "auto_reload": False}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
SUMMARY_MAX_LENGTH = 40

# The archive's feature images and body images point at /uploads/... on the
# old site; any that are not in content/uploads/ are served from there.
LEGACY_UPLOADS_URL = "https://www.hotosm.org"

# Future-dated updates wait until their date (`status: scheduled`).
WITH_FUTURE_DATES = False

RELATIVE_URLS = False
# Keep output/ between development builds: emptying and refilling thousands of folders took half of a
# rebuild (bench/README.md). A deleted update's page stays in output/ until `./dev clean`; `./dev publish`
# always builds into a fresh folder.
DELETE_OUTPUT_DIRECTORY = False
# Reuse each unchanged file's reading (YAML and Markdown) from the last build; the front_matter plugin keeps
# the cache in a folder named after its code and settings, and reports cached files' problems again.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "mtime"
# Pelican rewrites the whole cache after a build that read a file: uncompressed, saving and loading it take a
# fifth of the time, for four times the disk (bench/README.md).
GZIP_CACHE = False
