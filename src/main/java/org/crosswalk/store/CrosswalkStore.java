package org.crosswalk.store;

import java.util.Map;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;

/**
 * Where the graph lives, as the rest of the service sees it: the named-query runner, the id index, the
 * exports and the health/metrics read through this and nothing else. Modelled on RDF4J's Repository
 * (what callers hold) over a Sail (how it is stored), with Jena's {@link RDFConnection} as the connection,
 * so the same code runs on the embedded TDB2 + Lucene store and on any SPARQL 1.1 store over HTTP.
 *
 * <p>The reference data (ontology/ + mappings/) is the default graph; everything else a deployment stores
 * (e.g. tenant profiles, {@code https://w3id.org/crosswalk/tenant/<tenant>/profile/<id>}) goes in named
 * graphs, written through {@link #update} / {@link #replaceNamedGraphs} so each change is one transaction.
 */
public interface CrosswalkStore extends AutoCloseable {

    /** The data version (hash of ontology/ + mappings/) of the reference data this store holds. */
    String version();

    /**
     * Runs read-only work on a connection. Embedded: inside one read transaction, so every query in
     * {@code work} sees the same snapshot. Remote: plain HTTP requests (the store has no cross-request
     * transactions). The connection must not escape {@code work}.
     */
    <T> T read(Function<RDFConnection, T> work);

    /**
     * Like {@link #read}, for work that reads only what concerns one framework of the reference data: the
     * named queries whose header says {@code # slice: <parameter>} (see NamedQuery#sliceParameter).
     * Embedded: may read an in-memory slice of the data around that framework. Otherwise the same as read.
     */
    default <T> T readAbout(String framework, Function<RDFConnection, T> work) {
        return read(work);
    }

    /**
     * Like {@link #read}, for work that needs only the reference data (the default graph), possibly with
     * its full-text index (jena-text's {@code text:query}, used by queries/search.rq). Embedded: the store
     * itself. Remote: the service's own in-memory copy of the same validated reference data (the version
     * the store records), because a SPARQL 1.1 store need not have a text index, and so the id index can
     * be built while the store is still unreachable.
     */
    <T> T readReference(Function<RDFConnection, T> work);

    /** Runs one SPARQL Update request as one transaction: all of it or none of it. */
    void update(UpdateRequest request);

    /**
     * Replaces each named graph with the given content (an empty graph removes it), all in one
     * transaction. The default graph (reference data) is never touched this way.
     */
    default void replaceNamedGraphs(Map<String, Graph> graphs) {
        UpdateRequest request = new UpdateRequest();
        graphs.forEach((iri, graph) -> {
            Node name = NodeFactory.createURI(iri);
            request.add(new UpdateDrop(name, true));
            if (!graph.isEmpty()) {
                QuadDataAcc quads = new QuadDataAcc();
                graph.find().forEachRemaining(t -> quads.addQuad(Quad.create(name, t)));
                request.add(new UpdateDataInsert(quads));
            }
        });
        update(request);
    }

    /** The prefixes declared by the reference data, so exports read the same in every mode. */
    PrefixMapping prefixes();

    /** Triples in the default graph (the reference data): health and metrics. */
    long tripleCount();

    /** The dataset in this JVM that the analysts' read-only SPARQL door serves (with the text index). */
    Dataset endpointDataset();

    /**
     * The reference data for work that composes it with graphs kept elsewhere (a tenant's profile version,
     * TenantView) and reads only what concerns {@code framework} (null: anything). Called inside a read
     * transaction of {@link #endpointDataset()}: embedded, the in-memory copy or the framework's slice of
     * that very snapshot when there is one, as {@link #readAbout} reads; else the endpoint dataset itself.
     */
    default DatasetGraph referenceForThisRead(String framework) {
        return endpointDataset().asDatasetGraph();
    }

    @Override
    void close();
}
