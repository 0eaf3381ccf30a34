package org.crosswalk.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crosswalk.tenancy.TenantClient.json;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.tenancy.TenantDirectory.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Tenant A's profile tried through every door with every wrong credential: another tenant's token, no
 * token, a revoked token, a read-only token writing, an expired JWT, a JWT signed by a key the service
 * does not trust, a JWT naming an unknown tenant; and SPARQL tricks (GRAPH ?g, FROM NAMED, the graph's
 * IRI, the system graph) on the tenant endpoint and the public one. All must fail; the right credential
 * must succeed (so a door that refuses everyone would fail this test too).
 */
class TenantIsolationTest extends TenantServiceTest {
    @LocalServerPort int port;
    @Autowired TenantDirectory directory;
    @Autowired SparqlEndpoint endpoint;
    TenantClient http;
    String a, b, aToken, aRead, bToken, revoked;
    String graphA;

    @BeforeEach
    void twoTenants() {
        http = new TenantClient(port);
        String n = Long.toHexString(System.nanoTime());
        a = "a-" + n;
        b = "b-" + n;
        directory.createTenant(a);
        directory.createTenant(b);
        aToken = directory.createToken(a, "a", Scope.READ_WRITE).secret();
        aRead = directory.createToken(a, "a-read", Scope.READ).secret();
        bToken = directory.createToken(b, "b", Scope.READ_WRITE).secret();
        var r = directory.createToken(a, "old", Scope.READ_WRITE);
        directory.revokeToken(r.info().id());
        revoked = r.secret();
        HttpResponse<String> created = http.call("POST", "/api/profiles", aToken, "application/json", """
                {"id":"secret-plan","title":"A's plan","statements":[{"requirement":"iso42001:A.6.2.4","status":"satisfied","note":"A only"}]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        graphA = "https://w3id.org/crosswalk/tenant/" + a + "/profile/secret-plan";
    }

    static final List<String> READS = List.of("/api/profiles/secret-plan", "/api/profiles/secret-plan/history",
            "/api/profiles/secret-plan/versions/1", "/api/profiles/secret-plan/diff?from=1",
            "/api/profiles/secret-plan/coverage", "/api/profiles/secret-plan/gaps", "/api/profiles/secret-plan/evidence-reuse",
            "/api/profiles/secret-plan/exports/coverage.csv");

    @Test
    void anotherTenantGets404OnEveryReadAndWriteDoorAndAnEmptyList() {
        for (String path : READS) {
            assertThat(http.call("GET", path, aToken, null, null).statusCode()).as("A reads " + path).isEqualTo(200);
            HttpResponse<String> r = http.call("GET", path, bToken, null, null);
            assertThat(r.statusCode()).as("B reads " + path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("A only", "A's plan");
        }
        assertThat(json(http.call("GET", "/api/profiles", bToken, null, null))).isEmpty();
        String body = "{\"statements\":[]}";
        assertThat(http.call("PUT", "/api/profiles/secret-plan", bToken, "application/json", body, "If-Match", "\"1\"").statusCode()).isEqualTo(404);
        assertThat(http.call("PATCH", "/api/profiles/secret-plan/statements", bToken, "application/json", "{\"upsert\":[],\"remove\":[]}", "If-Match", "\"1\"").statusCode()).isEqualTo(404);
        assertThat(http.call("DELETE", "/api/profiles/secret-plan", bToken, null, null, "If-Match", "\"1\"").statusCode()).isEqualTo(404);
        assertThat(http.call("POST", "/api/profiles/secret-plan/restore", bToken, null, null).statusCode()).isEqualTo(404);
        // B may use the same id for its own profile: ids are per tenant, and A's is untouched.
        assertThat(http.call("POST", "/api/profiles", bToken, "application/json", "{\"id\":\"secret-plan\",\"statements\":[]}").statusCode()).isEqualTo(201);
        assertThat(json(http.call("GET", "/api/profiles/secret-plan", aToken, null, null)).get("statements")).hasSize(1);
    }

    @Test
    void noTokenRevokedTokenBadJwtsAreRefusedAndAReadTokenCannotWrite() {
        String later = "\"1\"";
        List<String> refused = new ArrayList<>();
        refused.add(null);
        refused.add(revoked);
        refused.add("cwt_0123456789abcdef_forged");
        refused.add(KEYS.jwt(KEYS.trusted, a, "crosswalk:write", Instant.now().minusSeconds(600)));   // expired
        refused.add(KEYS.jwt(KEYS.untrusted, a, "crosswalk:write", Instant.now().plusSeconds(600))); // wrong key
        refused.add(KEYS.jwt(KEYS.trusted, "no-such-tenant", "crosswalk:write", Instant.now().plusSeconds(600)));
        for (String credential : refused) {
            for (String path : READS) {
                HttpResponse<String> r = http.call("GET", path, credential, null, null);
                assertThat(r.statusCode()).as(path + " with " + credential).isEqualTo(401);
                assertThat(r.body()).doesNotContain("A only");
            }
            assertThat(http.call("GET", "/api/profiles", credential, null, null).statusCode()).isEqualTo(401);
            assertThat(http.call("PUT", "/api/profiles/secret-plan", credential, "application/json", "{\"statements\":[]}", "If-Match", later).statusCode()).isEqualTo(401);
            assertThat(http.call("POST", "/api/tenant/sparql", credential, "application/sparql-query", "SELECT * { ?s ?p ?o } LIMIT 1").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> readOnly = http.call("PUT", "/api/profiles/secret-plan", aRead, "application/json", "{\"statements\":[]}", "If-Match", later);
        assertThat(readOnly.statusCode()).isEqualTo(403);
        assertThat(http.call("GET", "/api/profiles/secret-plan", aRead, null, null).statusCode()).isEqualTo(200);
        assertThat(json(http.call("GET", "/api/profiles/secret-plan", aToken, null, null)).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aValidJwtActsForItsTenantAndWritesOnlyWithTheWriteScope() {
        String reader = KEYS.jwt(KEYS.trusted, a, "openid", Instant.now().plusSeconds(600));
        String writer = KEYS.jwt(KEYS.trusted, a, "openid crosswalk:write", Instant.now().plusSeconds(600));
        assertThat(http.call("GET", "/api/profiles/secret-plan", reader, null, null).statusCode()).isEqualTo(200);
        assertThat(http.call("GET", "/api/profiles/secret-plan", KEYS.jwt(KEYS.trusted, b, "openid", Instant.now().plusSeconds(600)), null, null)
                .statusCode()).isEqualTo(404);
        String patch = "{\"upsert\":[{\"requirement\":\"iso42001:6.1.2\",\"status\":\"partial\"}],\"remove\":[]}";
        assertThat(http.call("PATCH", "/api/profiles/secret-plan/statements", reader, "application/json", patch, "If-Match", "\"1\"").statusCode()).isEqualTo(403);
        HttpResponse<String> written = http.call("PATCH", "/api/profiles/secret-plan/statements", writer, "application/json", patch, "If-Match", "\"1\"");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(json(http.call("GET", "/api/profiles/secret-plan/history", aToken, null, null)).get(1).get("by").asString()).isEqualTo("jwt:alice@" + a);
    }

    private HttpResponse<String> tenantSparql(String token, String query) {
        return http.call("POST", "/api/tenant/sparql", token, "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "Accept", "application/sparql-results+json");
    }

    private static int rows(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("results").get("bindings").size();
    }

    @Test
    void theTenantSparqlEndpointShowsOwnGraphsOnlyWhateverTheQuerySays() {
        String allGraphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
        JsonNode aGraphs = json(tenantSparql(aToken, allGraphs)).get("results").get("bindings");
        assertThat(aGraphs).isNotEmpty();
        aGraphs.forEach(g -> assertThat(g.get("g").get("value").asString()).startsWith("https://w3id.org/crosswalk/tenant/" + a + "/"));
        JsonNode bGraphs = json(tenantSparql(bToken, allGraphs)).get("results").get("bindings");
        bGraphs.forEach(g -> assertThat(g.get("g").get("value").asString()).startsWith("https://w3id.org/crosswalk/tenant/" + b + "/"));

        assertThat(rows(tenantSparql(aToken, "SELECT * WHERE { GRAPH <" + graphA + "> { ?s ?p ?o } }"))).isPositive();
        assertThat(rows(tenantSparql(bToken, "SELECT * WHERE { GRAPH <" + graphA + "> { ?s ?p ?o } }"))).isZero();
        assertThat(rows(tenantSparql(bToken, "SELECT * FROM NAMED <" + graphA + "> WHERE { GRAPH ?g { ?s ?p ?o } }"))).isZero();
        assertThat(rows(tenantSparql(bToken, "SELECT * FROM <" + graphA + "> WHERE { ?s ?p ?o }"))).isZero();
        assertThat(rows(tenantSparql(bToken, "SELECT * WHERE { ?s <https://w3id.org/crosswalk/ontology#note> ?o }"))).isZero();
        for (String token : List.of(aToken, bToken)) {
            assertThat(rows(tenantSparql(token, "SELECT * WHERE { GRAPH <https://w3id.org/crosswalk/system> { ?s ?p ?o } }"))).isZero();
            assertThat(rows(tenantSparql(token, "SELECT * WHERE { GRAPH ?g { ?s <https://w3id.org/crosswalk/ontology#secretHash> ?h } }"))).isZero();
        }
        // The reference data is there for both, as the default graph.
        assertThat(rows(tenantSparql(bToken, "SELECT * WHERE { ?s <http://www.w3.org/2004/02/skos/core#notation> \"A.6.2.4\" }"))).isPositive();
        // A tenant's own data joins the reference data in one query.
        assertThat(rows(tenantSparql(aToken, """
                PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?label WHERE { GRAPH ?p { ?st cw:about ?r } ?r skos:prefLabel ?label }"""))).isPositive();
        // Updates do not exist on this door.
        assertThat(tenantSparql(aToken, "INSERT DATA { <urn:x> <urn:y> <urn:z> }").statusCode()).isEqualTo(400);
    }

    @Test
    void thePublicSparqlEndpointServesTheReferenceGraphsOnly() {
        String url = endpoint.queryUrl("localhost");
        for (String q : List.of(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                "SELECT * WHERE { GRAPH <" + graphA + "> { ?s ?p ?o } }",
                "SELECT * FROM NAMED <" + graphA + "> WHERE { GRAPH ?g { ?s ?p ?o } }",
                "SELECT * WHERE { ?s <https://w3id.org/crosswalk/ontology#profileStatus> ?o }",
                "SELECT * WHERE { ?s <https://w3id.org/crosswalk/ontology#secretHash> ?o }")) {
            List<QuerySolution> found = new ArrayList<>();
            try (var exec = QueryExecutionHTTP.service(url).query(q).build()) {
                exec.execSelect().forEachRemaining(found::add);
            }
            assertThat(found).as(q).isEmpty();
        }
        try (var exec = QueryExecutionHTTP.service(url).query("ASK { ?s <http://www.w3.org/2004/02/skos/core#notation> \"A.6.2.4\" }").build()) {
            assertThat(exec.execAsk()).isTrue();
        }
    }

    @Test
    void adminDoorsNeedTheAdministratorToken() {
        assertThat(http.call("GET", "/api/admin/tenants", null, null, null).statusCode()).isEqualTo(401);
        assertThat(http.call("GET", "/api/admin/tenants", aToken, null, null).statusCode()).isEqualTo(403);
        assertThat(http.call("GET", "/api/admin/tenants", "cwadmin_wrong", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = http.call("GET", "/api/admin/tenants", TenantKeys.ADMIN_TOKEN, null, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains(a, b);
        // Reference data stays open without a token.
        assertThat(http.call("GET", "/api/frameworks", null, null, null).statusCode()).isEqualTo(200);
    }
}
