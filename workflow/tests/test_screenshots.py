"""`./dev screenshots`: which page stands for each kind, the contact sheet, and the task on a tiny site."""

import concurrent.futures
import os
import re
from pathlib import Path

import pytest
from invoke import Context

import tasks
from conftest import write_files
from workflow import screenshots
from workflow.rtl_site import add_arabic

LANGUAGES = {
    "en": {"name": "English", "locale": "en", "dir": "ltr"},
    "es": {"name": "Español", "locale": "es", "dir": "ltr"},
}
TINY = {
    "updates/en/b.md": "---\ntitle: B\ndate: 2021-01-01\ntags: [maps]\npersons: [Ana]\npartners: [Org]\n"
    "countries: [Mali]\naliases: [/updates/a-old-address/]\n---\nText.\n",
    "people/ana.md": "---\nname: Ana\n---\nText.\n",
    "partners/org.md": "---\nname: Org\n---\nText.\n",
    "updates/en/a-draft.md": "---\ntitle: A draft\ndate: 2021-01-02\nstatus: draft\n---\nText.\n",
    "pages/about.md": "---\ntitle: About\n---\nText.\n",
}
needs_browser = pytest.mark.skipif(
    not Path(screenshots.CHROMIUM).exists() and not os.environ.get("REQUIRE_BROWSER"),
    reason="Debian's chromium is not installed (apt-get install chromium)",
)


def test_each_kind_of_page_is_found_in_the_built_site(build_site, tmp_path):
    """Entries' pages come from the sitemap: the redirect at an old address and the draft, which sort first, are
    not updates; a kind a language lacks is left out; the editors' page is the default language's alone."""
    languages = add_arabic(tmp_path / "content", {"LANGUAGES": LANGUAGES})["LANGUAGES"]
    site = build_site(TINY, LANGUAGES=languages)
    with screenshots.serving(site.output) as url:
        found = screenshots.page_urls(url, site.settings)
    assert found["en"] == {
        "home": "/",
        "update": "/updates/b/",
        "page": "/about/",
        "tag": "/tags/maps/",
        "tags": "/tags/",
        "person": "/people/ana/",
        "people": "/people/",
        "partner": "/partners/coastal-mapping-network/",
        "partners": "/partners/",
        "country": "/countries/mali/",
        "countries": "/countries/",
        "archives": "/archives/",
        "search": "/search/",
        "feeds": "/feeds/",
        "404": "/404.html",
        "translation-status": "/editors/translations/",
    }
    # Spanish has no update, page, tag or country of its own; people and partners have pages in every language.
    assert set(found["es"]) == set(screenshots.PAGE_TYPES) - {
        "update",
        "page",
        "tag",
        "tags",
        "country",
        "countries",
        "translation-status",
    }
    assert found["es"]["partner"] == "/es/partners/coastal-mapping-network/"
    assert found["ar"]["update"] == "/ar/updates/rasm-khara-it-al-fayadanat-fi-porto-alegre/"
    assert found["ar"]["page"] == "/ar/hawla/"
    assert set(found["ar"]) == set(screenshots.PAGE_TYPES) - {"translation-status"}


def test_the_contact_sheet_has_a_row_per_kind_and_a_column_per_language_and_width(tmp_path):
    shots = [
        (375, "en", "home", "/", tmp_path / "375/en/home.png"),
        (1280, "en", "home", "/", tmp_path / "1280/en/home.png"),
        (375, "ar", "partner", "/ar/partners/a&b/", tmp_path / "375/ar/partner.png"),
    ]
    sheet = screenshots.contact_sheet(shots, tmp_path, (375, 1280), dark=False)
    assert re.findall(r"<tr><th>([^<]+)</th><td", sheet) == list(screenshots.PAGE_TYPES)
    assert '<th colspan="2">en</th><th colspan="2">ar</th>' in sheet
    assert '<a href="375/ar/partner.png" title="/ar/partners/a&amp;b/">' in sheet
    home = re.search(r"<tr><th>home</th>(.*?)</tr>", sheet).group(1)
    assert home.count("<img") == 2 and home.count('class="none"') == 2  # no Arabic home in these shots


@needs_browser
def test_the_task_pictures_every_kind_of_page_of_a_tiny_site(tmp_path, monkeypatch, capsys):
    write_files(tmp_path / "content", TINY)
    write_files(tmp_path / "screenshots", {"375/en/gone.png": b"stale", "dark/375/en/home.png": b"kept"})
    english = {"en": LANGUAGES["en"]}
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(
        screenshots, "take_screenshots", _narrowed(screenshots.take_screenshots, {"LANGUAGES": english}, (375,))
    )
    # A thread of its own: Playwright's synchronous API refuses a thread that already runs one, as this one does
    # when the browser tests' session ran before.
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        thread.submit(tasks.screenshots, Context()).result()
    pictures = sorted(p.relative_to(tmp_path / "screenshots").as_posix() for p in tmp_path.rglob("*.png"))
    # Every kind in English (the tiny site has one of each) and all but the editors' page in Arabic.
    expected = [f"375/en/{kind}.png" for kind in screenshots.PAGE_TYPES]
    expected += [f"375/ar/{kind}.png" for kind in screenshots.PAGE_TYPES if kind != "translation-status"]
    assert pictures == sorted(["dark/375/en/home.png", *expected])  # the stale picture gone, the dark one kept
    assert (tmp_path / "screenshots/375/ar/update.png").read_bytes().startswith(b"\x89PNG")
    sheet = (tmp_path / "screenshots/index.html").read_text(encoding="utf-8")
    assert all(f'src="{name}"' in sheet for name in expected)
    assert capsys.readouterr().out.startswith(f"Wrote {len(expected)} PNGs into screenshots/; contact sheet: ")


def test_the_task_says_how_to_install_the_browser_when_it_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(screenshots, "CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    with pytest.raises(SystemExit, match=r"^error: Debian's chromium is not installed .*: apt-get install chromium$"):
        tasks.screenshots(Context())


def _narrowed(take, overrides, widths):
    """The task's job with fewer languages and widths: the tiny site's pictures in a few seconds."""

    def narrowed(root, **options):
        return take(root, overrides=overrides, widths=widths, **options)

    return narrowed
