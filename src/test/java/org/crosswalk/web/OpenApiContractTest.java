package org.crosswalk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crosswalk.client.ApiException;
import org.crosswalk.client.api.CrosswalkAnswersApi;
import org.crosswalk.client.api.FrameworksApi;
import org.crosswalk.client.api.NamedQueriesApi;
import org.crosswalk.client.model.CoverageAnswer;
import org.crosswalk.client.model.FrameworkList;
import org.crosswalk.client.model.ProblemDetail;
import org.crosswalk.client.model.RequirementList;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The contract GRC tools code against, kept by the build: the service serves exactly the committed
 * document (src/main/openapi/crosswalk.json; run with -Dopenapi.update=true to rewrite it after a
 * deliberate change), which Redocly CLI lints and openapi-generator turns into the Java client used here,
 * against the running service, for answers and for an error read as a typed problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiContractTest {
    static final Path SNAPSHOT = Path.of("src/main/openapi/crosswalk.json");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("contract").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
    }

    @LocalServerPort int port;
    org.crosswalk.client.ApiClient client;

    @BeforeEach
    void client() {
        client = new org.crosswalk.client.ApiClient();
        client.updateBaseUri("http://localhost:" + port);
    }

    private JsonNode served() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void theServiceServesTheCommittedDocument() throws Exception {
        JsonNode served = served();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(SNAPSHOT, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
        }
        JsonNode committed = JSON.readTree(Files.readString(SNAPSHOT));
        // The paths that differ, not two whole documents: a failure must fit on a screen.
        List<String> differences = new ArrayList<>();
        differences(served, committed, "", differences);
        assertThat(differences).as("GET /api/openapi.json differs from %s at these JSON pointers (served vs committed); "
                + "if the change is meant, run this test with -Dopenapi.update=true and commit the file", SNAPSHOT).isEmpty();
    }

    private static void differences(JsonNode a, JsonNode b, String at, List<String> out) {
        if (out.size() >= 20 || a.equals(b)) return;
        if (a.isObject() && b.isObject()) {
            var names = new java.util.TreeSet<String>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String p = at + "/" + n.replace("~", "~0").replace("/", "~1");
                if (!a.has(n)) out.add(p + " only committed");
                else if (!b.has(n)) out.add(p + " only served");
                else differences(a.get(n), b.get(n), p, out);
            }
        } else if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) out.add(at + ": " + a.size() + " items served vs " + b.size() + " committed");
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) differences(a.get(i), b.get(i), at + "/" + i, out);
        } else {
            String sa = a.toString(), sb = b.toString();
            out.add(at + ": " + (sa.length() > 120 ? sa.substring(0, 120) + "…" : sa) + " vs " + (sb.length() > 120 ? sb.substring(0, 120) + "…" : sb));
        }
    }

    @Test
    void everyOperationHasAStableIdAndDocumentsItsProblems() throws Exception {
        JsonNode doc = served();
        List<String> seen = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String key = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode o = op.getValue();
            seen.add(key);
            assertThat(o.get("operationId").asText()).as(key).isEqualTo(OpenApiDocumentation.OPERATION_IDS.get(key)).doesNotContainPattern("_\\d+$");
            assertThat(o.get("summary")).as("summary of %s", key).isNotNull();
            JsonNode responses = o.get("responses");
            for (String status : List.of("400", "406", "500", "503")) {
                assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText())
                        .as("%s documents %s as problem+json", key, status).isEqualTo("#/components/schemas/ProblemDetail");
            }
            responses.properties().forEach(r -> {
                if (r.getKey().startsWith("2")) r.getValue().path("content").fieldNames()
                        .forEachRemaining(type -> assertThat(type).as("%s %s", key, r.getKey()).isNotEqualTo("*/*"));
            });
        }));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(OpenApiDocumentation.OPERATION_IDS.keySet());
        JsonNode run = doc.at("/paths/~1api~1queries~1{name}~1run/get/parameters");
        JsonNode params = null;
        for (JsonNode p : run) if (p.get("name").asText().equals("params")) params = p;
        assertThat(params).isNotNull();
        assertThat(params.get("style").asText()).isEqualTo("form");
        assertThat(params.get("explode").asBoolean()).isTrue();
        assertThat(params.at("/schema/additionalProperties/type").asText()).isEqualTo("string");
        assertThat(doc.at("/components/schemas/MultiValueMapStringString").isMissingNode()).isTrue();
        assertThat(doc.at("/paths/~1api~1profiles/get/security/0/apiToken").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1admin~1tenants/get/security/0/adminToken").isArray()).isTrue();
    }

    @Test
    void theGeneratedClientReadsAnswers() throws Exception {
        FrameworkList frameworks = new FrameworksApi(client).listFrameworks();
        assertThat(frameworks.getFrameworks()).extracting("id").contains("iso42001", "eu-ai-act", "nist-ai-rmf", "iso27001");

        RequirementList all = new FrameworksApi(client).listRequirements("eu-ai-act", null, null);
        var page = new FrameworksApi(client).listRequirementsWithHttpInfo("eu-ai-act", 5, 10);
        assertThat(page.getData().getRequirements()).hasSize(5);
        assertThat(page.getData().getRequirements().get(0).getId()).isEqualTo(all.getRequirements().get(10).getId());
        assertThat(page.getHeaders().get("x-total-count")).containsExactly(Integer.toString(all.getRequirements().size()));
        assertThat(page.getHeaders().get("link").get(0)).contains("rel=\"next\"", "offset=15");

        CoverageAnswer coverage = new CrosswalkAnswersApi(client).getCoverage("iso42001", "eu-ai-act", "provider", "high-risk",
                "2028-08-02", null, null, null, null);
        assertThat(coverage.getSummary().getTotal()).isPositive();

        assertThat(new NamedQueriesApi(client).listNamedQueries()).extracting("name").contains("coverage", "search");
    }

    @Test
    void theGeneratedClientReadsErrorsAsTypedProblems() throws Exception {
        ApiException notFound = catchThrowableOfType(ApiException.class,
                () -> new FrameworksApi(client).getRequirement("eu-ai-act", "Article 999"));
        assertThat(notFound.getCode()).isEqualTo(404);
        assertThat(notFound.getResponseHeaders().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        ProblemDetail problem = client.getObjectMapper().readValue(notFound.getResponseBody(), ProblemDetail.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getTitle()).isEqualTo("Unknown requirement of eu-ai-act");
        assertThat(problem.getAdditionalProperty("closest")).isInstanceOf(List.class);

        ApiException badLimit = catchThrowableOfType(ApiException.class,
                () -> new FrameworksApi(client).listRequirements("eu-ai-act", 0, null));
        ProblemDetail bad = client.getObjectMapper().readValue(badLimit.getResponseBody(), ProblemDetail.class);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getTitle()).isEqualTo("Invalid parameter");
        assertThat(bad.getAdditionalProperty("parameter")).isEqualTo("limit");
    }
}
