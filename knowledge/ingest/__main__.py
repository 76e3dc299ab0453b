"""Entry point for `python -m knowledge.ingest`."""

import sys

from knowledge.ingest.cli import main

sys.exit(main())
