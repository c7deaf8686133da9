// The organs what a user typed names exactly: the id, or the name folded (both indexed).
MATCH (organ:Organ {id: $id})
RETURN organ.id AS id, organ.name AS name
UNION
MATCH (organ:Organ {name_key: $name_key})
RETURN organ.id AS id, organ.name AS name
