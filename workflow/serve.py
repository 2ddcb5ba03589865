"""`./dev serve`: build, serve output/, and rebuild whenever content, theme, plugins or settings change.

Pelican's own autoreload watches content and theme only, and keeps the
plugins it imported at start: here each rebuild is a fresh Pelican process, so
a changed plugin takes effect too, while the reader cache keeps it quick.
"""

import subprocess
import sys
import time

WATCHED = ("content", "theme", "plugins", "pelicanconf.py")


def build(root, settings="pelicanconf.py"):
    """One build in its own process; True when it succeeded."""
    return subprocess.run([sys.executable, "-m", "pelican", "-s", settings], cwd=root).returncode == 0


def rebuild_on_changes(changes, rebuild, say=print):
    """For each batch of changed files, rebuild once and say how long it took."""
    for batch in changes:
        names = sorted({path for _, path in batch})
        say(f"{len(names)} change(s), e.g. {names[0]}: rebuilding...")
        start = time.perf_counter()
        ok = rebuild()
        say(f"{'rebuilt' if ok else 'build failed'} in {time.perf_counter() - start:.1f} s")


def serve(root, port):
    import watchfiles

    build(root)
    server = subprocess.Popen([sys.executable, "-m", "pelican", "-s", "pelicanconf.py", "--listen", "--bind",
                               "127.0.0.1", "--port", str(port)], cwd=root)
    print(f"Serving on http://127.0.0.1:{port}/ (Ctrl+C stops)")
    try:
        rebuild_on_changes(watchfiles.watch(*(root / name for name in WATCHED if (root / name).exists())),
                           lambda: build(root))
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
