package org.crosswalk;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code crosswalk.*} (application.properties, environment, or --crosswalk.x=y).
 *
 * @param ontologyDir  Turtle data: vocabulary, shapes, catalogues, evidence
 * @param mappingsDir  SSSOM mapping sets
 * @param storeDir     root of the embedded TDB2 + Lucene store (one subdirectory per data version)
 * @param sparqlPort   port of the SPARQL endpoint and query UI (0 = any free port)
 * @param queryTimeout cut-off for every SPARQL query on the endpoint
 * @param resultCacheRows most named-query result rows the REST door keeps cached (0 = no cache)
 * @param admission    how many REST requests run at once and how many may wait (see AdmissionControl)
 */
@ConfigurationProperties("crosswalk")
public record CrosswalkProperties(
        @DefaultValue("ontology") Path ontologyDir,
        @DefaultValue("mappings") Path mappingsDir,
        @DefaultValue("store") Path storeDir,
        @DefaultValue("3030") int sparqlPort,
        @DefaultValue("10s") Duration queryTimeout,
        @DefaultValue("200000") long resultCacheRows,
        @DefaultValue Admission admission) {

    /**
     * @param concurrency requests answered at once (0 = twice the processors)
     * @param queue       requests that may wait for a turn; one more is refused at once with 503
     * @param maxWait     longest wait for a turn before 503
     */
    public record Admission(@DefaultValue("0") int concurrency, @DefaultValue("64") int queue,
            @DefaultValue("500ms") Duration maxWait) {
        public int effectiveConcurrency() {
            return concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
        }
    }
}
