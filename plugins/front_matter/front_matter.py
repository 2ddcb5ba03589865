"""Reader for Markdown files that open with a YAML front-matter block.

One reader serves updates, pages and directory entries (people, partners...):
the folder a file sits in picks its schema. Problems are reported as findings
naming the file and line; a file that cannot be read at all is skipped, and
the rest of the site still builds.
"""

import difflib
import functools
import hashlib
import os
import re

import babel
import markdown
from pelican import signals
from pelican.readers import BaseReader
from pelican.urlwrappers import Category

from hubcore import findings, inventory, mojibake, plugin, source_scan, state, urls
from hubcore.settings import apply_defaults

from . import cache, coerce, inline, language, parse, sanitize, schema

JEKYLL_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-(.+)$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
LEGACY_UPLOAD = re.compile(r"""((?:src|href)=["']|\]\()(/uploads/[^"')\s]+)""")


class FrontMatterReader(BaseReader):
    enabled = True
    file_extensions = []  # set from FRONT_MATTER_EXTENSIONS when readers start

    def __init__(self, settings):
        super().__init__(settings)
        self._markdown = self._new_markdown()

    def _new_markdown(self):
        config = self.settings.get("MARKDOWN", {})
        return markdown.Markdown(
            extensions=[*config.get("extension_configs", {}), inline.OnlyWhatCanMatch()],
            extension_configs=config.get("extension_configs", {}),
            output_format=config.get("output_format", "html5"),
        )

    def read(self, source_path):
        path = os.path.relpath(source_path, self.settings["PATH"])
        first = len(findings.collected(self.settings))
        try:
            if not inventory.of(self.settings).readable(source_path):
                raise findings.AlreadyReported()  # a link out of content/, a pipe: the inventory said why
            content, metadata = self._read(source_path, path)
        except findings.ContentError as problem:
            findings.report(
                self.settings, findings.ERROR, problem.code, path, problem.line, problem.message, problem.hint
            )
            content, metadata = "", {"status": "skip", "title": path}  # Pelican skips it, quietly
        except findings.AlreadyReported:
            content, metadata = "", {"status": "skip", "title": path}
        except Exception as error:  # noqa: BLE001 -- whatever a file holds, it is a finding, never a lost file
            findings.report(
                self.settings,
                findings.ERROR,
                "E-UNREADABLE",
                path,
                0,
                f"the file could not be read ({type(error).__name__}: {error})",
                "simplify the part of the file you changed last; if it persists, report it with the file",
            )
            content, metadata = "", {"status": "skip", "title": path}
        cache.remember(self.settings, path, metadata, first)
        return content, metadata

    def _read(self, source_path, path):
        text = parse.decode(read_bytes(source_path, path, self.settings), self.settings, path)
        raw, body, key_lines, repeated = parse.split_front_matter(text)
        first_line = body_line(text, body)
        guard(body, first_line)
        for key, line, again in repeated:
            findings.report(
                self.settings,
                findings.WARNING,
                "W-DUPLICATE-KEY",
                path,
                again,
                f"{key!r} is given twice (lines {line} and {again}); the first one is used",
                f"remove one of the two {key!r} lines",
            )
        kind = schema_for(path, self.settings)
        metadata, legacy, rejected = normalize(raw, kind, key_lines, self.settings, path)
        metadata["text_hash"] = text_hash(metadata, body)
        metadata[source_scan.KEY] = source_scan.scan(text)
        # What all the rest of the metadata comes from, with the file's path: the same, and an edit changed only
        # the body (`./dev serve` then shows it in place: workflow/live.py).
        metadata["front_matter_hash"] = hashlib.sha256(text[: text.rfind(body)].encode("utf-8")).hexdigest()[:16]
        if legacy and self.settings["LEGACY_REPAIR_MOJIBAKE"]:
            body = source_scan.unescaped(mojibake.repair(body))
        body = resolve_legacy_uploads(body, self.settings)
        if rejected & REQUIRED[kind]:
            raise findings.AlreadyReported()  # E-TYPE or E-DATE said why; Pelican cannot place the document
        if kind == "update":
            complete_update(metadata, path, key_lines, self.settings)
            language.settle(metadata, body, path, key_lines.get("lang", 0), self.settings)
        elif kind == "page":
            complete_page(metadata, path, key_lines, self.settings)
        if kind != "update" and "lang" in metadata:
            metadata["lang"] = offered_lang(metadata["lang"], path, key_lines, self.settings)
        if kind == "entity" and not metadata.get("name"):
            findings.report(
                self.settings,
                findings.ERROR,
                "E-REQUIRED",
                path,
                key_lines.get("name", 2),
                "the entry has no `name`: its file name is shown instead",
                "add `name: The Name`",
            )
        if metadata.get("summary"):
            guard(metadata["summary"], key_lines.get("summary", 0))
            self._report_embeds(metadata["summary"], metadata, path, key_lines.get("summary", 0))
            metadata["summary"] = self._render(metadata["summary"], metadata, key_lines.get("summary", 0), summary=True)
        metadata["source_lines"] = key_lines
        metadata["legacy_format"] = legacy
        self._report_embeds(body, metadata, path, first_line)
        return self._render(body, metadata, first_line), metadata

    def _render(self, text, metadata, line, summary=False):
        # `./dev check` renders no page, and Markdown is most of a read's time: it renders only the texts whose
        # HTML its checks need (parse.checked_as_html), and long ones, to hold them to the build's time limit.
        as_built = not self.settings["HUB_CHECK_ONLY"] or parse.checked_as_html(text, self.settings, summary)
        if not as_built and len(text) < parse.RENDERED_IN_CHECK_FROM:
            return text
        try:
            html = self._convert(text)
        except RecursionError:
            raise findings.ContentError(
                "E-NESTING",
                line,
                "the text nests lists, quotes, definitions or HTML blocks too deeply to show",
                "use fewer levels of lists or `>` quotes; break long runs of definitions (`: …` lines) with a "
                "paragraph; take `markdown` off HTML blocks inside each other",
            ) from None
        except parse.TooSlow:
            raise findings.ContentError(
                "E-TOO-COMPLEX",
                line,
                f"reading the text's Markdown took more than {self.settings['MARKDOWN_SECONDS']} seconds",
                "simplify the text you changed last (long runs of `[`, `<` or `*`)",
            ) from None
        if not as_built:
            return text  # read to learn whether it can be, in the time a build has
        if self.settings["SANITIZE_HTML"] and not metadata.get("raw_html"):
            html = sanitize.clean(html, self.settings)
        return html

    def _convert(self, text):
        self._markdown.reset()
        try:
            with parse.time_limit(self.settings["MARKDOWN_SECONDS"]):
                return self._markdown.convert(text)
        except BaseException:
            # Stopped half-way (too deep, too slow), Python-Markdown keeps state that `reset()` does not clear:
            # every later text would come out as its Markdown source. A new one for the next text.
            self._markdown = self._new_markdown()
            raise

    def _report_embeds(self, body, metadata, path, first_line):
        """The frames a build removes, found in the source (a check renders few texts' Markdown)."""
        if self.settings["SANITIZE_HTML"] and not metadata.get("raw_html"):
            for offset, src in sanitize.refused_embeds(body, self.settings):
                findings.report(
                    self.settings,
                    findings.WARNING,
                    "W-EMBED",
                    path,
                    first_line + body.count("\n", 0, offset),
                    f"the embedded frame {src!r} is removed: its address is not one of the allowed "
                    "hosts, or is written in a way browsers could read as another host",
                    "embed from one of SANITIZE_IFRAME_HOSTS with a plain https://host/path address",
                )


