package org.crosswalk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What integrators rely on beyond the answers (issue 17): conditional requests and caching, paging,
 * unknown parameters, CORS on both ports, Allow, and errors that are problem+json in our words — each
 * over real HTTP against the service on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("rest-contract").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
    }

    @LocalServerPort int port;
    @Autowired SparqlEndpoint sparql;

    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        return sendTo(method, "http://localhost:" + port + path, null, headers);
    }

    static HttpResponse<String> sendTo(String method, String url, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(header(r, "Content-Type")).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Source:", "jackson", "java.", "static resource", "\"status\":999");
        return p;
    }

    @Test
    void referenceReadsCarryStrongValidatorsAndAnswerIfNoneMatchWith304() throws Exception {
        HttpResponse<String> first = send("GET", "/api/frameworks");
        String etag = header(first, "ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(header(first, "Last-Modified")).isNotBlank();
        assertThat(header(first, "Cache-Control")).contains("public", "max-age=");
        assertThat(first.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept"));

        HttpResponse<String> again = send("GET", "/api/frameworks", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "ETag")).isEqualTo(etag);

        HttpResponse<String> csv = send("GET", "/api/frameworks", "Accept", "text/csv");
        assertThat(header(csv, "ETag")).as("another representation, another validator").isNotEqualTo(etag);
        assertThat(send("GET", "/api/frameworks", "Accept", "text/csv", "If-None-Match", etag).statusCode()).isEqualTo(200);
        assertThat(header(send("GET", "/api/frameworks/eu-ai-act/requirements?limit=5"), "ETag")).isNotEqualTo(etag);

        assertThat(header(send("GET", "/api/frameworks", "Authorization", "Bearer cwt_x_y"), "ETag"))
                .as("no shared caching of a request with credentials").isNull();
        HttpResponse<String> withCredentials = send("GET", "/api/frameworks", "Authorization", "Basic dXNlcjpwdw==");
        assertThat(withCredentials.statusCode()).isEqualTo(200);
        assertThat(header(withCredentials, "ETag")).isNull();
        assertThat(header(withCredentials, "Cache-Control")).isEqualTo("no-store");
        assertThat(header(send("GET", "/api/profiles"), "ETag")).isNull();
        assertThat(header(send("GET", "/api/health"), "ETag")).isNull();
    }

    @Test
    void listsPageWithLinksAndATotalAndRefuseBadBounds() throws Exception {
        JsonNode all = JSON.readTree(send("GET", "/api/frameworks/eu-ai-act/requirements").body());
        int total = all.get("requirements").size();
        HttpResponse<String> page = send("GET", "/api/frameworks/eu-ai-act/requirements?limit=10&offset=20");
        JsonNode rows = JSON.readTree(page.body()).get("requirements");
        assertThat(rows).hasSize(10);
        assertThat(rows.get(0).get("id").asText()).isEqualTo(all.get("requirements").get(20).get("id").asText());
        assertThat(header(page, "X-Total-Count")).isEqualTo(Integer.toString(total));
        assertThat(header(page, "Link")).contains("offset=30>; rel=\"next\"", "offset=10>; rel=\"prev\"", "offset=0>; rel=\"first\"");

        HttpResponse<String> csv = send("GET", "/api/frameworks/eu-ai-act/requirements?limit=3&format=csv");
        assertThat(csv.body().lines()).hasSize(4); // header + 3 rows
        assertThat(header(csv, "Content-Type")).isEqualTo("text/csv;charset=UTF-8");

        HttpResponse<String> coverage = send("GET", "/api/coverage?source=iso42001&target=eu-ai-act&limit=7");
        assertThat(JSON.readTree(coverage.body()).get("requirements")).hasSize(7);
        assertThat(Integer.parseInt(header(coverage, "X-Total-Count"))).isGreaterThan(7);
        assertThat(JSON.readTree(send("GET", "/api/search?q=oversight&limit=2").body()).get("hits")).hasSizeLessThanOrEqualTo(2);
        assertThat(JSON.readTree(send("GET", "/api/crosswalk?source=iso42001&target=eu-ai-act&limit=4&offset=1").body()).get("mappings")).hasSize(4);

        for (String bad : List.of("limit=0", "limit=-1", "limit=abc", "limit=10001", "offset=-3", "limit=2&limit=3")) {
            JsonNode p = problem(send("GET", "/api/frameworks/eu-ai-act/requirements?" + bad), 400);
            assertThat(p.get("parameter").asText()).as(bad).isIn("limit", "offset");
        }
    }

    @Test
    void anUnknownQueryParameterIsA400NamingIt() throws Exception {
        JsonNode p = problem(send("GET", "/api/crosswalk?source=iso42001&taget=nist-ai-rmf"), 400);
        assertThat(p.get("parameter").asText()).isEqualTo("taget");
        assertThat(p.get("detail").asText()).contains("taget", "target");
        assertThat(problem(send("GET", "/api/frameworks?limit=2"), 400).get("parameter").asText()).as("not a paged list").isEqualTo("limit");
        assertThat(problem(send("GET", "/api/queries/search/run?q=x&bogus=1"), 400).get("parameter").asText()).isEqualTo("bogus");
        assertThat(send("GET", "/api/queries/search/run?q=oversight").statusCode()).isEqualTo(200);
    }

    @Test
    void browsersMayReadReferenceDataFromAnyOriginWithoutCredentialsOnBothPorts() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/api/frameworks", "Origin", "https://grc.example",
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(preflight, "Access-Control-Allow-Methods")).isEqualTo("GET,HEAD,OPTIONS");
        assertThat(header(preflight, "Access-Control-Allow-Credentials")).isNull();
        HttpResponse<String> read = send("GET", "/api/frameworks", "Origin", "https://grc.example");
        assertThat(header(read, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(read, "Access-Control-Expose-Headers")).contains("ETag", "Link", "X-Total-Count");
        assertThat(send("OPTIONS", "/api/frameworks", "Origin", "https://grc.example", "Access-Control-Request-Method", "DELETE").statusCode())
                .isEqualTo(403);
        assertThat(header(send("GET", "/api/profiles", "Origin", "https://grc.example"), "Access-Control-Allow-Origin"))
                .as("no CORS on tenant data").isNull();
        // A browser tool that sends its API token (require-token-for-reference) may say so in a preflight.
        HttpResponse<String> withToken = send("OPTIONS", "/api/frameworks", "Origin", "https://grc.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(header(withToken, "Access-Control-Allow-Headers")).containsIgnoringCase("authorization");

        String sparqlUrl = "http://localhost:" + sparql.port() + "/crosswalk/sparql";
        HttpResponse<String> sp = sendTo("OPTIONS", sparqlUrl, null, "Origin", "https://grc.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,authorization");
        assertThat(sp.statusCode()).isEqualTo(200);
        assertThat(header(sp, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(sp, "Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(header(sp, "Access-Control-Allow-Credentials")).isNull();
        HttpResponse<String> ask = sendTo("GET", sparqlUrl + "?query=ASK%7B%7D", null, "Origin", "https://grc.example");
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(header(ask, "Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void allowListsOnlyTheSupportedMethods() throws Exception {
        assertThat(header(send("OPTIONS", "/api/frameworks"), "Allow")).isEqualTo("GET,HEAD,OPTIONS");
        HttpResponse<String> delete = send("DELETE", "/api/frameworks");
        problem(delete, 405);
        assertThat(header(delete, "Allow")).isEqualTo("GET, HEAD, OPTIONS");
        HttpResponse<String> trace = send("TRACE", "/api/frameworks");
        problem(trace, 405);
        assertThat(header(trace, "Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void errorsAreProblemsInOurWordsAndNeverServerErrorsForBadInput() throws Exception {
        assertThat(problem(send("GET", "/api/nope"), 404).get("detail").asText()).contains("/api/nope", "/api/openapi.json");
        problem(send("GET", "/error"), 404);
        JsonNode malformed = problem(sendTo("POST", "http://localhost:" + port + "/api/evidence/support", "{\"evidence\":[",
                "Content-Type", "application/json"), 400);
        assertThat(malformed.get("line").asInt()).isEqualTo(1);
        assertThat(problem(sendTo("POST", "http://localhost:" + port + "/api/evidence/support", "{\"evidence\":[null]}",
                "Content-Type", "application/json"), 400).get("field").asText()).isEqualTo("evidence");
        problem(send("GET", "/api/frameworks", "X-Big", "a".repeat(20_000)), 431);
        assertThat(problem(send("GET", "/api/frameworks", "Accept", "bogus"), 406).get("detail").asText()).contains("application/json");
        problem(send("GET", "/api/frameworks", "Accept", "application/json;q=0, text/csv;q=0"), 406);
        assertThat(header(send("GET", "/api/frameworks", "Accept", "application/json;q=0, */*"), "Content-Type")).startsWith("text/csv");
        problem(send("GET", "/api/exports/graph.x", "Accept", "text/html"), 400);
    }

    @Test
    void everyResponseOfBothPortsCarriesTheSecurityHeaders() throws Exception {
        String sparqlBase = "http://localhost:" + sparql.port();
        for (HttpResponse<String> r : List.of(send("GET", "/api/frameworks"), send("GET", "/api/nope"), send("GET", "/"),
                send("GET", "/api/docs/index.html"), sendTo("GET", sparqlBase + "/crosswalk/sparql?query=ASK%7B%7D", null),
                sendTo("GET", sparqlBase + "/nope", null), sendTo("GET", sparqlBase + "/", null))) {
            assertThat(header(r, "X-Content-Type-Options")).as(r.uri().toString()).isEqualTo("nosniff");
            assertThat(header(r, "X-Frame-Options")).as(r.uri().toString()).isEqualTo("DENY");
            assertThat(header(r, "Content-Security-Policy")).as(r.uri().toString()).contains("frame-ancestors 'none'", "default-src 'self'");
            assertThat(header(r, "Referrer-Policy")).as(r.uri().toString()).isEqualTo("no-referrer");
        }
        assertThat(sendTo("GET", sparqlBase + "/$/stats", null).statusCode()).as("request counters are not public").isEqualTo(404);
        assertThat(sendTo("GET", sparqlBase + "/$/stats/crosswalk", null).statusCode()).isEqualTo(404);
    }
}
