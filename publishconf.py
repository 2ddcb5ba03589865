"""Production settings: everything from pelicanconf.py, less what differs when publishing."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

# Absolute URLs for feeds, canonical links and sharing cards.
SITEURL = os.environ.get("SITEURL", "https://updates.example.org")
FEED_SITEURL = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# Any content error fails the publish build (warnings do not: the archive has many).
STRICT_CONTENT = True

# Drafts are previewed while developing, never published.
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""  # pages have drafts of their own (Pelican: drafts/pages/)
SHOW_DRAFTS = False
