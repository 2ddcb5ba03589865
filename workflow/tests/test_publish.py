"""`./dev publish` swaps in a complete site or nothing; `./dev deploy` to a folder or the gh-pages branch."""

import ctypes
import errno
import os
import platform
import subprocess
import sys
import tempfile
import time

import pytest

from conftest import ROOT, stamps, tree, write_files
from workflow import WorkflowError
from workflow.publish import (
    SYS_RENAMEAT2,
    _renameat2_by_syscall,
    deploy_to_branch,
    deploy_to_folder,
    exchange,
    publish,
    removals,
    remove_in_background,
    remove_tree,
    swap_by_renames,
    swap_in,
)

GOOD = {"updates/en/a.md": "---\ntitle: Alpha\ndate: 2021-01-01\n---\nText.\n"}
BAD = {"updates/en/b.md": "---\ntitle: Broken\ndate: 2021-01-01\npersons: [Nobody Known]\n---\nText.\n"}


def test_publish_builds_strictly_and_never_leaves_a_half_written_site(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, GOOD)
    publish(ROOT / "publishconf.py", output, content)
    assert "Alpha" in (output / "updates/a/index.html").read_text(encoding="utf-8")
    assert "https://updates.example.org/updates/a/" in (output / "sitemap.xml").read_text(encoding="utf-8")

    write_files(content, BAD)  # an error: strict publishing fails
    with pytest.raises(WorkflowError, match="the build failed"):
        publish(ROOT / "publishconf.py", output, content)
    assert (output / "updates/a/index.html").is_file() and not (output / "updates/b").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]  # no staging folder left


def test_a_publish_copies_from_the_site_in_place_the_pages_it_would_make_the_same(tmp_path):
    """The staging folder starts empty, yet only what an edit changed is made again: the rest is copied from the
    published site, with its date (a deploy uploads only what changed). The site is what a cold publish gives."""
    content, output = tmp_path / "content", tmp_path / "output"
    update = "---\ntitle: U{n}\ndate: 2021-01-0{n}\ntags: [data]\nsummary: Summary {n}.\n---\n{text}\n"
    write_files(content, {f"updates/en/u{n}.md": update.format(n=n, text=f"Text {n}.") for n in range(1, 5)})
    publish(ROOT / "publishconf.py", output, content)
    first = stamps(output)
    write_files(content, {"updates/en/u2.md": update.format(n=2, text="Text 2, edited.")})
    publish(ROOT / "publishconf.py", output, content)
    again = stamps(output)
    made_again = {name for name, stamp in again.items() if first.get(name) != stamp}
    assert "updates/u2/index.html" in made_again and "pagefind/pagefind-entry.json" in made_again
    assert {"updates/u1/index.html", "updates/u3/index.html", "index.html", "tags/data/index.html"}.isdisjoint(
        made_again
    )
    assert tree(output) == tree(publish(ROOT / "publishconf.py", tmp_path / "cold", content))

    (content / "updates/en/u4.md").unlink()  # every list changes; the update's page is gone
    publish(ROOT / "publishconf.py", output, content)
    assert not (output / "updates/u4").exists()
    assert tree(output) == tree(publish(ROOT / "publishconf.py", tmp_path / "cold", content))


def test_the_replaced_site_is_removed_by_a_process_the_publish_does_not_wait_for(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, GOOD)
    publish(ROOT / "publishconf.py", output, content)
    old = os.open(output, os.O_RDONLY)  # the replaced folder itself, wherever it is moved
    try:
        publish(ROOT / "publishconf.py", output, content)
        assert "Alpha" in (output / "updates/a/index.html").read_text(encoding="utf-8")
        assert not (tmp_path / "output.staging").exists()  # moved away at once: the next publish builds there
        deadline = time.monotonic() + 30
        while os.fstat(old).st_nlink and time.monotonic() < deadline:
            time.sleep(0.05)
        assert os.fstat(old).st_nlink == 0
    finally:
        os.close(old)
    while removals(output) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]


def test_the_replaced_site_is_still_there_when_the_removal_is_handed_over(tmp_path):
    # The process that removes it takes longer to start than this one takes to go on: removed here, it would
    # be gone already.
    remove_in_background(site(tmp_path / "output.staging", "the replaced site"))
    [moved] = removals(tmp_path / "output")
    assert (moved / "site/index.html").read_text() == "the replaced site"
    deadline = time.monotonic() + 30
    while moved.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["output", "site[1]"])  # a name that reads as glob syntax too
def test_what_a_stopped_removal_left_is_removed_by_the_next_publish(tmp_path, name):
    content, output = tmp_path / "content", tmp_path / name
    write_files(content, GOOD)
    write_files(tmp_path / f"{name}.staging.removing-x1y2/site", {"index.html": "a site replaced earlier"})
    publish(ROOT / "publishconf.py", output, content)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", name]


