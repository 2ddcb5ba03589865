"""`./dev serve`: build, serve output/, and rebuild whenever content, theme, plugins or settings change.

The building happens in a builder process (live.py) that keeps the built site
in memory: an edit of an update's text is shown in place, in well under a
second. Any other change ends that builder and starts a new one, which builds
from the caches; a new process, so that a changed plugin takes effect too.
"""

import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

from workflow import live

WATCHED = ("content", "theme", "plugins", "pelicanconf.py")


class Builder:
    """A builder process (live.work) and the pipe to it; starting one builds the whole site."""

    def __init__(self, root, arguments=None, quiet=False):
        spawn = multiprocessing.get_context("spawn")  # a fresh interpreter: the plugins' code as it is now
        self.connection, theirs = spawn.Pipe()
        # Not a daemon: the builder reads in processes of its own (read_ahead.py). It ends when this process closes
        # it, or when the pipe breaks.
        self.process = spawn.Process(target=live.work, args=(str(root), theirs, arguments or live.SETTINGS, quiet))
        self.process.start()
        theirs.close()
        self.ok, self.seconds = self._answer(default=(False, 0.0))
        self.in_place = self.ok

    def _answer(self, default):
        try:
            return self.connection.recv()
        except EOFError:  # the process died
            return default

    def take(self, paths):
        """None when the builder showed the edited files in place, else why it could not."""
        if not self.in_place:
            return "the last build failed"
        try:
            self.connection.send(list(paths))
        except OSError:
            return "the builder stopped"
        why = self._answer(default="the builder stopped")
        self.in_place = why is None
        return why

    def close(self):
        if self.process.is_alive():
            try:
                self.connection.send(live.STOP)
            except OSError:
                pass
            self.process.join(5)
            if self.process.is_alive():
                self.process.kill()
        self.connection.close()


def content_files(root, names):
    """The changed files, when all are in content/ (what a builder may take in place), else None."""
    content = (root / "content").resolve()
    paths = [Path(name).resolve() for name in names]
    return paths if all(content in path.parents for path in paths) else None


def rebuild_on_changes(changes, rebuild, say=print):
    """For each batch of changed files, rebuild once and say how long it took and how."""
    for batch in changes:
        names = sorted({path for _, path in batch})
        say(f"{len(names)} change(s), e.g. {names[0]}: rebuilding...")
        start = time.perf_counter()
        ok, how = rebuild(names)
        say(f"{'rebuilt' if ok else 'build failed'} in {time.perf_counter() - start:.2f} s ({how})")


def serve(root, port):
    import watchfiles

    builder = Builder(root)
    print(f"{'built' if builder.ok else 'build failed'} in {builder.seconds:.1f} s")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pelican",
            "-s",
            "pelicanconf.py",
            "--listen",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=root,
    )
    print(f"Serving on http://127.0.0.1:{port}/ (Ctrl+C stops)")

    def rebuild(names):
        nonlocal builder
        paths = content_files(root, names)
        why = builder.take(paths) if paths else "not only updates' text changed"
        if why is None:
            return True, "in place; the search index follows"
        builder.close()
        builder = Builder(root)
        return builder.ok, f"a full build: {why}"

    try:
        rebuild_on_changes(watchfiles.watch(*(root / name for name in WATCHED if (root / name).exists())), rebuild)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        builder.close()
