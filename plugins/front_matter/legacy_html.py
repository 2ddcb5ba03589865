"""The archive's HTML made valid HTML5, looking as it did.

Posts written in a web editor carry markup HTML5 calls obsolete or invalid:
`<center>`, `<font>`, `align=`, `frameborder=`, `width="480px"` and
`width="100%"`, spaces and other characters addresses may not hold (the
sanitizer encodes the spaces and drops a Markdown size suffix ` =250x`),
`<figcaption>` outside `<figure>`, ids pasted twice
(`_mcePaste`), C1 control characters left by mojibake. After the sanitizer
(whose output is well-formed), each is rewritten: obsolete presentation
becomes the inline CSS it meant, lengths become numbers, addresses are
percent-encoded, stray captions are unwrapped, ids made unique, C1 controls
removed. An image without `alt` gets an empty one, so the page stays valid;
the source check names it (`W-IMAGE-ALT`) for an editor to describe it.

Most bodies have none of this: a quick search decides, and only those are
parsed again.
"""

import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import quote

C1 = re.compile("[\x80-\x9f]")
# What calls for the rewrite; an image only when it has no `alt` (Markdown's always have one).
NEEDS_WORK = re.compile(
    r"<(?:center|font|figcaption)\b|<img\b(?![^>]{0,2000}\salt=)|\s(?:align|frameborder|scrolling|border|id|width|"
    r"height)=|\s(?:src|href)=\"[^\"]*\s|[\x80-\x9f]",
    re.IGNORECASE,
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LENGTH = re.compile(r"^\s*(\d+)(?:\.\d+)?\s*(px)?\s*$", re.IGNORECASE)
PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")
FONT_WEIGHT = re.compile(r"(font-weight\s*:\s*)(\d+)", re.IGNORECASE)
ALIGNS = {"left", "right", "center", "justify"}
# Attributes that hold a length: on which elements a number is valid.
SIZED = {"img", "iframe", "video", "canvas", "embed", "object", "source"}


def normalize(html):
    if not NEEDS_WORK.search(html):
        return html
    rewriter = Rewriter()
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.out)


class Rewriter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out, self.open, self.ids = [], [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figcaption" and "figure" not in self.open:
            self.open.append("figcaption-unwrapped")
            return
        tag, attrs = rewrite(tag, attrs)
        self.unique_id(attrs)
        self.out.append(f"<{tag}{serialize(attrs)}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self.open:
            return
        opened = self.open.pop()
        if opened != "figcaption-unwrapped":
            self.out.append(f"</{opened}>")  # <center> was opened as <div>: closed as one

    def unique_id(self, attrs):
        if attrs.get("id"):
            seen = self.ids.setdefault(attrs["id"], 0) + 1
            self.ids[attrs["id"]] = seen
            if seen > 1:
                attrs["id"] = f"{attrs['id']}-{seen}"

    def handle_data(self, data):
        self.out.append(C1.sub("", data))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")


def rewrite(tag, attrs):
    """The element as HTML5 allows it, looking as it did."""
    attrs = {name: C1.sub("", value) if value else value for name, value in attrs.items()}
    styles = [attrs.pop("style").rstrip("; ")] if attrs.get("style") else []
    if tag == "center":
        tag, styles = "div", [*styles, "text-align: center"]
    elif tag == "font":
        tag = "span"
        styles += [f"color: {attrs['color']}"] if attrs.get("color") else []
        attrs.pop("color", None), attrs.pop("face", None), attrs.pop("size", None)
    styles += presentation(tag, attrs)
    for name in ("src", "href"):
        if attrs.get(name):
            attrs[name] = address(attrs[name])
    if tag == "img" and "alt" not in attrs:
        attrs["alt"] = ""  # valid; the source check asks an editor for a description (W-IMAGE-ALT)
    if styles:
        attrs["style"] = FONT_WEIGHT.sub(font_weight, "; ".join(style for style in styles if style))
    return tag, attrs


def presentation(tag, attrs):
    """The CSS of obsolete presentational attributes, which are removed; lengths become numbers."""
    styles = []
    align = (attrs.pop("align", None) or "").lower()
    if align in ALIGNS:
        styles.append(f"float: {align}" if tag == "img" and align in ("left", "right") else f"text-align: {align}")
    if attrs.pop("frameborder", None) == "0":
        styles.append("border: 0")
    if (attrs.pop("border", None) or "").strip() == "0" and tag == "img":
        styles.append("border: 0")
    attrs.pop("scrolling", None)
    for name in ("width", "height"):
        styles += size(tag, attrs, name)
    return styles


def size(tag, attrs, name):
    """A width or height as HTML5 takes it: a number of pixels on an image or frame, else CSS."""
    value = attrs.pop(name, None)
    length, percent = LENGTH.match(value or ""), PERCENT.match(value or "")
    if length and tag in SIZED:
        attrs[name] = length.group(1)
        return []
    if length or percent:
        return [f"{name}: {length.group(1) + 'px' if length else percent.group(1) + '%'}"]
    return []


def address(url):
    """Characters an address may not hold (beyond those the sanitizer encoded), percent-encoded; the braces of a
    `{static}` link, which Pelican resolves after this, are kept."""
    return quote(url.strip(), safe="/:@!$&'()*+,;=?#%~[]-._{}|")


def font_weight(match):
    weight = min(900, max(100, round(int(match.group(2)) / 100) * 100))
    return f"{match.group(1)}{weight}"


def serialize(attrs):
    return "".join(
        f' {name}="{escape(value, quote=True)}"' if value is not None else f" {name}" for name, value in attrs.items()
    )
