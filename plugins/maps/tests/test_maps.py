"""The world map on the countries index and the locator map on each country's page, in tiny sites built by the
real Pelican; unknown country names reported by the build and by `./dev check` alike."""

import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import ROOT, run_pelican, site_settings, write_files
from hubcore.errors import SettingsError


def update(title, date, countries, lang="en"):
    names = ", ".join(countries)
    return f"---\ntitle: {title}\ndate: {date}\nlang: {lang}\ncountries: [{names}]\n---\nText.\n"


class Svg(HTMLParser):
    """A page's map (`kind`: "map-world" or "map-locator"): its `<svg>`'s attributes, the elements in it, the
    text of its title, and its size in bytes (the world's with its caption)."""

    def __init__(self, html, kind):
        super().__init__()
        self.kind, self.waiting, self.inside = kind, False, False
        self.root, self.elements, self.text, self.size = {}, [], [], 0
        found = re.search(rf'<(figure|svg) class="map {kind}"', html)
        if found:  # from the map's opening tag to its closing one
            end = html.index(f"</{found.group(1)}>", found.start()) + len(found.group(1)) + 3
            self.size = len(html[found.start() : end].encode())
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.inside:
            self.elements.append((tag, attrs))
        elif self.kind in (attrs.get("class") or "").split():
            self.waiting = True
        if self.waiting and tag == "svg":
            self.waiting, self.inside, self.root = False, True, attrs

    def handle_data(self, data):
        if self.inside and data.strip():
            self.text.append(data.strip())

    def handle_endtag(self, tag):
        if tag == "svg":
            self.inside = False

    def links(self):
        """(href, accessible name, shading class) of each link on the map."""
        found, link = [], None
        for tag, attrs in self.elements:
            if tag == "a":
                link = (attrs["href"], attrs["aria-label"])
            elif tag in ("path", "circle") and link and attrs["class"].startswith("map-level-"):
                found.append((*link, attrs["class"]))
                link = None
        return sorted(found)


