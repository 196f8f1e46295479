// Full-text search over every node's names, other names and summary, a provision's text, a claim's words and the
// quotes its sources give. 'standard-folding' folds case and accents, so "Zurich" finds "Zürich".
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases, n.summary, n.text, n.claim, n.quotes]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};
