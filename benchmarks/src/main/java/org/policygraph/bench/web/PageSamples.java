package org.policygraph.bench.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.policygraph.bench.generate.GraphGenerator;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;

/**
 * The requests a page benchmark spreads its load over, drawn with a seed: entity pages of nodes drawn uniformly
 * from the whole graph (so mostly models, as the graph is), the pages of the biggest hubs, searches (a node's name,
 * one word of the texts, or two), paths from any node to a regulation, and comparisons of models, organisations
 * and regulations side by side.
 *
 * @param entity entity pages of uniformly drawn nodes
 * @param hubs   the pages of the organisations that develop the most models, and of the longest regulations
 * @param search search pages
 * @param paths   path pages
 * @param compare comparison pages, taking turns: three models, three organisations, two regulations, drawn uniformly
 */
public record PageSamples(
        List<String> entity, List<String> hubs, List<String> search, List<String> paths, List<String> compare) {

    /** Samples of a generated graph. */
    public static PageSamples of(GraphGenerator graph, long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        long total = 0;
        for (Kind k : Kind.values()) {
            total += graph.count(k);
        }
        List<String> entity = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = draw(graph, random, total);
            entity.add("/" + node.kind().plural() + "/" + node.id());
            double u = random.nextDouble();
            String query = u < 0.5
                    ? graph.name(node.kind(), node.index())
                    : u < 0.8
                            ? GraphGenerator.word(random)
                            : GraphGenerator.word(random) + " " + GraphGenerator.word(random);
            search.add("/search?q=" + enc(query));
            Node from = draw(graph, random, total);
            String to = graph.id(Kind.REGULATION, random.nextInt(graph.count(Kind.REGULATION)));
            if (!from.id().equals(to)) {
                paths.add("/paths?from=" + enc(from.id()) + "&to=" + enc(to));
            }
        }
        List<String> compare = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Kind kind = i % 3 == 0 ? Kind.MODEL : i % 3 == 1 ? Kind.ORGANISATION : Kind.REGULATION;
            int columns = kind == Kind.REGULATION ? 2 : 3;
            List<String> ids = new ArrayList<>();
            while (ids.size() < Math.min(columns, graph.count(kind))) {
                String id = graph.id(kind, random.nextInt(graph.count(kind)));
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            compare.add(compareUrl(kind, ids));
        }
        List<String> hubs = new ArrayList<>();
        for (int rank = 0; rank < Math.min(10, graph.count(Kind.ORGANISATION) / 4); rank++) {
            hubs.add("/organisations/" + graph.biggestDeveloper(rank));
        }
        hubs.add("/regulations/" + graph.id(Kind.REGULATION, 0));
        return new PageSamples(entity, hubs, search, paths, compare);
    }

    /** Samples of a graph given as records (the default data). */
    public static PageSamples of(List<NodeRecord> nodes, long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NodeRecord> regulations =
                nodes.stream().filter(x -> x.kind() == Kind.REGULATION).toList();
        List<String> entity = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NodeRecord node = nodes.get(random.nextInt(nodes.size()));
            entity.add("/" + node.kind().plural() + "/" + node.id());
            search.add("/search?q=" + enc(random.nextBoolean() ? node.name() : GraphGenerator.word(random)));
            NodeRecord to = regulations.get(random.nextInt(regulations.size()));
            if (!to.id().equals(node.id())) {
                paths.add("/paths?from=" + enc(node.id()) + "&to=" + enc(to.id()));
            }
        }
        List<String> compare = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Kind kind = i % 3 == 0 ? Kind.MODEL : i % 3 == 1 ? Kind.ORGANISATION : Kind.REGULATION;
            List<NodeRecord> of = nodes.stream().filter(x -> x.kind() == kind).toList();
            List<String> ids = new ArrayList<>();
            while (ids.size() < Math.min(kind == Kind.REGULATION ? 2 : 3, of.size())) {
                String id = of.get(random.nextInt(of.size())).id();
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            compare.add(compareUrl(kind, ids));
        }
        return new PageSamples(
                entity, List.of("/regulations/" + regulations.get(0).id()), search, paths, compare);
    }

    private record Node(Kind kind, int index, String id) {}

    private static Node draw(GraphGenerator graph, SplittableRandom random, long total) {
        long pick = (long) (random.nextDouble() * total);
        for (Kind k : Kind.values()) {
            if (pick < graph.count(k)) {
                return new Node(k, (int) pick, graph.id(k, (int) pick));
            }
            pick -= graph.count(k);
        }
        return new Node(Kind.MODEL, 0, graph.id(Kind.MODEL, 0));
    }

    private static String compareUrl(Kind kind, List<String> ids) {
        return "/compare/" + kind.plural() + "?ids=" + enc(String.join(",", ids));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
