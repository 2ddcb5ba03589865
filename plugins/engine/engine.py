"""The engine: every change this site makes to Pelican's code, and every use of Pelican's private names.

The feature plugins hear Pelican's public signals only, and build the same site on plain Pelican
(tests/test_engine.py builds the demo and the archive sample with the engine and without it, byte for byte).
The engine is the speed and the rest of the machinery:

- speedups.py: Pelican's functions replaced by faster ones with the same results, and the listing of files
  from the run's inventory of content/ (listing.py);
- read_ahead.py: the files the reader cache lacks, read in several processes (Pelican's reader cache);
- writer.py: the writer the incremental plugin builds on (Pelican's private `_open_w`);
- live_cache.py: what `./dev serve`'s builder takes of Pelican's memory of a build;
- parallel.py: pages rendered in several processes (writer.py hands them over);
- fragments.py: each update's card made once per language, for every list that shows it.

It is on in the runs whose PLUGINS list it: its replacements are installed when such a run starts, and
Pelican's own put back when a run without it starts in the same process. It was written for one version of
Pelican, and refuses another, naming both: each replaced function is compared with that version's in its tests.
"""

import pelican
from pelican import signals

from hubcore import plugin
from hubcore.errors import SettingsError
from hubcore.settings import apply_defaults

from . import fragments, read_ahead, speedups

PELICAN_VERSION = "4.12.0"  # the Pelican this code replaces functions of


def switch(pelican_object):
    """A run starts: the engine's replacements in, if it is one of the run's plugins; Pelican's own, if not."""
    if not plugin.active(__package__):
        speedups.uninstall()
        return
    if pelican.__version__ != PELICAN_VERSION:
        raise SettingsError(
            f"the engine plugin was written for Pelican {PELICAN_VERSION}, and Pelican "
            f"{pelican.__version__} is installed: take `engine` out of PLUGINS, or bring "
            "plugins/engine up to that version"
        )
    speedups.install()


SIGNAL_HANDLERS = {
    signals.initialized: apply_defaults,
    signals.generator_init: (read_ahead.read_ahead, fragments.install),
}


def register():
    plugin.connect(__package__, SIGNAL_HANDLERS)
    # Not behind the plugins' gate: a run without the engine must put Pelican's functions back.
    signals.initialized.connect(switch, weak=False)
