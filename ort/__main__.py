"""Allow `python -m ort`."""

import sys

from ort.cli import main

sys.exit(main())
