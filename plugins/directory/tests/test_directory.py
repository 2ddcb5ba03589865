"""People, partners and tags as pages, resolved from the names updates use."""

import re

PARTNER = """
---
name: {en: International Organization for Migration, es: Organización Internacional para las Migraciones}
short_name: {en: IOM, es: OIM}
other_names: [UN Migration Agency]
role: {en: The UN Migration Agency, es: El organismo de la ONU para la migración}
url: https://www.iom.int/
---

Founded in 1951.
"""


def update(title, date, lang="en", **fields):
    lines = [f"title: {title}", f"date: {date}", f"lang: {lang}"] + [f"{k}: {v}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\nBody.\n"


def titles(html):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


def test_every_spelling_of_a_partner_reaches_its_page(build_site):
    site = build_site(
        {
            "partners/iom.md": PARTNER,
            "updates/en/a.md": update("By acronym", "2020-01-01", partners="[IOM]"),
            "updates/en/b.md": update("By other name", "2021-01-01", partners="[UN Migration Agency]"),
            "updates/es/c.md": update("Por sigla", "2022-01-01", lang="es", partners="[OIM]"),
            "updates/en/d.md": update("By slug", "2019-01-01", partners="[iom]"),
        }
    )
    assert titles(site.page("/partners/iom/")) == ["By other name", "By acronym", "By slug"]
    es = site.page("/es/partners/iom/")
    assert titles(es) == ["Por sigla"]
    assert "Organización Internacional para las Migraciones" in es and "El organismo de la ONU" in es
    assert 'href="/es/partners/iom/"' in site.page("/es/updates/c/")
    assert site.findings == []


def test_a_name_without_a_file_still_gets_a_page_and_an_error(build_site):
    site = build_site({"updates/en/a.md": update("A", "2020-01-01", persons="[Mikel Maron]")})
    assert "Mikel Maron" in site.page("/people/mikel-maron/")
    assert not site.exists("/es/people/mikel-maron/")
    (finding,) = site.findings
    assert (finding.code, finding.path, finding.line) == ("E-NO-ENTRY", "updates/en/a.md", 5)
    assert "content/people/mikel-maron.md" in finding.hint


def test_an_archive_post_naming_someone_without_a_file_gets_a_warning(build_site):
    site = build_site({"updates/en/a.md": update("A", "2020-01-01", Person="Mikel Maron")})
    assert [(f.code, f.line) for f in site.findings] == [("W-NO-ENTRY", 5)]


def test_every_update_naming_someone_without_a_file_is_told_at_its_own_severity(build_site):
    site = build_site(
        {
            "updates/en/2023-05-01-old-survey.md": update("Old", "2023-05-01", Person="Celine Jaquin"),
            "updates/en/new-survey.md": update("New", "2023-06-01", persons="[Celine Jaquin]"),
            "updates/en/s1.md": update("S1", "2023-03-01", persons="[Celine Jaquin]", partners="[IMO]"),
            "updates/en/s2.md": update("S2", "2023-03-02", partners="[IMO]"),
        }
    )
    assert sorted((f.path, f.code, f.line) for f in site.findings) == [
        ("updates/en/2023-05-01-old-survey.md", "W-NO-ENTRY", 5),
        ("updates/en/new-survey.md", "E-NO-ENTRY", 5),
        ("updates/en/s1.md", "E-NO-ENTRY", 5),
        ("updates/en/s1.md", "E-NO-ENTRY", 6),
        ("updates/en/s2.md", "E-NO-ENTRY", 5),
    ]


def test_a_misspelt_name_suggests_the_closest_entry(build_site):
    site = build_site(
        {
            "people/ruben-martin.md": "---\nname: Rubén Martín\n---\n",
            "partners/iom.md": PARTNER,
            "updates/en/a.md": update("A", "2020-01-01", persons="[Ruben Martn]", partners="[IMO]"),
        }
    )
    assert [(f.code, f.line, f.hint) for f in site.findings] == [
        ("E-NO-ENTRY", 5, "did you mean 'Rubén Martín'?"),
        ("E-NO-ENTRY", 6, "did you mean 'International Organization for Migration'?"),
    ]


def test_people_with_a_file_have_a_page_in_every_language(build_site):
    site = build_site({"people/ana.md": "---\nname: Ana Pérez\nrole: Mapper\n---\nBio.\n"})
    for prefix in ("/", "/es/", "/fr/", "/pt/"):
        assert "Ana Pérez" in site.page(prefix + "people/ana/")
        assert 'href="' + prefix + 'people/ana/"' in site.page(prefix + "people/")


def test_tags_are_per_language(build_site):
    site = build_site(
        {
            "updates/en/a.md": update("A", "2020-01-01", tags="[floods, Data]"),
            "updates/es/b.md": update("B", "2020-01-02", lang="es", tags="[inundaciones, data]"),
        }
    )
    assert titles(site.page("/tags/data/")) == ["A"]
    assert titles(site.page("/es/tags/data/")) == ["B"]
    assert not site.exists("/es/tags/floods/")
    assert re.findall(r'<li><a href="/tags/([^/]+)/">', site.page("/tags/")) == ["data", "floods"]


def test_entity_pages_paginate(build_site):
    files = {f"updates/en/u{i}.md": update(f"U{i}", f"2020-01-{i + 1:02d}", persons="[Ana]") for i in range(5)}
    site = build_site(files, DEFAULT_PAGINATION=2)
    assert titles(site.page("/people/ana/")) == ["U4", "U3"]
    assert titles(site.page("/people/ana/page/3/")) == ["U0"]


def test_two_files_for_one_entry_are_an_error(build_site):
    site = build_site({"people/ana.md": "---\nname: Ana\n---\n", "people/ana2.md": "---\nname: Ana\nslug: ana\n---\n"})
    assert site.codes() == ["E-DUPLICATE-ENTRY"]
