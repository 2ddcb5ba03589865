"""Slugs are URL parts, never paths, even with a site's own substitution rules switched off."""

import pytest

from hubcore import urls


@pytest.mark.parametrize("text", ["../../../etc/passwd", "..\\..\\evil", "/abs/path", "C:\\windows", "..", "."])
def test_a_slug_never_holds_a_path(text):
    slug = urls.slugify({"SLUG_REGEX_SUBSTITUTIONS": []}, text)
    assert "/" not in slug and "\\" not in slug and not slug.startswith(".") and ":" not in slug
