"""A real feed reader (Debian's newsboat, installed by .ci/run) reads every feed of a site."""

import os

import pytest

from feeds import newsboat
from feeds.tests.test_feeds import FILES, SITE

# .ci/run installs newsboat and sets this, so CI never skips this test.
if not newsboat.available() and not os.environ.get("REQUIRE_FEED_READER"):
    pytest.skip("newsboat is not installed (apt-get install newsboat)", allow_module_level=True)


def test_newsboat_shows_each_feed_with_its_items(build_site, tmp_path):
    site = build_site(FILES, SITEURL=SITE, FEED_SITEURL=SITE)
    paths = sorted(p for p in site.output.rglob("*") if p.name.endswith((".atom.xml", ".rss.xml")))
    shown = {path: newsboat.read(path, tmp_path / "newsboat") for path in paths}
    for path, (title, items) in shown.items():
        assert title.startswith("Open Mapping Hub · "), path
        assert items or path.relative_to(site.output).parts[0] in ("fr", "pt"), path  # no French update yet
        assert all(url.startswith(SITE + "/") for _, _, url, _, _ in items), path
    for name in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        title, items = shown[site.output / name]
        assert title == "Open Mapping Hub · English"
        assert [item[:3] for item in items] == [
            ("First & <script>alert(1)</script> 🦄", "Ana Gómez", f"{SITE}/updates/first/"),
            ("Second", "Ana Gómez", f"{SITE}/updates/second/"),
        ]
    assert [item[0] for item in shown[site.output / "es/feeds/all.rss.xml"][1]] == ["Primero"]
