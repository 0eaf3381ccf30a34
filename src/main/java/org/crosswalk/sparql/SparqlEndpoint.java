package org.crosswalk.sparql;

import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.engine.main.QC;

/**
 * The analysts' door: a read-only SPARQL 1.1 endpoint and the Fuseki query UI, served by Fuseki main
 * (embedded Jetty) in this JVM over the very dataset the REST API reads. Registered without update, so
 * SPARQL Update and Graph Store writes do not exist on it; every query is cut off after the timeout;
 * SERVICE calls and functions loaded by class name are refused ({@link QueryLockdown}).
 */
public final class SparqlEndpoint implements AutoCloseable {
    /** Dataset path: query at /crosswalk/sparql (or /crosswalk/query, or /crosswalk), graph store read at /crosswalk/get. */
    public static final String DATASET_PATH = "/crosswalk";

    private final FusekiServer server;
    private final QueryAdmission admission;

    private SparqlEndpoint(FusekiServer server, QueryAdmission admission) {
        this.server = server;
        this.admission = admission;
    }

    public static SparqlEndpoint start(Dataset dataset, int port, Duration queryTimeout) {
        return start(dataset, port, queryTimeout, null);
    }

    public static SparqlEndpoint start(Dataset dataset, int port, Duration queryTimeout, jakarta.servlet.Filter guard) {
        return start(dataset, port, queryTimeout, guard, QueryAdmission.Limits.defaults(queryTimeout));
    }

    /**
     * @param guard  a servlet filter in front of every path (who may query), or null for an open endpoint
     * @param limits query size, the two lanes' concurrency and time budgets ({@link QueryAdmission})
     */
    public static SparqlEndpoint start(Dataset dataset, int port, Duration queryTimeout, jakarta.servlet.Filter guard,
            QueryAdmission.Limits limits) {
        // Fuseki reads the timeout from the dataset's context for every query it executes.
        dataset.getContext().set(ARQ.queryTimeout, Long.toString(queryTimeout.toMillis()));
        QueryLockdown.apply(dataset.getContext());
        FusekiServer.Builder builder = FusekiServer.create();
        if (guard != null) builder.addFilter("/*", guard);
        // After who-may-query, before Fuseki reads anything: size, time budget, lanes.
        QueryAdmission admission = new QueryAdmission(DATASET_PATH, limits);
        builder.addFilter("/*", admission);
        // Every query on this dataset is planned by this executor (TDB2's, with the heavy lane's checkpoints).
        QC.setFactory(dataset.getContext(), admission.executorFactory());
        FusekiServer server = builder
                .port(port)
                .add(DATASET_PATH, dataset, false)
                .enablePing(true)
                // No $/stats: request counters are an operator's read-out, not public (Prometheus has them).
                .enableStats(false)
                // The Fuseki UI (a static web app on the classpath) and the read-only calls it makes.
                // FMod_UI would do this only inside a full Fuseki server with its admin module.
                .staticFileBase(uiLocation())
                .addServlet("", new QueryUiPage())
                .addServlet("/index.html", new QueryUiPage())
                .addServlet(QueryUiPage.SCRIPT, new QueryUiPage())
                .addServlet("/$/server", new ServerDescriptionServlet(DATASET_PATH, true))
                .addServlet("/$/datasets/*", new ServerDescriptionServlet(DATASET_PATH, false))
                .addServlet("/$/validate/query", new QueryValidator())
                .build()
                .start();
        warmUp(server.getHttpPort());
        return new SparqlEndpoint(server, admission);
    }

    /**
     * One {@code ASK {}} through the whole door (admission, Fuseki, the JSON result writer) before anyone
     * asks: the first query of a JVM loads and interprets that path, which took 576-753 ms when it happened
     * under a burst of heavy queries (bench/RESULTS.md, SPARQL door), and every later ASK 7-94 ms. Best
     * effort, bounded at 5 s; a failure is ignored. It shows in the door's counters as one light query.
     * Behind a guard that wants a token (crosswalk.security.require-token-for-reference) it stops at the
     * guard with 401 and warms little: that deployment's first query pays the cost.
     */
    private static void warmUp(int port) {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + DATASET_PATH + "/sparql?query=ASK%7B%7D"))
                    .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(5)).GET().build();
            client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            // the door still works; only its first answer is slower
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String uiLocation() {
        var url = SparqlEndpoint.class.getClassLoader().getResource("webapp/index.html");
        if (url == null) throw new IllegalStateException("Fuseki UI (jena-fuseki-ui) is not on the classpath");
        String s = url.toExternalForm();
        return s.substring(0, s.length() - "index.html".length());
    }

    /** What the door in front of the dataset admitted and refused ({@link QueryAdmission}). */
    public QueryAdmission.Counters admission() {
        return admission.counters();
    }

    public int port() {
        return server.getHttpPort();
    }

    /** The query URL, e.g. http://localhost:3030/crosswalk/sparql. */
    public String queryUrl(String host) {
        return "http://" + host + ":" + port() + DATASET_PATH + "/sparql";
    }

    @Override
    public void close() {
        server.stop();
    }
}
