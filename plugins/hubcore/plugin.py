"""Connecting a plugin's handlers: one table per plugin, read by register(), each handler heard only in the runs
whose PLUGINS name its plugin.

Pelican calls each listed plugin's register() at each run, and its signals
keep every handler ever connected: in one process (the tests, `./dev serve`'s
builder, the importer's check run), a plugin of an earlier run would go on
running in a run that leaves it out. So each handler is connected once, behind
a gate that lets it run only while its plugin is one of the current run's.
"""

from pelican import signals

_active = set()  # the plugins of the run in progress
_gated = {}  # (signal, handler) -> its gate, connected once for the process


def connect(name, signal_handlers):
    """`signal_handlers` maps a Pelican signal to a handler or a tuple of handlers, run in order, for the plugin
    `name` (its package's name, as PLUGINS names it)."""
    signals.initialized.connect(start_run, weak=False)  # first: before any plugin's own `initialized` handler
    for signal, handlers in signal_handlers.items():
        for handler in handlers if isinstance(handlers, tuple) else (handlers,):
            if (signal, handler) not in _gated:
                _gated[signal, handler] = gate(handler)
                # Strong references: the gate lives nowhere else.
                signal.connect(_gated[signal, handler], weak=False)
            _gated[signal, handler].plugins.add(name)  # a handler several plugins share runs if any is on


def gate(handler):
    def gated(*args, **kwargs):
        if gated.plugins & _active:
            return handler(*args, **kwargs)
        return None

    gated.plugins, gated.handler = set(), handler
    return gated


def start_run(pelican):
    """The run's plugins are those its PLUGINS name (by their package's name)."""
    _active.clear()
    _active.update(plugin_name(entry) for entry in pelican.settings["PLUGINS"])


def active(name):
    """Whether the plugin `name` is one of the run's."""
    return name in _active


def plugin_name(entry):
    name = entry if isinstance(entry, str) else entry.__name__
    return name.split(".")[-1] if name.startswith("pelican.plugins.") else name.split(".")[0]


def connected(signal):
    """The handlers connected to `signal` through a gate, in order, each with the plugins it serves."""
    return [
        (receiver.handler, frozenset(receiver.plugins))
        for receiver in signal.receivers.values()
        if hasattr(receiver, "plugins")
    ]


def adds_generator(generator_class):
    """A `get_generators` handler that adds `generator_class` to Pelican's generators."""

    def get_generators(pelican):
        return generator_class

    return get_generators
