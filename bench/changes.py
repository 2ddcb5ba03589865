"""What each speed choice buys on its own: cold builds of the bench corpus, all choices on, and each one off.

    .venv/bin/python -m bench.changes [--size 1000] [--rounds 3] [--only "choice" ...]

The variants run interleaved, round after round, so that the machine's noise
falls on all alike; the medians are compared with all on. A choice is switched
off from outside the code: a setting, or a module's function replaced before
Pelican starts. Run `./dev bench` first (it makes the corpus in `.bench/`).
"""

import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench import ROOT, cold_build_command, command_line, made_corpus

# `./dev build`'s command line (workflow/build.py), after `off`.
START = "import runpy, sys; sys.argv = ['build'] + sys.argv[1:]; sys.path.insert(0, 'plugins'); {off}; "
START += "runpy.run_module('workflow.build', run_name='__main__')"
VARIANTS = {  # name: (code run before Pelican, Pelican's extra arguments)
    "all on": ("pass", []),
    "pages rendered in one process": ("pass", ["-e", "RENDER_PROCESSES=1"]),
    # The global the engine installs, calling the card's macro each time.
    "every card made on each list": (
        "import engine.fragments as f, jinja2; f.card_once = jinja2.pass_context(lambda c, card, *a: card(*a))",
        [],
    ),
    "Pagefind runs one at a time": (
        "import search.bundles as b; b.together = lambda waiting, limit: ([pair] for pair in waiting)",
        [],
    ),
    "every inline pattern tried on every text": (
        "import front_matter.inline as i; i.can_match = lambda *pattern_text_references: True",
        [],
    ),
    "maps' grid made again": (
        "import glob, os; from hubcore import kept; "
        "[os.remove(p) for p in glob.glob(os.path.join(kept.folder('cache'), 'maps', '*.json'))]",
        [],
    ),
}


def cold_build(content, scratch, off, extra):
    for folder in ("output", "cache"):
        shutil.rmtree(scratch / folder, ignore_errors=True)
    command = cold_build_command(START.format(off=off), content, scratch, extra)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = command_line(__doc__)
    parser.add_argument("--only", nargs="*", choices=list(VARIANTS)[1:], help="these choices alone, beside all on")
    args = parser.parse_args()
    content = made_corpus(args.size)
    seconds = {name: [] for name in VARIANTS if name == "all on" or not args.only or name in args.only}
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(args.rounds):
            for name in seconds:
                off, extra = VARIANTS[name]
                seconds[name].append(cold_build(content, Path(scratch), off, extra))
    base, width = statistics.median(seconds["all on"]), max(map(len, seconds))
    for name, values in seconds.items():
        median = statistics.median(values)
        runs = ", ".join(f"{value:.2f}" for value in values)
        print(f"{name:{width}s} {median:6.2f} s  ({runs})  {median / base:.2f}x all on")


if __name__ == "__main__":
    main()
