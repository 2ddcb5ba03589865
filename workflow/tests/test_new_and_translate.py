"""`./dev new` and `./dev translate`: files that build, with what the editor needs, never overwritten."""

import datetime as dt
import shutil

import pytest
from invoke import Context

import tasks
from conftest import ROOT, run_pelican
from workflow import WorkflowError
from workflow.new_update import new_update
from workflow.translate import translate

NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone.utc)
PEOPLE = {"people/ruben-martin.md": "---\nname: Rubén Martín\n---\n", "partners/iom.md": "---\nname: IOM\n---\n"}


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    for name, text in PEOPLE.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_new_writes_a_draft_that_builds_without_findings(content, tmp_path):
    path, preview = new_update(
        content, "Mapeo en Bogotá: ¿qué sigue?", "es", ["Rubén Martín"], ["IOM"], ["latam"], now=NOW
    )
    assert path == content / "updates/es/mapeo-en-bogota-que-sigue.md"
    assert preview == "es/drafts/mapeo-en-bogota-que-sigue/"
    text = path.read_text(encoding="utf-8")
    assert "title: 'Mapeo en Bogotá: ¿qué sigue?'\ndate: 2026-11-20T09:30:00Z\nstatus: draft" in text
    assert "translation_key: mapeo-en-bogota-que-sigue\npersons: [Rubén Martín]\npartners: [IOM]" in text
    site = run_pelican(content, tmp_path / "output")
    assert site.findings == []
    assert "<h1>Mapeo en Bogotá: ¿qué sigue?</h1>" in site.page("/" + preview)


def test_new_refuses_to_overwrite_and_unknown_languages(content):
    new_update(content, "Same title", now=NOW)
    with pytest.raises(WorkflowError, match="already exists"):
        new_update(content, "Same title", now=NOW)
    with pytest.raises(WorkflowError, match="'de' is not one of the site's languages"):
        new_update(content, "Titel", "de")


def test_the_new_task_prints_path_and_preview_and_fails_cleanly(content, monkeypatch, capsys):
    monkeypatch.setattr(tasks, "ROOT", content.parent)
    tasks.new(Context(), "Hello hub", lang="fr", tags="a, b")
    out = capsys.readouterr().out
    assert "Created content/updates/fr/hello-hub.md" in out and "http://127.0.0.1:8000/fr/drafts/hello-hub/" in out
    with pytest.raises(SystemExit, match="error: .* already exists"):
        tasks.new(Context(), "Hello hub", lang="fr")


def test_translate_keeps_key_and_metadata_and_records_its_original(content, tmp_path):
    seed = "updates/en/2021-12-02-open-mapping-hub-in-latam-december-2021-update.md"
    (content / seed).parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "content" / seed, content / seed)
    path = translate(content, content / seed, "fr")
    assert path == content / "updates/fr/open-mapping-hub-in-latam-december-2021-update-fr.md"
    text = path.read_text(encoding="utf-8")
    for line in (
        "translation_key: open-mapping-hub-in-latam-december-2021-update",
        "lang: fr",
        "status: draft",
        f"translation_of: {seed}",
        "persons: [Rubén Martín]",
        "date: 2021-12-02T15:46:00Z",
    ):
        assert line in text
    assert "Rub√©n" not in text and "Versión en español" in text  # the text to translate, repaired
    site = run_pelican(content, tmp_path / "output")
    status = (site.output / "editors/translations/status.json").read_text(encoding="utf-8")
    assert '"outdated": true' not in status  # made from the original as it is now
    with pytest.raises(WorkflowError, match="already exists"):
        translate(content, content / seed, "fr")
    with pytest.raises(WorkflowError, match="already in 'en'"):
        translate(content, content / seed, "en")


def test_a_translation_becomes_outdated_when_its_original_changes(content, tmp_path):
    original, _ = new_update(content, "Hub news", now=NOW)
    original.write_text(original.read_text(encoding="utf-8").replace("status: draft", "status: published"))
    translation = translate(content, original, "es")
    translation.write_text(translation.read_text(encoding="utf-8").replace("status: draft", "status: published"))
    original.write_text(original.read_text(encoding="utf-8") + "\nA new paragraph.\n")
    site = run_pelican(content, tmp_path / "output")
    assert '"outdated": true' in (site.output / "editors/translations/status.json").read_text(encoding="utf-8")


def published(path):
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: published"), encoding="utf-8")
    return path


def test_an_original_in_spanish_is_translated_into_portuguese_and_english(content, tmp_path):
    """The Latin American team writes in Spanish first: the check, the switcher, hreflang, the feeds and the
    status report take the Spanish version as the original."""
    import json

    import feedparser

    original = published(new_update(content, "Taller de mapeo en Quito", "es", now=NOW)[0])
    for lang in ("pt", "en"):
        published(translate(content, original, lang))
    site = run_pelican(content, tmp_path / "output", SITEURL="https://hub.example.org")
    assert site.findings == []
    english = site.page("/updates/taller-de-mapeo-en-quito-en/")
    for lang, url in (
        ("es", "es/updates/taller-de-mapeo-en-quito/"),
        ("pt", "pt/updates/taller-de-mapeo-en-quito-pt/"),
        ("x-default", "updates/taller-de-mapeo-en-quito-en/"),
    ):
        assert f'hreflang="{lang}" href="https://hub.example.org/{url}"' in english, lang
    portuguese = site.page("/pt/updates/taller-de-mapeo-en-quito-pt/")
    assert 'hreflang="x-default" href="https://hub.example.org/updates/taller-de-mapeo-en-quito-en/"' in portuguese
    assert 'href="https://hub.example.org/es/updates/taller-de-mapeo-en-quito/"' in portuguese  # the switcher
    for lang in ("es", "pt"):
        assert len(feedparser.parse((site.output / lang / "feeds/all.atom.xml").read_bytes()).entries) == 1
    status = json.loads((site.output / "editors/translations/status.json").read_text(encoding="utf-8"))
    (row,) = status["updates"]
    assert row["original_lang"] == "es" and row["missing"] == ["fr"]
    assert status["coverage"]["en"] == {"translated": 1, "outdated": 0, "total": 1}
    assert status["coverage"]["es"] == {"translated": 0, "outdated": 0, "total": 0}
    assert status["coverage"]["fr"]["translated"] == 0


def test_x_default_is_the_original_and_a_translation_with_no_original_at_all_is_an_error(content, tmp_path):
    original = published(new_update(content, "Taller", "es", now=NOW)[0])
    translation = published(translate(content, original, "pt"))
    site = run_pelican(content, tmp_path / "output", SITEURL="https://hub.example.org")
    # No English version: x-default is the original.
    assert 'hreflang="x-default" href="https://hub.example.org/es/updates/taller/"' in site.page(
        "/pt/updates/taller-pt/"
    )
    original.unlink()
    site = run_pelican(content, tmp_path / "output")
    errors = [(f.code, f.path) for f in site.findings if f.severity == "error"]
    assert errors == [("E-NO-ORIGINAL", str(translation.relative_to(content)))]
