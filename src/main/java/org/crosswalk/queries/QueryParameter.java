package org.crosswalk.queries;

/**
 * One parameter of a named query, as declared in its header:
 * {@code # param: name : type = default | description}. The default is SPARQL text ("eu-ai-act",
 * UNDEF, [] for an empty list); the value actually used when the caller gives none is whatever the
 * query's own VALUES block says, so the file runs as-is in the query UI with the same defaults.
 */
public record QueryParameter(String name, ParameterType type, String defaultValue, String description) {
}
