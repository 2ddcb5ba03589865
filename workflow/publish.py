"""`./dev publish` and `./dev deploy`: never a half-written site, never a missing one.

publish builds into a staging folder beside the output and swaps it in only
when the build succeeded (strict: any content error fails it), so the last
good site stays in place. deploy copies the output into a folder, or commits
it to the `gh-pages` branch with ghp-import.
"""

import contextlib
import ctypes
import errno
import functools
import glob
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import ROOT, WorkflowError

AT_FDCWD = -100
RENAME_EXCHANGE = 2
# For a glibc older than 2.28, which has the system call but no renameat2 to call it.
SYS_RENAMEAT2 = {"x86_64": 316, "aarch64": 276}
# What a kernel or a filesystem without the exchange answers: the two renames are all there is.
UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}
# Removing a site is system calls (unlink, rmdir), which threads make side by side: they wait in the kernel,
# not for Python. How many: bench/README.md.
REMOVING_THREADS = 3
# Named so, a replaced site that a process of its own removes: what a stopped removal left is found by its name.
REMOVING = ".removing-"


@functools.cache
def _renameat2():
    """renameat2(2) from glibc, else the bare system call; None where there is neither (not Linux)."""
    if sys.platform != "linux":
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    try:
        function = libc.renameat2
    except AttributeError:
        return _renameat2_by_syscall(libc)
    function.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    return function


def _renameat2_by_syscall(libc):
    number = SYS_RENAMEAT2.get(platform.machine())
    if number is None:  # a wrong number would be another system call
        return None
    syscall, long = libc.syscall, ctypes.c_long
    # syscall() is variadic and reads each argument as a long: an int would leave its upper half unset.
    return lambda old_dir, old, new_dir, new, flags: syscall(
        long(number), long(old_dir), ctypes.c_char_p(old), long(new_dir), ctypes.c_char_p(new), long(flags)
    )


def exchange(first, second):
    """Swap two existing paths in one step (RENAME_EXCHANGE): there is no moment when either is missing.

    False, with nothing changed, where the system or the filesystem cannot.
    """
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def swap_by_renames(staging, target):
    """Two renames, for where `exchange` is unavailable: `target` is missing between them (a web server
    answers 404 for that moment), but no longer: a failed second rename puts the old site back."""
    previous = target.with_name(target.name + ".previous")
    remove_tree(previous)
    if not target.exists():
        staging.rename(target)
        return
    target.rename(previous)
    try:
        staging.rename(target)
    except OSError:
        previous.rename(target)
        raise
    remove_tree(previous)


def remove_tree(folder):
    """`shutil.rmtree(folder, ignore_errors=True)`, each subfolder removed by one of REMOVING_THREADS threads."""
    subfolders = []
    if not os.path.islink(folder):  # rmtree refuses a link to a folder: what it leads to is not the site's
        with contextlib.suppress(OSError):  # not there, not a folder: rmtree below ignores it as before
            subfolders = [entry.path for entry in os.scandir(folder) if entry.is_dir(follow_symlinks=False)]
    with ThreadPoolExecutor(REMOVING_THREADS) as pool:
        for _ in pool.map(functools.partial(shutil.rmtree, ignore_errors=True), subfolders):
            pass  # consumed, so that what is not an OSError (which rmtree ignores) is raised here
    shutil.rmtree(folder, ignore_errors=True)


def swap_in(staging, target, discard=remove_tree):
    """Replace `target` by `staging`: readers see the old site or the new one, never none. The old site is then
    given to `discard`.

    Except where the exchange is unavailable (not Linux, or a filesystem without it): there the fallback,
    `swap_by_renames`, leaves `target` missing for a moment, and removes the old site itself.
    """
    if not target.exists():
        os.rename(staging, target)  # atomic on its own: there was no site to lose
    elif exchange(staging, target):
        discard(staging)  # the old site now; a leftover is cleared by the next run
    else:
        swap_by_renames(staging, target)


def remove_in_background(folder):
    """Remove `folder` in a process of its own, which this one does not wait for: the new site is in place, and
    a deploy need not wait for the old one's thousands of files to go. The folder is moved away first, so the
    next publish, which builds where it was, never meets what is left of it."""
    trash = None
    try:
        trash = Path(tempfile.mkdtemp(prefix=f"{folder.name}{REMOVING}", dir=folder.parent))
        os.rename(folder, trash / "site")
    except OSError:  # it cannot be moved away (a full disk): the new site is in place all the same
        for left in (folder, trash):
            if left is not None:
                remove_tree(left)
        return
    try:
        subprocess.Popen(
            [sys.executable, "-c", "import sys; from workflow.publish import remove_tree; remove_tree(sys.argv[1])"]
            + [str(trash)],
            cwd=ROOT,  # where `workflow` is a package
            start_new_session=True,  # not stopped by the Ctrl+C that stops what runs next in the terminal
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:  # no process could be started (a limit on processes): removed here, then
        remove_tree(trash)


def removals(output):
    """The replaced sites of `output` that are being removed, or whose removal stopped."""
    return list(output.parent.glob(f"{glob.escape(output.name)}.staging{REMOVING}*"))


def publish(settings_file, output, content=None, arguments=()):
    """Build with `settings_file` (and Pelican's command-line `arguments`, other than `-e`, which this gives)
    into `output`; on failure `output` is left as it was."""
    output = Path(output)
    staging = output.with_name(output.name + ".staging")
    for leftover in [staging, *removals(output)]:  # of a publish stopped half-way, or of its removal
        remove_tree(leftover)
    command = [sys.executable, "-m", "workflow.build", "-s", str(settings_file), "-o", str(staging), *arguments]
    # The files the last publish made that this one would make the same are taken from the site in place.
    command += ["-e", f"INCREMENTAL_FROM={json.dumps(str(output.resolve()))}"]
    if content:
        command.insert(3, str(content))
    if subprocess.run(command, cwd=ROOT).returncode != 0:  # ROOT: where `workflow` is a package
        remove_tree(staging)
        raise WorkflowError(f"the build failed (see above); {output}/ is unchanged")
    swap_in(staging, output, discard=remove_in_background)
    return output


def deploy_to_folder(output, folder):
    """Copy `output` beside `folder`, then swap it in as publish does: the folder's readers never see it missing."""
    output, folder = Path(output), Path(folder)
    if not (output / "index.html").is_file():
        raise WorkflowError(f"{output}/ holds no site: run ./dev publish first")
    staging = folder.with_name(folder.name + ".staging")
    remove_tree(staging)
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
