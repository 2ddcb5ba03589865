"""Pagefind indexes each language's updates apart; every language has a search page usable without JavaScript."""

import errno
import json
import os
import subprocess
import sys
import time

import pytest

from conftest import stamps, tree
from hubcore.settings import SettingsError
from search import bundles


def update(title, lang, body):
    return f"---\ntitle: {title}\ndate: 2021-01-01\nlang: {lang}\n---\n{body}\n"


def test_each_language_gets_its_own_index_of_updates_only(build_site, tmp_path):
    site = build_site(
        {
            "updates/en/a.md": update("Flood maps", "en", "Volunteers traced flooded roads."),
            "updates/es/b.md": update("Mapas de inundaciones", "es", "Voluntarias mapearon calles inundadas."),
            "updates/es/c.md": update("Talleres", "es", "Talleres de mapeo comunitario."),
            "pages/about.md": "---\ntitle: About\n---\nNot an update.\n",
        },
        SEARCH_INDEX=True,
        SEARCH_PAGES_PER_INDEX=2,
    )
    assert page_counts(site.output / "pagefind") == {"en": 1, "es": 2}
    assert site.findings == []
    # The runs of one language each (SEARCH_PAGES_PER_INDEX=2), merged, make what one Pagefind run over the
    # whole site makes.
    assert_index_of_whole_site(site.output, tmp_path / "whole")
    assert not (site.output / "pagefind/es-2").exists()


def page_counts(bundle):
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {lang: info["page_count"] for lang, info in entry["languages"].items()}


def assert_index_of_whole_site(output, whole):
    """The site's bundle is the one Pagefind makes in one run over the whole site (every page, so none but the
    update pages matter): the same files, the same bytes but the entry file's order of languages."""
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(output), "--output-path", str(whole), "--silent"], check=True
    )
    made = {
        name: data
        for name, data in tree(output / "pagefind").items()
        if "/" not in name or name.startswith(("index/", "fragment/"))
    }
    entry, whole = json.loads(made.pop("pagefind-entry.json")), tree(whole)
    assert json.loads(whole.pop("pagefind-entry.json")) == entry
    assert whole == made


def test_the_runs_take_at_most_the_limit_and_each_language_its_own():
    pages = {"en": ["e1", "e3", "e2", "e4", "e5"], "es": ["s1", "s2"], "fr": ["f1"], "pt": []}
    runs = bundles.plan(pages, 3)
    assert [(run.bundle, run.pages) for run in runs] == [
        ("", ["e1", "e2", "e3"]),
        ("", ["s1", "s2"]),
        ("", ["f1"]),
        ("en-2", ["e4", "e5"]),
    ]
    assert bundles.merged_bundles(runs, "en") == ["en-2"] and bundles.merged_bundles(runs, "es") == []
    assert [run.pages for run in bundles.plan(pages, 10)] == [["e1", "e2", "e3", "e4", "e5"], ["s1", "s2"], ["f1"]]
    assert bundles.plan({}, 10) == []


def test_runs_are_grouped_so_that_a_group_holds_the_limit_of_pages_at_most():
    waiting = [(key, bundles.Run("", ["p"] * size)) for key, size in (("a", 2), ("b", 1), ("c", 3), ("d", 1))]
    groups = [[key for key, _ in group] for group in bundles.together(waiting, 3)]
    assert groups == [["a", "b"], ["c"], ["d"]]
    assert [[key for key, _ in group] for group in bundles.together(waiting, 1)] == [["a"], ["b"], ["c"], ["d"]]
    assert list(bundles.together([], 3)) == []


def test_a_language_over_the_limit_is_indexed_in_parts_its_search_page_merges(build_site, tmp_path):
    site = build_site(
        {
            **{f"updates/en/{name}.md": update(f"Update {name}", "en", f"Word{name} text.") for name in "abcde"},
            "updates/es/b.md": update("Mapas", "es", "Texto."),
        },
        SEARCH_INDEX=True,
        SEARCH_PAGES_PER_INDEX=2,
    )
    assert site.findings == []
    bundle = site.output / "pagefind"
    assert (page_counts(bundle), page_counts(bundle / "en-2"), page_counts(bundle / "en-3")) == (
        {"en": 2, "es": 1},
        {"en": 2},
        {"en": 1},
    )
    assert 'data-merge="/pagefind/en-2/ /pagefind/en-3/"' in site.page("/search/")
    assert "data-merge" not in site.page("/es/search/")