def guard(text, first_line):
    """Refuse, from the source, a text Markdown would take too long or too deep a recursion to read: a build and a
    check say the same."""
    deep = parse.DEEP_LINE.search(text)
    if deep:
        raise findings.ContentError(
            "E-NESTING",
            first_line + text.count("\n", 0, deep.start()),
            f"the text nests lists or quotes more than {parse.MAX_NESTING} levels deep",
            "use fewer levels of indented lists or `>` quotes",
        )
    if parse.too_much_markup(text):
        raise findings.ContentError(
            "E-TOO-COMPLEX",
            first_line,
            "the text has paragraphs with thousands of `[` "
            "and `<`, or thousands of lines: reading them would take minutes",
            "split the paragraphs, or put such text in a code block",
        )


# A file's update or page cannot be placed without these (they were given, but their value was refused).
REQUIRED = {"update": {"title", "date"}, "page": {"title"}, "entity": set()}


def read_bytes(source_path, path, settings):
    """The file's bytes, unless it is too large to be an update (an error) or large enough to slow every build."""
    size = os.stat(source_path).st_size
    if size > settings["MAX_CONTENT_BYTES"]:
        raise findings.ContentError(
            "E-TOO-LARGE",
            0,
            f"the file has {size:,} bytes, more than MAX_CONTENT_BYTES ({settings['MAX_CONTENT_BYTES']:,})",
            "split it, or link large documents instead of pasting them",
        )
    if size > settings["LARGE_CONTENT_BYTES"]:
        findings.report(
            settings,
            findings.WARNING,
            "W-LARGE-FILE",
            path,
            0,
            f"the file has {size:,} bytes; pages and feeds this large are slow to load",
            "shorten it, or link large documents instead of pasting them",
        )
    with open(source_path, "rb") as handle:
        return handle.read()


