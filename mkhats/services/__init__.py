"""Use cases shared by the command line and the app: each one transaction, returning a typed result.

``Workspace`` (``services/workspace.py``) binds a data file and "today"; the modules beside it hold
the use cases (values, KPI rules, wearers, wearing, checks, decisions, reviews, backup, demo). Both
front ends print what these return; neither opens the store itself. Nothing here renders widgets or
parses arguments.
"""

# ``from mkhats.services.workspace import Workspace`` keeps working for the app and the tests.
from mkhats.services.workspace import Workspace

__all__ = ["Workspace"]
