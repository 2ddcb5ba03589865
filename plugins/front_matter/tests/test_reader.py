"""The reader on real Pelican builds: clean schema, legacy spelling, and broken files."""

import datetime as dt

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from conftest import ROOT, SEEDS, site_settings, write_files
from front_matter.front_matter import FrontMatterReader
from hubcore import findings

UTC = dt.timezone.utc

LEGACY = """
---
title: Mapping with partners
date: 2017-06-09 11:12:52 Z
permalink: updates/2017-06-09_mapping_with_partners
Person: Nate Smith
Working Group: []
Projects: []
Feature Image: https://example.org/banner.jpg
Summary Text: Working together on open data.
tags:
- hub
- latam
created: 1497006772
---

Body text.
"""

CLEAN = """
---
title: Mapping with partners
date: 2017-06-09T11:12:52Z
slug: mapping-with-partners
persons: [Nate Smith]
tags: [hub, latam]
feature_image: {src: "https://example.org/banner.jpg"}
summary: Working together on open data.
---

Body text.
"""


@pytest.fixture
def read(build_site):
    """Build a site and return its published and draft updates by slug."""
    from pelican import signals

    def run(files, **overrides):
        seen = {}

        def grab(generator):
            for item in [*generator.articles, *generator.translations, *generator.drafts]:
                seen[item.slug] = item

        signals.article_generator_finalized.connect(grab)
        try:
            site = build_site(files, **overrides)
        finally:
            signals.article_generator_finalized.disconnect(grab)
        site.updates = seen
        return site

    return run


def meta(item):
    return {
        "title": item.title,
        "date": item.date,
        "persons": item.metadata.get("persons"),
        "tags": item.metadata.get("tags"),
        "image": item.feature_image["src"],
        "summary": item.summary,
        "lang": item.lang,
        "slug": item.slug,
        "content": item.content,
    }


def test_legacy_spelling_reads_like_the_clean_schema(read):
    site = read(
        {
            "updates/en/2017-06-09-mapping-with-partners.md": LEGACY,
            "updates/en/clean.md": CLEAN.replace("slug: mapping-with-partners", "slug: clean"),
        }
    )
    legacy, clean = site.updates["mapping-with-partners"], site.updates["clean"]
    assert {**meta(legacy), "slug": None} == {**meta(clean), "slug": None}
    assert legacy.date == dt.datetime(2017, 6, 9, 11, 12, 52, tzinfo=UTC)
    assert legacy.metadata["permalink"] == "updates/2017-06-09_mapping_with_partners"
    assert legacy.legacy_format and not clean.legacy_format


def test_lists_stay_lists(read):
    site = read({"updates/en/a.md": CLEAN})
    item = site.updates["mapping-with-partners"]
    assert item.metadata["tags"] == ["hub", "latam"]
    assert [t.name for t in item.tags] == ["hub", "latam"]
    assert "- hub" not in site.page("/updates/mapping-with-partners/")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("tags: a, b", ["a", "b"]),
        ("tags: [a, b, a]", ["a", "b"]),
        ("tags:\n- a\n- \n- b", ["a", "b"]),
        ("categories: [jekyll, update, malaria]\ntags: [health]", ["malaria", "health"]),
    ],
)
def test_tag_spellings(read, value, expected):
    site = read({"updates/en/a.md": f"---\ntitle: T\ndate: 2020-01-01\n{value}\n---\nx\n"})
    assert site.updates["a"].metadata["tags"] == expected


def test_values_stay_as_written_where_yaml_1_1_would_read_a_boolean_or_a_number(read):
    text = "---\ntitle: 3.10\ndate: 2020-01-01\ntags: [on, 'off', 010, 12:30]\npersons: [Yes]\n---\nx\n"
    site = read({"updates/en/a.md": text, "people/yes.md": "---\nname: Yes\n---\n"})
    item = site.updates["a"]
    assert (item.title, item.metadata["tags"]) == ("3.10", ["on", "off", "010", "12:30"])
    assert "<h1>3.10</h1>" in site.page("/updates/a/") and site.exists("/tags/on/")
    assert site.findings == []


@pytest.mark.parametrize(
    "value, expected",
    [
        ("date: 2021-12-02 15:46:00 Z", dt.datetime(2021, 12, 2, 15, 46, tzinfo=UTC)),
        ("date: '2010-01-12 17:45:35 Z'", dt.datetime(2010, 1, 12, 17, 45, 35, tzinfo=UTC)),
        ("date: 2021-12-02", dt.datetime(2021, 12, 2, tzinfo=UTC)),
        ("created: 1263318335", dt.datetime(2010, 1, 12, 17, 45, 35, tzinfo=UTC)),
        ("date: 2021-12-02T10:00:00+05:30", dt.datetime(2021, 12, 2, 4, 30, tzinfo=UTC)),
        ("date: 2001-12-14 21:59:43.10 -5", dt.datetime(2001, 12, 15, 2, 59, 43, 100000, tzinfo=UTC)),
        ("date: 2011-01-04 00:05", dt.datetime(2011, 1, 4, 0, 5, tzinfo=UTC)),
    ],
)
def test_dates(read, value, expected):
    site = read({"updates/en/a.md": f"---\ntitle: T\n{value}\n---\nx\n"})
    assert site.updates["a"].date == expected