def body_line(text, body):
    """The file's line where the body starts."""
    return text[: len(text) - len(body)].count("\n") + 1 if body else 0


def text_hash(metadata, body):
    """Fingerprint of what a translator translates: title, summary and body as written.

    A translation records its original's fingerprint (`original_hash`); when the
    original's text changes, the translation status report marks it outdated.
    Tags, dates and people are not translated, so changing them changes nothing.
    """
    text = "\n".join(str(metadata.get(name) or "").strip() for name in ("title", "summary")) + "\n" + body.strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def schema_for(path, settings):
    top = path.replace(os.sep, "/").split("/", 1)[0]
    if top in {spec["path"] for spec in settings["DIRECTORY_KINDS"].values() if spec["path"]}:
        return "entity"
    if top in settings["PAGE_PATHS"]:
        return "page"
    return "update"


class Normalized:
    """What `normalize` builds up, key by key."""

    def __init__(self):
        self.metadata, self.legacy, self.rejected = {}, False, set()
        self.texts_for_lists = []  # (key, line, text): one name where the schema asks for a list

    def add(self, spec, key, value, settings, path, line):
        metadata = self.metadata
        if spec.kind == schema.LIST and spec.name in metadata:
            # `tags` and the archive's `categories` both feed tags.
            metadata[spec.name] += [item for item in value if item not in metadata[spec.name]]
        elif spec.name in metadata:
            findings.report(
                settings,
                findings.WARNING,
                "W-DUPLICATE-KEY",
                path,
                line,
                f"{key!r} repeats {spec.name!r}; the first one is used",
                f"remove {key!r}",
            )
        elif value not in (None, "", [], {}):
            metadata[spec.name] = value


def normalize(raw, kind, key_lines, settings, path):
    """Clean metadata from a raw front-matter mapping, whether it used legacy spellings, and the fields
    whose value was rejected (reported as E-TYPE, E-DATE or E-URL)."""
    state = Normalized()
    for key, value in raw.items():
        spec = schema.lookup(kind, key)
        line = key_lines.get(schema.fold(key), 0)
        if spec is None:
            state.legacy |= unknown_key(key, kind, settings, path, line)
            continue
        state.legacy = state.legacy or spec.legacy or key != spec.name
        key_lines.setdefault(spec.name, line)
        if spec.kind == schema.LIST and isinstance(value, str):
            state.texts_for_lists.append((key, line, value))
        try:
            value = checked(spec, key, value, settings, path, line)
        except coerce.BadValue as bad:
            findings.report(settings, findings.ERROR, bad.code, path, line, f"{key}: {bad.message}", bad.hint)
            state.rejected.add(spec.name)
            continue
        state.add(spec, key, value, settings, path, line)
    if not state.legacy:
        # The archive wrote `Person: Nate Smith`; the clean schema asks for a list, and says so.
        for key, line, value in state.texts_for_lists:
            findings.report(
                settings,
                findings.ERROR,
                "E-TYPE",
                path,
                line,
                f"{key}: expected a list, got text",
                f"write `{key}: [{value}]`, or one `- item` per line",
            )
    metadata = state.metadata
    if state.legacy and settings["LEGACY_REPAIR_MOJIBAKE"]:
        metadata = {key: repair(value) for key, value in metadata.items()}
    return metadata, state.legacy, state.rejected


