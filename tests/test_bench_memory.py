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
