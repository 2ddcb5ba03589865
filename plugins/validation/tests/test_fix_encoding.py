"""`./dev fix-encoding` on byte-for-byte copies of the seeds: the repaired files read as the build repairs them."""

import shutil

from conftest import ROOT, SEEDS, run_pelican
from validation import source

NAMES = {key: path.relative_to(ROOT / "content").as_posix() for key, path in SEEDS.items()}
PEOPLE = {"people/nate-smith.md": "---\nname: Nate Smith\n---\n",
          "people/ruben-martin.md": "---\nname: Rubén Martín\n---\n"}


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
    changes = {key: source.fix_encoding(tmp_path / "fixed" / name) for key, name in NAMES.items()}
    assert [after for _, _, after in changes["002"]] == [
        "Rubén Martín", "Versión en español", "Lucía", "🦄"]
    assert [(b, a) for _, b, a in changes["000"]] == [("HOTâ€™s", "HOT’s")]

    original = run_pelican(tmp_path / "original", tmp_path / "out-original")
    fixed = run_pelican(tmp_path / "fixed", tmp_path / "out-fixed")
    assert not [f for f in fixed.findings if "MOJIBAKE" in f.code]
    assert len([f for f in original.findings if f.code == "W-MOJIBAKE"]) == 5
    assert pages(tmp_path / "out-original") == pages(tmp_path / "out-fixed")
    assert "Rubén Martín" in pages(tmp_path / "out-fixed")[
        next(p for p in pages(tmp_path / "out-fixed") if "latam" in str(p))]


def test_a_clean_file_is_left_untouched(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("---\ntitle: Café in Bogotá\n---\nAçaí, 🦄.\r\n".encode())
    assert source.fix_encoding(path) == []
    assert path.read_bytes() == "---\ntitle: Café in Bogotá\n---\nAçaí, 🦄.\r\n".encode()