SITE = {
    "updates/en/a.md": update("A", "2024-01-01", ["Mozambique"]),
    "updates/en/b.md": update("B", "2024-01-02", ["Mozambique", "Brazil"]),
    "updates/en/c.md": update("C", "2024-01-03", ["mozambique"]),
    # One country named two ways: one place on the map, its updates counted together.
    "updates/en/d.md": update("D", "2024-01-04", ["Brasil"]),
    "updates/en/e.md": update("E", "2024-01-05", ["Atlantis"]),
    "updates/es/f.md": update("F", "2024-01-06", ["Costa de Marfil"], lang="es"),
    "updates/fr/g.md": update("G", "2024-01-07", ["Brésil", "Côte d'Ivoire"], lang="fr"),
    "updates/pt/h.md": update("H", "2024-01-08", ["Moçambique"], lang="pt"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("maps") / "content"
    write_files(content, SITE)
    return run_pelican(content, content.parent / "output", MAP_LEVELS=[1, 3])


def test_the_world_map_links_each_country_with_updates_and_only_those(site):
    world = Svg(site.page("/countries/"), "map-world")
    assert world.links() == [
        # Brazil and Brasil: 2 updates, linked to the entry with the most (the first of equals, by name), and
        # named as the page's language names it, whatever the updates wrote ("mozambique").
        ("/countries/brasil/", "Brazil: 2 updates", "map-level-1"),
        ("/countries/mozambique/", "Mozambique: 3 updates", "map-level-2"),
    ]
    assert world.root["aria-labelledby"] == "map-world-title" and "role" not in world.root  # its links stay links
    assert [tag for tag, _ in world.elements].count("a") == 2
    land = [attrs for tag, attrs in world.elements if attrs.get("class") == "map-land"]
    assert len(land) == 1 and land[0]["aria-hidden"] == "true" and len(land[0]["d"]) > 10_000
    assert "Map of the countries with updates" in world.text
    # Atlantis has its page and its line in the list, and no place on the map.
    html = site.page("/countries/")
    assert 'href="/countries/atlantis/"' in html and html.count("/countries/atlantis/") == 1


def test_the_map_in_each_language_shows_that_languages_updates(site):
    """Names in Spanish, French and Portuguese find their country, and the link names it in the page's language
    (the label's wording is the catalog's: English until translated)."""
    for lang, expected in [
        ("fr", [("/fr/countries/bresil/", "Brésil"), ("/fr/countries/cote-divoire/", "Côte d'Ivoire")]),
        ("es", [("/es/countries/costa-de-marfil/", "Costa de Marfil")]),
        ("pt", [("/pt/countries/mocambique/", "Moçambique")]),
    ]:
        links = Svg(site.page(f"/{lang}/countries/"), "map-world").links()
        assert [href for href, *_ in links] == [href for href, _ in expected]
        for (_, label, shade), (_, name) in zip(links, expected):
            assert label.startswith(name) and "1" in label and shade == "map-level-1"


def test_a_country_page_shows_its_country_on_a_small_map(site):
    locator = Svg(site.page("/countries/mozambique/"), "map-locator")
    classes = [attrs.get("class") for tag, attrs in locator.elements if tag == "path"]
    assert classes == ["map-land", "map-here"]
    here = next(attrs["d"] for tag, attrs in locator.elements if attrs.get("class") == "map-here")
    # Mozambique's outline, in the middle of the frame (200 wide): not a neighbour's.
    xs = [int(n) for n in re.findall(r"M(-?\d+)", here)]
    assert all(60 < x < 140 for x in xs)
    assert "Location of Mozambique" in locator.text and 0 < locator.size < 5_000
    assert 'role="img"' in site.page("/countries/mozambique/")
    assert Svg(site.page("/countries/atlantis/"), "map-locator").elements == []


def test_the_maps_fetch_nothing(site):
    for url in ("/countries/", "/es/countries/", "/countries/mozambique/", "/pt/countries/mocambique/"):
        html = site.page(url)
        for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S):
            assert "http" not in svg and "<image" not in svg and "<script" not in svg and "url(" not in svg


def test_the_build_makes_no_network_request(tmp_path):
    """A build in a process that refuses any socket: the maps come from the installed package alone."""
    write_files(tmp_path / "content", {"updates/en/a.md": SITE["updates/en/b.md"]})
    program = (
        "import sys\n"
        "def refuse(event, args):\n"
        "    if event.startswith(('socket.', 'urllib.')):\n"
        "        raise RuntimeError(f'network: {event} {args}')\n"
        "sys.addaudithook(refuse)\n"
        "sys.path[:0] = ['.', 'plugins']\n"
        "from conftest import run_pelican\n"
        "from pathlib import Path\n"
        f"site = run_pelican(Path({str(tmp_path / 'content')!r}), Path({str(tmp_path / 'output')!r}))\n"
        "print(site.page('/countries/').count('map-level-'))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-1] == "2"


UNKNOWN = {
    "updates/en/a.md": "---\ntitle: A\ndate: 2024-01-01\ntags: [x]\ncountries: [Brazil, Mozambqiue, Atlantis]\n---\n",
}


def test_an_unknown_country_is_reported_with_its_line(build_site):
    site = build_site(UNKNOWN)
    found = [(f.path, f.line, f.code, f.message, f.hint) for f in site.findings if f.code == "W-COUNTRY-UNKNOWN"]
    assert found == [
        (
            "updates/en/a.md",
            5,
            "W-COUNTRY-UNKNOWN",
            "country 'Mozambqiue' matches no country of Natural Earth's, so it is not on the map",
            "did you mean 'Mozambique'? write its name in English or in the update's language, or its ISO code "
            "(BR, BRA)",
        ),
        (
            "updates/en/a.md",
            5,
            "W-COUNTRY-UNKNOWN",
            "country 'Atlantis' matches no country of Natural Earth's, so it is not on the map",
            "write its name in English or in the update's language, or its ISO code (BR, BRA)",
        ),
    ]
    assert [href for href, *_ in Svg(site.page("/countries/"), "map-world").links()] == ["/countries/brazil/"]


def test_the_check_reports_the_unknown_country_as_the_build_does(tmp_path):
    content = tmp_path / "content"
    write_files(content, UNKNOWN)
    built = {(f.path, f.line, f.code, f.message) for f in run_pelican(content, tmp_path / "output").findings}
    overrides = {k: v for k, v in site_settings(content, tmp_path / "unused").items() if k != "OUTPUT_PATH"}
    # In a process of its own, as `./dev check` runs: this process has run builds with every plugin.
    program = (
        "import sys; sys.path.insert(0, 'plugins'); from validation import check; "
        f"check.run('pelicanconf.py', 'json', **{overrides!r})"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=300)
    checked = {
        (f["file"].rsplit("content/", 1)[1], f["line"], f["code"], f["message"])
        for f in json.loads(done.stdout)["findings"]
    }
    assert checked == built
    assert sum(code == "W-COUNTRY-UNKNOWN" for _, _, code, _ in checked) == 2


def test_the_countries_page_keeps_to_the_budget_in_the_demo_site(tmp_path):
    site = run_pelican(ROOT / "content", tmp_path / "output")
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', site.page("/countries/"))
    stylesheets = sum((site.output / href.lstrip("/")).stat().st_size for href in css)
    for url in ("/countries/", "/es/countries/", "/fr/countries/", "/pt/countries/"):
        html = site.page(url)
        assert Svg(html, "map-world").links(), url
        assert len(html.encode()) + stylesheets <= 50_000, url
        assert Svg(html, "map-world").size <= 35_000, url
    for country in ("brazil", "mali", "mozambique"):
        locator = Svg(site.page(f"/countries/{country}/"), "map-locator")
        assert 0 < locator.size <= 5_000, country


def test_a_map_of_sixty_countries_keeps_to_the_budget(build_site):
    """A hub at work in sixty countries: the map links each, and the page still weighs under 50 KB."""
    codes = "AFG AGO BGD BEN BFA BDI KHM CMR CAF TCD COL COD CIV DJI ECU EGY ETH FJI GHA GTM GIN HTI HND IND IDN "
    codes += "IRQ JOR KEN LBN LBR MDG MWI MLI MRT MOZ MMR NPL NER NGA PAK PER PHL RWA SEN SLE SOM SSD LKA SDN SYR "
    codes += "TZA TLS TGO UGA UKR VUT YEM ZMB ZWE BRA"
    files = {f"updates/en/u{i}.md": update(f"U{i}", "2024-01-01", [code]) for i, code in enumerate(codes.split())}
    site = build_site(files)
    html = site.page("/countries/")
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert len(Svg(html, "map-world").links()) == 60
    assert len(html.encode()) + sum((site.output / h.lstrip("/")).stat().st_size for h in css) <= 50_000


@pytest.mark.parametrize("levels", [[3, 1], [], [0, 2], [1, 2, 3, 4, 5], "1,3"])
def test_map_levels_must_be_ascending_whole_numbers(tmp_path, levels):
    (tmp_path / "content").mkdir()
    with pytest.raises(SettingsError, match="MAP_LEVELS"):
        run_pelican(tmp_path / "content", tmp_path / "output", MAP_LEVELS=levels)
