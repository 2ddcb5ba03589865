"""Old addresses redirect to the update's page; unsafe or taken ones are reported, never written."""

import re

SITE = "https://hub.example.org"
LEGACY = """---
title: Collaborating with IOM
date: 2017-06-09 11:12:52 Z
permalink: updates/2017-06-09_collaborating_with_iom
---
Text.
"""


def refresh_target(html):
    return re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)


def test_archive_permalinks_and_aliases_redirect(build_site):
    site = build_site({
        "updates/en/2017-06-09-collaborating-with-iom.md": LEGACY,
        "updates/en/b.md": "---\ntitle: B <b>\ndate: 2020-01-01\naliases: [/old/b.html, /updates/b-old/]\n---\nB.\n",
    }, SITEURL=SITE)
    old = site.page("/updates/2017-06-09_collaborating_with_iom/")
    assert refresh_target(old) == f"{SITE}/updates/collaborating-with-iom/"
    assert f'<link rel="canonical" href="{SITE}/updates/collaborating-with-iom/">' in old
    assert site.exists("/updates/collaborating-with-iom/")
    assert refresh_target(site.page("/old/b.html")) == f"{SITE}/updates/b/"
    assert "B &lt;b&gt;" in site.page("/updates/b-old/")
    assert site.findings == []
    assert (site.output / "_redirects").read_text(encoding="utf-8").splitlines() == [
        "/old/b.html /updates/b/ 301", "/updates/2017-06-09_collaborating_with_iom/ /updates/collaborating-with-iom/ 301",
        "/updates/b-old/ /updates/b/ 301"]


def test_unsafe_and_taken_addresses_are_reported_and_not_written(build_site, tmp_path):
    site = build_site({
        "updates/en/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nA.\n",
        "updates/en/b.md": ("---\ntitle: B\ndate: 2020-01-02\naliases: ['../../escape', 'https://evil.example/x', "
                            "'/updates/a/', '/updates/b/']\n---\nB.\n"),
    })
    assert sorted((f.code, f.line) for f in site.findings) == [("E-ALIAS", 4), ("E-ALIAS", 4), ("W-ALIAS-TAKEN", 4)]
    assert not (tmp_path / "escape").exists() and not (tmp_path / "output" / "escape").exists()
    assert "<h1>A</h1>" in site.page("/updates/a/")
