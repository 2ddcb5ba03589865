"""Dates and numbers in the page's language, with Babel (the machines have only the C locale)."""

import pytest


@pytest.mark.parametrize(
    "lang, prefix, expected",
    [
        ("en", "", "December 2, 2021"),
        ("es", "es/", "2 de diciembre de 2021"),
        ("fr", "fr/", "2 décembre 2021"),
        ("pt", "pt/", "2 de dezembro de 2021"),
    ],
)
def test_dates_follow_the_page_language(build_site, lang, prefix, expected):
    site = build_site({f"updates/{lang}/a.md": "---\ntitle: A\ndate: 2021-12-02T15:46:00Z\n---\nx\n"})
    assert expected in site.page(f"/{prefix}updates/a/")
    assert expected in site.page(f"/{prefix}")


def test_right_to_left_language_sets_dir(build_site):
    languages = {
        "en": {"name": "English", "locale": "en", "dir": "ltr"},
        "ar": {"name": "العربية", "locale": "ar", "dir": "rtl"},
    }
    site = build_site({"updates/ar/a.md": "---\ntitle: أ\ndate: 2021-12-02\n---\nx\n"}, LANGUAGES=languages)
    assert '<html lang="ar" dir="rtl">' in site.page("/ar/updates/a/")
    assert '<html lang="en" dir="ltr">' in site.page("/")
