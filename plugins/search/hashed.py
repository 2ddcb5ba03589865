"""The files of a Pagefind bundle named by their content's hash, and which of them a run's index uses.

Pagefind names its page fragments, word indexes and filters by the hash of
their content, and does not compress and write again such a file that is
already where it would write it. So a run is given the files its bundle had
(`seed`): after one update changed, it writes the few that changed instead of
all. The files it was given that its new index no longer uses (the old
version of the changed page's fragment, a deleted page's) are then removed
(`prune`): they would be published, though no search reaches them.

A file is in use when the meta file of a language of the run's entry names it
(`pagefind.<hash>.pf_meta`: gzip, Pagefind's signature, then CBOR). Every text
string of the meta file is taken as a name it may use; a file the run wrote is
always in use, and is the proof that the names were read right.
"""

import gzip
import os

from hubcore import files

HASHED = ("fragment", "index", "filter")  # the folders of hashed files
SIGNATURE = b"pagefind_dcd"


class UnreadableMeta(Exception):
    """A meta file could not be read as this module reads Pagefind's."""


def seed(bundle, run, lang):
    """Link the hashed files of `lang` that the bundle folder `bundle` holds into the run's output folder `run`
    (copies where links cannot be made); the names given."""
    given = set()
    for folder in HASHED:
        try:
            names = [name for name in os.listdir(os.path.join(bundle, folder)) if name.startswith(f"{lang}_")]
        except FileNotFoundError:
            continue
        if names:
            os.makedirs(os.path.join(run, folder), exist_ok=True)
        for name in names:
            files.link_or_copy(os.path.join(bundle, folder, name), os.path.join(run, folder, name))
            given.add(f"{folder}/{name}")
    return given


def prune(run, given, languages):
    """Remove from the run's output folder `run` the hashed files its index does not use, of those it was given
    (`given`: their paths in it); `languages`: its entry's."""
    used = in_use(run, languages)
    for folder in HASHED:
        try:
            names = os.listdir(os.path.join(run, folder))
        except FileNotFoundError:
            continue
        for name in names:
            if name.partition(".")[0] in used:
                continue
            if f"{folder}/{name}" not in given:
                raise UnreadableMeta(f"Pagefind's meta files do not name {folder}/{name}, which its run made")
            os.remove(os.path.join(run, folder, name))


def in_use(run, languages):
    """The names (without their extension) that the meta files of `languages` (the run's entry's) hold."""
    used = set()
    for language in languages.values():
        path = os.path.join(run, f"pagefind.{language['hash']}.pf_meta")
        with open(path, "rb") as handle:
            data = gzip.decompress(handle.read())
        if not data.startswith(SIGNATURE):
            raise UnreadableMeta(f"{path} does not start with Pagefind's signature")
        used |= text_strings(data, len(SIGNATURE))
    return used


def text_strings(data, position=0):
    """Every text string of the CBOR item that starts at `position` in `data`."""
    found, items = set(), [1]  # how many items each open array or map has left
    try:
        while items:
            if not items[-1]:
                items.pop()
                continue
            items[-1] -= 1
            major, argument, position = head(data, position)
            if major in (2, 3):
                if position + argument > len(data):
                    raise IndexError("the data ends inside a string")
                if major == 3:
                    found.add(data[position : position + argument].decode("utf-8"))
                position += argument
            elif major == 4:
                items.append(argument)
            elif major == 5:
                items.append(2 * argument)
            elif major == 6:
                items.append(1)  # a tag: the item it tags
    except (IndexError, UnicodeDecodeError) as error:
        raise UnreadableMeta(f"not CBOR as Pagefind writes it ({error})") from None
    return found


def head(data, position):
    """An item's major type and argument (a number, or the length of what follows), and where it goes on."""
    major, info = data[position] >> 5, data[position] & 31
    position += 1
    if info < 24:
        return major, info, position
    if info > 27:  # indefinite lengths, reserved values: Pagefind writes none
        raise UnreadableMeta(f"a CBOR item of additional information {info}")
    size = 1 << (info - 24)
    if position + size > len(data):
        raise IndexError("the data ends inside an item")
    return major, int.from_bytes(data[position : position + size], "big"), position + size
