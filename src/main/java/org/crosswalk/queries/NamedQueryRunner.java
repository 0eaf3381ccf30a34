package org.crosswalk.queries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;

/**
 * Runs named queries on the store: the REST API's one way to ask the graph a crosswalk question.
 * The same timeout as the SPARQL endpoint applies.
 */
public final class NamedQueryRunner {
    private final Dataset dataset;
    private final NamedQueryLibrary library;
    private final Duration timeout;

    public NamedQueryRunner(Dataset dataset, NamedQueryLibrary library, Duration timeout) {
        this.dataset = dataset;
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
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution exec = QueryExecution.dataset(dataset).query(query)
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
        });
    }
}
