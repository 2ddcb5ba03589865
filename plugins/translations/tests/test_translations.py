"""Translations linked by key, by the archive's body links and by shared slug; and what is wrong with them."""

import re

import pytest


def doc(title, lang=None, body="Text.", **fields):
    lines = [f"title: {title}", "date: 2021-12-02"] + ([f"lang: {lang}"] if lang else [])
    lines += [f"{key}: {value}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher(html):
    nav = html.split('class="lang-switcher"')[1].split("</nav>")[0]
    return dict((lang, href) for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav))


def assert_linked(site, urls):
    """Every page of `urls` (lang -> url) points at all the others, and each target exists."""
    for lang, url in urls.items():
        html = site.page(url)
        assert alternates(html) == {**urls, "x-default": urls.get("en", url)}
        assert all(site.exists(target) for target in urls.values())
        homes = {"en": "/", "es": "/es/", "fr": "/fr/", "pt": "/pt/"}
        assert switcher(html) == {k: urls.get(k, home) for k, home in homes.items() if k != lang}


def test_different_slugs_linked_by_key_both_ways(build_site):
    site = build_site(
        {
            "updates/en/hub-update.md": doc("Hub update", translation_key="hub-2021"),
            "updates/es/actualizacion-del-hub.md": doc("Actualización", translation_key="hub-2021"),
            "updates/fr/mise-a-jour.md": doc("Mise à jour", translation_key="hub-2021"),
        }
    )
    assert_linked(
        site,
        {"en": "/updates/hub-update/", "es": "/es/updates/actualizacion-del-hub/", "fr": "/fr/updates/mise-a-jour/"},
    )
    assert site.findings == []


def test_archive_body_link_links_without_a_key(build_site):
    body = "*[Versión en español](https://www.hotosm.org/updates/hub-de-mapeo/)*\n\nText."
    site = build_site(
        {
            "updates/en/2021-12-02-hub-mapping.md": doc("Hub", body=body),
            "updates/hub-de-mapeo.md": doc("Hub ES"),
        }
    )
    assert_linked(site, {"en": "/updates/hub-mapping/", "es": "/es/updates/hub-de-mapeo/"})


@pytest.mark.parametrize(
    "body, target, expected",
    [
        # The label says Spanish, the update it points at says French: two different updates.
        (
            "*[Versión en español](https://www.hotosm.org/updates/cartographie/)*\n\nText.",
            ("fr", "cartographie"),
            [("E-TRANSLATION-LINK", "updates/en/goma.md", 5, "in 'es', but updates/fr/cartographie.md is in 'fr'")],
        ),
        # A link in an HTML comment is no link.
        (
            "<!--\n*[Versión en español](https://www.hotosm.org/updates/taller/)*\n-->\n\nText.",
            ("es", "taller"),
            [],
        ),
    ],
    ids=["label in another language", "link in a comment"],
)
def test_an_archive_link_that_names_no_translation_joins_nothing(build_site, body, target, expected):
    lang, slug = target
    site = build_site({"updates/en/goma.md": doc("Goma", body=body), f"updates/{lang}/{slug}.md": doc("X", lang=lang)})
    assert lang not in alternates(site.page("/updates/goma/"))
    assert "en" not in alternates(site.page(f"/{lang}/updates/{slug}/"))
    found = [(f.code, f.path, f.line) for f in site.findings]
    assert found == [case[:3] for case in expected]
    assert all(case[3] in f.message for case, f in zip(expected, site.findings))


def test_the_real_seed_links_to_its_spanish_version(build_site):
    from conftest import ROOT

    seed = ROOT / "content/updates/en/2021-12-02-open-mapping-hub-in-latam-december-2021-update.md"
    spanish = ROOT / "content/updates/es/hub-de-mapeo-abierto-en-latam-actualizacion-diciembre-2021.md"
    key = "translation_key: open-mapping-hub-in-latam-december-2021-update\n"
    text = spanish.read_text(encoding="utf-8").replace(key, "")
    site = build_site({f"updates/en/{seed.name}": seed.read_bytes(), f"updates/es/{spanish.name}": text})
    assert_linked(
        site,
        {
            "en": "/updates/open-mapping-hub-in-latam-december-2021-update/",
            "es": "/es/updates/hub-de-mapeo-abierto-en-latam-actualizacion-diciembre-2021/",
        },
    )


def test_shared_slug_links_translations(build_site):
    site = build_site({"updates/en/same.md": doc("Same"), "updates/pt/same.md": doc("Mesmo")})
    assert_linked(site, {"en": "/updates/same/", "pt": "/pt/updates/same/"})


def test_untranslated_page_switcher_offers_other_homes(build_site):
    site = build_site({"updates/en/alone.md": doc("Alone")})
    html = site.page("/updates/alone/")
    assert switcher(html) == {"es": "/es/", "fr": "/fr/", "pt": "/pt/"}
    assert html.count('class="lang-home"') == 3


@pytest.mark.parametrize(
    "files, code, path, line",
    [
        (
            {"updates/en/a.md": doc("A", translation_key="k"), "updates/en/b.md": doc("B", translation_key="k")},
            "E-TRANSLATION-DUPLICATE",
            "updates/en/b.md",
            4,
        ),
        (
            {"updates/en/a.md": doc("A", body="Intro\n\n[Version française](/updates/nowhere/)")},
            "E-TRANSLATION-LINK",
            "updates/en/a.md",
            7,
        ),
        (
            {"updates/es/a.md": doc("A", translation_key="k", translation_of="updates/en/gone.md")},
            "E-NO-ORIGINAL",
            "updates/es/a.md",
            4,
        ),
        ({"updates/en/a.md": doc("A", lang="xx")}, "E-LANG", "updates/en/a.md", 4),
    ],
)
def test_translation_errors_name_file_and_line(build_site, files, code, path, line):
    site = build_site(files)
    assert [(f.code, f.path, f.line) for f in site.findings] == [(code, path, line)]


def test_a_translation_before_its_original_is_fine(build_site):
    site = build_site(
        {
            "updates/en/a.md": doc("A", translation_key="k", status="draft"),
            "updates/es/b.md": doc("B", translation_key="k", translation_of="updates/en/a.md"),
        }
    )
    assert site.findings == [] and site.exists("/es/updates/b/")


def test_orphans_can_be_allowed(build_site):
    site = build_site(
        {"updates/es/a.md": doc("A", translation_key="k", translation_of="x.md")}, TRANSLATIONS_ALLOW_ORPHANS=True
    )
    assert site.findings == []
