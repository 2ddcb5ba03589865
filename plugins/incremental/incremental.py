"""Rebuilds that redo only what changed: pages whose inputs are the same are not rendered again, and files
whose bytes are the same are not written again (writer.py).

Off with INCREMENTAL_OUTPUT = False, and in `./dev check`, which writes nothing.
"""

import logging

from pelican import signals

from hubcore import plugin, state
from hubcore.settings import apply_defaults

from .writer import IncrementalWriter

logger = logging.getLogger(__name__)


def get_writer(pelican):
    """The incremental writer builds on the engine's (engine/writer.py): without the engine, Pelican's."""
    settings = pelican.settings
    return IncrementalWriter if settings["INCREMENTAL_OUTPUT"] and plugin.active("engine") else None


def finish(pelican):
    """The build completed: what it wrote is the next build's starting point."""
    writer = state.of(pelican.settings).writer
    if writer is not None:
        state.settle_pages(pelican.settings)  # before the pages count as made
        writer.manifest.save()
        logger.info("%d pages rendered, %d unchanged since the last build", writer.rendered, writer.kept)


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.get_writer: get_writer,
    signals.finalized: finish,
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
