"""A content file's bytes into text, front matter and body, with the line of every key.

Everything here raises `findings.ContentError` (the file cannot be read) or
reports a finding and goes on; nothing a file holds may raise anything else.
"""

import contextlib
import html
import re
import signal
import threading

import markdown
import yaml
from frontmatter.default_handlers import YAMLHandler

from hubcore import findings
from hubcore.text import CONTROL

from . import schema

# libyaml's parser when PyYAML has it (its wheels do): the same rules, several times faster.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NULL_TAG, MERGE_TAG = "tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"


# Markdown parses nested lists and quotes by recursion, and in time that grows with the square of the depth:
# no real text nests this deep. A level is one `>`, one list marker or four columns of indentation.
MAX_NESTING = 50
DEEP_LINE = re.compile(
    r"^(?:(?: {4}|\t)|[ \t]{0,3}>|[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+){%d}" % MAX_NESTING, re.MULTILINE
)
# Markdown reads a paragraph's links and tags in a time that grows with the square of how many `[` and `<` it
# holds (2,000 take a second, 30,000 minutes), and a definition list with the square of its lines. The work of
# each paragraph is estimated so (the square of its `[` and `<`, and a weight of the square of its lines), and the
# sum is bounded. Raw HTML blocks are passed through whole, not read for links: the archive's largest, a
# paragraph of 260 tags, or a table of 600 rows, costs nothing.
MAX_MARKUP_WORK = 4_000_000
LINE_WORK = 0.07  # a line of a long block, against a `[` or `<` of a paragraph (measured on Python-Markdown 3.11)
PARAGRAPH = re.compile(r"\n[ \t]*\n")
RAW_HTML_BLOCK = re.compile(
    r"\s*<(?:%s)\b" % "|".join(sorted(markdown.Markdown().block_level_elements, key=len, reverse=True)), re.IGNORECASE
)
# A text this long is rendered by `./dev check` too, under the same time limit as a build's: what the estimate
# misses, a check then reports as a build does. Shorter ones read in well under a second.
RENDERED_IN_CHECK_FROM = 10_000


# A definition-list line (`: the definition`). Python-Markdown reads each one of a run a level deeper than the
# last: a few hundred in a row exceed Python's recursion, which no guard above foresees. A check renders a text
# with this many anywhere in it.
DEFINITION = re.compile(r"^[ \t>]*:[ \t]", re.MULTILINE)
DEFINITIONS_RENDERED_IN_CHECK_FROM = 50
# Python-Markdown reads inside an HTML element marked `markdown` (md_in_html) a level deeper for each. The word
# anywhere: a tag's attributes are not worth parsing here.
MARKDOWN_IN_HTML = re.compile(r"\bmarkdown\b", re.IGNORECASE)
# A summary of only these characters has no Markdown that could empty it or make it longer: measured as written,
# it is as long as its HTML's text or longer.
PLAIN_SUMMARY = re.compile(r"[\w .,;:?!'\"()%/’‘“”…–—-]*")


def checked_as_html(text, settings, summary=False):
    """Whether `./dev check`, which renders no page, needs the HTML a build makes of `text` to report what the
    build reports. Cheap tests on the source, which say yes to more texts than need it ("attached", "ecstatic",
    "written in Markdown"), never to fewer:

    - its HTML may link a file for Pelican to publish (`{static}`, `{attach}`, in any of Pelican's spellings,
      their letters perhaps written as HTML entities, which the sanitizer decodes): an image beside its update is
      published only so (E-NOT-PUBLISHED otherwise);
    - it nests in ways the source guards do not measure (E-NESTING when Markdown reads them): many
      definition-list lines, or HTML elements marked `markdown`;
    - a summary of more than plain words, or longer than a summary may be: its length and emptiness are those of
      its HTML (E-SUMMARY-LONG, E-SUMMARY-EMPTY).
    """
    words = html.unescape(text) if "&" in text else text
    if "static" in words or "attach" in words:
        return True
    if MARKDOWN_IN_HTML.search(text) or len(DEFINITION.findall(text)) >= DEFINITIONS_RENDERED_IN_CHECK_FROM:
        return True
    return summary and (len(text) > settings["SUMMARY_MAX_CHARACTERS"] or not PLAIN_SUMMARY.fullmatch(text))


