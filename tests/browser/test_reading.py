"""What a reader does, in Chromium: change language, search, find the feeds; no console errors."""

from conftest import run_pelican, write_files

from .conftest import ARTEFACTS, new_page, serving

LATAM_EN = "/updates/open-mapping-hub-in-latam-december-2021-update/"
LATAM_ES = "/es/updates/hub-de-mapeo-abierto-en-latam-actualizacion-diciembre-2021/"


def test_the_language_switcher_leads_to_the_spanish_translation(page):
    page.goto(LATAM_EN)
    page.locator(".lang-switcher").get_by_role("link", name="Español").click()
    page.wait_for_url("**" + LATAM_ES)
    assert page.locator("html").get_attribute("lang") == "es"
    assert "Hub de Mapeo Abierto en LATAM" in page.locator("h1").inner_text()
    assert page.errors == []


def test_searching_a_word_of_a_spanish_update_finds_it(page):
    page.goto("/es/search/")
    page.get_by_label("Buscar en las novedades").fill("WhatsApp")
    first = page.locator("#search-results li a").first
    first.wait_for(timeout=10_000)
    assert "/es/updates/chatmap-convierte-chats-de-whatsapp-en-mapas/" in first.get_attribute("href")
    assert "ChatMap" in first.inner_text()
    assert page.errors == []


def test_a_search_finds_updates_in_each_bundle_of_the_language(browser, tmp_path):
    words = {"aardvarks": "first", "bisons": "second", "capybaras": "third"}
    write_files(
        tmp_path / "content",
        {
            f"updates/en/{slug}.md": f"---\ntitle: {slug.title()}\ndate: 2021-01-01\n---\nWe counted {word}.\n"
            for word, slug in words.items()
        },
    )
    # One update per Pagefind run: the search page merges /pagefind/en-2/ and /pagefind/en-3/.
    site = run_pelican(tmp_path / "content", tmp_path / "output", SEARCH_INDEX=True, SEARCH_PAGES_PER_INDEX=1)
    with serving(site.output) as url, new_page(browser, url) as page:
        page.goto("/search/")
        for word, slug in words.items():
            page.get_by_label("Search the updates").fill(word)
            page.locator(f'#search-results a[href$="/updates/{slug}/"]').wait_for(timeout=10_000)
            assert page.locator("#search-results li").count() == 1
        assert page.errors == []


def test_a_search_tells_the_true_count_in_the_right_plural_and_shows_past_the_first_twenty(browser, tmp_path):
    files = {
        f"updates/en/flood-{i:02d}.md": f"---\ntitle: Flood {i}\ndate: 2021-01-{i:02d}\n---\nFloods in town {i}.\n"
        for i in range(1, 26)
    }
    files["updates/en/only.md"] = "---\ntitle: Only\ndate: 2021-02-01\n---\nA lonely quokka.\n"
    write_files(tmp_path / "content", files)
    site = run_pelican(tmp_path / "content", tmp_path / "output", SEARCH_INDEX=True)
    with serving(site.output) as url, new_page(browser, url) as page:
        page.goto("/search/")
        page.get_by_label("Search the updates").fill("floods")
        status = page.locator("#search-status")
        status.filter(has_text="25 results").wait_for(timeout=10_000)
        page.get_by_role("button", name="Show more results").wait_for(timeout=10_000)  # after the first page
        assert page.locator("#search-results li").count() == 20
        page.get_by_role("button", name="Show more results").click()
        page.locator("#search-results li").nth(24).wait_for(timeout=10_000)
        assert page.locator("#search-results li").count() == 25
        assert page.get_by_role("button", name="Show more results").is_hidden()
        page.get_by_label("Search the updates").fill("quokka")
        status.filter(has_text="1 result").wait_for(timeout=10_000)
        assert status.inner_text() == "1 result"
        assert page.errors == []


def test_the_feeds_are_discoverable(page):
    page.goto("/es/")
    feed = page.locator('link[rel="alternate"][type="application/atom+xml"]').first
    assert feed.get_attribute("href").endswith("/es/feeds/all.atom.xml")
    page.get_by_role("link", name="Suscribirse").click()
    page.wait_for_url("**/es/feeds/")
    assert page.locator("h1").inner_text() == "Suscribirse"
    assert page.errors == []


def test_screenshots_at_phone_and_desktop_widths(page):
    ARTEFACTS.mkdir(exist_ok=True)
    for width, height in ((375, 812), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        for name, url in (("home", "/"), ("update", LATAM_EN)):
            page.goto(url)
            path = ARTEFACTS / f"{name}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 5_000
            # Nothing wider than the screen: no sideways scrolling on a phone.
            assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.errors == []
