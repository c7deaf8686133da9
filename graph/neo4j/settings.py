"""Where the Neo4j database is and who connects: settings read from the environment.

The password never appears in a message nor in ``repr``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from vanban.errors import StoreError

__all__ = ["DEFAULT_DATABASE", "DEFAULT_URI", "DEFAULT_USER", "Neo4jSettings"]

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"


@dataclass(frozen=True)
class Neo4jSettings:
    """Where the database is and who we are; ``repr`` never shows the password.

    >>> s = Neo4jSettings.from_env({"NEO4J_PASSWORD": "s3cret"})
    >>> s.uri, s.user, s.database, "s3cret" in repr(s)
    ('bolt://127.0.0.1:7687', 'neo4j', 'neo4j', False)
    """

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default="", repr=False)
    database: str = DEFAULT_DATABASE

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Neo4jSettings:
        """``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` (or ``NEO4J_PASSWORD_FILE``, a file
        holding it, as container secrets are mounted) and ``NEO4J_DATABASE``."""
        env = os.environ if environ is None else environ
        password = env.get("NEO4J_PASSWORD") or ""
        if not password and env.get("NEO4J_PASSWORD_FILE"):
            try:
                with open(env["NEO4J_PASSWORD_FILE"], encoding="utf-8") as handle:
                    password = handle.read().strip()
            except OSError as error:
                raise StoreError(f"NEO4J_PASSWORD_FILE: cannot read it ({error.strerror})") from error
        if not password:
            raise StoreError("NEO4J_PASSWORD is not set (the Neo4j user's password; "
                             "NEO4J_URI, NEO4J_USER and NEO4J_DATABASE are optional)")
        return cls(uri=env.get("NEO4J_URI") or DEFAULT_URI, user=env.get("NEO4J_USER") or DEFAULT_USER,
                   password=password, database=env.get("NEO4J_DATABASE") or DEFAULT_DATABASE)

    @property
    def address(self) -> str:
        """The URI without any user information, safe to print."""
        return re.sub(r"//[^/@]*@", "//", self.uri)

    def redact(self, text: str) -> str:
        """``text`` with the password (and any user:password@ in URIs) masked."""
        if self.password:
            text = text.replace(self.password, "***")
        return re.sub(r"//[^/@\s]*@", "//***@", text)

