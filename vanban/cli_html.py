"""Command-line subcommands for the html capability (registered by vanban.cli)."""

from __future__ import annotations

import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add this capability's subcommands to the vanban parser."""
