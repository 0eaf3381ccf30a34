package org.crosswalk.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.Views.Law;
import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.store.CrosswalkStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness plus what a caller needs to trust the answers: how much data, which version of it. */
@RestController
public class HealthController {
    private final CrosswalkStore store;
    private final SparqlEndpoint sparql;
    private final CrosswalkAnswers answers;
    /** The consolidated versions change at most once a day: read once per date, not on every probe. */
    private volatile Map.Entry<String, Map<String, Law>> laws;

    public HealthController(CrosswalkStore store, SparqlEndpoint sparql, CrosswalkAnswers answers) {
        this.store = store;
        this.sparql = sparql;
        this.answers = answers;
    }

    private Map<String, Law> lawsToday() {
        String today = java.time.LocalDate.now().toString();
        Map.Entry<String, Map<String, Law>> known = laws;
        if (known == null || !known.getKey().equals(today)) {
            known = Map.entry(today, answers.laws(today));
            laws = known;
        }
        return known.getValue();
    }

    @GetMapping("/api/health")
    public Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("triples", store.tripleCount());
        body.put("dataVersion", store.version());
        // Which law the answers read by default (today): e.g. "Regulation (EU) 2024/1689 as amended by ...".
        Map<String, Object> law = new LinkedHashMap<>();
        lawsToday().forEach((framework, l) -> law.put(framework, Map.of("asOf", l.asOf(),
                "consolidatedVersion", l.consolidatedVersion(), "since", l.since())));
        body.put("law", law);
        body.put("sparqlPort", sparql.port());
        body.put("sparqlPath", SparqlEndpoint.DATASET_PATH + "/sparql");
        return body;
    }
}
