"""docs/front-matter.md is written from the schema; it must say what the reader reads."""

from conftest import ROOT
from front_matter import reference, schema


def test_the_reference_is_current():
    written = (ROOT / "docs" / "front-matter.md").read_text(encoding="utf-8")
    assert written == reference.render(), "the schema changed: run ./dev docs"


def test_the_reference_names_every_field_and_spelling():
    text = reference.render()
    for fields in schema.SCHEMAS.values():
        for field in fields:
            assert f"`{field.name}`" in text
            assert all(f"`{alias}`" in text for alias in field.aliases)
