"""Pages rendered in several processes: the same files and findings as one process gives, and a worker's failure
raised here."""

import gc
import os
import weakref

import pytest
from jinja2 import Environment
from pelican.settings import read_settings

from conftest import ROOT, demo_and_archive, run_pelican, tree, write_files
from engine import parallel
from hubcore import files
from hubcore.settings import DEFAULTS, SettingsError, check
from incremental.tests.test_incremental import FILES


def build(content, output, processes):
    return run_pelican(
        content,
        output,
        CACHE_PATH=str(output) + "-cache",
        RENDER_PROCESSES=processes,
        RENDER_IN_PARALLEL_FROM=1,
        RENDER_BATCH=97,  # several batches, one cut in the middle of a list's pages
    )


def test_with_relative_urls_each_page_rendered_later_links_from_its_own_depth(tmp_path):
    """Pelican points the documents at the page's site URL right before rendering it: a page rendered later in a
    worker does the same, so its links are its own and not those of the page queued last."""
    write_files(tmp_path / "content", FILES)
    one = run_pelican(tmp_path / "content", tmp_path / "one", RELATIVE_URLS=True, RENDER_PROCESSES=1)
    two = run_pelican(
        tmp_path / "content", tmp_path / "two", RELATIVE_URLS=True, RENDER_PROCESSES=2, RENDER_IN_PARALLEL_FROM=1
    )
    assert 'href="../../tags/floods/"' in one.page("/updates/first/")
    assert tree(two.output) == tree(one.output)


def test_the_demo_and_the_archive_sample_are_the_same_to_the_byte_in_one_process_and_in_two(tmp_path):
    content = demo_and_archive(tmp_path)
    one = build(content, tmp_path / "one", 1)
    two = build(content, tmp_path / "two", 2)
    pages = tree(one.output)
    assert sum(name.endswith(".html") for name in pages) > 200
    assert tree(two.output) == pages
    assert sorted(map(str, two.findings)) == sorted(map(str, one.findings))


def pages_of(tmp_path, texts):
    environment = Environment()
    environment.globals["pid"] = os.getpid
    template = environment.from_string("{{ greeting }}, {{ 100 // n }}<!-- {{ pid() }} -->")
    return [
        (
            str(tmp_path / f"page-{n}.html"),
            parallel.Later(template, {"greeting": text, "n": n, "localsiteurl": ""}, {}),
            files.write_if_changed,
        )
        for n, text in enumerate(texts, start=1)
    ]


def settled(pages, processes):
    done = []
    waiting = parallel.Pages({**DEFAULTS, "RENDER_PROCESSES": processes, "RENDER_IN_PARALLEL_FROM": 1})
    for path, later, write in pages:
        waiting.add(path, later, write, done.append)
    waiting.settle()
    return done


def test_workers_write_every_page_and_each_is_reported_written_in_order(tmp_path):
    pages = pages_of(tmp_path, ["Hello", "Hola", "Bonjour", "Olá", "Salut"])
    assert settled(pages, 3) == [path for path, _, _ in pages]
    texts = [open(path, encoding="utf-8").read().split("<!-- ") for path, _, _ in pages]
    assert [text for text, _ in texts] == ["Hello, 100", "Hola, 50", "Bonjour, 33", "Olá, 25", "Salut, 20"]
    # This process renders the first page and every third after it; a worker of its own each other share.
    by = [int(pid.rstrip(" ->")) for _, pid in texts]
    assert by[0] == by[3] == os.getpid() and len({by[1], by[2], by[0]}) == 3 and by[4] == by[1]


def test_a_workers_error_is_raised_here_as_it_was_and_no_page_counts_as_written(tmp_path):
    pages = pages_of(tmp_path, ["a", "b", "c", "d"])
    broken = pages[3][1]  # the second worker's second page
    broken.localcontext["n"] = 0
    done = []
    waiting = parallel.Pages({**DEFAULTS, "RENDER_PROCESSES": 2, "RENDER_IN_PARALLEL_FROM": 1})
    for path, later, write in pages:
        waiting.add(path, later, write, done.append)
    with pytest.raises(ZeroDivisionError):
        waiting.settle()
    assert done == []


class Unpicklable(Exception):
    def __init__(self, what, why):  # pickle cannot make it again from its args
        super().__init__(f"{what}: {why}")


def test_an_error_that_cannot_travel_is_raised_as_its_text_naming_the_page(tmp_path):
    pages = pages_of(tmp_path, ["a", "b"])

    def refuse(path, text):
        raise Unpicklable(path, "no")

    pages[1] = (pages[1][0], pages[1][1], refuse)
    with pytest.raises(parallel.RenderingFailed, match=r"page-2\.html failed in a worker:(.|\n)*Unpicklable"):
        settled(pages, 2)


class Cycle:
    def __init__(self):
        self.itself = self


def test_garbage_made_before_the_workers_fork_is_collected_not_kept_for_the_rest_of_the_run(tmp_path):
    """Rendering a page leaves cycles (Jinja's contexts and macros). Frozen for the fork, then put in the oldest
    generation, they would outlive the run."""
    pages = pages_of(tmp_path, ["a", "b"])
    automatic = gc.isenabled()
    gc.disable()  # only the collections the engine asks for
    try:
        garbage = weakref.ref(Cycle())
        assert garbage() is not None
        settled(pages, 2)
        assert garbage() is None
    finally:
        if automatic:
            gc.enable()


def test_one_process_renders_here_without_forking(tmp_path):
    pages = pages_of(tmp_path, ["x", "y"])
    assert settled(pages, 1) == [path for path, _, _ in pages]
    assert open(pages[1][0], encoding="utf-8").read() == f"y, 50<!-- {os.getpid()} -->"


def test_a_workers_error_names_the_page_it_was_rendering(tmp_path):
    pages = pages_of(tmp_path, ["a", "b"])
    pages[1][1].localcontext["n"] = 0
    with pytest.raises(ZeroDivisionError) as raised:
        settled(pages, 2)
    assert raised.value.__notes__ == [f"while rendering {pages[1][0]}"]


@pytest.mark.parametrize(
    "name, value",
    [("RENDER_PROCESSES", -1), ("RENDER_BATCH", 0), ("RENDER_IN_PARALLEL_FROM", 0), ("READ_PROCESSES", "2")],
)
def test_settings_that_cannot_say_how_many_processes_or_pages_are_refused(name, value):
    settings = {**DEFAULTS, **read_settings(str(ROOT / "pelicanconf.py"))}
    check(settings)
    with pytest.raises(SettingsError, match=name):
        check({**settings, name: value})
