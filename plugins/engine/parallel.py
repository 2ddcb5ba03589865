"""Pages rendered in several processes.

Rendering templates is much of a cold build, and Pelican does it on one core.
Here the writer hands each page's template and context to `Pages` instead of
rendering it (`Later`); Pelican goes on with the next page. Every RENDER_BATCH
pages, and whenever the files must be on disk (`settle`: before Pagefind reads
the update pages, before the run's report and manifest), the waiting pages are
rendered: this process renders every RENDER_PROCESSES-th one and forked workers
the others, each writing its own files. A worker has the whole site as it was
when it was forked, so nothing is pickled but a failure. Each page is rendered
from the same template and context whatever the number of processes, so the
files are the same to the byte (tests/test_parallel.py builds with one and with
two).

So Pelican's `content_written` comes before its file is on disk: a handler may
record the page (the sitemap does), not read or change the file. Pages still
waiting when a run stops on an error are not written.

What rendering a page changes in memory (a document's content worked out, a
map projected) stays in its worker; the writer's bookkeeping (which files were
written, with which digest) is this process's, done once the workers succeed.
The workers may be forked while the search index is being made in another
thread of this process (plugins/search): that thread only waits for Pagefind and
links files, and holds nothing rendering takes (CPython makes the import and
logging locks anew in a forked child).
"""

import gc
import multiprocessing
import os
import pickle
import traceback

from .read_ahead import plain_logging


class Later:
    """What rendering a page gives when it is rendered later: no text yet (a file that is given it to write
    refuses it), but the template and the context to render it from."""

    def __init__(self, template, localcontext, context):
        self.template, self.localcontext, self.context = template, localcontext, context

    def render(self):
        # Pelican points its shared context at the page's site URL right before rendering it (relative URLs):
        # the documents' links depend on it, so a page rendered later does the same.
        if self.localcontext["localsiteurl"]:
            self.context["localsiteurl"] = self.localcontext["localsiteurl"]
        return self.template.render(self.localcontext)


class RenderingFailed(Exception):
    """A worker could not render a page, and its error could not be brought back as it was."""


class Pages:
    """The pages waiting to be rendered, each with the function that writes its text and the one to call once
    it is written."""

    def __init__(self, settings):
        self.processes = settings["RENDER_PROCESSES"] or os.cpu_count() or 1
        self.batch = settings["RENDER_BATCH"]
        self.parallel_from = settings["RENDER_IN_PARALLEL_FROM"]
        self.waiting = []  # (path, Later, write, done)

    @property
    def deferring(self):
        return self.processes > 1

    def add(self, path, later, write, done):
        self.waiting.append((path, later, write, done))
        if len(self.waiting) >= self.batch:
            self.settle()

    def drop(self):
        self.waiting.clear()

    def settle(self):
        """Render and write every waiting page; then tell each page's writer it is written."""
        waiting, self.waiting = self.waiting, []
        if not waiting:
            return
        workers = min(self.processes, max(1, len(waiting) // self.parallel_from))
        if workers < 2:
            render(waiting)
        else:
            in_workers(waiting, workers)
        for path, _, _, done in waiting:
            done(path)


def render(pages):
    for path, later, write, _ in pages:
        write(path, later.render())


def in_workers(pages, workers):
    """Render `pages` in `workers` processes, this one included: the n-th process takes every `workers`-th page
    from the n-th on."""
    context = multiprocessing.get_context("fork")
    started = []
    try:
        # The workers' collector leaves the build's objects alone, so their memory stays shared. Unfrozen, the
        # objects go to the oldest generation, which is almost never collected (engine/speedups.py): the young
        # garbage (a rendered page's cycles of Jinja contexts and macros) is collected first, or it would stay.
        gc.collect(1)
        gc.freeze()
        try:
            for share in range(1, workers):
                receiving, sending = context.Pipe(duplex=False)
                worker = context.Process(target=work, args=(pages[share::workers], sending), daemon=True)
                started.append((worker, receiving))
                worker.start()
                sending.close()
        finally:
            gc.unfreeze()
        render(pages[0::workers])
        failures = [outcome(worker, receiving) for worker, receiving in started]
    except BaseException:
        for worker, _ in started:
            if worker.pid is not None:
                worker.terminate()
        raise
    finally:
        for worker, receiving in started:
            if worker.pid is not None:
                worker.join()
            receiving.close()
    for failure in failures:
        if failure is not None:
            raise failure


def work(pages, sending):
    """A worker: render its pages, then send None, or the page that failed and why."""
    plain_logging()
    path = None
    try:
        for page in pages:
            path = page[0]
            render([page])
    except BaseException as error:  # noqa: BLE001 -- whatever it is, the parent raises it
        error.add_note(f"while rendering {path}")
        try:
            pickled = pickle.dumps(error)
        except Exception:  # noqa: BLE001 -- an error that cannot travel travels as its text
            pickled = None
        sending.send((path, pickled, traceback.format_exc()))
    else:
        sending.send(None)
    sending.close()


def outcome(worker, receiving):
    """None when the worker rendered all its pages; else the error to raise: the worker's own, when it can be
    brought back."""
    try:
        failure = receiving.recv()
    except EOFError:  # it died without a word (killed, out of memory)
        worker.join()
        return RenderingFailed(f"a worker rendering pages stopped (exit status {worker.exitcode})")
    if failure is None:
        return None
    path, pickled, trace = failure
    try:
        return pickle.loads(pickled)
    except Exception:  # noqa: BLE001 -- some errors cannot be rebuilt from their pickle
        return RenderingFailed(f"rendering {path} failed in a worker:\n{trace}")
