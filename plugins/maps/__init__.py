from .maps import register  # noqa: F401
