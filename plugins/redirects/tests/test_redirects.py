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
    site = build_site(
        {
            "updates/en/2017-06-09-collaborating-with-iom.md": LEGACY,
            "updates/en/b.md": (
                "---\ntitle: B <b>\ndate: 2020-01-01\naliases: [/old/b.html, /updates/b-old/]\n---\nB.\n"
            ),
        },
        SITEURL=SITE,
    )
    old = site.page("/updates/2017-06-09_collaborating_with_iom/")
    assert refresh_target(old) == f"{SITE}/updates/collaborating-with-iom/"
    assert f'<link rel="canonical" href="{SITE}/updates/collaborating-with-iom/">' in old
    assert site.exists("/updates/collaborating-with-iom/")
    assert refresh_target(site.page("/old/b.html")) == f"{SITE}/updates/b/"
    assert "B &lt;b&gt;" in site.page("/updates/b-old/")
    assert site.findings == []
    assert (site.output / "_redirects").read_text(encoding="utf-8").splitlines() == [
        "/old/b.html /updates/b/ 301",
        "/updates/2017-06-09_collaborating_with_iom/ /updates/collaborating-with-iom/ 301",
        "/updates/b-old/ /updates/b/ 301",
    ]


def test_unsafe_and_taken_addresses_are_reported_and_not_written(build_site, tmp_path):
    site = build_site(
        {
            "updates/en/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nA.\n",
            "updates/en/b.md": (
                "---\ntitle: B\ndate: 2020-01-02\naliases: ['../../escape', 'https://evil.example/x', "
                "'/updates/a/', '/updates/b/']\n---\nB.\n"
            ),
        }
    )
    assert sorted((f.code, f.line) for f in site.findings) == [("E-ALIAS", 4), ("E-ALIAS", 4), ("E-ALIAS-TAKEN", 4)]
    assert not (tmp_path / "escape").exists() and not (tmp_path / "output" / "escape").exists()
    assert "<h1>A</h1>" in site.page("/updates/a/")


# Paths another output of the site writes, or needs as a folder, or fills.
TAKEN = [
    "/theme/css/site.css",
    "/feeds/all.atom.xml",
    "/robots.txt",
    "/sitemap.xml",
    "/pagefind/pagefind.js",
    "/_redirects",
    "/es/",
    "/people/",
    "/404.html",
    "/es/feeds/",
    "/page/2/",
    "/archives/2020/",
    "/search/",
    "/editors/translations/",
    "/images/sized/x.webp",
    "/images/a.png",
    "/updates/a/",
]


def test_an_old_address_never_takes_a_path_another_output_writes(build_site):
    aliases = "".join(f"  - {address}\n" for address in TAKEN)
    site = build_site(
        {
            "updates/en/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nA.\n",
            "updates/en/b.md": f"---\ntitle: B\ndate: 2020-01-02\naliases:\n{aliases}---\nB.\n",
            "images/a.png": b"not really a png",
        }
    )
    taken = {f.message.split("'")[1]: f for f in site.findings if f.code == "E-ALIAS-TAKEN"}
    assert sorted(taken) == sorted(TAKEN), [str(f) for f in site.findings]
    assert "taken by the theme's files" in taken["/theme/css/site.css"].message
    assert "taken by images/a.png" in taken["/images/a.png"].message
    assert (site.output / "theme/css/site.css").is_file() and (site.output / "robots.txt").is_file()
    assert (site.output / "_redirects").read_text(encoding="utf-8") == ""


def test_an_old_address_that_needs_another_as_a_folder_or_is_too_long_is_refused(build_site):
    site = build_site(
        {
            "updates/en/a.md": "---\ntitle: A\ndate: 2020-01-01\naliases: [/old/a.html]\n---\nA.\n",
            "updates/en/b.md": "---\ntitle: B\ndate: 2020-01-02\naliases: [/old/a.html/b/]\n---\nB.\n",
            "updates/en/c.md": f"---\ntitle: C\ndate: 2020-01-03\naliases: [/{'/'.join(['x' * 150] * 30)}/]\n---\nC.\n",
        }
    )
    assert sorted((f.code, f.path, f.message.split("'")[2]) for f in site.findings) == [
        ("E-ALIAS", "updates/en/c.md", " is not a path of this site"),
        ("E-ALIAS-TAKEN", "updates/en/b.md", " is taken by updates/en/a.md; it cannot redirect"),
    ]
    assert (site.output / "old/a.html").is_file()


def test_two_updates_with_one_old_address_are_both_named(build_site):
    site = build_site(
        {
            "updates/en/a.md": "---\ntitle: A\ndate: 2020-01-01\naliases: [/old/]\n---\nA.\n",
            "updates/en/b.md": "---\ntitle: B\ndate: 2020-01-02\naliases: [/old, /old/index.html]\n---\nB.\n",
        }
    )
    assert [(f.code, f.path, f.message) for f in site.findings] == [
        ("E-ALIAS-DUPLICATE", "updates/en/b.md", "the old address '/old' is already one of updates/en/a.md"),
        ("E-ALIAS-DUPLICATE", "updates/en/b.md", "the old address '/old/index.html' is already one of updates/en/a.md"),
    ]
    assert (site.output / "_redirects").read_text(encoding="utf-8") == "/old/ /updates/a/ 301\n"
