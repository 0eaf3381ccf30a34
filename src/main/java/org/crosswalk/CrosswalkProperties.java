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
 */
@ConfigurationProperties("crosswalk")
public record CrosswalkProperties(
        @DefaultValue("ontology") Path ontologyDir,
        @DefaultValue("mappings") Path mappingsDir,
        @DefaultValue("store") Path storeDir,
        @DefaultValue("3030") int sparqlPort,
        @DefaultValue("10s") Duration queryTimeout) {
}
