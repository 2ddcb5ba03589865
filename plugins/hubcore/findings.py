"""Content problems reported to editors: one line each, naming file, line and fix.

Every plugin reports through `report`, so the build can go on, collect all
findings and count them at the end (see the validation plugin).
"""

import logging
from dataclasses import dataclass

logger = logging.getLogger("hub")

ERROR = "error"
WARNING = "warning"


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
    """The findings of this build so far (kept on the settings of the run)."""
    return settings.setdefault("HUB_FINDINGS", [])


def report(settings, severity, code, path, line, message, hint=""):
    finding = Finding(severity, code, str(path), line or 0, message, hint)
    collected(settings).append(finding)
    (logger.error if severity == ERROR else logger.warning)("%s", finding)
    return finding


class ContentError(Exception):
    """A file cannot be read at all; carries the finding to report."""

    def __init__(self, code, line, message, hint=""):
        super().__init__(message)
        self.code, self.line, self.message, self.hint = code, line, message, hint
