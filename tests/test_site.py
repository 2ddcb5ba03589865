"""The real content/ folder, built in a temporary folder: every page a reader can reach."""

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import run_pelican

    tmp = tmp_path_factory.mktemp("site")
    return run_pelican(ROOT / "content", tmp / "output")


def updates_in(html):
    """Titles of the update cards on a list page, in order."""
    found = re.findall(r'<article class="card[^"]*">.*?<h2><a href="[^"]+">([^<]+)</a>', html, re.S)
    return [unescape(title) for title in found]


def html_lang(html):
    return re.search(r'<html lang="([^"]+)"', html).group(1)


IOM_SEED = "updates/en/2017-06-09-collaborating-with-iom-the-un-migration-agency-on-openstreetmap.md"
LATAM_SEED = "updates/en/2021-12-02-open-mapping-hub-in-latam-december-2021-update.md"
ALT_HINT = "add `alt: what the image shows` under feature_image, for readers who cannot see it"


def test_the_demo_content_builds_with_only_the_seeds_known_warnings(site):
    """The seeds are byte-for-byte archive posts: no alt text, mojibake repaired when rendering, and a partner its
    title names."""
    found = sorted((f.path, f.line, f.code, f.hint.split(" (")[0]) for f in site.findings)
    assert found == [
        (
            IOM_SEED,
            2,
            "I-PARTNER-INFERRED",
            "confirm it with `partners: [International Organization for Migration]`, or add `partners: []` if not",
        ),
        (IOM_SEED, 8, "W-IMAGE-ALT", ALT_HINT),
        (IOM_SEED, 12, "W-MOJIBAKE", "replace 'HOTâ€™s' → 'HOT’s'"),
        (LATAM_SEED, 10, "W-IMAGE-ALT", ALT_HINT),
        (LATAM_SEED, 11, "W-MOJIBAKE", "replace 'Rub√©n Mart√≠n' → 'Rubén Martín'"),
        (LATAM_SEED, 14, "W-MOJIBAKE", "replace 'Versi√≥n' → 'Versión'; 'espa√±ol' → 'español'"),
        (LATAM_SEED, 18, "W-MOJIBAKE", "replace 'Luc√≠a' → 'Lucía'"),
        (LATAM_SEED, 28, "W-MOJIBAKE", "replace '\\uf8ffü¶Ñ' → '🦄'"),
    ]


@pytest.mark.parametrize(
    "url, title, person, tags, image",
    [
        (
            "/updates/collaborating-with-iom-the-un-migration-agency-on-openstreetmap/",
            "Collaborating with IOM, the UN Migration Agency, on OpenStreetMap",
            "Nate Smith",
            [],
            "https://s3.amazonaws.com/hotwww/files/old/styles/banner/public/AX3A9733+(2).jpg",
        ),
        (
            "/updates/open-mapping-hub-in-latam-december-2021-update/",
            "Open Mapping Hub in LATAM - December 2021 update",
            "Rubén Martín",
            ["hub", "latam"],
            "https://www.hotosm.org/uploads/HOT_OMH_LATAM_English_Logo_REV_COLOUR%20wide.png",
        ),
    ],
)
def test_seed_updates_render_with_person_tags_and_image(site, url, title, person, tags, image):
    html = site.page(url)
    assert f"<h1>{title}</h1>" in html
    assert re.search(rf'<a href="/people/[a-z-]+/" rel="author">{person}</a>', html)
    assert re.findall(r'rel="tag">([^<]+)<', html) == tags
    assert f'<img src="{image}"' in html


def test_seed_summary_is_shown(site):
    html = site.page("/updates/open-mapping-hub-in-latam-december-2021-update/")
    assert "We are excited to share with you an update" in html


def test_spanish_translation_lives_at_its_own_slug(site):
    html = site.page("/es/updates/hub-de-mapeo-abierto-en-latam-actualizacion-diciembre-2021/")
    assert html_lang(html) == "es"
    assert "2 de diciembre de 2021" in html


@pytest.mark.parametrize("lang, prefix", [("en", "/"), ("es", "/es/"), ("fr", "/fr/"), ("pt", "/pt/")])
def test_each_language_home_lists_only_its_updates(site, lang, prefix):
    html = site.page(prefix)
    assert html_lang(html) == lang
    linked = set(re.findall(r'<h2><a href="(/[^"]+)">', html))
    assert linked, f"{prefix} lists no updates"
    for url in linked:
        assert html_lang(site.page(url)) == lang


