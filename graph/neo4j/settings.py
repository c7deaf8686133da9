"""Where the Neo4j database is and who connects: settings read from the environment.

The password never appears in a message nor in ``repr``. A message is masked where the password
stands as a value (quoted, after ``=`` or ``:``, or as a URI's user information), never where
the same letters are a word of the message: with ``NEO4J_PASSWORD=neo4j``, masking every
``neo4j`` would print ``*** at bolt://…``, and the stars would spell the password out.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from vanban.errors import StoreError

__all__ = [
    "DEFAULT_BATCH", "DEFAULT_DATABASE", "DEFAULT_URI", "DEFAULT_USER", "DEFAULT_WRITERS", "Neo4jSettings",
]

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
DEFAULT_BATCH = 5000  # rows per write transaction
# Concurrent write transactions. The server applies one transaction on one core; two keep a
# two-core machine busy while the client packs the next batch.
DEFAULT_WRITERS = 2


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
        """``text`` with secrets masked where they stand as values: a URI's user:password@, the
        value of a key such as ``password`` or ``credentials``, and the password itself in
        quotes, or after ``=`` or ``: `` and before a space, a delimiter or the end. A password
        that is also the user's or the database's name is left alone elsewhere: those names are
        printed as such, and masking them would tell the password.

        >>> s = Neo4jSettings(password="admin")
        >>> s.redact("admin rights at bolt://neo4j:admin@db:7687: 'admin' refused (administrator)")
        "admin rights at bolt://***@db:7687: '***' refused (administrator)"
        >>> Neo4jSettings(password="neo4j").redact("principal='neo4j', credentials='neo4j'")
        "principal='neo4j', credentials='***'"
        >>> Neo4jSettings(password="x").redact("Cannot load from URL 'file:///etc/passwd': configuration")
        "Cannot load from URL 'file:///etc/passwd': configuration"
        """
        text = _SECRET_VALUE.sub(lambda m: m.group(1) + "***", _USER_INFO.sub("//***@", text))
        if not self.password or self.password in (self.user, self.database):
            return text
        value = re.compile(r"(?:(?<=['\"=])|(?<=: ))" + re.escape(self.password) + r"(?=['\"\s,;&)}\]]|$)")
        return value.sub("***", text)


_USER_INFO = re.compile(r"//[^/@\s]*@")
# A key standing as a word: not the end of a path or a name (``/etc/passwd': …`` is no key).
_SECRET_VALUE = re.compile(r"""((?<![\w/.\\-])(?i:password|passwd|pwd|credentials|secret|token)(?![\w/.-])"""
                           r"""['"]?\s*[=:]\s*['"]?)[^'"\s,;&)}\]]+""")

