"""Partners an archive post names without a `partners` key: linked, and noted for an editor to confirm."""

import feedparser

IOM = (
    "---\nname: {en: International Organization for Migration, es: Organización Internacional para las "
    "Migraciones}\nshort_name: {en: IOM, es: OIM}\nother_names: [UN Migration Agency]\n"
    "url: https://www.iom.int/\n---\n"
)
IFRC = (
    "---\nname: International Federation of Red Cross and Red Crescent Societies\nshort_name: IFRC\n"
    "url: https://www.ifrc.org/\n---\n"
)


def post(title, body="Text.", front=""):
    return f"---\ntitle: {title}\ndate: 2021-03-01\n{front}---\n{body}\n"


def test_a_partner_named_in_the_title_or_linked_in_the_text_is_listed_with_a_note(build_site):
    site = build_site(
        {
            "partners/iom.md": IOM,
            "partners/ifrc.md": IFRC,
            "updates/en/title.md": post("Collaborating with IOM, the UN Migration Agency"),
            "updates/es/titulo.md": post("Acuerdo con la Organización Internacional para las Migraciones"),
            "updates/en/link.md": post("Mapping shelters", 'See <a href="http://data.ifrc.org/x">the data</a>.'),
            "updates/en/explicit.md": post("IOM, again", front="partners: [IFRC]\n"),
            "updates/en/refused.md": post("IOM, once more", front="partners: []\n"),
            "updates/en/word.md": post("Biomass and kiosks"),  # `iom` inside words, in lower case: no mention
        },
        SITEURL="https://hub.example.org",
    )
    notes = sorted((f.path, f.line, f.message) for f in site.findings if f.code == "I-PARTNER-INFERRED")
    assert notes == [
        (
            "updates/en/link.md",
            5,
            "listed with partner 'International Federation of Red Cross and Red Crescent "
            "Societies': the text links to its site (ifrc.org)",
        ),
        (
            "updates/en/title.md",
            2,
            "listed with partner 'International Organization for Migration': the title names it",
        ),
        (
            "updates/es/titulo.md",
            2,
            "listed with partner 'International Organization for Migration': the title names it",
        ),
    ]
    assert all(f.severity == "info" for f in site.findings)
    iom = site.page("/partners/iom/")
    assert "Collaborating with IOM" in iom and "IOM, again" not in iom and "IOM, once more" not in iom
    assert "Biomass" not in iom and "Acuerdo con la" in site.page("/es/partners/iom/")
    assert "Mapping shelters" in site.page("/partners/ifrc/") and "IOM, again" in site.page("/partners/ifrc/")
    feed = feedparser.parse((site.output / "feeds/partners/iom.atom.xml").read_bytes())
    assert [entry.title for entry in feed.entries] == ["Collaborating with IOM, the UN Migration Agency"]


def test_inference_can_be_turned_off(build_site):
    site = build_site(
        {"partners/iom.md": IOM, "updates/en/title.md": post("Collaborating with IOM")}, PARTNER_INFERENCE=False
    )
    assert site.findings == [] and "Collaborating" not in site.page("/partners/iom/")


def test_a_partner_on_a_shared_host_is_linked_only_under_its_own_path(build_site):
    partner = "---\nname: Mapping Collective\nurl: https://github.com/mapping-collective/\n---\n"
    site = build_site(
        {
            "partners/collective.md": partner,
            "updates/en/theirs.md": post("Tools", "See [the code](https://github.com/mapping-collective/x)."),
            "updates/en/other.md": post("Other tools", "See [the code](https://github.com/someone/x)."),
        }
    )
    assert [(f.path, f.code) for f in site.findings] == [("updates/en/theirs.md", "I-PARTNER-INFERRED")]
