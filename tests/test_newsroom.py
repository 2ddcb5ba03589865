"""The newsroom look: cards with pictures on every list, the home page's lead, portraits and logos, and UI text
a translator can work with (whole sentences, plural forms, names joined in the page's language)."""

import io
import json
import re
from pathlib import Path

from PIL import Image

from conftest import ROOT


def png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 110, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def update(title, day, extra=""):
    return f"---\ntitle: {title}\ndate: 2021-01-{day:02d}\n{extra}---\nText.\n"


PICTURE = "feature_image: {src: /images/map.png, alt: A map}\n"
REMOTE = "feature_image: {src: 'https://cdn.example.org/r.jpg', alt: Remote}\n"


def cards(html):
    return re.findall(r'<article class="card[^"]*">.*?</article>', html, re.S)


def test_every_card_has_a_picture_box_the_first_picture_fetched_first_the_rest_lazy(build_site):
    files = {"images/map.png": png(1600, 900)}
    files.update({f"updates/en/u{day}.md": update(f"U{day}", day, PICTURE) for day in (1, 2, 3)})
    files["updates/en/remote.md"] = update("Remote", 4, REMOTE)
    files["updates/en/plain.md"] = update("Plain", 5, "tags: [floods]\n")
    site = build_site(files, DEFAULT_PAGINATION=4)
    home = cards(site.page("/"))
    assert [bool(re.search(r'class="card-media', card)) for card in home] == [True] * 4
    plain, remote, newest_local, *rest = home
    assert "card-blank tone-" in plain and "<img" not in plain  # no request: the stylesheet draws it
    assert '<img src="https://cdn.example.org/r.jpg" alt="" fetchpriority="high" decoding="async">' in remote
    assert 'loading="lazy" decoding="async"' in newest_local and "fetchpriority" not in newest_local
    webp = re.search(r'<source type="image/webp" sizes="([^"]+)" srcset="([^"]+)">', newest_local)
    assert "22rem" in webp.group(1) and re.findall(r" (\d+)w", webp.group(2)) == ["480", "960", "1440", "1600"]
    assert 'width="1600" height="900" alt=""' in newest_local  # the title beside it says what it is
    # The home page leads with its newest update, larger; the next page and other lists do not.
    assert "card card-lead" in plain and all("card-lead" not in card for card in home[1:])
    assert "card-lead" not in site.page("/page/2/") and "card-lead" not in site.page("/tags/floods/")
    assert len(cards(site.page("/archives/2021/"))) == 4


def test_people_and_partners_have_portraits_and_logos_made_small(build_site):
    site = build_site(
        {
            "images/ana.png": png(800, 800),
            "images/iom.png": png(640, 320),
            "people/ana.md": "---\nname: Ana\nphoto: {src: /images/ana.png, alt: Ana}\n---\nBio.\n",
            "partners/iom.md": "---\nname: IOM\nlogo: {src: /images/iom.png, alt: IOM logo}\n---\nAbout.\n",
            "updates/en/a.md": update("A", 1, "persons: [Ana]\npartners: [IOM]\n" + PICTURE),
            "images/map.png": png(1600, 900),
        }
    )
    person = site.page("/people/ana/")
    portrait = re.search(r'<header class="entity-head">.*?</header>', person, re.S).group(0)
    assert re.findall(r" (\d+)w", portrait) == ["96", "192", "320", "800"] * 2  # WebP and PNG
    assert 'class="entity-photo" fetchpriority="high"' in portrait
    for url in re.findall(r"(/images/sized/\S+?\.(?:webp|png))", portrait):
        assert (site.output / url.lstrip("/")).is_file(), url
    # The portrait is the page's first picture: the updates' pictures below wait.
    assert "fetchpriority" not in person.split('<header class="entity-head">')[1].split("</header>", 1)[1]
    assert re.search(r'<ul class="entity-grid">\s*<li><picture>.*?class="logo"', site.page("/partners/"), re.S)
    assert "ana-" in site.page("/people/")
    assert re.search(r"IOM</a>\s+<small>\(1 update\)</small>", site.page("/partners/"))  # a space: "IOM (1 update)"
    # The update's own page shows its authors' portraits in the byline; cards in lists do not.
    byline = re.search(r'<p class="byline">.*?</p>', site.page("/updates/a/"), re.S).group(0)
    assert 'class="avatar"' in byline and 'sizes="2rem"' in byline
    assert 'class="avatar"' not in site.page("/")