def test_a_new_index_keeps_unchanged_files_and_removes_the_earlier_ones(build_site, tmp_path):
    files = {
        "updates/en/a.md": update("Flood maps", "en", "Volunteers traced flooded roads."),
        "updates/en/b.md": update("Road survey", "en", "A second update."),
    }
    site = build_site(files, SEARCH_INDEX=True, DELETE_OUTPUT_DIRECTORY=False, SEARCH_PAGES_PER_INDEX=1)
    first = stamps(site.output / "pagefind")
    assert "en-2/pagefind-entry.json" in first
    build_site(files, SEARCH_INDEX=True, DELETE_OUTPUT_DIRECTORY=False)
    second = stamps(site.output / "pagefind")
    assert second["pagefind.js"] == first["pagefind.js"]
    assert [name for name in first if name.endswith(".pf_meta") and name in second] == []
    assert not (site.output / "pagefind/en-2").exists()
    assert_index_of_whole_site(site.output, tmp_path / "whole")


def test_a_new_index_replaces_a_file_linked_to_the_site_in_place_without_writing_into_it(tmp_path, monkeypatch):
    """A publish links the last index from the site in place (plugins/incremental/manifest.py): what the new
    one changes must not reach that site through the link, even from a cache on another filesystem."""

    def another_filesystem(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "rename", another_filesystem)  # shutil.move then copies
    new, old, in_place = tmp_path / "new", tmp_path / "old", tmp_path / "in-place"
    for folder in (new, old, in_place):
        folder.mkdir()
    (in_place / "pagefind.js").write_text("the last index", encoding="utf-8")
    (old / "pagefind.js").hardlink_to(in_place / "pagefind.js")
    (new / "pagefind.js").write_text("the new index", encoding="utf-8")
    bundles.keep_unchanged(str(new), str(old))
    assert (old / "pagefind.js").read_text(encoding="utf-8") == "the new index"
    assert (in_place / "pagefind.js").read_text(encoding="utf-8") == "the last index"
    assert sorted(path.name for path in old.iterdir()) == ["pagefind.js"]


def test_of_several_runs_only_those_whose_pages_changed_run_again(build_site, tmp_path, monkeypatch):
    runs = tmp_path / "runs.log"
    pagefind_behind(tmp_path, monkeypatch, f'echo run >> "{runs}"\nexec "$PAGEFIND" "$@"')
    files = {f"updates/en/{name}.md": update(f"Update {name}", "en", f"Word{name} text.") for name in "abc"}
    files["updates/es/d.md"] = update("Mapas", "es", "Texto.")
    rebuild = {"SEARCH_INDEX": True, "DELETE_OUTPUT_DIRECTORY": False, "SEARCH_PAGES_PER_INDEX": 2}
    site = build_site(files, **rebuild)  # three runs: en a-b, es d, en c (`en-2`)
    first = stamps(site.output / "pagefind")
    files["updates/en/c.md"] = update("Update c", "en", "Wordc text, and more.")
    build_site(files, **rebuild)
    assert runs.read_text().count("run") == 3 + 1
    second = stamps(site.output / "pagefind")
    changed = {name for name in first if second.get(name) != first[name]}
    assert changed and all(name.startswith("en-2/") for name in changed)
    made = tree(site.output / "pagefind")
    cold = build_site(files, SEARCH_INDEX=True, SEARCH_PAGES_PER_INDEX=2)
    assert runs.read_text().count("run") == 3 + 1 + 3 and tree(cold.output / "pagefind") == made


def test_a_site_without_updates_has_no_index_and_no_error(build_site, tmp_path):
    files = {"updates/en/a.md": update("Flood maps", "en", "Volunteers traced flooded roads.")}
    site = build_site(files, SEARCH_INDEX=True, DELETE_OUTPUT_DIRECTORY=False)
    assert page_counts(site.output / "pagefind") == {"en": 1}
    (tmp_path / "content/updates/en/a.md").unlink()
    site = build_site(
        {"pages/about.md": "---\ntitle: About\n---\nNot an update.\n"}, SEARCH_INDEX=True, DELETE_OUTPUT_DIRECTORY=False
    )
    assert site.findings == [] and not (site.output / "pagefind").exists()


