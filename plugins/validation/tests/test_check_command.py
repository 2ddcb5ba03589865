"""`./dev check`: the same findings as a build, nothing written, in three formats."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT, demo_and_archive, run_pelican, site_settings, write_files
from hubcore import state
from validation import check

BROKEN = {
    "updates/en/a.md": "---\ntitle: A\ndate: 2999-01-01\n---\nText.\n",
    "updates/en/b.md": "---\ntitle: B\ndate: 2020-01-01\nFeautre Image: x.png\n---\nItâ€™s here.\n",
}


def run_check(tmp_path, files, fmt, **options):
    write_files(tmp_path / "content", files)
    overrides = site_settings(tmp_path / "content", tmp_path / "unused")
    return check.run(
        ROOT / "pelicanconf.py", fmt, **options, **{k: v for k, v in overrides.items() if k != "OUTPUT_PATH"}
    )


def check_command(content, fmt="human"):
    """`./dev check` of a test site, in a process of its own as it runs: Pelican connects a plugin's handlers for
    good, so in the test's process the plugins of any build before would all still run."""
    overrides = {k: v for k, v in site_settings(content, content.parent / "unused").items() if k != "OUTPUT_PATH"}
    return [
        sys.executable,
        "-c",
        "import sys; sys.path.insert(0, 'plugins'); from validation import check; "
        f"check.run('pelicanconf.py', {fmt!r}, **{overrides!r})",
    ]


def test_errors_exit_with_status_one_and_json_lists_them(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        run_check(tmp_path, BROKEN, "json")
    assert stopped.value.code == 1
    report = json.loads(capsys.readouterr().out)
    assert [(f["file"].rsplit("content/", 1)[1], f["line"], f["code"]) for f in report["findings"]] == [
        ("updates/en/a.md", 3, "E-FUTURE-DATE"),
        ("updates/en/b.md", 4, "W-UNKNOWN-KEY"),
        ("updates/en/b.md", 6, "E-MOJIBAKE"),
    ]
    assert report["summary"] == "Content check: 2 error(s), 1 warning(s) in 2 file(s)."


def test_github_format_annotates_file_and_line(tmp_path, capsys):
    with pytest.raises(SystemExit):
        run_check(tmp_path, BROKEN, "github")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::error file=") and lines[0].endswith(
        "content/updates/en/a.md,line=3,title=E-FUTURE-DATE::the date 2999-01-01 is in the future, so the update "
        "stays unpublished until then (fix: fix the date, or add `status: scheduled` if that is the intent)"
    )
    assert lines[1].startswith("::warning file=") and ",line=4,title=W-UNKNOWN-KEY::" in lines[1]


def test_clean_content_passes_and_warnings_fail_only_when_asked(tmp_path, capsys):
    files = {"updates/en/b.md": BROKEN["updates/en/b.md"].replace("Itâ€™s", "It’s")}
    run_check(tmp_path, files, "human")
    out = capsys.readouterr().out
    assert "line 4: warning W-UNKNOWN-KEY: unknown front-matter key 'Feautre Image' is ignored" in out
    assert "fix: did you mean 'Feature Image'?" in out
    with pytest.raises(SystemExit):
        run_check(tmp_path, files, "human", fail_on_warnings=True)


def test_check_mode_renders_and_writes_no_page(build_site, tmp_path):
    site = build_site(BROKEN, HUB_CHECK_ONLY=True)
    assert sorted(site.codes()) == ["E-FUTURE-DATE", "E-MOJIBAKE", "W-UNKNOWN-KEY"]
    assert list((tmp_path / "output").rglob("*.html")) == []


def test_a_second_check_reads_only_changed_files_and_reports_the_same(tmp_path, capsys):
    files = {**BROKEN, "updates/en/c.md": "---\ntitle: C\ndate: 2020-01-02\n---\nClean.\n"}
    reports = []
    for _ in range(2):
        with pytest.raises(SystemExit):
            run_check(tmp_path, files, "json")
        reports.append(capsys.readouterr().out)
    assert reports[0] == reports[1] and "W-UNKNOWN-KEY" in reports[1]  # a finding of reading, from the cache
    write_files(tmp_path / "content", {"updates/en/c.md": files["updates/en/c.md"].replace("Clean.", "Still clean.")})
    for name in ("a.md", "b.md"):
        (tmp_path / "content/updates/en" / name).unlink()
    settings = run_check(tmp_path, {}, "json")
    assert json.loads(capsys.readouterr().out)["findings"] == []
    assert {path.rsplit("/", 1)[-1] for path in state.of(settings).fresh_reads} == {"c.md"}


