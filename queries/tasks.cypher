// Tasks assigned to an organ, with its role and the document that orders them.
// $organ: the organ's node id. (vanban orders task numbers naturally: 2 before 10.)
MATCH (task:Task)-[assigned:ASSIGNED_TO]->(:Organ {id: $organ})
OPTIONAL MATCH (doc:Document {id: task.document})
RETURN DISTINCT task.id AS task, task.number AS number, assigned.role AS role,
       task.document AS document, doc.label AS label, left(coalesce(task.text, ''), 160) AS text
ORDER BY document, number, role
