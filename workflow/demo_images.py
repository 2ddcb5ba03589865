"""The demo content's pictures, drawn by the project: `python -m workflow.demo_images` writes them again.

Feature images are flat map-like illustrations (a town's streets and buildings seen from above, with the
story's subject drawn over them: a flood, a cyclone, survey points, a mapathon's task squares), portraits are
drawn figures, and partner logos are plain stand-in marks with the partner's short name: no photograph, no
stock image and no organisation's real logo. Each picture comes from a fixed seed, so drawing them again gives
the same pictures.
"""

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

CONTENT = Path(__file__).resolve().parent.parent / "content" / "images"
SIZE = (1200, 675)
LAND, WATER, ROAD, BUILDING = (238, 234, 224), (150, 196, 222), (255, 255, 255), (214, 205, 190)

# file name -> (seed, what is drawn over the town)
FEATURES = {
    "flood-porto-alegre.jpg": (11, "flood"),
    "cyclone-mozambique.jpg": (23, "cyclone"),
    "field-survey-bamako.jpg": (37, "survey"),
    "mapathon-task-squares.jpg": (41, "tasks"),
    "microgrants-communities.jpg": (53, "network"),
    "displacement-sites.jpg": (67, "sites"),
}
# file name -> (seed, background, skin, hair, shirt)
PORTRAITS = {
    "amadou-diallo.png": (1, (231, 214, 186), (121, 78, 48), (30, 24, 20), (47, 111, 143)),
    "celine-jacquin.png": (2, (207, 226, 215), (240, 205, 180), (110, 70, 40), (107, 76, 138)),
    "emilio-mariscal.png": (3, (233, 221, 240), (205, 160, 120), (40, 30, 25), (61, 122, 79)),
    "mariana-costa.png": (4, (246, 220, 208), (170, 115, 80), (25, 20, 18), (179, 38, 30)),
    "nate-smith.png": (5, (214, 226, 240), (236, 196, 170), (150, 100, 60), (31, 95, 91)),
    "ruben-martin.png": (6, (240, 232, 205), (215, 170, 130), (60, 45, 35), (138, 90, 43)),
}
# file name -> (short name, colour)
LOGOS = {
    "iom.png": ("IOM", (0, 51, 160)),
    "ifrc.png": ("IFRC", (200, 16, 46)),
    "youthmappers.png": ("YM", (0, 122, 90)),
}


def town(draw, rng):
    """Streets on a bent grid, a river across, buildings along the streets."""
    width, height = SIZE
    river = [(x, height * 0.55 + math.sin(x / 170 + rng.random()) * 60) for x in range(-20, width + 40, 40)]
    draw.line(river, fill=WATER, width=70, joint="curve")
    for x in range(rng.randrange(40, 90), width, rng.randrange(120, 160)):
        draw.line([(x, 0), (x + rng.randrange(-60, 60), height)], fill=ROAD, width=10)
    for y in range(rng.randrange(30, 70), height, rng.randrange(110, 150)):
        draw.line([(0, y), (width, y + rng.randrange(-40, 40))], fill=ROAD, width=10)
    for _ in range(260):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(14, 34), rng.randrange(12, 28)
        draw.rectangle([x, y, x + w, y + h], fill=BUILDING, outline=(190, 180, 165))


def flood(draw, rng):
    width, height = SIZE
    points = [(x, height * 0.35 + rng.randrange(-50, 50)) for x in range(0, width + 100, 100)]
    points += [(width, height), (0, height)]
    draw.polygon(points, fill=(70, 140, 200, 110))


def cyclone(draw, rng):
    cx, cy = SIZE[0] * 0.62, SIZE[1] * 0.45
    for arm in range(4):
        spiral = [
            (cx + r * math.cos(a + arm * math.pi / 2), cy + r * math.sin(a + arm * math.pi / 2))
            for a, r in ((t / 12, 8 + t * 3.2) for t in range(110))
        ]
        draw.line(spiral, fill=(255, 255, 255, 190), width=14, joint="curve")
    draw.ellipse([cx - 22, cy - 22, cx + 22, cy + 22], fill=(70, 90, 120, 220))


