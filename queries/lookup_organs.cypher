// Every organ's id and name, for resolving what a user typed.
MATCH (organ:Organ)
RETURN organ.id AS id, organ.name AS name
ORDER BY id
