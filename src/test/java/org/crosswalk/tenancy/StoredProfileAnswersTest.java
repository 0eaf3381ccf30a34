package org.crosswalk.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crosswalk.tenancy.TenantClient.json;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.crosswalk.tenancy.TenantDirectory.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored profile's answers come from the same named query as a posted profile's, reading the profile's
 * version graph ({@code GRAPH ?profile}) instead of lists: for random stored profiles, coverage and gaps
 * equal, row by row, the stateless POST /api/coverage and /api/gaps of the same statements. And the
 * {@code profile} parameter cannot be bound through the public named-query door.
 */
class StoredProfileAnswersTest extends TenantServiceTest {
    static final List<String> STATUSES = List.of("satisfied", "partial", "planned", "not-applicable");
    static final List<String> EVIDENCE = List.of("ai-policy", "ai-risk-assessment", "technical-documentation", "event-logs",
            "human-oversight-procedure", "internal-audit-report", "fundamental-rights-impact-assessment", "ai-literacy-training-records");

    @LocalServerPort int port;
    @Autowired TenantDirectory directory;
    TenantClient http;
    String tenant;

    @BeforeEach
    void freshTenant() {
        http = new TenantClient(port);
        tenant = "t-" + Long.toHexString(System.nanoTime());
        directory.createTenant(tenant);
    }

    /** Requirement IRIs of a framework, from the public named query (ids as the catalogue has them). */
    private List<String> requirements(String framework) {
        JsonNode t = json(http.call("GET", "/api/queries/requirements/run?framework=" + framework, null, null, null));
        List<String> out = new ArrayList<>();
        t.get("rows").forEach(r -> out.add(r.get("requirement").asString()));
        assertThat(out).isNotEmpty();
        return out;
    }

    @Test
    void storedAnswersEqualPostedAnswersRowByRowForRandomProfiles() {
        long seed = Long.getLong("crosswalk.test.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> pool = new ArrayList<>();
        for (String f : List.of("iso42001", "nist-ai-rmf", "iso27001", "eu-ai-act")) pool.addAll(requirements(f));
        List<String[]> targets = List.of(
                new String[] {"eu-ai-act", "role=provider&system=high-risk&asOf=2028-08-02"},
                new String[] {"eu-ai-act", "role=deployer&asOf=2026-08-02"},
                new String[] {"eu-ai-act", ""},
                new String[] {"iso42001", ""},
                new String[] {"nist-ai-rmf", ""});
        int compared = 0;
        for (int n = 0; n < 6; n++) {
            String why = "seed " + seed + ", profile " + n;
            // A fresh token per profile: the test's write limit is per credential.
            String token = directory.createToken(tenant, "p" + n, Scope.READ_WRITE).secret();
            ObjectNode profile = TenantClient.JSON.createObjectNode();
            profile.put("id", "r" + n);
            ArrayNode statements = profile.putArray("statements");
            ObjectNode posted = TenantClient.JSON.createObjectNode();
            ArrayNode satisfied = posted.putArray("satisfied"), partial = posted.putArray("partially_satisfied"),
                    evidence = posted.putArray("evidence");
            List<String> shuffled = new ArrayList<>(pool);
            Collections.shuffle(shuffled, random);
            for (int i = 0; i < 4 + random.nextInt(25); i++) {
                String status = i == 0 ? "satisfied" : STATUSES.get(random.nextInt(STATUSES.size()));
                statements.addObject().put("requirement", shuffled.get(i)).put("status", status);
                if (status.equals("satisfied")) satisfied.add(shuffled.get(i));
                if (status.equals("partial")) partial.add(shuffled.get(i));
            }
            List<String> ev = new ArrayList<>(EVIDENCE);
            Collections.shuffle(ev, random);
            for (int i = 0; i < random.nextInt(4); i++) {
                String status = STATUSES.get(random.nextInt(STATUSES.size()));
                statements.addObject().put("evidence", ev.get(i)).put("status", status);
                if (status.equals("satisfied") || status.equals("partial")) evidence.add(ev.get(i));
            }
            HttpResponse<String> created = http.call("POST", "/api/profiles", token, "application/json", profile.toString());
            assertThat(created.statusCode()).as(why + ": " + created.body()).isEqualTo(201);

            String[] t = targets.get(random.nextInt(targets.size()));
            String query = "?target=" + t[0] + (t[1].isEmpty() ? "" : "&" + t[1]);
            for (String kind : List.of("coverage", "gaps", "gaps-partial")) {
                String path = kind.equals("gaps-partial") ? "gaps" : kind;
                String q = query + (kind.equals("gaps-partial") ? "&includePartial=true" : "");
                HttpResponse<String> stored = http.call("GET", "/api/profiles/r" + n + "/" + path + q, token, null, null);
                HttpResponse<String> stateless = http.call("POST", "/api/" + path + q, null, "application/json", posted.toString());
                assertThat(stored.statusCode()).as(why + " " + kind + ": " + stored.body()).isEqualTo(200);
                assertThat(stateless.statusCode()).as(why + " " + kind + ": " + stateless.body()).isEqualTo(200);
                JsonNode a = json(stored), b = json(stateless);
                String rowsField = kind.equals("coverage") ? "requirements" : "gaps";
                JsonNode ra = a.get(rowsField), rb = b.get(rowsField);
                assertThat(ra).as(why + " " + kind + ": " + stored.body()).isNotNull();
                assertThat(a.get("count")).as(why + " " + kind + ": count").isEqualTo(b.get("count"));
                assertThat(ra.size()).as(why + " " + kind + " " + query + ": rows").isEqualTo(rb.size());
                for (int i = 0; i < ra.size(); i++) {
                    assertThat(ra.get(i)).as(why + " " + kind + " " + query + ": row " + i).isEqualTo(rb.get(i));
                }
                assertThat(a.get("summary")).as(why + " " + kind + ": summary").isEqualTo(b.get("summary"));
                // What it was computed for: the same lists (a stored profile lists its statements sorted).
                for (String list : List.of("satisfied", "partially_satisfied", "evidence")) {
                    assertThat(sorted(a.get("holding").get(list))).as(why + " " + kind + ": holding " + list)
                            .isEqualTo(sorted(b.get("holding").get(list)));
                }
                compared += ra.size();
            }
            // Evidence reuse: the profile's evidence read from its graph, as the posted list.
            HttpResponse<String> reuse = http.call("GET", "/api/profiles/r" + n + "/evidence-reuse", token, null, null);
            assertThat(reuse.statusCode()).as(why + ": " + reuse.body()).isEqualTo(200);
            if (!evidence.isEmpty()) {
                ObjectNode held = TenantClient.JSON.createObjectNode();
                held.set("evidence", evidence);
                JsonNode postedReuse = json(http.call("POST", "/api/evidence/support", null, "application/json", held.toString()));
                JsonNode storedReuse = json(reuse);
                assertThat(sorted(storedReuse.get("held"))).as(why + ": evidence held").isEqualTo(sorted(postedReuse.get("held")));
                for (String field : List.of("requirements", "frameworks", "supports")) {
                    assertThat(storedReuse.get(field)).as(why + ": evidence reuse " + field).isEqualTo(postedReuse.get(field));
                }
            } else {
                assertThat(json(reuse).get("requirements").asInt()).as(why).isZero();
            }
        }
        assertThat(compared).as("rows compared").isPositive();
    }

    private static List<String> sorted(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null) list.forEach(x -> out.add(x.asString()));
        Collections.sort(out);
        return out;
    }

