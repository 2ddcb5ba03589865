"""Connecting a plugin's handlers: one table per plugin, read by register()."""


def connect(signal_handlers):
    """`signal_handlers` maps a Pelican signal to a handler or a tuple of handlers, run in order."""
    for signal, handlers in signal_handlers.items():
        for handler in handlers if isinstance(handlers, tuple) else (handlers,):
            # Strong references: a handler made by `adds_generator` lives nowhere else.
            signal.connect(handler, weak=False)


def adds_generator(generator_class):
    """A `get_generators` handler that adds `generator_class` to Pelican's generators."""

    def get_generators(pelican):
        return generator_class

    return get_generators
