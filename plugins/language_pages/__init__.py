from .language_pages import register  # noqa: F401
