package org.crosswalk.store;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateRequest;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.crosswalk.graph.GraphBuilder.BuiltGraph;
import org.crosswalk.graph.Vocab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any SPARQL 1.1 Protocol + Graph Store Protocol store over HTTP (Fuseki/TDB2, or whatever the
 * organisation already runs), reached through Jena's RDFConnection. The store's default graph holds the
 * reference data and records its data version; on start, and whenever the store is found empty again,
 * the validated reference data is pushed with one Graph Store PUT, and only when the recorded version
 * differs (a restart or a second replica on unchanged data pushes nothing).
 *
 * <p>The service also keeps its own in-memory copy of the same validated reference data with a Lucene
 * index ({@link #readReference}): a SPARQL store need not have jena-text, so full-text search and the id
 * index work on every store, and the analysts' SPARQL door serves that copy.
 *
 * <p>Faults: an unreachable store never stops the start. A monitor re-checks it every {@code retry}
 * interval; {@link #state()} says whether it is ready; a request while it is not gets
 * {@link StoreUnavailableException} (503) within the query timeout, never a hang.
 */
public final class RemoteStore implements CrosswalkStore {
    private static final Logger log = LoggerFactory.getLogger(RemoteStore.class);
    private static final String VERSION_QUERY = "SELECT ?v WHERE { <https://w3id.org/crosswalk/dataset> <"
            + Vocab.dataVersion.getURI() + "> ?v }";

    /** Where the store is: SPARQL query, SPARQL update and Graph Store Protocol URLs, optional Basic credentials. */
    public record Endpoints(String queryUrl, String updateUrl, String gspUrl, String username, String password) {
        public Endpoints {
            if (blank(queryUrl) || blank(updateUrl) || blank(gspUrl)) {
                throw new IllegalArgumentException("crosswalk.store=remote needs crosswalk.remote.query-url, update-url and gsp-url"
                        + " (or crosswalk.remote.dataset-url, e.g. http://fuseki:3030/crosswalk)");
            }
        }

        /** The Fuseki conventions under one dataset URL: /sparql, /update, /data. */
        public static Endpoints ofDataset(String datasetUrl, String username, String password) {
            String base = datasetUrl.endsWith("/") ? datasetUrl.substring(0, datasetUrl.length() - 1) : datasetUrl;
            return new Endpoints(base + "/sparql", base + "/update", base + "/data", username, password);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** What the monitor last found. */
    public enum State { CONNECTING, READY, UNREACHABLE, OTHER_VERSION }

    private final Endpoints endpoints;
    private final Duration timeout;
    private final HttpClient http;
    private final BuiltGraph built;
    private final Dataset reference;
    private final long referenceTriples;
    private final ScheduledExecutorService monitor;
    /** Runs each request to the store, so that the caller can stop waiting at the deadline. */
    private final java.util.concurrent.ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private volatile State state = State.CONNECTING;
    private volatile String storedVersion;
    private volatile boolean pushedOnStart;
    /** Until this service first finds its data version in the store, a differing version is replaced. */
    private volatile boolean wasReady;

    private RemoteStore(Endpoints endpoints, Duration timeout, BuiltGraph built) {
        this.endpoints = endpoints;
        this.timeout = timeout;
        this.built = built;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        if (endpoints.username() != null && !endpoints.username().isBlank()) {
            for (String url : new String[] {endpoints.queryUrl(), endpoints.updateUrl(), endpoints.gspUrl()}) {
                AuthEnv.get().registerBasicAuthModifier(url, endpoints.username(), endpoints.password());
            }
        }
        this.reference = inMemoryWithTextIndex(built.model());
        this.referenceTriples = built.model().size();
        this.monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crosswalk-remote-store-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to the store, pushing the reference data if the store does not hold this version. Never
     * fails on an unreachable store: it logs why and keeps trying every {@code retry}.
     */
    public static RemoteStore connect(Endpoints endpoints, Duration timeout, Duration retry, BuiltGraph built) {
        RemoteStore store = new RemoteStore(endpoints, timeout, built);
        store.check();
        store.monitor.scheduleWithFixedDelay(store::check, retry.toMillis(), retry.toMillis(), TimeUnit.MILLISECONDS);
        return store;
    }

    private static Dataset inMemoryWithTextIndex(Model model) {
        TextIndexConfig config = new TextIndexConfig(EmbeddedStore.entityDefinition());
        config.setValueStored(true);
        Dataset ds = TextDatasetFactory.createLucene(DatasetFactory.createTxnMem(), new ByteBuffersDirectory(), config);
        Txn.executeWrite(ds, () -> {
            ds.getDefaultModel().add(model);
            ds.getDefaultModel().setNsPrefixes(model.getNsPrefixMap());
        });
        return ds;
    }

    /**
     * Reads the recorded version and pushes the reference data when the store has none, or holds another
     * version and this service has not been ready yet (it is starting: its data is the one to serve).
     * Once ready, a different version means another replica pushed newer data: this one steps out of
     * readiness rather than push back (no ping-pong during a rolling upgrade).
     */
    synchronized void check() {
        State before = state;
        boolean pushedNow = false;
        try (RDFConnection conn = connection()) {
            String stored = storedVersion(conn);
            if (stored == null || (!wasReady && !stored.equals(built.version()))) {
                log.info("Remote store {} holds data version {}; pushing reference data {} ({} triples)",
                        endpoints.gspUrl(), stored == null ? "none" : shortVersion(stored), shortVersion(built.version()), referenceTriples);
                conn.put(built.model());
                pushedNow = true;
                stored = storedVersion(conn);
                pushedOnStart |= !wasReady;
                log.info("Remote store {} now holds data version {}", endpoints.queryUrl(), shortVersion(stored));
            } else if (!wasReady) {
                log.info("Remote store {} already holds data version {}: reusing it", endpoints.queryUrl(), shortVersion(stored));
            }
            storedVersion = stored;
            state = built.version().equals(stored) ? State.READY : State.OTHER_VERSION;
            wasReady |= state == State.READY;
            if (state == State.OTHER_VERSION && before != State.OTHER_VERSION) {
                log.warn("Remote store {} now holds data version {} but this service has {}: not ready (another version was pushed)",
                        endpoints.queryUrl(), shortVersion(stored), shortVersion(built.version()));
            } else if (state == State.READY && before == State.UNREACHABLE && !pushedNow) {
                log.info("Remote store {} is reachable again: ready", endpoints.queryUrl());
            }
        } catch (RuntimeException e) {
            if (!isUnavailable(e)) {
                log.error("Remote store {} refused the reference data: {}", endpoints.queryUrl(), e.toString());
            } else if (before != State.UNREACHABLE) {
                log.warn("Remote store {} is unreachable ({}): not ready; retrying", endpoints.queryUrl(), describe(e));
            }
            state = State.UNREACHABLE;
        }
    }

    private String storedVersion(RDFConnection conn) {
        String[] v = {null};
        try (var exec = conn.newQuery().query(VERSION_QUERY).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            exec.execSelect().forEachRemaining(s -> v[0] = s.getLiteral("v").getLexicalForm());
        }
        return v[0];
    }

    private RDFConnection connection() {
        return RDFConnectionRemote.newBuilder()
                .queryEndpoint(endpoints.queryUrl())
                .updateEndpoint(endpoints.updateUrl())
                .gspEndpoint(endpoints.gspUrl())
                .httpClient(http)
                .build();
    }

    public State state() {
        return state;
    }

    /** True when the reference data was pushed by this service on start (false: reused what the store held). */
    public boolean pushedOnStart() {
        return pushedOnStart;
    }

    public String storedVersion() {
        return storedVersion;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public String version() {
        return built.version();
    }

    @Override
    public <T> T read(Function<RDFConnection, T> work) {
        requireReady();
        return withDeadline(() -> {
            try (RDFConnection conn = connection()) {
                return work.apply(conn);
            }
        });
    }

    @Override
    public <T> T readReference(Function<RDFConnection, T> work) {
        return Txn.calculateRead(reference, () -> {
            try (RDFConnection conn = RDFConnection.connect(reference)) {
                return work.apply(conn);
            }
        });
    }

    @Override
    public void update(UpdateRequest request) {
        requireReady();
        withDeadline(() -> {
            try (RDFConnection conn = connection()) {
                conn.update(request); // one request: the store applies it as one transaction
            }
            return null;
        });
    }

    @Override
    public PrefixMapping prefixes() {
        return PrefixMapping.Factory.create().setNsPrefixes(built.model()).lock();
    }

    /** The reference data this service pushed (or found), which is what the store's default graph holds when ready. */
    @Override
    public long tripleCount() {
        return referenceTriples;
    }

    @Override
    public Dataset endpointDataset() {
        return reference;
    }

    private void requireReady() {
        switch (state) {
            case READY -> { }
            case OTHER_VERSION -> throw new StoreUnavailableException("the SPARQL store holds another data version ("
                    + shortVersion(storedVersion) + ") than this service (" + shortVersion(built.version()) + ")", null);
            default -> throw new StoreUnavailableException("the SPARQL store is unreachable", null);
        }
    }

    /**
     * Runs one piece of work against the store with a hard deadline (the query timeout plus a second), so
     * no caller waits longer whatever the store does: connection refused, an accepted connection that
     * never answers, or a response that stalls half-way. On the deadline the request is cancelled.
     */
    private <T> T withDeadline(java.util.concurrent.Callable<T> work) {
        java.util.concurrent.Future<T> f = requests.submit(work);
        try {
            return f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new StoreUnavailableException("the SPARQL store did not answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the SPARQL store", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw translate(r);
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Store down, timed out or failing (no HTTP status, or 5xx) → 503 for the caller; anything else is a defect. */
    private RuntimeException translate(RuntimeException e) {
        if (e instanceof QueryCancelledException || isUnavailable(e)) {
            return new StoreUnavailableException("the SPARQL store did not answer (" + describe(e) + ")", e);
        }
        return e;
    }

    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            int status = t instanceof HttpException h ? h.getStatusCode()
                    : t instanceof QueryExceptionHTTP q ? q.getStatusCode() : 0;
            if (status == -1 || status >= 500 || status == 408 || status == 429) return true;
            if (t instanceof java.io.IOException) return true;
        }
        return false;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }

    private static String shortVersion(String v) {
        return v == null ? "none" : v.substring(0, Math.min(16, v.length()));
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        requests.shutdownNow();
        reference.close();
    }
}
