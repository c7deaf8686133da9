// Bodies a directive assigned tasks to, with their roles, the task numbers and the
// implementing documents they issued themselves.
// $directive: the directive's node id; $transitive: count documents implementing it through chains.
// issued lists every (issuer, document) among the implementing documents: a collective addressee
// ("Các huyện ủy, …") also counts documents of its members, a rule on names that vanban applies
// in Python (vanban.queries.cypher) to this column.
MATCH (root:Document {id: $directive})
WITH root, COLLECT {
    MATCH chain = (doc:Document)-[:IMPLEMENTS*1..]->(root)
    WHERE doc <> root AND ($transitive OR length(chain) = 1)
    MATCH (doc)-[:ISSUED_BY]->(issuer:Organ)
    RETURN DISTINCT {organ: issuer.id, name: issuer.name, document: doc.id} AS pair
} AS issued
MATCH (root)-[:HAS_TASK]->(task:Task)-[assigned:ASSIGNED_TO]->(organ:Organ)
WITH organ, issued, collect(DISTINCT assigned.role) AS roles, collect(DISTINCT task.number) AS tasks
WITH organ, issued, roles, tasks,
     [pair IN issued WHERE pair.organ = organ.id | pair.document] AS own
RETURN organ.id AS organ, organ.name AS name, coalesce(organ.collective, false) AS collective,
       roles, tasks, own AS implemented_by, size(own) > 0 AS implemented, issued
ORDER BY implemented, name
