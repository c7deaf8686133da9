// The documents what a user typed names exactly: its id, or its symbol normalised (both
// indexed). Empty when the text is a title, or the store predates symbol keys.
MATCH (doc:Document {id: $id})
RETURN doc.id AS id, doc.symbol AS symbol, doc.title AS title
UNION
MATCH (doc:Document {symbol_key: $symbol_key})
RETURN doc.id AS id, doc.symbol AS symbol, doc.title AS title
