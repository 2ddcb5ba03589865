"""Time this site's build against plain Pelican on the same synthetic corpus, in one run.

For each size: documents in, pages out, cold build seconds, no-change rebuild
seconds (reader cache), rebuild seconds after editing one update (a new build,
and in `./dev serve`, whose builder keeps the site in memory), `./dev check`
seconds, `./dev publish` with empty caches and after one update with CI's
caches restored, documents per second, peak memory, CPU seconds, the
plain-Pelican baseline (default theme, no plugins, one language-blind build) as
a ratio, and Hugo's where it is installed. From the CPU seconds, the least time
the cold build could take on this machine's cores however well its processes
shared them, as a ratio to plain Pelican's. Results go to <out>/results.json
so runs can be compared across commits.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass

from bench import ROOT
from bench.memory import TreePeak
from workflow.publish import removals

GENERATOR = ROOT.parent / "shared" / "bench" / "make_corpus.py"

PLAIN_SETTINGS = """
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
ARTICLE_TRANSLATION_ID = "translation_key"
ARTICLE_LANG_URL = "{slug}-{lang}.html"
ARTICLE_LANG_SAVE_AS = "{slug}-{lang}.html"
DEFAULT_PAGINATION = 10
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def corpus(out, fmt, n):
    folder = out / f"{fmt}-{n}"
    if not folder.exists():
        subprocess.run(
            [sys.executable, str(GENERATOR), "--n", str(n), "--out", str(folder), "--format", fmt],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


@dataclass
class Timing:
    seconds: float  # wall
    peak_mib: float  # all its processes together
    cpu_s: float  # user and system, of all its processes that were waited for (workers, Pagefind)


def timed(command, cwd, allowed=(0,)):
    """One build in its own process: its wall seconds, peak memory and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    memory = TreePeak(child.pid)
    child.wait()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = memory.stop()
    if child.returncode not in allowed:
        raise SystemExit(f"build failed ({child.returncode}): {' '.join(command)}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(seconds, peak / 1024, cpu)


def pages(folder):
    return sum(1 for _ in folder.rglob("*.html"))


def measure(out, n):
    site = corpus(out, "site", n)
    plain = corpus(out, "pelican", n)
    (plain / "plainconf.py").write_text(PLAIN_SETTINGS)
    documents = sum(1 for _ in (site / "content" / "updates").rglob("*.md"))
    # `./dev build`'s command line: Pelican's, ending as the site's commands end (workflow/build.py).
    ours_cmd = [
        sys.executable,
        "-m",
        "workflow.build",
        str(site / "content"),
        "-o",
        str(site / "output"),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "--cache-path",
        str(site / "cache"),
    ]
    plain_cmd = [sys.executable, "-m", "pelican", "-s", "plainconf.py", "-o", "output"]
    for folder in ("output", "cache"):
        shutil.rmtree(site / folder, ignore_errors=True)
    shutil.rmtree(plain / "output", ignore_errors=True)
    plain_cold = timed(plain_cmd, plain)
    cold = timed(ours_cmd, ROOT)
    rebuild = timed(ours_cmd, ROOT).seconds
    # What `./dev serve` does after an editor saves one update: rebuild, the other files from the cache.
    edited = next((site / "content" / "updates").rglob("*.md"))
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + "\nOne more sentence.\n", encoding="utf-8")
    try:
        after_edit = timed(ours_cmd, ROOT).seconds
    finally:
        edited.write_text(original, encoding="utf-8")
    in_place = serve_edits(site, ours_cmd[3:], edited)
    # `./dev check` on the same content; status 1 only means the corpus has content errors.
    check_cmd = [
        sys.executable,
        "-c",
        f"from workflow.check import main; main('pelicanconf.py', PATH={str(site / 'content')!r})",
    ]
    shutil.rmtree(ROOT / "cache" / "check", ignore_errors=True)
    check = timed(check_cmd, ROOT, allowed=(0, 1))
    check_again = timed(check_cmd, ROOT, allowed=(0, 1)).seconds  # with the reader cache the first check left
    published, republished = publish_rows(site, edited)
    hugo = hugo_row(out, n)
    cores = len(os.sched_getaffinity(0))
    return {
        **hugo,
        "updates_en": n,
        "documents": documents,
        "pages_out": pages(site / "output"),
        "cold_s": round(cold.seconds, 2),
        "rebuild_s": round(rebuild, 2),
        "after_edit_s": round(after_edit, 2),
        "serve_edit_s": round(in_place, 3),
        "check_s": round(check.seconds, 2),
        "check_cpu_s": round(check.cpu_s, 2),
        "check_cached_s": round(check_again, 2),
        "publish_cold_s": round(published, 2),
        "publish_one_update_s": round(republished, 2),
        "publish_ratio_to_cold": round(republished / cold.seconds, 2),
        "cold_docs_per_s": round(documents / cold.seconds, 1),
        "rebuild_docs_per_s": round(documents / rebuild, 1),
        "peak_mib": round(cold.peak_mib),
        "plain_pelican_cold_s": round(plain_cold.seconds, 2),
        "plain_peak_mib": round(plain_cold.peak_mib),
        "plain_pelican_pages_out": pages(plain / "output"),
        "ratio_to_plain": round(cold.seconds / plain_cold.seconds, 2),
        "cores": cores,
        "cold_cpu_s": round(cold.cpu_s, 2),
        "plain_cpu_s": round(plain_cold.cpu_s, 2),
        # However well its processes shared the cores, the cold build could not take less than this.
        "cpu_floor_ratio_to_plain": round(cold.cpu_s / cores / plain_cold.seconds, 2),
    }


def publish_rows(site, edited):
    """`./dev publish` with empty caches, then as CI's deploy runs it after one update was merged: its caches
    (`cache/` and the published `output/`) saved and restored as the cache action does (tar --posix, which
    keeps modification times to the nanosecond), one update's text changed."""
    folder = site / "publish"
    shutil.rmtree(folder, ignore_errors=True)
    script = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); from workflow.publish import publish; "
        f"publish({str(ROOT / 'publishconf.py')!r}, {str(folder / 'output')!r}, {str(site / 'content')!r}, "
        f"['--cache-path', {str(folder / 'cache')!r}])"
    )
    cold = timed([sys.executable, "-c", script], ROOT).seconds
    archive = site / "publish-caches.tar"
    subprocess.run(["tar", "--posix", "-cf", str(archive), "-C", str(folder), "cache", "output"], check=True)
    shutil.rmtree(folder)
    folder.mkdir()
    subprocess.run(["tar", "-xf", str(archive), "-C", str(folder)], check=True)
    archive.unlink()
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + "\nOne more sentence.\n", encoding="utf-8")
    try:
        again = timed([sys.executable, "-c", script], ROOT).seconds
    finally:
        edited.write_text(original, encoding="utf-8")
    # The replaced site is removed by a process the publish does not wait for: not into the next row's time.
    deadline = time.monotonic() + 600
    while removals(folder / "output"):
        if time.monotonic() > deadline:
            raise SystemExit(f"the replaced site beside {folder / 'output'} was not removed within 600 s")
        time.sleep(0.1)
    return cold, again


