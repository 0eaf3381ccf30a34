package org.crosswalk.queries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdfconnection.RDFConnection;
import org.crosswalk.store.CrosswalkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Runs named queries on the store: the REST API's one way to ask the graph a crosswalk question.
 * The same timeout as the SPARQL endpoint applies.
 *
 * <p>Answers are cached, keyed by query name, the bound parameter values and the data version: the
 * named query stays the only definition of an answer (a cached table is the table that query returned
 * on that very data), and any change of the data makes every older entry unreachable at once, so nothing
 * stale is served. The cache sits above the store interface (it needs only {@link CrosswalkStore#read}
 * and a version), so it works the same for every store. Its size is counted in rows; 0 turns it off.
 */
public final class NamedQueryRunner {
    private static final Logger log = LoggerFactory.getLogger(NamedQueryRunner.class);
    private final CrosswalkStore store;
    private final NamedQueryLibrary library;
    private final Duration timeout;
    private final Supplier<String> dataVersion;
    private final Cache<Key, Entry> cache;
    private final MeterRegistry metrics;

    /** The parameter values as the cache sees them: by name, in the order given, UNDEF as null. */
    private record Key(String query, String view, String scope, String dataVersion, Map<String, List<Node>> values) {}

    /** A cached answer and its weight: the number of rows the query returned for it. */
    private record Entry(Object value, int rows) {}

    /** Without a cache: every call runs the query (the command line, and the reference in tests). */
    public NamedQueryRunner(CrosswalkStore store, NamedQueryLibrary library, Duration timeout) {
        this(store, library, timeout, () -> "", 0, Metrics.globalRegistry);
    }

    /**
     * @param dataVersion  changes whenever the data does; read inside the store's read of each call
     *                     (inside its transaction, for the embedded store), so it must be cheap
     * @param cacheRows    most result rows kept in the cache; 0 = no cache
     * @param metrics      where the time of each named query run goes ({@code crosswalk.query}, tag {@code query})
     */
    public NamedQueryRunner(CrosswalkStore store, NamedQueryLibrary library, Duration timeout,
            Supplier<String> dataVersion, long cacheRows, MeterRegistry metrics) {
        this.metrics = metrics;
        this.store = store;
        this.library = library;
        this.timeout = timeout;
        this.dataVersion = dataVersion;
        this.cache = cacheRows <= 0 ? null
                : Caffeine.newBuilder().maximumWeight(cacheRows)
                        .<Key, Entry>weigher((k, e) -> e.rows()).recordStats().build();
        // Hit rate on /actuator/prometheus: cache_gets_total{cache="crosswalk.results",result="hit"|"miss"}.
        if (cache != null) CaffeineCacheMetrics.monitor(metrics, cache, "crosswalk.results");
    }

    public NamedQueryLibrary library() {
        return library;
    }

    public ResultTable run(String name, Map<String, List<Node>> values) {
        return run(library.require(name), values);
    }

    public ResultTable run(NamedQuery named, Map<String, List<Node>> values) {
        return run(named, values, "rows", t -> t, null);
    }

    /**
     * Runs the query and shapes its rows with {@code shape}, caching the shaped answer under the same key
     * as the rows plus {@code view}, the name of the shaping (so two shapings of one query never meet):
     * a cached answer then costs a look-up, not a re-shaping of thousands of rows. {@code shape} must be a
     * pure function of the rows, and its result must not be changed by callers.
     */
    public <V> V run(String name, Map<String, List<Node>> values, String view, Function<ResultTable, V> shape) {
        return run(library.require(name), values, view, shape, null);
    }

    /**
     * Like {@link #run(String, Map, String, Function)}, on the dataset of {@code scope} instead of the
     * store (null: the store): e.g. the reference data plus one stored profile's graph, which the query
     * reads through its {@code profile} parameter. The scope's cache key is part of the answer's key.
     */
    public <V> V run(String name, Map<String, List<Node>> values, String view, Function<ResultTable, V> shape, QueryScope scope) {
        return run(library.require(name), values, view, shape, scope);
    }

    @SuppressWarnings("unchecked")
    private <V> V run(NamedQuery named, Map<String, List<Node>> values, String view, Function<ResultTable, V> shape, QueryScope scope) {
        Function<RDFConnection, V> work = conn -> {
            if (cache == null) return shape.apply(execute(conn, named, ParameterBinder.bind(named, values)));
            return (V) cache.get(key(named, view, scope, values), k -> {
                ResultTable rows = execute(conn, named, ParameterBinder.bind(named, values));
                return new Entry(shape.apply(rows), 1 + rows.rows().size());
            }).value();
        };
        List<Node> about = named.sliceParameter() == null ? null : values.get(named.sliceParameter());
        String framework = about != null && about.size() == 1 && about.get(0) != null && about.get(0).isLiteral()
                ? about.get(0).getLiteralLexicalForm() : null;
        if (scope != null) return scope.readAbout(framework, work);
        return framework != null ? store.readAbout(framework, work) : onStore(named, work);
    }

    /**
     * The answer {@link #run(String, Map, String, Function)} would give from the cache now for that
     * {@code view}, or null when it would run the query: a caller that would otherwise run the query beside
     * other work takes a cached answer itself, since handing it to another thread costs more than the answer.
     */
    @SuppressWarnings("unchecked")
    public <V> V cached(String name, Map<String, List<Node>> values, String view) {
        if (cache == null) return null;
        NamedQuery named = library.require(name);
        return onStore(named, conn -> {
            Entry e = cache.getIfPresent(key(named, view, null, values));
            return e == null ? null : (V) e.value();
        });
    }

    /** The cache key; the version is read inside the read that computes the rows: they belong to it. */
    private Key key(NamedQuery named, String view, QueryScope scope, Map<String, List<Node>> values) {
        return new Key(named.name(), view, scope == null ? "" : scope.cacheKey(), dataVersion.get(), canonical(values));
    }

    /** Full-text queries run where the text index is (see CrosswalkStore#readReference). */
    private <T> T onStore(NamedQuery named, Function<RDFConnection, T> work) {
        return named.usesTextIndex() ? store.readReference(work) : store.read(work);
    }

    private static Map<String, List<Node>> canonical(Map<String, List<Node>> values) {
        Map<String, List<Node>> m = new TreeMap<>();
        // List.copyOf refuses null (UNDEF), so the copy is made by hand.
        values.forEach((k, v) -> m.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        return m;
    }

    /** Runs the query on the store (a cache miss): timed per named query, logged with crosswalk.log-queries. */
    private ResultTable execute(RDFConnection conn, NamedQuery named, Query query) {
        long start = System.nanoTime();
        String outcome = "error";
        try (QueryExecution exec = conn.newQuery().query(query)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            ResultSet rs = exec.execSelect();
            List<String> columns = rs.getResultVars();
            List<Map<String, RDFNode>> rows = new ArrayList<>();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                Map<String, RDFNode> row = new HashMap<>();
                for (String c : columns) {
                    RDFNode n = s.get(c);
                    if (n != null) row.put(c, n);
                }
                rows.add(Collections.unmodifiableMap(row));
            }
            outcome = "ok";
            if (log.isInfoEnabled()) {
                log.info("named query {}: {} rows in {} ms\n{}", named.name(), rows.size(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), query);
            }
            // Shared by every caller once cached: nobody may change it.
            return new ResultTable(List.copyOf(columns), Collections.unmodifiableList(rows));
        } finally {
            Timer.builder("crosswalk.query").description("Time to run a named query on the store")
                    .tag("query", named.name()).tag("outcome", outcome)
                    .register(metrics).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
