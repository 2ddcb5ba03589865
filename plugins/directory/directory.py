"""People, partners, working groups, projects, countries and tags: pages of their own.

Entries with a file (content/people/<slug>.md...) carry a name, role, photo
and links; names an update uses without a file (every tag, or a person from
the archive with no profile yet) still get a page listing their updates. Each
entry has a page in each language that lists its updates in that language,
newest first, and each kind has an index page per language.
"""

import difflib
import os
from collections import defaultdict

from pelican import signals
from pelican.generators import Generator

from hubcore import findings, plugin, updates, urls
from hubcore.settings import apply_defaults

from . import inference
from .entity import Entity

DIRECTORY = "HUB_DIRECTORY"  # context key: kind -> {slug: Entity}


class DirectoryGenerator(Generator):
    def generate_context(self):
        directory = {kind: self._read_kind(kind, spec) for kind, spec in self.settings["DIRECTORY_KINDS"].items()}
        self.context[DIRECTORY] = directory
        inference.infer(updates.every_document(self.context), directory.get(inference.KIND), self.settings)
        for kind, entries in directory.items():
            index = spelling_index(entries.values(), self.settings)
            for document in updates.every_document(self.context):
                resolve(document, kind, entries, index, self.settings)
            # One pass over the updates (newest first), not one per entry.
            members = defaultdict(list)
            for item in updates.published(self.context):
                for entity in getattr(item, kind):
                    members[entity].append(item)
            for entity in entries.values():
                for lang in self.settings["LANGUAGES"]:
                    entity.updates[lang], entity.also[lang] = updates.for_language(members[entity], lang, self.settings)

    def _read_kind(self, kind, spec):
        entries = {}
        if not spec["path"]:
            return entries
        # By name: which of two files for one entry is kept must not depend on a set's order.
        for path in sorted(self.get_files(spec["path"], extensions=self.settings["FRONT_MATTER_EXTENSIONS"])):
            reader = self.readers.readers[os.path.splitext(path)[1].lstrip(".")]
            content, metadata = reader.read(os.path.join(self.path, path))
            if metadata.get("status") == "skip":
                continue
            slug = urls.slugify(self.settings, metadata.get("slug") or os.path.splitext(os.path.basename(path))[0])
            if not slug or len(slug.encode("utf-8")) > urls.MAX_SLUG_BYTES:
                findings.report(
                    self.settings,
                    findings.ERROR,
                    "E-SLUG",
                    path,
                    metadata.get("source_lines", {}).get("slug", 0),
                    f"no web address of at most {urls.MAX_SLUG_BYTES} bytes can be made for this entry",
                    "add a short `slug:` of letters and digits",
                )
                continue
            if slug in entries:
                findings.report(
                    self.settings,
                    findings.ERROR,
                    "E-DUPLICATE-ENTRY",
                    path,
                    0,
                    f"{entries[slug].source_path} already defines {kind} {slug!r}",
                    "merge the two files or give one another slug",
                )
                continue
            name = metadata.get("name") or slug
            entries[slug] = Entity(kind, slug, self.settings, name, metadata, content, path)
        return entries

    def generate_output(self, writer):
        directory = self.context[DIRECTORY]
        entity_template = self.get_template("entity")
        index_template = self.get_template("entity_index")
        for kind, entries in directory.items():
            base = self.settings["DIRECTORY_KINDS"][kind]["url"].split("{slug}")[0]
            for lang in self.settings["LANGUAGES"]:
                listed = sorted(
                    (e for e in entries.values() if e.has_page(lang)), key=lambda e: e.display(lang).casefold()
                )
                if not listed:
                    continue
                for entity in listed:
                    url = entity.url_for(lang)
                    writer.write_file(
                        urls.save_as(url),
                        entity_template,
                        self.context,
                        self.settings["RELATIVE_URLS"],
                        paginated={"articles": entity.updates.get(lang, [])},
                        template_name="entity",
                        url=url,
                        lang=lang,
                        entity=entity,
                        kind=kind,
                        also=entity.also[lang][: self.settings["UNTRANSLATED_SECTION_SIZE"]],
                        alternates={
                            other: entity.url_for(other)
                            for other in self.settings["LANGUAGES"]
                            if entity.has_page(other)
                        },
                    )
                url = urls.lang_url(self.settings, lang, base)
                writer.write_file(
                    urls.save_as(url),
                    index_template,
                    self.context,
                    self.settings["RELATIVE_URLS"],
                    url=url,
                    lang=lang,
                    kind=kind,
                    entities=listed,
                    alternates={
                        other: urls.lang_url(self.settings, other, base)
                        for other in self.settings["LANGUAGES"]
                        if any(e.has_page(other) for e in entries.values())
                    },
                )


