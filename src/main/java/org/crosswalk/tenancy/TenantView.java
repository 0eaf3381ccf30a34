package org.crosswalk.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.system.Txn;

/**
 * What one tenant may see, as a dataset: the reference data as the default graph, and as named graphs
 * only that tenant's own graphs (its profiles, their versions, its history). Nothing else exists in it:
 * {@code GRAPH ?g} enumerates only those graphs, {@code GRAPH <another tenant's graph>} and
 * {@code FROM NAMED <…>} find an empty graph (made on the spot, in this view only), and the system graph of tenants and tokens is never in it.
 * The isolation is this view of the store, not a rewriting of query text. Both are read in one read
 * (embedded: one TDB2 read transaction each) for the whole query. In remote mode the tenant graphs are
 * fetched from the store when the query first touches them.
 */
public final class TenantView {
    private final Dataset reference;
    private final TenantGraphs tenants;

    public TenantView(Dataset reference, TenantGraphs tenants) {
        this.reference = reference;
        this.tenants = tenants;
    }

    /** Runs {@code work} with a read-only dataset of the reference graph and this tenant's graphs. */
    public <T> T read(String tenant, Function<Dataset, T> work) {
        return Txn.calculateRead(reference, () -> tenants.read(() -> {
            DatasetGraph ref = reference.asDatasetGraph();
            DatasetGraphMapLink view = new DatasetGraphMapLink(ref.getDefaultGraph());
            DatasetGraph tdsg = tenants.graphs();
            List<Node> own = new ArrayList<>();
            tdsg.listGraphNodes().forEachRemaining(g -> { if (TenantVocab.ownedBy(g, tenant)) own.add(g); });
            for (Node g : own) view.addGraph(g, tdsg.getGraph(g));
            // Same query rules as the other doors (timeouts, no SERVICE, allowed functions), and the text
            // index of the reference data for text:query.
            view.getContext().putAll(ref.getContext());
            if (ref instanceof DatasetGraphText text) view.getContext().set(TextQuery.textIndex, text.getTextIndex());
            return work.apply(DatasetFactory.wrap(new org.apache.jena.sparql.core.DatasetGraphReadOnly(view)));
        }));
    }
}
