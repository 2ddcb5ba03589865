"""The translation status report: coverage, missing translations, and translations whose original changed."""

import json

from translation_status import report


def doc(title, lang, body="Text.", **fields):
    lines = [f"title: {title}", f"lang: {lang}", "translation_key: hub"] + [f"{k}: {v}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


def status(site):
    return json.loads((site.output / "editors/translations/status.json").read_text(encoding="utf-8"))


def versions(site):
    return status(site)["updates"][0]["versions"]


def test_translation_is_outdated_once_its_original_text_changes(build_site):
    files = {
        "updates/en/hub.md": doc("Hub", "en", date="2021-12-02"),
        "updates/es/centro.md": doc("Centro", "es", date="2021-12-03"),
    }
    first = status(build_site(files))
    fingerprint = first["updates"][0]["original_hash"]
    files["updates/es/centro.md"] = doc("Centro", "es", date="2021-12-03", original_hash=fingerprint)
    site = build_site(files)
    assert versions(site)["es"]["outdated"] is False

    files["updates/en/hub.md"] = doc("Hub", "en", body="Text, now with a new paragraph.", date="2021-12-02")
    site = build_site(files)
    assert versions(site)["es"]["outdated"] is True
    assert status(site)["coverage"]["es"] == {"translated": 1, "outdated": 1, "total": 1}
    text = report.as_text(status(site))
    assert "outdated: es (updates/es/centro.md)" in text
    assert f"original_hash: {fingerprint}" not in text  # it shows the new fingerprint to record
    assert f"original_hash: {status(site)['updates'][0]['original_hash']}" in text


def test_changing_only_tags_does_not_outdate_a_translation(build_site):
    files = {"updates/en/hub.md": doc("Hub", "en", date="2021-12-02")}
    fingerprint = status(build_site(files))["updates"][0]["original_hash"]
    files["updates/en/hub.md"] = doc("Hub", "en", date="2021-12-02", tags="[floods]")
    files["updates/es/centro.md"] = doc("Centro", "es", date="2021-12-03", original_hash=fingerprint)
    assert versions(build_site(files))["es"]["outdated"] is False


def test_without_a_fingerprint_an_original_updated_later_outdates_it(build_site):
    site = build_site(
        {
            "updates/en/hub.md": doc("Hub", "en", date="2021-12-02", updated="2022-03-01"),
            "updates/es/centro.md": doc("Centro", "es", date="2021-12-03"),
            "updates/fr/centre.md": doc("Centre", "fr", date="2021-12-03", updated="2022-04-01"),
        }
    )
    assert versions(site)["es"]["outdated"] is True
    assert versions(site)["fr"]["outdated"] is False
    assert status(site)["updates"][0]["missing"] == ["pt"]


def test_the_editors_page_shows_coverage_and_stays_out_of_public_view(build_site):
    site = build_site(
        {
            "updates/en/hub.md": doc("Hub", "en", date="2021-12-02"),
            "updates/es/centro.md": doc("Centro", "es", date="2021-12-03"),
            "updates/en/other.md": doc("Other", "en", date="2021-11-01").replace("key: hub", "key: o"),
        }
    )
    html = site.page("/editors/translations/")
    assert '<meter min="0" max="2" value="1"></meter>' in html
    assert "1 of 2 translated, 0 outdated" in html and html.count('class="missing"') == 5
    assert '<meta name="robots" content="noindex">' in html
    assert "editors/" not in (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "editors/" not in site.page("/")
