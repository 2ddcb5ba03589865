from .translation_status import register  # noqa: F401
