"""Raw HTML is kept but defused; addresses that would run code are refused with the file and line."""

import pytest

from front_matter import sanitize

BODY = """<p onclick="steal()">Hello <a href="javascript:alert(1)">link</a> <a href="https://osm.org/">osm</a></p>
<script>alert("x")</script>
<iframe src="https://www.youtube.com/embed/abc" width="560" height="315" allowfullscreen></iframe>
<iframe src="https://evil.example/track"></iframe>
<blockquote class="twitter-tweet"><p>A tweet</p></blockquote>
<script async src="https://platform.twitter.com/widgets.js"></script>
<img src="/images/a.png" alt="A map" onerror="steal()" style="width: 50%">
"""


def update(body, **fields):
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\ntitle: T\ndate: 2021-01-01\n{extra}---\n{body}\n"


def test_scripts_handlers_and_unknown_iframes_are_removed_and_the_rest_kept(build_site):
    html = build_site({"updates/en/a.md": update(BODY)}).page("/updates/a/")
    body = html.split('<div class="body">')[1].split("</div>")[0]
    for gone in ("<script", "onclick", "onerror", "javascript:", "evil.example", "widgets.js"):
        assert gone not in body, gone
    for kept in (
        '<a href="https://osm.org/">osm</a>',
        'src="https://www.youtube.com/embed/abc"',
        '<blockquote class="twitter-tweet"><p>A tweet</p></blockquote>',
        'style="width: 50%"',
        'alt="A map"',
    ):
        assert kept in body, kept


def test_a_file_can_keep_its_raw_html_and_the_site_can_turn_sanitizing_off(build_site):
    site = build_site({"updates/en/a.md": update(BODY, raw_html="true")})
    assert "platform.twitter.com/widgets.js" in site.page("/updates/a/")
    site = build_site({"updates/en/b.md": update(BODY)}, SANITIZE_HTML=False)
    assert "<script>alert" in site.page("/updates/b/")


def test_code_running_addresses_in_front_matter_are_refused(build_site):
    site = build_site(
        {
            "updates/en/a.md": update(
                "Text.", feature_image="{src: 'javascript:alert(1)', alt: x}", aliases="['data:text/html,hi']"
            ),
            "people/p.md": "---\nname: P\nurl: ' JaVaScRiPt:alert(1)'\nlinks: {Site: 'vbscript:x'}\n---\n",
        }
    )
    assert sorted((f.code, f.path, f.line) for f in site.findings) == [
        ("E-URL", "people/p.md", 3),
        ("E-URL", "people/p.md", 4),
        ("E-URL", "updates/en/a.md", 4),
        ("E-URL", "updates/en/a.md", 5),
    ]
    assert "javascript:" not in site.page("/updates/a/").lower() and "javascript:" not in site.page("/people/p/")


# Read as a browser reads them (WHATWG URL rules), these load from another host than the one Python's urlsplit
# sees, or are ambiguous: every one is refused. The plain forms are kept.
EMBEDS = [
    ("https://www.youtube.com/embed/x", True),
    ("//www.youtube.com/embed/x", True),
    ("https://WWW.YouTube.com:443/embed/x?a=1#t", True),
    ("https://a.umap.openstreetmap.fr/x", True),
    ("https://evil.example\\@www.youtube.com/embed/x", False),
    ("https://www.youtube.com@evil.example/", False),
    ("https://evil.example#@www.youtube.com", False),
    ("https:www.youtube.com/x", False),
    ("https:/\\evil.example/", False),
    ("https://www.youtube.com.evil.example/", False),
    ("https://%77ww.youtube.com/", False),
    ("https://www\u3002youtube.com/", False),
    ("https://www.you\ttube.com/", False),
    ("https://www.youtube.com\\evil", False),
    ("javascript:alert(1)//www.youtube.com", False),
    ("www.youtube.com/embed/x", False),
]


@pytest.mark.parametrize("src, allowed", EMBEDS, ids=[e[0] for e in EMBEDS])
def test_embed_hosts_are_read_as_browsers_read_them(src, allowed):
    assert sanitize.embed_allowed(src, {"www.youtube.com", "umap.openstreetmap.fr"}) is allowed


def test_a_refused_embed_is_named_with_its_line_by_a_build_and_a_check(build_site):
    body = 'Intro.\n\n<iframe src="https://evil.example&#92;@www.youtube.com/embed/x"></iframe>\n'
    site = build_site({"updates/en/a.md": update(body)})
    assert [(f.code, f.line) for f in site.findings] == [("W-EMBED", 7)]
    assert "Intro." in site.page("/updates/a/") and "evil.example" not in site.page("/updates/a/")
    checked = build_site({"updates/en/a.md": update(body)}, HUB_CHECK_ONLY=True)
    assert checked.findings == site.findings


def test_links_to_content_files_survive_the_legacy_markup_rewrite(build_site):
    """An image makes the rewrite run on the whole body: `{static}` links must still be resolved."""
    site = build_site(
        {
            "images/map.png": b"\x89PNG\r\n\x1a\n",
            "updates/en/a.md": update(
                '<img src="{static}/images/map.png"> and [the map]({static}/images/map.png) <center>x</center>'
            ),
        }
    )
    html = site.page("/updates/a/")
    assert html.count('"/images/map.png"') == 2 and "%7B" not in html
