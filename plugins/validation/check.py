"""`./dev check`: every content finding, without rendering or writing the site.

The same Pelican run as a build (same readers and checks, so the same
findings), with a writer that writes nothing, an output folder thrown away,
and without the plugins that only render (CHECK_LEAVES_OUT).
"""

import contextlib
import logging
import os
import sys
import tempfile

from pelican import Pelican
from pelican.log import console
from pelican.settings import read_settings

from hubcore.errors import SiteError, StrictFailure
from hubcore.settings import DEFAULTS


def run(settings_file, fmt="human", fail_on_warnings=False, **overrides):
    """Print the findings in `fmt`; exits with status 1 when there is an error (or a warning, if asked): the
    command line's edge. Returns the run's settings."""
    with tempfile.TemporaryDirectory() as scratch:
        settings = check_settings(
            settings_file,
            **overrides,
            OUTPUT_PATH=scratch,
            VALIDATION_FORMAT=fmt,
            STRICT_CONTENT=True,
            STRICT_WARNINGS=fail_on_warnings,
        )
        # A reader cache of its own (a check renders few texts' Markdown): the next check reads only the files changed
        # since, and reports the others' findings from the cache (front_matter/cache.py).
        settings["CACHE_PATH"] = os.path.join(settings["CACHE_PATH"], "check")
        try:
            with quiet():
                Pelican(settings).run()
        except StrictFailure:
            sys.exit(1)  # the report says why
        except SiteError as error:
            sys.exit(f"error: {error}")
    return settings


def check_settings(settings_file, **overrides):
    """A build's settings, for a run that renders and writes nothing: without the plugins that only render."""
    settings = read_settings(
        str(settings_file), override={**overrides, "HUB_CHECK_ONLY": True, "DELETE_OUTPUT_DIRECTORY": False}
    )
    left_out = settings.get("CHECK_LEAVES_OUT", DEFAULTS["CHECK_LEAVES_OUT"])
    settings["PLUGINS"] = [name for name in settings["PLUGINS"] if name not in left_out]
    return settings


@contextlib.contextmanager
def quiet():
    """Only our own report on the terminal (JSON must parse): Pelican's messages would repeat the findings."""
    logger = logging.getLogger("pelican")
    level = logger.level
    console.quiet = True
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        console.quiet = False
        logger.setLevel(level)
