"""Pelican's Generator.get_files over the run's inventory of content/ (hubcore.inventory): the same files, by the
same rules, but only those inside content/, and without a walk of its own for each generator."""

import fnmatch
import os

from hubcore import inventory


def select(generator, paths, exclude=None, extensions=None):
    """Pelican's `Generator.get_files` over the inventory: the same files, by the same rules (paths, folders
    excluded by path or by IGNORE_FILES, the files' IGNORE_FILES and extensions), but only those inside content/."""
    root = os.path.abspath(generator.path)
    listed = (
        inventory.of(generator.settings)
        if root == os.path.abspath(generator.settings["PATH"])
        else inventory.walk(root)
    )
    pruned = {os.path.split(os.path.join(generator.path, e)) for e in exclude or ()}
    files = set()
    for path in [paths] if isinstance(paths, str) else paths:
        files |= select_path(generator, listed, path, pruned, extensions)
    return files


def select_path(generator, listed, path, pruned, extensions):
    top = os.path.join(generator.path, path) if path else generator.path
    prefix = listed.relative(top)
    if prefix is None:
        return set()  # a folder outside content/ is never read
    if prefix in listed.files:  # a single file
        return {path} if generator._include_path(path, extensions) else set()
    start = len(prefix) + 1 if prefix else 0
    walked = (
        as_walked(top, relative[start:], pruned, generator)
        for relative in listed.files
        if not prefix or relative.startswith(prefix + "/")
    )
    return {name for name in walked if name and generator._include_path(name, extensions)}


def as_walked(top, below, pruned, generator):
    """The name Pelican's walk from `top` gives the file `below` it (`updates/en/a.md`), or None when the walk
    never enters one of its folders (excluded, or matching IGNORE_FILES)."""
    *folders, name = below.split("/")
    folder = top
    for part in folders:  # os.walk's names for the folders, which Pelican compares with its exclusions
        if (folder, part) in pruned or any(
            fnmatch.fnmatch(part, ignore) for ignore in generator.settings["IGNORE_FILES"]
        ):
            return None
        folder = os.path.join(folder, part)
    return os.path.join(os.path.relpath(folder, generator.path), name)