def survey(draw, rng):
    for _ in range(28):
        x, y = rng.randrange(60, SIZE[0] - 60), rng.randrange(60, SIZE[1] - 60)
        draw.ellipse([x - 13, y - 13, x + 13, y + 13], fill=(179, 38, 30, 235), outline=(255, 255, 255), width=4)


def tasks(draw, rng):
    colours = [(61, 122, 79, 150), (240, 180, 40, 150), (255, 255, 255, 60), (47, 111, 143, 150)]
    for x in range(0, SIZE[0], 75):
        for y in range(0, SIZE[1], 75):
            draw.rectangle([x, y, x + 75, y + 75], fill=rng.choice(colours), outline=(60, 60, 60, 160), width=2)


def network(draw, rng):
    points = [(rng.randrange(80, SIZE[0] - 80), rng.randrange(80, SIZE[1] - 80)) for _ in range(14)]
    centre = (SIZE[0] / 2, SIZE[1] / 2)
    points.sort(key=lambda p: math.atan2(p[1] - centre[1], p[0] - centre[0]))  # a ring, not a tangle
    for a, b in zip(points, points[1:] + points[:1]):
        draw.line([a, b], fill=(107, 76, 138, 200), width=6)
    for x, y in points:
        draw.ellipse([x - 20, y - 20, x + 20, y + 20], fill=(107, 76, 138, 255), outline=(255, 255, 255), width=5)


def sites(draw, rng):
    for _ in range(6):
        x0, y0 = rng.randrange(40, SIZE[0] - 240), rng.randrange(40, SIZE[1] - 180)
        for i in range(5):
            for j in range(4):
                x, y = x0 + i * 40, y0 + j * 36
                draw.polygon([(x, y + 26), (x + 15, y), (x + 30, y + 26)], fill=(47, 111, 143, 230))


SUBJECTS = {"flood": flood, "cyclone": cyclone, "survey": survey, "tasks": tasks, "network": network, "sites": sites}


def feature(seed, subject):
    rng = random.Random(seed)
    base = Image.new("RGB", SIZE, LAND)
    town(ImageDraw.Draw(base), rng)
    layer = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    SUBJECTS[subject](ImageDraw.Draw(layer), rng)
    return Image.alpha_composite(base.convert("RGBA"), layer).convert("RGB")


def portrait(seed, background, skin, hair, shirt):
    rng, size = random.Random(seed), 480
    picture = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(picture)
    draw.ellipse([60, 330, 420, 640], fill=shirt)  # shoulders
    draw.rectangle([205, 270, 275, 360], fill=skin)  # neck
    draw.ellipse([140, 90, 340, 320], fill=skin)  # face
    long_hair = rng.random() < 0.5
    draw.chord([130, 70, 350, 260], 180, 360, fill=hair)
    if long_hair:
        draw.rectangle([130, 160, 165, 330], fill=hair)
        draw.rectangle([315, 160, 350, 330], fill=hair)
    for eye in (205, 275):
        draw.ellipse([eye - 9, 200, eye + 9, 218], fill=(40, 30, 25))
    draw.arc([205, 235, 275, 280], 20, 160, fill=(120, 50, 40), width=5)
    return picture


def logo(short_name, colour):
    picture = Image.new("RGB", (640, 320), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    draw.ellipse([40, 40, 280, 280], outline=colour, width=18)
    draw.line([(60, 160), (260, 160)], fill=colour, width=10)
    draw.arc([100, 40, 220, 280], 0, 360, fill=colour, width=10)
    font = ImageFont.load_default(size=120 if len(short_name) < 4 else 96)
    draw.text((310, 160), short_name, fill=colour, font=font, anchor="lm")
    return picture


def main():
    for folder in ("updates", "people", "partners"):
        (CONTENT / folder).mkdir(parents=True, exist_ok=True)
    for name, (seed, subject) in FEATURES.items():
        feature(seed, subject).save(CONTENT / "updates" / name, quality=82, optimize=True, progressive=True)
    for name, spec in PORTRAITS.items():
        portrait(*spec).save(CONTENT / "people" / name, optimize=True)
    for name, spec in LOGOS.items():
        logo(*spec).save(CONTENT / "partners" / name, optimize=True)
    print(f"{len(FEATURES) + len(PORTRAITS) + len(LOGOS)} pictures in {CONTENT}")


if __name__ == "__main__":
    main()
