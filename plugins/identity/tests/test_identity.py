"""The stylesheet's custom properties come from THEME_COLORS and THEME_SCALE; colours without AA contrast, or
values that would break out of their declaration, are refused before anything is built."""

import copy
import re

import pytest

from hubcore.settings import DEFAULTS, SettingsError
from identity import identity

UPDATE = {"updates/en/a.md": "---\ntitle: A\ndate: 2021-01-01\ntags: [floods]\n---\nA.\n"}


def test_the_stylesheet_starts_with_the_settings_colours_then_the_themes_rules(build_site):
    colors = copy.deepcopy(DEFAULTS["THEME_COLORS"])
    colors["light"]["accent"] = "#0b5394"
    site = build_site(UPDATE, THEME_COLORS=colors)
    css = (site.output / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    root, dark = (
        css.split("@media (prefers-color-scheme: dark)")[0],
        css.split("@media (prefers-color-scheme: dark)")[1],
    )
    assert "--accent: #0b5394;" in root and "--accent: #ff8a80;" in dark.split("}")[0]
    assert "--measure: 42rem;" in root
    assert ".card-blank" in css  # the theme's rules follow
    # Every custom property the rules use is written above them (a typo would leave a colour unset).
    used = set(re.findall(r"var\(--([\w-]+)", css))
    defined = set(re.findall(r"--([\w-]+):", css))
    assert used - defined == set()
    assert 'href="/theme/css/site.css"' in site.page("/")


def test_a_card_with_no_image_takes_its_first_tags_tone(build_site):
    site = build_site(
        {
            **UPDATE,
            "updates/en/b.md": "---\ntitle: B\ndate: 2021-01-02\ntags: [floods, data]\n---\nB.\n",
            "updates/en/c.md": "---\ntitle: C\ndate: 2021-01-03\n---\nC.\n",
        }
    )
    html = site.page("/")
    tones = re.findall(r'class="card-media card-blank (tone-\d)"', html)
    assert len(tones) == 3
    tone_of = dict(zip(["C", "B", "A"], tones))  # newest first
    assert tone_of["A"] == tone_of["B"]  # same first tag, same tone
    assert "<img" not in html  # no request for a card without a picture


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("light", "muted", "#9a9a9a"), "muted #9a9a9a on surface #ffffff has a contrast of 2.81:1"),
        (("dark", "accent", "#5a1010"), "accent #5a1010 on surface #16171a"),
        (("light", "accent", "red; } body { display: none"), "must be a colour"),
    ],
)
def test_colours_without_aa_contrast_or_not_colours_are_refused(change, message):
    colors = copy.deepcopy(DEFAULTS["THEME_COLORS"])
    scheme, name, value = change
    colors[scheme][name] = value
    with pytest.raises(SettingsError, match=re.escape(message)):
        identity.check_settings(settings_holder(THEME_COLORS=colors))


def test_a_scale_value_cannot_end_its_declaration_or_fetch_a_file():
    for value in (
        "1rem; } body { display: none",
        "url(https://evil.example/x.png)",
        "1rem /* x",
        '"Noto Sans',
        "1rem\n",
    ):
        scale = {**DEFAULTS["THEME_SCALE"], "step-0": value}
        with pytest.raises(SettingsError, match="THEME_SCALE"):
            identity.check_settings(settings_holder(THEME_SCALE=scale))


def test_settings_of_the_wrong_shape_are_refused_with_a_sentence():
    for overrides in ({"THEME_COLORS": {"light": "#fff", "dark": {}}}, {"THEME_SCALE": ["1rem"]}):
        with pytest.raises(SettingsError, match="THEME_COLORS must have"):
            identity.check_settings(settings_holder(**overrides))


def test_the_default_colours_pass_aa_in_both_schemes():
    for scheme in identity.SCHEMES:
        colors = DEFAULTS["THEME_COLORS"][scheme]
        for text, backgrounds in identity.CONTRAST_PAIRS.items():
            for background in backgrounds:
                assert identity.contrast(colors[text], colors[background]) >= identity.AA, (scheme, text, background)


def test_contrast_matches_wcags_examples():
    assert identity.contrast("#000", "#fff") == pytest.approx(21)
    assert identity.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


class settings_holder:
    """What `initialized` hands a handler: an object with `.settings`."""

    def __init__(self, **overrides):
        self.settings = {
            "THEME_COLORS": DEFAULTS["THEME_COLORS"],
            "THEME_SCALE": DEFAULTS["THEME_SCALE"],
            **overrides,
        }
