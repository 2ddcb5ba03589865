from .i18n import register  # noqa: F401
