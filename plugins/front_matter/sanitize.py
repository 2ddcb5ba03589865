"""Raw HTML in bodies, kept but defused: no scripts, no `on*=` handlers, no `javascript:` links, and
iframes only from the hosts in SANITIZE_IFRAME_HOSTS (the archive's maps and videos).

With nh3 (the Rust sanitizer ammonia): every tag and attribute the archive
uses is allowed; anything else is dropped, keeping its text. A file may opt
out with `raw_html: true` (an imported archive post that needs its embed
script); SANITIZE_HTML = False turns this off for the whole site.
"""

from urllib.parse import urlsplit

import nh3

TAGS = nh3.ALLOWED_TAGS | {"iframe", "picture", "source", "video", "audio", "track", "font", "section", "main"}
EVERYWHERE = {"class", "id", "style", "title", "lang", "dir", "width", "height", "align", "role", "aria-label",
              "aria-hidden", "data-pagefind-body", "data-pagefind-ignore"}
ATTRIBUTES = {
    "*": EVERYWHERE,
    "a": {"href", "name", "target", "rel", "hreflang"},
    "img": {"src", "alt", "srcset", "sizes", "loading", "decoding", "border"},
    "source": {"src", "srcset", "sizes", "type", "media"},
    "video": {"src", "controls", "poster", "preload", "muted", "loop", "playsinline"},
    "audio": {"src", "controls", "preload"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "iframe": {"src", "allow", "allowfullscreen", "frameborder", "loading", "scrolling", "referrerpolicy"},
    "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "type", "reversed"}, "li": {"value"}, "time": {"datetime"}, "font": {"color", "face", "size"},
    "blockquote": {"cite"}, "q": {"cite"}, "col": {"span"}, "colgroup": {"span"},
}
SCHEMES = {"http", "https", "mailto", "tel"}


def clean(html, settings):
    hosts = {host.lower() for host in settings["SANITIZE_IFRAME_HOSTS"]}

    def keep(tag, attribute, value):
        if tag == "iframe" and attribute == "src":
            host = (urlsplit(value if "//" in value else "https://" + value).hostname or "").lower()
            return value if host in hosts or any(host.endswith("." + allowed) for allowed in hosts) else None
        return value

    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, attribute_filter=keep, url_schemes=SCHEMES,
                     link_rel=None, strip_comments=False)


def unsafe_url(value):
    """A URL that would run code or embed data when followed: `javascript:`, `data:`, `vbscript:`."""
    scheme = urlsplit(str(value).strip().replace("\t", "").replace("\n", "")).scheme.lower()
    return scheme in {"javascript", "data", "vbscript"}
