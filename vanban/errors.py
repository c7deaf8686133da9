"""One exception hierarchy; messages name the file and the reason."""

from __future__ import annotations

__all__ = ["LoadError", "NotADocumentError", "QueryError", "StoreError", "VanbanError"]


class VanbanError(Exception):
    """Base of every error vanban raises on purpose."""


class LoadError(VanbanError):
    """A file could not be read as a directive document."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NotADocumentError(LoadError):
    """A file that was read but holds no directive document (notes, a news article): it is
    skipped, which is not a failure to read it."""


class StoreError(VanbanError):
    """A graph store could not be read or written."""


class QueryError(VanbanError):
    """A question could not be answered (unknown document, bad parameter)."""
