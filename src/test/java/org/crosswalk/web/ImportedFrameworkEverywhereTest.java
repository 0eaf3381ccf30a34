package org.crosswalk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.crosswalk.support.ApiClient;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * An imported framework works where a built-in one does (issue 16, point 1), on a private copy of the
 * data: a small CSV catalogue is imported over REST, one of its requirements is mapped to the EU AI Act
 * through the review workflow, and then coverage (both directions, the inverse derived), the exports
 * (SSSOM, OSCAL, crosswalk table, coverage report, graph) and the web view's requirement and heatmap
 * pages all answer for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportedFrameworkEverywhereTest {
    static final Path DATA = TestStores.newStoreRoot("imported-everywhere-data");
    static final String ADMIN_TOKEN = "cwadmin_imported-everywhere-administrator";
    static final String REASON = "Both require a person who can stop the AI system, the ACME control for every high-impact system.";
    static final String ALL_APPLY = "2028-08-02";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CurationApiTest.copy(TestStores.ontologyDir(), DATA.resolve("ontology"));
        CurationApiTest.copy(TestStores.mappingsDir(), DATA.resolve("mappings"));
        registry.add("crosswalk.store-dir", () -> DATA.resolve("store").toString());
        registry.add("crosswalk.ontology-dir", () -> DATA.resolve("ontology").toString());
        registry.add("crosswalk.mappings-dir", () -> DATA.resolve("mappings").toString());
        registry.add("crosswalk.suggestions-dir", () -> DATA.resolve("suggestions").toString());
        registry.add("crosswalk.sparql-port", () -> "0");
        registry.add("crosswalk.security.admin-token-hash",
                () -> new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(ADMIN_TOKEN));
    }

    @LocalServerPort int port;

    @Test
    void anImportedCatalogueAnswersInCoverageExportsAndTheWebView() throws Exception {
        ApiClient api = new ApiClient(port).withBearer(ADMIN_TOKEN);
        String csv = Files.readString(Paths.get("src/test/resources/imports/internal-controls.csv"));
        HttpResponse<String> imported = api.post("/api/imports/frameworks?id=acme-ai&version=2026&title=ACME%20AI%20controls&filename=acme.csv",
                "text/csv", csv);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

        // Nothing maps it yet: coverage answers, with every EU obligation at none.
        JsonNode before = api.getJson("/api/coverage?source=acme-ai&target=eu-ai-act&role=provider&system=high-risk&asOf=" + ALL_APPLY);
        assertThat(before.get("summary").get("full").asInt() + before.get("summary").get("partial").asInt()).isZero();

        // One mapping through the review workflow: GOV-2 (a person who can override or stop) edited to Article 14(4)(e).
        assertThat(api.post("/api/suggestions/acme-ai/eu-ai-act?k=3", "application/json", "").statusCode()).isEqualTo(200);
        String suggested = null;
        for (String line : Files.readAllLines(DATA.resolve("suggestions/acme-ai-eu-ai-act.candidates.sssom.tsv"))) {
            if (line.startsWith("acmeai:GOV-2\t") && suggested == null) suggested = line.split("\t")[3];
        }
        assertThat(suggested).as("a candidate for GOV-2").isNotNull();
        String decision = """
                {"decision":"accept","subject":"GOV-2","object":"Article 14(4)(e)","suggested_object":"%s","relation":"intersects-with",
                 "rationale":"functional","strength":5,"reason":"%s","reviewer":"test-reviewer"}"""
                .formatted(suggested.replace("euaiact:", "https://w3id.org/crosswalk/eu-ai-act/2024/"), REASON);
        HttpResponse<String> accepted = api.post("/api/suggestions/acme-ai/eu-ai-act/decisions", "application/json", decision);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        // Coverage, both directions: the EU paragraph partial from GOV-2, and GOV-2 partial from the EU AI Act (derived inverse).
        JsonNode coverage = api.getJson("/api/coverage?source=acme-ai&target=eu-ai-act&role=provider&system=high-risk&asOf=" + ALL_APPLY);
        assertThat(coverage.get("summary").get("partial").asInt()).isPositive();
        assertThat(coverage.get("requirements")).anySatisfy(r -> {
            assertThat(r.get("notation").asString()).isEqualTo("Article 14(4)(e)");
            assertThat(r.get("status").asString()).isEqualTo("partial");
            assertThat(r.toString()).contains(REASON);
        });
        JsonNode back = api.getJson("/api/coverage?source=eu-ai-act&target=acme-ai");
        assertThat(back.get("requirements")).anySatisfy(r -> {
            assertThat(r.get("notation").asString()).isEqualTo("GOV-2");
            assertThat(r.get("status").asString()).isEqualTo("partial");
        });
        assertThat(back.get("requirements")).anySatisfy(r -> {
            assertThat(r.get("notation").asString()).isEqualTo("LOG-1");
            assertThat(r.get("status").asString()).isEqualTo("none");
        });

        // Exports: the pair's SSSOM and OSCAL, the crosswalk table, the coverage report, the framework's graph.
        assertThat(api.getJson("/api/exports").toString()).contains("acme-ai");
        HttpResponse<String> sssom = api.get("/api/exports/mapping-sets/acme-ai-eu-ai-act.sssom.tsv", "*/*");
        assertThat(sssom.statusCode()).isEqualTo(200);
        assertThat(sssom.body()).contains("GOV-2").contains("art_14__para_4__pt_e").contains(REASON);
        HttpResponse<String> oscal = api.get("/api/exports/mapping-sets/acme-ai-eu-ai-act.oscal.json", "*/*");
        assertThat(oscal.statusCode()).isEqualTo(200);
        assertThat(oscal.body()).contains("GOV-2").contains("mapping-collection");
        HttpResponse<String> table = api.get("/api/exports/crosswalk/acme-ai-eu-ai-act.csv", "*/*");
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.body()).contains("GOV-2").contains("Article 14(4)(e)").contains(REASON);
        HttpResponse<String> report = api.get("/api/exports/coverage.csv?source=acme-ai&target=eu-ai-act&role=provider&system=high-risk&asOf="
                + ALL_APPLY, "*/*");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("Article 14(4)(e)").contains("partial");
        HttpResponse<String> graph = api.get("/api/exports/graph.ttl?framework=acme-ai", "*/*");
        assertThat(graph.statusCode()).isEqualTo(200);
        assertThat(graph.body()).contains("override or stop");

        // The web view: the requirement page with its text and mapping, the inverse on the EU side, the heatmap.
        HttpResponse<String> page = api.get("/requirement?framework=acme-ai&id=GOV-2", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Human oversight").contains("override or stop").contains("Article 14(4)(e)").contains(REASON);
        HttpResponse<String> eu = api.get("/requirement?framework=eu-ai-act&id=" + URLEncoder.encode("Article 14(4)(e)", StandardCharsets.UTF_8), "text/html");
        assertThat(eu.statusCode()).isEqualTo(200);
        assertThat(eu.body()).contains("GOV-2");
        HttpResponse<String> heatmap = api.get("/crosswalk?source=acme-ai&target=eu-ai-act", "text/html");
        assertThat(heatmap.statusCode()).isEqualTo(200);
        assertThat(heatmap.body()).contains("GOV").contains("acme-ai-eu-ai-act.sssom.tsv");
    }
}
