"""The editors' and CI's everyday jobs behind `./dev` (tasks.py): new, translate, import, publish, deploy.

tasks.py only parses the command line; the work is here, where tests call it.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The jobs read content the way the build does, with the plugins' own code.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))
