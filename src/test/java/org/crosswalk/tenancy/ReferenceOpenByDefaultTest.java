package org.crosswalk.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.crosswalk.sparql.SparqlEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * By default (crosswalk.security.require-token-for-reference unset) the reference doors and the public
 * SPARQL endpoint answer without a token, while the tenant doors still need one: the counterpart of
 * {@link ReferenceTokenTest}, on the shared tenant test service.
 */
class ReferenceOpenByDefaultTest extends TenantServiceTest {
    @LocalServerPort int port;
    @Autowired SparqlEndpoint endpoint;

    @Test
    void referenceDoorsAreOpenAndTenantDoorsAreNot() {
        TenantClient rest = new TenantClient(port);
        for (String door : ReferenceTokenTest.REFERENCE_DOORS) {
            HttpResponse<String> r = rest.call("GET", door, null, null, null);
            assertThat(r.statusCode()).as(door + ": " + r.body()).isEqualTo(200);
        }
        HttpResponse<String> sparql = new TenantClient(endpoint.port()).call("GET", ReferenceTokenTest.ASK, null, null, null,
                "Accept", "application/sparql-results+json");
        assertThat(sparql.statusCode()).as(sparql.body()).isEqualTo(200);
        assertThat(rest.call("GET", "/api/profiles", null, null, null).statusCode()).isEqualTo(401);
        assertThat(rest.call("POST", "/api/tenant/sparql", null, "application/sparql-query", "ASK {}").statusCode()).isEqualTo(401);
    }
}
