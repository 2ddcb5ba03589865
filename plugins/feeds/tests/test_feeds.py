"""Every feed the build writes: valid per its specification, parsed by feedparser, links that exist."""

import json
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import feedparser
import pytest

from hubcore.settings import SettingsError

SITE = "https://hub.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
PEOPLE = {"people/ana-gomez.md": "---\nname: Ana Gómez\n---\n", "partners/iom.md": "---\nname: IOM\n---\n"}


def update(title, date, lang="en", key=None, body="Body text.", **fields):
    lines = (
        [f"title: {json.dumps(title, ensure_ascii=False)}", f"date: {date}", f"lang: {lang}"]
        + ([f"translation_key: {key}"] if key else [])
        + [f"{k}: {v}" for k, v in fields.items()]
    )
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


FILES = {
    **PEOPLE,
    "images/map.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
    "updates/en/first.md": update(
        "First & <script>alert(1)</script> 🦄",
        "2021-12-02T10:00:00Z",
        key="first",
        persons="[Ana Gómez]",
        partners="[IOM]",
        tags="[floods, data]",
        summary="A summary with [a link](/updates/second/).",
        feature_image="{src: /images/map.png, alt: A map}",
        body="Text\x07 with a bell, and [a link](/updates/second/).",
    ),
    "updates/en/second.md": update(
        "Second", "2021-11-01T10:00:00Z", persons="[Ana Gómez]", tags="[floods]", updated="2022-01-05T08:00:00Z"
    ),
    "updates/es/primero.md": update("Primero", "2021-12-03T10:00:00Z", lang="es", key="first", persons="[Ana Gómez]"),
    "updates/en/draft.md": update("Secret draft", "2021-12-04", status="draft", tags="[floods]"),
    "updates/en/future.md": update("From the future", "2999-01-01", status="scheduled", tags="[floods]"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import run_pelican, write_files

    root = tmp_path_factory.mktemp("feeds")
    write_files(root / "content", FILES)
    return run_pelican(root / "content", root / "output", SITEURL=SITE, FEED_SITEURL=SITE)


def feeds(site):
    return sorted(p for p in site.output.rglob("*") if p.name.endswith((".atom.xml", ".rss.xml")))


def local(site, url):
    """The output file an absolute URL of the site names."""
    assert url.startswith(SITE + "/"), url
    path = site.output / url[len(SITE) + 1 :]
    return path / "index.html" if url.endswith("/") else path


def test_the_expected_feeds_are_written(site):
    names = {str(p.relative_to(site.output)) for p in feeds(site)}
    for prefix in ("", "es/", "fr/", "pt/"):
        assert {f"{prefix}feeds/all.atom.xml", f"{prefix}feeds/all.rss.xml"} <= names
        assert (site.output / f"{prefix}feeds/all.json").is_file()
    assert {
        "feeds/tags/floods.atom.xml",
        "feeds/people/ana-gomez.rss.xml",
        "feeds/partners/iom.atom.xml",
        "es/feeds/people/ana-gomez.atom.xml",
    } <= names
    assert "es/feeds/tags/floods.atom.xml" not in names  # no Spanish update is tagged floods


def test_every_feed_parses_with_its_language_and_links_that_exist(site):
    for path in feeds(site):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        lang = "en" if path.relative_to(site.output).parts[0] == "feeds" else path.relative_to(site.output).parts[0]
        assert parsed.feed.get("language") == lang or parsed.feed.get("title_detail", {}).get("language") == lang
        for entry in parsed.entries:
            assert local(site, entry.link).is_file(), entry.link
            assert "Secret draft" not in entry.title and "future" not in entry.title
        self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
        assert local(site, self_link) == path


def test_main_feeds_hold_the_languages_published_updates_newest_first(site):
    english = feedparser.parse((site.output / "feeds/all.atom.xml").read_bytes())
    assert [e.title for e in english.entries] == ["First & <script>alert(1)</script> 🦄", "Second"]
    assert [e.link for e in english.entries] == [f"{SITE}/updates/first/", f"{SITE}/updates/second/"]
    spanish = feedparser.parse((site.output / "es/feeds/all.rss.xml").read_bytes())
    assert [e.title for e in spanish.entries] == ["Primero"]
    tag = feedparser.parse((site.output / "feeds/tags/floods.rss.xml").read_bytes())
    assert [e.title for e in tag.entries] == ["First & <script>alert(1)</script> 🦄", "Second"]


def test_items_carry_summary_content_image_people_tags_and_dates(site):
    entry = feedparser.parse((site.output / "feeds/all.atom.xml").read_bytes()).entries[0]
    assert entry.summary.startswith("<p>A summary with") and f'href="{SITE}/updates/second/"' in entry.summary
    content = entry.content[0].value
    assert re.match(
        rf'<p><img (alt="A map" src="{SITE}/images/map.png"|src="{SITE}/images/map.png" alt="A map") ?/?>', content
    ), content
    assert "\x07" not in content and "with a bell" in content
    assert [(a.name, a.href) for a in entry.authors] == [("Ana Gómez", f"{SITE}/people/ana-gomez/")]
    assert [t.term for t in entry.tags] == ["floods", "data"]
    assert entry.published == "2021-12-02T10:00:00+00:00"
    (enclosure,) = [link for link in entry.links if link.rel == "enclosure"]
    assert (enclosure.href, enclosure.type, enclosure.length) == (f"{SITE}/images/map.png", "image/png", "108")
    rss_item = feedparser.parse((site.output / "feeds/all.rss.xml").read_bytes()).entries[0]
    assert rss_item.enclosures[0].href == f"{SITE}/images/map.png" and rss_item.enclosures[0].length == "108"
    second = feedparser.parse((site.output / "feeds/all.atom.xml").read_bytes()).entries[1]
    assert second.updated == "2022-01-05T08:00:00+00:00"


def test_atom_has_what_rfc_4287_requires(site):
    for path in site.output.rglob("*.atom.xml"):
        root = ET.parse(path).getroot()
        for required in ("id", "title", "updated", "author/" + ATOM + "name"):
            assert root.find(ATOM + required) is not None, (path, required)
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang")
        for entry in root.findall(ATOM + "entry"):
            assert re.match(r"^tag:[^,]+,\d{4}:\S+$", entry.findtext(ATOM + "id"))
            assert entry.findtext(ATOM + "title") and entry.findtext(ATOM + "updated")
            assert entry.find(ATOM + "link[@rel='alternate']").get("href").startswith(SITE)


def test_rss_has_what_rss_2_requires(site):
    for path in site.output.rglob("*.rss.xml"):
        channel = ET.parse(path).getroot().find("channel")
        assert all(channel.findtext(name) for name in ("title", "link", "description", "language")), path
        for item in channel.findall("item"):
            assert item.findtext("guid").startswith("tag:") and item.find("guid").get("isPermaLink") == "false"
            assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None


def test_json_feed(site):
    feed = json.loads((site.output / "feeds/all.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["language"] == "en"
    assert feed["feed_url"] == f"{SITE}/feeds/all.json"
    first = feed["items"][0]
    assert first["id"] == "tag:hotosm.org,2010:updates/first/en" and first["url"] == f"{SITE}/updates/first/"
    assert first["image"] == f"{SITE}/images/map.png" and first["authors"][0]["name"] == "Ana Gómez"
    assert first["summary"] == "A summary with a link."


def test_pages_announce_their_feeds_and_each_language_has_a_subscribe_page(site):
    def announced(url):
        return re.findall(
            r'<link rel="alternate" type="(application/[a-z+]+)" title="[^"]*" href="([^"]+)">', site.page(url)
        )

    assert ("application/atom+xml", f"{SITE}/es/feeds/all.atom.xml") in announced("/es/updates/primero/")
    tag_page = announced("/tags/floods/")
    assert ("application/rss+xml", f"{SITE}/feeds/tags/floods.rss.xml") in tag_page
    assert ("application/feed+json", f"{SITE}/feeds/all.json") in tag_page
    assert ("application/atom+xml", f"{SITE}/feeds/people/ana-gomez.atom.xml") in announced("/people/ana-gomez/")
    subscribe = site.page("/es/feeds/")
    assert "Suscribirse" in subscribe and f"{SITE}/es/feeds/all.atom.xml" in subscribe
    assert f'href="{SITE}/es/feeds/people/ana-gomez.rss.xml"' in subscribe
    assert 'href="https://hub.example.org/es/feeds/"' in site.page("/es/")


def test_ids_survive_a_slug_change(build_site):
    files = {**PEOPLE, "updates/en/a.md": update("A", "2021-01-01", key="stable")}
    before = feedparser.parse((build_site(files, SITEURL=SITE).output / "feeds/all.atom.xml").read_bytes())
    files["updates/en/a.md"] = update("A renamed", "2021-01-01", key="stable", slug="a-new-slug")
    after = feedparser.parse((build_site(files, SITEURL=SITE).output / "feeds/all.atom.xml").read_bytes())
    assert before.entries[0].link != after.entries[0].link
    assert before.entries[0].id == after.entries[0].id == "tag:hotosm.org,2010:updates/stable/en"


def test_feeds_hold_the_latest_twenty_by_default_and_more_when_set(build_site):
    files = {f"updates/en/u{n:02}.md": update(f"U{n:02}", f"2020-01-{n + 1:02}") for n in range(25)}
    site = build_site(files, SITEURL=SITE)
    assert len(feedparser.parse((site.output / "feeds/all.rss.xml").read_bytes()).entries) == 20
    site = build_site(files, SITEURL=SITE, FEED_MAX_ITEMS=30)
    assert len(feedparser.parse((site.output / "feeds/all.rss.xml").read_bytes()).entries) == 25


def test_right_to_left_titles_survive(build_site):
    files = {"updates/en/a.md": update("خريطة مفتوحة للجميع", "2021-01-01")}
    entry = feedparser.parse((build_site(files, SITEURL=SITE).output / "feeds/all.atom.xml").read_bytes()).entries[0]
    assert entry.title == "خريطة مفتوحة للجميع"


def test_a_relative_site_url_stops_the_build_with_a_clear_message(build_site):
    with pytest.raises(SettingsError, match="FEED_SITEURL is '/preview': feeds need an absolute site URL"):
        build_site({}, SITEURL="/preview", FEED_SITEURL="")


def test_a_huge_text_is_carried_by_its_summary_alone(build_site):
    body = "A long report. " * 400
    files = {
        "updates/en/big.md": f"---\ntitle: Big\ndate: 2021-01-01\nsummary: The short of it.\n---\n{body}\n",
        "updates/en/small.md": "---\ntitle: Small\ndate: 2021-01-02\n---\nAll of it.\n",
    }
    site = build_site(files, SITEURL=SITE, FEED_CONTENT_MAX_BYTES=2000)
    entries = {e.title: e for e in feedparser.parse((site.output / "feeds/all.atom.xml").read_bytes()).entries}
    assert entries["Big"].content[0].value == "<p>The short of it.</p>"
    assert "All of it." in entries["Small"].content[0].value
    assert "A long report." in site.page("/updates/big/")
