from .engine import register  # noqa: F401
