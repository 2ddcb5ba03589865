"""Each check fires with its code, file and line; a clean site stays silent."""

import datetime as dt

import pytest

from hubcore.errors import StrictFailure

CLEAN_UPDATE = """---
title: Mapping with partners
date: 2021-12-02T10:00:00Z
persons: [Rubén Martín]
partners: [IOM]
tags: [hub]
summary: Working together on open data.
feature_image:
  src: /images/map.png
  alt: Volunteers around a printed map
---

See [the other update](/updates/second/) and [the file]({filename}second.md).
"""

SECOND = "---\ntitle: Second\ndate: 2021-11-01\npersons: [Rubén Martín]\n---\nText.\n"

CLEAN_SITE = {
    "updates/en/first.md": CLEAN_UPDATE,
    "updates/en/second.md": SECOND,
    "people/ruben-martin.md": "---\nname: Rubén Martín\n---\n",
    "partners/iom.md": "---\nname: International Organization for Migration\nshort_name: IOM\n---\n",
    "images/map.png": b"\x89PNG\r\n\x1a\n",
    "pages/about.md": "---\ntitle: About\n---\nAbout us.\n",
}


# A date within FUTURE_DATE_GRACE_DAYS: no error, but Pelican holds the update back until then.
SOON = f"{dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=5):%Y-%m-%dT%H:%M:%SZ}"


def with_first(old, new):
    return {**CLEAN_SITE, "updates/en/first.md": CLEAN_UPDATE.replace(old, new)}


CASES = [
    # (id, files, code, path, line)
    ("missing title", with_first("title: Mapping with partners\n", ""), "E-REQUIRED", "updates/en/first.md", 2),
    ("text where a list is expected", with_first("tags: [hub]", "tags: hub"), "E-TYPE", "updates/en/first.md", 6),
    (
        "unparseable date",
        with_first("2021-12-02T10:00:00Z", "the second of December"),
        "E-DATE",
        "updates/en/first.md",
        3,
    ),
    ("future date", with_first("2021-12-02T10:00:00Z", "2999-01-01"), "E-FUTURE-DATE", "updates/en/first.md", 3),
    ("date hours ahead", with_first("2021-12-02T10:00:00Z", SOON), "W-FUTURE-DATE", "updates/en/first.md", 3),
    ("unknown person", with_first("[Rubén Martín]", "[Ruben Martn]"), "E-NO-ENTRY", "updates/en/first.md", 4),
    ("unknown partner", with_first("[IOM]", "[UNHCR]"), "E-NO-ENTRY", "updates/en/first.md", 5),
    ("misspelt key", with_first("tags:", "tgas:"), "W-UNKNOWN-KEY", "updates/en/first.md", 6),
    (
        "missing local image",
        with_first("/images/map.png", "/images/nope.png"),
        "E-IMAGE-MISSING",
        "updates/en/first.md",
        8,
    ),
    (
        "image over http",
        with_first("/images/map.png", "http://example.org/a.png"),
        "E-IMAGE-INSECURE",
        "updates/en/first.md",
        8,
    ),
    (
        "image without alt",
        with_first("  alt: Volunteers around a printed map\n", ""),
        "E-IMAGE-ALT",
        "updates/en/first.md",
        8,
    ),
    (
        "same slug twice",
        {
            **CLEAN_SITE,
            "updates/en/x.md": SECOND.replace("title: Second", "title: Other") + "",
            "updates/en/x/second.md": "---\ntitle: Third\ndate: 2020-01-01\nslug: second\n---\n",
        },
        "E-DUPLICATE-SLUG",
        "updates/en/x/second.md",
        4,
    ),
    (
        "scheduled page",
        {**CLEAN_SITE, "pages/later.md": "---\ntitle: Later\nstatus: scheduled\n---\nx\n"},
        "E-TYPE",
        "pages/later.md",
        3,
    ),
    (
        "page on a site URL",
        {**CLEAN_SITE, "pages/archives.md": "---\ntitle: Archives\n---\nx\n"},
        "E-DUPLICATE-URL",
        "pages/archives.md",
        0,
    ),
    (
        "mojibake in a clean file",
        with_first("Working together", "Itâ€™s working"),
        "E-MOJIBAKE",
        "updates/en/first.md",
        7,
    ),
    (
        "empty summary",
        with_first("summary: Working together on open data.", "summary: ''"),
        "E-SUMMARY-EMPTY",
        "updates/en/first.md",
        7,
    ),
    (
        "long summary",
        with_first("Working together on open data.", "Working together. " * 30),
        "E-SUMMARY-LONG",
        "updates/en/first.md",
        7,
    ),
    ("dead update link", with_first("(/updates/second/)", "(/updates/secnod/)"), "E-LINK", "updates/en/first.md", 13),
    ("dead file link", with_first("{filename}second.md", "{filename}third.md"), "E-LINK", "updates/en/first.md", 13),
]


