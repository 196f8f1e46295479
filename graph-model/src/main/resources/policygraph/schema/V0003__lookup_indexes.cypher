// Range indexes for the properties pages filter and sort on.
CREATE INDEX model_released IF NOT EXISTS FOR (n:Model) ON (n.released);
CREATE INDEX model_compute IF NOT EXISTS FOR (n:Model) ON (n.training_compute_flop);
CREATE INDEX regulation_adopted IF NOT EXISTS FOR (n:Regulation) ON (n.adopted);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
