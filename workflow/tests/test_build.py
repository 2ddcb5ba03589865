"""`python -m workflow.build`: a build that succeeded ends without tearing down its heap, but as an exit ends."""

import subprocess
import sys

from conftest import ROOT

LEAVING = """
import atexit, sys, threading, time
from workflow.build import leave
atexit.register(lambda: open(sys.argv[1] + "/exit-handler", "w").write("ran"))
def late():
    time.sleep(0.3)
    open(sys.argv[1] + "/thread", "w").write("finished")
class Held:  # freed by the interpreter's teardown, which leave() skips
    def __del__(self):
        open(sys.argv[1] + "/torn-down", "w").write("freed")
held = Held()
if sys.argv[2] == "thread":
    threading.Thread(target=late).start()
print("buffered", end="")
sys.stderr.write("also buffered")
leave()
print("never")
"""


def leaving(tmp_path, thread):
    return subprocess.run(
        [sys.executable, "-c", LEAVING, str(tmp_path), thread], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_leaving_runs_the_exit_handlers_and_flushes_what_was_printed_but_frees_nothing(tmp_path):
    done = leaving(tmp_path, "none")
    assert (done.returncode, done.stdout, done.stderr) == (0, "buffered", "also buffered")
    assert (tmp_path / "exit-handler").read_text() == "ran"
    assert not (tmp_path / "torn-down").exists()


def test_leaving_while_another_thread_runs_waits_for_it_as_an_exit_does(tmp_path):
    done = leaving(tmp_path, "thread")
    assert (done.returncode, done.stdout) == (0, "buffered")
    assert (tmp_path / "thread").read_text() == "finished"
    assert (tmp_path / "exit-handler").read_text() == "ran"
