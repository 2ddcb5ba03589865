"""The memory a build takes: what its processes hold together (Pelican, its readers, Pagefind), at its peak.

`ru_maxrss` gives only the largest single process; a build's processes run at
the same time, so the machine needs their sum. It is sampled from /proc (Linux)
every tenth of a second: a peak shorter than that can be missed. Each process
counts its proportional share of the memory it shares (PSS): forked workers
share most of the build's pages with it, and summing their resident sizes would
count those pages once for each of them.
"""

import os
import threading


class TreePeak(threading.Thread):
    """Samples the summed memory (PSS) of process `pid` and its descendants until `stop()`; `peak_kib`."""

    def __init__(self, pid, every=0.1):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kib = pid, every, 0
        self.stopped = threading.Event()
        self.start()

    def run(self):
        while not self.stopped.wait(self.every):
            self.peak_kib = max(self.peak_kib, sum(memory_kib(pid) for pid in tree(self.pid)))

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


def memory_kib(pid):
    """The proportional set size of `pid` (KiB), or its resident size where the kernel does not tell it."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith(field):
                        return int(line.split()[1])
        except OSError:
            pass
    return 0
