"""requirements.lock pins, with hashes, exactly what requirements.txt asks for; ./dev installs only from it."""

from conftest import ROOT
from workflow.dependencies import TOOLS, TOOLS_STAMP, disagreements, locked, pins, tools_installed

REQUIREMENTS = (ROOT / "requirements.txt").read_text(encoding="utf-8")
LOCK = (ROOT / "requirements.lock").read_text(encoding="utf-8")


def test_the_lock_pins_every_requirement_at_its_version_with_hashes():
    assert disagreements(REQUIREMENTS, LOCK) == []
    assert len(locked(LOCK)) > len(pins(REQUIREMENTS))  # the indirect dependencies are locked too


def test_a_stale_or_hashless_lock_is_named():
    stale = REQUIREMENTS.replace("pelican==4.12.0", "pelican==4.13.0") + "newthing==1.0\n"
    assert disagreements(stale, LOCK) == [
        "newthing==1.0 is in requirements.txt but not in the lock",
        "pelican==4.13.0 is in requirements.txt but locked at 4.12.0",
    ]
    assert disagreements("jinja2==3.1.6\n", "jinja2==3.1.6\n    # via -r requirements.txt\n") == [
        "jinja2 has no hash in the lock"
    ]


def test_dev_installs_from_the_lock_with_hashes_only():
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    assert "--require-hashes" in dev and "-r requirements.lock" in dev and "requirements.txt" not in dev


def test_every_maintenance_tool_is_pinned_to_one_version():
    assert sorted(pins("\n".join(TOOLS))) == ["pip-audit", "pip-tools", "ruff", "zizmor"]


def test_a_tools_venv_missing_a_tool_or_holding_another_version_is_brought_up_to_tools(tmp_path):
    assert not tools_installed(tmp_path)  # made before the stamp existed
    stamp = tmp_path / TOOLS_STAMP
    stamp.write_text("pip-tools==7.6.2\npip-audit==2.10.1\n", encoding="utf-8")
    assert not tools_installed(tmp_path)  # zizmor and ruff came later
    stamp.write_text("\n".join(pin.replace("==", "==0.") for pin in TOOLS), encoding="utf-8")
    assert not tools_installed(tmp_path)
    stamp.write_text("\n".join(TOOLS) + "\n", encoding="utf-8")
    assert tools_installed(tmp_path)
