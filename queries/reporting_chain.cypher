// Who an organ reports to, and onwards, breadth first up to 10 steps, with the document that
// orders each report. depth is 1 for the organ's own lines, 2 for its recipients' lines, …
// $organ: the organ's node id.
MATCH (start:Organ {id: $organ})
MATCH chain = (start)-[:REPORTS_TO*0..9]->(reporter:Organ)
WITH reporter, min(length(chain)) AS distance
MATCH (reporter)-[line:REPORTS_TO]->(recipient:Organ)
RETURN DISTINCT distance + 1 AS depth, reporter.name AS `from`, recipient.name AS `to`,
       line.via AS via, line.document AS document
ORDER BY depth, `from`, `to`, coalesce(via, ''), coalesce(document, '')