def serve_edits(site, arguments, edited, times=3):
    """Median seconds of `./dev serve` showing an edit of one update's text, its builder already running (the
    search index follows in the background, not counted)."""
    from workflow.serve import Builder

    builder = Builder(ROOT, arguments, quiet=True)
    original = edited.read_text(encoding="utf-8")
    seconds = []
    try:
        if not builder.ok:
            raise SystemExit("the serve builder's build failed")
        for number in range(times):
            edited.write_text(original + f"\nEdit number {number}.\n", encoding="utf-8")
            start = time.perf_counter()
            why = builder.take([edited])
            seconds.append(time.perf_counter() - start)
            if why:
                raise SystemExit(f"serve did not take the edit in place: {why}")
    finally:
        edited.write_text(original, encoding="utf-8")
        builder.close()
    return sorted(seconds)[len(seconds) // 2]


def hugo_row(out, n):
    """Debian's Hugo on the generator's Hugo corpus, as a reference, where it is installed."""
    if not shutil.which("hugo"):
        return {}
    site = corpus(out, "hugo", n)
    shutil.rmtree(site / "public", ignore_errors=True)
    hugo = timed(["hugo", "--quiet", "--source", str(site)], site)
    return {
        "hugo_cold_s": round(hugo.seconds, 2),
        "hugo_pages_out": pages(site / "public"),
        "hugo_peak_mib": round(hugo.peak_mib),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--out", default=".bench")
    args = parser.parse_args()
    out = (ROOT / args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        row = measure(out, n)
        results.append(row)
        print(f"{n} English updates: {row['documents']} documents -> {row['pages_out']} pages")
        print(f"  cold build       {row['cold_s']:7.2f} s  ({row['cold_docs_per_s']} documents/s)")
        print(f"  no-change build  {row['rebuild_s']:7.2f} s  ({row['rebuild_docs_per_s']} documents/s, cached)")
        print(f"  one update edited{row['after_edit_s']:7.2f} s  (a new build, from the caches)")
        print(f"  ...in ./dev serve{row['serve_edit_s']:7.2f} s  (its builder keeps the site; search follows)")
        print(
            f"  ./dev check      {row['check_s']:7.2f} s  (validation only, nothing written; "
            f"{row['check_cpu_s']} s of CPU)"
        )
        print(f"  ...check again   {row['check_cached_s']:7.2f} s  (its reader cache)")
        print(f"  ./dev publish    {row['publish_cold_s']:7.2f} s  (empty caches)")
        print(
            f"  ...one update   {row['publish_one_update_s']:7.2f} s  (CI's caches restored; "
            f"{row['publish_ratio_to_cold']}x the cold build)"
        )
        print(
            f"  plain Pelican    {row['plain_pelican_cold_s']:7.2f} s  ({row['plain_pelican_pages_out']} pages)"
            f" -> ours takes {row['ratio_to_plain']}x its time"
        )
        print(
            f"  CPU, cold build  {row['cold_cpu_s']:7.2f} s  (plain Pelican {row['plain_cpu_s']} s; on "
            f"{row['cores']} cores ours takes at least {row['cpu_floor_ratio_to_plain']}x its time)"
        )
        print(f"  peak memory      {row['peak_mib']} MiB  (all its processes together)")
        if "hugo_cold_s" in row:
            print(
                f"  Hugo (reference) {row['hugo_cold_s']:7.2f} s  ({row['hugo_pages_out']} pages, "
                f"{row['hugo_peak_mib']} MiB) -> ours takes {row['cold_s'] / row['hugo_cold_s']:.2f}x its time"
            )
    record = {"commit": os.popen(f"git -C {ROOT} rev-parse --short HEAD").read().strip(), "results": results}
    (out / "results.json").write_text(json.dumps(record, indent=2) + "\n")
    print(f"written {out / 'results.json'}")


if __name__ == "__main__":
    main()
