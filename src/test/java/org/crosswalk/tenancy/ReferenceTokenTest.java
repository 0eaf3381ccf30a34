package org.crosswalk.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.support.TestStores;
import org.crosswalk.tenancy.TenantDirectory.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code crosswalk.security.require-token-for-reference=true} the reference doors (REST answers for
 * posted profiles, catalogues, named queries, exports) and the public SPARQL endpoint need an API token:
 * none, a wrong one or a revoked one gets 401; any tenant's valid token gets 200. The default (open) is
 * {@link ReferenceOpenByDefaultTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crosswalk.security.require-token-for-reference=true")
class ReferenceTokenTest {
    static final List<String> REFERENCE_DOORS = List.of("/api/frameworks", "/api/queries/frameworks/run",
            "/api/coverage?source=iso42001&target=nist-ai-rmf", "/api/exports");
    static final String ASK = "/crosswalk/sparql?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("reference-token").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
    }

    @LocalServerPort int port;
    @Autowired SparqlEndpoint endpoint;
    @Autowired TenantDirectory directory;

    @Test
    void referenceDoorsAndThePublicSparqlEndpointNeedAValidToken() {
        directory.createTenant("ref-reader");
        String token = directory.createToken("ref-reader", "reader", Scope.READ).secret();
        TenantDirectory.NewToken revoked = directory.createToken("ref-reader", "old", Scope.READ);
        directory.revokeToken(revoked.info().id());
        TenantClient rest = new TenantClient(port);
        TenantClient sparql = new TenantClient(endpoint.port());

        for (String door : REFERENCE_DOORS) {
            HttpResponse<String> none = rest.call("GET", door, null, null, null);
            assertThat(none.statusCode()).as(door + " without a token: " + none.body()).isEqualTo(401);
            assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
            assertThat(rest.call("GET", door, "cwt_nope_wrong", null, null).statusCode()).as(door + " wrong token").isEqualTo(401);
            assertThat(rest.call("GET", door, revoked.secret(), null, null).statusCode()).as(door + " revoked token").isEqualTo(401);
            HttpResponse<String> ok = rest.call("GET", door, token, null, null);
            assertThat(ok.statusCode()).as(door + " with a token: " + ok.body()).isEqualTo(200);
        }
        // A posted profile's answer too (a reference answer: nothing is stored).
        String csv = "framework,requirement,status\niso42001,A.6.2.4,satisfied\n";
        assertThat(rest.call("POST", "/api/gaps?target=eu-ai-act", null, "text/csv", csv).statusCode()).isEqualTo(401);
        assertThat(rest.call("POST", "/api/gaps?target=eu-ai-act", token, "text/csv", csv).statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = sparql.call("GET", ASK, null, null, null);
        assertThat(anonymous.statusCode()).as("public SPARQL without a token: " + anonymous.body()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(sparql.call("GET", ASK, "cwt_nope_wrong", null, null).statusCode()).isEqualTo(401);
        assertThat(sparql.call("GET", ASK, revoked.secret(), null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> allowed = sparql.call("GET", ASK, token, null, null, "Accept", "application/sparql-results+json");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"boolean\"", "true");
    }
}
