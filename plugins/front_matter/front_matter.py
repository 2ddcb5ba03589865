"""Reader for Markdown files that open with a YAML front-matter block.

One reader serves updates, pages and directory entries (people, partners...):
the folder a file sits in picks its schema. Problems are reported as findings
naming the file and line; a file that cannot be read at all is skipped, and
the rest of the site still builds.
"""

import difflib
import hashlib
import os
import re

import markdown
import yaml
from frontmatter.default_handlers import YAMLHandler
from pelican import signals
from pelican.readers import BaseReader
from pelican.urlwrappers import Category

from hubcore import findings, mojibake, plugin, source_scan, speedups, urls
from hubcore.settings import apply_defaults

from . import cache, coerce, read_ahead, sanitize, schema

JEKYLL_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-(.+)$")
LEGACY_UPLOAD = re.compile(r"""((?:src|href)=["']|\]\()(/uploads/[^"')\s]+)""")
# libyaml's safe loader when PyYAML has it (its wheels do): the same rules, several times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KEY_LINE = re.compile(r"^([^\s#:][^:]*):")


class FrontMatterReader(BaseReader):
    enabled = True
    file_extensions = []  # set from FRONT_MATTER_EXTENSIONS when readers start

    def __init__(self, settings):
        super().__init__(settings)
        config = settings.get("MARKDOWN", {})
        self._markdown = markdown.Markdown(
            extensions=list(config.get("extension_configs", {})),
            extension_configs=config.get("extension_configs", {}),
            output_format=config.get("output_format", "html5"),
        )

    def read(self, source_path):
        path = os.path.relpath(source_path, self.settings["PATH"])
        first = len(findings.collected(self.settings))
        try:
            content, metadata = self._read(source_path, path)
        except findings.ContentError as problem:
            findings.report(self.settings, findings.ERROR, problem.code, path, problem.line,
                            problem.message, problem.hint)
            content, metadata = "", {"status": "skip", "title": path}  # Pelican skips it, quietly
        except findings.AlreadyReported:
            content, metadata = "", {"status": "skip", "title": path}
        cache.remember(self.settings, path, metadata, first)
        return content, metadata

    def _read(self, source_path, path):
        text = decode(source_path, self.settings, path)
        raw, body, key_lines = split_front_matter(text)
        kind = schema_for(path, self.settings)
        metadata, legacy, rejected = normalize(raw, kind, key_lines, self.settings, path)
        metadata["text_hash"] = text_hash(metadata, body)
        metadata[source_scan.KEY] = source_scan.scan(text)
        # What all the rest of the metadata comes from, with the file's path: the same, and an edit changed only
        # the body (`./dev serve` then shows it in place: workflow/live.py).
        metadata["front_matter_hash"] = hashlib.sha256(text[: text.rfind(body)].encode("utf-8")).hexdigest()[:16]
        if legacy and self.settings["LEGACY_REPAIR_MOJIBAKE"]:
            body = mojibake.repair(body)
        body = resolve_legacy_uploads(body, self.settings)
        if kind == "update":
            if "date" in rejected:
                raise findings.AlreadyReported()  # E-TYPE said why; Pelican cannot place an undated update
            complete_update(metadata, path, key_lines, self.settings)
        elif kind == "page":
            if not metadata.get("title"):
                raise findings.ContentError("E-REQUIRED", key_lines.get("title", 2), "the page's `title` is missing or "
                                            "empty", "add `title: A title` to the front matter")
            metadata.setdefault("translation_key", f"page:{metadata.get('slug') or slug_from_name(path)}")
        if metadata.get("summary"):
            metadata["summary"] = self._render(metadata["summary"], metadata)
        metadata["source_lines"] = key_lines
        metadata["legacy_format"] = legacy
        return self._render(body, metadata), metadata

    def _render(self, text, metadata):
        if self.settings["HUB_CHECK_ONLY"]:
            return text  # `./dev check` renders no page; Markdown is most of a read's time
        self._markdown.reset()
        html = self._markdown.convert(text)
        if self.settings["SANITIZE_HTML"] and not metadata.get("raw_html"):
            html = sanitize.clean(html, self.settings)
        return html


