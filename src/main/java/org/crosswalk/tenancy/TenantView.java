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
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.system.Txn;
import org.crosswalk.answers.ProfileGraph;
import org.crosswalk.queries.QueryScope;
import org.crosswalk.store.CrosswalkStore;

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
    /** What each read takes its reference data from, inside a read of {@code reference}: the store's in-memory copy or slice when there is one. */
    public interface ReferenceForRead {
        /** @param framework what the query reads about ({@code # slice:}), or null */
        DatasetGraph forThisRead(String framework);
    }

    private final Dataset reference;
    private final ReferenceForRead referenceForRead;
    private final TenantGraphs tenants;

    /** Reads the reference data as the store gives it for each read: CrosswalkStore#referenceForThisRead. */
    public TenantView(CrosswalkStore store, TenantGraphs tenants) {
        this(store.endpointDataset(), store::referenceForThisRead, tenants);
    }

    /**
     * @param reference        the reference dataset each read is a read transaction of (its query rules and
     *                         text index hold in the view)
     * @param referenceForRead the default graph's source for a read, called inside a read transaction of
     *                         {@code reference} and bound to give that read's snapshot (never another data
     *                         version's); {@code f -> reference.asDatasetGraph()} reads {@code reference} itself
     */
    public TenantView(Dataset reference, ReferenceForRead referenceForRead, TenantGraphs tenants) {
        this.reference = reference;
        this.referenceForRead = referenceForRead;
        this.tenants = tenants;
    }

    /** Runs {@code work} with a read-only dataset of the reference graph and this tenant's graphs. */
    public <T> T read(String tenant, Function<Dataset, T> work) {
        return read(null, tdsg -> {
            List<Node> own = new ArrayList<>();
            tdsg.listGraphNodes().forEachRemaining(g -> { if (TenantVocab.ownedBy(g, tenant)) own.add(g); });
            return own;
        }, work);
    }

    /**
     * The dataset the named queries read one stored profile in: the reference data as the default graph
     * and, as its only named graph, that profile's version graph {@code …/profile/<id>/version/<n>} (a
     * version graph never changes once written). The queries get the graph's IRI as their {@code profile}
     * parameter; nothing else of this or any other tenant is in the dataset.
     *
     * @param digest what the version holds (e.g. a hash of its statements), for the result-cache key: an
     *               id can be reused after a purge, so the graph's name alone does not identify its content
     */
    public QueryScope profileScope(String tenant, String profile, int version, String digest) {
        Node graph = TenantVocab.versionGraph(tenant, profile, version);
        return new QueryScope() {
            @Override
            public String cacheKey() {
                return graph.getURI() + "#" + digest;
            }

            @Override
            public <T> T read(Function<RDFConnection, T> work) {
                return readAbout(null, work);
            }

            @Override
            public <T> T readAbout(String framework, Function<RDFConnection, T> work) {
                return TenantView.this.read(framework, tdsg -> List.of(graph), ds -> {
                    try (RDFConnection conn = RDFConnection.connect(ds)) {
                        return work.apply(conn);
                    }
                });
            }
        };
    }

    /**
     * A profile version as the named queries read it (queries/coverage.rq, evidence-support.rq): its
     * version graph's IRI for their {@code profile} parameter, in {@link #profileScope}. The digest of its
     * statements keys cached answers, since an id (and so a version graph's name) can be reused once a
     * deleted profile is purged.
     */
    public ProfileGraph queryGraph(String tenant, Profiles.Profile p) {
        StringBuilder content = new StringBuilder();
        for (ProfileStatement s : p.statements()) content.append(s.about()).append(' ').append(s.status()).append('\n');
        String digest;
        try {
            digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new ProfileGraph(profileGraph(tenant, p.id(), p.version()), profileScope(tenant, p.id(), p.version(), digest));
    }

    /** The graph IRI the named queries read for that version (the {@code profile} parameter's value). */
    public static String profileGraph(String tenant, String profile, int version) {
        return TenantVocab.versionGraph(tenant, profile, version).getURI();
    }

    private <T> T read(String framework, Function<DatasetGraph, List<Node>> graphs, Function<Dataset, T> work) {
        return Txn.calculateRead(reference, () -> tenants.read(() -> {
            DatasetGraph ref = reference.asDatasetGraph();
            // The reference data of this very read, in memory when the store keeps it there (as its own
            // reads do): a stored profile's coverage costs what a posted one does, not a TDB2 read.
            DatasetGraphMapLink view = new DatasetGraphMapLink(referenceForRead.forThisRead(framework).getDefaultGraph());
            DatasetGraph tdsg = tenants.graphs();
            for (Node g : graphs.apply(tdsg)) view.addGraph(g, tdsg.getGraph(g));
            // Same query rules as the other doors (timeouts, no SERVICE, allowed functions), and the text
            // index of the reference data for text:query.
            view.getContext().putAll(ref.getContext());
            if (ref instanceof DatasetGraphText text) view.getContext().set(TextQuery.textIndex, text.getTextIndex());
            return work.apply(DatasetFactory.wrap(new org.apache.jena.sparql.core.DatasetGraphReadOnly(view)));
        }));
    }
}