# Problems only the whole site shows: a slug taken twice, a page on a site URL, dead links, unknown people,
# translations without their original, an old address that is no path.
CROSS_DOCUMENT = {
    **BROKEN,
    "updates/en/twice.md": "---\ntitle: Twice\ndate: 2020-01-01\nslug: chatmap-turns-whatsapp-chats-into-maps\n---\n",
    "pages/archives.md": "---\ntitle: Archives\n---\nx\n",
    "updates/en/links.md": (
        "---\ntitle: Links\ndate: 2020-01-01\npersons: [Nobody Known]\n"
        "aliases: ['https://elsewhere.example/x']\n---\n"
        "[a](/updates/nowhere/) [b]({filename}nope.md)\n"
        "*[Versión en español](/updates/no-such-update/)*\n"
    ),
    "updates/es/huerfana.md": (
        "---\ntitle: Huérfana\ndate: 2020-01-01\ntranslation_key: no-original\n"
        "translation_of: updates/en/gone.md\n---\nTexto.\n"
    ),
    "updates/en/twins.md": "---\ntitle: Tw\ndate: 2020-01-01\ntranslation_key: twins\n---\n",
    "updates/en/twins-2.md": "---\ntitle: Tw 2\ndate: 2020-01-02\ntranslation_key: twins\n---\n",
    **{
        f"updates/{date}-maps.md": f"---\ntitle: Maps\ndate: {date}\npermalink: updates/{date}_maps\n---\nCopy.\n"
        for date in ("2010-11-17", "2010-11-20")
    },
}
# Texts whose HTML decides a finding, which a check renders as a build does (front_matter/parse.py).
RENDERED_BY_A_CHECK = {
    # Files beside an update, published only when its HTML links them.
    "updates/en/beside.md": (
        "---\ntitle: Beside\ndate: 2020-01-01\n---\n![The map]({static}/updates/en/beside.png)\n\n"
        "The [plan][p], and `{static}/updates/en/in-code.png` in code: no link.\n\n[p]: {attach}plan.pdf\n"
    ),
    "updates/en/beside.png": b"\x89PNG\r\n\x1a\n",
    "updates/en/plan.pdf": b"%PDF-1.4\n",
    "updates/en/in-code.png": b"\x89PNG\r\n\x1a\n",
    # The same link with its letters written as HTML entities, which the sanitizer decodes.
    "updates/en/entities.md": (
        "---\ntitle: Entities\ndate: 2020-01-01\n---\n![The map](&#123;st&#97;tic&#125;/updates/en/entities.png)\n"
    ),
    "updates/en/entities.png": b"\x89PNG\r\n\x1a\n",
    # A run of definitions, and HTML elements read as Markdown, which Markdown reads one level deeper each.
    "updates/en/terms.md": "---\ntitle: Terms\ndate: 2020-01-01\n---\n" + "a\n: b\n" * 600,
    "updates/en/divs.md": "---\ntitle: Divs\ndate: 2020-01-01\n---\n" + "<div markdown>\n" * 370 + "</div>\n" * 370,
    # Summaries whose length or emptiness is their HTML's, not their text's.
    **{
        f"updates/en/summary-{name}.md": f"---\ntitle: S\ndate: 2020-01-01\nsummary: '{summary}'\n---\nBody.\n"
        for name, summary in {
            "link": f"A [short](https://example.org/{'x' * 300}) text.",
            "autolink": f"See <https://example.org/{'y' * 300}>",
            "reference": "[x]: /y",
            "script": "<script>alert(1)</script>",
        }.items()
    },
}


def test_a_check_reports_exactly_what_a_build_of_the_same_content_reports(tmp_path, capsys):
    """A check leaves out the plugins that only render, reads the scans the reader cached, and renders few texts:
    the project's content, the archive sample, every kind of cross-document problem and the texts whose HTML
    decides a finding must give the build's findings."""
    content = demo_and_archive(tmp_path)
    write_files(content, {**CROSS_DOCUMENT, **RENDERED_BY_A_CHECK})
    built = {(f.path, f.line, f.code, f.message) for f in run_pelican(content, tmp_path / "output").findings}
    capsys.readouterr()  # the build's own report
    for _ in range(2):  # the second check takes every file from its reader cache
        done = subprocess.run(check_command(content, "json"), cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 1, done.stderr
        checked = {
            (f["file"].rsplit("content/", 1)[1], f["line"], f["code"], f["message"])
            for f in json.loads(done.stdout)["findings"]
        }
        assert checked == built
    unpublished = {path for path, _, code, _ in built if code == "E-NOT-PUBLISHED"}
    assert "updates/en/in-code.png" in unpublished  # named in code, not linked
    assert not {"updates/en/beside.png", "updates/en/plan.pdf", "updates/en/entities.png"} & unpublished
    assert {path for path, _, code, _ in built if code == "E-NESTING"} == {"updates/en/terms.md", "updates/en/divs.md"}
    summaries = {(path, code) for path, _, code, _ in built if path.startswith("updates/en/summary-")}
    assert summaries == {
        ("updates/en/summary-autolink.md", "E-SUMMARY-LONG"),
        ("updates/en/summary-reference.md", "E-SUMMARY-EMPTY"),
        ("updates/en/summary-script.md", "E-SUMMARY-EMPTY"),
    }
    assert {code for *_, code, _ in built} >= {
        "E-DUPLICATE-SLUG",
        "E-DUPLICATE-URL",
        "E-LINK",
        "E-NO-ENTRY",
        "E-NO-ORIGINAL",
        "E-ALIAS",
        "E-TRANSLATION-LINK",
        "E-TRANSLATION-DUPLICATE",
        "E-FUTURE-DATE",
        "E-NESTING",
        "E-MOJIBAKE",
        "W-UNKNOWN-KEY",
        "W-MOJIBAKE",
        "W-DUPLICATE-POST",
    }


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path):
    """`./dev check | head`: the pipe is closed before the report is printed."""
    write_files(tmp_path / "content", BROKEN)
    process = subprocess.Popen(
        check_command(tmp_path / "content"), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait() == 1 and "Traceback" not in errors and "BrokenPipe" not in errors, errors
