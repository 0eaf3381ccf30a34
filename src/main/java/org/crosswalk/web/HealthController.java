package org.crosswalk.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.store.DataGeneration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness plus what a caller needs to trust the answers: how much data, which version of it. It never
 * queries the graph on a call (a health check must answer in a millisecond, also while the service sheds
 * load): the triple count is taken once per data generation and remembered.
 */
@RestController
public class HealthController {
    private final CrosswalkStore store;
    private final SparqlEndpoint sparql;
    private final DataGeneration generation;
    private volatile Counted counted;

    private record Counted(String generation, long triples) {}

    public HealthController(CrosswalkStore store, SparqlEndpoint sparql, DataGeneration generation) {
        this.store = store;
        this.sparql = sparql;
        this.generation = generation;
        this.counted = new Counted(generationNow(), store.tripleCount());
    }

    /** A read's start and end only (for TDB2, a transaction): no index is read. */
    private String generationNow() {
        return store.read(conn -> generation.current());
    }

    @GetMapping("/api/health")
    public Map<String, Object> health() {
        Counted c = counted;
        String now = generationNow();
        if (!c.generation().equals(now)) counted = c = new Counted(now, store.tripleCount()); // only after a write
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("triples", c.triples());
        body.put("dataVersion", store.version());
        body.put("sparqlPort", sparql.port());
        body.put("sparqlPath", SparqlEndpoint.DATASET_PATH + "/sparql");
        return body;
    }
}
