"""`./dev import-jekyll SRC`: the hub's Jekyll archive, rewritten in the project's clean schema.

Posts are read exactly as the build reads them (one Pelican run over a scratch
copy, with the destination's people and partners), so the decisions the build
makes across files are the ones written down: the language a Spanish post gets
from its English sibling's link, the translation key shared by both, the
newest of duplicate copies. Each post is then written to
content/updates/<lang>/<slug>.md with clean keys, repaired text, an explicit
date and translation key, and its old `permalink` as an alias.
"""

import contextlib
import io
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator

from front_matter import schema
from hubcore import findings, mojibake, source_scan, updates
from validation import check

from . import ROOT
from .content import dump, iso, read, site_settings

SUFFIXES = {".md", ".markdown"}
# Findings that need an editor after the import, and what to tell them.
NEEDS_A_HUMAN = {"NO-ENTRY", "IMAGE-ALT", "IMAGE-INSECURE", "LINK", "SUMMARY-LONG", "UNKNOWN-KEY"}


@dataclass
class Imported:
    source: str
    target: str = ""
    changes: list = field(default_factory=list)
    needs_a_human: list = field(default_factory=list)
    status: str = "imported"  # imported, exists, merged (into a newer copy), refused (an error says why), unreadable


def import_posts(source_dir, content_dir, force=False, progress=print):
    """Import every post under `source_dir` into `content_dir`; returns one Imported per post."""
    posts = sorted(p for p in Path(source_dir).rglob("*") if p.suffix in SUFFIXES and p.is_file())
    with tempfile.TemporaryDirectory() as scratch:
        staged = Path(scratch) / "content"
        for folder in ("people", "partners", "working-groups", "projects"):
            if (Path(content_dir) / folder).is_dir():
                shutil.copytree(Path(content_dir) / folder, staged / folder)
        names = {}
        for post in posts:
            name = post.relative_to(source_dir).as_posix()
            names[f"updates/{name}"] = post
            (staged / "updates" / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(post, staged / "updates" / name)
        documents, found = read_as_the_build_does(staged, Path(scratch) / "output")
        settings = site_settings(staged)
        results = []
        for number, (relative, post) in enumerate(names.items(), start=1):
            result = Imported(source=str(post))
            notes = [f for f in found if f.path == relative]
            document = documents.get(relative)
            if document is None:
                not_imported(result, notes, names)
            else:
                write(document, staged / relative, content_dir, settings, force, result)
                result.needs_a_human = [f for f in notes if f.code[2:] in NEEDS_A_HUMAN]
            progress(
                f"[{number}/{len(names)}] {relative.removeprefix('updates/')}: {result.status}"
                + (f" -> {result.target}" if result.target else "")
            )
            results.append(result)
    return results


# Bytes that are no text: the only posts the importer cannot read.
UNREADABLE = {"E-ENCODING", "E-BINARY"}


def not_imported(result, notes, names):
    """Why a post has no update: it is an older copy of another, its bytes are no text, or an error says why."""
    merged = next((f for f in notes if f.code == "W-DUPLICATE-POST"), None)
    errors = [f for f in notes if f.severity == findings.ERROR]
    if merged:
        result.status = "merged"
        newer = merged.message.removeprefix("an older copy of ").split(" (same title")[0]  # duplicates.merge_copies
        result.changes = [f"merged into {names.get(newer, newer)}, its newer copy (same title, summary and text)"]
    elif any(f.code in UNREADABLE for f in errors):
        result.status = "unreadable"
        result.changes = [f"{f.code}: {f.message}" for f in errors]
    else:
        result.status = "refused"
        result.changes = [f"refused, because line {f.line}: {f.message} ({f.code}; fix: {f.hint})" for f in errors]


def read_as_the_build_does(content, output):
    """{source path: the update as the build finally sees it}, and the build's findings."""
    settings = check.check_settings(
        ROOT / "pelicanconf.py",
        PATH=str(content),
        OUTPUT_PATH=str(output),
        CACHE_PATH=str(output / "cache"),
        STRICT_CONTENT=False,
    )
    documents = {}

    def grab(generators):
        articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
        documents.update((doc.relative_source_path, doc) for doc in updates.every_status(articles))

    signals.all_generators_finalized.connect(grab)
    try:
        with check.quiet(), contextlib.redirect_stdout(io.StringIO()):  # this job prints its own report
            Pelican(settings).run()
    finally:
        signals.all_generators_finalized.disconnect(grab)
    return documents, findings.collected(settings)


def write(document, source, content_dir, settings, force, result):
    raw, metadata, legacy, body, _ = read(source, settings)
    final = document.metadata
    clean = {
        key: metadata[key]
        for key in ("title", "updated", "summary", "working_groups", "projects", "countries", "feature_image")
        if metadata.get(key)
    }
    clean.update({key: final[key] for key in ("persons", "partners", "tags") if final.get(key)})
    clean["date"] = iso(document.date)
    clean["translation_key"] = document.translation_key
    if document.status == "draft":
        clean["status"] = "draft"
    if clean.get("updated"):
        clean["updated"] = iso(clean["updated"])
    if clean.get("feature_image"):
        clean["feature_image"] = {k: v for k, v in clean["feature_image"].items() if v}
    aliases = updates.old_addresses(document)  # with those of older copies it replaces
    if aliases:
        clean["aliases"] = sorted({"/" + old.strip("/") + "/" for old in aliases})
    repaired_body = source_scan.unescaped(mojibake.repair(body)) if legacy else body
    result.changes = describe(raw, metadata, final, document, body, repaired_body, settings)
    target = Path(content_dir) / "updates" / document.lang / f"{document.slug}.md"
    result.target = str(target)
    if target.exists() and not force:
        result.status = "exists"
        result.changes.append("not written: the file exists (--force replaces it)")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dump(clean, repaired_body), encoding="utf-8")


