"""Raw HTML in bodies, kept but defused: no scripts, no `on*=` handlers, no `javascript:` links, and
iframes only from the hosts in SANITIZE_IFRAME_HOSTS (the archive's maps and videos).

With nh3 (the Rust sanitizer ammonia): every tag and attribute the archive
uses is allowed; anything else is dropped, keeping its text. A file may opt
out with `raw_html: true` (an imported archive post that needs its embed
script); SANITIZE_HTML = False turns this off for the whole site.
"""

import re
from html import unescape as html_unescape
from urllib.parse import unquote, urlsplit

import nh3

from hubcore.text import CONTROL

from . import legacy_html

# `center` and `font` are kept to be rewritten as valid HTML5 (legacy_html.py), not dropped with their look.
TAGS = nh3.ALLOWED_TAGS | {
    "iframe",
    "picture",
    "source",
    "video",
    "audio",
    "track",
    "font",
    "center",
    "section",
    "main",
}
EVERYWHERE = {
    "class",
    "id",
    "style",
    "title",
    "lang",
    "dir",
    "width",
    "height",
    "align",
    "role",
    "aria-label",
    "aria-hidden",
    "data-pagefind-body",
    "data-pagefind-ignore",
}
ATTRIBUTES = {
    "*": EVERYWHERE,
    "a": {"href", "name", "target", "rel", "hreflang"},
    "img": {"src", "alt", "srcset", "sizes", "loading", "decoding", "border"},
    "source": {"src", "srcset", "sizes", "type", "media"},
    "video": {"src", "controls", "poster", "preload", "muted", "loop", "playsinline"},
    "audio": {"src", "controls", "preload"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "iframe": {"src", "allow", "allowfullscreen", "frameborder", "loading", "scrolling", "referrerpolicy"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
    "font": {"color", "face", "size"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "col": {"span"},
    "colgroup": {"span"},
}
SCHEMES = {"http", "https", "mailto", "tel"}
# An embed's address whose host every URL parser reads alike: a scheme (or none), `//`, a plain ASCII host name,
# a port, then the path. Browsers parse by WHATWG's rules, Python's urlsplit by RFC 3986's; they disagree on
# backslashes, `user@`, percent-encoded and non-ASCII hosts, tabs and newlines, `https:host`. Whatever is not
# this form is ambiguous, and dropped.
PLAIN_EMBED = re.compile(
    r"^(?:https?:)?//(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::[0-9]{1,5})?(?:[/?#][^\\\s]*)?$", re.IGNORECASE | re.ASCII
)


# An iframe's `src` as an HTML parser finds it: after `<iframe/`, or after an attribute whose quoted value holds `>`.
IFRAME_SRC = re.compile(
    r"""<iframe\b(?:[^>"']|"[^"]{0,2000}"|'[^']{0,2000}'){0,200}?(?<=[\s/"'])src\s*=\s*"""
    r"""(?:"([^"]{0,4000})"|'([^']{0,4000})'|([^\s>]{0,4000}))""",
    re.IGNORECASE,
)


URL_ATTRIBUTES = {"href", "src", "poster", "cite"}
# Characters that would end or break out of an attribute once Pelican unescapes a `{static}` link it rewrites
# (it does when the file's name holds `&`), and whitespace no address may hold.
NOT_IN_ADDRESS = re.compile(r"""["'<>`\s]""")
LINK_MARKERS = ("{static}", "{filename}", "{attach}")  # the intrasite links the site resolves
# A quoted value that starts with a link marker, as Pelican's INTRASITE_LINK_REGEX finds one (`{what}`, `|what|`).
QUOTED_MARKER = re.compile(r"""(["'])([{|])([^|}]*[|}].*?)\1""", re.DOTALL)
SIZE_SUFFIX = re.compile(r"^=\d*x\d*$")


def clean(html, settings):
    hosts = {host.lower() for host in settings["SANITIZE_IFRAME_HOSTS"]}

    def keep(tag, attribute, value):
        if tag == "iframe" and attribute == "src":
            return value if embed_allowed(value, hosts) else None
        if attribute in URL_ATTRIBUTES:
            return safe_address(value)
        return value

    def sanitized(text):
        return nh3.clean(
            text,
            tags=TAGS,
            attributes=ATTRIBUTES,
            attribute_filter=keep,
            url_schemes=SCHEMES,
            link_rel=None,
            strip_comments=False,
        )

    cleaned = sanitized(html)
    normalized = legacy_html.normalize(cleaned)
    if normalized is not cleaned:
        # Python's HTML parser reads some text as tags that a browser reads as text (an iframe's), and the rewriter
        # writes back what it read: what it made is sanitized again, or that text would become markup.
        normalized = sanitized(normalized)
    return defuse_markers(normalized)


def defuse_markers(html):
    """Pelican rewrites link markers after this sanitizer, wherever a quoted value starts with one (in any
    attribute, in a comment), and puts back the address unescaped when the file's name holds `&`. A marker
    whose address would then end its quotes or open a tag is made text (`&#123;static}`): shown the same, never
    rewritten."""

    def defuse(match):
        quote, opening, rest = match.group(1), match.group(2), match.group(3)
        if not NOT_IN_ADDRESS.search(html_unescape(rest)):
            return match.group(0)
        return f"{quote}&#{ord(opening)};{rest}{quote}"

    return QUOTED_MARKER.sub(defuse, html)


def safe_address(value):
    """The address with what could break its attribute percent-encoded; None for an intrasite link marker the site
    does not resolve (Pelican would write `{0}javascript:...` into the page; the source check names it)."""
    stripped = value.strip()
    if stripped[:1] in ("{", "|") and not stripped.startswith(LINK_MARKERS):
        return None
    head, space, tail = stripped.rpartition(" ")
    if space and SIZE_SUFFIX.match(tail):  # `![map](/uploads/map.png =250x)`: a size no Markdown here reads
        stripped = head.rstrip()
    return NOT_IN_ADDRESS.sub(lambda match: "%{:02X}".format(ord(match.group())), stripped)


def refused_embeds(text, settings):
    """(offset, address) of each `<iframe src>` in a source text that `clean` would remove. Read from the source,
    not the HTML, so `./dev check`, which renders few texts' Markdown, says the same as a build."""
    hosts = {host.lower() for host in settings["SANITIZE_IFRAME_HOSTS"]}
    refused = []
    for match in IFRAME_SRC.finditer(text):
        src = html_unescape(next(group for group in match.groups() if group is not None))
        if not embed_allowed(src, hosts):
            refused.append((match.start(), src))
    return refused


def embed_allowed(src, hosts):
    """Whether a browser would load the frame from one of `hosts` (or a subdomain of one), and only from there."""
    match = PLAIN_EMBED.match(src)
    if not match or CONTROL.search(src):
        return False
    host = match.group("host").lower()
    return host in hosts or any(host.endswith("." + allowed) for allowed in hosts)


def url_problem(value):
    """Why an address in the front matter may not be written into a page, or None."""
    text = str(value)
    if CONTROL.search(text) or CONTROL.search(unquote(text)):
        return "the address holds a control character (such as %00), which no web address may"
    scheme = urlsplit(text.strip().replace("\t", "").replace("\n", "").replace("\r", "")).scheme.lower()
    if scheme in {"javascript", "data", "vbscript"}:
        return "a `javascript:`, `data:` or `vbscript:` address is not allowed"
    return None
