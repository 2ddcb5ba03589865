"""The benchmark's memory figure is what a build's processes hold together, not only its largest one."""

import subprocess
import sys

from bench.memory import TreePeak

HOLD = "import subprocess, sys, time; held = b'x' * ({mib} << 20); {then}"


def test_the_peak_is_the_sum_of_the_processes_running_together():
    grandchild = HOLD.format(mib=120, then="time.sleep(1.5)")
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLD.format(mib=80, then=f"subprocess.run([sys.executable, '-c', {grandchild!r}], check=True)"),
        ]
    )
    peak = TreePeak(child.pid, every=0.05)
    assert child.wait() == 0
    assert peak.stop() >= 200 << 10  # KiB: 80 + 120 MiB held at once, besides two interpreters


def test_memory_a_forked_worker_shares_with_its_parent_counts_once():
    shared = (
        "import os, time; held = bytearray(200 << 20); pid = os.fork()\n"
        "time.sleep(1.5)\n"
        "if pid: os.waitpid(pid, 0)\n"
        "else: os._exit(0)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", shared])
    peak = TreePeak(child.pid, every=0.05)
    assert child.wait() == 0
    kib = peak.stop()
    assert 200 << 10 <= kib < 300 << 10  # each resident size is over 200 MiB: their sum would be over 400