@pytest.mark.parametrize("failing", [tempfile, os], ids=["mkdtemp", "rename"])
def test_a_replaced_site_that_cannot_be_moved_away_is_removed_before_the_publish_returns(
    tmp_path, monkeypatch, failing
):
    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    old = site(tmp_path / "output.staging", "the replaced site")
    monkeypatch.setattr(failing, "mkdtemp" if failing is tempfile else "rename", full_disk)
    remove_in_background(old)
    assert [p.name for p in tmp_path.iterdir()] == []


def test_deploy_to_a_folder_replaces_its_content(tmp_path):
    site = tmp_path / "site"
    write_files(site, {"index.html": "new", "feeds/all.atom.xml": "<feed/>"})
    target = tmp_path / "www"
    write_files(target, {"stale.html": "old"})
    deploy_to_folder(site, target)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == [
        "feeds/all.atom.xml",
        "index.html",
    ]
    with pytest.raises(WorkflowError, match="holds no site"):
        deploy_to_folder(tmp_path / "empty", target)


def test_deploy_commits_the_site_to_the_gh_pages_branch(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    write_files(repo, {"README.md": "x", "output/index.html": "<h1>Hub</h1>"})
    git = ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org"]
    subprocess.run(git + ["init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run(git + ["commit", "-q", "--allow-empty", "-m", "start"], cwd=repo, check=True)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "CI")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "ci@example.org")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "CI")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "ci@example.org")
    deploy_to_branch(repo / "output", push=False)
    shown = subprocess.run(["git", "show", "gh-pages:index.html"], cwd=repo, capture_output=True, text=True)
    assert shown.stdout == "<h1>Hub</h1>"
    listed = subprocess.run(["git", "ls-tree", "--name-only", "gh-pages"], cwd=repo, capture_output=True, text=True)
    assert listed.stdout.split() == [".nojekyll", "index.html"]


def test_a_publish_killed_mid_build_leaves_the_previous_site_untouched(tmp_path):
    import os
    import signal
    import sys
    import time

    content, output = tmp_path / "content", tmp_path / "output"
    write_files(
        content,
        {f"updates/en/u{n}.md": f"---\ntitle: U{n}\ndate: 2021-01-01\n---\n{'Text. ' * 2000}\n" for n in range(150)},
    )
    write_files(output, {"index.html": "the previous site"})
    script = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); from workflow.publish import publish; "
        f"publish({str(ROOT / 'publishconf.py')!r}, {str(output)!r}, {str(content)!r})"
    )
    job = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staging = tmp_path / "output.staging"
    deadline = time.monotonic() + 60
    while not any(staging.rglob("*.html")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(job.pid, signal.SIGKILL)  # the publish job and the Pelican build it started
    job.wait()
    assert any(staging.rglob("*.html")), "the build was killed before it wrote anything"
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "the previous site"
    publish(ROOT / "publishconf.py", output, content)  # the next publish clears the half-written staging
    assert (output / "updates/u1/index.html").is_file() and not staging.exists()


DISK_FULL = """
import errno

from hubcore import files

opened = []


def open_on_a_small_disk(path, mode="r", *args, **kwargs):
    if "w" in mode:
        opened.append(path)
        if len(opened) > 5:  # the disk fills up after five files
            raise OSError(errno.ENOSPC, "No space left on device", path)
    return open(path, mode, *args, **kwargs)


def register():
    files.open = open_on_a_small_disk
"""


def test_a_publish_that_runs_out_of_disk_leaves_the_previous_site_untouched(tmp_path, capfd):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(
        content, {f"updates/en/u{n}.md": f"---\ntitle: U{n}\ndate: 2021-01-01\n---\nText.\n" for n in range(20)}
    )
    write_files(output, {"index.html": "the previous site"})
    write_files(tmp_path / "test_plugins", {"disk_full.py": DISK_FULL})
    settings = tmp_path / "fullconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom publishconf import *  # noqa\n"
        f"PLUGIN_PATHS = [{str(tmp_path / 'test_plugins')!r}, *PLUGIN_PATHS]\n"
        "PLUGINS = [*PLUGINS, 'disk_full']\n",
        encoding="utf-8",
    )
    with pytest.raises(WorkflowError, match="the build failed"):
        publish(settings, output, content)
    said = capfd.readouterr()
    assert "error: cannot write " in said.err and "No space left on device" in said.err, said
    assert "Traceback" not in said.out + said.err
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "the previous site"
    assert not (tmp_path / "output.staging").exists()


def site(folder, text):
    write_files(folder, {"index.html": text})
    return folder


def test_swap_in_moves_the_new_site_in_and_removes_the_old_one(tmp_path):
    target = site(tmp_path / "output", "old")
    write_files(target, {"stale.html": "old"})
    staging = site(tmp_path / "output.staging", "new")
    old = os.open(target, os.O_RDONLY)  # the old folder itself, wherever it is moved
    try:
        new_inode = os.stat(staging).st_ino
        swap_in(staging, target)
        assert os.stat(target).st_ino == new_inode  # moved in, not copied
        assert os.fstat(old).st_nlink == 0  # the old folder was removed, not left behind under another name
    finally:
        os.close(old)
    assert [p.name for p in target.iterdir()] == ["index.html"] and (target / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["output"]  # neither staging nor .previous is left

    swap_in(site(tmp_path / "first.staging", "first"), tmp_path / "first")  # no site there yet
    assert (tmp_path / "first/index.html").read_text() == "first" and not (tmp_path / "first.staging").exists()

    with pytest.raises(FileNotFoundError):  # a failed swap leaves the site as it was
        swap_in(tmp_path / "missing.staging", target)
    assert (target / "index.html").read_text() == "new"


def test_remove_tree_takes_a_whole_tree_but_nothing_its_links_lead_to(tmp_path):
    outside_files = {"keep.txt": b"kept", "folder/keep.txt": b"kept"}
    outside = tmp_path / "outside"
    write_files(outside, outside_files)
    site_files = {f"{folder}/{n}/index.html": "page" for folder in ("updates", "es", "tags") for n in range(20)}
    target = tmp_path / "site"
    write_files(target, {**site_files, "index.html": "home"})
    (target / "es" / "linked-folder").symlink_to(outside / "folder")
    (target / "linked-file").symlink_to(outside / "keep.txt")
    (target / "linked-top").symlink_to(outside)
    remove_tree(target)
    assert not os.path.lexists(target)
    assert tree(outside) == outside_files

    link = tmp_path / "link"
    link.symlink_to(outside, target_is_directory=True)
    remove_tree(link)  # as shutil.rmtree: a link to a folder is refused, and what it leads to is left alone
    assert tree(outside) == outside_files and link.is_symlink()
    remove_tree(outside / "keep.txt")  # not a folder: left, as rmtree leaves it
    assert tree(outside) == outside_files
    remove_tree(tmp_path / "missing")  # nothing there: nothing to do


@pytest.mark.skipif(sys.platform != "linux", reason="RENAME_EXCHANGE is Linux's")
def test_on_linux_the_two_folders_trade_places_in_one_system_call(tmp_path):
    first, second = site(tmp_path / "first", "1"), site(tmp_path / "second", "2")
    handles = [os.open(first, os.O_RDONLY), os.open(second, os.O_RDONLY)]
    try:
        inodes = [os.fstat(handle).st_ino for handle in handles]
        assert exchange(first, second)  # one renameat2: there is no state in which either path is missing
        assert [os.stat(first).st_ino, os.stat(second).st_ino] == inodes[::-1]
        assert all(os.fstat(handle).st_nlink > 0 for handle in handles)  # both moved, neither copied
        if platform.machine() in SYS_RENAMEAT2:  # the route for a glibc without renameat2
            renameat2 = _renameat2_by_syscall(ctypes.CDLL(None, use_errno=True))
            assert renameat2(-100, os.fsencode(first), -100, os.fsencode(second), 2) == 0
            assert [os.stat(first).st_ino, os.stat(second).st_ino] == inodes
    finally:
        for handle in handles:
            os.close(handle)


POLLER = """
import os, sys
path, stop = sys.argv[1], sys.argv[2]
exists, missing, checks = os.path.exists, 0, 0
print("ready", flush=True)
while not exists(stop):
    for _ in range(1000):
        if not exists(path):
            missing += 1
    checks += 1000
print(missing, checks)
"""


def test_readers_polling_the_site_during_hundreds_of_swaps_never_find_it_missing(tmp_path):
    target = site(tmp_path / "output", "0")
    stop = tmp_path / "stop"
    pollers = [
        subprocess.Popen(
            [sys.executable, "-c", POLLER, str(target / "index.html"), str(stop)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(max(1, (os.cpu_count() or 2) - 1))
    ]
    try:
        for poller in pollers:
            assert poller.stdout.readline() == "ready\n"
        for n in range(1, 1001):
            swap_in(site(tmp_path / "output.staging", str(n)), target)
    finally:
        stop.touch()
        said = [poller.communicate(timeout=30)[0].split() for poller in pollers]
    missing, checks = sum(int(s[0]) for s in said), sum(int(s[1]) for s in said)
    assert checks > 0 and missing == 0, f"the site was missing in {missing} of {checks} checks"
    assert (target / "index.html").read_text() == "1000"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "stop"]


def test_where_the_exchange_is_unavailable_two_renames_still_swap_the_site_in(tmp_path):
    target = site(tmp_path / "output", "old")
    swap_by_renames(site(tmp_path / "output.staging", "new"), target)
    assert [p.name for p in target.iterdir()] == ["index.html"] and (target / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["output"]

    swap_by_renames(site(tmp_path / "first.staging", "first"), tmp_path / "first")  # no site there yet
    assert (tmp_path / "first/index.html").read_text() == "first"

    with pytest.raises(FileNotFoundError):  # the second rename fails: the old site is put back
        swap_by_renames(tmp_path / "missing.staging", target)
    assert (target / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first", "output"]


def test_dev_and_the_publish_start_without_loading_the_build():
    """The build runs in a process of its own: `./dev`'s tasks and the publish that starts it load none of it."""
    code = "import sys, tasks, workflow.publish; print(sorted({'pelican', 'markdown', 'numpy'} & set(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
