"""Files the plugins write themselves (feeds, sitemap, robots.txt, redirects, what they keep in caches)."""

import contextlib
import os
import shutil

from .errors import WriteError


def write_if_changed(path, text):
    """Write `text` (UTF-8) unless the file already holds exactly that: an unchanged file keeps its date,
    so a rebuild that changes nothing in it gives a deploy nothing to upload. True when written."""
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return False
    except OSError:
        pass
    try:
        replace_whole(path, data)
    except OSError as error:
        # The machine's problem (a full disk, no permission), not the content's: one line and the build stops.
        raise WriteError(f"cannot write {path}: {error.strerror or error}") from None
    return True


def replace_whole(path, data):
    """Put a file holding `data` (bytes) at `path`: written beside it under this process's name, then moved in
    its place. Never half a file for a reader or the next build, even when several processes make it at once,
    and never the old file written over: it may be a link to the same file in the site in place (`./dev publish`
    links the pages it would make the same, plugins/incremental/manifest.py)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with _beside(path) as temporary, open(temporary, "wb") as handle:
        handle.write(data)


def move_whole(source, path):
    """Move the file `source` to `path` as `replace_whole` writes one: across filesystems, a move copies, and
    the old file at `path` must be replaced, not copied into."""
    with _beside(path) as temporary:
        shutil.move(source, temporary)


@contextlib.contextmanager
def _beside(path):
    """A name beside `path` for this process to make the file under, renamed over `path` when it is made,
    removed when making it failed."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        yield temporary
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


def link_or_copy(source, target):
    """Make `target` the same file as `source`, or a copy of it with its date where no link can be made (another
    filesystem, or one without links). FileExistsError when `target` exists."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise  # never copied into: it may be a link to a file of the site in place
    except OSError:
        shutil.copy2(source, target)
