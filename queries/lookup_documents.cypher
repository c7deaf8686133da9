// Every document's id, symbol and title: vanban resolves what a user typed ("54-KL/TW",
// title words) against these with the same rules as on the embedded graph.
MATCH (doc:Document)
RETURN doc.id AS id, doc.symbol AS symbol, doc.title AS title
ORDER BY id