class Loader(_BASE_LOADER):
    """YAML's safe loader, but for two things.

    - Timestamps stay text: the schema's date check parses them, so `2021-02-30` is a finding naming its line,
      not an exception out of the YAML library.
    - A key given twice keeps its first value (as two spellings of one key do) and is noted, with both lines,
      in `repeated`; YAML would silently keep the last.
    - Merge keys (`<<`) are refused: front matter needs none, and they can cost exponential time.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self.repeated = []  # (key, first line, repeated line)

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep)
        if any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value):
            # Each `<<` copies what it merges: a few lines that merge twice the line before take exponential time.
            raise yaml.constructor.ConstructorError(
                None, None, "merge keys (`<<`) are not allowed in front matter", node.start_mark
            )
        mapping, lines = {}, {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool, type(None))):
                raise yaml.constructor.ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
            if key in mapping:
                self.repeated.append((key, lines[key], key_node.start_mark.line + 1))
                continue
            lines[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_str)
# YAML 1.1 reads `yes`, `on`, `NO`, `3.10`, `010` and `12:30` as booleans and numbers, but front matter is text:
# a title "3.10", the country NO, a tag `on`. A plain value stays as written, but for `null`, `~` and nothing
# (and `<<`, to be refused): the fields that are not text read their text (coerce.py: `true`, a date).
Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag in (NULL_TAG, MERGE_TAG)]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}


def too_much_markup(text):
    """Whether Markdown would take too long to read the text: its estimated work is over MAX_MARKUP_WORK."""
    if work(text) <= MAX_MARKUP_WORK:  # the sum of the squares is at most the square of the sums
        return False
    return sum(work(part) for part in PARAGRAPH.split(text) if not RAW_HTML_BLOCK.match(part)) > MAX_MARKUP_WORK


def work(text):
    openers, lines = text.count("[") + text.count("<"), text.count("\n")
    return openers * openers + LINE_WORK * lines * lines


class TooSlow(Exception):
    """Reading a text took longer than it may."""


@contextlib.contextmanager
def time_limit(seconds):
    """Raise TooSlow in the block after `seconds`: the last guard against a text whose Markdown would take hours.
    Only in a main thread (the build's, each read-ahead worker's), where signals are delivered."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise TooSlow()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def decode(data, settings, path):
    """The file's text; odd encodings, binaries and empty files get one clear error."""
    if not data.strip():
        raise findings.ContentError("E-EMPTY", 1, "the file is empty", "write front matter and text, or delete it")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise findings.ContentError(
            "E-ENCODING", 1, "the file is UTF-16, not UTF-8", "save it again as UTF-8 in your editor"
        )
    if b"\x00" in data[:8192]:
        raise findings.ContentError(
            "E-BINARY", 1, "this is a binary file, not text", "images belong in content/images/ with an image extension"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        findings.report(
            settings,
            findings.WARNING,
            "W-BOM",
            path,
            1,
            "the file starts with a byte-order mark",
            "save it as UTF-8 without BOM",
        )
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise findings.ContentError(
            "E-ENCODING",
            data[: error.start].count(b"\n") + 1,
            "the file is not valid UTF-8",
            "save it again as UTF-8 in your editor",
        ) from None
    return without_control_characters(text.replace("\r\n", "\n"), settings, path)


def without_control_characters(text, settings, path):
    """The text less the control characters a page or feed cannot carry, each line that had one reported."""
    if not CONTROL.search(text):
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        found = CONTROL.search(line)
        if found:
            findings.report(
                settings,
                findings.WARNING,
                "W-CONTROL-CHARACTER",
                path,
                number,
                f"an invisible control character (U+{ord(found.group()):04X}) is removed",
                "delete it: it often comes with text pasted from another program",
            )
    return CONTROL.sub("", text)


def split_front_matter(text):
    """(front-matter mapping, body, {folded key: line number}, [(key, first line, repeated line)])."""
    if not YAMLHandler.FM_BOUNDARY.match(text.split("\n", 1)[0]):
        raise findings.ContentError(
            "E-NO-FRONT-MATTER",
            1,
            "the file does not start with a `---` front-matter block",
            "begin the file with ---, the fields, then --- on its own line",
        )
    try:
        fm_text, body = YAMLHandler().split(text)
    except ValueError:
        raise findings.ContentError(
            "E-UNCLOSED-FRONT-MATTER",
            1,
            "the front matter is never closed",
            "add a line with only --- after the last field",
        ) from None
    raw, key_lines, repeated = load(fm_text)
    return raw, body, key_lines, repeated


def load(fm_text):
    """The front matter's mapping, the (file) line of each top-level key, and the keys given twice. The text
    starts with the rest of the opening `---` line, so its line numbers are the file's."""
    loader = Loader(fm_text)
    try:
        node = loader.get_single_node()
        raw = {} if node is None else loader.construct_document(node)
    except yaml.YAMLError as error:
        raise yaml_error(error) from None
    except RecursionError:
        raise findings.ContentError(
            "E-YAML", 1, "the front matter is nested too deeply", "write one `key: value` per line"
        ) from None
    except (ValueError, TypeError, OverflowError) as error:  # a tag's value it cannot be: `!!int abc`
        raise findings.ContentError(
            "E-YAML",
            1,
            f"a value of the front matter cannot be read: {error}",
            "remove the `!!` tag, or quote the value",
        ) from None
    finally:
        loader.dispose()
    if not isinstance(raw, dict):
        raise findings.ContentError(
            "E-YAML", 2, "the front matter is not a set of `key: value` lines", "write one `key: value` per line"
        )
    key_lines = {}
    for key_node, _ in node.value if node is not None else ():
        key_lines.setdefault(schema.fold(key_node.value), key_node.start_mark.line + 1)
    return raw, key_lines, loader.repeated


def yaml_error(error):
    # Where the broken construct began (an unclosed `[`) helps more than where parsing gave up.
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return findings.ContentError(
        "E-YAML",
        mark.line + 1 if mark else 1,
        f"the front matter is not valid YAML: {problem}",
        "check quotes and indentation; quote values that contain ': '",
    )
