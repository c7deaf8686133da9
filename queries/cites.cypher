// What a document refers to (IMPLEMENTS and CITES), with the file and sentence that say so.
// $document: the document's node id.
MATCH (:Document {id: $document})-[ref:IMPLEMENTS|CITES]->(target)
RETURN target.id AS document, target.label AS label, type(ref) AS relation,
       ref.source_file AS source_file, ref.evidence AS evidence
ORDER BY relation, document, coalesce(source_file, '')
