package org.crosswalk.tenancy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Where tenant data lives (profiles, their versions, PROV-O history, tenants and API tokens), as
 * {@link Profiles}, {@link TenantDirectory} and {@link TenantView} see it: a dataset read and written
 * inside {@link #read} / {@link #write}. Two implementations:
 * <ul>
 * <li>{@link TenantStore}: the tenants' own TDB2 database beside the embedded reference store (one
 *     process; every write one TDB2 write transaction);</li>
 * <li>{@link RemoteTenantStore}: a dataset of the remote SPARQL store ({@code crosswalk.store=remote}),
 *     so every replica sees the same tenants; a write is an optimistic transaction committed as one
 *     conditional SPARQL Update guarded on the revision stamps of the graphs it read.</li>
 * </ul>
 * A write's action may run more than once (the remote store retries it on a lost race with another
 * replica): it must change nothing but the dataset.
 */
public interface TenantGraphs extends AutoCloseable {

    /** Runs {@code action} on one consistent state; {@link #graphs()} is that state. */
    <T> T read(Supplier<T> action);

    /** Runs {@code action} as one transaction: everything it changes in {@link #graphs()} lands, or nothing does. */
    <T> T write(Supplier<T> action);

    /** The tenant dataset of the read or write running on this thread. */
    DatasetGraph graphs();

    /** A consistent snapshot of every tenant graph and the system graph as gzipped N-Quads; the number of quads. */
    long backup(Path target) throws IOException;

    @Override
    void close();
}
