"""`./dev check`'s edge: the content check (plugins/validation/check.py), then an end without the interpreter's
teardown, as a build ends (workflow/build.py): the check holds every document of the site, and freeing them one
by one takes a while on a large one."""

from validation import check

from .build import exit_without_teardown


def main(settings_file, fmt="human", fail_on_warnings=False, **overrides):
    """Check, print the report, and end the process: with status 1 when the report has an error (or a warning,
    if asked)."""
    try:
        check.run(settings_file, fmt, fail_on_warnings, **overrides)
    except SystemExit as failed:
        if failed.code != 1:
            raise  # a setting refused: the exit prints its message
        exit_without_teardown(1)
    exit_without_teardown()
