package org.crosswalk.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crosswalk.tenancy.TenantClient.json;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.crosswalk.tenancy.TenantDirectory.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Stored profiles over HTTP on a random port, on TDB2 on disk: create, read, replace, patch, delete and
 * restore with ETag / If-Match; history and diff; imports; bad input; answers for a stored profile equal
 * to the stateless answer for the same rows.
 */
class ProfilesApiTest extends TenantServiceTest {
    @LocalServerPort int port;
    @Autowired TenantDirectory directory;
    TenantClient http;
    String tenant;
    String rw;

    @BeforeEach
    void freshTenant() {
        http = new TenantClient(port);
        tenant = "t-" + Long.toHexString(System.nanoTime());
        directory.createTenant(tenant);
        rw = directory.createToken(tenant, "test", Scope.READ_WRITE).secret();
    }

    static final String PROFILE = """
            {"id":"q3","title":"Q3 check","statements":[
              {"requirement":"iso42001:A.6.2.4","status":"satisfied","owner":"ciso","date":"2026-09-30","note":"verified by audit"},
              {"requirement":"iso42001:6.1.2","status":"partial"},
              {"requirement":"nist-ai-rmf:GOVERN 1.1","status":"planned"},
              {"evidence":"ai-policy","status":"satisfied"}]}""";

    private HttpResponse<String> create(String body) {
        return http.call("POST", "/api/profiles", rw, "application/json", body);
    }

    @Test
    void aProfileIsCreatedReadReplacedPatchedWithVersionsAndConcurrencyChecks() {
        HttpResponse<String> created = create(PROFILE);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/profiles/q3");

        HttpResponse<String> read = http.call("GET", "/api/profiles/q3", rw, null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode p = json(read);
        assertThat(p.get("statements")).hasSize(4);
        JsonNode first = p.get("statements").get(0);
        assertThat(first.get("ref").asString()).isEqualTo("evidence:ai-policy");
        assertThat(json(read).toString()).contains("iso42001:A.6.2.4", "nist-ai-rmf:GOVERN-1.1", "verified by audit", "2026-09-30");

        // Writes without If-Match: 428; with a stale one: 412; nothing changes either way.
        String replacement = """
                {"title":"Q4 check","statements":[{"requirement":"iso42001:A.6.2.4","status":"satisfied"}]}""";
        assertThat(http.call("PUT", "/api/profiles/q3", rw, "application/json", replacement).statusCode()).isEqualTo(428);
        assertThat(http.call("PUT", "/api/profiles/q3", rw, "application/json", replacement, "If-Match", "\"7\"").statusCode()).isEqualTo(412);
        assertThat(json(http.call("GET", "/api/profiles/q3", rw, null, null)).get("version").asInt()).isEqualTo(1);

        HttpResponse<String> replaced = http.call("PUT", "/api/profiles/q3", rw, "application/json", replacement, "If-Match", "\"1\"");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(replaced).get("statements")).hasSize(1);
        // The same If-Match again is now stale: a lost update is refused.
        assertThat(http.call("PUT", "/api/profiles/q3", rw, "application/json", replacement, "If-Match", "\"1\"").statusCode()).isEqualTo(412);

        HttpResponse<String> patched = http.call("PATCH", "/api/profiles/q3/statements", rw, "application/json", """
                {"upsert":[{"requirement":"iso42001:A.6.2.4","status":"partial","note":"one site left"},
                           {"evidence":"ai-risk-assessment","status":"satisfied"}],"remove":[]}""", "If-Match", "\"2\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("statements")).hasSize(2);

        JsonNode history = json(http.call("GET", "/api/profiles/q3/history", rw, null, null));
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("change").asString()).isEqualTo("create");
        assertThat(history.get(1).get("removed").asInt()).isEqualTo(3);
        assertThat(history.get(2).get("changed").asInt()).isEqualTo(1);
        assertThat(history.get(2).get("added").asInt()).isEqualTo(1);
        assertThat(history.get(2).get("by").asString()).startsWith("token:");

        JsonNode v1 = json(http.call("GET", "/api/profiles/q3/versions/1", rw, null, null));
        assertThat(v1.get("statements")).hasSize(4);
        assertThat(v1.get("title").asString()).isEqualTo("Q3 check");
        JsonNode diff = json(http.call("GET", "/api/profiles/q3/diff?from=1", rw, null, null));
        assertThat(diff.get("to").asInt()).isEqualTo(3);
        assertThat(diff.get("added")).hasSize(1);
        assertThat(diff.get("removed")).hasSize(3);
        assertThat(diff.get("changed")).hasSize(1);
        assertThat(diff.get("changed").get(0).get("before").get("status").asString()).isEqualTo("satisfied");
        assertThat(diff.get("changed").get(0).get("after").get("status").asString()).isEqualTo("partial");
    }

