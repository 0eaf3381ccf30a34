package org.crosswalk.queries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

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

/**
 * Runs named queries on the store: the REST API's one way to ask the graph a crosswalk question.
 * The same timeout as the SPARQL endpoint applies.
 */
public final class NamedQueryRunner {
    private static final Logger log = LoggerFactory.getLogger(NamedQueryRunner.class);
    private final CrosswalkStore store;
    private final NamedQueryLibrary library;
    private final Duration timeout;
    private final MeterRegistry metrics;

    public NamedQueryRunner(CrosswalkStore store, NamedQueryLibrary library, Duration timeout) {
        this(store, library, timeout, Metrics.globalRegistry);
    }

    /** @param metrics where the time of each named query goes ({@code crosswalk.query}, tag {@code query}) */
    public NamedQueryRunner(CrosswalkStore store, NamedQueryLibrary library, Duration timeout, MeterRegistry metrics) {
        this.store = store;
        this.library = library;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    public NamedQueryLibrary library() {
        return library;
    }

    public ResultTable run(String name, Map<String, List<Node>> values) {
        return run(library.require(name), values);
    }

    public ResultTable run(NamedQuery named, Map<String, List<Node>> values) {
        Query query = ParameterBinder.bind(named, values);
        Function<RDFConnection, ResultTable> work = conn -> {
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
                    rows.add(row);
                }
                return new ResultTable(columns, rows);
            }
        };
        long start = System.nanoTime();
        String outcome = "error";
        try {
            // Full-text queries run where the text index is (see CrosswalkStore#readReference).
            ResultTable result = named.usesTextIndex() ? store.readReference(work) : store.read(work);
            outcome = "ok";
            if (log.isInfoEnabled()) {
                log.info("named query {}: {} rows in {} ms\n{}", named.name(), result.rows().size(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), query);
            }
            return result;
        } finally {
            Timer.builder("crosswalk.query").description("Time to run a named query on the store")
                    .tag("query", named.name()).tag("outcome", outcome)
                    .register(metrics).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