def test_a_date_without_an_offset_is_in_the_sites_time_zone(read):
    site = read(
        {
            "updates/en/a.md": "---\ntitle: T\ndate: 2021-07-01 10:00\n---\nx\n",
            "updates/en/b.md": "---\ntitle: T\ndate: 2021-07-01T10:00:00Z\n---\nx\n",
        },
        TIMEZONE="America/Bogota",
    )
    assert site.updates["a"].date == dt.datetime(2021, 7, 1, 15, 0, tzinfo=UTC)
    assert site.updates["b"].date == dt.datetime(2021, 7, 1, 10, 0, tzinfo=UTC)


def test_an_unknown_time_zone_is_refused_with_its_name(build_site):
    from hubcore.settings import SettingsError

    with pytest.raises(SettingsError, match="TIMEZONE 'Mars/Olympus' is not a time zone"):
        build_site({}, TIMEZONE="Mars/Olympus")


def test_archive_file_name_gives_slug_and_date(read):
    site = read({"updates/en/2018-01-17-Funds-for-community-projects.markdown": "---\ntitle: Funds\n---\nx\n"})
    item = site.updates["funds-for-community-projects"]
    assert item.date == dt.datetime(2018, 1, 17, tzinfo=UTC)
    assert site.exists("/updates/funds-for-community-projects/")


def test_language_from_front_matter_or_folder(read):
    site = read(
        {
            "updates/es/uno.md": "---\ntitle: Uno\ndate: 2020-01-01\n---\nx\n",
            "updates/en/dos.md": "---\ntitle: Dos\ndate: 2020-01-01\nlang: fr\n---\nx\n",
        }
    )
    assert site.updates["uno"].lang == "es" and site.exists("/es/updates/uno/")
    assert site.updates["dos"].lang == "fr" and site.exists("/fr/updates/dos/")


def test_unpublished_archive_post_is_a_draft(read):
    site = read({"updates/en/a.md": "---\ntitle: T\ndate: 2020-01-01\npublished: false\n---\nx\n"})
    assert site.updates["a"].status == "draft"
    assert not site.exists("/updates/a/")


def test_empty_summary_falls_back_to_the_body(read):
    site = read(
        {"updates/en/a.md": '---\ntitle: T\ndate: 2020-01-01\nSummary Text: "\\r\\n\\r\\n"\n---\nFirst words.\n'}
    )
    assert "First words." in site.updates["a"].summary


def test_mojibake_in_legacy_posts_is_repaired_for_readers(read, tmp_path):
    site = read({"updates/en/2021-12-02-latam.md": SEEDS["002"].read_bytes()})
    item = site.updates["latam"]
    assert item.metadata["persons"] == ["Rubén Martín"]
    assert "Versión en español" in item.content and "🦄" in item.content
    assert "√" not in site.page("/updates/latam/")


def test_archive_uploads_point_at_the_old_site_unless_present(read):
    site = read(
        {
            "updates/en/a.md": (
                "---\ntitle: T\ndate: 2020-01-01\nFeature Image: /uploads/x%20y.png\n---\n![p](/uploads/here.png)\n"
            ),
            "uploads/here.png": b"\x89PNG\r\n\x1a\n",
        },
        LEGACY_UPLOADS_URL="https://old.example.org",
    )
    item = site.updates["a"]
    assert item.feature_image["src"] == "https://old.example.org/uploads/x%20y.png"
    assert 'src="/uploads/here.png"' in item.content


def test_an_upload_path_out_of_the_uploads_tells_nothing_of_the_machines_files(read, tmp_path):
    outside = tmp_path / "elsewhere.png"  # a file of the machine, beside content/
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    body = "![a](/uploads/../../elsewhere.png) ![b](/uploads/../../nowhere.png)\n"
    site = read(
        {"updates/en/a.md": f"---\ntitle: T\ndate: 2020-01-01\n---\n{body}"}, LEGACY_UPLOADS_URL="https://o.org"
    )
    content = site.updates["a"].content
    assert 'src="https://o.org/uploads/../../elsewhere.png"' in content  # as if absent, like the one that is
    assert 'src="https://o.org/uploads/../../nowhere.png"' in content


