"""`./dev check`'s process: the content check (plugins/validation/check.py), then an end without the interpreter's
teardown, as a build ends (workflow/build.py): the check holds every document of the site, and freeing them one
by one takes a while on a large one. A process of its own, so that the tasks `./dev` runs after it run."""

import argparse

from validation import check

from . import ROOT
from .build import exit_without_teardown


def main(settings_file, fmt="human", fail_on_warnings=False, **overrides):
    """Check, print the report, and end the process: with status 1 when the report has an error (or a warning,
    if asked)."""
    try:
        check.run(settings_file, fmt, fail_on_warnings, **overrides)
    except SystemExit as failed:
        if failed.code != 1:
            raise  # the site's own error (a setting refused): its message, printed as the exit prints it
        exit_without_teardown(1)
    exit_without_teardown()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="./dev check", description="Check every content file.")
    parser.add_argument("--format", default="human", help="human, github or json")
    parser.add_argument("--warnings", action="store_true", help="fail on warnings too")
    arguments = parser.parse_args()
    main(ROOT / "pelicanconf.py", arguments.format, arguments.warnings)