def test_english_home_paginates_newest_first(site):
    first, second = site.page("/"), site.page("/page/2/")
    assert len(updates_in(first)) == site.settings["DEFAULT_PAGINATION"]
    assert updates_in(second)
    dates = re.findall(r'<time datetime="([^"]+)"', first + second)
    assert dates == sorted(dates, reverse=True)
    assert 'rel="next" href="/page/2/"' in first


def test_person_page_lists_their_updates_newest_first_per_language(site):
    en, es = site.page("/people/ruben-martin/"), site.page("/es/people/ruben-martin/")
    assert updates_in(en) == [
        "Hub Alpha announces its first focus projects",
        "Open Mapping Hub in LATAM - December 2021 update",
    ]
    assert updates_in(es) == [
        "Hub Alfa anuncia sus primeros proyectos foco",
        "Hub de Mapeo Abierto en LATAM - actualización de diciembre de 2021",
    ]
    assert "Coordinador del Hub de Mapeo Abierto" in es


def test_iom_partner_page_has_the_facts_and_its_updates_in_each_language(site):
    html = site.page("/partners/iom/")
    for fact in (
        "1951",
        "175 member states",
        "Displacement Tracking Matrix",
        "GMDAC",
        "Big Data for Migration Alliance",
        "iDiaspora",
    ):
        assert fact in html
    # The seed has no partner key: its title names IOM.
    assert updates_in(html) == [
        "IOM and the hub renew their partnership on displacement data",
        "Open data for cyclone preparedness in Mozambique",
        "Collaborating with IOM, the UN Migration Agency, on OpenStreetMap",
    ]
    fr = site.page("/fr/partners/iom/")
    assert "Organisation internationale pour les migrations" in fr
    assert updates_in(fr) == ["L'OIM et le hub renouvellent leur partenariat sur les données de déplacement"]


def test_update_links_to_its_partner_and_tag_pages_in_its_language(site):
    html = site.page("/fr/updates/l-oim-et-le-hub-renouvellent-leur-partenariat/")
    assert 'href="/fr/partners/iom/"' in html
    assert 'href="/fr/tags/partenariats/"' in html
    assert "partenariats" in site.page("/fr/tags/partenariats/")


@pytest.mark.parametrize("prefix", ["/", "/es/", "/fr/", "/pt/"])
@pytest.mark.parametrize("section", ["tags/", "people/", "partners/", "archives/"])
def test_every_language_has_its_list_pages(site, prefix, section):
    assert html_lang(site.page(prefix + section)) == (prefix.strip("/") or "en")


def test_drafts_are_previewed_and_listed_only_in_the_home_pages_drafts_section(site):
    assert "Draft: not published" in site.page("/drafts/draft-annual-report-2024/")
    home = site.page("/")
    drafts = home.split('class="drafts"')[1].split("</section>")[0]
    assert 'href="/drafts/draft-annual-report-2024/"' in drafts
    assert "Annual report 2024" not in home.replace(drafts, "")
    for url in site.urls() - {"/"}:
        if "/drafts/" not in url:
            assert "Annual report 2024" not in site.page(url), url


def test_publish_settings_write_no_draft(build_site):
    from conftest import ROOT

    draft = "---\ntitle: Secret plan\ndate: 2021-01-01\nstatus: draft\n---\nx\n"
    page = "---\ntitle: Secret page\nstatus: draft\n---\nSecret page text.\n"
    site = build_site({"updates/en/secret.md": draft, "pages/secret-page.md": page}, **publish_overrides(ROOT))
    written = [p.read_text(encoding="utf-8", errors="replace") for p in site.output.rglob("*") if p.is_file()]
    assert written and not any("Secret plan" in text or "Secret page" in text for text in written)
    assert not (site.output / "drafts").exists()


def publish_overrides(root):
    """What publishconf.py changes, applied over the test site's settings."""
    from pelican.settings import read_settings

    publish = read_settings(str(root / "publishconf.py"))
    drafts = ("DRAFT_SAVE_AS", "DRAFT_LANG_SAVE_AS", "DRAFT_PAGE_SAVE_AS", "DRAFT_PAGE_LANG_SAVE_AS")
    return {key: publish[key] for key in (*drafts, "SHOW_DRAFTS", "STRICT_CONTENT")}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and value.startswith("/"):
                self.hrefs.append(value.split("#")[0])


def test_every_internal_link_resolves(site):
    broken = set()
    for page in site.output.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            target = site.output / href.lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.add((str(page.relative_to(site.output)), href))
    assert not broken, sorted(broken)[:20]


