"""Where a cold build's time and memory go: when each of Pelican's signals is sent, from the start of the process,
and the build's own memory (PSS) then; at the end, when the process exited (as `./dev build` ends, or with the
interpreter's teardown: `--teardown`), and the peak of all its processes together (bench/memory.py).

    .venv/bin/python -m bench.phases [--size 1000] [--teardown]

Reading ends at `article_generator_init` (the read-ahead runs at `generator_init`), the update pages are
written by `article_writer_finalized`, the other pages and the wait for Pagefind end at `finalized`. Run
`./dev bench` first (it makes the corpus in `.bench/`).
"""

import subprocess
import tempfile
import time

from bench import ROOT, cold_build_command, command_line, made_corpus
from bench.memory import TreePeak

SIGNALS = (
    "initialized",
    "get_generators",
    "article_generator_init",
    "article_generator_pretaxonomy",
    "article_generator_finalized",
    "all_generators_finalized",
    "get_writer",
    "article_writer_finalized",
    "finalized",
)
TIMED = """
import os, sys, time
start = time.perf_counter()
print(f"started at {start!r}", file=sys.stderr)  # perf_counter's clock is the system's: the parent's too
from pelican import signals
from bench.memory import memory_kib
from workflow.build import exit_without_teardown, main

def mark(name):
    def handler(*args, **kwargs):
        elapsed = time.perf_counter() - start  # before reading the memory, which takes a while
        memory = memory_kib(os.getpid()) // 1024
        print(f"{elapsed:7.2f} s {memory:6d} MiB  {name}", file=sys.stderr)
    return handler

handlers = [mark(name) for name in NAMES]  # kept: blinker holds its receivers weakly
for name, handler in zip(NAMES, handlers):
    getattr(signals, name).connect(handler)
sys.argv = ["pelican", *sys.argv[1:]]
try:
    main()
finally:
    mark("end")()
if not TEARDOWN:
    exit_without_teardown()
"""


def main():
    parser = command_line(__doc__, rounds=False)
    parser.add_argument("--teardown", action="store_true", help="end with the interpreter's teardown")
    args = parser.parse_args()
    content = made_corpus(args.size)
    with tempfile.TemporaryDirectory() as scratch:
        code = f"NAMES = {SIGNALS!r}\nTEARDOWN = {args.teardown}\n{TIMED}"
        build = subprocess.Popen(
            cold_build_command(code, content, scratch),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        peak = TreePeak(build.pid)
        _, errors = build.communicate()
        ended = time.perf_counter()
        peak_mib = peak.stop() // 1024
    started = float(next(line for line in errors.splitlines() if line.startswith("started at ")).split()[-1])
    exited = ended - started
    print("\n".join(line for line in errors.splitlines() if line.endswith(SIGNALS + ("end",))))
    print(f"{exited:7.2f} s              exited")
    print(f"peak of all the build's processes together: {peak_mib} MiB")
    if build.returncode:
        raise SystemExit(f"the build failed ({build.returncode})")


if __name__ == "__main__":
    main()