def unknown_key(key, kind, settings, path, line):
    """Report a key the schema does not know, unless it is one the archive wrote for nothing; True for those."""
    if schema.fold(key) in schema.IGNORED_LEGACY_KEYS:
        return True
    findings.report(
        settings,
        findings.WARNING,
        "W-UNKNOWN-KEY",
        path,
        line,
        f"unknown front-matter key {key!r} is ignored",
        likely_key(key, kind),
    )
    return False


def checked(spec, key, value, settings, path, line):
    """The value in the schema's type, its addresses safe to follow, without control characters; raises
    coerce.BadValue."""
    value = coerce.coerce(spec, value, coerce.zone_of(settings))
    for url in urls_in(spec, value):
        problem = sanitize.url_problem(url)
        if problem:
            raise coerce.BadValue(problem, "use an https:// address or a path such as /images/name.jpg", "E-URL")
    cleaned = without_control_characters(value)
    if cleaned != value:
        findings.report(
            settings,
            findings.WARNING,
            "W-CONTROL-CHARACTER",
            path,
            line,
            f"{key}: an invisible control character is removed",
            "delete it from the value",
        )
    return cleaned


def without_control_characters(value):
    if isinstance(value, str):
        return parse.CONTROL.sub("", value)
    if isinstance(value, list):
        return [without_control_characters(item) for item in value]
    if isinstance(value, dict):
        return {key: without_control_characters(item) for key, item in value.items()}
    return value


def urls_in(spec, value):
    """The addresses a field's value holds: an image's src, a link list's targets, a URL or old addresses."""
    if spec.kind == schema.IMAGE:
        return [value.get("src", "")] if isinstance(value, dict) else []
    if spec.kind == schema.LINKS:
        return list(value.values()) if isinstance(value, dict) else list(value or [])
    if spec.name in ("url", "aliases", "permalink"):
        return value if isinstance(value, list) else [value]
    return []


def likely_key(key, kind):
    """The suggestion for an unknown key: the closest known spelling, written the way the editor writes keys."""
    close = difflib.get_close_matches(schema.fold(key), schema.known_keys(kind), n=1, cutoff=0.75)
    if not close:
        return "check its spelling against docs/front-matter.md"
    match = close[0]
    if " " in key.strip():  # the archive's `Feature Image` style
        match = " ".join(word.capitalize() for word in match.split("_"))
    return f"did you mean {match!r}?"


def repair(value):
    if isinstance(value, str):
        return mojibake.repair(value)
    if isinstance(value, list):
        return [repair(item) for item in value]
    if isinstance(value, dict):
        return {key: repair(item) for key, item in value.items()}
    return value


