"""The findings of a run as editors read them, as GitHub annotations, or as JSON."""

import json
import os
from collections import Counter
from itertools import groupby

from hubcore import findings

FORMATS = ("human", "github", "json")


def ordered(items):
    return sorted(items, key=lambda f: (f.path, f.line, f.code))


def summary(items):
    counts = Counter(f.severity for f in items)
    files = len({f.path for f in items})
    if not items:
        return "Content check: no problems found."
    notes = f", {counts[findings.INFO]} note(s)" if counts[findings.INFO] else ""
    return (
        f"Content check: {counts[findings.ERROR]} error(s), {counts[findings.WARNING]} warning(s){notes} "
        f"in {files} file(s)."
    )


def human(items, content_dir):
    lines = []
    for path, group in groupby(ordered(items), key=lambda f: f.path):
        lines.append(f"{content_dir}/{path}")
        for f in group:
            lines.append(f"  line {f.line or '-'}: {f.severity} {f.code}: {f.message}")
            if f.hint:
                lines.append(f"      fix: {f.hint}")
    lines.append(summary(items))
    return "\n".join(lines)


def github(items, content_dir):
    """Workflow commands: each finding shows on the pull request's diff, at its line."""
    lines = []
    for f in ordered(items):
        level = {findings.ERROR: "error", findings.INFO: "notice"}.get(f.severity, "warning")
        props = f"file={escape_property(f'{content_dir}/{f.path}')},line={f.line or 1},title={escape_property(f.code)}"
        text = f"{f.message} (fix: {f.hint})" if f.hint else f.message
        lines.append(f"::{level} {props}::{escape_data(text)}")
    lines.append(summary(items))
    return "\n".join(lines)


def as_json(items, content_dir):
    return json.dumps(
        {"summary": summary(items), "findings": as_dicts(items, content_dir)}, ensure_ascii=False, indent=1
    )


def as_dicts(items, content_dir):
    """The findings in order, each as the JSON report gives it (`./dev serve`'s error dialog shows them)."""
    return [
        {
            "file": f"{content_dir}/{f.path}",
            "line": f.line,
            "severity": f.severity,
            "code": f.code,
            "message": f.message,
            "hint": f.hint,
        }
        for f in ordered(items)
    ]


def shown(settings):
    """The run's findings less the ignored codes, and the content folder their paths are given from."""
    ignored = settings.get("VALIDATION_IGNORE", ())  # `./dev serve` asks even of a run refused at its start
    items = [f for f in findings.collected(settings) if f.code not in ignored]
    return items, os.path.relpath(settings["PATH"]).replace(os.sep, "/")


def escape_data(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text):
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


RENDER = {"human": human, "github": github, "json": as_json}
