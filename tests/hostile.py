"""A site of hostile and careless content: each case an editor could write, with the finding it must get.

`make(root)` writes every case under `root/content`, and beside it, outside
content/, files holding SECRET that no build may read or publish. Every text
file's body ends with its own marker (`marker(path)`), so a test can tell
whether its text reached the site without asking the build.
"""

import hashlib
import os
import textwrap
from dataclasses import dataclass

SECRET = "SECRET-CANARY-7f3a9c"
LONG = "x" * 300  # more bytes than a file name may have


@dataclass(frozen=True)
class Link:
    """A symbolic link to `target` ({outside} is the folder beside content/ that holds the secrets)."""

    target: str


@dataclass(frozen=True)
class HardLink:
    """A second name for `target`'s file."""

    target: str


class Fifo:
    """A named pipe: opening it to read would wait forever."""


@dataclass(frozen=True)
class Generated:
    """An image made when the site is: `bomb` (20,000 by 20,000 pixels in a few kilobytes), `half` (a JPEG cut
    short)."""

    kind: str

    def data(self):
        import io

        from PIL import Image

        out = io.BytesIO()
        if self.kind == "bomb":
            Image.new("1", (20000, 20000)).save(out, format="PNG")
            return out.getvalue()
        Image.new("RGB", (800, 600), "red").save(out, format="JPEG")
        return out.getvalue()[:2000]


def update(front="", body="Text.", title="T", date="2021-01-01"):
    head = (f"title: {title}\n" if title else "") + (f"date: {date}\n" if date else "")
    return f"---\n{head}{textwrap.dedent(front)}---\n{body}\n"


NESTED_LISTS = "".join("    " * level + "- item\n" for level in range(300))

