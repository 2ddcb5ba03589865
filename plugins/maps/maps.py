"""Where the hub works: a world map on the countries index, and a small locator map on each country's page.

Both are inline SVG made when the site is built, from Natural Earth's shapes (geometry.py): no tiles, no script,
nothing fetched by the reader or by the build. On the world map each country with updates in the page's language
is a link to its page, shaded by its number of updates (MAP_LEVELS); the others are plain land that screen
readers skip, since the list under the map names every country already. The templates draw the markup and say
its words (`partials/map/`); this plugin gives them the shapes, through `world_map()` and `locator_map()`.

A country name no Natural Earth country has (names.py) is reported (W-COUNTRY-UNKNOWN) and left off the map. The
report comes from the documents, not from drawing, so `./dev check` runs this plugin too; it renders nothing
there, so it draws nothing.
"""

from dataclasses import dataclass, replace

from jinja2 import pass_context
from pelican import signals

from hubcore import findings, kept, plugin, updates
from hubcore.errors import SettingsError
from hubcore.settings import apply_defaults

from . import geometry
from .names import Countries, fold

KIND = "countries"
WORLD_WIDTH = 1000
# A tiny country (Singapore, Tuvalu) would vanish at this scale: it gets a dot where its largest land is.
DOT_BELOW = 3
LOCATOR_WIDTH, LOCATOR_HEIGHT = 200, 150
LOCATOR_TOLERANCE = 1.2
LOCATOR_MIN_AREA = 3
# A locator shows the country's largest land PADDING times over, and never less than this share of the world's
# width, so a small country is seen with its neighbours.
PADDING = 2.5
MIN_FRAME = 0.08
# Clipped rings run along their box's edge: the box reaches this far (locator units) beyond the view.
CLIP_MARGIN = 3

_made = {}  # what a process made once: the grid, the names, the world's shapes, each locator


def made(key, make):
    if key not in _made:
        _made[key] = make()
    return _made[key]


def check_settings(pelican):
    settings = pelican.settings
    geometry.source()  # the package is missing: say so now, not when the first map is drawn
    levels = settings["MAP_LEVELS"]
    if (
        not isinstance(levels, list)
        or not 1 <= len(levels) <= 4
        or not all(isinstance(n, int) and n >= 1 for n in levels)
        or levels != sorted(set(levels))
    ):
        raise SettingsError("MAP_LEVELS must list one to four whole numbers of updates, ascending, such as [1, 3, 6]")
    for name in ("MAP_SIMPLIFY_TOLERANCE", "MAP_MIN_AREA"):
        if not isinstance(settings[name], (int, float)) or settings[name] < 0:
            raise SettingsError(f"{name} must be a number, 0 or more")


def countries(settings):
    """Every Natural Earth country's names, folded, for the site's languages."""
    archive, version = geometry.source()
    languages = tuple(settings["LANGUAGES"])
    return made(
        ("names", version, languages),
        lambda: Countries(geometry.records(archive, Countries.fields(languages)), languages),
    )


def grid(settings):
    return made(("grid", geometry.source()[1]), lambda: geometry.load(kept.folder(settings["CACHE_PATH"])))


def report_unknown(generators):
    """W-COUNTRY-UNKNOWN for each name in `countries:` that matches no country: it stays off the map."""
    settings, context = generators[0].settings, generators[0].context
    known = countries(settings)
    for document in updates.every_document(context):
        names = [name for name in document.metadata.get(KIND) or () if isinstance(name, str) and fold(name)]
        for name in dict.fromkeys(names):
            if known.find(name):
                continue
            closest = known.closest(name)
            findings.report(
                settings,
                findings.WARNING,
                "W-COUNTRY-UNKNOWN",
                document.relative_source_path,
                document.metadata.get("source_lines", {}).get(KIND, 0),
                f"country {name!r} matches no country of Natural Earth's, so it is not on the map",
                (f"did you mean {closest!r}? " if closest else "")
                + "write its name in English or in the update's language, or its ISO code (BR, BRA)",
            )


def draw_ahead(generators):
    """The world's shapes made before any page is rendered: the processes that render pages (the engine's) then
    share them instead of each making them again."""
    settings = generators[0].settings
    if not settings["HUB_CHECK_ONLY"]:
        world_shapes(settings)


@dataclass
class Place:
    """A country with updates on the world map."""

    entity: object  # the directory entry its link goes to
    name: str  # in the page's language
    count: int
    level: int
    d: str
    dot: tuple = None


@dataclass
class WorldMap:
    view_box: str
    land: str  # every other country, as one path
    places: list


@dataclass
class Locator:
    view_box: str
    land: str
    here: str
    dot: tuple = None
    name: str = ""  # the country's, in the page's language


def level(count, steps):
    """The shade of a country with `count` updates: how many of MAP_LEVELS' steps it reaches (at least 1)."""
    return max(1, sum(count >= step for step in steps))


