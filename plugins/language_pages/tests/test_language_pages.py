"""Per-language home pages and archives."""

import re

import pytest


def update(title, date, lang):
    return f"---\ntitle: {title}\ndate: {date}\nlang: {lang}\n---\nBody.\n"


def titles(html):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


@pytest.fixture
def site(build_site):
    files = {f"updates/en/e{i}.md": update(f"E{i}", f"20{20 + i % 3}-03-0{i + 1}", "en") for i in range(5)}
    files["updates/fr/f.md"] = update("F", "2021-05-01", "fr")
    return build_site(files, DEFAULT_PAGINATION=2)


def test_home_lists_its_language_newest_first_in_pages(site):
    pages = [site.page("/"), site.page("/page/2/"), site.page("/page/3/")]
    assert [titles(p) for p in pages] == [["E2", "E4"], ["E1", "E3"], ["E0"]]
    assert not site.exists("/page/4/")
    assert titles(site.page("/fr/")) == ["F"]


def test_a_language_without_updates_still_has_a_home(site):
    html = site.page("/pt/")
    assert '<html lang="pt"' in html and titles(html) == []


def test_archives_by_year(site):
    assert re.findall(r'href="/archives/(\d+)/"', site.page("/archives/")) == ["2022", "2021", "2020"]
    assert titles(site.page("/archives/2021/")) == ["E4", "E1"]
    assert titles(site.page("/fr/archives/2021/")) == ["F"]
    assert not site.exists("/fr/archives/2020/")


def test_each_update_links_its_neighbours_and_related_updates_in_its_language(build_site):
    def update(title, date, lang="en", tags="[]", partners="[]"):
        return f"---\ntitle: {title}\ndate: {date}\nlang: {lang}\ntags: {tags}\npartners: {partners}\n---\nB.\n"

    site = build_site(
        {
            "updates/en/a.md": update("A", "2021-01-01", tags="[floods, data]"),
            "updates/en/b.md": update("B", "2021-02-01", tags="[floods]"),
            "updates/en/c.md": update("C", "2021-03-01", tags="[floods, data]", partners="[IOM]"),
            "updates/en/d.md": update("D", "2021-04-01"),
            "updates/es/e.md": update("E", "2021-05-01", lang="es", tags="[floods]"),
        }
    )
    a = site.page("/updates/a/")
    related = a.split('id="related-title"')[1].split("</section>")[0]
    assert re.findall(r'<a href="/updates/([a-z])/">', related) == ["c", "b"]  # two tags in common, then one
    nav = a.split('class="prev-next"')[1].split("</nav>")[0]
    assert 'rel="next" href="/updates/b/"' in nav and 'rel="prev"' not in nav
    d = site.page("/updates/d/")
    assert 'id="related-title"' not in d and 'rel="prev" href="/updates/c/"' in d
    assert "/es/updates/e/" not in a


def test_every_language_has_a_404_page(site):
    assert "Page not found" in site.page("/404.html")
    spanish = site.page("/es/404.html")
    assert "Página no encontrada" in spanish and 'href="/es/search/"' in spanish
    assert "404" not in (site.output / "sitemap.xml").read_text(encoding="utf-8")