class Resources(HTMLParser):
    """What a page makes the browser fetch before the reader scrolls: stylesheets, scripts, images (and
    preloads, icons). A lazy image waits until it scrolls near; a `<picture>` is one request, whichever of its
    sources the browser takes."""

    def __init__(self):
        super().__init__()
        self.fetched = []  # (kind, URL)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href", "").startswith("data:"):
            return  # inside the page: no request
        if tag == "link" and attrs.get("rel") in ("stylesheet", "preload", "icon", "modulepreload"):
            self.fetched.append(("style" if attrs["rel"] == "stylesheet" else "other", attrs["href"]))
        elif tag == "script" and attrs.get("src"):
            self.fetched.append(("script", attrs["src"]))
        elif tag == "img" and attrs.get("loading") != "lazy":
            self.fetched.append(("image", attrs["src"]))


def test_every_page_keeps_to_the_budgets(site):
    """Under 50 KB of HTML, CSS and JS and under 15 requests; nothing third-party but the archive's images;
    scripts only where searching needs one, and that page works without it. The web editor (admin/) is left
    out of the budgets: it is for editors, not readers, and its bundle alone is megabytes; it too loads nothing
    from a third-party host."""
    editor = site.output / site.settings["EDITOR_URL"]
    for page in site.output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        parser = Resources()
        parser.feed(html)
        if page.is_relative_to(editor):
            assert all(not url.startswith(("http://", "https://", "//")) for _, url in parser.fetched), page
            continue
        weight = len(html.encode())
        for kind, url in parser.fetched:
            local = not url.startswith(("http://", "https://", "//"))
            assert local or kind == "image", (page, url)  # no third-party script, style or font
            if local and kind in ("style", "script"):
                weight += (site.output / url.lstrip("/")).stat().st_size
        assert weight < 50_000, (page, weight)
        assert len(parser.fetched) + 1 < 15, page
        if re.search(r"<script(?! type=\"application/ld\+json\")", html):  # JSON-LD is data, not a program
            assert page.relative_to(site.output).as_posix().endswith("search/index.html"), page
            assert "<noscript>" in html


def test_front_matter_text_is_escaped(build_site):
    site = build_site(
        {
            "updates/en/a.md": '---\ntitle: "<script>alert(1)</script> & co"\ndate: 2020-01-01\n'
            'persons: ["<b>Eve</b>"]\nfeature_image: {src: /x.png, alt: "\\" onerror=\\"x"}\n'
            "---\nBody.\n"
        }
    )
    html = site.page("/updates/a/")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "<b>Eve</b>" not in html and "&lt;b&gt;Eve&lt;/b&gt;" in html
    assert 'alt="&#34; onerror=&#34;x"' in html


def test_the_spanish_latam_translation_is_up_to_date_with_the_seed(site):
    status = json.loads((site.output / "editors/translations/status.json").read_text(encoding="utf-8"))
    latam = next(row for row in status["updates"] if row["key"] == "open-mapping-hub-in-latam-december-2021-update")
    assert latam["versions"]["es"]["outdated"] is False
    assert latam["missing"] == ["fr", "pt"]


def test_the_seed_copies_in_content_are_byte_for_byte_the_seeds():
    from conftest import SEEDS, shared

    for key, path in SEEDS.items():
        (seed,) = shared("seeds").glob(f"{key}_*.txt")
        assert path.read_bytes() == seed.read_bytes(), path


def test_every_seeds_legacy_url_resolves_to_its_update(site):
    """The old site's address of each seed: its `permalink`, else /updates/<file name less its date>/
    (the form the archive's own links use)."""
    from conftest import SEEDS

    titles = {
        "000": "Collaborating with IOM, the UN Migration Agency, on OpenStreetMap",
        "002": "Open Mapping Hub in LATAM - December 2021 update",
    }
    for key, path in SEEDS.items():
        permalink = re.search(r"^permalink: (.+)$", path.read_text(encoding="utf-8"), re.M)
        legacy = (
            "/"
            + (
                permalink.group(1).strip().strip("/")
                if permalink
                else "updates/" + re.sub(r"^\d{4}-\d{2}-\d{2}-", "", path.stem)
            )
            + "/"
        )
        html = site.page(legacy)
        redirect = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
        if redirect:
            assert f"{legacy} {redirect.group(1)} 301" in (site.output / "_redirects").read_text(encoding="utf-8")
            html = site.page(redirect.group(1))
        assert f"<h1>{titles[key]}</h1>" in html, legacy
