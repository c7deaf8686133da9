// Documents without a symbol key, for a search by title words when no id or symbol matched:
// those without a number (and every document of a store loaded before symbol keys).
MATCH (doc:Document)
WHERE doc.symbol_key IS NULL
RETURN doc.id AS id, doc.symbol AS symbol, doc.title AS title
ORDER BY id
