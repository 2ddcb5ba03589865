"""Every UI string in the templates has a real translation in every language's catalog."""

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conftest import ROOT

TRANSLATIONS = ROOT / "theme" / "translations"
LANGS = sorted(p.name for p in TRANSLATIONS.iterdir() if (p / "LC_MESSAGES" / "messages.po").exists())


def extracted():
    """(message, translator comments) of every gettext call in the templates, as `./dev i18n-extract` sees them."""
    for _file, _line, message, comments, _context in extract_from_dir(
        str(ROOT / "theme" / "templates"),
        method_map=[("**.html", "jinja2")],
        options_map={"**.html": {"trim_blocks": "true", "lstrip_blocks": "true"}},
        comment_tags=["TRANSLATORS:"],
    ):
        yield message, comments


def template_strings():
    return {message if isinstance(message, str) else tuple(message) for message, _comments in extracted()}


def catalog(lang):
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=lang)


def test_es_fr_pt_have_catalogs():
    assert {"es", "fr", "pt"} <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_every_template_string_is_translated(lang):
    entries = {m.id: m.string for m in catalog(lang) if m.id}
    strings = template_strings()
    assert strings, "no template strings found"
    missing = sorted(str(s) for s in strings if not entries.get(s))
    assert missing == [], f"{lang}: run ./dev i18n-update and translate: {missing}"
    for msgid, text in entries.items():
        texts = text if isinstance(text, tuple) else (text,)
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        assert all(texts), f"{lang}: {msgid!r} has an empty translation"
        assert set(re.findall(r"%\(\w+\)s", " ".join(texts))) == set(re.findall(r"%\(\w+\)s", ids[0])), msgid


def test_catalogs_have_no_stale_entries():
    strings = template_strings()
    for lang in LANGS:
        stale = [m.id for m in catalog(lang) if m.id and m.id not in strings]
        assert stale == [], f"{lang}: strings no template uses any more: {stale}"


def test_spanish_pages_use_the_spanish_catalog(build_site):
    site = build_site({"updates/es/a.md": "---\ntitle: A\ndate: 2021-12-02\n---\nx\n"})
    html = site.page("/es/")
    assert "Últimas novedades" in html and "Ir al contenido" in html and "Latest updates" not in html
    assert "Latest updates" in site.page("/")


def test_every_message_with_a_placeholder_tells_translators_what_fills_it():
    """`{#- TRANSLATORS: ... #}` just before the message: it reaches messages.pot (`./dev i18n-extract`)."""
    silent = set()
    for message, comments in extracted():
        text = message if isinstance(message, str) else message[0]
        if "%(" in text and not comments:
            silent.add(text)
    # One occurrence with a comment is enough: the catalog merges them.
    commented = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog("es") if m.auto_comments}
    assert sorted(silent - commented) == []
