"""Sharing cards, canonical URLs, JSON-LD and robots.txt: absolute, escaped, per language."""

import json
import re

SITE = "https://hub.example.org"
FILES = {
    "people/ana.md": "---\nname: Ana Gómez\n---\n",
    "images/map.png": b"\x89PNG\r\n\x1a\n",
    "updates/en/a.md": (
        "---\ntitle: 'Maps </script><b>'\ndate: 2021-01-01\ntranslation_key: a\npersons: [Ana Gómez]\n"
        "summary: Volunteers mapped roads.\nfeature_image: {src: /images/map.png, alt: A map}\n"
        "---\nText.\n"
    ),
    "updates/es/a.md": "---\ntitle: Mapas\ndate: 2021-01-02\ntranslation_key: a\n---\nTexto.\n",
}


def meta(html):
    return dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html))


def test_an_update_has_its_card_canonical_url_and_news_article(build_site):
    site = build_site(FILES, SITEURL=SITE, FEED_SITEURL=SITE)
    html = site.page("/updates/a/")
    tags = meta(html)
    assert f'<link rel="canonical" href="{SITE}/updates/a/">' in html
    assert tags["og:url"] == f"{SITE}/updates/a/" and tags["og:type"] == "article"
    assert tags["og:image"] == f"{SITE}/images/map.png" and tags["og:image:alt"] == "A map"
    assert tags["og:locale"] == "en_US" and tags["og:locale:alternate"] == "es_ES"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:description"] == "Volunteers mapped roads."
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</script><b>" not in block  # the title cannot close the script
    data = json.loads(block)
    assert data["@type"] == "NewsArticle" and data["headline"] == "Maps </script><b>"
    assert data["author"] == [{"@type": "Person", "name": "Ana Gómez", "url": f"{SITE}/people/ana/"}]
    assert data["publisher"]["name"] == "Open Mapping Hub" and data["image"] == f"{SITE}/images/map.png"
    assert meta(site.page("/es/updates/a/"))["og:locale"] == "es_ES"


def test_other_pages_are_websites_and_robots_points_at_the_sitemap(build_site):
    site = build_site(FILES, SITEURL=SITE, FEED_SITEURL=SITE)
    tags = meta(site.page("/es/"))
    assert tags["og:type"] == "website" and tags["twitter:card"] == "summary" and tags["og:url"] == f"{SITE}/es/"
    robots = (site.output / "robots.txt").read_text(encoding="utf-8")
    assert "Disallow: /editors/translations/" in robots and f"Sitemap: {SITE}/sitemap.xml" in robots
