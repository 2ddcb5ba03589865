"""`./dev fix-encoding` on byte-for-byte copies of the seeds: the repaired files read as the build repairs them."""

import shutil

from conftest import SHARED, run_pelican
from validation import source

SEEDS = {"000_594e486b6d5589ee.txt": "updates/en/2017-06-09-collaborating-with-iom-the-un-migration-agency-on-"
                                     "openstreetmap.md",
         "002_dd4723887408dc14.txt": "updates/en/2021-12-02-open-mapping-hub-in-latam-december-2021-update.md"}
PEOPLE = {"people/nate-smith.md": "---\nname: Nate Smith\n---\n", "people/ruben-martin.md": "---\nname: Rubén Martín\n---\n"}


def copy_seeds(root):
    for seed, name in SEEDS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHARED / "seeds" / seed, root / name)
    for name, text in PEOPLE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def pages(output):
    return {p.relative_to(output): p.read_text(encoding="utf-8") for p in (output / "updates").rglob("*.html")}


def test_repaired_seeds_render_exactly_as_the_build_repairs_them(tmp_path):
    copy_seeds(tmp_path / "original")
    copy_seeds(tmp_path / "fixed")
    changes = {name: source.fix_encoding(tmp_path / "fixed" / name) for name in SEEDS.values()}
    assert [after for _, _, after in changes[SEEDS["002_dd4723887408dc14.txt"]]] == [
        "Rubén Martín", "Versión en español", "Lucía", "🦄"]
    assert [(b, a) for _, b, a in changes[SEEDS["000_594e486b6d5589ee.txt"]]] == [("HOTâ€™s", "HOT’s")]

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
