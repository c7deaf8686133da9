// Bodies implementing a directive: one row per (implementing document, issuer).
// $directive: the directive's node id; $transitive: follow chains of IMPLEMENTS (else direct only).
// depth is the length of the shortest chain; lag_days counts days from the directive's date.
MATCH (root:Document {id: $directive})
MATCH chain = (doc:Document)-[:IMPLEMENTS*1..]->(root)
WHERE doc <> root AND ($transitive OR length(chain) = 1)
WITH root, doc, min(length(chain)) AS depth
OPTIONAL MATCH (doc)-[:ISSUED_BY]->(organ:Organ)
WITH root, doc, depth, collect(DISTINCT organ.name) AS names
UNWIND CASE WHEN size(names) = 0 THEN [null] ELSE names END AS issuer
RETURN doc.id AS document, doc.label AS label, doc.doc_type AS doc_type, doc.date AS date,
       issuer, depth,
       CASE WHEN root.date IS NULL OR doc.date IS NULL THEN null
            ELSE duration.inDays(date(root.date), date(doc.date)).days END AS lag_days
ORDER BY depth, coalesce(date, '9999'), document, coalesce(issuer, '')
