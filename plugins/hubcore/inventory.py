"""Every file under content/, listed once a build by one walk that never leaves the folder.

Nothing outside content/ may be read or published, whatever a link says: a
symbolic link is followed only when its target lies inside content/, and a
link out of it (to /etc/passwd, ../../.git/config, /proc/self/environ, a
folder elsewhere), a link to nothing, a link that loops back to a folder it
sits in, a hard link (the same file under another name, maybe outside), and
anything that is not a regular file (a named pipe would block the build
forever) are refused with a finding (`E-SYMLINK`, `E-NOT-A-FILE`). The
reader reads no other file, the static files and `{static}` links it does not
list are never copied, and the plugins that open a file a document names
(feature images) ask it first. With the engine on, the generators also list
their files from it (engine/listing.py), instead of Pelican's walk, which
follows every link. A file a browser would run as a page of the site (an SVG
or HTML file with a script or an event handler) is refused too
(`E-ACTIVE-FILE`), wherever it is: a `{static}` link publishes a file beside
its update as well as one among the static files.
"""

import html
import os
import re
import stat
from dataclasses import dataclass, field

from . import findings, state


@dataclass
class Inventory:
    root: str  # the content folder, absolute
    files: dict = field(default_factory=dict)  # path relative to content/ ('/'-separated) -> its real path
    refused: dict = field(default_factory=dict)  # relative path -> (code, message, fix)

    def has(self, relative):
        return relative in self.files

    def readable(self, path):
        """Whether `path` (absolute, or relative to content/) names a listed file: one that may be read."""
        return self.has(self.relative(path))

    def relative(self, path):
        """`path` relative to content/ ('' for the folder itself), or None when it lies outside."""
        full = os.path.normpath(os.path.join(self.root, path))
        if full == self.root:
            return ""
        inside = full.startswith(self.root + os.sep)
        return full[len(self.root) + 1 :].replace(os.sep, "/") if inside else None


def of(settings):
    """This run's inventory of content/ (walked, and its refusals reported, at the first call of the run)."""
    build = state.of(settings)
    inventory = build.inventory
    if inventory is None or inventory.root != os.path.abspath(settings["PATH"]):
        inventory = build.inventory = walk(settings["PATH"])
        refuse_active_files(inventory)
        for path, (code, message, fix) in sorted(inventory.refused.items()):
            findings.report(settings, findings.ERROR, code, path, 0, message, fix)
    return inventory


# Files a browser runs as a document of the site's own origin, where the web editor (/admin/) keeps its login:
# a drawing or page anywhere in content/ with a script in it could act as the reader, or as the editor. Any type
# servers send as HTML or XML: a browser runs the scripts of the XHTML namespace in any XML document.
ACTIVE_TYPES = tuple(
    ".svg .svgz .xml .xsl .xslt .xhtml .xht .html .htm .shtml .mht .mhtml .rss .atom .rdf .mml .kml .xsd .xul .xbl "
    ".dtd .rng".split()
)
# What could run, in any namespace (`<s:script>`), once the text is decoded and its character references read.
ACTIVE = re.compile(
    r"<(?:[\w.-]+:)?(?:script|foreignobject|iframe|object|embed|handler|listener)|<(?:[\w.-]+:)?base[\s/>]"
    r"|<!entity|<\?xml-stylesheet|http-equiv|\bon[a-z]+\s*=",
    re.IGNORECASE,
)
# An address that runs what it holds, looked for with every blank and control character removed: more than a
# browser drops (tabs and newlines anywhere, `java\tscript:`), so that nothing it would run is missed.
ACTIVE_ADDRESS = re.compile(r"(?:java|vb)script:|data:text/html", re.IGNORECASE)
URL_DROPS = re.compile(r"[\x00-\x20]+")


def refuse_active_files(inventory):
    """A file that could run a script when opened (an SVG with `<script>` or `onload=`, an HTML page with a
    handler, XML with a style sheet) is refused: never copied, named in E-ACTIVE-FILE. Anywhere in content/, not
    only among the static folders: a `{static}` link publishes a file beside its update too. No reader reads
    these types (pelicanconf.py's READERS), so none is a document."""
    for path, real in list(inventory.files.items()):
        if not path.lower().endswith(ACTIVE_TYPES):
            continue
        try:
            with open(real, "rb") as handle:
                refused = path.lower().endswith(".svgz") or active(handle.read())
        except OSError:
            refused = True  # unreadable: never published blind
        if refused:
            del inventory.files[path]
            inventory.refused[path] = (
                "E-ACTIVE-FILE",
                "this file could run a script in readers' browsers (a script, an event handler such as onload=, "
                "an embedded page), so it is not published",
                "remove the script: a drawing needs none (save the SVG again as plain SVG, or as PNG); "
                "publish a page as an update instead",
            )


