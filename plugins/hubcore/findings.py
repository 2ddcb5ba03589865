"""Content problems reported to editors: one line each, naming file, line and fix.

Every plugin reports through `report`, so the build can go on, collect all
findings and print them grouped by file at the end (the validation plugin).
Archive posts predate the people files, alt text and https: for them, some
errors are warnings (`lenient`), so the archive builds unchanged even in
strict mode while new updates are held to the clean schema.
"""

import logging
from dataclasses import dataclass

from . import state

logger = logging.getLogger("hub")

ERROR = "error"
WARNING = "warning"
INFO = "info"  # for an editor to know (a guess the build made); never fails a build


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.severity} {self.code}: {self.message}"
        return f"{text} (fix: {self.hint})" if self.hint else text


def collected(settings):
    """The findings of this run so far (the build's state)."""
    return state.of(settings).findings


def report(settings, severity, code, path, line, message, hint=""):
    finding = Finding(severity, code, str(path), line or 0, message, hint)
    collected(settings).append(finding)
    logger.debug("%s", finding)  # shown, grouped by file, when the build ends
    return finding


def lenient(settings, legacy, stem, path, line, message, hint=""):
    """Report `E-<stem>`, or `W-<stem>` for an archive post (`legacy`), which the build copes with."""
    severity, prefix = (WARNING, "W-") if legacy else (ERROR, "E-")
    return report(settings, severity, prefix + stem, path, line, message, hint)


class ContentError(Exception):
    """A file cannot be read at all; carries the finding to report."""

    def __init__(self, code, line, message, hint=""):
        super().__init__(message)
        self.code, self.line, self.message, self.hint = code, line, message, hint


class AlreadyReported(Exception):
    """A file cannot be read, and the finding saying why is already reported."""
