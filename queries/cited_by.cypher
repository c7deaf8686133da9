// Documents that refer to this one (IMPLEMENTS and CITES).
// $document: the document's node id.
MATCH (source)-[ref:IMPLEMENTS|CITES]->(:Document {id: $document})
RETURN source.id AS document, source.label AS label, type(ref) AS relation,
       ref.source_file AS source_file
ORDER BY relation, document, coalesce(source_file, '')
