package org.crosswalk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import org.crosswalk.support.ApiClient;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Importing a framework, suggesting mappings and reviewing them over HTTP, on a private copy of the data
 * (these calls write files): the new framework answers like a built-in one at once, an accepted
 * suggestion becomes a curated mapping with its inverse derived, bad input changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CurationApiTest {
    static final Path DATA = TestStores.newStoreRoot("curation-data");
    static final String ADMIN_TOKEN = "cwadmin_curation-test-administrator";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        copy(TestStores.ontologyDir(), DATA.resolve("ontology"));
        copy(TestStores.mappingsDir(), DATA.resolve("mappings"));
        registry.add("crosswalk.store-dir", () -> DATA.resolve("store").toString());
        registry.add("crosswalk.ontology-dir", () -> DATA.resolve("ontology").toString());
        registry.add("crosswalk.mappings-dir", () -> DATA.resolve("mappings").toString());
        registry.add("crosswalk.suggestions-dir", () -> DATA.resolve("suggestions").toString());
        registry.add("crosswalk.max-import-size", () -> "64KB");
        registry.add("crosswalk.sparql-port", () -> "0");
        registry.add("crosswalk.security.admin-token-hash",
                () -> new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(ADMIN_TOKEN));
    }

    @LocalServerPort int port;

    @Test
    void importSuggestReviewAndServe() throws IOException {
        ApiClient anonymous = new ApiClient(port);
        ApiClient api = anonymous.withBearer(ADMIN_TOKEN);
        String csv = Files.readString(Paths.get("src/test/resources/imports/internal-controls.csv"));

        // Curation writes shared reference data: without the administrator's token it is refused, and nothing is stored.
        assertThat(anonymous.post("/api/imports/frameworks?id=acme-ai&version=2026", "text/csv", csv).statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/api/suggestions/iso42001/eu-ai-act?k=5", "application/json", "").statusCode()).isEqualTo(401);
        assertThat(DATA.resolve("ontology/frameworks/imported/acme-ai.ttl")).doesNotExist();

        // Bad input first: nothing stored, nothing served.
        HttpResponse<String> notOscal = api.post("/api/imports/frameworks?id=acme-ai&version=2026", "application/json", "{\"profile\":{}}");
        assertThat(notOscal.statusCode()).isEqualTo(422);
        assertThat(notOscal.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.parse(notOscal.body()).get("errors").get(0).asString()).startsWith("upload.json#: not an OSCAL catalog");
        HttpResponse<String> tooBig = api.post("/api/imports/frameworks?id=acme-ai&version=2026", "text/csv", csv.repeat(400));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(api.get("/api/frameworks/acme-ai", "application/json").statusCode()).isEqualTo(404);
        assertThat(DATA.resolve("ontology/frameworks/imported/acme-ai.ttl")).doesNotExist();

        HttpResponse<String> imported = api.post("/api/imports/frameworks?id=acme-ai&version=2026&title=ACME%20AI%20controls&filename=acme.csv",
                "text/csv", csv);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.headers().firstValue("Location")).hasValue("/api/frameworks/acme-ai");
        assertThat(api.parse(imported.body()).get("requirements").asInt()).isEqualTo(5);
        assertThat(DATA.resolve("ontology/frameworks/imported/acme-ai.ttl")).exists();

        // Served like a built-in framework: browse, look up, search.
        assertThat(api.getJson("/api/frameworks/acme-ai").get("requirements").asInt()).isEqualTo(5);
        JsonNode gov2 = api.getJson("/api/frameworks/acme-ai/requirements/GOV-2");
        assertThat(gov2.get("official_text").asString()).contains("override or stop");
        assertThat(api.getJson("/api/search?q=override&framework=acme-ai").toString()).contains("GOV-2");
        // The same id again collides.
        assertThat(api.post("/api/imports/frameworks?id=acme-ai&version=2026&title=X", "text/csv", csv).statusCode()).isEqualTo(422);

        // Suggestions: SSSOM candidates in their own directory.
        HttpResponse<String> suggestion = api.post("/api/suggestions/acme-ai/eu-ai-act?k=5", "application/json", "");
        assertThat(suggestion.statusCode()).as(suggestion.body()).isEqualTo(200);
        JsonNode suggested = api.parse(suggestion.body());
        assertThat(DATA.resolve("suggestions/acme-ai-eu-ai-act.candidates.sssom.tsv")).exists();
        String candidates = Files.readString(DATA.resolve("suggestions/acme-ai-eu-ai-act.candidates.sssom.tsv"));
        assertThat(candidates).contains("semapv:LexicalSimilarityThresholdMatching", "skos:mappingRelation", "confidence");
        JsonNode first = null;
        for (JsonNode s : suggested.get("suggestions")) if (s.get("subject").asString().equals("GOV-2") && first == null) first = s;
        assertThat(first).as("a candidate for GOV-2").isNotNull();
        assertThat(first.get("confidence").asDouble()).isBetween(0.0, 1.0);
        String object = first.get("object_iri").asString();

        // Accept: a curated row with the reviewer as author, and its inverse derived at once.
        String accept = """
                {"decision":"accept","subject":"GOV-2","object":"%s","relation":"intersects-with","rationale":"semantic",
                 "strength":5,"reason":"Both require a person able to intervene in the AI system.","reviewer":"test-reviewer"}""".formatted(object);
        HttpResponse<String> accepted = api.post("/api/suggestions/acme-ai/eu-ai-act/decisions", "application/json", accept);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(api.parse(accepted.body()).get("decision").asString()).isEqualTo("accepted");
        String set = Files.readString(DATA.resolve("mappings/acme-ai-eu-ai-act.sssom.tsv"));
        assertThat(set).contains("acmeai:GOV-2\tskos:relatedMatch", "cwagent:test-reviewer", "similarity_score");
        String crosswalk = api.get("/api/crosswalk?source=acme-ai&target=eu-ai-act&requirement=GOV-2", "application/json").body();
        assertThat(crosswalk).contains(object);
        String inverse = api.get("/api/crosswalk?source=eu-ai-act&target=acme-ai&requirement=" + object, "application/json").body();
        assertThat(inverse).contains("GOV-2").contains("MappingInversion");
        // The new set and its inverse are exported at once (the list of sets follows the live data).
        assertThat(api.get("/api/exports", "application/json").body()).contains("\"acme-ai-eu-ai-act\"", "\"eu-ai-act-acme-ai\"");
        assertThat(api.get("/api/exports/mapping-sets/eu-ai-act-acme-ai.sssom.tsv", "text/tab-separated-values").statusCode()).isEqualTo(200);

        // The same pair again is refused (already curated); a bad relation is refused; nothing changes.
        assertThat(api.post("/api/suggestions/acme-ai/eu-ai-act/decisions", "application/json", accept).statusCode()).isEqualTo(400);
        assertThat(api.post("/api/suggestions/acme-ai/eu-ai-act/decisions", "application/json",
                accept.replace("intersects-with", "overlaps").replace("GOV-2", "GOV-1")).statusCode()).isEqualTo(400);
        assertThat(Files.readString(DATA.resolve("mappings/acme-ai-eu-ai-act.sssom.tsv"))).isEqualTo(set);

        // Reject: logged with the score, no mapping.
        JsonNode log1 = null;
        for (JsonNode s : suggested.get("suggestions")) if (s.get("subject").asString().equals("LOG-1") && log1 == null) log1 = s;
        String reject = """
                {"decision":"reject","subject":"LOG-1","object":"%s","reason":"Shares words only.","reviewer":"test-reviewer"}"""
                .formatted(log1.get("object_iri").asString());
        assertThat(api.post("/api/suggestions/acme-ai/eu-ai-act/decisions", "application/json", reject).statusCode()).isEqualTo(200);
        assertThat(Files.readString(DATA.resolve("suggestions/acme-ai-eu-ai-act.decisions.tsv"))).contains("\taccepted\t", "\trejected\t");
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
