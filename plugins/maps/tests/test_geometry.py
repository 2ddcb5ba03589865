"""Natural Earth's shapes from the pinned package: projected, simplified, clipped and written as path data; and
which country a name means."""

import json
import math
import re

import pytest

from maps import geometry, maps
from maps.names import Countries, fold

LANGUAGES = ("en", "es", "fr", "pt")


@pytest.fixture(scope="module")
def grid(tmp_path_factory):
    return geometry.load(str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="module")
def known():
    archive, _ = geometry.source()
    return Countries(geometry.records(archive, Countries.fields(LANGUAGES)), LANGUAGES)


@pytest.mark.parametrize(
    "name, code",
    [
        ("Brazil", "BRA"),
        ("Brasil", "BRA"),  # Spanish and Portuguese
        ("Brésil", "BRA"),  # French
        ("BRÉSIL", "BRA"),
        ("bresil", "BRA"),
        ("BR", "BRA"),
        ("bra", "BRA"),
        ("Mozambique", "MOZ"),
        ("Moçambique", "MOZ"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d Ivoire", "CIV"),
        ("Costa de Marfil", "CIV"),
        ("Costa do Marfim", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Democratic Republic of the Congo", "COD"),
        ("République démocratique du Congo", "COD"),
        ("Colombie", "COL"),
        ("United States of America", "USA"),
        ("Tanzania", "TZA"),
        ("Denmark", "DNK"),  # not Greenland, whose sovereign it is
        ("Bosnia & Herzegovina", "BIH"),
    ],
)
def test_names_in_english_spanish_french_portuguese_and_codes_match(known, name, code):
    assert known.find(name) == code


@pytest.mark.parametrize("name", ["Atlantis", "Latin America", "Global", "!!!", ""])
def test_other_names_match_nothing(known, name):
    assert known.find(name) is None


@pytest.mark.parametrize(
    "code, lang, name",
    [("BRA", "en", "Brazil"), ("BRA", "es", "Brasil"), ("BRA", "fr", "Brésil"), ("MOZ", "pt", "Moçambique")],
)
def test_a_country_is_named_in_the_page_language(known, code, lang, name):
    assert known.name(code, lang) == name


def test_a_misspelt_name_gets_a_suggestion(known):
    assert known.closest("Mozambqiue") == "Mozambique"
    assert known.closest("Atlantis") == ""


def test_folding_drops_case_accents_and_punctuation():
    assert fold("Côte d'Ivoire") == fold("COTE D’IVOIRE") == "cotedivoire"


def test_equal_earth_is_symmetric_and_spans_the_world():
    assert geometry.equal_earth(0, 0) == (0.0, 0.0)
    east, north = geometry.equal_earth(180, 0)[0], geometry.equal_earth(0, 90)[1]
    assert east == pytest.approx(2.70663, abs=1e-5) and north == pytest.approx(1.31736, abs=1e-5)
    x, y = geometry.equal_earth(-40, -30)
    assert (x, y) == pytest.approx(tuple(-v for v in geometry.equal_earth(40, 30)))
    # Equal area: a band near the pole is narrower than the same band at the equator.
    assert geometry.equal_earth(10, 80)[0] < geometry.equal_earth(10, 0)[0]


def test_douglas_peucker_keeps_corners_and_drops_what_lies_near_the_line():
    noisy = [(0, 0), (5, 0.3), (10, 0), (10, 5), (10.2, 7), (10, 10), (0, 10), (0, 0)]
    assert geometry.douglas_peucker(noisy, 0.5) == [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    assert geometry.douglas_peucker(noisy, 0.1) == noisy


def test_islets_smaller_than_the_least_area_are_dropped():
    square = [(0, 0), (4, 0), (4, 4), (0, 4)]
    assert geometry.thin(square, 0.5, 16) == square
    assert geometry.thin(square, 0.5, 17) is None


def test_clipping_keeps_only_what_lies_in_the_box():
    ring = [(-5, 2), (5, 2), (5, 8), (-5, 8)]
    clipped = geometry.clip(ring, (0, 0, 10, 10))
    assert sorted(clipped) == [(0, 2), (0, 8), (5, 2), (5, 8)]
    assert geometry.clip(ring, (20, 20, 30, 30)) == []


def absolute_points(d):
    """The points of path data written by path_data, back in absolute numbers."""
    rings = []
    for start, steps in re.findall(r"M(-?\d+ -?\d+)l([^z]*)z", d):
        x, y = map(int, start.split())
        numbers = [int(n) for n in re.findall(r"-?\d+", steps)]
        ring = [(x, y)]
        for dx, dy in zip(numbers[::2], numbers[1::2]):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def test_path_data_is_relative_and_reads_back():
    rings = [[(10, 10), (13, 8), (13, 20), (9, 15)], [(100, 5), (98, 7), (102, 9)]]
    d = geometry.path_data(rings)
    assert d == "M10 10l3-2 0 12-4-5zM100 5l-2 2 4 2z"
    assert absolute_points(d) == rings


def test_the_prepared_grid_is_kept_under_the_package_version_and_read_back(tmp_path):
    countries = geometry.load(str(tmp_path))
    version = geometry.source()[1]
    kept = tmp_path / "maps" / f"countries-{version}-{geometry.FORMAT}.json"
    assert kept.is_file() and "ATA" not in countries and {"BRA", "MLI", "MOZ", "FRA"} <= set(countries)
    # The next build reads the file, not the shapefile: what it finds there is what it draws.
    kept.write_text(json.dumps({"XXX": [[[0, 0], [9, 0], [9, 9]]]}), encoding="utf-8")
    assert geometry.load(str(tmp_path)) == {"XXX": [[(0, 0), (9, 0), (9, 9)]]}
    kept.write_text("{cut short", encoding="utf-8")
    assert set(geometry.load(str(tmp_path))) == set(countries)


def test_the_world_fits_its_view_and_every_country_is_drawn_or_dotted(grid):
    view_box, shapes = maps.draw_world(grid, 1.0, 4)
    width, height = map(int, view_box.split()[2:])
    assert width == maps.WORLD_WIDTH and 400 < height < 500
    points = [p for d, _ in shapes.values() for ring in absolute_points(d) for p in ring]
    assert all(0 <= x <= width and 0 <= y <= height for x, y in points)
    assert all(d or dot for d, dot in shapes.values())
    # Brazil lies west of Mozambique and both south of Mali, as on any map.
    middle = {code: geometry.bounds(absolute_points(shapes[code][0])) for code in ("BRA", "MOZ", "MLI")}
    assert middle["BRA"][2] < middle["MOZ"][0] and middle["MLI"][3] < min(middle["BRA"][1], middle["MOZ"][1])


@pytest.mark.parametrize("code", ["MLI", "BRA", "DEU", "IND", "IDN", "NOR", "CHE", "SGP", "TUV"])
def test_a_locator_map_frames_its_country_within_a_few_kilobytes(grid, code):
    locator = maps.draw_locator(grid, code)
    assert locator.here or locator.dot
    assert len(locator.land) + len(locator.here) < 4_500
    if locator.here and not locator.dot:
        x0, y0, x1, y1 = geometry.bounds(absolute_points(locator.here))
        # The country is in the middle of its frame, and takes a fair part of it.
        assert math.isclose((x0 + x1) / 2, maps.LOCATOR_WIDTH / 2, abs_tol=20)
        assert max(x1 - x0, (y1 - y0) * maps.LOCATOR_WIDTH / maps.LOCATOR_HEIGHT) > maps.LOCATOR_WIDTH / 8