def test_a_limit_that_is_not_a_number_of_pages_is_refused(build_site):
    with pytest.raises(SettingsError, match="SEARCH_PAGES_PER_INDEX"):
        build_site({}, SEARCH_PAGES_PER_INDEX=0)


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


def pagefind_behind(tmp_path, monkeypatch, script):
    """Pagefind's own binary behind a shell script (pagefind's PAGEFIND_BINARY_PATH); `$PAGEFIND` runs it."""
    from pagefind_bin import get_executable

    wrapper = tmp_path / "pagefind"
    wrapper.write_text(f'#!/bin/sh\nPAGEFIND="{get_executable()}"\n{script}\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(wrapper))


def test_runs_within_the_limit_are_made_at_once_and_merge_as_one_run(build_site, tmp_path, monkeypatch):
    # Each run notes its start, and the first waits (5 s at most) for the second to start: made one after the
    # other, the log reads start, end, start, end.
    log = tmp_path / "runs.log"
    pagefind_behind(
        tmp_path,
        monkeypatch,
        f'echo start >> "{log}"\n'
        f'for _ in $(seq 50); do [ "$(grep -c start "{log}")" -ge 2 ] && break; sleep 0.1; done\n'
        f'"$PAGEFIND" "$@"; status=$?\necho end >> "{log}"\nexit $status',
    )
    files = {
        "updates/en/a.md": update("Flood maps", "en", "Volunteers traced flooded roads."),
        "updates/es/b.md": update("Mapas de inundaciones", "es", "Voluntarias mapearon calles inundadas."),
        "updates/es/c.md": update("Talleres", "es", "Talleres de mapeo comunitario."),
    }
    site = build_site(files, SEARCH_INDEX=True, SEARCH_PAGES_PER_INDEX=3)  # en (1 page) and es (2) at once
    assert log.read_text().split() == ["start", "start", "end", "end"]
    assert site.findings == [] and page_counts(site.output / "pagefind") == {"en": 1, "es": 2}
    assert_index_of_whole_site(site.output, tmp_path / "whole")


TWO_LANGUAGES = {
    "updates/en/a.md": update("Flood maps", "en", "Volunteers traced flooded roads."),
    "updates/es/b.md": update("Mapas de inundaciones", "es", "Voluntarias mapearon calles inundadas."),
}


@pytest.mark.parametrize(
    "script, said",
    [
        ('echo "Pagefind could not write its bundle" >&2\nexit 3', "Pagefind could not write its bundle"),
        ("kill -9 $$", "Pagefind ended with exit status -9 and no message"),  # out of memory, say
    ],
)
def test_a_failed_run_is_an_error_of_the_build_and_the_next_build_indexes_again(
    build_site, tmp_path, monkeypatch, script, said
):
    site = build_site(TWO_LANGUAGES, SEARCH_INDEX=True, DELETE_OUTPUT_DIRECTORY=False)
    files = {**TWO_LANGUAGES, "updates/en/c.md": update("Road survey", "en", "A second update.")}
    with monkeypatch.context() as failing:
        pagefind_behind(tmp_path, failing, script)
        failed = build_site(files, SEARCH_INDEX=True, DELETE_OUTPUT_DIRECTORY=False)
    [finding] = failed.findings
    assert finding.code == "E-SEARCH-INDEX" and said in finding.message
    assert page_counts(site.output / "pagefind") == {"en": 1, "es": 1}  # the last index, left as it was
    assert page_counts(build_site(files, SEARCH_INDEX=True, DELETE_OUTPUT_DIRECTORY=False).output / "pagefind") == {
        "en": 2,
        "es": 1,
    }


def test_a_run_that_fails_stops_the_others_of_its_group(build_site, tmp_path, monkeypatch):
    # The Spanish run fails at once; the English one would take a minute.
    pagefind_behind(
        tmp_path, monkeypatch, 'case "$PWD" in *conf-0*) exec sleep 60;; esac\necho "no bundle" >&2\nexit 3'
    )
    started = time.monotonic()
    site = build_site(TWO_LANGUAGES, SEARCH_INDEX=True)
    assert [f.code for f in site.findings] == ["E-SEARCH-INDEX"] and time.monotonic() - started < 30


def test_a_fault_while_indexing_is_an_error_of_the_build_not_a_site_without_search(build_site, monkeypatch):
    def fault(*args):
        raise ValueError("no key for this run")

    monkeypatch.setattr(bundles, "run_key", fault)
    site = build_site(TWO_LANGUAGES, SEARCH_INDEX=True)
    assert [(f.code, f.message) for f in site.findings] == [
        ("E-SEARCH-INDEX", "the search index could not be made: ValueError: no key for this run")
    ]


def test_a_page_an_earlier_build_left_is_not_searchable(build_site, tmp_path):
    files = {
        "updates/en/a.md": update("Flood maps", "en", "Volunteers traced flooded roads."),
        "updates/en/c.md": update("Road survey", "en", "A second update."),
    }
    build_site(files, SEARCH_INDEX=True, DELETE_OUTPUT_DIRECTORY=False)
    (tmp_path / "content/updates/en/c.md").unlink()
    site = build_site({}, SEARCH_INDEX=True, DELETE_OUTPUT_DIRECTORY=False)
    assert (site.output / "updates/c/index.html").exists()  # left by the first build (a development build)
    assert site.findings == [] and page_counts(site.output / "pagefind") == {"en": 1}


def test_pages_whose_paths_read_as_glob_syntax_are_indexed(build_site, tmp_path):
    odd = {"ARTICLE_URL": "updates/{slug},[1]/", "ARTICLE_SAVE_AS": "updates/{slug},[1]/index.html"}
    site = build_site(
        {**TWO_LANGUAGES, "updates/en/c.md": update("Road survey", "en", "Text.")}, SEARCH_INDEX=True, **odd
    )
    assert (site.output / "updates/a,[1]/index.html").exists()
    assert site.findings == [] and page_counts(site.output / "pagefind") == {"en": 2, "es": 1}
    assert_index_of_whole_site(site.output, tmp_path / "whole")


@pytest.mark.parametrize("max_glob", [bundles.MAX_GLOB, 10])  # a glob of the pages; a folder of links to them
def test_each_run_indexes_exactly_its_pages(build_site, tmp_path, monkeypatch, max_glob):
    monkeypatch.setattr(bundles, "MAX_GLOB", max_glob)
    # Names that start and end alike, so that the glob writes their common start and end once.
    files = {
        f"updates/en/{name}.md": update(f"Update {name}", "en", f"Word{name} text.") for name in ("a", "ab", "abc")
    }
    files["updates/es/a.md"] = update("Mapas", "es", "Texto.")
    site = build_site(files, SEARCH_INDEX=True, SEARCH_PAGES_PER_INDEX=2)  # en a-ab, es a, en abc (`en-2`)
    assert site.findings == []
    assert page_counts(site.output / "pagefind") == {"en": 2, "es": 1}
    assert page_counts(site.output / "pagefind" / "en-2") == {"en": 1}


@pytest.mark.parametrize(
    "pages, glob",
    [
        (["updates/a/index.html"], "updates/a/index.html"),
        (["updates/a/index.html", "updates/ab/index.html"], "updates/a{/,b/}index.html"),
        (["x/index.html", "es/updates/y/index.html"], "{x,es/updates/y}/index.html"),
        (["a.html", "ab.html"], "a{.,b.}html"),  # no alternative left empty
        (["updates/a,b/index.html", "updates/c/index.html"], None),  # a comma: glob syntax
        (["updates/[1]/index.html"], None),
        ([], None),
    ],
)
def test_a_runs_glob_names_exactly_its_pages(pages, glob):
    assert bundles.glob_of(pages) == glob


def test_a_glob_longer_than_the_limit_is_none(monkeypatch):
    pages = [f"updates/{n}/index.html" for n in range(100)]
    assert bundles.glob_of(pages).count(",") == 99
    monkeypatch.setattr(bundles, "MAX_GLOB", len(bundles.glob_of(pages)) - 1)
    assert bundles.glob_of(pages) is None
