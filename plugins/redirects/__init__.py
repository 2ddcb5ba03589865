from .redirects import register  # noqa: F401
