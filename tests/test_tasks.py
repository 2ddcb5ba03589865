"""The ./dev tasks themselves: their output, and exit status 1 with one line on failure."""

import subprocess
import sys

import pytest
from invoke import Collection, Context

import tasks
from conftest import ROOT, write_files


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The tasks pointed at a project folder in tmp_path."""
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    return tmp_path


def test_every_task_is_listed_with_a_help_line():
    listed = subprocess.run(
        [sys.executable, "-m", "invoke", "--list"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    # Each line of the list: a task's name (with its aliases in parentheses), then its help.
    shown = {
        line.split()[0]
        for line in listed.splitlines()[1:]
        if line.startswith("  ") and line.strip() and not line.startswith("   ")
    }
    for name, task in Collection.from_module(tasks).tasks.items():
        assert name in shown and task.__doc__, name


def test_translate_task_prints_the_new_file(project, capsys):
    write_files(project / "content", {"updates/en/hub.md": "---\ntitle: Hub\ndate: 2021-01-01\n---\nText.\n"})
    tasks.translate(Context(), str(project / "content/updates/en/hub.md"), "pt")
    assert "Created content/updates/pt/hub-pt.md" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="^error: .*already exists"):
        tasks.translate(Context(), str(project / "content/updates/en/hub.md"), "pt")


def test_import_task_reports_and_fails_on_a_refused_post(project, capsys):
    write_files(
        project / "archive",
        {
            "2020-01-01-good.md": "---\ntitle: Good\nPerson: Nobody\n---\nText.\n",
            "2020-01-02-broken.md": "---\ntitle: [unclosed\n---\n",
        },
    )
    with pytest.raises(SystemExit) as stopped:
        tasks.import_jekyll(Context(), str(project / "archive"))
    assert stopped.value.code == 1
    out = capsys.readouterr().out
    assert "[1/2] 2020-01-01-good.md: imported -> " in out
    assert "2020-01-02-broken.md: refused" in out and "(E-YAML; fix: " in out
    assert "2 posts: 1 imported, 1 refused" in out
    assert (project / "content/updates/en/good.md").is_file()


def test_deploy_task_into_a_folder_and_clean(project, capsys):
    write_files(project / "output", {"index.html": "<h1>Hub</h1>"})
    tasks.deploy(Context(), folder=str(project / "www"))
    assert (project / "www/index.html").read_text() == "<h1>Hub</h1>"
    tasks.clean(Context())
    assert not (project / "output").exists()
    with pytest.raises(SystemExit, match="holds no site"):
        tasks.deploy(Context(), folder=str(project / "www"))


def test_the_check_ends_a_process_of_its_own_and_the_next_task_runs():
    # The check's process ends without the interpreter's teardown (workflow/check.py): not `./dev`'s own, which
    # goes on with the next task on its command line. Here the repository's own content, twice.
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--format", "json", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Content check: ") == 2  # the JSON report's summary, then the human one
