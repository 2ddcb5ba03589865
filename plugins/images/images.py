"""Light images: local feature images, portraits and logos resized at build time to a few widths, in WebP and
their own format.

The page gets `<picture>` with `srcset`/`sizes`, and the original's width and
height so nothing shifts while it loads. Encoded files are kept in the cache
folder, named after the source's content, so a rebuild copies them instead of
encoding again. Remote images (the archive's absolute URLs) are left as they
are, never fetched.

An image that cannot be read (not an image, a decompression bomb of 20,000 by
20,000 pixels, a half-uploaded file) is named in an error and left as it is.
Each image is read whole once, before any page refers to its variants (a
marker in the cache remembers it could be); `./dev check` runs this plugin
too, and writes nothing.
"""

import hashlib
import os
import shutil
import warnings

from pelican import signals
from pelican.generators import Generator
from PIL import Image, UnidentifiedImageError

from hubcore import findings, plugin, state, updates, urls
from hubcore.settings import apply_defaults

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# The most pixels a side WebP holds (Pillow refuses to save more).
WEBP_MAX_SIDE = 16383
# What opening or decoding a broken or hostile file raises.
UNREADABLE = (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning)


def plan(generator):
    """Give each local feature image its variants (`image["variants"]`) before any page is rendered."""
    planned = {}  # source file -> what the page needs of it: many updates share one image
    for update in updates.every_status(generator):
        image = update.metadata.get("feature_image")
        where = (update.relative_source_path, update.metadata.get("source_lines", {}).get("feature_image", 0))
        plan_image(image, generator.settings, where, "IMAGE_WIDTHS", planned)


def plan_photos(generators):
    """The same for the portraits and logos of people, partners and the other entries with a file (smaller
    widths: they are shown small)."""
    settings, planned = generators[0].settings, {}
    for entity, photo in photos(generators[0].context):
        where = (entity.source_path, entity.metadata.get("source_lines", {}).get("photo", 0))
        plan_image(photo, settings, where, "PHOTO_WIDTHS", planned)


def photos(context):
    """(entry, photo) of every entry with a file and a photo."""
    for entries in context.get(updates.DIRECTORY, {}).values():
        for entity in entries.values():
            if entity.source_path and entity.metadata.get("photo"):
                yield entity, entity.metadata["photo"]


def plan_image(image, settings, where, widths, planned):
    source = urls.content_file(settings, image["src"]) if image and image["src"].startswith(("/", "{")) else None
    if source is None or not urls.readable(settings, source):
        return  # remote: left as it is; missing or outside content/: never read (E-IMAGE-MISSING, -PATH)
    if (source, widths) not in planned:
        planned[source, widths] = variants(source, settings, where, settings[widths])
    if planned[source, widths]:
        image.update(planned[source, widths])
        image["where"] = where


