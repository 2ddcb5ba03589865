"""Local feature images in several widths and WebP, with their size on the page; encoded once."""

import io
import re

from PIL import Image

from hubcore import state


def png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 80, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


FILES = {
    "images/flood-map.png": png(1600, 900),
    "updates/en/a.md": (
        "---\ntitle: A\ndate: 2021-01-01\nfeature_image: {src: /images/flood-map.png, alt: A map}\n---\nA.\n"
    ),
    "updates/en/b.md": (
        "---\ntitle: B\ndate: 2021-01-02\nfeature_image: {src: 'https://cdn.example.org/x.jpg', alt: X}\n---\n"
    ),
}


def test_local_images_get_widths_formats_and_dimensions(build_site):
    site = build_site(FILES)
    html = site.page("/updates/a/")
    webp = re.search(r'<source type="image/webp" sizes="[^"]+" srcset="([^"]+)">', html).group(1)
    widths = [int(w) for w in re.findall(r" (\d+)w", webp)]
    assert widths == [480, 960, 1440, 1600]
    img = re.search(r"<img [^>]+>", html.split("<picture>")[1]).group(0)
    assert 'width="1600" height="900" alt="A map"' in img and "loading=" not in img  # above the fold
    for url in re.findall(r"(/images/sized/[^ \"]+)", webp + img):
        assert (site.output / url.lstrip("/")).is_file(), url
    with Image.open(site.output / re.findall(r"(/images/sized/\S+-480\.webp)", webp)[0].lstrip("/")) as small:
        assert small.format == "WEBP" and small.size == (480, 270)
    assert state.of(site.settings).images_encoded == 8  # 4 widths x (WebP, PNG)


def test_remote_images_stay_as_they_are(build_site):
    site = build_site(FILES)
    assert '<img src="https://cdn.example.org/x.jpg" alt="X" fetchpriority="high" decoding="async">' in site.page(
        "/updates/b/"
    )


def test_a_rebuild_encodes_nothing_again(build_site):
    build_site(FILES)
    site = build_site(FILES)
    assert state.of(site.settings).images_encoded == 0
    assert site.exists("/updates/a/") and list((site.output / "images/sized").glob("*.webp"))


def test_a_decompression_bomb_and_a_half_uploaded_image_are_named_by_a_build_and_a_check(build_site, tmp_path):
    """The build goes on, each image is shown as it is, and `./dev check` reports the same."""
    import io

    bomb, half = io.BytesIO(), io.BytesIO()
    Image.new("1", (20000, 20000)).save(bomb, format="PNG")  # a few kilobytes; 400 million pixels decoded
    Image.new("RGB", (800, 600), "red").save(half, format="JPEG")
    post = "---\ntitle: {}\ndate: 2021-01-01\nfeature_image: {{src: /images/{}, alt: x}}\n---\nText.\n"
    files = {
        "images/bomb.png": bomb.getvalue(),
        "images/half.jpg": half.getvalue()[:2000],
        "updates/en/a.md": post.format("a", "bomb.png"),
        "updates/en/b.md": post.format("b", "half.jpg"),
    }
    built = build_site(files)
    assert sorted((f.code, f.path, f.line) for f in built.findings) == [
        ("E-IMAGE-UNREADABLE", "updates/en/a.md", 4),
        ("E-IMAGE-UNREADABLE", "updates/en/b.md", 4),
    ]
    assert 'src="/images/bomb.png"' in built.page("/updates/a/")
    assert 'src="/images/half.jpg"' in built.page("/updates/b/")
    checked = build_site(files, HUB_CHECK_ONLY=True)
    assert [(f.code, f.path) for f in checked.findings] == [(f.code, f.path) for f in built.findings]


def test_an_image_too_wide_or_too_thin_to_resize_is_named_by_a_build_and_a_check(build_site):
    """Sizes Pillow cannot save (more than WebP holds; a smaller width less than a pixel high) are found from the
    image's size, which a check reads too: a check that encodes nothing names them as the build does."""
    post = "---\ntitle: {}\ndate: 2021-01-01\nfeature_image: {{src: /images/{}, alt: x}}\n---\nText.\n"
    files = {
        "images/strip.png": png(1600, 1),
        "images/wide.png": png(17000, 120),
        "updates/en/a.md": post.format("a", "strip.png"),
        "updates/en/b.md": post.format("b", "wide.png"),
    }
    built = build_site(files)
    found = sorted((f.code, f.path, f.line, f.message) for f in built.findings)
    assert found == [
        (
            "E-IMAGE-SIZE",
            "updates/en/a.md",
            4,
            "the image is 1600×1 pixels: its 480-pixel-wide version would be less than a pixel high; it is shown "
            "as it is",
        ),
        (
            "E-IMAGE-SIZE",
            "updates/en/b.md",
            4,
            "the image is 17000×120 pixels: WebP holds at most 16,383 pixels a side; it is shown as it is",
        ),
    ]
    assert 'src="/images/strip.png"' in built.page("/updates/a/")
    checked = build_site(files, HUB_CHECK_ONLY=True)
    assert sorted((f.code, f.path, f.line, f.message) for f in checked.findings) == found


def test_a_webp_source_is_made_once_per_width_and_still_has_its_img(build_site):
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 500), (10, 90, 60)).save(buffer, format="WEBP")
    site = build_site(
        {
            "images/map.webp": buffer.getvalue(),
            "updates/en/w.md": "---\ntitle: W\ndate: 2021-01-01\nfeature_image: {src: /images/map.webp, alt: M}\n---\n",
        }
    )
    picture = re.search(r"<picture>.*?</picture>", site.page("/updates/w/"), re.S).group(0)
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert re.findall(r" (\d+)w", img) == ["480", "960", "1000"] and 'alt="M"' in img
    assert state.of(site.settings).images_encoded == 3
