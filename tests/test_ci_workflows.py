"""The GitHub workflows run only real ./dev tasks with real options, so they can be run locally too; they are
hardened: actions pinned to commits, least privilege, no token left on disk (`./dev lint` runs zizmor on them)."""

import re
import shlex

import pytest
import yaml
from invoke import Collection

import tasks
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# Commands that set up the machine or git, not the site.
SETUP = {"sudo", "git", "apt-get"}
# `uses: owner/repo@<40-hex commit> # v1.2.3`: the commit is what runs, the comment says which release it is.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")
USES = re.compile(r"^\s*(?:- )?uses:\s*(.*?)\s*$")


def load(workflow):
    return yaml.safe_load(workflow.read_text(encoding="utf-8"))


def lines(step):
    return [shlex.split(line) for line in step.get("run", "").splitlines() if line.strip()]


def steps(workflow):
    return [step for job in load(workflow)["jobs"].values() for step in job["steps"]]


def commands(workflow):
    for step in steps(workflow):
        yield from lines(step)


def pushes(step):
    """Whether a step pushes with git: `./dev deploy` does (ghp-import), unless it only commits or copies."""
    return any(
        words[:2] == ["./dev", "deploy"] and not any(w.split("=")[0] in ("--no-push", "--folder") for w in words)
        for words in lines(step)
    )


def test_there_is_a_pull_request_and_a_deploy_workflow():
    assert {w.name for w in WORKFLOWS} == {"pull-request.yml", "deploy.yml"}
    triggers = {w.name: yaml.safe_load(w.read_text(encoding="utf-8"))[True] for w in WORKFLOWS}  # `on:` is True
    assert "pull_request" in triggers["pull-request.yml"] and triggers["deploy.yml"]["push"]["branches"] == ["main"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_every_command_is_a_real_task_with_real_options(workflow):
    collection = Collection.from_module(tasks)
    ran = []
    for words in commands(workflow):
        if words[0] in SETUP:
            continue
        assert words[0] == "./dev", words
        name, options = words[1], [w for w in words[2:] if w.startswith("--")]
        task = collection[name]
        known = {
            f"--{prefix}{name.replace('_', '-')}"
            for arg in task.get_arguments()
            for name in arg.names
            for prefix in ("", "no-")
            if len(name) > 1
        }
        assert {option.split("=")[0] for option in options} <= known, (name, options)
        ran.append(name)
    assert ran, workflow


def test_pull_requests_are_checked_audited_tested_and_built_and_main_is_published_and_deployed():
    ran = {w.name: [words[1] for words in commands(w) if words[0] == "./dev"] for w in WORKFLOWS}
    assert ran["pull-request.yml"] == ["check", "audit", "lint", "test", "build"]
    assert ["./dev", "audit", "--strict"] in list(commands(ROOT / ".github/workflows/pull-request.yml"))
    assert ran["deploy.yml"] == ["check", "publish", "deploy"]
    assert ["./dev", "check", "--format", "github"] in list(commands(ROOT / ".github/workflows/pull-request.yml"))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment(workflow):
    # YAML drops comments, so the lines are read as text; the count guards against a `uses:` written otherwise.
    refs = [m[1] for m in map(USES.match, workflow.read_text(encoding="utf-8").splitlines()) if m]
    assert len(refs) == sum("uses" in step for step in steps(workflow)) > 0
    assert [ref for ref in refs if not PINNED.match(ref)] == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_no_checkout_leaves_the_token_on_disk_and_only_the_step_that_pushes_gets_it(workflow):
    checkouts = [step for step in steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)
    given = [step for step in steps(workflow) if "secrets.GITHUB_TOKEN" in str(step) or "github.token" in str(step)]
    assert all(pushes(step) for step in given), given


def test_the_deploy_step_pushes_with_the_token_it_is_given():
    deploy = [step for step in steps(ROOT / ".github/workflows/deploy.yml") if pushes(step)]
    assert len(deploy) == 1 and deploy[0]["env"]["GITHUB_TOKEN"] == "${{ secrets.GITHUB_TOKEN }}"
    assert "$GITHUB_TOKEN" in deploy[0]["env"]["GIT_CONFIG_VALUE_0"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_nothing_is_granted_at_the_top_and_each_job_asks_only_for_what_it_needs(workflow):
    spec = load(workflow)
    top = spec["permissions"]  # unset, it would be the repository's default, which may be write
    assert top == "read-all" or isinstance(top, dict) and set(top.values()) <= {"read", "none"}, top
    for job in spec["jobs"].values():
        writes = {scope for scope, access in job["permissions"].items() if access == "write"}
        assert writes == ({"contents"} if any(pushes(step) for step in job["steps"]) else set()), job["permissions"]


def test_pull_requests_run_the_browser_and_feed_reader_tests_on_debian_packages():
    (job,) = load(ROOT / ".github/workflows/pull-request.yml")["jobs"].values()
    # Ubuntu's chromium package only installs a snap; Debian's is the browser at /usr/bin/chromium.
    assert "bookworm" in job["container"]["image"]
    ran = [words for step in job["steps"] for words in lines(step)]
    update, install = (
        ran.index(["apt-get", "update"]),
        next(i for i, words in enumerate(ran) if words[:2] == ["apt-get", "install"] and "chromium" in words),
    )
    assert update < install < ran.index(["./dev", "test"]) and "newsboat" in ran[install]
    (test,) = [step for step in job["steps"] if ["./dev", "test"] in lines(step)]
    assert test["env"] == {
        "REQUIRE_BROWSER": "1",
        "REQUIRE_FEED_READER": "1",
        "REQUIRE_HTML_CHECKER": "1",
        "REQUIRE_NODE": "1",
    }
    assert "default-jre-headless" in ran[install]  # Java for the Nu HTML Checker
    assert {"nodejs", "npm"} <= set(ran[install])  # the web editor's tests; `./dev` runs `npm ci`


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_the_site_caches_are_restored_before_the_build_keyed_on_what_they_are_made_with(workflow):
    """`cache/` (reader caches, manifests) and `output/` come back before the first ./dev step, under a key
    that changes with the lock file, the settings, the plugins and the theme: a deploy makes only what changed."""
    found = steps(workflow)
    first_dev = next(n for n, step in enumerate(found) if any(w[:1] == ["./dev"] for w in lines(step)))
    cached = [
        step["with"]
        for step in found[:first_dev]
        if step.get("uses", "").startswith("actions/cache@") and "cache" in step["with"]["path"].split()
    ]
    assert len(cached) == 1 and set(cached[0]["path"].split()) == {"cache", "output"}
    for part in ("requirements.lock", "pelicanconf.py", "publishconf.py", "plugins/**", "theme/**"):
        assert part in cached[0]["key"] and part in cached[0]["restore-keys"]
