"""docs/editing.md explains every message the checks can print."""

import re

from conftest import ROOT

GUIDE = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
SOURCES = [p for p in (ROOT / "plugins").rglob("*.py") if "tests" not in p.parts]


def emitted_codes():
    codes = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'"([EWI]-[A-Z][A-Z-]+)"', text))
        for stem in re.findall(r'lenient\((?:[^()"]|"[^"]*"|\([^()]*\))*?"([A-Z][A-Z-]+)"', text):
            codes |= {f"E-{stem}", f"W-{stem}"}
    return codes


def test_every_message_code_is_explained():
    codes = emitted_codes()
    assert {"E-YAML", "W-NO-ENTRY", "E-MOJIBAKE", "W-MOJIBAKE", "E-LINK"} <= codes
    missing = sorted(code for code in codes if f"`{code}`" not in GUIDE)
    assert missing == [], f"add these to docs/editing.md: {missing}"


def test_the_commands_it_teaches_are_real_tasks():
    from invoke import Collection

    import tasks

    names = set(Collection.from_module(tasks).task_names)
    taught = set(re.findall(r"\./dev ([a-z][a-z0-9-]*)", GUIDE))
    assert taught and taught <= names, taught - names
