package org.policygraph.web.cypher;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/** The size of a console answer, roughly in the bytes of its JSON: what the byte cap counts. */
final class AnswerSize {

    private AnswerSize() {}

    static long of(Record record) {
        long n = 0;
        for (Value v : record.values()) {
            n += of(v, 0);
        }
        return n;
    }

    private static long of(Value v, int depth) {
        if (v == null || v.isNull()) {
            return 4;
        }
        if (depth > 64) {
            return 16;
        }
        return switch (v.type().name()) {
            case "STRING" -> v.asString().length() + 2L;
            case "LIST" -> {
                long n = 2;
                for (Value item : v.values()) {
                    n += of(item, depth + 1) + 1;
                }
                yield n;
            }
            case "MAP" -> {
                long n = 2;
                for (String key : v.keys()) {
                    n += key.length() + 3 + of(v.get(key), depth + 1);
                }
                yield n;
            }
            case "NODE" -> {
                Node node = v.asNode();
                long n = 64;
                for (String key : node.keys()) {
                    n += key.length() + 3 + of(node.get(key), depth + 1);
                }
                yield n;
            }
            case "RELATIONSHIP" -> {
                Relationship r = v.asRelationship();
                long n = 64;
                for (String key : r.keys()) {
                    n += key.length() + 3 + of(r.get(key), depth + 1);
                }
                yield n;
            }
            case "PATH" -> {
                Path p = v.asPath();
                long n = 16;
                for (Node node : p.nodes()) {
                    n += 64 + node.size() * 32L;
                }
                yield n + p.length() * 64L;
            }
            default -> 24;
        };
    }
}
