"""A build's own state: what the plugins learn and keep during one build, in one object the build owns.

It hangs on the build's settings under one key (Pelican gives every handler
the settings, or something that holds them), so it never counts as a setting:
the incremental digest of the site leaves that key out, and nothing else
(plugins/incremental/fingerprint.py). A run of the build (again, under
autoreload) starts `new_run`, which forgets what the last run found.
"""

from dataclasses import dataclass, field

KEY = "HUB_BUILD"


@dataclass
class Build:
    # Kept for the life of the build
    live: bool = False  # `./dev serve`'s builder: the site stays in memory to take edits (workflow/live.py)
    catalogs: dict = field(default_factory=dict)  # lang -> compiled UI strings (i18n)
    # A run's
    findings: list = field(default_factory=list)  # hubcore.findings
    fresh_reads: set = field(default_factory=set)  # files read, not taken from the reader cache (front_matter)
    inventory: object = None  # content/'s files (hubcore.inventory)
    images_encoded: int = 0  # image variants encoded, not taken from the cache (images)
    sitemap_pages: list = field(default_factory=list)  # (url, lastmod, hreflang links) of each page (sitemap)
    writer: object = None  # the incremental writer, whose manifest is saved when the run completes
    pagefind_runs: list = field(default_factory=list)  # the run's Pagefind runs (search)
    indexing: object = None  # the index being made (search)
    cards: dict = field(default_factory=dict)  # each update's card as a list shows it (engine/fragments.py)

    def new_run(self):
        keep = {"live": self.live, "catalogs": self.catalogs, "indexing": self.indexing}
        self.__init__(**keep)


def settle_pages(settings):
    """Every page the run's writer was given is on disk: the engine's renders them later, in several processes
    (engine/parallel.py), and the run's last steps (its report, which may stop it; its manifest) come after."""
    writer = of(settings).writer
    if writer is not None:
        writer.settle()


def of(settings):
    """The build's state (made at its first use). `settings` may be the build's settings or a context made from
    them: both hold the one object."""
    build = settings.get(KEY)
    if build is None:
        build = settings[KEY] = Build()
    return build


def new_run(pelican):
    of(pelican.settings).new_run()