    @Test
    void aProfileGraphCannotBeBoundThroughThePublicNamedQueryDoor() {
        String token = directory.createToken(tenant, "rw", Scope.READ_WRITE).secret();
        assertThat(http.call("POST", "/api/profiles", token, "application/json",
                "{\"id\":\"secret\",\"statements\":[{\"requirement\":\"iso42001:A.6.2.4\",\"status\":\"satisfied\"},"
                        + "{\"evidence\":\"ai-policy\",\"status\":\"satisfied\"}]}").statusCode()).isEqualTo(201);
        String graph = URLEncoder.encode(TenantView.profileGraph(tenant, "secret", 1), StandardCharsets.UTF_8);
        for (String q : List.of("coverage", "evidence-support")) {
            // With and without the tenant's own credential: this door never reads tenant graphs.
            for (String cred : new String[] {null, token}) {
                HttpResponse<String> r = http.call("GET", "/api/queries/" + q + "/run?profile=" + graph, cred, null, null);
                assertThat(r.statusCode()).as(q + ": " + r.body()).isEqualTo(400);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
                assertThat(r.body()).contains("profile");
            }
        }
        // The parameter is documented (it is part of the query), so nobody wonders what it is.
        JsonNode doc = json(http.call("GET", "/api/queries/coverage", null, null, null));
        assertThat(doc.toString()).contains("\"name\":\"profile\"");
        // The stored profile's own door answers, from its graph (A.6.2.4 reaches Articles 9, 15 and 17, which
        // apply to providers of high-risk systems from 2027-12-02 / 2028-08-02).
        HttpResponse<String> own = http.call("GET", "/api/profiles/secret/coverage?target=eu-ai-act&role=provider&system=high-risk&asOf=2028-08-02", token, null, null);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode summary = json(own).get("summary");
        assertThat(summary.get("full").asInt() + summary.get("partial").asInt()).as(own.body()).isPositive();
    }
}
