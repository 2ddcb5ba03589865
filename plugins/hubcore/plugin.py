"""Connecting a plugin's handlers: one table per plugin, read by register()."""


def connect(signal_handlers):
    """`signal_handlers` maps a Pelican signal to a handler or a tuple of handlers, run in order."""
    for signal, handlers in signal_handlers.items():
        for handler in handlers if isinstance(handlers, tuple) else (handlers,):
            signal.connect(handler)
