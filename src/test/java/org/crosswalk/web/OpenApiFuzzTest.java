package org.crosswalk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.crosswalk.support.OpenApiFuzzer;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A seeded run of the OpenAPI-generated fuzzer (bench/fuzz.sh runs 10,000+ against a running service):
 * no 5xx, every error problem+json, every text answer in UTF-8, nosniff on every answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiFuzzTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("fuzz").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
        // The fuzzer must not write reference files: the curation doors need an administrator token it never has.
        registry.add("crosswalk.suggestions-dir", () -> TestStores.newStoreRoot("fuzz-suggestions").toString());
    }

    @LocalServerPort int port;

    @Test
    void fiveHundredGeneratedRequestsGetNoServerErrorAndOnlyProblemJsonErrors() throws Exception {
        String base = "http://localhost:" + port;
        OpenApiFuzzer.Report report = new OpenApiFuzzer(base, OpenApiFuzzer.fetchDocument(base), 20261205L).run(500);
        assertThat(report.violations()).as("answers breaking the contract, by status %s", report.byStatus()).isEmpty();
        assertThat(report.byStatus().keySet()).as("the run reached both answers and errors").anyMatch(s -> s == 200).anyMatch(s -> s >= 400);
    }
}
