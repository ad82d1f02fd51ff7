"""``python -m mkhats``: the same as the ``mkhats`` command."""

import sys

from mkhats.cli import main

sys.exit(main())
