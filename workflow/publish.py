"""`./dev publish` and `./dev deploy`: never a half-written site.

publish builds into a staging folder beside the output and swaps it in only
when the build succeeded (strict: any content error fails it), so the last
good site stays in place. deploy copies the output into a folder, or commits
it to the `gh-pages` branch with ghp-import.
"""

import shutil
import subprocess
import sys
from pathlib import Path

from .content import WorkflowError


def swap_in(staging, target):
    """Replace `target` by `staging` with two renames: readers see the old site or the new one."""
    previous = target.with_name(target.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)


def publish(settings_file, output, content=None):
    """Build with `settings_file` into `output`; on failure `output` is left as it was."""
    output = Path(output)
    staging = output.with_name(output.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    command = [sys.executable, "-m", "pelican", "-s", str(settings_file), "-o", str(staging)]
    if content:
        command.insert(3, str(content))
    if subprocess.run(command).returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise WorkflowError(f"the build failed (see above); {output}/ is unchanged")
    swap_in(staging, output)
    return output


def deploy_to_folder(output, folder):
    output, folder = Path(output), Path(folder)
    if not (output / "index.html").is_file():
        raise WorkflowError(f"{output}/ holds no site: run ./dev publish first")
    staging = folder.with_name(folder.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(output, staging)
    swap_in(staging, folder)


def deploy_to_branch(output, branch="gh-pages", push=True, message="Publish the site"):
    """Commit `output` as the whole of `branch` (GitHub Pages serves it), then push it unless told not to."""
    from ghp_import import GhpError, ghp_import

    if not (Path(output) / "index.html").is_file():
        raise WorkflowError(f"{output}/ holds no site: run ./dev publish first")
    try:
        ghp_import(str(output), branch=branch, push=push, force=True, nojekyll=True, mesg=message)
    except GhpError as error:
        raise WorkflowError(f"ghp-import: {error}") from None
