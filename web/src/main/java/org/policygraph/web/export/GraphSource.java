package org.policygraph.web.export;

import java.util.List;
import java.util.function.Consumer;

/** What an export writer reads: the scope, its shape and licences up front, then its elements page by page. */
interface GraphSource {

    ExportScope scope();

    GraphShape shape();

    Licences licences();

    /** Hands the nodes of one label set to {@code page}, one page at a time, in id order. */
    void nodes(GraphShape.NodeGroup group, Consumer<List<ExportNode>> page);

    /** Hands the relationships of one type to {@code page}, one page at a time, in (start, end) order. */
    void relationships(GraphShape.RelationshipGroup group, Consumer<List<ExportRelationship>> page);
}