def variants(source, settings, where, wanted):
    """The widths and formats to make of one image, named after its content; None when there are none to make: a
    format Pillow does not read (SVG) is shown as it is, a file it cannot read whole (a decompression bomb, a
    half-uploaded file) is named in E-IMAGE-UNREADABLE, in the first file that shows it, and shown as it is."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as opened:
                width, height, kind = *opened.size, opened.format
        with open(source, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()[:10]
        stem = os.path.splitext(os.path.basename(source))[0]
        read_whole(source, os.path.join(settings["CACHE_PATH"], "images", f"{stem}-{digest}.read"))
    except UnidentifiedImageError:
        return None  # a format Pillow does not read (SVG): shown as it is
    except UNREADABLE as error:
        findings.report(
            settings,
            findings.ERROR,
            "E-IMAGE-UNREADABLE",
            *where,
            f"the image cannot be read as an image ({type(error).__name__}: {error})",
            "save it again as a JPEG or PNG of at most a few thousand pixels a side",
        )
        return None
    if kind not in FORMATS:
        return None
    widths = [w for w in wanted if w < width] + [width]
    try:
        check_size(width, height, widths)
    except SizeRefused as refused:
        # Found from the sizes alone, so `./dev check`, which encodes nothing, names it as a build does.
        findings.report(
            settings,
            findings.ERROR,
            "E-IMAGE-SIZE",
            *where,
            f"the image is {width}×{height} pixels: {refused.reason}; it is shown as it is",
            refused.fix,
        )
        return None
    formats = list(dict.fromkeys(("WEBP", kind)))  # a WebP source is made once
    made = [
        {"format": fmt, "width": w, "name": f"{settings['IMAGE_FOLDER']}{stem}-{digest}-{w}.{FORMATS[fmt]}"}
        for fmt in formats
        for w in widths
    ]
    # The `srcset` of each format and the fallback's address, written once per image and build for every page
    # and card that shows it (RELATIVE_URLS is off: SITEURL is the same on every page).
    srcset = {
        fmt: ", ".join(f"{settings['SITEURL']}/{v['name']} {v['width']}w" for v in made if v["format"] == fmt)
        for fmt in formats
    }
    return {
        "width": width,
        "height": height,
        "source": source,
        "variants": made,
        "webp_srcset": srcset["WEBP"],
        "srcset": srcset[kind],
        "fallback": f"{settings['SITEURL']}/{made[-1]['name']}",
    }


class SizeRefused(Exception):
    """The variants of an image cannot all be made at its size: why, and what the editor can do."""

    def __init__(self, reason, fix):
        super().__init__(reason)
        self.reason, self.fix = reason, fix


def check_size(width, height, widths):
    """Raise SizeRefused when an image of `width`×`height` pixels cannot be saved at each of `widths`."""
    if max(width, height) > WEBP_MAX_SIDE:
        raise SizeRefused(
            f"WebP holds at most {WEBP_MAX_SIDE:,} pixels a side",
            f"crop it, or save it again at most {WEBP_MAX_SIDE:,} pixels a side",
        )
    narrowest = min(widths)
    if scaled_height(width, height, narrowest) < 1:
        raise SizeRefused(
            f"its {narrowest}-pixel-wide version would be less than a pixel high",
            "crop it narrower, or give it more height",
        )


def scaled_height(width, height, new_width):
    """The height of an image of `width`×`height` pixels resized to `new_width`: the plan and the encoder agree."""
    return round(height * new_width / width)


def read_whole(source, marker):
    """Decode the whole image once: before a page refers to variants that could not be made. The marker, named
    after the content, spares the next builds and checks."""
    if os.path.exists(marker):
        return
    with Image.open(source) as opened:
        opened.load()
    os.makedirs(os.path.dirname(marker), exist_ok=True)
    open(marker, "w").close()


class ImagesGenerator(Generator):
    def generate_output(self, writer):
        settings = self.settings
        if settings["HUB_CHECK_ONLY"]:
            return  # `plan` read each image whole: what encoding it would find
        cache = os.path.join(settings["CACHE_PATH"], "images")
        os.makedirs(cache, exist_ok=True)
        done = set()
        shown = [update.metadata.get("feature_image") or {} for update in updates.every_document(self.context)]
        for image in shown + [photo for _entity, photo in photos(self.context)]:
            for variant in image.get("variants", []):
                if variant["name"] in done:
                    continue
                done.add(variant["name"])
                cached = os.path.join(cache, os.path.basename(variant["name"]))
                if not os.path.exists(cached) and not encode(
                    image["source"], cached, variant, settings, image["where"]
                ):
                    break  # reported; the page shows the image as it is
                target = os.path.join(self.output_path, variant["name"])
                # Names carry the source's digest: a file of that name and size is that variant.
                if not os.path.exists(target) or os.path.getsize(target) != os.path.getsize(cached):
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    shutil.copyfile(cached, target)


def report_encoding(error, settings, where):
    findings.report(
        settings,
        findings.ERROR,
        "E-IMAGE-ENCODE",
        *where,
        f"the image could not be resized: {error}",
        "save it again as JPEG or PNG",
    )


def encode(source, target, variant, settings, where):
    """Write one variant into the cache; False (reported) when the image cannot be read whole."""
    try:
        with Image.open(source) as opened:
            opened.load()
            picture = opened.convert("RGBA" if opened.mode in ("RGBA", "LA", "P") else "RGB")
            if variant["width"] < picture.width:
                height = scaled_height(picture.width, picture.height, variant["width"])
                picture = picture.resize((variant["width"], height), Image.Resampling.LANCZOS)
            if variant["format"] == "JPEG" and picture.mode == "RGBA":
                picture = picture.convert("RGB")
            picture.save(target + ".part", format=variant["format"], quality=settings["IMAGE_QUALITY"], optimize=True)
        os.replace(target + ".part", target)  # never a half-written file in the cache
        state.of(settings).images_encoded += 1
        return True
    except UNREADABLE as error:
        report_encoding(error, settings, where)
        return False


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.article_generator_finalized: (updates.collect, plan),
    signals.all_generators_finalized: plan_photos,
    signals.get_generators: plugin.adds_generator(ImagesGenerator),
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
