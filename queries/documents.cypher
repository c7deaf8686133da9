// The fields of some documents a report names: enough for each one's short name and heading.
// $ids: the documents' node ids.
MATCH (doc:Document) WHERE doc.id IN $ids
RETURN doc.id AS id, doc.symbol AS symbol, doc.doc_type AS doc_type, doc.date AS date,
       doc.title AS title, doc.sources AS sources
ORDER BY id
