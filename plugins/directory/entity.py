"""A person, partner, working group, project, country or tag that updates refer to."""

from hubcore import urls


class Entity:
    """One directory entry; `source_path` is None for names with no file (tags, unknown people)."""

    def __init__(self, kind, slug, settings, name, metadata=None, content="", source_path=None):
        self.kind = kind
        self.slug = slug
        self.metadata = metadata or {}
        self.content = content
        self.source_path = source_path
        self._settings = settings
        self._names = name if isinstance(name, dict) else {settings["DEFAULT_LANG"]: name}
        self.updates = {}  # lang -> published updates listed in that language, newest first
        self.also = {}  # lang -> untranslated default-language updates offered apart

    def __repr__(self):
        return f"<Entity {self.kind}:{self.slug}>"

    @property
    def name(self):
        return self.text("name", self._settings["DEFAULT_LANG"])

    def text(self, field, lang):
        """A field in `lang`, falling back to the default language."""
        value = self._names if field == "name" else self.metadata.get(field, "")
        if isinstance(value, dict):
            return value.get(lang) or value.get(self._settings["DEFAULT_LANG"]) or next(iter(value.values()), "")
        return value

    def display(self, lang):
        return self.text("name", lang)

    def spellings(self):
        """Every name an update may use for this entry."""
        names = [self.slug, *self._names.values(), *self.metadata.get("other_names", [])]
        short = self.metadata.get("short_name")
        names += list(short.values()) if isinstance(short, dict) else [short] if short else []
        return names

    def url_for(self, lang):
        return urls.lang_url(
            self._settings, lang, self._settings["DIRECTORY_KINDS"][self.kind]["url"].format(slug=self.slug)
        )

    def has_page(self, lang):
        """Entries with a file have a page in every language; the rest where they have updates."""
        return bool(self.source_path) or bool(self.updates.get(lang))
