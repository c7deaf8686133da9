"""What a read-only Cypher query may not do, beyond the writes the server refuses itself.

A read-only query runs in a transaction opened in read access mode, in which Neo4j refuses
every write (``CREATE``, ``MERGE``, ``SET``, ``DELETE``, schema and administration commands).
``LOAD CSV`` is a read for the server, yet it reads the server's files and fetches URLs; it is
refused here before the query is sent. Keywords are looked for outside strings, quoted names
and comments, so a value or a name that holds the words is no keyword.

>>> refusal("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")
'LOAD CSV is refused in a read-only query: it reads files and URLs'
>>> refusal("MATCH (d {title: 'LOAD CSV'}) // LOAD CSV\\nRETURN d.`load csv`") is None
True
"""

from __future__ import annotations

import re

__all__ = ["refusal"]

# Strings (with backslash escapes), quoted names and comments.
_LEXEMES = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n\r]*|/\*.*?\*/", re.S)
_LOAD_CSV = re.compile(r"(?<![\w$])LOAD\s+CSV(?![\w$])", re.IGNORECASE)


def refusal(query: str) -> str | None:
    """Why ``query`` may not run read-only, or None."""
    if _LOAD_CSV.search(_LEXEMES.sub(" ", query)):
        return "LOAD CSV is refused in a read-only query: it reads files and URLs"
    return None