def test_an_unreadable_photo_is_named_with_its_file_and_line(build_site):
    site = build_site(
        {
            "images/broken.png": b"\x89PNG\r\n\x1a\nnot really",
            "people/ana.md": "---\nname: Ana\nrole: Mapper\nphoto: {src: /images/broken.png, alt: Ana}\n---\nBio.\n",
            "updates/en/a.md": update("A", 1, "persons: [Ana]\n"),
        }
    )
    found = [(f.code, f.path, f.line) for f in site.findings if f.code.startswith("E-IMAGE")]
    assert found == [("E-IMAGE-UNREADABLE", "people/ana.md", 4)]
    assert '<img src="/images/broken.png"' in site.page("/people/ana/")  # shown as it is


def test_bylines_join_names_in_the_pages_language_and_escape_them(build_site):
    people = "persons: [Ana, Luis, '<b>Rubén</b>']\n"
    site = build_site(
        {
            "updates/en/a.md": update("A", 1, people + "translation_key: a\n"),
            "updates/es/a.md": update("A es", 1, people + "translation_key: a\nlang: es\n"),
        }
    )
    english = re.search(r'<p class="byline">(.*?)</p>', site.page("/updates/a/"), re.S).group(1)
    spanish = re.search(r'<p class="byline">(.*?)</p>', site.page("/es/updates/a/"), re.S).group(1)
    names = r'<bdi><a href="[^"]+" rel="author">([^<]+)</a></bdi>'
    assert re.search(names + ", " + names + ", and " + names, english)
    assert re.search(names + ", " + names + " y " + names, spanish) and "· por" in spanish
    assert "&lt;b&gt;Rubén&lt;/b&gt;" in english and "<b>" not in english
    assert english.count("<bdi>") == 3  # each name isolated: a stray direction mark reorders no other


def test_search_counts_in_every_plural_form_of_the_language(build_site):
    site = build_site(
        {"updates/en/a.md": update("A", 1), "updates/fr/a.md": update("A", 1, "lang: fr\n")}, SEARCH_INDEX=False
    )
    found = {}
    for lang, url in (("en", "/search/"), ("fr", "/fr/search/")):
        raw = re.search(r"data-found='([^']+)'", site.page(url)).group(1)
        found[lang] = dict(json.loads(raw.replace("&#34;", '"').replace("&quot;", '"')))
    assert found["en"] == {"one": "%(num)s result", "other": "%(num)s results"}
    # French has a "many" category (a million) in CLDR, which Intl.PluralRules uses: its sentence is there too.
    assert (
        found["fr"]["one"] == "%(num)s résultat" and found["fr"]["many"] == found["fr"]["other"] == "%(num)s résultats"
    )
    assert "data-more=" in site.page("/search/")


def test_previous_and_next_arrows_point_the_other_way_in_right_to_left_languages(build_site):
    languages = {
        "en": {"name": "English", "locale": "en", "dir": "ltr"},
        "ar": {"name": "العربية", "locale": "ar", "dir": "rtl"},
    }
    files = {
        f"updates/{lang}/u{day}.md": update(f"{lang}{day}", day, f"lang: {lang}\n")
        for lang in languages
        for day in (1, 2, 3)
    }
    site = build_site(files, LANGUAGES=languages)
    for url, back, forward in (("/updates/u2/", "←", "→"), ("/ar/updates/u2/", "→", "←")):
        nav = re.search(r'<nav class="prev-next".*?</nav>', site.page(url), re.S).group(0)
        assert re.search(rf'rel="prev"[^>]*><span aria-hidden="true">{back}</span>', nav), nav
        assert re.search(rf'<span aria-hidden="true">{forward}</span></a>', nav), nav


def test_templates_hold_no_text_outside_the_catalogs():
    """Every word a reader sees comes through `_()`/`ngettext`: what is left of a template once its tags, Jinja
    and comments are removed is punctuation and the feed formats' names, never a word to translate."""
    names = {"Atom", "RSS"}
    for template in sorted((ROOT / "theme" / "templates").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        for pattern in (
            r"\{#.*?#\}",
            r"\{%.*?%\}",
            r"\{\{.*?\}\}",
            r"<script.*?</script>",
            r"<[^>]+>",
            r'[\w-]+="[^"<>]*"',
            r"&\w+;",
        ):
            text = re.sub(pattern, " ", text, flags=re.S)
        words = [word for word in re.findall(r"[^\W\d_]{2,}", text) if word not in names]
        assert words == [], f"{Path(template).relative_to(ROOT)}: {words}"
