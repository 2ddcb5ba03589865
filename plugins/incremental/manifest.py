"""What the last complete build wrote: for each output file, the digest of what it was made of, and the size
and modification time it was left with.

A file is up to date when its digest is the same and the file on disk is still
the one that build left (a file removed, replaced or touched since is made
again). The manifest is saved only when a build completes, so an interrupted
build makes its pages again next time.

A build into a new folder (`./dev publish` builds into a staging folder, then
swaps it in) can start from the folder where the last build's files now are
(`INCREMENTAL_FROM`): a file that would be made the same is linked from there,
with its date, instead of being made again.
"""

import json
import os
import shutil

from hubcore import files


class Manifest:
    def __init__(self, path, output_path, earlier=""):
        self.path = path
        self.output_path = output_path
        self.earlier = earlier  # where the last build's files are now, when not in output_path
        self.folders = set()  # the folders files were taken into
        last = self._load()
        self.previous, self.previous_input = last.get("files", {}), last.get("input")
        self.current, self.input = {}, None

    def _load(self):
        try:
            with open(self.path, encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError):
            return {}

    def same_input(self, key):
        """Record the digest of everything this build is made of; whether the last build had the same."""
        self.input = key
        return key == self.previous_input

    def _name(self, target):
        return os.path.relpath(target, self.output_path).replace(os.sep, "/")

    @staticmethod
    def _stamp(target):
        try:
            stat = os.stat(target)
        except OSError:
            return None
        return [stat.st_size, stat.st_mtime_ns]

    def fresh(self, target, key=None):
        """True when `target` holds what `key` describes (None: whatever the last build wrote there, when its
        input was this build's); it is then kept, as it is, in this build's manifest."""
        name = self._name(target)
        entry = self.previous.get(name)
        if entry is None or (key is not None and entry[0] != key):
            return False
        if entry[1:] != self._stamp(target) and not self._take(name, target, entry[1:]):
            return False
        self.current[name] = entry
        return True

    def _take(self, name, target, stamp):
        """Link the last build's file `name` from where it is now as `target`, if it is still as that build left
        it; whether it was."""
        if not self.earlier:
            return False
        source = os.path.join(self.earlier, name)
        if self._stamp(source) != stamp:
            return False
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        # A link, not a copy: the same file, with its stamp. Nothing writes into a file taken so (the build takes
        # what it would write the same), and the site in place is left whole when the new one is swapped in.
        try:
            files.link_or_copy(source, target)
        except FileExistsError:  # a file of an interrupted build, or one this build wrote: made again
            return False
        return self._stamp(target) == stamp

    def take_folder(self, folder):
        """The last build's `folder` (a search index), linked whole from where it is now (as `_take` links a
        page: what changes in it is replaced, never written over), unless already here; whether it is here."""
        if os.path.isdir(folder):
            return True
        if not self.earlier:
            return False
        source = os.path.join(self.earlier, os.path.relpath(folder, self.output_path))
        if not os.path.isdir(source):
            return False
        shutil.copytree(source, folder, copy_function=files.link_or_copy)
        return True

    def start_over(self):
        """Another round of writing on top of this build's (an edit taken in place): what it wrote is what the
        files hold now."""
        self.previous, self.previous_input = dict(self.current), self.input

    def forget(self, target):
        """`target` no longer holds what was recorded (a search index being made again)."""
        self.current.pop(self._name(target), None)

    def record(self, target, key):
        self.current[self._name(target)] = [key, *self._stamp(target)]

    def changed_so_far(self):
        """Whether any file this build has written so far was made again (or is new) since the last build."""
        return any(self.previous.get(name) != entry for name, entry in self.current.items())

    def save(self):
        files.replace_whole(
            self.path, json.dumps({"input": self.input, "files": self.current}, sort_keys=True).encode()
        )
