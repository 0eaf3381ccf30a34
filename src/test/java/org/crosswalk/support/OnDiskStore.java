package org.crosswalk.support;

import java.util.function.Function;

import org.apache.jena.query.Dataset;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateRequest;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.store.EmbeddedStore;

/**
 * The embedded store read the way the SPARQL door reads it: TDB2 with its text index, never the in-memory
 * copy the service's queries read. Differential tests compare the service's answers with queries run here,
 * so the copy is checked against the store, not against itself.
 */
public record OnDiskStore(EmbeddedStore store) implements CrosswalkStore {

    public static OnDiskStore of(CrosswalkStore store) {
        return new OnDiskStore((EmbeddedStore) store);
    }

    @Override
    public <T> T read(Function<RDFConnection, T> work) {
        Dataset tdb = store.dataset();
        return Txn.calculateRead(tdb, () -> {
            try (RDFConnection conn = RDFConnection.connect(tdb)) {
                return work.apply(conn);
            }
        });
    }

    @Override
    public <T> T readReference(Function<RDFConnection, T> work) {
        return read(work);
    }

    @Override
    public String version() {
        return store.version();
    }

    @Override
    public void update(UpdateRequest request) {
        store.update(request);
    }

    @Override
    public PrefixMapping prefixes() {
        return store.prefixes();
    }

    @Override
    public long tripleCount() {
        return store.tripleCount();
    }

    @Override
    public Dataset endpointDataset() {
        return store.endpointDataset();
    }

    @Override
    public void close() {
        // not ours: the service closes its store
    }
}
