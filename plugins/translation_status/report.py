"""Which updates exist in which language, which are missing, which are outdated.

A plain-data report (it is also written as JSON), so the editors' page, the
`invoke translations-status` task and the tests read the same thing.
"""

from collections import defaultdict


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
    default = settings["DEFAULT_LANG"]
    others = [lang for lang in settings["LANGUAGES"] if lang != default]
    groups = defaultdict(dict)
    for doc in documents:
        groups[doc.translation_key].setdefault(doc.lang, doc)
    rows = []
    for key, versions in groups.items():
        original = versions.get(default)
        lead = original or versions[min(versions)]
        rows.append({
            "key": key,
            "title": lead.title,
            "date": lead.date.date().isoformat(),
            "original_hash": original.metadata["text_hash"] if original else None,
            "versions": {lang: {"url": doc.url, "source": doc.relative_source_path,
                                "outdated": bool(original) and lang != default and outdated(original, doc)}
                         for lang, doc in sorted(versions.items())},
            "missing": [lang for lang in settings["LANGUAGES"] if lang not in versions],
        })
    rows.sort(key=lambda row: (row["date"], row["key"]), reverse=True)
    originals = [row for row in rows if row["original_hash"]]
    coverage = {lang: {
        "translated": sum(lang in row["versions"] for row in originals),
        "outdated": sum(row["versions"].get(lang, {}).get("outdated", False) for row in originals),
        "total": len(originals),
    } for lang in others}
    return {"default_lang": default, "coverage": coverage, "updates": rows}


def bar(done, total, width=20):
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def as_text(report):
    """The report for a terminal: a bar per language, then what each update lacks."""
    default = report["default_lang"]
    total = next(iter(report["coverage"].values()), {}).get("total", 0)
    lines = [f"Translations of the {total} updates whose original is in {default!r} "
             f"({len(report['updates'])} updates in all):"]
    for lang, counts in report["coverage"].items():
        done, total = counts["translated"], counts["total"]
        share = f"{100 * done / total:3.0f} %" if total else "  - "
        lines.append(f"  {lang}  {bar(done, total)}  {done:>4}/{total:<4} {share}"
                     f"  ({counts['outdated']} outdated)")
    lines.append("")
    for row in report["updates"]:
        stale = [lang for lang, version in row["versions"].items() if version["outdated"]]
        if not (row["missing"] or stale):
            continue
        lead = row["versions"].get(default) or next(iter(row["versions"].values()))
        lines.append(f"{lead['source']}  ({row['title']})")
        if row["missing"]:
            lines.append(f"    missing: {', '.join(row['missing'])}")
        for lang in stale:
            lines.append(f"    outdated: {lang} ({row['versions'][lang]['source']}); once updated, set "
                         f"`original_hash: {row['original_hash']}`")
    return "\n".join(lines) + "\n"
