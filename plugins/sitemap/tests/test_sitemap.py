"""sitemap.xml: every public page, each with the same language alternates its own <head> shows."""

import re
import xml.etree.ElementTree as ET

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SITE = "https://hub.example.org"


def doc(title, lang, key, date="2021-12-02", status="published"):
    return f"---\ntitle: {title}\ndate: {date}\nlang: {lang}\ntranslation_key: {key}\nstatus: {status}\n---\nText.\n"


def sitemap(site):
    tree = ET.parse(site.output / "sitemap.xml")
    return {
        u.findtext("s:loc", namespaces=NS): {
            "lastmod": u.findtext("s:lastmod", namespaces=NS),
            "links": {a.get("hreflang"): a.get("href") for a in u.findall("x:link", NS)},
        }
        for u in tree.getroot().findall("s:url", NS)
    }


def head_links(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def local(url):
    return url.removeprefix(SITE)


def test_every_listed_page_exists_and_matches_its_head(build_site):
    site = build_site(
        {
            "updates/en/hub.md": doc("Hub", "en", "hub"),
            "updates/es/centro.md": doc("Centro", "es", "hub"),
            "updates/en/other.md": doc("Other", "en", "other", date="2020-05-01"),
            "updates/en/secret.md": doc("Secret", "en", "secret", status="draft"),
        },
        SITEURL=SITE,
        DEFAULT_PAGINATION=1,
    )
    pages = sitemap(site)
    assert f"{SITE}/updates/hub/" in pages and f"{SITE}/es/updates/centro/" in pages
    assert not any("secret" in loc or "/drafts/" in loc for loc in pages)
    for loc, entry in pages.items():
        assert site.exists(local(loc)), loc
        assert all(site.exists(local(href)) for href in entry["links"].values()), loc
        assert entry["links"] == head_links(site.page(local(loc))), loc
    hub = pages[f"{SITE}/updates/hub/"]
    assert hub["lastmod"] == "2021-12-02"
    assert hub["links"] == {
        "en": f"{SITE}/updates/hub/",
        "es": f"{SITE}/es/updates/centro/",
        "x-default": f"{SITE}/updates/hub/",
    }


def test_page_two_of_a_list_claims_no_equivalent_in_other_languages(build_site):
    site = build_site(
        {f"updates/en/u{n}.md": doc(f"U{n}", "en", f"u{n}") for n in range(3)}, SITEURL=SITE, DEFAULT_PAGINATION=1
    )
    assert head_links(site.page("/page/2/")) == {"en": f"{SITE}/page/2/", "x-default": f"{SITE}/page/2/"}
    assert head_links(site.page("/es/"))["x-default"] == f"{SITE}/"
