"""The benchmark's CPU figure counts every process a build waited for, its workers' and Pagefind's included."""

import sys

import pytest

from bench.__main__ import timed

BURN = "import time; end = time.process_time() + {seconds}\nwhile time.process_time() < end: pass"


def test_the_cpu_seconds_include_the_processes_the_build_waited_for():
    grandchild = BURN.format(seconds=0.4)
    child = (
        f"import subprocess, sys; subprocess.run([sys.executable, '-c', {grandchild!r}], check=True)\n"
        + BURN.format(seconds=0.2)
    )
    timing = timed([sys.executable, "-c", child], ".")
    assert timing.cpu_s >= 0.6  # 0.4 s in the grandchild, 0.2 s in the child
    assert timing.seconds >= 0.6  # one after the other
    assert timing.peak_mib > 0


def test_a_build_that_fails_stops_the_bench():
    with pytest.raises(SystemExit, match=r"build failed \(3\)"):
        timed([sys.executable, "-c", "raise SystemExit(3)"], ".")
