"""Slugs are URL parts, never paths, even with a site's own substitution rules switched off."""

import pytest

from hubcore import urls


@pytest.mark.parametrize("text", ["../../../etc/passwd", "..\\..\\evil", "/abs/path", "C:\\windows", "..", "."])
def test_a_slug_never_holds_a_path(text):
    slug = urls.slugify({"SLUG_REGEX_SUBSTITUTIONS": []}, text)
    assert "/" not in slug and "\\" not in slug and not slug.startswith(".") and ":" not in slug


def test_a_remembered_url_follows_a_change_of_language(build_site):
    """The translations plugin sets a post's language after Pelican may have asked for its URL."""
    body = "*[Versión en español](https://www.hotosm.org/updates/hub-de-mapeo/)*\n\nText."
    site = build_site(
        {
            "updates/en/2021-12-02-hub-mapping.md": f"---\ntitle: Hub\ndate: 2021-12-02\n---\n{body}\n",
            "updates/hub-de-mapeo.md": "---\ntitle: Hub ES\ndate: 2021-12-02\n---\nTexto.\n",
        }
    )
    assert site.exists("/es/updates/hub-de-mapeo/") and not site.exists("/updates/hub-de-mapeo/")
