"""The memory a build takes: what its processes hold together (Pelican, its readers, Pagefind), at its peak.

`ru_maxrss` gives only the largest single process; a build's processes run at
the same time, so the machine needs their sum. It is sampled from /proc (Linux)
every tenth of a second: a peak shorter than that can be missed, and pages that
processes share count once for each (an upper bound).
"""

import os
import threading


class TreePeak(threading.Thread):
    """Samples the summed resident size of process `pid` and its descendants until `stop()`; `peak_kib`."""

    def __init__(self, pid, every=0.1):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kib = pid, every, 0
        self.stopped = threading.Event()
        self.start()

    def run(self):
        while not self.stopped.wait(self.every):
            self.peak_kib = max(self.peak_kib, sum(resident_kib(pid) for pid in tree(self.pid)))

    def stop(self):
        self.stopped.set()
        self.join()
        return self.peak_kib


def tree(root):
    """`root` and its descendants, from each process's parent in /proc/<pid>/stat."""
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="utf-8") as handle:
                    parent = int(handle.read().rpartition(")")[2].split()[1])  # the name may hold spaces and ")"
            except (OSError, ValueError, IndexError):  # gone meanwhile
                continue
            children.setdefault(parent, []).append(int(name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def resident_kib(pid):
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
