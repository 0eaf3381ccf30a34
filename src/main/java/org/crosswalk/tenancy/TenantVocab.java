package org.crosswalk.tenancy;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Names of tenant data. A profile lives in {@code https://w3id.org/crosswalk/tenant/<tenant>/profile/<id>};
 * each version in {@code …/profile/<id>/version/<n>}; a tenant's profile metadata and PROV-O history in
 * {@code …/tenant/<tenant>/history}. Tenants and API tokens are in the system graph, which no query door
 * ever shows.
 */
public final class TenantVocab {
    private TenantVocab() {}

    public static final String TENANT_NS = "https://w3id.org/crosswalk/tenant/";
    public static final String CW = "https://w3id.org/crosswalk/ontology#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final Node SYSTEM_GRAPH = NodeFactory.createURI("https://w3id.org/crosswalk/system");

    /** Tenant and profile ids: lower-case letters, digits and hyphens, so they are safe in an IRI path. */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public static String tenantPrefix(String tenant) {
        return TENANT_NS + tenant + "/";
    }

    public static Node profileGraph(String tenant, String profile) {
        return NodeFactory.createURI(tenantPrefix(tenant) + "profile/" + profile);
    }

    public static Node versionGraph(String tenant, String profile, int version) {
        return NodeFactory.createURI(tenantPrefix(tenant) + "profile/" + profile + "/version/" + version);
    }

    public static Node historyGraph(String tenant) {
        return NodeFactory.createURI(tenantPrefix(tenant) + "history");
    }

    /** True when the graph belongs to this tenant (and to no other: the prefix ends with a slash). */
    public static boolean ownedBy(Node graph, String tenant) {
        return graph.isURI() && graph.getURI().startsWith(tenantPrefix(tenant));
    }

    public static Node cw(String local) { return NodeFactory.createURI(CW + local); }
    public static Node prov(String local) { return NodeFactory.createURI(PROV + local); }
    public static Node dct(String local) { return NodeFactory.createURI(DCTERMS + local); }
    public static final Node RDF_TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    public static final Node RDFS_LABEL = NodeFactory.createURI(RDFS + "label");
}
