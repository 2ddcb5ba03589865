"""Pelican's Writer, with a say over how each file is opened for writing and when each page is rendered.

Pelican's `_open_w` (private) keeps its bookkeeping of files written twice and
then opens the file; here the bookkeeping is Pelican's, to the letter
(tests/test_writer.py compares them), and the opening is `open_file`, which
the incremental writer replaces with a file written only when its bytes change.
A subclass that renders its pages through `render` has them rendered in several
processes (parallel.py), and `settle` puts them on disk.
"""

import logging

from pelican.writers import FileOverwriteFailedError, Writer

from . import parallel

logger = logging.getLogger(__name__)


class OpeningWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        self.pages = parallel.Pages(self.settings)

    def render(self, template, localcontext, context):
        """The text of a page, or, when pages are rendered in several processes, a `parallel.Later` for the file
        `open_file` gives to hand to `self.pages`."""
        if self.pages.deferring:
            return parallel.Later(template, localcontext, context)
        return template.render(localcontext)

    def settle(self):
        """Every page given so far rendered and on disk."""
        self.pages.settle()

    def open_file(self, filename, encoding):
        """The file a page or feed is written into; Pelican's plain one here."""
        return open(filename, "w", encoding=encoding)

    def forget_written(self):
        """Start Pelican's guard against writing a file twice afresh: for a writer that writes a page again in a
        later build of the same process (`./dev serve`)."""
        self._written_files.clear()
        self._overridden_files.clear()

    def _open_w(self, filename, encoding, override=False):
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return Discarded()
        if filename in self._written_files:
            if not override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already written '
                    "to it previously (set `override=True` if intended)"
                )
            logger.info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return self.open_file(filename, encoding)


class Discarded:
    """Where a page Pelican skips goes (its `os.devnull`): its text, or the page it would have rendered later."""

    def write(self, text):
        pass

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        return None