def spelling_index(entities, settings):
    """Every name an update may use, slugified, to its entry; a name two entries give goes to the first (by file
    name), and the second is told."""
    index = {}
    for entity in sorted(entities, key=lambda e: e.source_path or ""):
        for spelling in entity.spellings():
            key = urls.slugify(settings, spelling)
            other = index.setdefault(key, entity)
            if other is not entity and other.source_path and entity.source_path:
                findings.report(
                    settings,
                    findings.WARNING,
                    "W-AMBIGUOUS-NAME",
                    entity.source_path,
                    entity.metadata.get("source_lines", {}).get("other_names", 0),
                    f"the name {spelling!r} is also one of {other.source_path}: updates that use it go there",
                    "give each entry names of its own",
                )
    return index


def resolve(document, kind, entries, index, settings):
    """Replace the names a document gives for `kind` by entries, creating entries for new names. Every document
    that names an entry without a file is told, not only the first: each has its own severity (lenient for the
    archive), and an error must not pass as the warning of another document."""
    resolved = []
    folder = settings["DIRECTORY_KINDS"][kind]["path"]
    for name in document.metadata.get(kind, []):
        slug = urls.slugify(settings, name)
        if not slug or len(slug.encode("utf-8")) > urls.MAX_SLUG_BYTES:
            unusable_name(document, kind, name, slug, settings)
            continue
        entity = index.get(slug)
        if entity is None:
            entity = entries[slug] = index[slug] = Entity(kind, slug, settings, name)
        if entity in resolved:
            continue
        resolved.append(entity)
        if folder and not entity.source_path:
            findings.lenient(
                settings,
                document.metadata.get("legacy_format"),
                "NO-ENTRY",
                document.relative_source_path,
                document.metadata.get("source_lines", {}).get(kind, 0),
                f"{kind} name {name!r} matches no file in content/{folder}/",
                closest_entry(slug, index, settings) or f"check the spelling, or add content/{folder}/{slug}.md",
            )
    setattr(document, kind, resolved)


def unusable_name(document, kind, name, slug, settings):
    """A name that gives no web address (`!!!`) or too long a one: reported, and left out of the update's list."""
    line = document.metadata.get("source_lines", {}).get(kind, 0)
    if slug:
        findings.report(
            settings,
            findings.ERROR,
            "E-NAME-LONG",
            document.relative_source_path,
            line,
            f"{kind} name {name[:60]!r}… is too long to be part of a web address",
            "shorten it",
        )
    else:
        findings.report(
            settings,
            findings.WARNING,
            "W-EMPTY-SLUG",
            document.relative_source_path,
            line,
            f"{kind} name {name!r} has no letters or digits to make a web address of; it is left out",
            "write it with letters or digits, or remove it",
        )


def closest_entry(slug, index, settings):
    """ "did you mean 'Rubén Martín'?" for a misspelt name, among entries that have a file."""
    known = [key for key, entity in index.items() if entity.source_path]
    close = difflib.get_close_matches(slug, known, n=1, cutoff=0.6)
    return f"did you mean {index[close[0]].display(settings['DEFAULT_LANG'])!r}?" if close else ""


def drop_pelican_tags(generator):
    """Tag pages come from this plugin, per language; Pelican's own would be language-blind."""
    generator.tags = {}
    generator.context["tags"] = []


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.article_generator_finalized: (updates.collect, drop_pelican_tags),
    signals.get_generators: plugin.adds_generator(DirectoryGenerator),
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
