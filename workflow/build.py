"""`./dev build` and `./dev publish`: Pelican's command line, with the site's own errors as one line each.

Pelican prints a traceback for any exception a plugin raises. A setting refused, a strict build with content
errors, a file that cannot be written (hubcore.errors) are for an editor: this edge prints the message and
exits with status 1.
"""

import logging
import sys

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


if __name__ == "__main__":
    main()
