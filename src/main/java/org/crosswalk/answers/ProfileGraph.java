package org.crosswalk.answers;

import org.crosswalk.queries.QueryScope;

/**
 * A stored profile as the named queries read it: the IRI of one immutable version graph, bound to their
 * {@code profile} parameter, and the dataset (reference data plus that graph) they run on. What is held is
 * read from the graph by the query itself; nothing is copied into parameter lists.
 *
 * @param graph the version graph's IRI
 * @param scope the dataset holding the reference data and that graph (the tenancy layer makes it)
 */
public record ProfileGraph(String graph, QueryScope scope) {}
