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

/**
 * Runs named queries on the store: the REST API's one way to ask the graph a crosswalk question.
 * The same timeout as the SPARQL endpoint applies.
 */
public final class NamedQueryRunner {
    private final CrosswalkStore store;
    private final NamedQueryLibrary library;
    private final Duration timeout;

    public NamedQueryRunner(CrosswalkStore store, NamedQueryLibrary library, Duration timeout) {
        this.store = store;
        this.library = library;
        this.timeout = timeout;
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
        // Full-text queries run where the text index is (see CrosswalkStore#readReference).
        return named.usesTextIndex() ? store.readReference(work) : store.read(work);
    }
}
