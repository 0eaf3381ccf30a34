package org.crosswalk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.support.ApiClient;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The crosswalk REST API on the real data, over HTTP on a random port: the acceptance cases of the
 * answers issue, computed from the data (no expected figures hard-coded), plus bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrosswalkApiTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("api").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
    }

    @LocalServerPort int port;
    @Autowired SparqlEndpoint endpoint;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /**
     * A date on which every EU AI Act obligation of the modelled law applies (the last, Annex I high-risk,
     * from 2 August 2028 under Regulation (EU) 2026/1744): answers about "all" obligations ask for it
     * instead of relying on today's date.
     */
    static final String ALL_APPLY = "2028-08-02";

    private static String article(int n) {
        return "https://w3id.org/crosswalk/eu-ai-act/2024/art_" + n;
    }

    private static Map<String, JsonNode> byIri(JsonNode list) {
        Map<String, JsonNode> m = new HashMap<>();
        list.forEach(r -> m.put(r.get("iri").asString(), r));
        return m;
    }

    @Test
    void iso42001CoversTheCoreProviderArticlesOfAHighRiskSystemWithReasons() {
        JsonNode coverage = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk&asOf=" + ALL_APPLY);
        Map<String, JsonNode> reqs = byIri(coverage.get("requirements"));
        for (int n : new int[] {9, 10, 11, 17}) {
            JsonNode a = reqs.get(article(n));
            assertThat(a).as("Article %d is in the provider/high-risk coverage", n).isNotNull();
            assertThat(a.get("status").asString()).as("Article %d", n).isIn("full", "partial");
            assertThat(a.get("justifications")).as("reasons for Article %d", n).isNotEmpty();
            assertThat(a.get("justifications").get(0).get("reason").asString()).isNotBlank();
        }
        JsonNode summary = coverage.get("summary");
        assertThat(summary.get("total").asInt()).isEqualTo(
                summary.get("full").asInt() + summary.get("partial").asInt() + summary.get("none").asInt());
        assertThat(summary.get("percent_full").asDouble()).isBetween(0.0, 100.0);
    }

    @Test
    void prohibitionsClassificationConformityAndGpaiAreGapsWithTheExplicitReason() {
        JsonNode gaps = api.getJson("/api/gaps?source=iso42001&target=eu-ai-act&role=provider&asOf=" + ALL_APPLY);
        Map<String, JsonNode> byIri = byIri(gaps.get("gaps"));
        for (int n : new int[] {5, 6, 43, 53}) {
            JsonNode a = byIri.get(article(n));
            assertThat(a).as("Article %d is a gap", n).isNotNull();
            assertThat(a.get("status").asString()).isEqualTo("none");
            boolean explicit = false;
            for (JsonNode j : a.get("justifications")) {
                explicit |= "no-relationship".equals(j.path("relation").asString(null)) && !j.get("reason").asString().isBlank();
            }
            assertThat(explicit).as("Article %d carries an explicit no-relationship reason", n).isTrue();
        }
    }

    @Test
    void deployerFilterDropsProviderOnlyObligationsAndKeepsArticles26And27() {
        Set<String> deployer = new HashSet<>(byIri(api.getJson(
                "/api/coverage?source=iso42001&target=eu-ai-act&role=deployer&asOf=" + ALL_APPLY).get("requirements")).keySet());
        Set<String> all = byIri(api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&asOf=" + ALL_APPLY).get("requirements")).keySet();
        assertThat(deployer).contains(article(26), article(27));
        assertThat(all).contains(article(16), article(17));
        assertThat(deployer).doesNotContain(article(16), article(17));
        assertThat(all).containsAll(deployer);
    }

    @Test
    void crossFrameworkEvidenceRanksAboveSingleFrameworkEvidence() {
        JsonNode ranking = api.getJson("/api/evidence").get("evidence");
        int riskAssessment = -1, single = -1;
        for (int i = 0; i < ranking.size(); i++) {
            JsonNode e = ranking.get(i);
            if (e.get("id").asString().contains("risk-assessment") && riskAssessment < 0) riskAssessment = i;
            if (e.get("frameworks").asInt() == 1 && single < 0) single = i;
        }
        assertThat(riskAssessment).as("an AI risk assessment evidence type exists").isNotNegative();
        assertThat(ranking.get(riskAssessment).get("frameworks").asInt()).isGreaterThan(1);
        if (single >= 0) assertThat(riskAssessment).isLessThan(single);
        for (int i = 1; i < ranking.size(); i++) {
            assertThat(ranking.get(i - 1).get("frameworks").asInt()).isGreaterThanOrEqualTo(ranking.get(i).get("frameworks").asInt());
        }
    }

    @Test
    void restAnswerAndTheNamedQueryOnTheEndpointReturnTheSameRows() throws Exception {
        String text = Files.readString(Path.of("queries", "coverage.rq"));
        Set<String> viaSparql = new HashSet<>();
        try (var qe = QueryExecutionHTTP.service(endpoint.queryUrl("localhost")).query(text).build()) {
            qe.execSelect().forEachRemaining(r -> viaSparql.add(r.getResource("requirement").getURI() + " " + r.getLiteral("status").getString()));
        }
        Set<String> viaRest = new HashSet<>();
        api.getJson("/api/coverage").get("requirements").forEach(r ->
                viaRest.add(r.get("iri").asString() + " " + r.get("status").asString()));
        assertThat(viaRest).isNotEmpty().isEqualTo(viaSparql);
    }

    @Test
    void humanFormsOfIdsResolve() {
        assertThat(api.getJson("/api/frameworks/iso42001/requirements/A.6.2.4").get("notation").asString()).isEqualTo("A.6.2.4");
        assertThat(api.getJson("/api/frameworks/nist-ai-rmf/requirements/GOVERN%201.1").get("iri").asString())
                .endsWith("/GOVERN-1.1");
        assertThat(api.getJson("/api/frameworks/eu-ai-act/requirements/Article%209(2)").get("iri").asString())
                .endsWith("/art_9__para_2");
        assertThat(api.getJson("/api/frameworks/eu-ai-act/requirements/art_9__para_2").get("ancestors").toString()).contains("art_9");
    }

    @Test
    void unknownIdsGetProblemsNamingTheClosestValidIds() {
        var r = api.get("/api/frameworks/iso42001/requirements/A.6.2.44", "application/json");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode p = api.parse(r.body());
        assertThat(p.get("id").asString()).isEqualTo("A.6.2.44");
        assertThat(p.get("closest").toString()).contains("A.6.2.4");
        // The look-up of one requirement: the thing it returns does not exist, so 404 like the page (with the
        // result cache: FastPathsTest). An unknown framework stays 422, as in every question's parameters.
        var look = api.get("/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.44", "application/json");
        assertThat(look.statusCode()).isEqualTo(404);
        assertThat(look.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(api.parse(look.body()).get("closest").toString()).contains("A.6.2.4");
        assertThat(api.get("/api/crosswalk?source=iso4200&target=eu-ai-act&requirement=A.6.2.4", "application/json")
                .statusCode()).isEqualTo(422);
        var q = api.get("/api/coverage?source=iso4200&target=eu-ai-act", "application/json");
        assertThat(q.statusCode()).isEqualTo(422);
        assertThat(api.parse(q.body()).get("closest").toString()).contains("iso42001");
        assertThat(r.body() + q.body()).doesNotContain("at org.", "Exception");
        // An id without its framework: the suggestions are ids the caller can send back as they are.
        var bare = api.get("/api/coverage?target=eu-ai-act&satisfied=6.1.2", "application/json");
        assertThat(bare.statusCode()).isEqualTo(422);
        List<String> suggested = new java.util.ArrayList<>();
        api.parse(bare.body()).get("closest").forEach(c -> suggested.add(c.asString()));
        assertThat(suggested).containsExactly("iso27001:6.1.2", "iso42001:6.1.2");
        for (String id : suggested) {
            assertThat(api.get("/api/coverage?target=eu-ai-act&satisfied=" + id, "application/json").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void malformedBodiesGet400WithTheLineOrField() {
        var json = api.post("/api/coverage", "application/json", "{\"source\": \"iso42001\", \"satisfied\": [");
        assertThat(json.statusCode()).isEqualTo(400);
        var unknownField = api.post("/api/coverage", "application/json", "{\"sorce\": \"iso42001\"}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("sorce");
        var csv = api.post("/api/gaps", "text/csv", "framework,requirement,status\niso42001,6.1.2,satisfied\niso42001,6.1.3,perhaps\n");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(api.parse(csv.body()).get("line").asInt()).isEqualTo(3);
        // Type errors are told in JSON's terms, not Java's.
        var wrongType = api.post("/api/coverage", "application/json", "{\"satisfied\": \"iso42001:6.1.2\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(api.parse(wrongType.body()).get("field").asString()).isEqualTo("satisfied");
        var notAnObject = api.post("/api/coverage", "application/json", "[1]");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(wrongType.body() + notAnObject.body()).contains("array", "object")
                .doesNotContain("ArrayList", "String>", "Holdings", "JsonToken", "java.");
        // A regular expression Lucene cannot compile is the caller's input: 400, not 500.
        var slow = api.get("/api/search?q=" + java.net.URLEncoder.encode("/a{1,1000000}/", java.nio.charset.StandardCharsets.UTF_8), "application/json");
        assertThat(slow.statusCode()).isEqualTo(400);
        var regex = api.get("/api/search?q=%2Fab%5B%2F", "application/json");
        assertThat(regex.statusCode()).isEqualTo(400);
        assertThat(regex.body()).doesNotContain("Exception");
        // A single requirement has no CSV form: 406 with the representation it has, not a 500.
        assertThat(api.get("/api/frameworks/iso42001/requirements/6.1.2", "text/csv").statusCode()).isEqualTo(406);
        assertThat(api.get("/api/frameworks/iso42001/requirements/6.1.2?format=csv", "*/*").statusCode()).isEqualTo(406);
    }

    @Test
    void profileCsvFromASpreadsheetWithBomAndRepeatedRowsReadsAsTheSameProfile() {
        String plain = "framework,requirement,status\niso42001,6.1.2,satisfied\nevidence,ai-policy,held\n";
        String saved = "\uFEFFframework,requirement,status\r\niso42001,6.1.2,satisfied\r\niso42001,6.1.2,satisfied\r\n"
                + "evidence,ai-policy,held\r\nevidence,ai-policy,held\r\n";
        var a = api.post("/api/coverage?target=eu-ai-act", "text/csv", plain);
        var b = api.post("/api/coverage?target=eu-ai-act", "text/csv", saved);
        assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
        assertThat(api.parse(b.body()).get("holding")).isEqualTo(api.parse(a.body()).get("holding"));
        assertThat(api.parse(b.body()).get("summary")).isEqualTo(api.parse(a.body()).get("summary"));
        // A profile that contradicts itself is refused, naming both lines (CSV) or the field (JSON).
        var contradiction = api.post("/api/coverage?target=eu-ai-act", "text/csv",
                "framework,requirement,status\niso42001,A.6.2.4,partial\niso42001,6.1.2,satisfied\niso42001,A.6.2.4,satisfied\n");
        assertThat(contradiction.statusCode()).isEqualTo(400);
        assertThat(api.parse(contradiction.body()).get("line").asInt()).isEqualTo(4);
        assertThat(contradiction.body()).contains("line 2");
        var both = api.post("/api/coverage?target=eu-ai-act", "application/json",
                "{\"satisfied\":[\"iso42001:A.6.2.4\"],\"partially_satisfied\":[\"iso42001:A.6.2.4\"]}");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(api.parse(both.body()).get("field").asString()).isEqualTo("partially_satisfied");
    }

    @Test
    void profileAsCsvAndAsJsonGiveTheSameCoverage() {
        String csv = "framework,requirement,status\niso42001,6.1.2,satisfied\niso42001,A.6.2.8,implemented\nevidence,ai-policy,held\n";
        String json = "{\"satisfied\":[\"iso42001:6.1.2\",\"iso42001:A.6.2.8\"],\"evidence\":[\"ai-policy\"]}";
        var a = api.post("/api/coverage?target=eu-ai-act", "text/csv", csv);
        var b = api.post("/api/coverage?target=eu-ai-act", "application/json", json);
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
        assertThat(api.parse(a.body()).get("summary")).isEqualTo(api.parse(b.body()).get("summary"));
        JsonNode whole = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act").get("summary");
        assertThat(api.parse(a.body()).get("summary").get("full").asInt()).isLessThanOrEqualTo(whole.get("full").asInt());
    }

    @Test
    void getWithListsAnswersForTheListsAloneNotForAWholeDefaultFramework() {
        JsonNode listed = api.getJson("/api/coverage?target=eu-ai-act&satisfied=iso42001:A.9.4");
        assertThat(listed.get("holding").get("source").isNull()).isTrue();
        JsonNode whole = api.getJson("/api/coverage?target=eu-ai-act");
        assertThat(whole.get("holding").get("source").asString()).isEqualTo("iso42001");
        assertThat(listed.get("summary").get("none").asInt()).isGreaterThan(whole.get("summary").get("none").asInt());
        // source= (empty) with a list: the same as no source.
        assertThat(api.getJson("/api/coverage?target=eu-ai-act&source=&satisfied=iso42001:A.9.4").get("summary"))
                .isEqualTo(listed.get("summary"));
        JsonNode gaps = api.getJson("/api/gaps?target=eu-ai-act&evidence=ai-policy");
        assertThat(gaps.get("holding").get("source").isNull()).isTrue();
        assertThat(gaps.get("count").asInt()).isGreaterThan(api.getJson("/api/gaps?target=eu-ai-act").get("count").asInt());
    }

    @Test
    void urlsTomcatCannotParseGetProblemJsonNotAnHtmlPage() throws Exception {
        // Raw requests: java.net.URI refuses to build these URLs, but clients and proxies send them.
        for (String target : List.of("/api/frameworks/%zz", "/api/frameworks/a%2Fb", "/api/frameworks/%00", "/api/search?q=%zz")) {
            try (var socket = new java.net.Socket("localhost", port)) {
                socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(response).as(target).startsWith("HTTP/1.1 400").contains("application/problem+json")
                        .doesNotContain("<html", "Tomcat", "Exception");
            }
        }
    }

    @Test
    void bodiesOverTheLimitGet413WhetherTheirLengthIsAnnouncedOrNot() throws Exception {
        String big = "framework,requirement,status\n" + "iso42001,6.1.2,satisfied\n".repeat(60_000); // ~1.6 MB
        var announced = api.post("/api/coverage?target=eu-ai-act", "text/csv", big);
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(announced.body()).contains("crosswalk.max-request-body");
        // Chunked: no Content-Length, so the cap is met while reading.
        var chunked = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/gaps?target=eu-ai-act"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"satisfied\":[" + "\"iso42001:6.1.2\",".repeat(80_000) + "\"iso42001:6.1.3\"]}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        // A body under the limit is answered as before.
        assertThat(api.post("/api/coverage?target=eu-ai-act", "text/csv", "framework,requirement,status\niso42001,6.1.2,satisfied\n")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void roleAndSystemFiltersOnAFrameworkWithoutThemAreRefusedNotSilentlyEmpty() {
        var r = api.get("/api/coverage?source=iso42001&target=nist-ai-rmf&role=deployer", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(api.parse(r.body()).get("field").asString()).isEqualTo("role");
        assertThat(api.get("/api/gaps?source=iso42001&target=iso27001&system=high-risk", "application/json").statusCode()).isEqualTo(400);
        // The same rule on every door: a single-target report, the named query run raw.
        assertThat(api.get("/api/exports/coverage.csv?source=iso42001&target=iso27001&role=provider", "*/*").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/queries/coverage/run?source=iso42001&target=iso27001&role=provider", "application/json").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/queries/coverage/run?source=iso42001&role=provider", "application/json").statusCode()).isEqualTo(200);
        // An unknown role is reported as unknown first.
        assertThat(api.get("/api/coverage?source=iso42001&target=iso27001&role=bogus", "application/json").statusCode()).isEqualTo(422);
    }

    @Test
    void annexesAreAssessedAsTheDutiesTheySpellOutAndListingAnnexesNotAtAll() {
        List<String> all = new java.util.ArrayList<>();
        api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&asOf=" + ALL_APPLY).get("requirements").forEach(r -> all.add(r.get("notation").asString()));
        assertThat(all).contains("Annex IV", "Annex IV(2)(g)").doesNotContain("Annex III", "Annex III(1)(a)", "Annex I", "Annex XIII");
        // Annex IV applies with Article 11(1), to providers of high-risk systems: not in 2025, and under
        // Regulation (EU) 2026/1744 from 2 December 2027 (Annex III) and 2 August 2028 (Annex I).
        List<String> early = new java.util.ArrayList<>();
        api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&asOf=2025-09-01").get("requirements").forEach(r -> early.add(r.get("notation").asString()));
        assertThat(early).contains("Annex XI").doesNotContain("Annex IV(2)(g)");
        List<String> deployer = new java.util.ArrayList<>();
        api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk&asOf=" + ALL_APPLY).get("requirements").forEach(r -> deployer.add(r.get("notation").asString()));
        assertThat(deployer).doesNotContain("Annex IV(2)(g)");
        List<String> provider = new java.util.ArrayList<>();
        api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk&asOf=" + ALL_APPLY).get("requirements").forEach(r -> provider.add(r.get("notation").asString()));
        assertThat(provider).contains("Annex IV(2)(g)");
    }

    @Test
    void aFrameworkHeldAsAWholeCoversItselfFully() {
        JsonNode self = api.getJson("/api/coverage?source=nist-ai-rmf&target=nist-ai-rmf").get("summary");
        assertThat(self.get("full").asInt()).isEqualTo(self.get("total").asInt()).isEqualTo(72);
        assertThat(api.getJson("/api/gaps?source=iso27001&target=iso27001").get("count").asInt()).isZero();
    }

    @Test
    void listAnswersAreAlsoCsv() {
        var r = api.get("/api/crosswalk?source=iso42001&target=eu-ai-act", "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> lines = r.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("subject_id,subject_label,relation,object_id");
        assertThat(lines.size()).isGreaterThan(10);
        assertThat(api.get("/api/gaps?format=csv", "*/*").body()).startsWith("requirement,title,kind,status");
    }

    @Test
    void parametersCannotInjectSparql() {
        long before = tripleCount();
        String[] attacks = {
            "provider\" } } ; DROP ALL ; #",
            "provider') } INSERT DATA { <urn:x> <urn:y> <urn:z> } #",
        };
        for (String attack : attacks) {
            var r = api.get("/api/gaps?role=" + java.net.URLEncoder.encode(attack, java.nio.charset.StandardCharsets.UTF_8), "application/json");
            assertThat(r.statusCode()).isEqualTo(422);
            var s = api.get("/api/search?q=" + java.net.URLEncoder.encode(attack, java.nio.charset.StandardCharsets.UTF_8), "application/json");
            assertThat(s.statusCode()).isIn(200, 400);
            var c = api.get("/api/crosswalk?requirement=" + java.net.URLEncoder.encode("A.6.2.4> } " + attack, java.nio.charset.StandardCharsets.UTF_8), "application/json");
            assertThat(c.statusCode()).isEqualTo(404); // no such requirement: refused before any query
        }
        assertThat(tripleCount()).isEqualTo(before);
    }

    @Test
    void searchFindsRequirementsAcrossFrameworks() {
        JsonNode hits = api.getJson("/api/search?q=human%20oversight").get("hits");
        Set<String> frameworks = new HashSet<>();
        hits.forEach(h -> frameworks.add(h.get("requirement").get("framework").asString()));
        assertThat(frameworks).contains("eu-ai-act");
        JsonNode only = api.getJson("/api/search?q=human%20oversight&framework=eu-ai-act").get("hits");
        only.forEach(h -> assertThat(h.get("requirement").get("framework").asString()).isEqualTo("eu-ai-act"));
    }

    @Test
    void openApiDocumentIsServed() {
        JsonNode doc = api.getJson("/api/openapi.json");
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("paths").has("/api/coverage")).isTrue();
        assertThat(doc.get("paths").has("/api/gaps")).isTrue();
        assertThat(doc.get("info").get("title").asString()).isEqualTo("Crosswalk API");
        // The document describes the JSON actually sent: every key of real answers is a schema property.
        JsonNode schemas = doc.get("components").get("schemas");
        List<String> undocumented = new java.util.ArrayList<>();
        undocumentedKeys(api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=deployer"), "CoverageAnswer", schemas, "", undocumented);
        undocumentedKeys(api.getJson("/api/gaps?source=iso42001&target=eu-ai-act&includePartial=true"), "GapAnswer", schemas, "", undocumented);
        undocumentedKeys(api.getJson("/api/crosswalk?source=iso42001&target=nist-ai-rmf"), "CrosswalkAnswer", schemas, "", undocumented);
        assertThat(undocumented).isEmpty();
        assertThat(schemas.get("Summary").get("properties").has("percent_full")).isTrue();
    }

    /** Collects the paths of keys in {@code json} that the named schema (followed through $refs) does not declare. */
    private static void undocumentedKeys(JsonNode json, String schemaName, JsonNode schemas, String path, List<String> out) {
        JsonNode properties = schemas.get(schemaName).get("properties");
        for (var e : json.properties()) {
            JsonNode property = properties == null ? null : properties.get(e.getKey());
            if (property == null) {
                out.add(schemaName + ": " + path + e.getKey());
                continue;
            }
            JsonNode value = e.getValue();
            JsonNode ref = property.has("items") ? property.get("items").get("$ref") : property.get("$ref");
            if (ref == null) continue;
            String target = ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
            if (value.isArray()) {
                if (!value.isEmpty()) undocumentedKeys(value.get(0), target, schemas, path + e.getKey() + "[0].", out);
            } else if (value.isObject()) {
                undocumentedKeys(value, target, schemas, path + e.getKey() + ".", out);
            }
        }
    }

    private long tripleCount() {
        try (var qe = QueryExecutionHTTP.service(endpoint.queryUrl("localhost")).query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }
}
