"""The Textual app. Until it lands, bare ``mkhats`` prints the command line's help."""

from __future__ import annotations


def run_app(workspace, lang: str | None = None) -> int:  # noqa: ANN001 - Workspace, imported lazily
    """Open the app on ``workspace``; returns the exit code."""
    from mkhats.cli import build_parser

    build_parser().print_help()
    return 0
