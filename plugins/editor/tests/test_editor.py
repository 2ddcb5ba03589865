"""The web editor's configuration comes from the schema, and the build writes /admin/ with only listed files."""

import json

import pytest
import yaml

from conftest import ROOT
from editor import config, editor
from front_matter import schema
from hubcore.settings import DEFAULTS

UPDATE = "---\ntitle: A\ndate: 2021-01-01\n---\nA.\n"


@pytest.fixture(scope="module")
def settings():
    from pelican.settings import read_settings

    return {**DEFAULTS, **read_settings(str(ROOT / "pelicanconf.py"))}


def collection(decap, name):
    return next(c for c in decap["collections"] if c["name"] == name)


@pytest.mark.parametrize("kind", sorted(schema.SCHEMAS))
def test_every_schema_field_has_a_widget_or_makes_the_file_read_only(kind, settings):
    name = {"update": "updates", "entity": "people", "page": "pages"}[kind]
    own = config.editor_schema(settings, {})["collections"][name]
    for field in schema.SCHEMAS[kind]:
        widget = config.widget_for(field, settings)
        if field.legacy:
            assert widget is None and field.name in own["legacy"], field.name
        else:
            assert widget and widget["widget"], f"{kind} field {field.name!r} has no widget in plugins/editor/config.py"
            assert field.name in own["fields"] or (kind == "entity" and field.kind == schema.IMAGE), field.name
        for alias in field.aliases:
            assert alias in own["legacy"] or alias in own["fields"], alias


def test_the_form_requires_what_the_check_requires(settings):
    decap = config.decap_config(settings)
    for name, kind in (("updates", "update"), ("updates_es", "update"), ("people", "entity"), ("pages", "page")):
        fields = {f["name"]: f for f in collection(decap, name)["fields"]}
        for field in schema.SCHEMAS[kind]:
            if not field.legacy and field.kind != schema.IMAGE:
                assert fields[field.name]["required"] == field.required, (name, field.name)
    image = {f["name"]: f for f in collection(decap, "updates")["fields"]}["feature_image"]
    parts = {f["name"]: f for f in image["fields"]}
    assert parts["src"]["required"] and parts["alt"]["required"] and not parts["credit"]["required"]
    summary = {f["name"]: f for f in collection(decap, "updates")["fields"]}["summary"]
    assert summary["pattern"][0] == "^[\\s\\S]{0,%d}$" % settings["SUMMARY_MAX_CHARACTERS"]


def test_updates_are_translated_side_by_side_in_the_language_folders(settings):
    decap = config.decap_config(settings)
    assert decap["i18n"] == {
        "structure": "multiple_folders",
        "locales": ["en", "es", "fr", "pt"],
        "default_locale": "en",
    }
    updates = collection(decap, "updates")
    assert updates["folder"] == "content/updates" and updates["i18n"] is True
    fields = {f["name"]: f for f in updates["fields"]}
    assert fields["translation_key"]["i18n"] == "duplicate" and fields["slug"]["i18n"] is True
    assert fields["date"]["format"] == "YYYY-MM-DDTHH:mm:ss[Z]" and fields["date"]["picker_utc"] is True
    assert fields["status"]["options"] == list(schema.STATUSES)
    for kind, (name, *_rest) in config.ENTITY_COLLECTIONS.items():
        assert fields[kind]["widget"] == "relation" and fields[kind]["collection"] == name
        assert collection(decap, name)["folder"].startswith("content/")
    assert collection(decap, "updates_es")["folder"] == "content/updates/es"
    assert decap["media_folder"] == "content/images" and decap["public_folder"] == "/images"
    assert decap["publish_mode"] == "editorial_workflow"


def test_repository_and_branch_come_from_the_settings(settings):
    decap = config.decap_config({**settings, "EDITOR_REPO": "hub/news", "EDITOR_BRANCH": "live"})
    assert decap["backend"] == {"name": "github", "branch": "live", "repo": "hub/news"}
    assert "local_backend" not in config.decap_config({**settings, "EDITOR_LOCAL_BACKEND": ""})


def test_the_build_writes_the_editor_with_the_pinned_bundle(build_site):
    if not editor.bundle_files(ROOT / "node_modules"):
        pytest.skip("no node_modules/ (npm ci)")
    site = build_site({"updates/en/a.md": UPDATE})
    admin = site.output / "admin"
    written = {p.relative_to(admin).as_posix() for p in admin.rglob("*") if p.is_file()}
    listed = {relative for _, relative in editor.bundle_files(ROOT / "node_modules")}
    assert written == listed | set(editor.OWN_MODULES) | {"index.html", "config.yml", "schema.json"}
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8")) == config.decap_config(site.settings)
    assert json.loads((admin / "schema.json").read_text(encoding="utf-8"))["words"]["es"]["Tags"] == "Etiquetas"
    assert "Disallow: /admin/" in (site.output / "robots.txt").read_text(encoding="utf-8")
    assert "/admin/" not in (site.output / "sitemap.xml").read_text(encoding="utf-8")


def test_without_node_modules_the_site_builds_and_admin_says_why(build_site, tmp_path, caplog):
    site = build_site({"updates/en/a.md": UPDATE}, EDITOR_NODE_MODULES=str(tmp_path / "nowhere"))
    page = site.page("/admin/")
    assert "npm ci" in page and "<script" not in page
    assert not (site.output / "admin/config.yml").exists()
    assert site.page("/updates/a/")
    assert any("npm ci" in record.getMessage() for record in caplog.records)


def test_no_old_address_may_take_the_editor(build_site):
    site = build_site({"updates/en/a.md": "---\ntitle: A\ndate: 2021-01-01\naliases: [/admin/]\n---\nA.\n"})
    assert "E-ALIAS-TAKEN" in site.codes()


def test_a_relative_editor_folder_is_required(build_site):
    from hubcore.errors import SettingsError

    with pytest.raises(SettingsError, match="EDITOR_URL"):
        build_site({"updates/en/a.md": UPDATE}, EDITOR_URL="/admin")
