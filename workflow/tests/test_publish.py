"""`./dev publish` swaps in a complete site or nothing; `./dev deploy` to a folder or the gh-pages branch."""

import subprocess

import pytest

from conftest import ROOT, write_files
from workflow.content import WorkflowError
from workflow.publish import deploy_to_branch, deploy_to_folder, publish

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


def test_deploy_to_a_folder_replaces_its_content(tmp_path):
    site = tmp_path / "site"
    write_files(site, {"index.html": "new", "feeds/all.atom.xml": "<feed/>"})
    target = tmp_path / "www"
    write_files(target, {"stale.html": "old"})
    deploy_to_folder(site, target)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == [
        "feeds/all.atom.xml", "index.html"]
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
    write_files(content, {f"updates/en/u{n}.md": f"---\ntitle: U{n}\ndate: 2021-01-01\n---\n{'Text. ' * 2000}\n"
                          for n in range(150)})
    write_files(output, {"index.html": "the previous site"})
    script = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from workflow.publish import publish; "
              f"publish({str(ROOT / 'publishconf.py')!r}, {str(output)!r}, {str(content)!r})")
    job = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


DISK_FULL = '''
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
'''


def test_a_publish_that_runs_out_of_disk_leaves_the_previous_site_untouched(tmp_path, capfd):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, {f"updates/en/u{n}.md": f"---\ntitle: U{n}\ndate: 2021-01-01\n---\nText.\n"
                          for n in range(20)})
    write_files(output, {"index.html": "the previous site"})
    write_files(tmp_path / "test_plugins", {"disk_full.py": DISK_FULL})
    settings = tmp_path / "fullconf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom publishconf import *  # noqa\n"
                        f"PLUGIN_PATHS = [{str(tmp_path / 'test_plugins')!r}, *PLUGIN_PATHS]\n"
                        "PLUGINS = [*PLUGINS, 'disk_full']\n", encoding="utf-8")
    with pytest.raises(WorkflowError, match="the build failed"):
        publish(settings, output, content)
    said = capfd.readouterr()
    assert "error: cannot write " in said.err and "No space left on device" in said.err, said
    assert "Traceback" not in said.out + said.err
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "the previous site"
    assert not (tmp_path / "output.staging").exists()
