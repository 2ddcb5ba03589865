"""Build benchmarks over the synthetic corpus in ../shared/bench/ (run with `./dev bench`)."""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def made_corpus(size):
    """The content folder of the corpus `./dev bench` made for `size` updates (`.bench/`); exits when there is
    none yet."""
    content = ROOT / ".bench" / f"site-{size}" / "content"
    if not content.is_dir():
        raise SystemExit(f"no corpus at {content}: run `./dev bench --sizes {size}` first")
    return content


def cold_build_command(code, content, scratch, extra=()):
    """A build of `content` into `scratch`'s `output/` and `cache/`, by Python running `code` (which starts
    Pelican on the command line's arguments), from ROOT."""
    command = [sys.executable, "-c", code, str(content), "-o", f"{scratch}/output", "-s", "pelicanconf.py"]
    return [*command, "--cache-path", f"{scratch}/cache", *extra]


def command_line(doc, rounds=True):
    """A bench tool's command line: its docstring's first paragraph as its description, the corpus's `--size`,
    and `--rounds` of alternated measures when it takes them; add its own arguments to it."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--size", default="1000")
    if rounds:
        parser.add_argument("--rounds", type=int, default=3)
    return parser