def describe(raw, metadata, final, document, body, repaired_body, settings):
    """What the import changed in one post, for the editor reading the report."""
    changes = renamed_keys(raw)
    if "permalink" in raw:
        changes.append("`permalink` -> `aliases` (the old URL will redirect)")
    if "date" not in raw:
        changes.append("date from " + ("`created`" if "created" in raw else "the file name"))
    if raw.get("published") is False:
        changes.append("`published: false` -> `status: draft`")
    if not final.get("lang_given"):
        changes.append(language_note(document, final.get("lang_detected") or [None, 0.0], settings))
    repaired = sum(a != b for a, b in zip(body.split("\n"), repaired_body.split("\n")))
    repaired += sum(1 for key, value in raw.items() if isinstance(value, str) and mojibake.repair(value) != value)
    if repaired:
        changes.append(f"mojibake repaired on {repaired} line(s)")
    if final.get("partners_inferred"):
        changes.append(f"partners {final['partners']} from its title or its links: confirm them")
    changes.append(f"translation key {document.translation_key!r}")
    return changes


def renamed_keys(raw):
    """The archive's keys the clean schema spells otherwise, and those it drops."""
    changes = []
    for key in raw:
        spec = schema.lookup("update", key)
        if spec is None:
            changes.append(f"dropped `{key}`")
        elif key != spec.name and spec.name not in ("permalink", "created", "published"):
            changes.append(f"`{key}` -> `{spec.name}`")
    return changes


def language_note(document, detected, settings):
    """Where the post's language came from: its text, a sibling's translation link, or nowhere."""
    told, confidence = detected
    if told == document.lang:
        return f"language {told!r}, detected from its text (confidence {confidence:.2f})"
    if told and told not in settings["LANGUAGES"]:
        return (
            f"language {told!r} detected from its text (confidence {confidence:.2f}), which the site does not "
            f"offer: kept in {document.lang!r}"
        )
    if document.lang != settings["DEFAULT_LANG"]:
        return f"language {document.lang!r}, from the translation link of its sibling"
    return f"language {document.lang!r}: the text's could not be told (confidence {confidence:.2f})"


def report(results):
    """Per post what changed, then the counts and what an editor must still do."""
    lines = []
    for result in results:
        lines.append(f"{result.source}: {result.status}" + (f" -> {result.target}" if result.target else ""))
        lines += [f"    {change}" for change in result.changes]
        lines += [f"    needs a human: line {f.line}: {f.message} (fix: {f.hint})" for f in result.needs_a_human]
    counts = Counter(result.status for result in results)
    statuses = ("imported", "exists", "merged", "refused", "unreadable")
    lines.append(f"{len(results)} posts: " + ", ".join(f"{counts[s]} {s}" for s in statuses if counts[s]))
    return "\n".join(lines + still_to_do(results))


def still_to_do(results):
    """The report's last lines: what an editor must still do, counted, and the names with no file."""
    todo = Counter(f.code[2:] for result in results for f in result.needs_a_human)
    if not todo:
        return []
    missing = sorted(
        {f.message.split(" matches")[0] for r in results for f in r.needs_a_human if f.code.endswith("NO-ENTRY")}
    )
    return [
        "Needs a human: " + ", ".join(f"{count} {TODO[code]}" for code, count in todo.most_common()),
        *(f"    {name}" for name in missing),
    ]


TODO = {
    "NO-ENTRY": "names with no file in content/ (listed below)",
    "IMAGE-ALT": "feature images without alt text",
    "IMAGE-INSECURE": "feature images over http",
    "LINK": "links to updates that do not exist",
    "SUMMARY-LONG": "summaries too long for lists and feeds",
    "UNKNOWN-KEY": "unknown keys (dropped)",
}
