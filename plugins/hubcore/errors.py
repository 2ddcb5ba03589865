"""The errors a build stops on that an editor or a site's owner must read: a line each, never a traceback.

Handlers raise them; the edge (`./dev build` and `./dev publish` through workflow/build.py, `./dev check`, the
serve builder) prints the message and sets the exit status. Pelican's own command line prints a traceback for
any exception, so they never travel through it as SystemExit from inside a handler.
"""


class SiteError(Exception):
    """A build cannot go on, or must fail; the message says why, and what to do."""


class SettingsError(SiteError):
    """A setting has a value the plugins cannot work with."""


class StrictFailure(SiteError):
    """A strict build (`./dev publish`, `./dev check`) found content errors; the report above names them."""


class WriteError(SiteError):
    """The machine's problem (a full disk, no permission), not the content's."""
