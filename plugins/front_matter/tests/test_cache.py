"""The reader cache: a rebuild reads only changed files, yet reports every file's problems again."""

import os

from hubcore import state

FILES = {
    "updates/en/a.md": "---\ntitle: A\ndate: 2021-01-01\nFeautre Image: x\n---\nAlpha.\n",
    "updates/en/b.md": "---\ntitle: B\ndate: 2021-01-02\n---\nBeta.\n",
    "updates/en/broken.md": "---\ntitle: [unclosed\n---\n",
    "pages/about.md": "---\ntitle: About\ntypo_key: 1\n---\nUs.\n",
}


def pages(site):
    return {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*.html")}


def test_a_rebuild_reads_only_the_changed_file_and_reports_everything_again(build_site, tmp_path):
    first = build_site(FILES)
    first_findings, first_pages = sorted(map(str, first.findings)), pages(first)
    assert len(state.of(first.settings).fresh_reads) == 4 and len(first_findings) == 3

    second = build_site({})
    assert state.of(second.settings).fresh_reads == set()  # nothing read again
    assert sorted(map(str, second.findings)) == first_findings
    assert pages(second) == first_pages

    path = tmp_path / "content/updates/en/b.md"
    path.write_text(FILES["updates/en/b.md"].replace("Beta.", "Beta, edited."), encoding="utf-8")
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
    third = build_site({})
    assert state.of(third.settings).fresh_reads == {"updates/en/b.md"}
    assert "Beta, edited." in third.page("/updates/b/")
    assert sorted(map(str, third.findings)) == first_findings


def test_the_check_command_and_the_build_keep_separate_caches(build_site):
    build_site(FILES)
    site = build_site({}, HUB_CHECK_ONLY=True)  # would find HTML where it expects Markdown in a shared cache
    assert state.of(site.settings).fresh_reads == {
        "updates/en/a.md",
        "updates/en/b.md",
        "updates/en/broken.md",
        "pages/about.md",
    }


def test_a_change_of_code_or_settings_leaves_one_cache(build_site, tmp_path):
    build_site(FILES)
    (before,) = (tmp_path / "cache").glob("reader-*")
    site = build_site({}, LEGACY_REPAIR_MOJIBAKE=False)  # a setting the reader's result depends on
    assert len(state.of(site.settings).fresh_reads) == 4
    (after,) = (tmp_path / "cache").glob("reader-*")
    assert after != before and (after / "ArticlesGenerator-Readers").is_file()


def test_a_check_with_another_summary_limit_reads_the_summaries_again(build_site):
    """Whether a check renders a summary depends on the limit (front_matter/parse.py `checked_as_html`): one
    cached under another limit would be measured as its source, longer than its HTML's text."""
    summary = " ".join(["word _em_"] * 25)  # 249 characters; its HTML's text is 199
    build_site({"updates/en/a.md": f"---\ntitle: A\ndate: 2020-01-01\nsummary: '{summary}'\n---\nBody.\n"})
    build_site({}, HUB_CHECK_ONLY=True)
    checked = build_site({}, HUB_CHECK_ONLY=True, SUMMARY_MAX_CHARACTERS=200)
    built = build_site({}, SUMMARY_MAX_CHARACTERS=200)
    assert [f.code for f in checked.findings] == [f.code for f in built.findings] == []
    assert [f.code for f in build_site({}, SUMMARY_MAX_CHARACTERS=150).findings] == ["E-SUMMARY-LONG"]
