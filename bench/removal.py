"""How long removing a published site takes, by `shutil.rmtree` alone and by `workflow.publish.remove_tree`'s
threads: hard-linked copies (`cp -al`) of the site the bench's publish rows left, removed alternately.

    .venv/bin/python -m bench.removal [--size 1000] [--rounds 3] [--threads 2,3,4]
"""

import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench import ROOT, command_line
from workflow import publish


def timed_removal(site, scratch, threads):
    copy = Path(scratch) / "site"
    subprocess.run(["cp", "-al", str(site), str(copy)], check=True)
    start = time.perf_counter()
    if threads == 1:
        shutil.rmtree(copy)
    else:
        publish.REMOVING_THREADS = threads
        publish.remove_tree(copy)
    return time.perf_counter() - start


def main():
    parser = command_line(__doc__)
    parser.add_argument("--threads", default="2,3,4")
    args = parser.parse_args()
    site = ROOT / ".bench" / f"site-{args.size}" / "publish" / "output"
    if not site.is_dir():
        raise SystemExit(f"no published site at {site}: run `./dev bench --sizes {args.size}` first")
    seconds = {threads: [] for threads in (1, *map(int, args.threads.split(",")))}
    with tempfile.TemporaryDirectory(dir=site.parent) as scratch:  # on the site's filesystem, as publish's
        for _ in range(args.rounds):
            for threads, values in seconds.items():
                values.append(timed_removal(site, scratch, threads))
    files = sum(1 for _ in site.rglob("*"))
    print(f"{site}: {files} files and folders")
    for threads, values in seconds.items():
        label = "shutil.rmtree" if threads == 1 else f"{threads} threads"
        print(f"  {label:14s} median {statistics.median(values):5.2f} s  ({', '.join(f'{v:.2f}' for v in values)})")


if __name__ == "__main__":
    main()
