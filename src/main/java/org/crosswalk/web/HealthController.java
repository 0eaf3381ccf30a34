package org.crosswalk.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.Views.Law;
import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.store.DataGeneration;
import org.crosswalk.store.StoreUnavailableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness plus what a caller needs to trust the answers: how much data, which version of it, which law
 * applies today. It does not query the graph on a probe (a health check must answer in a millisecond,
 * also while the service sheds load): today's law is taken once per data generation and date and
 * remembered here; the triple count is remembered by the store (CrosswalkStore#tripleCount).
 */
@RestController
public class HealthController {
    private final CrosswalkStore store;
    private final SparqlEndpoint sparql;
    private final CrosswalkAnswers answers;
    private final DataGeneration generation;
    private volatile Known known;

    /** Today's law as of one data generation and one date. */
    private record Known(String generation, String date, Map<String, Law> laws) {}

    public HealthController(CrosswalkStore store, SparqlEndpoint sparql, CrosswalkAnswers answers, DataGeneration generation) {
        this.store = store;
        this.sparql = sparql;
        this.answers = answers;
        this.generation = generation;
        // Nothing is read here: with a remote store that is down at start the service must still start
        // (and report not ready), so the first probe takes the figures.
    }

    /**
     * A read's start and end only (for TDB2, a transaction): no index is read. A remote store's reference
     * data does not change under a running service, so a store that cannot be reached keeps its version.
     */
    private String generationNow() {
        try {
            return store.read(conn -> generation.current());
        } catch (StoreUnavailableException e) {
            return store.version();
        }
    }

    private Known now() {
        Known k = known;
        String gen = generationNow();
        String today = java.time.LocalDate.now().toString();
        if (k == null || !k.generation().equals(gen) || !today.equals(k.date())) k = new Known(gen, today, answers.laws(today)); // first probe, after a write, once a day
        known = k;
        return k;
    }

    @GetMapping("/api/health")
    public Map<String, Object> health() {
        Known k = now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("triples", store.tripleCount());
        body.put("dataVersion", store.version());
        // Which law the answers read by default (today): e.g. "Regulation (EU) 2024/1689 as amended by ...".
        Map<String, Object> law = new LinkedHashMap<>();
        k.laws().forEach((framework, l) -> law.put(framework, Map.of("asOf", l.asOf(),
                "consolidatedVersion", l.consolidatedVersion(), "since", l.since())));
        body.put("law", law);
        body.put("sparqlPort", sparql.port());
        body.put("sparqlPath", SparqlEndpoint.DATASET_PATH + "/sparql");
        return body;
    }
}
