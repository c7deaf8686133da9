// Documents referred to (IMPLEMENTS or CITES) by the most distinct other documents.
// $limit: how many.
MATCH (source)-[:IMPLEMENTS|CITES]->(doc:Document)
WHERE source <> doc
WITH doc, count(DISTINCT source) AS cited_by
RETURN doc.id AS document, doc.label AS label, cited_by
ORDER BY cited_by DESC, document
LIMIT $limit
