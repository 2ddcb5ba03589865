"""`./dev import-jekyll` on the hub's real archive sample: every post migrated, and the site builds them all."""

import re
from pathlib import Path

import pytest
import yaml

from conftest import run_pelican, shared
from front_matter import schema
from workflow.jekyll_import import import_posts, report

CORPUS = shared("corpus/hot")
POSTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".markdown"))


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    content = tmp_path_factory.mktemp("import") / "content"
    (content / "people").mkdir(parents=True)
    (content / "people" / "nate-smith.md").write_text("---\nname: Nate Smith\n---\n", encoding="utf-8")
    lines = []
    return content, import_posts(CORPUS, content, progress=lines.append), lines


def front(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def test_every_post_is_imported_with_counted_progress(imported):
    _, results, lines = imported
    assert [r.status for r in results] == ["imported"] * len(POSTS)
    assert lines[0].startswith(f"[1/{len(POSTS)}] ") and lines[-1].startswith(f"[{len(POSTS)}/{len(POSTS)}] ")


def test_imported_files_use_only_the_clean_schema(imported):
    _, results, _ = imported
    for result in results:
        meta = front(Path(result.target))
        for key in meta:
            field = schema.lookup("update", key)
            assert field is not None and field.name == key and not field.legacy, (result.target, key)
        assert meta["translation_key"] and meta["date"]
        assert not re.search(r"Ã.|â€|√©", Path(result.target).read_text(encoding="utf-8"))


def test_the_built_site_contains_every_imported_post(imported, tmp_path):
    content, results, _ = imported
    site = run_pelican(content, tmp_path / "output")
    assert [str(f) for f in site.findings if f.code in ("E-YAML", "E-TYPE", "E-REQUIRED", "E-DUPLICATE-SLUG")] == []
    assert not any("MOJIBAKE" in f.code for f in site.findings)
    for result in results:
        meta = front(Path(result.target))
        lang, slug = result.target.split("/updates/")[1].removesuffix(".md").split("/")
        url = f"/{'' if lang == 'en' else lang + '/'}{'drafts' if meta.get('status') == 'draft' else 'updates'}/{slug}/"
        assert site.exists(url), (result.source, url)


def test_the_spanish_chatmap_post_keeps_its_language_and_key(imported):
    content, _, _ = imported
    spanish = front(content / "updates/es/mapeo-humanitario-con-whatsapp-presentando-chatmap.md")
    english = front(content / "updates/en/humanitarian-mapping-with-whatsapp-introducing-chatmap.md")
    assert spanish["translation_key"] == english["translation_key"]


def test_the_report_says_what_changed_and_what_needs_a_human(imported):
    _, results, _ = imported
    text = report(results)
    assert f"{len(POSTS)} posts: {len(POSTS)} imported" in text
    assert "`Person` -> `persons`" in text and "`permalink` -> `aliases`" in text
    assert "Needs a human: " in text and "persons name 'Nate Smith'" not in text  # Nate has a file


def test_existing_files_are_kept_unless_forced(imported):
    content, results, _ = imported
    target = Path(results[0].target)
    target.write_text(target.read_text(encoding="utf-8") + "\nEdited by hand.\n", encoding="utf-8")
    again = import_posts(CORPUS, content, progress=lambda line: None)
    assert {r.status for r in again} == {"exists"} and "Edited by hand." in target.read_text(encoding="utf-8")
    import_posts(CORPUS, content, force=True, progress=lambda line: None)
    assert "Edited by hand." not in target.read_text(encoding="utf-8")


def test_colliding_names_copies_and_broken_posts_each_get_the_truth(tmp_path):
    source, content = tmp_path / "_posts", tmp_path / "content"
    post = "---\ntitle: {title}\ndate: {date} 10:00:00 Z\npermalink: updates/{date}_x\n---\n{title}: the text.\n"
    files = {
        "2019-04-26-x.markdown": post.format(title="Cyclone Idai", date="2019-04-26"),
        "2019-04-29-x.markdown": post.format(title="Idai, three days on", date="2019-04-29"),
        "2010-11-17-maps.md": "---\ntitle: Maps\ncreated: 1289988000\n---\nThe same text.\n",
        "2010-11-20-maps.md": "---\ntitle: Maps\ncreated: 1290247200\n---\nThe same text.\n",
        "2011-01-01-broken.md": "---\ntitle: [unclosed\n---\nText.\n",
        "2011-01-02-latin1.md": "---\ntitle: Caf\xe9\n---\n".encode("latin-1"),
    }
    source.mkdir()
    for name, text in files.items():
        (source / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    results = {Path(r.source).name: r for r in import_posts(source, content, progress=lambda line: None)}
    assert {name: r.status for name, r in results.items()} == {
        "2019-04-26-x.markdown": "imported",
        "2019-04-29-x.markdown": "imported",
        "2010-11-17-maps.md": "merged",
        "2010-11-20-maps.md": "imported",
        "2011-01-01-broken.md": "refused",
        "2011-01-02-latin1.md": "unreadable",
    }
    assert results["2019-04-29-x.markdown"].target.endswith("updates/en/x-2019-04-29.md")
    assert front(content / "updates/en/x-2019-04-29.md")["aliases"] == ["/updates/2019-04-29_x/"]
    assert results["2010-11-17-maps.md"].changes == [
        f"merged into {source / '2010-11-20-maps.md'}, its newer copy (same title, summary and text)"
    ]
    assert results["2011-01-01-broken.md"].changes[0].startswith("refused, because line 2: the front matter is not")
    text = report(results.values())
    assert "6 posts: 3 imported, 1 merged, 1 refused, 1 unreadable" in text
    site = run_pelican(content, tmp_path / "output")
    assert site.exists("/updates/x/") and site.exists("/updates/x-2019-04-29/") and site.exists("/updates/maps/")


def test_each_post_goes_into_the_folder_of_its_texts_language_with_the_confidence_reported(tmp_path):
    source, content = tmp_path / "_posts", tmp_path / "content"
    source.mkdir()
    (source / "2016-01-20-activation-pour-le-mali.md").write_text(
        "---\ntitle: Activation pour le Mali\nPerson: Nate Smith\n---\nLes volontaires ont cartographié les routes, "
        "les écoles et les centres de santé de la région de Mopti pour les équipes humanitaires.\n",
        encoding="utf-8",
    )
    (source / "2018-02-06-test.md").write_text("---\ntitle: Test Post\n---\n", encoding="utf-8")
    results = {Path(r.source).name: r for r in import_posts(source, content, progress=lambda line: None)}
    mali, test = results["2016-01-20-activation-pour-le-mali.md"], results["2018-02-06-test.md"]
    assert mali.target.endswith("updates/fr/activation-pour-le-mali.md")
    assert "language 'fr', detected from its text (confidence 1.00)" in mali.changes
    assert test.target.endswith("updates/en/test.md")
    assert any(change.startswith("language 'en': the text's could not be told") for change in test.changes)


def test_partners_the_title_names_are_written_into_the_imported_post(tmp_path):
    source, content = tmp_path / "_posts", tmp_path / "content"
    (content / "partners").mkdir(parents=True)
    (content / "partners/iom.md").write_text(
        "---\nname: International Organization for Migration\nshort_name: IOM\nurl: https://www.iom.int/\n---\n",
        encoding="utf-8",
    )
    source.mkdir()
    (source / "2017-06-09-collaborating-with-iom.md").write_text(
        "---\ntitle: Collaborating with IOM\nPerson: Nate Smith\n---\nThe hub signed a cooperation agreement with the "
        "organisation, to share data on infrastructure and services.\n",
        encoding="utf-8",
    )
    (result,) = import_posts(source, content, progress=lambda line: None)
    assert front(Path(result.target))["partners"] == ["iom"]
    assert "partners ['iom'] from its title or its links: confirm them" in result.changes
