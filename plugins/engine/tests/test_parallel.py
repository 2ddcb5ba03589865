"""Pages rendered in several processes: the same files and findings as one process gives, and a worker's failure
raised here."""

import pytest
from jinja2 import Environment

from conftest import demo_and_archive, run_pelican, tree
from engine import parallel
from hubcore import files
from hubcore.settings import DEFAULTS


def build(content, output, processes):
    return run_pelican(
        content,
        output,
        CACHE_PATH=str(output) + "-cache",
        RENDER_PROCESSES=processes,
        RENDER_IN_PARALLEL_FROM=1,
        RENDER_BATCH=97,  # several batches, one cut in the middle of a list's pages
    )


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
    template = environment.from_string("{{ greeting }}, {{ 100 // n }}")
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
    assert [open(path, encoding="utf-8").read() for path, _, _ in pages] == [
        "Hello, 100",
        "Hola, 50",
        "Bonjour, 33",
        "Olá, 25",
        "Salut, 20",
    ]


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


def test_one_process_renders_here_without_forking(tmp_path):
    pages = pages_of(tmp_path, ["x", "y"])
    assert settled(pages, 1) == [path for path, _, _ in pages]
    assert open(pages[1][0], encoding="utf-8").read() == "y, 50"
