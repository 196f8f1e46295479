package org.policygraph.web.paths;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.policygraph.web.ref.EntityRef;
import org.policygraph.web.system.WebException;

/** Resolves both ends (a missing one is a 404 naming it) and finds the paths. */
@ApplicationScoped
public class PathService {

    private final PathRepository repository;

    PathService(PathRepository repository) {
        this.repository = repository;
    }

    /** The ends and the paths between them, best first. */
    public record Result(
            EntityRef from,
            EntityRef to,
            int max,
            List<String> excludeTypes,
            List<String> excludeNodes,
            List<PathRepository.Path> paths) {}

    Result find(PathQuery query) {
        EntityRef from = repository
                .node(query.from())
                .orElseThrow(
                        () -> WebException.notFound("There is no node with the id '" + query.from() + "' (from)."));
        EntityRef to = repository
                .node(query.to())
                .orElseThrow(() -> WebException.notFound("There is no node with the id '" + query.to() + "' (to)."));
        if (from.id().equals(to.id())) {
            throw WebException.badRequest("The two ends are the same node; choose two different ones.");
        }
        return new Result(
                from,
                to,
                query.max(),
                query.excludeTypes(),
                query.excludeNodes(),
                repository.find(
                        from.id(), to.id(), query.max(), PathQuery.LIMIT, query.excludeTypes(), query.excludeNodes()));
    }
}