def text_hash(metadata, body):
    """Fingerprint of what a translator translates: title, summary and body as written.

    A translation records its original's fingerprint (`original_hash`); when the
    original's text changes, the translation status report marks it outdated.
    Tags, dates and people are not translated, so changing them changes nothing.
    """
    text = "\n".join(str(metadata.get(name) or "").strip() for name in ("title", "summary")) + "\n" + body.strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def decode(source_path, settings, path):
    """The file's text; odd encodings, binaries and empty files get one clear error."""
    with open(source_path, "rb") as handle:
        data = handle.read()
    if not data.strip():
        raise findings.ContentError("E-EMPTY", 1, "the file is empty", "write front matter and text, or delete it")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise findings.ContentError("E-ENCODING", 1, "the file is UTF-16, not UTF-8",
                                    "save it again as UTF-8 in your editor")
    if b"\x00" in data[:8192]:
        raise findings.ContentError("E-BINARY", 1, "this is a binary file, not text",
                                    "images belong in content/images/ with an image extension")
    if data.startswith(b"\xef\xbb\xbf"):
        findings.report(settings, findings.WARNING, "W-BOM", path, 1, "the file starts with a byte-order mark",
                        "save it as UTF-8 without BOM")
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise findings.ContentError("E-ENCODING", data[: error.start].count(b"\n") + 1, "the file is not valid UTF-8",
                                    "save it again as UTF-8 in your editor") from None
    return text.replace("\r\n", "\n")