@pytest.mark.parametrize("files, code, path, line", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_check_names_code_file_and_line(build_site, files, code, path, line):
    site = build_site(files)
    assert [(f.code, f.path, f.line) for f in site.findings] == [(code, path, line)], [str(f) for f in site.findings]
    assert all(f.hint for f in site.findings)


def test_a_clean_site_has_no_findings(build_site):
    assert [str(f) for f in build_site(CLEAN_SITE).findings] == []


def test_suggestions_name_the_likely_fix(build_site):
    text = CLEAN_UPDATE.replace("[Rubén Martín]", "[Ruben Martn]").replace("tags:", "Feautre Image: x\ntgas:")
    site = build_site({**CLEAN_SITE, "updates/en/first.md": text})
    assert sorted(f.hint for f in site.findings) == [
        "did you mean 'Feature Image'?",
        "did you mean 'Rubén Martín'?",
        "did you mean 'tags'?",
    ]


def test_every_error_of_every_file_is_reported_in_one_run(build_site):
    site = build_site(
        {
            **CLEAN_SITE,
            "updates/en/a.md": ("---\ntitle: A\ndate: 2999-01-01\npersons: [Nobody]\n---\n[x](/updates/zz/)\n"),
            "updates/en/b.md": "---\ntitle: [unclosed\n---\n",
            "updates/en/c.md": b"\x00\x01binary",
        }
    )
    assert sorted((f.path, f.code) for f in site.findings) == [
        ("updates/en/a.md", "E-FUTURE-DATE"),
        ("updates/en/a.md", "E-LINK"),
        ("updates/en/a.md", "E-NO-ENTRY"),
        ("updates/en/b.md", "E-YAML"),
        ("updates/en/c.md", "E-BINARY"),
    ]
    assert site.exists("/updates/first/")


# Long enough for its language to be told (front_matter/language.py).
SENTENCE = "Volunteers mapped the roads, schools and clinics of the district in the weeks after the floods.\n"


def test_archive_copies_of_one_post_publish_the_newest_with_a_warning(build_site):
    post = (
        "---\ntitle: Maps for Mozambique\ndate: {date}\npermalink: updates/{date}_maps\nPerson: Nate Smith\n"
        "---\n{body}\n"
    )
    site = build_site(
        {
            "people/nate-smith.md": "---\nname: Nate Smith\n---\n",
            "updates/2010-11-17-maps-for-mozambique.md": post.format(date="2010-11-17", body=SENTENCE),
            "updates/2010-11-20-maps-for-mozambique.md": post.format(date="2010-11-20", body=SENTENCE),
        },
        STRICT_CONTENT=True,
    )
    assert [(f.code, f.path) for f in site.findings] == [
        ("W-DUPLICATE-POST", "updates/2010-11-17-maps-for-mozambique.md")
    ]
    assert "2010-11-20" in site.page("/updates/maps-for-mozambique/")
    assert "/updates/maps-for-mozambique/" in site.page("/updates/2010-11-17_maps/")  # the older copy's address


def test_distinct_archive_posts_with_one_slug_are_all_published_each_later_one_under_its_date(build_site):
    post = "---\ntitle: {title}\ndate: {date}\npermalink: updates/{date}_x\n---\n{title}, the text. " + SENTENCE
    site = build_site(
        {
            "updates/2019-04-26-x.markdown": post.format(title="Cyclone Idai", date="2019-04-26"),
            "updates/2019-04-29-x.markdown": post.format(title="Idai, three days on", date="2019-04-29"),
            "updates/2019-05-02-x.markdown": post.format(title="Cyclone Idai", date="2019-05-02").replace(
                "text", "end"
            ),
        },
        STRICT_CONTENT=True,
    )
    assert sorted((f.code, f.path) for f in site.findings) == [
        ("W-DUPLICATE-SLUG", "updates/2019-04-29-x.markdown"),
        ("W-DUPLICATE-SLUG", "updates/2019-05-02-x.markdown"),
    ]
    assert "Cyclone Idai, the text." in site.page("/updates/x/")
    assert "Idai, three days on, the text." in site.page("/updates/x-2019-04-29/")
    assert "Cyclone Idai, the end." in site.page("/updates/x-2019-05-02/")
    for date, url in (("2019-04-26", "x"), ("2019-04-29", "x-2019-04-29"), ("2019-05-02", "x-2019-05-02")):
        assert f"/updates/{url}/" in site.page(f"/updates/{date}_x/")


def test_two_different_updates_with_one_slug_keep_the_first_and_fail_strict_builds(build_site, tmp_path):
    with pytest.raises(StrictFailure) as stopped:
        build_site(
            {**CLEAN_SITE, "updates/en/z/second.md": "---\ntitle: Zed\ndate: 2020-01-01\nslug: second\n---\n"},
            STRICT_CONTENT=True,
        )
    assert str(stopped.value) == "the content check found 1 error(s); the report above names them"
    html = (tmp_path / "output/updates/second/index.html").read_text(encoding="utf-8")
    assert "<h1>Second</h1>" in html and "Zed" not in (tmp_path / "output/index.html").read_text(encoding="utf-8")


def test_warnings_fail_a_strict_build_only_when_asked(build_site):
    files = with_first("  alt: Volunteers around a printed map\n", "").copy()
    files["updates/en/first.md"] = files["updates/en/first.md"].replace("feature_image:", "Feature Image:")
    assert build_site(files, STRICT_CONTENT=True).codes() == ["W-IMAGE-ALT"]
    with pytest.raises(StrictFailure):
        build_site(files, STRICT_CONTENT=True, STRICT_WARNINGS=True)


def test_a_feature_image_the_inventory_refused_is_named_with_why(build_site):
    site = build_site(
        {
            "images/map.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="steal()"/>',
            "updates/en/a.md": "---\ntitle: A\ndate: 2021-01-01\nfeature_image: {src: /images/map.svg, alt: M}\n---\n",
        }
    )
    found = {(f.code, f.path): f for f in site.findings}
    assert ("E-ACTIVE-FILE", "images/map.svg") in found
    image = found["E-IMAGE-PATH", "updates/en/a.md"]
    assert "cannot be published (E-ACTIVE-FILE)" in image.message and "images/map.svg" in image.hint
    assert not (site.output / "images/map.svg").exists()