def slug_from_name(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    match = JEKYLL_NAME.match(stem)
    return match.group(2) if match else stem


def complete_update(metadata, path, key_lines, settings):
    """Derive what an update needs and did not say: date, slug, language, translation key, status."""
    ignored = {c.lower() for c in settings["LEGACY_IGNORED_CATEGORIES"]}
    metadata["tags"] = [tag for tag in metadata.get("tags", []) if tag.lower() not in ignored]
    complete_date(metadata, path, key_lines, settings)
    if not metadata.get("title"):
        raise no_title("update", key_lines)
    if metadata.pop("published", True) is False:
        metadata["status"] = "draft"
    metadata["scheduled"] = metadata.get("status") == "scheduled"
    if metadata["scheduled"]:
        # Pelican holds back future dates (WITH_FUTURE_DATES = False) until they pass.
        metadata["status"] = "published"
    metadata.setdefault("status", "published")
    # Whether the language and key were said or guessed: the translations plugin may correct a guess.
    metadata["lang_given"] = "lang" in metadata or from_folder(path, settings) is not None
    metadata["lang"] = update_lang(metadata, path, key_lines, settings)
    # The file name is the URL editors expect (the archive's too, less its date).
    metadata["slug"] = slug_for(metadata, metadata.get("slug") or slug_from_name(path), path, key_lines, settings)
    # A shared slug is Pelican's own way of linking translations; keep it as the fallback key.
    metadata["key_given"] = "translation_key" in metadata
    if metadata.get("translation_of"):
        metadata["translation"] = "true"  # Pelican's mark: not the group's original, whatever its language
    metadata.setdefault("translation_key", metadata["slug"])
    if metadata.get("updated"):
        metadata["modified"] = metadata["updated"]
    if metadata.get("feature_image"):
        metadata["feature_image"]["src"] = resolve_upload(metadata["feature_image"]["src"], settings)


def complete_page(metadata, path, key_lines, settings):
    if not metadata.get("title"):
        raise no_title("page", key_lines)
    metadata.setdefault("translation_key", f"page:{metadata.get('slug') or slug_from_name(path)}")
    # Pelican would make the slug of the title itself; made here, it is checked like an update's.
    metadata["slug"] = slug_for(metadata, metadata.get("slug") or metadata["title"], path, key_lines, settings)


def no_title(kind, key_lines):
    if "title" in key_lines:
        # `title: Null`, `title: ~` or `title:` alone: YAML reads no value.
        return findings.ContentError(
            "E-REQUIRED",
            key_lines["title"],
            f"the {kind}'s `title` is empty (YAML reads `Null`, `~` and nothing at all as no value)",
            "write the title, between quotes if it is one of those words",
        )
    return findings.ContentError(
        "E-REQUIRED", 2, f"the {kind}'s `title` is missing", "add `title: A headline` to the front matter"
    )


def complete_date(metadata, path, key_lines, settings):
    """An update without `date` takes the archive's `created`, or the date its Jekyll file name starts with."""
    created = metadata.pop("created", None)
    if "date" in metadata:
        return
    jekyll = JEKYLL_NAME.match(os.path.splitext(os.path.basename(path))[0])
    if created:
        metadata["date"] = created
    elif jekyll:
        try:
            metadata["date"] = coerce.date(jekyll.group(1), None, coerce.zone_of(settings))
        except coerce.BadValue as bad:
            raise findings.ContentError(
                "E-DATE",
                0,
                f"the date the file name starts with: {bad.message}",
                "rename the file, or add `date: 2024-05-01T09:00:00Z`",
            ) from None
    else:
        raise findings.ContentError(
            "E-REQUIRED",
            key_lines.get("title", 2),
            "the update has no `date`",
            "add `date: 2024-05-01T09:00:00Z` to the front matter",
        )


def slug_for(metadata, wanted, path, key_lines, settings):
    """The URL slug of `wanted` (else of the title); an error when none can be made or it is too long for a file
    name."""
    slug = urls.slugify(settings, wanted) or urls.slugify(settings, metadata["title"])
    line = key_lines.get("slug", 0)
    if not slug:
        raise findings.ContentError(
            "E-SLUG",
            line or key_lines.get("title", 2),
            "no URL slug can be made from the file name or the title",
            "add `slug: words-of-the-title`",
        )
    if len(slug.encode("utf-8")) > urls.MAX_SLUG_BYTES:
        raise findings.ContentError(
            "E-SLUG",
            line,
            f"the URL slug has {len(slug.encode('utf-8'))} bytes, more than "
            f"a web address part may ({urls.MAX_SLUG_BYTES})",
            "add a shorter `slug:`, or give the file a shorter name",
        )
    return slug


def from_folder(path, settings):
    """`es` for updates/es/name.md."""
    parts = path.replace(os.sep, "/").split("/")
    return parts[1] if len(parts) > 2 and parts[1] in settings["LANGUAGES"] else None


def update_lang(metadata, path, key_lines, settings):
    languages = settings["LANGUAGES"]
    folder = path.replace(os.sep, "/").split("/")[1:-1]
    if folder and folder[0] not in languages and looks_like_language(folder[0]):
        findings.report(
            settings,
            findings.ERROR,
            "E-LANG",
            path,
            0,
            f"the folder updates/{folder[0]}/ is not one of the site's languages ({', '.join(languages)})",
            f"move the file into updates/{folder[0].lower()}/"
            if folder[0].lower() in languages
            else "move the file into the folder of its language, or add the language to LANGUAGES",
        )
    return offered_lang(metadata.get("lang") or from_folder(path, settings), path, key_lines, settings)


def offered_lang(stated, path, key_lines, settings):
    """The stated language (else the default) when the site offers it; else E-LANG, and the default."""
    lang = (stated or settings["DEFAULT_LANG"]).lower()
    if lang not in settings["LANGUAGES"]:
        findings.report(
            settings,
            findings.ERROR,
            "E-LANG",
            path,
            key_lines.get("lang", 0),
            f"language {lang!r} is not one of the site's languages",
            f"use one of: {', '.join(settings['LANGUAGES'])}",
        )
        return settings["DEFAULT_LANG"]
    return lang


@functools.lru_cache(maxsize=256)
def looks_like_language(name):
    """Whether a folder's name reads as a language code (`xx`, `ES`, `pt-BR`, `fil`), not a folder of its own
    (`archive`)."""
    if LANGUAGE_TAG.match(name):
        base = re.split("[-_]", name)[0].lower()
        return len(base) == 2 or base in babel.Locale("en").languages
    return False


def resolve_upload(src, settings):
    """An archive /uploads/ path absent from content/ points at the old site instead."""
    base = settings["LEGACY_UPLOADS_URL"].rstrip("/")
    if not base or not src.startswith("/uploads/"):
        return src
    local = urls.content_file(settings, src)
    # Only a file in content/uploads/ is one: `/uploads/../../etc/hostname` must not tell whether a file of the
    # machine exists.
    inside = local.startswith(os.path.normpath(os.path.join(settings["PATH"], "uploads")) + os.sep)
    return src if inside and os.path.isfile(local) else base + src


def resolve_legacy_uploads(body, settings):
    if not settings["LEGACY_UPLOADS_URL"] or "/uploads/" not in body:
        return body
    return LEGACY_UPLOAD.sub(lambda m: m.group(1) + resolve_upload(m.group(2), settings), body)


def add_category(generator, metadata):
    """Pelican's draft writer needs a category even when category pages are off.

    Added here, not by the reader: a Category holds the settings, which the reader cache cannot store.
    """
    metadata.setdefault("category", Category(generator.settings["DEFAULT_CATEGORY"], generator.settings))


def drop_category_list(generator):
    """Without category pages (CATEGORY_SAVE_AS empty), Pelican's list of categories would only make it sort
    every update into the one category, a quadratic step of every build."""
    if generator.settings["CATEGORY_SAVE_AS"]:
        return
    generator.categories = []
    generator.context["categories"] = []


def add_reader(readers):
    for extension in readers.settings["FRONT_MATTER_EXTENSIONS"]:
        readers.reader_classes[extension] = FrontMatterReader
    FrontMatterReader.file_extensions = list(readers.settings["FRONT_MATTER_EXTENSIONS"])


SIGNAL_HANDLERS = {
    signals.initialized: (apply_defaults, cache.place),
    signals.get_generators: state.new_run,
    signals.readers_init: add_reader,
    signals.generator_init: language.prepare,
    signals.article_generator_context: (cache.replay, add_category),
    signals.page_generator_context: cache.replay,
    signals.article_generator_finalized: drop_category_list,
    signals.page_generator_finalized: inventory.keep_listed_static_links,
    signals.static_generator_finalized: inventory.keep_listed_static_files,
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
