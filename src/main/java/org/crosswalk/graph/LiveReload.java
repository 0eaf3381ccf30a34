package org.crosswalk.graph;

import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.system.Txn;

/**
 * Brings a running store up to a freshly built and validated graph, after the data files changed while
 * serving (a framework imported, a reviewed suggestion accepted). Only the difference is written, in one
 * write transaction: readers see the old graph or the new one, never a mix. A restart builds the same
 * graph from the files (they are the data version), so nothing lives only in the store.
 *
 * <p>The jena-text index follows added triples; triples removed here are mapping and version triples,
 * which it does not index.
 */
public final class LiveReload {
    private LiveReload() {}

    /** Applies {@code built} to {@code dataset}; returns the number of triples added and removed. */
    public static long apply(Dataset dataset, GraphBuilder.BuiltGraph built) {
        return Txn.calculateWrite(dataset, () -> {
            Model current = dataset.getDefaultModel();
            Model removed = current.difference(built.model());
            Model added = built.model().difference(current);
            current.remove(removed);
            current.add(added);
            return removed.size() + added.size();
        });
    }
}
