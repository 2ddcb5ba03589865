from .identity import register  # noqa: F401
