"""The hub's real archive posts (../shared/corpus/hot/), dropped unchanged into content/updates/."""

import html
import re

import pytest
import yaml

from conftest import shared

CORPUS = shared("corpus/hot")
POSTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".markdown"))


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import run_pelican, write_files

    tmp = tmp_path_factory.mktemp("corpus")
    write_files(tmp / "content", {f"updates/{p.name}": p.read_bytes() for p in POSTS})
    return run_pelican(tmp / "content", tmp / "output")


def test_the_sample_is_there():
    assert len(POSTS) >= 30


def test_no_post_fails_to_read(site):
    assert [str(f) for f in site.findings if f.severity == "error"] == []


@pytest.mark.parametrize("post", POSTS, ids=[p.stem[:60] for p in POSTS])
def test_every_published_post_has_its_page(site, post):
    meta = front_matter(post)
    slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", post.stem).lower()
    urls = [f"/{prefix}updates/{slug}/" for prefix in ("", "es/", "fr/", "pt/")]
    if meta.get("published") is False:
        assert not any(site.exists(url) for url in urls)
        return
    (url,) = [url for url in urls if site.exists(url)]
    page = html.unescape(site.page(url))
    assert f"<h1>{' '.join(str(meta['title']).split())}</h1>" in " ".join(page.split())
    archives = "".join(p.read_text(encoding="utf-8") for p in site.output.glob("**/archives/**/index.html"))
    assert f'href="{url}"' in archives


def test_a_post_linked_as_the_spanish_version_becomes_spanish_and_a_translation(site):
    spanish = "/es/updates/mapeo-humanitario-con-whatsapp-presentando-chatmap/"
    english = "/updates/humanitarian-mapping-with-whatsapp-introducing-chatmap/"
    assert '<html lang="es"' in site.page(spanish)
    assert f'hreflang="es" href="{spanish}"' in site.page(english)
    assert f'hreflang="en" href="{english}"' in site.page(spanish)


def test_the_archives_feeds_parse_and_point_at_written_pages(site):
    import feedparser

    feeds = sorted(site.output.rglob("*.atom.xml")) + sorted(site.output.rglob("*.rss.xml"))
    assert len(feeds) > 20
    base = site.settings["FEED_SITEURL"]
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        for entry in parsed.entries:
            assert site.exists(entry.link.removeprefix(base)), entry.link
    main = feedparser.parse((site.output / "feeds/all.atom.xml").read_bytes())
    assert len(main.entries) == 20


def test_every_published_posts_old_permalink_redirects_to_its_page(site):
    checked = 0
    for post in POSTS:
        meta = front_matter(post)
        if meta.get("published") is False or not meta.get("permalink"):
            continue
        old = site.page("/" + str(meta["permalink"]).strip("/") + "/")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', old).group(1)
        assert site.exists(target), (post.name, target)
        checked += 1
    assert checked == 2  # the sample's posts with a permalink
