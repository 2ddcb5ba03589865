"""The engine: the same site with it and without it, Pelican's functions back when a run leaves it out, its
replacements equal to Pelican's own, the Pelican version it was written for, and Pelican's own test suite
passing as it does without it."""

import os
import random
import re
import subprocess
import sys
import types
from pathlib import Path

import pelican
import pytest
from pelican import generators, writers
from pelican.contents import Article

from conftest import ROOT, demo_and_archive, run_pelican, tree
from engine import engine, speedups, writer
from hubcore.errors import SettingsError
from hubcore.settings import DEFAULTS


def plugins_without_engine():
    from pelican.settings import read_settings

    return [name for name in read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"] if name != "engine"]


def test_the_demo_and_the_archive_sample_are_the_same_to_the_byte_with_and_without_the_engine(tmp_path):
    content = demo_and_archive(tmp_path)
    with_engine = run_pelican(content, tmp_path / "on", CACHE_PATH=str(tmp_path / "on-cache"))
    assert generators.Generator.get_files is speedups._listed_once
    plain = run_pelican(
        content, tmp_path / "off", CACHE_PATH=str(tmp_path / "off-cache"), PLUGINS=plugins_without_engine()
    )
    assert generators.Generator.get_files is speedups._original_get_files  # Pelican's own, back
    assert tree(with_engine.output) == tree(plain.output)
    assert sorted(map(str, with_engine.findings)) == sorted(map(str, plain.findings))


def test_another_pelican_is_refused_naming_both_versions(build_site, monkeypatch):
    monkeypatch.setattr(engine, "PELICAN_VERSION", "4.11.0")
    with pytest.raises(SettingsError, match=r"written for Pelican 4\.11\.0, and Pelican 4\.12\.0 is installed"):
        build_site({})


def test_process_translations_is_pelicans(monkeypatch):
    for seed in range(30):
        rnd = random.Random(seed)
        keys = [f"k{n}" for n in range(rnd.randint(1, 6))]

        def items():
            made = []
            for n in range(rnd.randint(1, 30)):
                lang = rnd.choice(["en", "es", "fr"])
                made.append(
                    types.SimpleNamespace(
                        name=n,
                        translation_key=rnd.choice(keys),
                        lang=lang,
                        in_default_lang=lang == "en",
                        metadata={},
                        source_path=f"updates/{n}.md",
                    )
                )
            return made

        state = rnd.getstate()
        ours, ours_rest = speedups.process_translations(items(), "translation_key")
        rnd.setstate(state)
        theirs, theirs_rest = speedups._original_process_translations(items(), "translation_key")
        assert [(i.name, [t.name for t in i.translations]) for i in ours] == [
            (i.name, [t.name for t in i.translations]) for i in theirs
        ], seed
        assert [i.name for i in ours_rest] == [i.name for i in theirs_rest], seed


def test_urls_are_pelicans_whatever_changes_on_the_document():
    from pelican.settings import DEFAULT_CONFIG

    settings = {
        **DEFAULT_CONFIG,
        "ARTICLE_URL": "updates/{slug}/",
        "ARTICLE_LANG_URL": "{lang}/updates/{slug}/",
        "ARTICLE_SAVE_AS": "updates/{slug}/index.html",
        "ARTICLE_LANG_SAVE_AS": "{lang}/updates/{slug}/index.html",
    }
    article = Article("", metadata={"title": "T", "slug": "a"}, settings=settings)
    for slug, lang in (("a", "en"), ("b", "en"), ("b", "es"), ("a", "es")):
        article.slug, article.lang, article.in_default_lang = slug, lang, lang == "en"
        for key in ("URL", "SAVE_AS"):
            assert speedups._remembered_url_setting(article, key) == speedups._original(article, key)


def test_the_writers_bookkeeping_of_files_written_twice_is_pelicans(tmp_path):
    """The same sequence of writes to one file: the same errors, and the same file, with either writer."""
    outcomes = []
    for kind in (writers.Writer, writer.OpeningWriter):
        done, target = [], str(tmp_path / kind.__name__)
        instance = kind(str(tmp_path), settings=dict(DEFAULTS))
        for text, override in (("one", False), ("two", False), ("three", True), ("four", True), ("five", False)):
            try:
                with instance._open_w(target, "utf-8", override) as handle:
                    handle.write(text)
                done.append("written")
            except writers.FileOverwriteFailedError as error:
                done.append(re.sub(r'"[^"]+"', "FILE", str(error)))
        outcomes.append((done, open(target, encoding="utf-8").read()))
    assert outcomes[0] == outcomes[1] and outcomes[0][1] == "three"


def test_pelicans_own_test_suite_gives_the_same_results_with_the_engine(tmp_path):
    """Pelican ships its tests: run with the engine's replacements installed, each test ends as it does without
    (some fail either way, for lack of optional packages)."""
    suite = str(Path(pelican.__file__).parent / "tests")

    def outcomes(*extra):
        done = subprocess.run(
            [sys.executable, "-m", "pytest", suite, "-q", "-rA", "-p", "no:cacheprovider", *extra],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "PYTHONPATH": f"{tmp_path}:{ROOT / 'plugins'}"},
        )
        return {test: result for result, test in re.findall(r"^(PASSED|FAILED|ERROR) (\S+)", done.stdout, re.M)}

    plain = outcomes()
    (tmp_path / "install_engine.py").write_text("from engine import speedups\nspeedups.install()\n")
    with_engine = outcomes("-p", "install_engine")
    assert sum(result == "PASSED" for result in plain.values()) > 200
    assert with_engine == plain
