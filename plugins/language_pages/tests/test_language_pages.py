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