def active(data):
    """Whether a file's bytes could run a script where a browser opens them: read as UTF-8, and as UTF-16 and -32
    when they hold NULs (a browser goes by the byte-order mark), character references (`&#58;`) decoded. An
    escape byte is refused outright: in ISO-2022-JP, which a file may declare, `on\x1b(Bload=` is `onload=`."""
    if b"\x1b" in data:
        return True
    texts = [data.decode("utf-8", errors="replace")]
    if b"\0" in data:
        texts += [
            data.decode(codec, errors="replace") for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
        ]
    for text in map(html.unescape, texts):
        if ACTIVE.search(text) or ACTIVE_ADDRESS.search(URL_DROPS.sub("", text)):
            return True
    return False


def keep_listed_static_links(generator):
    """Pelican copies every file a `{static}` or `{attach}` link names, even `../../etc/passwd`: only the files
    the inventory lists may be (the source checks report the others as E-LINK). Run once the pages are read, as
    the static generator comes last."""
    links = generator.context.get("static_links")
    if links:
        listed = of(generator.settings)
        links.intersection_update([link for link in links if listed.has(listed.relative(link))])


def keep_listed_static_files(generator):
    """Pelican's walk (the engine off) follows every link: only the static files the inventory lists are copied.
    In place: the static generator's list is the context's."""
    listed = of(generator.settings)
    generator.staticfiles[:] = [
        static for static in generator.staticfiles if listed.has(listed.relative(static.source_path))
    ]


def walk(root):
    root = os.path.abspath(root)
    inventory = Inventory(root)
    real_root = os.path.realpath(root)
    # (folder as listed, its path relative to content/, the real folders from content/ down to it)
    stack = [(root, "", (real_root,))] if os.path.isdir(root) else []
    while stack:
        folder, relative, chain = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            inventory.refused[relative or "."] = (
                "E-NOT-A-FILE",
                f"the folder cannot be read: {error.strerror}",
                "give it read permission, or remove it",
            )
            continue
        for entry in entries:
            path = f"{relative}/{entry.name}" if relative else entry.name
            listed = classify(entry, path, chain, real_root, inventory)
            if listed is not None:  # a folder to walk
                stack.append((entry.path, path, (*chain, listed)))
    return inventory


def classify(entry, path, chain, real_root, inventory):
    """Record one entry of a folder; returns the real path of a folder to walk, else None."""
    try:
        entry.name.encode("utf-8")
    except UnicodeEncodeError:  # bytes Python keeps as surrogates, which no page, feed or report can hold
        shown = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        inventory.refused[shown] = (
            "E-FILE-NAME",
            "this name is not UTF-8 text (made on a system with another encoding, or in an archive from one), "
            "so no web address can be made of it: it is not published, nor anything in it",
            "rename it with the same letters (`git mv`), typed again on this system",
        )
        return None
    if entry.is_symlink():
        real = os.path.realpath(entry.path)
        problem = link_problem(entry.path, real, chain, real_root)
        if problem:
            inventory.refused[path] = (
                "E-SYMLINK",
                problem,
                "copy the file into content/ instead of linking it, or remove the link",
            )
            return None
        try:
            found = os.stat(real)
        except OSError as error:
            inventory.refused[path] = (
                "E-NOT-A-FILE",
                f"the file cannot be read: {error.strerror}",
                "give it read permission, or remove it",
            )
            return None
        is_dir, is_file, names = stat.S_ISDIR(found.st_mode), stat.S_ISREG(found.st_mode), found.st_nlink
    else:  # the folder's listing says what it is: no call to the file system
        real = os.path.join(chain[-1], entry.name)
        is_dir, is_file = entry.is_dir(follow_symlinks=False), entry.is_file(follow_symlinks=False)
        names = entry.stat(follow_symlinks=False).st_nlink if is_file else 1
    if is_file and names > 1:
        # A hard link (or a link to one): the same file under another name, maybe outside content/ (git never
        # makes one).
        inventory.refused[path] = (
            "E-SYMLINK",
            "this file has other names elsewhere (a hard link), maybe outside content/",
            "copy the file instead of linking it",
        )
        return None
    if is_dir:
        return real
    if is_file:
        inventory.files[path] = real
    else:
        inventory.refused[path] = (
            "E-NOT-A-FILE",
            "this is not a file (a pipe, socket or device) and cannot be published",
            "remove it from content/",
        )
    return None


def link_problem(link, real, chain, real_root):
    """Why a symbolic link may not be followed, or None."""
    target = os.readlink(link)
    if real != real_root and not real.startswith(real_root + os.sep):
        return f"a link to {target!r}, outside content/: nothing outside content/ is read or published"
    if not os.path.exists(real):
        return f"a link to {target!r}, which does not exist"
    if real in chain:
        return f"a link to {target!r}, a folder it is itself in (a loop)"
    return None
