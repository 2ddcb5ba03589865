"""`python -m workflow.build` and `./dev check` (workflow/check.py): a build that succeeded, and a check, end without
tearing down their heap, but as an exit ends."""

import json
import subprocess
import sys

from conftest import ROOT, write_files

# Freed by the interpreter's teardown, which exit_without_teardown skips. The marker's path and `open` are taken
# at once: the teardown empties sys.argv and the builtins before it frees __main__'s objects.
HELD = """
import sys
class Held:
    def __init__(self, marker):
        self.marker = marker
    def __del__(self, open=open):
        open(self.marker, "w").write("freed")
held = Held(sys.argv[1] + "/torn-down")
"""
LEAVING = (
    HELD
    + """
import atexit, threading, time
from workflow.build import exit_without_teardown
atexit.register(lambda: open(sys.argv[1] + "/exit-handler", "w").write("ran"))
def late():
    time.sleep(0.3)
    open(sys.argv[1] + "/thread", "w").write("finished")
if sys.argv[2] == "thread":
    threading.Thread(target=late).start()
print("buffered", end="")
sys.stderr.write("also buffered")
exit_without_teardown()
print("never")
"""
)
BUILDING = (
    HELD
    + """
import runpy
sys.argv = ["build", *sys.argv[2:]]
runpy.run_module("workflow.build", run_name="__main__")
"""
)


def run(code, *arguments):
    command = [sys.executable, "-c", code, *map(str, arguments)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_leaving_runs_the_exit_handlers_and_flushes_what_was_printed_but_frees_nothing(tmp_path):
    done = run(LEAVING, tmp_path, "none")
    assert (done.returncode, done.stdout, done.stderr) == (0, "buffered", "also buffered")
    assert (tmp_path / "exit-handler").read_text() == "ran"
    assert not (tmp_path / "torn-down").exists()


def test_leaving_while_another_thread_runs_waits_for_it_as_an_exit_does(tmp_path):
    done = run(LEAVING, tmp_path, "thread")
    assert (done.returncode, done.stdout) == (0, "buffered")
    assert (tmp_path / "thread").read_text() == "finished"
    assert (tmp_path / "exit-handler").read_text() == "ran"
    assert (tmp_path / "torn-down").read_text() == "freed"  # an ordinary exit: the teardown frees it


def test_a_build_that_succeeded_ends_without_the_teardown_and_one_that_failed_as_before(tmp_path):
    content = tmp_path / "content"
    write_files(content, {"updates/en/a.md": "---\ntitle: Alpha\ndate: 2021-01-01\n---\nText.\n"})
    arguments = [content, "-s", ROOT / "publishconf.py", "-o", tmp_path / "output", "--cache-path", tmp_path / "cache"]
    done = run(BUILDING, tmp_path, *arguments)
    assert done.returncode == 0, done.stderr
    assert "Alpha" in (tmp_path / "output/updates/a/index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "torn-down").exists()

    write_files(content, {"updates/en/b.md": "---\ntitle: Broken\ndate: 2021-02-30\n---\nText.\n"})
    failed = run(BUILDING, tmp_path, *arguments)  # strict: the content error fails it
    assert failed.returncode == 1 and "E-DATE" in failed.stdout + failed.stderr
    assert (tmp_path / "torn-down").read_text() == "freed"


CHECKING = (
    HELD
    + """
from workflow.check import main
main(sys.argv[2], sys.argv[5], PATH=sys.argv[3], CACHE_PATH=sys.argv[4])
"""
)


def test_a_check_ends_without_the_teardown_with_its_status_and_its_whole_report(tmp_path):
    content = tmp_path / "content"
    write_files(content, {"updates/en/a.md": "---\ntitle: Alpha\ndate: 2021-01-01\n---\nText.\n"})
    arguments = [ROOT / "pelicanconf.py", content, tmp_path / "cache", "json"]
    done = run(CHECKING, tmp_path, *arguments)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["findings"] == []
    assert not (tmp_path / "torn-down").exists()

    write_files(content, {"updates/en/b.md": "---\ntitle: Broken\ndate: 2021-02-30\n---\nText.\n"})
    failed = run(CHECKING, tmp_path, *arguments)
    assert failed.returncode == 1
    assert [finding["code"] for finding in json.loads(failed.stdout)["findings"]] == ["E-DATE"]
    assert not (tmp_path / "torn-down").exists()


def test_a_check_the_site_refuses_to_run_ends_with_its_message_as_an_exit_does(tmp_path):
    content = tmp_path / "content"
    write_files(content, {"updates/en/a.md": "---\ntitle: Alpha\ndate: 2021-01-01\n---\nText.\n"})
    refused = run(CHECKING, tmp_path, ROOT / "pelicanconf.py", content, tmp_path / "cache", "xml")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.strip() == "error: VALIDATION_FORMAT must be 'human', 'github' or 'json'"
    assert (tmp_path / "torn-down").read_text() == "freed"
