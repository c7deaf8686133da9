"""The graph: its core (model, vocabulary, attribute schema, matching keys, labels, atomic
writer), the merge of file facts into one graph (identity, build), and its exports and stores
(JSON and GraphML, Neo4j in ``neo4j/``, RDF in ``rdf/``)."""

__all__: list[str] = []
