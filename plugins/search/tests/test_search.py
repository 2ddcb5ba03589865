"""Pagefind indexes each language's updates apart; every language has a search page usable without JavaScript."""

import json
import subprocess
import sys

from conftest import tree


def update(title, lang, body):
    return f"---\ntitle: {title}\ndate: 2021-01-01\nlang: {lang}\n---\n{body}\n"


def test_each_language_gets_its_own_index_of_updates_only(build_site, tmp_path):
    site = build_site({
        "updates/en/a.md": update("Flood maps", "en", "Volunteers traced flooded roads."),
        "updates/es/b.md": update("Mapas de inundaciones", "es", "Voluntarias mapearon calles inundadas."),
        "updates/es/c.md": update("Talleres", "es", "Talleres de mapeo comunitario."),
        "pages/about.md": "---\ntitle: About\n---\nNot an update.\n",
    }, SEARCH_INDEX=True)
    entry = json.loads((site.output / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == {"en": 1, "es": 2}
    assert site.findings == []
    # Pagefind reads only the update pages (indexed_pages), and makes the index it makes from every page.
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site.output), "--output-path",
                    str(tmp_path / "whole"), "--silent"], check=True)
    assert tree(tmp_path / "whole") == {**tree(site.output / "pagefind"),
                                       "pagefind-entry.json": (tmp_path / "whole/pagefind-entry.json").read_bytes()}
    assert json.loads((tmp_path / "whole/pagefind-entry.json").read_text(encoding="utf-8")) == entry


def test_search_pages_list_the_updates_for_readers_without_javascript(build_site):
    site = build_site({"updates/es/b.md": update("Mapas de inundaciones", "es", "Texto.")})
    page = site.page("/es/search/")
    assert '<html lang="es"' in page and "<h1>Buscar</h1>" in page
    noscript = page.split("<noscript>")[1].split("</noscript>")[0]
    assert 'href="/es/updates/b/">Mapas de inundaciones</a>' in noscript
    assert '<script type="module" src="/theme/js/search.js"></script>' in page
    assert 'href="/es/search/"' in site.page("/es/")


def test_pagefind_runs_again_only_when_an_update_page_changed(build_site, tmp_path):
    files = {"updates/en/a.md": update("Flood maps", "en", "Volunteers traced flooded roads.")}
    rebuild = {"SEARCH_INDEX": True, "DELETE_OUTPUT_DIRECTORY": False}

    def indexed():
        site = build_site(files, **rebuild)
        entry = site.output / "pagefind/pagefind-entry.json"
        return entry.stat().st_mtime_ns, json.loads(entry.read_text(encoding="utf-8"))["languages"]

    first, _ = indexed()
    assert indexed()[0] == first  # nothing changed: Pagefind did not run
    files["updates/en/b.md"] = update("Road survey", "en", "A second update.")
    second, languages = indexed()
    assert second != first and languages["en"]["page_count"] == 2
