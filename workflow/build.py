"""`./dev build` and `./dev publish`: Pelican's command line, with the site's own errors as one line each.

Pelican prints a traceback for any exception a plugin raises. A setting refused, a strict build with content
errors, a file that cannot be written (hubcore.errors) are for an editor: this edge prints the message and
exits with status 1.

A build that succeeded ends without the interpreter's teardown (`exit_without_teardown`): freeing a whole
site's objects one by one takes seconds on a large site, when the system takes the process's memory back at
once.
"""

import atexit
import logging
import os
import sys
import threading

from pelican import LOG_HANDLERS, get_instance, parse_arguments
from pelican.log import init as init_logging

from hubcore.errors import SiteError


def main(argv=None):
    args = parse_arguments(argv)
    init_logging(
        level=args.verbosity,
        fatal=args.fatal,
        name="pelican",
        handler=LOG_HANDLERS[args.log_handler],
        logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level),
    )
    try:
        pelican, _ = get_instance(args)
        pelican.run()
    except SiteError as error:
        sys.exit(f"error: {error}")


def exit_without_teardown(status=0):
    """End the process with `status` without freeing its objects one by one. What an exit must still do is done:
    other threads awaited (by an ordinary exit, while any runs), then the exit handlers (`logging.shutdown`,
    multiprocessing reaping its workers, `weakref.finalize`, so temporary folders), then the standard streams
    flushed. Not done: `__del__` of what is left, and flushing files left open (the build leaves none)."""
    if any(not thread.daemon for thread in threading.enumerate() if thread is not threading.main_thread()):
        sys.exit(status)
    atexit._run_exitfuncs()  # private, but the only way to run them short of the teardown, and there since 3.0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    main()
    exit_without_teardown()
