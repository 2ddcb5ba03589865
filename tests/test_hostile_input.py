"""Odd and hostile files: each gets its own finding or builds; the rest of the site always builds."""

import pytest

FINE = {"updates/en/fine.md": "---\ntitle: Fine\ndate: 2021-01-01\n---\nStill here.\n"}

ODD = [
    ("huge file", "updates/en/huge.md", "---\ntitle: Huge\ndate: 2021-01-01\n---\n" + "word " * 4_000_000,
     "E-TOO-LARGE"),
    ("year 1", "updates/en/old.md", "---\ntitle: Old\ndate: 0001-01-01\n---\nx\n", None),
    ("year 9999", "updates/en/far.md", "---\ntitle: Far\ndate: 9999-12-31\n---\nx\n", "E-FUTURE-DATE"),
    ("long title", "updates/en/long.md", "---\ntitle: " + "a" * 10_000 + "\ndate: 2021-01-01\n---\nx\n", None),
    ("YAML anchors", "updates/en/anchor.md", "---\ntitle: &t Anchored\nsummary: *t\ndate: 2021-01-01\n---\nx\n", None),
    ("duplicate keys", "updates/en/dup.md", "---\ntitle: A\ntitle: B\ndate: 2021-01-01\n---\nx\n", None),
    ("billion laughs", "updates/en/laughs.md",
     "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ntitle: L\ndate: 2021-01-01\n"
     "---\nx\n", "W-UNKNOWN-KEY"),
    ("python tag", "updates/en/tag.md", "---\ntitle: !!python/object/apply:os.system ['touch /tmp/pwned']\n---\n",
     "E-YAML"),
    ("slug escaping", "updates/en/slug.md", "---\ntitle: S\ndate: 2021-01-01\nslug: ../../../etc/passwd\n---\nx\n", None),
    ("windows slug", "updates/en/win.md", "---\ntitle: W\ndate: 2021-01-01\nslug: '..\\\\..\\\\evil'\n---\nx\n", None),
    ("key escaping", "updates/en/key.md", "---\ntitle: K\ndate: 2021-01-01\ntranslation_key: ../../x\n---\nx\n", None),
    ("encoded slug", "updates/en/enc.md", "---\ntitle: E\ndate: 2021-01-01\nslug: '%2e%2e/%2e%2e/evil'\n---\nx\n", None),
    ("absolute slug", "updates/en/abs.md", "---\ntitle: A\ndate: 2021-01-01\nslug: /tmp/evil\n---\nx\n", None),
    ("encoded alias", "updates/en/alias.md",
     "---\ntitle: A\ndate: 2021-01-01\naliases: ['/%2e%2e/%2e%2e/evil', '/%2E%2E%2Fevil']\n---\nx\n", "E-ALIAS"),
    ("save_as", "updates/en/save.md", "---\ntitle: S\ndate: 2021-01-01\nsave_as: ../../evil.html\n---\nx\n",
     "W-UNKNOWN-KEY"),
    ("image escaping", "updates/en/img.md",
     "---\ntitle: I\ndate: 2021-01-01\nfeature_image: {src: ../../../../etc/passwd, alt: x}\n---\nx\n", "E-IMAGE-PATH"),
    ("image outside content", "updates/en/out.md",
     "---\ntitle: O\ndate: 2021-01-01\nfeature_image: {src: ../../../secret.png, alt: x}\n---\nx\n", "E-IMAGE-PATH"),
]


@pytest.mark.parametrize("name, path, text, code", ODD, ids=[o[0] for o in ODD])
def test_odd_files_build_or_get_their_finding_and_nothing_leaves_the_output(build_site, tmp_path, name, path, text,
                                                                           code):
    from PIL import Image
    Image.new("RGB", (600, 400)).save(tmp_path / "secret.png")  # beside content/: must never be published
    site = build_site({**FINE, path: text})
    assert site.exists("/updates/fine/")
    codes = {f.code for f in site.findings if f.path == path}
    assert (code in codes) if code else not {c for c in codes if c.startswith("E-")}, site.findings
    written = {p.resolve() for p in tmp_path.rglob("*")}
    assert all(p.is_relative_to(tmp_path.resolve()) for p in written)
    assert not any(p.name == "passwd" or "secret" in p.name for p in (tmp_path / "output").rglob("*"))
    assert not (tmp_path / "evil").exists() and not (tmp_path.parent / "evil").exists()
    assert not any("%" in p.name or ".." in p.name for p in (tmp_path / "output").rglob("*"))