def world_shapes(settings):
    """(viewBox, {country: (path data, dot)}) of the whole world, at MAP_SIMPLIFY_TOLERANCE."""
    tolerance, min_area = settings["MAP_SIMPLIFY_TOLERANCE"], settings["MAP_MIN_AREA"]
    key = ("world", geometry.source()[1], tolerance, min_area)
    return made(key, lambda: draw_world(grid(settings), tolerance, min_area))


def draw_world(rings_by_country, tolerance, min_area):
    x0, y0, x1, y1 = geometry.bounds([ring for rings in rings_by_country.values() for ring in rings])
    scale = WORLD_WIDTH / (x1 - x0)
    shapes = {}
    for code, rings in rings_by_country.items():
        local = [[((x - x0) * scale, (y - y0) * scale) for x, y in ring] for ring in rings]
        kept = [ring for ring in (geometry.thin(ring, tolerance, min_area) for ring in local) if ring]
        shapes[code] = (geometry.path_data(kept), dot(kept, local))
    return f"0 0 {WORLD_WIDTH} {round((y1 - y0) * scale)}", shapes


def dot(kept, rings, below=DOT_BELOW):
    """Where to mark a country too small to see: the middle of its largest land; None when it can be seen."""
    if kept:
        bx0, by0, bx1, by1 = geometry.bounds(kept)
        if max(bx1 - bx0, by1 - by0) >= below:
            return None
    x0, y0, x1, y1 = geometry.bounds([max(rings, key=lambda ring: abs(geometry.area(ring)))])
    return round((x0 + x1) / 2), round((y0 + y1) / 2)


@pass_context
def world_map(context, entities, lang):
    """The world map of a countries index: each listed country with updates in `lang`, with its count and shade.

    Two entries may name one country ("Brazil" in one update, "Brasil" in another): it is one place, counting
    their updates together, and its link goes to the entry with the most. Its name is Natural Earth's in `lang`,
    however the updates spelled it."""
    known = countries(context)
    view_box, shapes = world_shapes(context)
    groups = {}
    for entity in entities:
        code = known.find_entity(entity)
        if code in shapes and entity.updates.get(lang):
            groups.setdefault(code, []).append(entity)
    places = []
    for code, group in groups.items():
        count = len({id(update) for entity in group for update in entity.updates[lang]})
        main = max(group, key=lambda entity: len(entity.updates[lang]))
        places.append(Place(main, known.name(code, lang), count, level(count, context["MAP_LEVELS"]), *shapes[code]))
    land = "".join(d for code, (d, _) in shapes.items() if code not in groups)
    return WorldMap(view_box, land, places)


@pass_context
def locator_map(context, entity):
    """A small map of the country of a directory entry and its region, or None when no country matches it."""
    known = countries(context)
    code = known.find_entity(entity)
    if code not in grid(context):
        return None
    drawn = made(("locator", geometry.source()[1], code), lambda: draw_locator(grid(context), code))
    return replace(drawn, name=known.name(code, context["lang"]))


def frame_of(rings):
    """(x0, y0, x1, y1) on the fine grid around a country's largest land, in the locator's proportions."""
    x0, y0, x1, y1 = geometry.bounds([max(rings, key=lambda ring: abs(geometry.area(ring)))])
    width = max(
        (x1 - x0) * PADDING,
        (y1 - y0) * PADDING * LOCATOR_WIDTH / LOCATOR_HEIGHT,
        MIN_FRAME * geometry.FINE_WIDTH,
    )
    height = width * LOCATOR_HEIGHT / LOCATOR_WIDTH
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2


def draw_locator(rings_by_country, code):
    frame = frame_of(rings_by_country[code])
    scale = LOCATOR_WIDTH / (frame[2] - frame[0])
    margin = CLIP_MARGIN / scale
    box = (frame[0] - margin, frame[1] - margin, frame[2] + margin, frame[3] + margin)

    def draw(rings):
        kept = []
        for ring in rings:
            bx0, by0, bx1, by1 = geometry.bounds([ring])
            if bx1 < box[0] or bx0 > box[2] or by1 < box[1] or by0 > box[3]:
                continue
            clipped = geometry.clip(ring, box)
            local = [((x - frame[0]) * scale, (y - frame[1]) * scale) for x, y in clipped]
            thinned = geometry.thin(local, LOCATOR_TOLERANCE, LOCATOR_MIN_AREA) if len(local) >= 3 else None
            if thinned:
                kept.append(thinned)
        return kept

    here = draw(rings_by_country[code])
    land = [ring for other, rings in rings_by_country.items() if other != code for ring in draw(rings)]
    local = [[((x - frame[0]) * scale, (y - frame[1]) * scale) for x, y in ring] for ring in rings_by_country[code]]
    return Locator(
        f"0 0 {LOCATOR_WIDTH} {LOCATOR_HEIGHT}",
        geometry.path_data(land),
        geometry.path_data(here),
        dot(here, local, below=2 * DOT_BELOW),
    )


def prepare_environment(generator):
    generator.env.globals.update(world_map=world_map, locator_map=locator_map)


SIGNAL_HANDLERS = {
    signals.initialized: (apply_defaults, check_settings),
    signals.generator_init: prepare_environment,
    signals.all_generators_finalized: (report_unknown, draw_ahead),
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
