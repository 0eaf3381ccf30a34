package org.crosswalk.queries;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a named-query parameter accepts. Values arrive as text (query string, JSON, CSV), are checked
 * and resolved by {@link ParameterBinder}, and reach the query only as RDF terms in a VALUES block —
 * never spliced into the query text.
 */
public enum ParameterType {
    /** A framework short id, e.g. "eu-ai-act"; "" means none. */
    FRAMEWORK("framework", false),
    /** One requirement: IRI, CURIE (iso42001:A.6.2.4), or official id in a framework's context. */
    REQUIREMENT("requirement", false),
    /** Several requirements. */
    REQUIREMENTS("requirements", true),
    /** Several evidence types: id (ai-policy) or IRI. */
    EVIDENCE("evidence", true),
    /** An EU AI Act role code: provider, deployer, ... */
    ROLE("role", false),
    /** An EU AI Act system class code: high-risk, gpai, ... */
    SYSTEM("system", false),
    DATE("date", false),
    BOOLEAN("boolean", false),
    INTEGER("integer", false),
    TEXT("text", false),
    /**
     * A stored profile's version graph (IRI), read with {@code GRAPH ?profile { … }}. Bound only by the
     * tenant's own answers (/api/profiles/{id}/…), over a dataset that holds that one graph besides the
     * reference data; never accepted from a caller's parameters ({@link #callerMayBind}).
     */
    PROFILE("profile", false);

    public final String token;
    public final boolean list;

    ParameterType(String token, boolean list) {
        this.token = token;
        this.list = list;
    }

    /** False for a parameter no public door may bind (a tenant's graph is named by the server, never by a caller). */
    public boolean callerMayBind() {
        return this != PROFILE;
    }

    public static Optional<ParameterType> fromToken(String token) {
        return Arrays.stream(values()).filter(t -> t.token.equals(token)).findFirst();
    }
}
