"""Where data made once from a pinned package is kept: beside the package, in the virtual environment (`.venv`),
so that a build that starts without its caches (CI, `./dev clean`, a cold build) does not make it again; in the
cache folder where there is no virtual environment to write into. The file's name says the package's version."""

import os
import sys


def folder(cache_folder):
    if sys.prefix != sys.base_prefix:
        kept = os.path.join(sys.prefix, "share", "open-mapping-hub")
        try:
            os.makedirs(kept, exist_ok=True)
            if os.access(kept, os.W_OK):
                return kept
        except OSError:
            pass
    return cache_folder
