"""The language of an update's text: told where the file does not say it, reported where it says another."""

import json

import feedparser
import pytest

from front_matter import language

FRENCH = (
    "Activation pour le Mali",
    "Les volontaires de la communauté ont cartographié les routes, les écoles et "
    "les centres de santé de la région de Mopti, pour aider les équipes humanitaires sur le terrain.",
)
SPANISH = (
    "Mapeo en Bogotá",
    "Las comunidades del barrio trazaron calles, escuelas y centros de salud con el "
    "equipo del hub, para preparar la respuesta ante las inundaciones de la temporada de lluvias.",
)
GERMAN = (
    "Kartierung in Bamako",
    "Freiwillige haben die Straßen, Schulen und Gesundheitszentren der Stadt "
    "kartiert, damit die humanitären Teams vor Ort schneller helfen können, wenn das Hochwasser kommt.",
)
ENGLISH_BODY = (
    "Volunteers mapped the roads, schools and health centres of the district, so that humanitarian "
    "teams on the ground could reach people quickly when the floods came."
)


def post(title, body, front=""):
    return f"---\ntitle: {title}\ndate: 2021-03-01\n{front}---\n{body}\n"


def by_code(site):
    return {(f.code, f.path) for f in site.findings}


def test_an_archive_post_with_no_language_key_is_published_in_the_language_of_its_text(build_site):
    site = build_site(
        {
            "updates/2021-03-01-activation-mali.md": post(*FRENCH),
            "updates/2021-03-02-taller.md": post(*SPANISH),
            "updates/2021-03-03-english.md": post("Kartierung und Hochwasser", ENGLISH_BODY),
        },
        SITEURL="https://hub.example.org",
    )
    assert site.findings == []
    assert '<html lang="fr"' in site.page("/fr/updates/activation-mali/")
    assert '<html lang="es"' in site.page("/es/updates/taller/")
    assert site.exists("/updates/english/")  # the body decides: an English post with a German title
    french = feedparser.parse((site.output / "fr/feeds/all.atom.xml").read_bytes())
    assert [e.title for e in french.entries] == ["Activation pour le Mali"]
    assert "Activation pour le Mali" not in (site.output / "feeds/all.atom.xml").read_text(encoding="utf-8")


def test_a_text_in_a_language_the_site_does_not_offer_stays_listed_but_says_its_language(build_site):
    site = build_site({"updates/2021-03-01-bamako.md": post(*GERMAN)}, SITEURL="https://hub.example.org")
    assert by_code(site) == {("W-LANG-UNOFFERED", "updates/2021-03-01-bamako.md")}
    page = site.page("/updates/bamako/")
    assert '<html lang="en"' in page and '<article class="update" lang="de" dir="ltr"' in page
    assert '<h2 lang="de" dir="ltr"><a href="https://hub.example.org/updates/bamako/">' in site.page("/")
    atom = (site.output / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert '<entry xml:lang="de">' in atom
    assert feedparser.parse(atom.encode()).entries[0].title == "Kartierung in Bamako"
    assert "<dc:language>de</dc:language>" in (site.output / "feeds/all.rss.xml").read_text(encoding="utf-8")
    (item,) = json.loads((site.output / "feeds/all.json").read_text(encoding="utf-8"))["items"]
    assert item["language"] == "de"


def test_a_file_whose_folder_says_another_language_keeps_it_and_is_told(build_site):
    site = build_site(
        {"updates/en/taller.md": post(*SPANISH), "updates/fr/taller-fr.md": post(*SPANISH, front="lang: es\n")}
    )
    assert by_code(site) == {("W-LANG-MISMATCH", "updates/en/taller.md")}
    assert site.exists("/updates/taller/") and site.exists("/es/updates/taller-fr/")


def test_too_short_a_text_keeps_the_default_and_the_check_says_so(build_site):
    site = build_site({"updates/2018-02-06-test.md": "---\ntitle: Test Post\ndate: 2018-02-06\n---\n"})
    (finding,) = site.findings
    assert (finding.code, finding.severity) == ("I-LANG-UNSURE", "info") and "too short" in finding.message
    assert site.exists("/updates/test/")


def test_detection_can_be_turned_off(build_site):
    site = build_site({"updates/2021-03-01-activation-mali.md": post(*FRENCH)}, LANGUAGE_DETECTION=False)
    assert site.findings == [] and site.exists("/updates/activation-mali/")


@pytest.mark.parametrize(
    "title, body, expected",
    [
        (*FRENCH, "fr"),
        (*SPANISH, "es"),
        (*GERMAN, "de"),
        ("Kartierung und Hochwasser", ENGLISH_BODY, "en"),
        (
            "Voluntários cartografam escolas",
            "Os voluntários da comunidade mapearam as estradas, as escolas e os postos "
            "de saúde da região, para ajudar as equipes humanitárias no terreno.",
            "pt",
        ),
        ("Test Post", "", None),
        ("Lorem ipsum", "Lorem ipsum dolor sit amet.", None),
        ("", "12 34 56", None),
    ],
)
def test_what_is_told(title, body, expected, tmp_path):
    settings = {
        "LANGUAGES": {"en": {}, "es": {}, "fr": {}, "pt": {}},
        "LANGUAGE_DETECTION_OTHERS": ["de", "it"],
        "LANGUAGE_CONFIDENCE": 0.8,
        "CACHE_PATH": str(tmp_path),
    }
    assert language.detect(title, "", body, settings).lang == expected


def test_the_restricted_model_kept_in_the_cache_tells_what_the_package_tells(tmp_path):
    languages = ("de", "en", "es", "fr", "pt")
    made = language.load(languages, str(tmp_path))  # restricted from the package's model, and kept
    kept = language.load(languages, str(tmp_path))  # from the cache
    assert len(list(tmp_path.glob("langid-*.pickle"))) == 1
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    package = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    package.set_languages(list(languages))
    for text in (FRENCH[1], SPANISH[1], GERMAN[1], ENGLISH_BODY, "Test Post"):
        assert made.classify(text) == kept.classify(text) == package.classify(text)
