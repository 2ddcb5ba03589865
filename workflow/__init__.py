"""The editors' and CI's everyday jobs behind `./dev` (tasks.py): new, translate, import, publish, deploy.

tasks.py only parses the command line; the work is here, where tests call it.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The jobs read content the way the build does, with the plugins' own code.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))


class WorkflowError(Exception):
    """A job cannot be done; the message says why and what to do instead.

    Here, not beside the content jobs: `./dev` and the publish import it, and they would otherwise load the
    whole build (Pelican, the plugins, numpy) only to start the build's own process."""
