"""Turn raw YAML values into the clean schema's types, or say what is wrong."""

import datetime as dt
import re
import zoneinfo

import yaml

from . import schema

UTC = dt.timezone.utc
DATE_FORMS = "write it as 2021-12-02 or 2021-12-02T15:46:00Z (ISO 8601; without an offset, the site's TIMEZONE)"
_YAML = yaml.constructor.SafeConstructor()
# ISO 8601's extended calendar forms: Python's fromisoformat takes any character between date and time.
ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?"
    r"(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$"
)


class BadValue(ValueError):
    """A front-matter value of the wrong type or form; `code` is the finding to report (E-TYPE unless said)."""

    def __init__(self, message, hint="", code="E-TYPE"):
        super().__init__(message)
        self.message, self.hint, self.code = message, hint, code


def _scalar_text(value):
    if isinstance(value, (dict, list)):
        raise BadValue(
            f"expected text, got a {'list' if isinstance(value, list) else 'mapping'}", "write a single line of text"
        )
    return "" if value is None else str(value).strip()


def text(value, spec):
    return _scalar_text(value)


def i18n_text(value, spec):
    if isinstance(value, dict):
        return {str(k).strip().lower(): _scalar_text(v) for k, v in value.items() if _scalar_text(v)}
    return _scalar_text(value)


def list_(value, spec):
    if value is None:
        return []
    if isinstance(value, dict):
        raise BadValue("expected a list, got a mapping", "write one `- item` per line")
    if isinstance(value, str):
        items = value.split(spec.split) if spec.split else [value]
    elif isinstance(value, list):
        items = value
    else:
        items = [value]
    out = []
    for item in items:
        if isinstance(item, (dict, list)):
            raise BadValue("a list item is itself a list or mapping", "write one name per `- item` line")
        # Archive lists hold empty `- ` items; they mean nothing.
        if item is not None and str(item).strip() and str(item).strip() not in out:
            out.append(str(item).strip())
    return out


def to_utc(value, zone=UTC):
    """A date or time in UTC; one without an offset is in `zone` (the site's TIMEZONE)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    try:
        return (value.replace(tzinfo=zone) if value.tzinfo is None else value).astimezone(UTC)
    except OverflowError:  # the first or last day of year 1 or 9999, moved by an offset
        raise BadValue(f"{value} is out of the range of dates", DATE_FORMS, "E-DATE") from None


def date(value, spec, zone=UTC):
    """ISO 8601, or YAML's timestamp (the archive's `2017-06-09 11:12:52 Z`), and nothing else: a guess at
    `March` or `10:00 PST` would publish an update under a date nobody wrote."""
    if isinstance(value, (dt.date, dt.datetime)):
        return to_utc(value, zone)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise BadValue(f"{value!r} is a number, not a date", DATE_FORMS, "E-DATE")
    raw = _scalar_text(value)
    if not raw:
        return None
    try:
        if _YAML.timestamp_regexp.match(raw):
            parsed = _YAML.construct_yaml_timestamp(yaml.ScalarNode("tag:yaml.org,2002:timestamp", raw))
        elif ISO_DATE.match(raw):
            parsed = dt.datetime.fromisoformat(
                raw.removesuffix("Z").removesuffix("z").replace(",", ".") + ("+00:00" if raw[-1:] in "Zz" else "")
            )
        else:
            raise ValueError("isoformat")
    except (ValueError, OverflowError) as error:
        reason = "" if "isoformat" in str(error) else f" ({error})"
        raise BadValue(f"{raw!r} is not a date{reason}", DATE_FORMS, "E-DATE") from None
    return to_utc(parsed, zone)


def zone_of(settings):
    """The zone of dates written without an offset."""
    try:
        return zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC  # hubcore.settings refuses an unknown TIMEZONE before any file is read


def timestamp(value, spec):
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        raise BadValue(f"{value!r} is not a Unix time", "write a whole number of seconds") from None


def image(value, spec):
    if value is None:
        return None
    if isinstance(value, str):
        return {"src": value.strip(), "alt": "", "credit": ""} if value.strip() else None
    if isinstance(value, dict):
        src = _scalar_text(value.get("src") or value.get("url") or value.get("path"))
        if not src:
            raise BadValue("the image has no `src`", "add `src: /images/name.jpg` under it")
        return {"src": src, "alt": _scalar_text(value.get("alt")), "credit": _scalar_text(value.get("credit"))}
    raise BadValue(
        "expected an image path or a mapping with `src`, `alt` and `credit`",
        "write `feature_image: {src: /images/name.jpg, alt: What it shows}`",
    )


def status(value, spec):
    raw = _scalar_text(value).lower()
    if raw and raw not in spec.choices:
        raise BadValue(f"unknown status {raw!r}", f"use one of: {', '.join(spec.choices)}")
    return raw or None


def bool_(value, spec):
    if isinstance(value, bool):
        return value
    raw = _scalar_text(value).lower()
    if raw in ("true", "yes", "1"):
        return True
    if raw in ("false", "no", "0"):
        return False
    raise BadValue(f"{value!r} is not true or false", "write true or false")


def links(value, spec):
    if value is None:
        return {}
    if isinstance(value, dict):
        return {_scalar_text(k): _scalar_text(v) for k, v in value.items() if _scalar_text(v)}
    return {url: url for url in list_(value, spec)}


BY_KIND = {
    schema.TEXT: text,
    schema.I18N_TEXT: i18n_text,
    schema.LIST: list_,
    schema.DATE: date,
    schema.TIMESTAMP: timestamp,
    schema.IMAGE: image,
    schema.STATUS: status,
    schema.BOOL: bool_,
    schema.LINKS: links,
}


def coerce(spec, value, zone=UTC):
    if spec.kind == schema.DATE:
        return date(value, spec, zone)
    return BY_KIND[spec.kind](value, spec)
