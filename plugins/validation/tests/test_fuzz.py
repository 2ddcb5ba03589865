"""Generated front matter never crashes a build, loses no file silently, and every finding names its file."""

import datetime as dt
import logging
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_pelican, write_files
from front_matter import schema

KEYS = st.sampled_from(schema.known_keys("update") + ["Feature Image", "Person", "Summary Text", "Feautre Image"])
EVERY_KEY = st.sampled_from(sorted({key for kind in schema.SCHEMAS for key in schema.known_keys(kind)}))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(["2021-12-02", "Rub√©n", "{filename}x.md", "http://x/y.png", "", "  ", "~"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6,
)
YAML_EDGES = st.sampled_from(
    [
        "title: [unclosed",
        "date: !!python/object:os.system x",
        "\ttitle: tab",
        "title: 'quote",
        "? complex key",
        "&a x: *a",
        "title: T\ntitle: again",
        "- a list",
        "---",
        ":",
        "%YAML 9",
    ]
)
BODIES = st.text(max_size=80) | st.sampled_from(
    [
        "[x](/updates/nowhere/)",
        "Itâ€™s",
        "<script>x</script>",
        "",
        '<iframe src="https://evil.example\\@www.youtube.com/"></iframe>',
        "    " * 60 + "- deep",
        "{static}../../x",
    ]
)
# Scalars as an editor types them, raw: YAML decides their type. Dates right and wrong, addresses, names, nested
# lists and mappings, tags, anchors, control characters, long text.
RAW_SCALARS = st.sampled_from(
    [
        "2021-12-02",
        "2021-12-02T15:46:00Z",
        "2017-06-09 11:12:52 Z",
        "2021-02-30",
        "0000-00-00",
        "2021-01-01 25:00:00",
        "March",
        "2023-02-03 10:00 PST",
        "2023-02-03aT10:00:00Z",
        "1497006772",
        "-1",
        "1e400",
        ".inf",
        ".nan",
        "0x1F",
        "~",
        "null",
        "yes",
        "no",
        "'2021-12-02'",
        '"\\x0b"',
        '"a\\0b"',
        '"\\ud800"',
        "/images/a%00.jpg",
        "https://evil.example\\@x/",
        "javascript:alert(1)",
        "' JaVaScRiPt:x'",
        "//cdn.example/x.png",
        "../../etc/passwd",
        "{static}../../x",
        "/theme/css/site.css",
        "[[[[x]]]]",
        "[a, [b, c]]",
        "{src: x, alt: [y]}",
        "{src: {src: x}}",
        "{en: A, es: [B]}",
        "[]",
        "{}",
        "''",
        "!!binary aGk=",
        "!!int abc",
        "!!set {a, b}",
        "!!str 2021-12-02",
        "!!timestamp 2021-02-30",
        "&a [*a]",
        "'!!!'",
        "x" * 300,
        "Rub√©n Mart√≠n",
        "|\n  multi\n  line",
        ">-\n  folded",
        "[a, b",
        "{a: 1",
        "'unclosed",
        "a: b",
        "- a\n- b",
    ]
) | st.text(max_size=40).map(lambda t: yaml.safe_dump(t, allow_unicode=True).removesuffix("\n...\n").strip())


@st.composite
def raw_front_matter(draw):
    """Lines `key: <raw scalar>`, any key of any schema: the YAML an editor writes by hand."""
    lines = [f"{draw(EVERY_KEY)}: {draw(RAW_SCALARS)}" for _ in range(draw(st.integers(1, 6)))]
    if draw(st.booleans()):
        lines.insert(0, "title: T\ndate: 2021-01-01")
    return "\n".join(lines)


@st.composite
def documents(draw):
    kind = draw(st.sampled_from(["values", "raw", "edges"]))
    if kind == "values":
        front = yaml.safe_dump(draw(st.dictionaries(KEYS, VALUES, max_size=6)), allow_unicode=True)
    elif kind == "raw":
        front = draw(raw_front_matter())
    else:
        front = "\n".join(draw(st.lists(YAML_EDGES | st.text(max_size=20), max_size=4)))
    return f"---\n{front}\n---\n{draw(BODIES)}\n"


NAMES = st.sampled_from(
    [
        "updates/en/a.md",
        "updates/es/b.md",
        "updates/2017-06-09-c.markdown",
        "updates/x y.md",
        "pages/p.md",
        "people/p.md",
        "partners/o.md",
    ]
)


# FUZZ_EXAMPLES=2000 for a long run; CI keeps it short.
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 30)), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.dictionaries(NAMES, documents(), min_size=1, max_size=4))
def test_any_front_matter_builds_and_every_finding_names_its_file(files):
    crashes = Crashes()
    logging.getLogger("pelican").addHandler(crashes)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch)
            write_files(root / "content", files)
            site = run_pelican(root / "content", root / "output")
    finally:
        logging.getLogger("pelican").removeHandler(crashes)
    # Pelican logs, and skips, a file whose reading raised: that is a crash too. So is the reader's last resort
    # (E-UNREADABLE), and a file lost with no finding of its own (E-NOT-PUBLISHED: every name here is read).
    assert crashes.messages == []
    assert all(finding.path in files for finding in site.findings), [str(f) for f in site.findings]
    assert not {"E-UNREADABLE", "E-NOT-PUBLISHED"} & set(site.codes()), [str(f) for f in site.findings]


class Crashes(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())
