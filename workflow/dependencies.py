"""The site's dependencies: requirements.txt names what the site uses, requirements.lock pins every package
it installs, with the hashes of its files, and `./dev` installs only from the lock (`--require-hashes`).

The maintenance tools (pip-tools to write the lock, pip-audit to audit it, zizmor and ruff for `./dev lint`)
live in a venv of their own, .venv-tools/, so their dozen dependencies never enter the site's.
"""

import re
import subprocess
import sys

from . import WorkflowError

TOOLS = ("pip-tools==7.6.2", "pip-audit==2.10.1", "zizmor==1.32.0", "ruff==0.17.6")
# What the tools venv was last given, one pin a line: TOOLS changed since means install again.
TOOLS_STAMP = "tools.txt"
# Each lint: its command, in the tools venv. zizmor offline: its online audits would need the network and a
# GitHub token, and the lint must run anywhere.
LINTERS = {
    "zizmor": ["zizmor", "--offline", ".github/workflows"],
    "ruff check": ["ruff", "check", "."],
    "ruff format": ["ruff", "format", "--check", "."],
}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", re.MULTILINE)
HASHED_PIN = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\]+)((?:\s*\\\s*--hash=sha256:[0-9a-f]{64})*)", re.MULTILINE
)


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text):
    """{package: version} of a requirements file's `name==version` lines."""
    return {canonical(name): version for name, version in PIN.findall(text)}


def locked(text):
    """{package: (version, number of hashes)} of a lock file written by pip-compile --generate-hashes."""
    return {canonical(name): (version, hashes.count("--hash=")) for name, version, hashes in HASHED_PIN.findall(text)}


def disagreements(requirements, lock):
    """What the lock gets wrong about requirements.txt: a package missing, another version, no hash."""
    wanted, have = pins(requirements), locked(lock)
    problems = [
        f"{name}=={version} is in requirements.txt but "
        + (f"locked at {have[name][0]}" if name in have else "not in the lock")
        for name, version in sorted(wanted.items())
        if have.get(name, (None,))[0] != version
    ]
    problems += [f"{name} has no hash in the lock" for name, (_, count) in sorted(have.items()) if not count]
    return problems


def tools_installed(venv):
    """Whether the tools venv holds TOOLS as they are now (a tool added or moved to another version: no)."""
    stamp = venv / TOOLS_STAMP
    return stamp.is_file() and stamp.read_text(encoding="utf-8").split() == list(TOOLS)


def tool_python(root):
    """The tools venv's python, set up on first use and brought up to TOOLS whenever they change."""
    venv = root / ".venv-tools"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    if not tools_installed(venv):
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *TOOLS], check=True
        )
        # Written only once pip succeeded, so an interrupted install is tried again.
        (venv / TOOLS_STAMP).write_text("\n".join(TOOLS) + "\n", encoding="utf-8")
    return python


def tool(root, name):
    """The path of a command installed in the tools venv (zizmor and ruff are programs, not modules)."""
    return str(tool_python(root).parent / name)


def lock(root, upgrade=False):
    """Rewrite requirements.lock from requirements.txt; pins already in the lock stay unless `upgrade`."""
    command = [
        str(tool_python(root)),
        "-m",
        "piptools",
        "compile",
        "--quiet",
        "--generate-hashes",
        "--allow-unsafe",
        "--strip-extras",
        "--no-emit-index-url",
        "--no-emit-find-links",
        "--output-file=requirements.lock",
        "requirements.txt",
        *(["--upgrade"] if upgrade else []),
    ]
    if subprocess.run(command, cwd=root).returncode:
        raise WorkflowError("pip-compile could not write requirements.lock (see above)")


def audit(root, strict=False):
    """pip-audit the lock against the known vulnerabilities; `strict` also fails when a package could not be
    looked up (the vulnerability service unreachable)."""
    command = [
        str(tool_python(root)),
        "-m",
        "pip_audit",
        "--requirement",
        "requirements.lock",
        "--require-hashes",
        "--disable-pip",
        "--progress-spinner",
        "off",
        *(["--strict"] if strict else []),
    ]
    if subprocess.run(command, cwd=root).returncode:
        raise WorkflowError("pip-audit found a vulnerable package or could not audit (see above)")


def lint(root):
    """zizmor on the GitHub workflows, ruff's checks and format on the Python code; all run, so one pass shows every
    finding."""
    failed = [
        name
        for name, (program, *args) in LINTERS.items()
        if subprocess.run([tool(root, program), *args], cwd=root).returncode
    ]
    if failed:
        raise WorkflowError(" and ".join(failed) + " reported findings (see above)")
