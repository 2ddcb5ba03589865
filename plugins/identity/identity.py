"""The site's look in one place: colours, type scale and spacing as CSS custom properties, from settings.

The stylesheet every page links to (`theme/css/site.css`) is written here: first the custom properties made
from THEME_COLORS (a light and a dark scheme) and THEME_SCALE, then the theme's rules
(`theme/styles/site.css`), which take every colour, size and space from those properties. One file, one
request, as before; a site changes its look in `pelicanconf.py` alone.

The colours are checked when a build starts: each text colour keeps WCAG AA contrast (4.5:1) on the
backgrounds it is drawn on, in both schemes, or the setting is refused with the pair and its ratio. Values
are checked too, so a setting cannot end the declaration it fills.
"""

import os
import re
import zlib

from jinja2 import pass_context
from pelican import signals

from hubcore import files, plugin
from hubcore.errors import SettingsError
from hubcore.settings import apply_defaults

SCHEMES = ("light", "dark")
# Text colour -> the backgrounds it is drawn on (links are accent-coloured; the header and buttons are
# accent-text on accent).
CONTRAST_PAIRS = {
    "text": ("surface", "soft"),
    "muted": ("surface", "soft"),
    "accent": ("surface", "soft"),
    "accent-text": ("accent",),
}
AA = 4.5
HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
NAME = re.compile(r"[a-z][a-z0-9-]*")
# What could end a declaration (or swallow the next one), or fetch a file.
UNSAFE = re.compile(r"[;{}<>\\\n\r]|/\*|url\(|@import", re.IGNORECASE)
RULES = os.path.join("styles", "site.css")


def check_settings(pelican):
    colors, scale = pelican.settings["THEME_COLORS"], pelican.settings["THEME_SCALE"]
    shape = isinstance(colors, dict) and set(colors) == set(SCHEMES)
    if not shape or not all(isinstance(colors[scheme], dict) for scheme in SCHEMES) or not isinstance(scale, dict):
        raise SettingsError(
            "THEME_COLORS must have a 'light' and a 'dark' scheme, each {name: '#rrggbb'}; THEME_SCALE {name: value}"
        )
    for scheme in SCHEMES:
        check_colors(colors[scheme], scheme)
        check_contrast(colors[scheme], scheme)
    differ = set(colors["light"]) ^ set(colors["dark"])
    if differ:
        raise SettingsError(f"THEME_COLORS' light and dark schemes must name the same colours: {sorted(differ)}")
    for name, value in scale.items():
        if not NAME.fullmatch(str(name)) or not safe_value(value):
            raise SettingsError(f"THEME_SCALE[{name!r}] must be a CSS value such as '1.25rem'")


def check_colors(colors, scheme):
    for name, value in colors.items():
        if not NAME.fullmatch(str(name)) or not isinstance(value, str) or not HEX.fullmatch(value):
            raise SettingsError(f"THEME_COLORS[{scheme!r}][{name!r}] must be a colour such as '#1d1d1f'")


def safe_value(value):
    """A value that stays inside its declaration: no `;`, brace, comment, newline, file, nor an open quote (it
    would swallow the next declaration)."""
    return isinstance(value, str) and not UNSAFE.search(value) and not (value.count('"') % 2 or value.count("'") % 2)


def check_contrast(colors, scheme):
    for text, backgrounds in CONTRAST_PAIRS.items():
        for background in backgrounds:
            if text not in colors or background not in colors:
                raise SettingsError(f"THEME_COLORS[{scheme!r}] lacks {text if text not in colors else background!r}")
            ratio = contrast(colors[text], colors[background])
            if ratio < AA:
                raise SettingsError(
                    f"THEME_COLORS[{scheme!r}]: {text} {colors[text]} on {background} {colors[background]} has a "
                    f"contrast of {ratio:.2f}:1; WCAG AA asks for {AA}:1"
                )


def contrast(first, second):
    """WCAG 2's contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def luminance(color):
    digits = color.lstrip("#")
    digits = "".join(d * 2 for d in digits) if len(digits) == 3 else digits
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def custom_properties(settings):
    """The `:root` blocks: sizes and the light scheme, then the dark scheme for readers who prefer it."""
    colors = settings["THEME_COLORS"]

    def declarations(values, indent):
        return [f"{indent}--{name}: {value};" for name, value in values.items()]

    return "\n".join(
        [
            "/* Written by plugins/identity from THEME_SCALE and THEME_COLORS (pelicanconf.py). */",
            ":root {",
            *declarations(settings["THEME_SCALE"], "  "),
            *declarations(colors["light"], "  "),
            "  color-scheme: light dark;",
            "}",
            "@media (prefers-color-scheme: dark) {",
            "  :root {",
            *declarations(colors["dark"], "    "),
            "  }",
            "}",
            "",
        ]
    )


def write_stylesheet(pelican):
    settings = pelican.settings
    with open(os.path.join(settings["THEME"], RULES), encoding="utf-8") as handle:
        rules = handle.read()
    target = os.path.join(settings["OUTPUT_PATH"], settings["THEME_STATIC_DIR"], "css", "site.css")
    files.write_if_changed(target, custom_properties(settings) + rules)


@pass_context
def card_tone(context, item):
    """Which of the THEME_COLORS `tone-N` colours a card with no image takes: its first tag's, so the cards
    of one subject look alike; the same on every build (a checksum, not Python's salted hash)."""
    tones = sorted(name for name in context["THEME_COLORS"]["light"] if name.startswith("tone-"))
    if not tones:
        return ""
    tags = getattr(item, "tags", None) or []
    key = tags[0].slug if tags else getattr(item, "slug", "")
    return tones[zlib.crc32(key.encode("utf-8")) % len(tones)]


def prepare_environment(generator):
    # The tab icon's colour, for a data: URL, once per build rather than on every page.
    icon = generator.settings["THEME_COLORS"]["light"]["accent"].replace("#", "%23")
    generator.env.globals.update(card_tone=card_tone, ICON_COLOR=icon)


SIGNAL_HANDLERS = {
    signals.initialized: (apply_defaults, check_settings),
    signals.generator_init: prepare_environment,
    signals.finalized: write_stylesheet,
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
