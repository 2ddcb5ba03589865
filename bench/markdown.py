"""Markdown's own cost on the bench corpus: every document's body converted by the site's Markdown, with its inline
patterns all tried and with those that cannot match left out (plugins/front_matter/inline.py), alternated.

    .venv/bin/python -m bench.markdown [--size 1000] [--rounds 3]

Run `./dev bench` first (it makes the corpus in `.bench/`).
"""

import statistics
import time

from pelican.settings import read_settings

import workflow  # noqa: F401  (puts plugins/ on the path)
from bench import ROOT, command_line, made_corpus
from front_matter import inline
from front_matter.front_matter import FrontMatterReader


def seconds(converter, bodies):
    started = time.process_time()
    for body in bodies:
        converter.reset()
        converter.convert(body)
    return time.process_time() - started


def main():
    parser = command_line(__doc__)
    args = parser.parse_args()
    bodies = [path.read_text(encoding="utf-8").split("\n---\n", 1)[1] for path in made_corpus(args.size).rglob("*.md")]
    converter = FrontMatterReader(read_settings(str(ROOT / "pelicanconf.py")))._markdown
    left_out, all_tried = [], []
    for _ in range(args.rounds):
        left_out.append(seconds(converter, bodies))
        original, inline.can_match = inline.can_match, lambda *pattern_text_references: True
        all_tried.append(seconds(converter, bodies))
        inline.can_match = original
    for name, values in (("every pattern tried", all_tried), ("those that cannot match left out", left_out)):
        print(f"{name:34s} {statistics.median(values):6.2f} s CPU for {len(bodies)} bodies (median of {args.rounds})")
    print(f"ratio {statistics.median(left_out) / statistics.median(all_tried):.2f}")


if __name__ == "__main__":
    main()
