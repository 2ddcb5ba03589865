"""Files read ahead in worker processes give the same site and the same findings as files read one by one."""

import errno
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_pelican, tree, write_files
from front_matter.front_matter import FrontMatterReader
from front_matter.tests.test_reader import BROKEN
from hubcore import state

FILES = {
    **{f"updates/en/{name}": text for name, text, _, _ in BROKEN},
    **{
        f"updates/en/update-{n}.md": f"---\ntitle: Update {n}\ndate: 2020-01-{n + 1:02d}\ntags: [floods]\n"
        f"summary: Number *{n}*.\n---\nText with **Markdown**, {n}.\n"
        for n in range(12)
    },
    "updates/en/unknown-key.md": "---\ntitle: Odd\ndate: 2020-02-01\nFeautre Image: x.png\n---\nItâ€™s here.\n",
    "updates/es/bom.md": b"\xef\xbb\xbf---\r\ntitle: T\r\ndate: 2020-01-01\r\n---\r\nCuerpo\r\n",
    "pages/about.md": "---\ntitle: About\n---\nAbout us.\n",
}


def build(root, name, processes):
    site = run_pelican(
        root / "content",
        root / name,
        CACHE_PATH=str(root / f"{name}-cache"),
        READ_PROCESSES=processes,
        READ_IN_PARALLEL_FROM=1,
    )
    found = sorted((f.path, f.line, f.code, f.message) for f in site.findings)
    return tree(root / name), found, state.of(site.settings).fresh_reads


def test_reading_in_two_processes_gives_the_same_site_and_findings(tmp_path):
    write_files(tmp_path / "content", FILES)
    one_by_one, found, read_here = build(tmp_path, "one", 1)
    ahead, found_ahead, read_here_ahead = build(tmp_path, "two", 2)
    assert len(read_here) == len(FILES) and read_here_ahead == set()  # the workers read every file
    assert {code for _, _, code, _ in found} >= {"E-YAML", "E-BINARY", "E-ENCODING", "W-BOM", "W-UNKNOWN-KEY"}
    assert found_ahead == found
    assert ahead == one_by_one
    assert multiprocessing.active_children() == []  # the workers stopped when the reading was done


def test_a_worker_killed_while_reading_loses_nothing(tmp_path, monkeypatch):
    """A worker killed (out of memory, by the system) neither hangs the build nor loses a file: Pelican reads
    what the workers did not, and the site and its findings are the same."""
    write_files(tmp_path / "content", FILES)
    one_by_one, found, _ = build(tmp_path, "one", 1)
    parent, read = os.getpid(), FrontMatterReader.read

    def read_or_die(reader, source_path):
        if os.getpid() != parent and source_path.endswith("update-5.md"):
            os.kill(os.getpid(), signal.SIGKILL)
        return read(reader, source_path)

    monkeypatch.setattr(FrontMatterReader, "read", read_or_die)
    ahead, found_ahead, read_here = build(tmp_path, "two", 2)
    assert os.path.join("updates", "en", "update-5.md") in read_here  # read here, after the worker died
    assert found_ahead == found
    assert ahead == one_by_one
    assert multiprocessing.active_children() == []


def test_workers_that_cannot_all_be_started_leave_the_reading_to_pelican(tmp_path, monkeypatch):
    """The system refuses a second process (a limit on processes, no memory): the first, already started, is
    stopped, and Pelican reads every file."""
    write_files(tmp_path / "content", FILES)
    one_by_one, found, _ = build(tmp_path, "one", 1)
    fork, forks = os.fork, []

    def second_refused():
        forks.append(1)
        if len(forks) == 2:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        return fork()

    monkeypatch.setattr(os, "fork", second_refused)
    ahead, found_ahead, read_here = build(tmp_path, "two", 2)
    assert len(forks) >= 2 and {name for name in FILES if name.startswith("updates/")} <= read_here
    assert found_ahead == found
    assert ahead == one_by_one
    assert multiprocessing.active_children() == []


def test_a_file_edited_after_a_worker_read_it_is_read_again(tmp_path, monkeypatch):
    """The reader cache keeps a worker's read with the file's stamp from before it was read: an edit saved
    meanwhile is not taken for what was read."""
    write_files(tmp_path / "content", FILES)
    parent, read = os.getpid(), FrontMatterReader.read

    def read_then_edit(reader, source_path):
        result = read(reader, source_path)
        if os.getpid() != parent and source_path.endswith("update-3.md"):  # an editor saves, in the meantime
            text = Path(source_path).read_text(encoding="utf-8")
            Path(source_path).write_text(text.replace("Text with", "Edited text with"), encoding="utf-8")
            later = os.stat(source_path).st_mtime_ns + 10**9
            os.utime(source_path, ns=(later, later))
        return result

    monkeypatch.setattr(FrontMatterReader, "read", read_then_edit)
    site, _, read_here = build(tmp_path, "two", 2)
    assert os.path.join("updates", "en", "update-3.md") in read_here  # read again, here
    assert b"Edited text with" in site["updates/update-3/index.html"]


KILLED_WHILE_READING = """
import os, sys, time
from pathlib import Path
sys.path.insert(0, {plugins!r}); sys.path.insert(0, {root!r})
from conftest import run_pelican
from front_matter.front_matter import FrontMatterReader
parent, read = os.getpid(), FrontMatterReader.read
def slow(reader, path):
    if os.getpid() != parent:
        Path({marks!r}, str(os.getpid())).touch()
        time.sleep(60)
    return read(reader, path)
FrontMatterReader.read = slow
run_pelican(Path({content!r}), Path({output!r}), CACHE_PATH={cache!r}, READ_PROCESSES=2, READ_IN_PARALLEL_FROM=1)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="a worker ends with its parent on Linux only (prctl)")
def test_workers_end_with_a_build_killed_while_they_read(tmp_path):
    write_files(tmp_path / "content", FILES)
    script = KILLED_WHILE_READING.format(
        plugins=str(ROOT / "plugins"),
        root=str(ROOT),
        content=str(tmp_path / "content"),
        output=str(tmp_path / "output"),
        cache=str(tmp_path / "cache"),
        marks=str(tmp_path),
    )
    build = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 30
    while not any(name.isdigit() for name in os.listdir(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.05)  # until a worker is reading (all were started)
    workers = [
        int(pid)
        for children in Path(f"/proc/{build.pid}/task").glob("*/children")
        for pid in children.read_text().split()
    ]
    assert len(workers) == 2
    build.kill()
    build.wait()
    deadline = time.monotonic() + 10
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(running, workers))


def running(pid):
    """Whether the process runs: not ended, nor ended and waiting to be reaped by whoever adopted it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] not in ("Z", "X")
    except OSError:
        return False