    @Test
    void aDeletedProfileIsGoneFromReadsAndListsUntilRestored() {
        create(PROFILE);
        assertThat(http.call("DELETE", "/api/profiles/q3", rw, null, null).statusCode()).isEqualTo(428);
        assertThat(http.call("DELETE", "/api/profiles/q3", rw, null, null, "If-Match", "\"1\"").statusCode()).isEqualTo(204);
        assertThat(http.call("GET", "/api/profiles/q3", rw, null, null).statusCode()).isEqualTo(404);
        assertThat(json(http.call("GET", "/api/profiles", rw, null, null))).isEmpty();
        JsonNode deleted = json(http.call("GET", "/api/profiles?deleted=true", rw, null, null));
        assertThat(deleted).hasSize(1);
        assertThat(deleted.get(0).get("deleted").asString()).isNotBlank();
        HttpResponse<String> restored = http.call("POST", "/api/profiles/q3/restore", rw, null, null);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(json(restored).get("statements")).hasSize(4);
        assertThat(json(http.call("GET", "/api/profiles", rw, null, null))).hasSize(1);
        assertThat(json(http.call("GET", "/api/profiles/q3/history", rw, null, null)).get(2).get("change").asString()).isEqualTo("restore");
    }

    @Test
    void theProfileListAndAHistoryArePagedWithLinkAndTotalCount() {
        for (String id : List.of("p1", "p2", "p3")) {
            assertThat(create(PROFILE.replace("\"q3\"", "\"" + id + "\"")).statusCode()).isEqualTo(201);
        }
        List<String> all = new ArrayList<>();
        json(http.call("GET", "/api/profiles", rw, null, null)).forEach(p -> all.add(p.get("id").asString()));
        assertThat(all).hasSize(3);

        HttpResponse<String> first = http.call("GET", "/api/profiles?limit=2", rw, null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("3");
        assertThat(first.headers().firstValue("Link").orElseThrow()).contains("offset=2>; rel=\"next\"").doesNotContain("rel=\"prev\"");
        HttpResponse<String> second = http.call("GET", "/api/profiles?limit=2&offset=2", rw, null, null);
        assertThat(second.headers().firstValue("Link").orElseThrow()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        List<String> paged = new ArrayList<>();
        json(first).forEach(p -> paged.add(p.get("id").asString()));
        json(second).forEach(p -> paged.add(p.get("id").asString()));
        assertThat(paged).as("the two pages are the whole list, in its order").isEqualTo(all);

        JsonNode history = json(http.call("GET", "/api/profiles/p1/history?limit=1&offset=0", rw, null, null));
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("change").asString()).isEqualTo("create");

        // Out of bounds is a 400 that names the parameter; nothing is cut silently.
        HttpResponse<String> bad = http.call("GET", "/api/profiles?limit=0", rw, null, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("limit");
    }

    @Test
    void unknownIdsAreRejectedWithEveryBadRowAndNothingIsStored() {
        HttpResponse<String> bad = create("""
                {"id":"bad","statements":[
                  {"requirement":"iso42001:A.6.2.4","status":"satisfied"},
                  {"requirement":"iso42001:A.99.1","status":"satisfied"},
                  {"evidence":"no-such-evidence","status":"satisfied"},
                  {"requirement":"iso42001:6.1.2","status":"sort-of"}]}""");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode errors = json(bad).get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(errors.get(0).get("id").asString()).isEqualTo("iso42001:A.99.1");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(1).get("closest")).isNotEmpty();
        assertThat(errors.get(2).get("row").asInt()).isEqualTo(4);
        assertThat(http.call("GET", "/api/profiles/bad", rw, null, null).statusCode()).isEqualTo(404);

        String csv = "framework,requirement,status\niso42001,A.6.2.4,satisfied\niso42001,Z.1,satisfied\nnist-ai-rmf,GOVERN 9.9,partial\n";
        HttpResponse<String> badCsv = http.call("POST", "/api/profiles?id=badcsv", rw, "text/csv", csv);
        assertThat(badCsv.statusCode()).as(badCsv.body()).isEqualTo(422);
        assertThat(json(badCsv).get("errors")).hasSize(2);
        assertThat(json(badCsv).get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(json(badCsv).get("errors").get(1).get("row").asInt()).isEqualTo(4);
        assertThat(json(http.call("GET", "/api/profiles", rw, null, null))).isEmpty();
    }

    @Test
    void aProfileOverTheSizeLimitIs413AndNothingIsStored() {
        StringBuilder csv = new StringBuilder("framework,requirement,status\n");
        for (int i = 0; i < 41; i++) csv.append("evidence,ai-policy,held\n");
        HttpResponse<String> r = http.call("POST", "/api/profiles?id=big", rw, "text/csv", csv.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(http.call("GET", "/api/profiles/big", rw, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void writesAboveTheRateLimitGet429WithRetryAfter() {
        List<Integer> codes = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 14; i++) {
            last = create("{\"id\":\"r" + i + "\",\"statements\":[]}");
            codes.add(last.statusCode());
        }
        assertThat(codes.subList(0, 12)).containsOnly(201);
        assertThat(codes.subList(12, 14)).containsOnly(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(http.call("GET", "/api/profiles/r13", rw, null, null).statusCode()).isEqualTo(404);
        // Reads are not limited.
        assertThat(http.call("GET", "/api/profiles", rw, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void csvAndXlsxImportsStoreTheSameStatements() throws Exception {
        String csv = "framework,requirement,status,owner\niso42001,A.6.2.4,implemented,ciso\nevidence,ai-policy,held,\nnist-ai-rmf,GOVERN 1.1,n/a,\n";
        HttpResponse<String> fromCsv = http.call("POST", "/api/profiles?id=from-csv&title=Imported", rw, "text/csv", csv);
        assertThat(fromCsv.statusCode()).as(fromCsv.body()).isEqualTo(201);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("profile");
            String[][] rows = {{"framework", "requirement", "status", "owner"}, {"iso42001", "A.6.2.4", "implemented", "ciso"},
                    {"evidence", "ai-policy", "held", ""}, {"nist-ai-rmf", "GOVERN 1.1", "n/a", ""}};
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.createRow(i);
                for (int c = 0; c < rows[i].length; c++) row.createCell(c).setCellValue(rows[i][c]);
            }
            wb.write(out);
        }
        HttpResponse<String> fromXlsx = http.callBytes("POST", "/api/profiles?id=from-xlsx", rw,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
        assertThat(fromXlsx.statusCode()).as(fromXlsx.body()).isEqualTo(201);
        assertThat(json(fromXlsx).get("statements")).isEqualTo(json(fromCsv).get("statements"));
        assertThat(json(fromCsv).get("statements").toString()).contains("\"status\":\"satisfied\"", "\"status\":\"not-applicable\"");
    }

    @Test
    void answersForAStoredProfileEqualTheStatelessAnswersForTheSameRows() {
        create(PROFILE);
        String csv = "framework,requirement,status\niso42001,A.6.2.4,satisfied\niso42001,6.1.2,partial\nevidence,ai-policy,held\n";
        for (String kind : List.of("coverage", "gaps")) {
            HttpResponse<String> stored = http.call("GET", "/api/profiles/q3/" + kind + "?target=eu-ai-act&role=provider", rw, null, null);
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            assertThat(stored.headers().firstValue("ETag")).hasValue("\"1\"");
            HttpResponse<String> posted = http.call("POST", "/api/" + kind + "?target=eu-ai-act&role=provider", null, "text/csv", csv);
            assertThat(json(stored).get("requirements")).isEqualTo(json(posted).get("requirements"));
        }
        JsonNode reuse = json(http.call("GET", "/api/profiles/q3/evidence-reuse", rw, null, null));
        assertThat(reuse.get("requirements").asInt()).isPositive();
        HttpResponse<String> xlsx = http.call("GET", "/api/profiles/q3/exports/gaps.xlsx?target=eu-ai-act", rw, null, null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("q3-gaps.xlsx"));
    }
}