# (case, {path under content/: text, bytes, Link or Fifo}, the code its file must get, or None: it builds without
# an error). The finding is looked for on the case's first file.
CASES = [
    # 1. Links out of content/
    ("link to /proc/self/environ", {"images/env.jpg": Link("/proc/self/environ")}, "E-SYMLINK"),
    ("link to ../../.git/config", {"images/git.jpg": Link("../../outside/.git/config")}, "E-SYMLINK"),
    ("link to /etc/passwd", {"images/passwd.jpg": Link("/etc/passwd")}, "E-SYMLINK"),
    # Active files, anywhere in content/: opened on the site's origin, they could act for a logged-in editor.
    (
        "SVG with a script",
        {"images/map.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/x")</script></svg>'},
        "E-ACTIVE-FILE",
    ),
    (
        "SVG with a handler",
        {"images/pin.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'},
        "E-ACTIVE-FILE",
    ),
    ("page in uploads", {"uploads/map.html": "<p><a href='javascript:steal()'>map</a></p>"}, "E-ACTIVE-FILE"),
    (
        "XHTML in XML",
        {"uploads/feed.xml": '<html xmlns="http://www.w3.org/1999/xhtml"><script/></html>'},
        "E-ACTIVE-FILE",
    ),
    (
        "SVG beside its update, linked",
        {
            "updates/en/drawing.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>',
            "updates/en/drawing.md": update(body="![a drawing]({static}/updates/en/drawing.svg)"),
        },
        "E-ACTIVE-FILE",
    ),
    (
        "SVG with a script in another prefix",
        {"images/prefixed.svg": '<svg xmlns:s="http://www.w3.org/2000/svg"><s:script>x()</s:script></svg>'},
        "E-ACTIVE-FILE",
    ),
    (
        "SVG in UTF-16 with a handler",
        {"images/utf16.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'.encode("utf-16")},
        "E-ACTIVE-FILE",
    ),
    (
        "SVG link written with character references",
        {"images/refs.svg": '<svg><a href="java&#x9;script&#58;x()"><text>map</text></a></svg>'},
        "E-ACTIVE-FILE",
    ),
    (
        "a feed with an XHTML script",
        {"uploads/feed.rss": '<x:script xmlns:x="http://www.w3.org/1999/xhtml"/>'},
        "E-ACTIVE-FILE",
    ),
    (
        "SVG in ISO-2022-JP, its handler split by an escape",
        {
            "images/iso2022.svg": b'<?xml version="1.0" encoding="iso-2022-jp"?>\n'
            b'<svg xmlns="http://www.w3.org/2000/svg" on\x1b(Bload="x()"></svg>'
        },
        "E-ACTIVE-FILE",
    ),
    (
        "a RELAX NG schema with an XHTML script",
        {"images/schema.rng": '<r xmlns:h="http://www.w3.org/1999/xhtml"><h:script>x()</h:script></r>'},
        "E-ACTIVE-FILE",
    ),
    ("a plain drawing", {"images/plain.svg": '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'}, None),
    ("linked folder outside", {"images/linked": Link("{outside}/folder")}, "E-SYMLINK"),
    ("linked update outside", {"updates/en/linked.md": Link("{outside}/outside.md")}, "E-SYMLINK"),
    ("link to nothing", {"images/dangling.png": Link("nowhere.png")}, "E-SYMLINK"),
    ("link loop", {"images/loop": Link(".")}, "E-SYMLINK"),
    ("link inside content", {"images/inside.png": Link("real.png"), "images/real.png": b"\x89PNG real"}, None),
    ("named pipe", {"updates/en/pipe.md": Fifo()}, "E-NOT-A-FILE"),
    ("{static} link out", {"updates/en/static.md": update(body="[x]({static}../../../outside/secret.txt)")}, "E-LINK"),
    ("{attach} link out", {"updates/en/attach.md": update(body="[x]({attach}/../outside/secret.txt)")}, "E-LINK"),
    (
        "image path out",
        {"updates/en/img.md": update("feature_image: {src: ../../../../etc/passwd, alt: x}\n")},
        "E-IMAGE-PATH",
    ),
    (
        "image outside content",
        {"updates/en/out.md": update("feature_image: {src: ../../../outside/secret.png, alt: x}\n")},
        "E-IMAGE-PATH",
    ),
    (
        "image through a link out",
        {
            "updates/en/viapw.md": update("feature_image: {src: /images/pw.png, alt: x}\n"),
            "images/pw.png": Link("/etc/passwd"),
        },
        "E-IMAGE-PATH",
    ),
    # 2, 3, 10. Old addresses on other outputs, or twice
    ("alias on the stylesheet", {"updates/en/css.md": update("aliases: [/theme/css/site.css]\n")}, "E-ALIAS-TAKEN"),
    ("alias on a feed", {"updates/en/feed.md": update("aliases: [/feeds/all.atom.xml]\n")}, "E-ALIAS-TAKEN"),
    ("alias on robots.txt", {"updates/en/robots.md": update("aliases: [/robots.txt]\n")}, "E-ALIAS-TAKEN"),
    ("alias on the sitemap", {"updates/en/sitemap.md": update("aliases: [/sitemap.xml]\n")}, "E-ALIAS-TAKEN"),
    ("alias on the search index", {"updates/en/pf.md": update("aliases: [/pagefind/pagefind.js]\n")}, "E-ALIAS-TAKEN"),
    ("alias on _redirects", {"updates/en/redir.md": update("aliases: [/_redirects]\n")}, "E-ALIAS-TAKEN"),
    ("alias on a language's home", {"updates/en/es-home.md": update("aliases: [/es/]\n")}, "E-ALIAS-TAKEN"),
    ("alias on a list of people", {"updates/en/people.md": update("aliases: [/people/]\n")}, "E-ALIAS-TAKEN"),
    ("alias on the 404 page", {"updates/en/missing.md": update("aliases: [/404.html]\n")}, "E-ALIAS-TAKEN"),
    (
        "one alias, two updates",
        {
            "updates/en/twice-b.md": update("aliases: [/old-address/]\n"),
            "updates/en/twice-a.md": update("aliases: [/old-address/]\n"),
        },
        "E-ALIAS-DUPLICATE",
    ),
    (
        "encoded alias",
        {"updates/en/alias.md": update("aliases: ['/%2e%2e/%2e%2e/evil', '/%2E%2E%2Fevil']\n")},
        "E-ALIAS",
    ),
    ("alias longer than a file name", {"updates/en/long-alias.md": update(f"aliases: [/{LONG}/]\n")}, "E-ALIAS"),
    # 4, 5. Dates
    ("30 February", {"updates/en/feb.md": update(date="2021-02-30")}, "E-DATE"),
    ("year 0", {"updates/en/zero.md": update(date="0000-00-00")}, "E-DATE"),
    ("hour 25", {"updates/en/h25.md": update(date="2021-01-01 25:00:00")}, "E-DATE"),
    ("a month's name", {"updates/en/march.md": update(date="March")}, "E-DATE"),
    ("a zone's abbreviation", {"updates/en/pst.md": update(date="2023-02-03 10:00 PST")}, "E-DATE"),
    ("a stray letter", {"updates/en/stray.md": update(date="2023-02-03aT10:00:00Z")}, "E-DATE"),
    ("a number", {"updates/en/number.md": update(date="20230203")}, "E-DATE"),
    ("impossible date in the file name", {"updates/2021-02-30-jekyll.md": update(date="")}, "E-DATE"),
    ("year 1", {"updates/en/old.md": update(date="0001-01-01")}, None),
    ("year 9999", {"updates/en/far.md": update(date="9999-12-31")}, "E-FUTURE-DATE"),
    ("300 nested list levels", {"updates/en/nested.md": update(body=NESTED_LISTS)}, "E-NESTING"),
    (
        "1,000 nested quotes",
        {"updates/en/quotes.md": update(body="".join(">" * i + " x\n" for i in range(1000)))},
        "E-NESTING",
    ),
    # 6. Control characters, null bytes, names too long
    (
        "null byte in an image",
        {"updates/en/null.md": update("feature_image: {src: /images/a%00.jpg, alt: x}\n")},
        "E-URL",
    ),
    ("control character in an address", {"updates/en/vt.md": update('aliases: ["/old\\vname/"]\n')}, "E-URL"),
    ("control character in the title", {"updates/en/vt-title.md": update(title='"A\\vB"')}, "W-CONTROL-CHARACTER"),
    ("control character in the body", {"updates/en/ff.md": update(body="Page\x0cbreak")}, "W-CONTROL-CHARACTER"),
    ("slug longer than a file name", {"updates/en/long-slug.md": update(f"slug: {LONG}\n")}, "E-SLUG"),
    ("tag longer than a file name", {"updates/en/long-tag.md": update(f"tags: [{LONG}]\n")}, "E-NAME-LONG"),
    ("person's name too long", {"updates/en/long-name.md": update(f"persons: [{LONG}]\n")}, "E-NAME-LONG"),
    ("long title", {"updates/en/long.md": update(title="a" * 10_000)}, None),
    # 7. Embeds
    (
        "backslash embed",
        {"updates/en/embed.md": update(body='<iframe src="https://evil.example\\@www.youtube.com/embed/x"></iframe>')},
        "W-EMBED",
    ),
    (
        "userinfo embed",
        {"updates/en/embed2.md": update(body='<iframe src="https://www.youtube.com@evil.example/"></iframe>')},
        "W-EMBED",
    ),
    (
        "no-slash embed",
        {"updates/en/embed3.md": update(body='<iframe src="https:evil.example/x"></iframe>')},
        "W-EMBED",
    ),
    # 8. Language folders
    ("unknown language folder", {"updates/xx/a.md": update()}, "E-LANG"),
    ("language folder in capitals", {"updates/ES/b.md": update()}, "E-LANG"),
    ("language with path characters", {"updates/en/lang.md": update("lang: ../es\n")}, "E-LANG"),
    ("page whose language is a date", {"pages/dated.md": update("language: 2021-12-02\n")}, "E-LANG"),
    ("person whose language is markup", {"people/odd.md": '---\nname: Odd\nlang: "<b>"\n---\n'}, "E-LANG"),
    # 9. Empty slugs, repeated keys
    ("tag with no letters", {"updates/en/bang.md": update("tags: ['!!!', maps]\n")}, "W-EMPTY-SLUG"),
    ("title twice", {"updates/en/dup.md": update("title: Again\n")}, "W-DUPLICATE-KEY"),
    # 11. Size
    ("file over MAX_CONTENT_BYTES", {"updates/en/huge.md": update(body="word " * 600_000)}, "E-TOO-LARGE"),
    ("large file", {"updates/en/large.md": update(body="word " * 110_000)}, "W-LARGE-FILE"),
    # Files nothing would publish
    ("Markdown in a folder nothing reads", {"notes/todo.md": update()}, "E-NOT-PUBLISHED"),
    ("text file among updates", {"updates/en/draft.txt": "an idea\n"}, "E-NOT-PUBLISHED"),
    ("Markdown among images", {"images/caption.md": update()}, None),  # a static file: copied as it is
    ("page on robots.txt", {"pages/robots.md": update("slug: robots.txt\n")}, None),  # the slug is robotstxt
    ("page on the feeds", {"pages/feeds.md": update("slug: feeds\n")}, "E-DUPLICATE-URL"),
    # Broken files and YAML
    ("empty file", {"updates/en/empty.md": ""}, "E-EMPTY"),
    ("binary file", {"updates/en/binary.md": b"\x89PNG\r\n\x1a\n\x00\x00"}, "E-BINARY"),
    ("UTF-16 file", {"updates/en/utf16.md": update().encode("utf-16")}, "E-ENCODING"),
    (
        "python tag",
        {"updates/en/tag.md": "---\ntitle: !!python/object/apply:os.system ['touch /tmp/pwned']\n---\n"},
        "E-YAML",
    ),
    ("a tag it cannot be", {"updates/en/int.md": update("summary: !!int abc\n")}, "E-YAML"),
    ("a list that holds itself", {"updates/en/self.md": update("tags: &a [*a]\n")}, "E-TYPE"),
    ("YAML anchors", {"updates/en/anchor.md": update("summary: *t\n", title="&t Anchored")}, None),
    (
        "billion laughs",
        {
            "updates/en/laughs.md": update(
                "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            )
        },
        "W-UNKNOWN-KEY",
    ),
    # Found by a red-team pass on the first fixes
    (
        "reStructuredText include",
        {"pages/notes.rst": "Notes\n#####\n\n.. include:: ../../outside/secret.txt\n"},
        "E-NOT-PUBLISHED",
    ),
    (
        "an update saved as HTML",
        {
            "updates/en/saved.html": "<html><head><title>Saved</title></head><body>"
            "<script>alert(1)</script></body></html>"
        },
        "E-ACTIVE-FILE",  # with a script, wherever it is
    ),
    ("an update saved as HTML, no script", {"updates/en/plain.html": "<html><p>Plain.</p></html>"}, "E-NOT-PUBLISHED"),
    (
        "a link unescaped into an attribute",
        {
            "updates/en/amp.md": update(
                body='<a href="{static}/images/maps&data.png?&quot;onfocus=&quot;alert(1)&quot;'
                'autofocus=&quot;">map</a>'
            ),
            "images/maps&data.png": b"x",
        },
        None,
    ),
    ("an unknown link marker", {"updates/en/marker.md": update(body="[report]({0}javascript:alert(1))")}, "E-LINK"),
    (
        "an old address inside another's file",
        {
            "updates/en/folder-b.md": update("aliases: [/old/a.html/b/]\n"),
            "updates/en/folder-a.md": update("aliases: [/old/a.html]\n"),
        },
        "E-ALIAS-TAKEN",
    ),
    (
        "an old address longer than a path",
        {"updates/en/deep-alias.md": update(f"aliases: [/{'/'.join(['x' * 150] * 30)}/]\n")},
        "E-ALIAS",
    ),
    (
        "a decompression bomb",
        {
            "updates/en/bomb.md": update("feature_image: {src: /images/bomb.png, alt: x}\n"),
            "images/bomb.png": Generated("bomb"),
        },
        "E-IMAGE-UNREADABLE",
    ),
    (
        "a half-uploaded image",
        {
            "updates/en/half.md": update("feature_image: {src: /images/half.jpg, alt: x}\n"),
            "images/half.jpg": Generated("half"),
        },
        "E-IMAGE-UNREADABLE",
    ),
    ("nesting on one line", {"updates/en/one-line.md": update(body="- " * 500 + "x")}, "E-NESTING"),
    (
        "merge keys that double",
        {
            "updates/en/merge.md": update(
                "".join(f"l{n}: &l{n} {{<<: [*l{n - 1}, *l{n - 1}]}}\n" if n else "l0: &l0 {a: 1}\n" for n in range(30))
            )
        },
        "E-YAML",
    ),
    ("30,000 brackets", {"updates/en/brackets.md": update(body="[" * 30_000)}, "E-TOO-COMPLEX"),
    ("any character between date and time", {"updates/en/sep.md": update(date='"2021-12-02X15:46:00"')}, "E-DATE"),
    ("a body of angle brackets", {"updates/en/angles.md": update(body="<" * 200_000)}, "E-TOO-COMPLEX"),
    ("escaped brackets never closed", {"updates/en/escaped.md": update(body="\\[" * 40_000)}, "E-TOO-COMPLEX"),
    ("a summary of tags", {"updates/en/summary.md": update("summary: '" + "<a" * 60_000 + "'\n")}, "E-TOO-COMPLEX"),
    ("fifty tags", {"updates/en/tags.md": update("tags: [" + ", ".join(f"t{n}" for n in range(50)) + "]\n")}, None),
    (
        "a definition list of 20,000 lines",
        {"updates/en/glossary.md": update(body="a\n: " * 20_000 + "a")},
        "E-TOO-COMPLEX",
    ),
    (
        "an HTML table of 600 rows",
        {
            "updates/en/table.md": update(
                body="<table>\n" + "<tr><td>a</td><td>b</td><td>c</td></tr>\n" * 600 + "</table>"
            )
        },
        None,
    ),
    # Found by the red team's last pass
    ("a static file among the resized images", {"images/sized/photo-480.webp": b"RIFF"}, "E-DUPLICATE-URL"),
    (
        "two static files a Mac sees as one",
        {"images/map.png": b"\x89PNG a", "images/Map.png": b"\x89PNG B"},
        "E-DUPLICATE-URL",
    ),
    ("an old address in .git", {"updates/en/dotgit.md": update("aliases: [/.git/config]\n")}, "E-ALIAS"),
    ("an old address in capitals", {"updates/en/caps.md": update("aliases: [/ROBOTS.TXT]\n")}, "E-ALIAS-TAKEN"),
    ("an old address on GitHub's CNAME", {"updates/en/cname.md": update("aliases: [/CNAME]\n")}, "E-ALIAS-TAKEN"),
    (
        "a portrait outside content",
        {"people/far.md": "---\nname: Far\nphoto: {src: ../../outside/secret.png, alt: x}\n---\n"},
        "E-IMAGE-PATH",
    ),
    (
        "a partner with no name",
        {"partners/nameless.md": "---\nurl: https://nameless.example/\n---\nText.\n"},
        "E-REQUIRED",
    ),
    (
        "a feature image written relative to the file",
        {"updates/en/relative.md": update("feature_image: {src: images/real.png, alt: x}\n")},
        "E-IMAGE-PATH",
    ),
    (
        "one name for two partners",
        {
            "partners/zz-second.md": "---\nname: Second\nother_names: [Shared]\n---\n",
            "partners/aa-first.md": "---\nname: First\nother_names: [Shared]\n---\n",
        },
        "W-AMBIGUOUS-NAME",
    ),
    ("a hard link to a file outside", {"images/hard.txt": HardLink("{outside}/secret.txt")}, "E-SYMLINK"),
    ("a link to that hard link", {"images/via-link.txt": Link("hard.txt")}, "E-SYMLINK"),
    (
        "a feature image on the build machine",
        {"updates/en/file-image.md": update("feature_image: {src: 'file:///etc/hostname', alt: x}\n")},
        "E-IMAGE-PATH",
    ),
    (
        "an embed after `<iframe/`",
        {"updates/en/slash.md": update(body='<iframe/src="https://evil.example/"></iframe>')},
        "W-EMBED",
    ),
    (
        "an embed after a `>` in quotes",
        {"updates/en/gt.md": update(body='<iframe title="a>b" src="https://evil.example/"></iframe>')},
        "W-EMBED",
    ),
    (
        "an embed in the summary",
        {"updates/en/sum-embed.md": update("summary: '<iframe src=\"https://evil.example/\"></iframe>'\n")},
        "W-EMBED",
    ),
    # Paths in slugs and keys stay in the output folder
    ("slug escaping", {"updates/en/slug.md": update("slug: ../../../etc/passwd\n")}, None),
    ("windows slug", {"updates/en/win.md": update("slug: '..\\\\..\\\\evil'\n")}, None),
    ("key escaping", {"updates/en/key.md": update("translation_key: ../../x\n")}, None),
    ("encoded slug", {"updates/en/enc.md": update("slug: '%2e%2e/%2e%2e/evil'\n")}, None),
    ("absolute slug", {"updates/en/abs.md": update("slug: /tmp/evil\n")}, None),
    ("save_as", {"updates/en/save.md": update("save_as: ../../evil.html\n")}, "W-UNKNOWN-KEY"),
    # Markup that a step after the sanitizer would make of text
    (
        "an iframe's text, which tidying the HTML read as tags",
        {"updates/en/iframe-text.md": update(body='<iframe width="1"></p><img src=x onerror=alert(document.domain)>')},
        None,
    ),
    (
        "a link marker in a title, which Pelican rewrites unescaped",
        {
            "updates/en/marker-title.md": update(
                body="<p title=\"x content = '{static}/uploads/a&amp;b.txt?&quot;&gt;&lt;script&gt;alert(1)"
                "&lt;/script&gt;'\">hello</p>"
            ),
            "uploads/a&b.txt": "a list",
        },
        None,
    ),
    # A Latin-1 name (a zip made on Windows): Python holds its byte as a surrogate, which no UTF-8 text may hold
    ("a file name that is not UTF-8", {"updates/en/caf\udce9.md": update(title="Latin-1 name")}, "E-FILE-NAME"),
    ("an upload name that is not UTF-8", {"uploads/r\udce9sum\udce9.txt": "a CV"}, "E-FILE-NAME"),
]

FINE = {"updates/en/fine.md": update(title="Fine", body="Still here.")}


def marker(path):
    return "MARK" + hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:10]


def shown(path):
    """A path as findings name it: a byte of a name that is not UTF-8 as `\\xe9`."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def make(root, cases=CASES):
    """Write the cases' files under root/content, and the secrets beside it (root/outside/)."""
    outside = root / "outside"
    for rel, text in {
        ".git/config": f"[remote] token = {SECRET}\n",
        "secret.txt": SECRET,
        "folder/secret.png": SECRET,
        "secret.png": SECRET,
        "outside.md": update(title="Outside", body=SECRET),
    }.items():
        (outside / rel).parent.mkdir(parents=True, exist_ok=True)
        (outside / rel).write_text(text, encoding="utf-8")
    content = root / "content"
    for _, files, _ in [("fine", FINE, None), *cases]:
        for rel, value in files.items():
            write(content / rel, rel, value, outside)
    return content


def write(path, rel, value, outside):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(value, Link):
        os.symlink(value.target.format(outside=outside), path)
    elif isinstance(value, HardLink):
        os.link(value.target.format(outside=outside), path)
    elif isinstance(value, Fifo):
        os.mkfifo(path)
    elif isinstance(value, Generated):
        path.write_bytes(value.data())
    elif isinstance(value, bytes):
        path.write_bytes(value)
    else:
        tail = f"\n\n{marker(rel)}\n" if value.startswith("---\n") else ""
        path.write_text(value + tail, encoding="utf-8")
