"""Generated front matter never crashes a build, and every finding names its file."""

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
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                    st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(["2021-12-02", "Rub√©n", "{filename}x.md",
                                                                           "http://x/y.png", "", "  ", "~"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=6)
YAML_EDGES = st.sampled_from(["title: [unclosed", "date: !!python/object:os.system x", "\ttitle: tab", "title: 'quote",
                              "? complex key", "&a x: *a", "title: T\ntitle: again", "- a list", "---", ":", "%YAML 9"])
BODIES = st.text(max_size=80) | st.sampled_from(["[x](/updates/nowhere/)", "Itâ€™s", "<script>x</script>", ""])


@st.composite
def documents(draw):
    if draw(st.booleans()):
        front = yaml.safe_dump(draw(st.dictionaries(KEYS, VALUES, max_size=6)), allow_unicode=True)
    else:
        front = "\n".join(draw(st.lists(YAML_EDGES | st.text(max_size=20), max_size=4)))
    return f"---\n{front}\n---\n{draw(BODIES)}\n"


NAMES = st.sampled_from(["updates/en/a.md", "updates/es/b.md", "updates/2017-06-09-c.markdown", "updates/x y.md",
                         "pages/p.md", "people/p.md", "partners/o.md"])


# FUZZ_EXAMPLES=2000 for a long run; CI keeps it short.
@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 30)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
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
    # Pelican logs, and skips, a file whose reading raised: that is a crash too.
    assert crashes.messages == []
    assert all(finding.path in files for finding in site.findings), [str(f) for f in site.findings]


class Crashes(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())
