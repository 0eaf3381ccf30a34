package org.crosswalk.queries;

import java.util.function.Function;

import org.apache.jena.rdfconnection.RDFConnection;

/**
 * The dataset a named query runs on when it is not the plain store: e.g. the reference data plus one
 * tenant's immutable profile version graph, so the same named query reads a stored profile from
 * {@code GRAPH ?profile { … }} (its {@code profile} parameter) instead of from lists copied out of it.
 * Which graphs are in the scope is decided by whoever makes it (the tenancy layer), in the store layer:
 * a query in a scope cannot see a graph the scope does not hold, whatever its text says.
 */
public interface QueryScope {

    /**
     * What the answer in this scope depends on besides the query, its parameters and the reference data
     * version: part of the result-cache key. It must change whenever the scope's own graphs could answer
     * differently (e.g. the graph's name and a digest of its statements).
     */
    String cacheKey();

    /** Runs read-only work on a connection to the scope's dataset, in one read of each store behind it. */
    <T> T read(Function<RDFConnection, T> work);

    /**
     * Like {@link #read}, for a named query that reads only what concerns {@code framework} of the
     * reference data ({@code # slice:}): the scope may then read that framework's in-memory slice, as
     * CrosswalkStore#readAbout does. {@code framework} null: the same as {@link #read}.
     */
    default <T> T readAbout(String framework, Function<RDFConnection, T> work) {
        return read(work);
    }
}
