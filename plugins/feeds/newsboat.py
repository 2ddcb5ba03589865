"""Read feeds with a real feed reader: Debian's newsboat, non-interactively, from file:// URLs.

`newsboat -x reload` fetches a feed into its cache (SQLite); what it stored is
what its reader shows: the feed's title, then each item's title, author, link,
date and enclosure.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path


def available():
    return shutil.which("newsboat") is not None


def read(feed_path, workdir):
    """(feed title, [(title, author, url, unix date, enclosure url), ...]) as newsboat stores one feed.

    One feed per cache: newsboat keeps an item once per guid, and a site's
    feeds share their items' ids (the Atom and RSS feeds, a tag's feed...).
    """
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "urls").write_text(Path(feed_path).resolve().as_uri() + "\n", encoding="utf-8")
    (workdir / "config").write_text("", encoding="utf-8")
    cache = workdir / "cache.db"
    cache.unlink(missing_ok=True)
    subprocess.run(
        ["newsboat", "-u", str(workdir / "urls"), "-C", str(workdir / "config"), "-c", str(cache), "-x", "reload"],
        check=True,
        timeout=120,
        capture_output=True,
        env={**os.environ, "HOME": str(workdir)},
    )
    with sqlite3.connect(cache) as db:
        (title,) = db.execute("SELECT title FROM rss_feed").fetchone()
        items = db.execute(
            "SELECT title, author, url, pubDate, enclosure_url FROM rss_item ORDER BY pubDate DESC"
        ).fetchall()
    return title, items
