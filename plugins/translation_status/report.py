"""Which updates exist in which language, which are missing, which are outdated.

A plain-data report (it is also written as JSON), so the editors' page, the
`invoke translations-status` task and the tests read the same thing.
"""

from collections import defaultdict

from hubcore import updates


def outdated(original, translation):
    """Whether the original's text changed after the translation was made.

    The translation's `original_hash` is compared when recorded; otherwise an
    original `updated` after the translation's own date (or `updated`) counts.
    """
    recorded = translation.metadata.get("original_hash")
    if recorded:
        return recorded != original.metadata["text_hash"]
    changed = getattr(original, "modified", None)
    return bool(changed and changed > (getattr(translation, "modified", None) or translation.date))


def build(documents, settings):
    """Each group's versions, and each language's coverage: its share of the updates first written in another
    language (an original may be in any language)."""
    default = settings["DEFAULT_LANG"]
    groups = defaultdict(dict)
    for doc in documents:
        groups[doc.translation_key].setdefault(doc.lang, doc)
    rows = [row(key, versions, settings) for key, versions in groups.items()]
    rows.sort(key=lambda row: (row["date"], row["key"]), reverse=True)
    coverage = {}
    for lang in settings["LANGUAGES"]:
        wanted = [row for row in rows if row["original_lang"] != lang]
        coverage[lang] = {
            "translated": sum(lang in row["versions"] for row in wanted),
            "outdated": sum(row["versions"].get(lang, {}).get("outdated", False) for row in wanted),
            "total": len(wanted),
        }
    return {"default_lang": default, "coverage": coverage, "updates": rows}


def row(key, versions, settings):
    # A group of translations alone (TRANSLATIONS_ALLOW_ORPHANS) is led by its first language.
    original = updates.original_of(versions.values(), settings["DEFAULT_LANG"]) or versions[min(versions)]
    return {
        "key": key,
        "title": original.title,
        "date": original.date.date().isoformat(),
        "original_lang": original.lang,
        "original_hash": original.metadata["text_hash"],
        "versions": {
            lang: {
                "url": doc.url,
                "source": doc.relative_source_path,
                "outdated": doc is not original and outdated(original, doc),
            }
            for lang, doc in sorted(versions.items())
        },
        "missing": [lang for lang in settings["LANGUAGES"] if lang not in versions],
    }


def bar(done, total, width=20):
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def as_text(report):
    """The report for a terminal: a bar per language, then what each update lacks."""
    lines = [
        f"Translations of the {len(report['updates'])} updates, each language counted against those first "
        "written in another:"
    ]
    for lang, counts in report["coverage"].items():
        done, total = counts["translated"], counts["total"]
        share = f"{100 * done / total:3.0f} %" if total else "  - "
        lines.append(f"  {lang}  {bar(done, total)}  {done:>4}/{total:<4} {share}  ({counts['outdated']} outdated)")
    lines.append("")
    for entry in report["updates"]:
        stale = [lang for lang, version in entry["versions"].items() if version["outdated"]]
        if not (entry["missing"] or stale):
            continue
        lead = entry["versions"][entry["original_lang"]]
        lines.append(f"{lead['source']}  ({entry['title']}; original in {entry['original_lang']!r})")
        if entry["missing"]:
            lines.append(f"    missing: {', '.join(entry['missing'])}")
        for lang in stale:
            lines.append(
                f"    outdated: {lang} ({entry['versions'][lang]['source']}); once updated, set "
                f"`original_hash: {entry['original_hash']}`"
            )
    return "\n".join(lines) + "\n"
