"""python -m evals.drift: see evals/drift/__init__.py."""

import sys

from evals.drift import main

sys.exit(main())
