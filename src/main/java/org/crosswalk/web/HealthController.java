package org.crosswalk.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.store.CrosswalkStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness plus what a caller needs to trust the answers: how much data, which version of it. */
@RestController
public class HealthController {
    private final CrosswalkStore store;
    private final SparqlEndpoint sparql;

    public HealthController(CrosswalkStore store, SparqlEndpoint sparql) {
        this.store = store;
        this.sparql = sparql;
    }

    @GetMapping("/api/health")
    public Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("triples", store.tripleCount());
        body.put("dataVersion", store.version());
        body.put("sparqlPort", sparql.port());
        body.put("sparqlPath", SparqlEndpoint.DATASET_PATH + "/sparql");
        return body;
    }
}
