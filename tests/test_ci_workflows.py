"""The GitHub workflows run only real ./dev tasks with real options, so they can be run locally too."""

import shlex

import pytest
import yaml
from invoke import Collection

import tasks
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# Commands that set up the machine or git, not the site.
SETUP = {"sudo", "git"}


def commands(workflow):
    for job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():
                if line.strip():
                    yield shlex.split(line)


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
        known = {f"--{prefix}{name.replace('_', '-')}" for arg in task.get_arguments() for name in arg.names
                 for prefix in ("", "no-") if len(name) > 1}
        assert {option.split("=")[0] for option in options} <= known, (name, options)
        ran.append(name)
    assert ran, workflow


def test_pull_requests_are_checked_audited_tested_and_built_and_main_is_published_and_deployed():
    ran = {w.name: [words[1] for words in commands(w) if words[0] == "./dev"] for w in WORKFLOWS}
    assert ran["pull-request.yml"] == ["check", "audit", "test", "build"]
    assert ["./dev", "audit", "--strict"] in list(commands(ROOT / ".github/workflows/pull-request.yml"))
    assert ran["deploy.yml"] == ["check", "publish", "deploy"]
    assert ["./dev", "check", "--format", "github"] in list(commands(ROOT / ".github/workflows/pull-request.yml"))
