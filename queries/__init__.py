"""The canned questions: declared once (:mod:`.spec`), asked of any back end (:mod:`.ask`,
:mod:`.resolve`) through one protocol (:mod:`.backend`), answered by the embedded graph
(:mod:`.embedded`), Neo4j (:mod:`.cypher`) and SPARQL (:mod:`.sparql`)."""

__all__: list[str] = []
