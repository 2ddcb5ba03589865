"""UNTRANSLATED_UPDATES: where a language's lists put default-language updates it has no version of."""

import re

import pytest

from hubcore.settings import SettingsError

FILES = {
    "updates/en/hub.md": "---\ntitle: Hub\ndate: 2021-03-01\ntranslation_key: hub\ntags: [mapping]\n---\nB.\n",
    "updates/es/centro.md": "---\ntitle: Centro\ndate: 2021-03-02\ntranslation_key: hub\ntags: [mapping]\n---\nB.\n",
    "updates/en/only.md": "---\ntitle: Only English\ndate: 2021-04-01\ntags: [floods]\n---\nB.\n",
    "updates/es/solo.md": "---\ntitle: Solo español\ndate: 2021-01-01\n---\nB.\n",
}


def listed(html):
    """(title, lang attribute) of the main list's cards, before any "also in" section."""
    main = html.split('class="also-in"')[0]
    return re.findall(r'<h2(?: lang="([a-z]+)"[^>]*)?><a href="[^"]+">([^<]+)</a>', main)


def also(html):
    if 'class="also-in"' not in html:
        return None
    section = html.split('class="also-in"')[1].split("</section>")[0]
    return re.search(r"<h2[^>]*>([^<]+)</h2>", section).group(1), re.findall(
        r'<h3(?: lang="([a-z]+)"[^>]*)?><a href="[^"]+">([^<]+)</a>', section
    )


def test_default_offers_untranslated_updates_in_a_labelled_section(build_site):
    site = build_site(FILES)
    assert listed(site.page("/es/")) == [("", "Centro"), ("", "Solo español")]
    assert also(site.page("/es/")) == ("También en inglés", [("en", "Only English")])
    assert also(site.page("/fr/")) == ("Aussi en anglais", [("en", "Only English"), ("en", "Hub")])
    assert also(site.page("/")) is None
    assert not site.exists("/es/tags/floods/")


def test_mixed_lists_them_among_the_languages_own_marked_with_their_language(build_site):
    site = build_site(FILES, UNTRANSLATED_UPDATES="mixed")
    assert listed(site.page("/es/")) == [("en", "Only English"), ("", "Centro"), ("", "Solo español")]
    assert also(site.page("/es/")) is None
    assert listed(site.page("/es/tags/floods/")) == [("en", "Only English")]
    assert "Only English" in site.page("/es/archives/2021/")


def test_own_shows_only_the_languages_own_updates(build_site):
    site = build_site(FILES, UNTRANSLATED_UPDATES="own")
    assert listed(site.page("/es/")) == [("", "Centro"), ("", "Solo español")]
    assert also(site.page("/es/")) is None and also(site.page("/fr/")) is None


def test_an_unknown_mode_is_refused_with_the_settings_name(build_site):
    with pytest.raises(SettingsError, match="UNTRANSLATED_UPDATES"):
        build_site(FILES, UNTRANSLATED_UPDATES="everything")