def test_an_upload_added_or_removed_is_seen_by_the_next_build_from_the_cache(read, tmp_path):
    """Whether an archive's /uploads/ path points at the old site depends on its file, not only on the update's:
    the next build (or check) takes no read made before the upload came or went from its cache."""
    post = "---\ntitle: T\ndate: 2020-01-01\nFeature Image: /uploads/u.png\n---\n![p](/uploads/u.png)\n"
    files, old = {"updates/en/a.md": post}, "https://old.example.org"
    upload = tmp_path / "content/uploads/u.png"
    assert read(files, LEGACY_UPLOADS_URL=old).updates["a"].feature_image["src"] == f"{old}/uploads/u.png"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"\x89PNG\r\n\x1a\n")
    site = read({}, LEGACY_UPLOADS_URL=old)  # the update as it was: in the reader cache
    assert site.updates["a"].feature_image["src"] == "/uploads/u.png"
    assert 'src="/uploads/u.png"' in site.updates["a"].content
    upload.unlink()
    site = read({}, LEGACY_UPLOADS_URL=old)
    assert site.updates["a"].feature_image["src"] == f"{old}/uploads/u.png"
    assert f'src="{old}/uploads/u.png"' in site.updates["a"].content
    assert "E-IMAGE-MISSING" not in {f.code for f in site.findings}


BROKEN = [
    ("bad-yaml.md", "---\ntitle: T\ndate: [2020\n---\nx\n", "E-YAML", 3),
    ("unclosed.md", "---\ntitle: T\ndate: 2020-01-01\nbody\n", "E-UNCLOSED-FRONT-MATTER", 1),
    ("empty.md", "", "E-EMPTY", 1),
    ("no-front-matter.md", "Just text.\n", "E-NO-FRONT-MATTER", 1),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E-BINARY", 1),
    ("utf16.md", "---\ntitle: T\n---\n".encode("utf-16"), "E-ENCODING", 1),
    ("latin1.md", "---\ntitle: Caf\xe9\ndate: 2020-01-01\n---\n".encode("latin-1"), "E-ENCODING", 2),
    ("not-a-mapping.md", "---\n- a\n- b\n---\nx\n", "E-YAML", 2),
    ("no-date.md", "---\ntitle: T\n---\nx\n", "E-REQUIRED", 2),
    ("python-tag.md", "---\ntitle: !!python/object/apply:os.system [echo hi]\n---\nx\n", "E-YAML", 2),
]


@pytest.mark.parametrize("name, text, code, line", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_are_reported_and_the_rest_builds(read, name, text, code, line):
    site = read({f"updates/en/{name}": text, "updates/en/fine.md": "---\ntitle: Fine\ndate: 2020-01-01\n---\nok\n"})
    errors = [f for f in site.findings if f.path.endswith(name)]
    assert [(f.code, f.line) for f in errors] == [(code, line)], errors
    assert site.exists("/updates/fine/")


def test_bom_and_crlf_are_read_with_a_warning(read):
    site = read({"updates/en/a.md": b"\xef\xbb\xbf---\r\ntitle: T\r\ndate: 2020-01-01\r\n---\r\nBody\r\n"})
    assert site.updates["a"].title == "T"
    assert site.codes() == ["W-BOM"]


def test_wrong_types_and_unknown_keys_name_their_line(read):
    site = read({"updates/en/a.md": "---\ntitle: T\ndate: 2020-01-01\nFeautre Image: x.png\ntags: {a: 1}\n---\nx\n"})
    found = {(f.code, f.line) for f in site.findings}
    assert found == {("W-UNKNOWN-KEY", 4), ("E-TYPE", 5)}


def test_a_text_markdown_cannot_read_leaves_the_next_ones_rendered(tmp_path):
    """A run of definitions takes Python-Markdown deeper than Python's recursion: that update is refused
    (E-NESTING), and the updates read after it by the same reader are rendered as ever, not left as their
    Markdown source."""
    content = tmp_path / "content"
    write_files(
        content,
        {
            "updates/en/terms.md": "---\ntitle: Terms\ndate: 2020-01-01\n---\n" + "a\n: b\n" * 600,
            "updates/en/after.md": "---\ntitle: After\ndate: 2020-01-02\n---\nThe [plan](https://example.org/p).\n",
        },
    )
    settings = read_settings(str(ROOT / "pelicanconf.py"), override=site_settings(content, tmp_path / "output"))
    Pelican(settings)  # its plugins' settings and handlers
    reader = FrontMatterReader(settings)
    _, refused = reader.read(str(content / "updates/en/terms.md"))
    assert refused["status"] == "skip"
    assert [f.code for f in findings.collected(settings)] == ["E-NESTING"]
    text, _ = reader.read(str(content / "updates/en/after.md"))
    assert text == '<p>The <a href="https://example.org/p">plan</a>.</p>'
