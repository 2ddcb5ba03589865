"""Each handler of each plugin's signal table is connected once, and runs only in runs whose PLUGINS name it."""

import importlib

import pytest
from pelican import signals

from conftest import ROOT, run_pelican
from hubcore import plugin

PLUGINS = sorted(p.name for p in (ROOT / "plugins").iterdir() if (p / "__init__.py").exists() and p.name != "hubcore")


@pytest.mark.parametrize("name", PLUGINS)
def test_every_handler_of_every_table_is_connected_exactly_once(name, build_site):
    build_site({})  # a run: each plugin's register() once more
    module = importlib.import_module(f"{name}.{name}")
    module.register()  # and again
    for signal, handlers in module.SIGNAL_HANDLERS.items():
        connected = [handler for handler, plugins in plugin.connected(signal) if name in plugins]
        for handler in handlers if isinstance(handlers, tuple) else (handlers,):
            assert connected.count(handler) == 1, (signal.name, handler)
    assert [h for h in signals.initialized.receivers.values()].count(plugin.start_run) == 1


def test_a_plugin_left_out_runs_nothing_even_after_a_full_build_in_this_process(tmp_path):
    files = tmp_path / "content" / "updates" / "es"
    files.mkdir(parents=True)
    (files / "a.md").write_text("---\ntitle: A\ndate: 2021-01-01\n---\nTexto del hub.\n", encoding="utf-8")
    full = run_pelican(tmp_path / "content", tmp_path / "full")
    assert (full.output / "es/feeds/all.atom.xml").is_file()
    bare = run_pelican(tmp_path / "content", tmp_path / "bare", PLUGINS=["front_matter", "i18n"])
    assert not (bare.output / "es/feeds").exists() and not (bare.output / "sitemap.xml").exists()
    assert (bare.output / "es/updates/a/index.html").is_file()
