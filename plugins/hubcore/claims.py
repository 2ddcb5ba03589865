"""Which output paths the site's pages and files take, known before anything is written.

An old address (`aliases`, `permalink`) becomes a redirecting page of its
own, and a page of content/pages/ takes the path its slug gives. Neither may
take a file another output writes, nor a folder such a file needs, nor a path
inside a folder the site fills (the theme's files, the feeds, the search index,
the resized images, the lists of people or tags...). The answer comes from the
settings and the documents, never from the disk, so a build and `./dev check`
(which writes nothing) report the same.
"""

import unicodedata

from . import updates, urls


def same(path):
    return unicodedata.normalize("NFC", path).casefold()


class Claims:
    """Output paths ('/'-separated, relative to the output folder) and who writes them. Paths are compared as a
    Mac's or Windows' file system compares them: `ROBOTS.TXT` is `robots.txt`, and `é` is `é` however written."""

    def __init__(self):
        self.files = {}  # file -> who writes it
        self.folders = {}  # folder -> who fills it (everything under it is theirs)
        self.needed = {}  # folder -> who writes a file under it (so it must stay a folder)

    def file(self, path, who):
        path = same(path)
        self.files.setdefault(path, who)
        parts = path.split("/")
        for end in range(1, len(parts)):
            self.needed.setdefault("/".join(parts[:end]), who)

    def folder(self, path, who):
        path = same(path.strip("/"))
        if path:
            self.folders.setdefault(path, who)

    def owner(self, path):
        """Who already takes `path`: it is their file, a folder their files need, or inside a file or folder of
        theirs. None when it is free."""
        path = same(path)
        if path in self.files:
            return self.files[path]
        if path in self.needed:
            return self.needed[path]
        parts = path.split("/")
        for end in range(1, len(parts)):
            above = "/".join(parts[:end])
            if above in self.files or above in self.folders:
                return self.files.get(above) or self.folders[above]
        return None


def of_site(settings, staticfiles=()):
    """What the plugins and Pelican write whatever the documents: every language's lists, feeds, search page,
    the theme's and the static files, the search index, robots.txt... The plugins' settings are read with their
    defaults, so the answer is the same whichever plugins a run has (a check leaves some out)."""
    claims = Claims()
    claims.folder(settings.get("THEME_STATIC_DIR", "theme"), "the theme's files")
    claims.folder("pagefind", "the search index")
    claims.folder(settings["IMAGE_FOLDER"], "the resized images")
    claims.folder(settings["EDITOR_URL"], "the web editor")
    if settings["TRANSLATION_STATUS_URL"]:
        claims.folder(settings["TRANSLATION_STATUS_URL"], "the translation status page")
    for name, who in (
        ("robots.txt", "robots.txt"),
        ("sitemap.xml", "the sitemap"),
        ("_redirects", "the list of redirects"),
        ("CNAME", "GitHub Pages' domain file"),
        (".nojekyll", "GitHub Pages' .nojekyll"),
    ):
        claims.file(name, who)
    for lang in settings["LANGUAGES"]:
        home = urls.lang_url(settings, lang)
        claims.file(urls.save_as(home), f"the {lang!r} home page")
        claims.folder(home + "page", f"the {lang!r} home page's further pages")
        claims.file(home + "404.html", f"the {lang!r} page for missing addresses")
        claims.file(urls.save_as(urls.lang_url(settings, lang, settings["SEARCH_URL"])), f"the {lang!r} search page")
        claims.folder(urls.lang_url(settings, lang, settings["LANG_ARCHIVES_URL"]), f"the {lang!r} archives")
        claims.folder(urls.lang_url(settings, lang, settings["FEED_FOLDER"]), f"the {lang!r} feeds")
        for kind, spec in settings["DIRECTORY_KINDS"].items():
            claims.folder(
                urls.lang_url(settings, lang, spec["url"].split("{slug}")[0]), f"the {lang!r} pages of {kind}"
            )
    for static in staticfiles:
        claims.file(static.save_as, static.relative_source_path)
    return claims


def add_documents(claims, generators):
    """Every update's and page's own file, whatever its status (a draft's is written while developing)."""
    for generator in generators:
        for name in updates.DOCUMENT_LISTS:
            for document in getattr(generator, name, ()):
                if document.save_as:
                    claims.file(document.save_as, document.relative_source_path)
