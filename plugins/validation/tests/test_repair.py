"""`./dev repair` on byte-for-byte copies of the seeds: the repaired files read as the build repairs them."""

import shutil

from conftest import ROOT, SEEDS, run_pelican
from validation import source

NAMES = {key: path.relative_to(ROOT / "content").as_posix() for key, path in SEEDS.items()}
PEOPLE = {
    "people/nate-smith.md": "---\nname: Nate Smith\n---\n",
    "people/ruben-martin.md": "---\nname: Rubén Martín\n---\n",
}


def copy_seeds(root):
    for key, name in NAMES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SEEDS[key], root / name)
    for name, text in PEOPLE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def pages(output):
    return {p.relative_to(output): p.read_text(encoding="utf-8") for p in (output / "updates").rglob("*.html")}


def test_repaired_seeds_render_exactly_as_the_build_repairs_them(tmp_path):
    copy_seeds(tmp_path / "original")
    copy_seeds(tmp_path / "fixed")
    changes = {key: source.repair(tmp_path / "fixed" / name) for key, name in NAMES.items()}
    assert [after for _, _, after in changes["002"]] == ["Rubén Martín", "Versión en español", "Lucía", "🦄"]
    assert [(b, a) for _, b, a in changes["000"]] == [("HOTâ€™s", "HOT’s")]

    original = run_pelican(tmp_path / "original", tmp_path / "out-original")
    fixed = run_pelican(tmp_path / "fixed", tmp_path / "out-fixed")
    assert not [f for f in fixed.findings if "MOJIBAKE" in f.code]
    assert len([f for f in original.findings if f.code == "W-MOJIBAKE"]) == 5
    assert pages(tmp_path / "out-original") == pages(tmp_path / "out-fixed")
    assert (
        "Rubén Martín"
        in pages(tmp_path / "out-fixed")[next(p for p in pages(tmp_path / "out-fixed") if "latam" in str(p))]
    )


def test_a_clean_file_is_left_untouched(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("---\ntitle: Café in Bogotá\n---\nAçaí, 🦄.\r\n".encode())
    assert source.repair(path) == []
    assert path.read_bytes() == "---\ntitle: Café in Bogotá\n---\nAçaí, 🦄.\r\n".encode()


ESCAPED = (
    "---\ntitle: OAM\ndate: 2021-01-01\n{extra}---\nThe new look.\n\n"
    "!\\[OAM Screenshot.jpg\\](/images/oam.png)\\\nFootnote \\[1\\] stays.\n"
)


def test_escaped_markdown_is_named_with_its_line_repaired_in_archive_posts_and_by_the_repair(tmp_path, build_site):
    files = {
        "images/oam.png": b"\x89PNG\r\n\x1a\n",
        "updates/en/clean.md": ESCAPED.format(extra=""),
        "updates/en/2021-01-01-archive.md": ESCAPED.format(extra="permalink: updates/2021-01-01_oam\n"),
    }
    site = build_site(files)
    assert sorted((f.code, f.path, f.line) for f in site.findings) == [
        ("W-ESCAPED-MARKDOWN", "updates/en/2021-01-01-archive.md", 8),
        ("W-ESCAPED-MARKDOWN", "updates/en/clean.md", 7),
    ]
    hint = "write '![OAM Screenshot.jpg](/images/oam.png)' (`./dev repair` does it)"
    assert all(f.hint == hint for f in site.findings)
    assert '<img alt="OAM Screenshot.jpg" src="/images/oam.png">' in site.page("/updates/archive/")
    assert "<p>![OAM Screenshot.jpg](/images/oam.png)" in site.page("/updates/clean/")  # shown as written, and named
    path = tmp_path / "content/updates/en/clean.md"
    # The change as the repair prints it: what differs, less what both sides share.
    assert source.repair(path) == [
        (7, "\\[OAM Screenshot.jpg\\](/images/oam.png)\\", "[OAM Screenshot.jpg](/images/oam.png)")
    ]
    assert "Footnote \\[1\\] stays." in path.read_text(encoding="utf-8")
    assert build_site().findings == [f for f in site.findings if f.path != "updates/en/clean.md"]
