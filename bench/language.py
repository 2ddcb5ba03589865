"""Language detection's own cost on the bench corpus: the restricted model made and loaded, then `detect()` on
each document, as the reader calls it. `.venv/bin/python -m bench.language [.bench/site-1000]` (after
`./dev bench --sizes 1000` has made the corpus)."""

import sys
import tempfile
import time
from pathlib import Path

import yaml

import workflow  # noqa: F401  (puts plugins/ on the path)
from front_matter import language

SETTINGS = {
    "LANGUAGES": {"en": {}, "es": {}, "fr": {}, "pt": {}},
    "LANGUAGE_CONFIDENCE": 0.8,
    "LANGUAGE_DETECTION_OTHERS": ["de", "it", "nl", "id"],
}


def main(site=".bench/site-1000"):
    documents = []
    for path in sorted(Path(site, "content", "updates").rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        documents.append((meta["title"], meta.get("summary", ""), body, meta.get("lang") or path.parent.name))
    settings = {**SETTINGS, "CACHE_PATH": tempfile.mkdtemp()}
    languages = tuple(sorted({*settings["LANGUAGES"], *settings["LANGUAGE_DETECTION_OTHERS"]}))
    started = time.process_time()
    language.load(languages, settings["CACHE_PATH"])
    made = time.process_time() - started
    started = time.process_time()
    identifier = language.load(languages, settings["CACHE_PATH"])
    kept = time.process_time() - started
    language._identifiers[languages] = identifier
    started = time.process_time()
    told = [language.detect(title, summary, body, settings) for title, summary, body, _ in documents]
    detecting = time.process_time() - started
    wrong = sum(found.lang != lang for found, (*_, lang) in zip(told, documents))
    print(f"model made from the package: {made:.2f} s CPU; loaded as kept: {kept:.2f} s CPU")
    print(
        f"detect() on {len(documents)} documents: {detecting:.2f} s CPU ({1000 * detecting / len(documents):.3f} ms "
        f"each); {wrong} not told their folder's language"
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
