// Every organ's id and name, for a name no organ matches exactly (the one name containing it).
MATCH (organ:Organ)
RETURN organ.id AS id, organ.name AS name
ORDER BY id
