// The kinds added for incidents, dated events (bill histories, sources' status claims, superseded dates) and
// classes of actors.
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT group_id IF NOT EXISTS FOR (n:Group) REQUIRE n.id IS UNIQUE;
CREATE INDEX incident_date IF NOT EXISTS FOR (n:Incident) ON (n.date);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX regulation_agora_id IF NOT EXISTS FOR (n:Regulation) ON (n.agora_id);