def split_front_matter(text):
    """(front-matter mapping, body, {folded key: line number})."""
    if not YAMLHandler.FM_BOUNDARY.match(text.split("\n", 1)[0]):
        raise findings.ContentError("E-NO-FRONT-MATTER", 1, "the file does not start with a `---` front-matter block",
                                    "begin the file with ---, the fields, then --- on its own line")
    try:
        fm_text, body = YAMLHandler().split(text)
    except ValueError:
        raise findings.ContentError("E-UNCLOSED-FRONT-MATTER", 1, "the front matter is never closed",
                                    "add a line with only --- after the last field") from None
    try:
        raw = yaml.load(fm_text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        # Where the broken construct began (an unclosed `[`) helps more than where parsing gave up.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1  # the block opens with the newline after `---`
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise findings.ContentError("E-YAML", line, f"the front matter is not valid YAML: {problem}",
                                    "check quotes and indentation; quote values that contain ': '") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise findings.ContentError("E-YAML", 2, "the front matter is not a set of `key: value` lines",
                                    "write one `key: value` per line")
    key_lines = {}
    for number, line in enumerate(fm_text.split("\n"), start=1):
        match = KEY_LINE.match(line)
        if match:
            key_lines.setdefault(schema.fold(match.group(1)), number)
    return raw, body, key_lines


def schema_for(path, settings):
    top = path.replace(os.sep, "/").split("/", 1)[0]
    if top in {spec["path"] for spec in settings["DIRECTORY_KINDS"].values() if spec["path"]}:
        return "entity"
    if top in settings["PAGE_PATHS"]:
        return "page"
    return "update"


def normalize(raw, kind, key_lines, settings, path):
    """Clean metadata from a raw front-matter mapping, whether it used legacy spellings, and the fields
    whose value was rejected (reported as E-TYPE)."""
    metadata, legacy, texts_for_lists, rejected = {}, False, [], set()
    for key, value in raw.items():
        folded = schema.fold(key)
        spec = schema.lookup(kind, key)
        line = key_lines.get(folded, 0)
        if spec is None:
            if folded in schema.IGNORED_LEGACY_KEYS:
                legacy = True
            else:
                findings.report(settings, findings.WARNING, "W-UNKNOWN-KEY", path, line,
                                f"unknown front-matter key {key!r} is ignored", likely_key(key, kind))
            continue
        legacy = legacy or spec.legacy or key != spec.name
        key_lines.setdefault(spec.name, line)
        if spec.kind == schema.LIST and isinstance(value, str):
            texts_for_lists.append((key, line))
        try:
            value = coerce.coerce(spec, value)
        except coerce.BadValue as bad:
            findings.report(settings, findings.ERROR, "E-TYPE", path, line, f"{key}: {bad.message}", bad.hint)
            rejected.add(spec.name)
            continue
        if any(sanitize.unsafe_url(url) for url in urls_in(spec, value)):
            findings.report(settings, findings.ERROR, "E-URL", path, line,
                            f"{key}: a `javascript:`, `data:` or `vbscript:` address is not allowed",
                            "use an https:// address or a path such as /images/name.jpg")
            rejected.add(spec.name)
            continue
        if spec.kind == schema.LIST and spec.name in metadata:
            # `tags` and the archive's `categories` both feed tags.
            metadata[spec.name] += [item for item in value if item not in metadata[spec.name]]
        elif spec.name in metadata:
            findings.report(settings, findings.WARNING, "W-DUPLICATE-KEY", path, line,
                            f"{key!r} repeats {spec.name!r}; the first one is used", f"remove {key!r}")
        elif value not in (None, "", [], {}):
            metadata[spec.name] = value
    if not legacy:
        # The archive wrote `Person: Nate Smith`; the clean schema asks for a list, and says so.
        for key, line in texts_for_lists:
            findings.report(settings, findings.ERROR, "E-TYPE", path, line, f"{key}: expected a list, got text",
                            f"write `{key}: [{raw[key]}]`, or one `- item` per line")
    if legacy and settings["LEGACY_REPAIR_MOJIBAKE"]:
        metadata = {key: repair(value) for key, value in metadata.items()}
    return metadata, legacy, rejected


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
    created = metadata.pop("created", None)
    if "date" not in metadata:
        stem = os.path.splitext(os.path.basename(path))[0]
        jekyll = JEKYLL_NAME.match(stem)
        if created:
            metadata["date"] = created
        elif jekyll:
            metadata["date"] = coerce.date(jekyll.group(1), None)
        else:
            raise findings.ContentError("E-REQUIRED", key_lines.get("title", 2), "the update has no `date`",
                                        "add `date: 2024-05-01T09:00:00Z` to the front matter")
    if not metadata.get("title"):
        raise findings.ContentError("E-REQUIRED", key_lines.get("title", 2), "the update's `title` is missing or empty",
                                    "add `title: A headline` to the front matter")
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
    metadata["slug"] = urls.slugify(settings, metadata.get("slug") or slug_from_name(path)) or urls.slugify(
        settings, metadata["title"])
    if not metadata["slug"]:
        raise findings.ContentError("E-SLUG", key_lines.get("slug", 2), "no URL slug can be made for this update",
                                    "add `slug: words-of-the-title`")
    # A shared slug is Pelican's own way of linking translations; keep it as the fallback key.
    metadata["key_given"] = "translation_key" in metadata
    metadata.setdefault("translation_key", metadata["slug"])
    if metadata.get("updated"):
        metadata["modified"] = metadata["updated"]
    if metadata.get("feature_image"):
        metadata["feature_image"]["src"] = resolve_upload(metadata["feature_image"]["src"], settings)


def from_folder(path, settings):
    """`es` for updates/es/name.md."""
    parts = path.replace(os.sep, "/").split("/")
    return parts[1] if len(parts) > 2 and parts[1] in settings["LANGUAGES"] else None


def update_lang(metadata, path, key_lines, settings):
    languages = settings["LANGUAGES"]
    lang = (metadata.get("lang") or from_folder(path, settings) or settings["DEFAULT_LANG"]).lower()
    if lang not in languages:
        findings.report(settings, findings.ERROR, "E-LANG", path, key_lines.get("lang", 0),
                        f"language {lang!r} is not one of the site's languages",
                        f"use one of: {', '.join(languages)}")
        return settings["DEFAULT_LANG"]
    return lang


def resolve_upload(src, settings):
    """An archive /uploads/ path absent from content/ points at the old site instead."""
    base = settings["LEGACY_UPLOADS_URL"].rstrip("/")
    if not base or not src.startswith("/uploads/"):
        return src
    return src if os.path.isfile(urls.content_file(settings, src)) else base + src


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
    every update into the one category, a quadratic step of every build (1.3 s at 10,000 updates, cProfile)."""
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
    signals.get_generators: cache.new_run,
    signals.readers_init: add_reader,
    signals.generator_init: read_ahead.read_ahead,
    signals.article_generator_context: (cache.replay, add_category),
    signals.page_generator_context: cache.replay,
    signals.article_generator_finalized: drop_category_list,
}


def register():
    plugin.connect(SIGNAL_HANDLERS)
    # The reader plugin comes first in PLUGINS: the place to speed up what every document does.
    speedups.install()
