package org.crosswalk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.crosswalk.CrosswalkApplication;
import org.crosswalk.support.ApiClient;
import org.crosswalk.support.FusekiProcess;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Remote store mode against a real, separate Fuseki server process (Apache Jena's jena-fuseki-server jar,
 * its own JVM and TDB2 database): the service starts while the store is down and becomes ready when it
 * comes up (pushing the reference data), a second replica reuses that data, every REST answer of the
 * suite is the embedded mode's answer row by row, both replicas agree, and a store that stops or freezes
 * during requests gives 503 problem+json with Retry-After within the timeout, then recovers without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteStoreTest {
    static final int TIMEOUT_SECONDS = 20;
    static final String ADMIN_TOKEN = "cwadmin_remote-store-test";
    static final String ADMIN_HASH = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(ADMIN_TOKEN);
    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    /** A read-write API token of tenant acme, made in storedProfilesAreSharedByReplicas. */
    static String acmeToken;

    static FusekiProcess fuseki;
    static ConfigurableApplicationContext replicaA;
    static ConfigurableApplicationContext replicaB;
    static ConfigurableApplicationContext embedded;

    @BeforeAll
    static void createStore() {
        fuseki = new FusekiProcess(TestStores.newStoreRoot("fuseki"));
    }

    @AfterAll
    static void stopAll() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {replicaA, replicaB, embedded}) {
            if (c != null) c.close();
        }
        if (fuseki != null) fuseki.close();
    }

    static ConfigurableApplicationContext start(String mode) {
        Path storeDir = TestStores.newStoreRoot("remote-test-" + mode);
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--crosswalk.sparql-port=0",
                "--crosswalk.store-dir=" + storeDir, "--crosswalk.query-timeout=" + TIMEOUT_SECONDS + "s",
                "--crosswalk.ontology-dir=" + TestStores.ontologyDir(), "--crosswalk.mappings-dir=" + TestStores.mappingsDir(),
                "--crosswalk.store=" + mode));
        args.add("--crosswalk.security.admin-token-hash=" + ADMIN_HASH);
        if (mode.equals("remote")) {
            args.add("--crosswalk.remote.dataset-url=" + fuseki.datasetUrl());
            args.add("--crosswalk.remote.tenant-dataset-url=" + fuseki.tenantDatasetUrl());
            args.add("--crosswalk.remote.retry-interval=1s");
        }
        return new SpringApplicationBuilder(CrosswalkApplication.class).run(args.toArray(String[]::new));
    }

    static ApiClient api(ConfigurableApplicationContext c) {
        return new ApiClient(Integer.parseInt(c.getEnvironment().getProperty("local.server.port")));
    }

    static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static int readiness(ConfigurableApplicationContext c) {
        return api(c).get("/actuator/health/readiness", "application/json").statusCode();
    }

    /** A 503 problem+json with Retry-After, answered within the timeout (plus the deadline's margin). */
    static void assertUnavailableQuickly(ApiClient api, String path) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = api.get(path, "application/json");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).as("%s while the store is down: %s", path, r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.parse(r.body()).get("title").asString()).isEqualTo("Store unavailable");
        assertThat(ms).as("answered within the timeout").isLessThan(TIMEOUT_SECONDS * 1000L + 3000);
    }

    @Test
    @Order(1)
    void storeDownAtStartThenReadyWhenItComesUp() {
        replicaA = start("remote"); // Fuseki is not running yet: the service still starts
        ApiClient a = api(replicaA);
        assertThat(readiness(replicaA)).isEqualTo(503);
        assertThat(a.get("/actuator/health/liveness", "application/json").statusCode()).isEqualTo(200);
        assertUnavailableQuickly(a, "/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.4");

        fuseki.start();
        await("replica A is ready", () -> readiness(replicaA) == 200);
        assertThat(((RemoteStore) replicaA.getBean(CrosswalkStore.class)).pushedOnStart()).isTrue();
        assertThat(a.getJson("/actuator/health/readiness").path("components").path("store").path("details").path("state").asString())
                .isEqualTo("READY");
    }

    /** The REST answer suite: every named query with its defaults, every kind of answer and export. */
    static Map<String, Supplier<HttpResponse<String>>> suite(ApiClient api) {
        Map<String, Supplier<HttpResponse<String>>> calls = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/frameworks", "/api/frameworks/eu-ai-act", "/api/frameworks/iso42001/requirements",
                "/api/frameworks/eu-ai-act/requirements/Article%209(2)", "/api/frameworks/nist-ai-rmf/requirements/GOVERN%201.1",
                "/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.4",
                "/api/crosswalk?source=iso27001&target=nist-ai-rmf",
                "/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk",
                "/api/coverage?source=iso42001&target=nist-ai-rmf",
                "/api/gaps?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk&asOf=2026-08-02",
                "/api/evidence", "/api/evidence/ai-risk-assessment",
                "/api/search?q=" + URLEncoder.encode("human oversight", StandardCharsets.UTF_8) + "&framework=eu-ai-act",
                "/api/search?q=logging",
                "/api/frameworks/nope", "/api/coverage?source=iso42001&target=eu-ai-act&role=nobody",
                "/api/exports", "/api/exports/mapping-sets/iso42001-eu-ai-act.sssom.tsv",
                "/api/exports/crosswalk/iso42001-eu-ai-act.csv", "/api/exports/crosswalk/iso42001-eu-ai-act.json",
                "/api/exports/gaps.csv?source=iso42001&target=eu-ai-act&role=provider&system=high-risk",
                "/api/exports/graph.ttl?framework=nist-ai-rmf")) {
            calls.put("GET " + path, () -> api.get(path, path.contains("/exports/") && !path.endsWith("json") ? "*/*" : "application/json"));
        }
        for (JsonNode q : api.getJson("/api/queries")) {
            String name = q.path("name").asString();
            calls.put("GET /api/queries/" + name + "/run", () -> api.get("/api/queries/" + name + "/run", "application/json"));
        }
        calls.put("POST /api/gaps (CSV profile)", () -> api.post("/api/gaps?target=eu-ai-act&role=deployer", "text/csv",
                "framework,requirement,status\niso42001,6.1.2,satisfied\niso42001,A.6.2.8,partial\nevidence,ai-policy,held\n"));
        calls.put("POST /api/evidence/support", () -> api.post("/api/evidence/support", "application/json",
                "{\"evidence\":[\"ai-risk-assessment\"]}"));
        return calls;
    }

    @Test
    @Order(2)
    void everyAnswerIsTheEmbeddedAnswerRowByRowAndReplicasAgree() {
        replicaB = start("remote");
        assertThat(((RemoteStore) replicaB.getBean(CrosswalkStore.class)).pushedOnStart())
                .as("the second replica finds the data version in the store and pushes nothing").isFalse();
        embedded = start("embedded");

        Map<String, Supplier<HttpResponse<String>>> expected = suite(api(embedded));
        Map<String, Supplier<HttpResponse<String>>> a = suite(api(replicaA));
        Map<String, Supplier<HttpResponse<String>>> b = suite(api(replicaB));
        assertThat(a.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(expected).hasSizeGreaterThan(30);
        for (String call : expected.keySet()) {
            HttpResponse<String> e = expected.get(call).get();
            HttpResponse<String> ra = a.get(call).get();
            HttpResponse<String> rb = b.get(call).get();
            assertSameAnswer(call + " (remote replica A vs embedded)", e, ra);
            assertSameAnswer(call + " (replica B vs replica A)", ra, rb);
        }

        // Operations: per-endpoint request metrics, time per named query, store size, in Prometheus format.
        String metrics = api(replicaA).get("/actuator/prometheus", "text/plain").body();
        assertThat(metrics).contains("http_server_requests_seconds_count{", "uri=\"/api/coverage\"",
                "crosswalk_query_seconds_count{", "query=\"coverage\"", "crosswalk_store_triples", "crosswalk_store_ready 1.0");

        // The analysts' door of a remote-mode replica serves the reference data with its text index too.
        int door = replicaA.getBean(org.crosswalk.sparql.SparqlEndpoint.class).port();
        try (var conn = org.apache.jena.rdfconnection.RDFConnection.queryConnect("http://localhost:" + door + "/crosswalk/sparql")) {
            int[] hits = {0};
            conn.querySelect(replicaA.getBean(org.crosswalk.queries.NamedQueryLibrary.class).require("search").text(), s -> hits[0]++);
            assertThat(hits[0]).as("queries/search.rq as-is on the remote replica's SPARQL door").isPositive();
        }
    }

    /** Same status, same media type, and the same body row by row (RDF: the same graph). */
    static void assertSameAnswer(String call, HttpResponse<String> expected, HttpResponse<String> actual) {
        assertThat(actual.statusCode()).as(call + " status; body " + actual.body()).isEqualTo(expected.statusCode());
        assertThat(actual.headers().firstValue("Content-Type")).as(call).isEqualTo(expected.headers().firstValue("Content-Type"));
        String type = expected.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/turtle")) {
            assertThat(turtle(actual.body()).isIsomorphicWith(turtle(expected.body()))).as(call + " same graph").isTrue();
            return;
        }
        List<String> want = rows(expected.body(), type);
        List<String> got = rows(actual.body(), type);
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertThat(got.get(i)).as("%s row %d", call, i).isEqualTo(want.get(i));
        }
        assertThat(got).as(call + " row count").hasSameSizeAs(want);
    }

    /** JSON answers: one row per element of their longest array; CSV/TSV: one row per line. */
    static List<String> rows(String body, String type) {
        if (!type.contains("json")) return body.lines().toList();
        JsonNode root = new tools.jackson.databind.ObjectMapper().readTree(body);
        if (root.has("instance")) ((tools.jackson.databind.node.ObjectNode) root).remove("instance");
        List<String> out = new ArrayList<>();
        flatten("", root, out);
        return out;
    }

    private static void flatten(String path, JsonNode n, List<String> out) {
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) flatten(path + "[" + i + "]", n.get(i), out);
        } else if (n.isObject() && n.properties().stream().anyMatch(e -> (e.getValue().isArray() || e.getValue().isObject()))) {
            n.properties().forEach(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
        } else {
            out.add(path + " = " + n);
        }
    }

    private static Model turtle(String body) {
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(body), null, "TURTLE");
        return m;
    }

    static HttpResponse<String> call(ConfigurableApplicationContext c, String method, String path, String token,
                                     String contentType, String body, String... headers) {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + c.getEnvironment().getProperty("local.server.port") + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertProfileUnavailable(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("profile request while the store is down: %s", r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(new tools.jackson.databind.ObjectMapper().readTree(r.body()).get("title").asString()).isEqualTo("Store unavailable");
    }

    static String profileBody(String id, String status) {
        return "{\"id\":\"" + id + "\",\"title\":\"Shared\",\"statements\":[{\"requirement\":\"iso42001:A.6.2.4\",\"status\":\"" + status
                + "\"},{\"evidence\":\"ai-policy\",\"status\":\"satisfied\"}]}";
    }

    /**
     * Stored profiles live in the remote store's tenant dataset: what one replica writes the other reads at
     * once; two writes against one version through two replicas at the same moment give one 200 and one 412
     * (the loser's conditional update finds another revision stamp, runs again and sees the new version);
     * a token revoked through one replica is refused by the other on its next request. No tenant graph is in
     * the reference dataset or behind the public SPARQL door.
     */
    @Test
    @Order(3)
    void storedProfilesAreSharedByReplicas() throws Exception {
        assertThat(call(replicaA, "POST", "/api/admin/tenants", ADMIN_TOKEN, "application/json", "{\"id\":\"acme\"}").statusCode()).isEqualTo(201);
        // The tenant made through A exists for B: B mints its token.
        HttpResponse<String> minted = call(replicaB, "POST", "/api/admin/tenants/acme/tokens", ADMIN_TOKEN, "application/json",
                "{\"name\":\"grc-sync\",\"scope\":\"read-write\"}");
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
        acmeToken = new tools.jackson.databind.ObjectMapper().readTree(minted.body()).get("secret").asString();

        HttpResponse<String> created = call(replicaA, "POST", "/api/profiles", acmeToken, "application/json", profileBody("shared", "satisfied"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> readB = call(replicaB, "GET", "/api/profiles/shared", acmeToken, null, null);
        assertThat(readB.statusCode()).as("written through A, read through B at once").isEqualTo(200);
        assertThat(readB.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(readB.body()).isEqualTo(call(replicaA, "GET", "/api/profiles/shared", acmeToken, null, null).body());

        // Conflicting writes against one version, one through each replica, released together: exactly one
        // lands. Several rounds, each against the version the round before made.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 4; round++) {
                String ifMatch = "\"" + round + "\"";
                var start = new java.util.concurrent.CountDownLatch(1);
                var viaA = pool.submit(() -> { start.await(); return call(replicaA, "PUT", "/api/profiles/shared", acmeToken,
                        "application/json", profileBody("shared", "partial"), "If-Match", ifMatch); });
                var viaB = pool.submit(() -> { start.await(); return call(replicaB, "PUT", "/api/profiles/shared", acmeToken,
                        "application/json", profileBody("shared", "planned"), "If-Match", ifMatch); });
                start.countDown();
                List<Integer> statuses = new ArrayList<>(List.of(viaA.get().statusCode(), viaB.get().statusCode()));
                statuses.sort(null);
                assertThat(statuses).as("round %d: A %s / B %s", round, viaA.get().body(), viaB.get().body()).containsExactly(200, 412);
                HttpResponse<String> winner = viaA.get().statusCode() == 200 ? viaA.get() : viaB.get();
                assertThat(winner.headers().firstValue("ETag")).hasValue("\"" + (round + 1) + "\"");
            }
        } finally {
            pool.shutdownNow();
        }
        // A stored profile's coverage runs the named queries over the profile's version graph read from the
        // remote tenant dataset: the same answer through either replica.
        String coverage = "/api/profiles/shared/coverage?target=eu-ai-act&role=deployer&system=high-risk";
        HttpResponse<String> covA = call(replicaA, "GET", coverage, acmeToken, null, null);
        assertThat(covA.statusCode()).as(covA.body()).isEqualTo(200);
        assertThat(call(replicaB, "GET", coverage, acmeToken, null, null).body()).isEqualTo(covA.body());

        JsonNode history = api(replicaB).parse(call(replicaB, "GET", "/api/profiles/shared/history", acmeToken, null, null).body());
        assertThat(history).as("one version per landed write, none lost or doubled").hasSize(5);
        for (int n = 0; n < 5; n++) assertThat(history.get(n).get("version").asInt()).isEqualTo(n + 1);

        // Revocation through A is seen by B on the very next request (B had just checked the token).
        HttpResponse<String> second = call(replicaA, "POST", "/api/admin/tenants/acme/tokens", ADMIN_TOKEN, "application/json",
                "{\"name\":\"auditor\",\"scope\":\"read\"}");
        JsonNode secondJson = api(replicaA).parse(second.body());
        String auditor = secondJson.get("secret").asString();
        assertThat(call(replicaB, "GET", "/api/profiles", auditor, null, null).statusCode()).isEqualTo(200);
        assertThat(call(replicaA, "DELETE", "/api/admin/tokens/" + secondJson.get("info").get("id").asString(), ADMIN_TOKEN, null, null)
                .statusCode()).isEqualTo(204);
        assertThat(call(replicaB, "GET", "/api/profiles", auditor, null, null).statusCode()).isEqualTo(401);
        assertThat(call(replicaA, "GET", "/api/profiles", auditor, null, null).statusCode()).isEqualTo(401);

        // Isolation: the reference dataset holds no named graph at all, the tenant dataset holds the profile;
        // the public SPARQL door of a replica shows no tenant graph either.
        String anyGraph = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
        try (var ref = org.apache.jena.rdfconnection.RDFConnection.queryConnect(fuseki.datasetUrl() + "/sparql");
             var ten = org.apache.jena.rdfconnection.RDFConnection.queryConnect(fuseki.tenantDatasetUrl() + "/sparql")) {
            assertThat(ref.queryAsk("ASK { GRAPH ?g { ?s ?p ?o } }")).as("named graphs in the reference dataset").isFalse();
            assertThat(ten.queryAsk("ASK { GRAPH <https://w3id.org/crosswalk/tenant/acme/profile/shared> { ?s ?p ?o } }")).isTrue();
        }
        int door = replicaA.getBean(org.crosswalk.sparql.SparqlEndpoint.class).port();
        try (var conn = org.apache.jena.rdfconnection.RDFConnection.queryConnect("http://localhost:" + door + "/crosswalk/sparql")) {
            List<String> graphs = new ArrayList<>();
            conn.querySelect(anyGraph, row -> graphs.add(row.get("g").toString()));
            assertThat(graphs).noneMatch(g -> g.contains("/tenant/") || g.contains("/system"));
        }
        // The tenant's own SPARQL door (on replica B) sees its profile graphs, read from the remote store.
        HttpResponse<String> tenantSparql = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                        + replicaB.getEnvironment().getProperty("local.server.port") + "/api/tenant/sparql"))
                .header("Authorization", "Bearer " + acmeToken).header("Accept", "text/csv")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(
                        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tenantSparql.statusCode()).as(tenantSparql.body()).isEqualTo(200);
        assertThat(tenantSparql.body()).contains("https://w3id.org/crosswalk/tenant/acme/profile/shared/version/5",
                "https://w3id.org/crosswalk/tenant/acme/history").doesNotContain("system");
    }

    /**
     * The guard itself, made to lose deterministically: a write reads a counter, waits while another write
     * changes it, then commits: its conditional update must not land (no lost update), and it runs again on
     * the new value.
     */
    @Test
    @Order(4)
    void aWriteThatLostTheRaceRunsAgainOnFreshData() throws Exception {
        var store = (org.crosswalk.tenancy.RemoteTenantStore) replicaA.getBean(org.crosswalk.tenancy.TenantGraphs.class);
        var g = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/crosswalk/tenant/race/counter");
        var s = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/crosswalk/tenant/race/c");
        var p = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/crosswalk/ontology#count");
        java.util.function.IntSupplier read = () -> {
            var it = store.graphs().find(g, s, p, org.apache.jena.graph.Node.ANY);
            return it.hasNext() ? Integer.parseInt(it.next().getObject().getLiteralLexicalForm()) : 0;
        };
        java.util.function.IntConsumer set = n -> {
            store.graphs().deleteAny(g, s, p, org.apache.jena.graph.Node.ANY);
            store.graphs().add(g, s, p, org.apache.jena.graph.NodeFactory.createLiteralString(Integer.toString(n)));
        };
        var firstRead = new java.util.concurrent.CountDownLatch(1);
        var otherDone = new java.util.concurrent.CountDownLatch(1);
        var attempts = new java.util.concurrent.atomic.AtomicInteger();
        Thread slow = new Thread(() -> store.write(() -> {
            int n = read.getAsInt();
            if (attempts.incrementAndGet() == 1) {
                firstRead.countDown();
                try {
                    otherDone.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            set.accept(n + 1);
            return null;
        }));
        slow.start();
        firstRead.await();
        store.write(() -> { set.accept(read.getAsInt() + 1); return null; });
        otherDone.countDown();
        slow.join();
        assertThat(attempts.get()).as("the slow write ran again after losing").isEqualTo(2);
        assertThat(store.read(() -> read.getAsInt())).as("both increments landed").isEqualTo(2);
    }

    @Test
    @Order(5)
    void storeFaultsDuringRequestsGive503ThenRecoverWithoutRestart() {
        ApiClient a = api(replicaA);
        String path = "/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.4";
        String before = a.get(path, "application/json").body();

        String profilesPath = "/api/profiles/shared";
        assertThat(call(replicaA, "GET", profilesPath, acmeToken, null, null).statusCode()).isEqualTo(200);

        fuseki.stop();
        // Every answer that needs the store: 503 at once. (Answers in the REST door's result cache are not
        // served either once the monitor has found the store down: the store's read refuses before the cache
        // is asked, so whether one is served depended on the monitor's timing; that check was dropped.)
        assertUnavailableQuickly(a, "/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.5");
        assertUnavailableQuickly(a, "/api/exports/crosswalk/iso42001-eu-ai-act.json");
        // Stored profiles: the token check itself needs the store (in Spring Security's filters, outside any
        // controller) and so does the profile: 503 problem+json with Retry-After, never 500, for reads and writes.
        assertProfileUnavailable(call(replicaA, "GET", profilesPath, acmeToken, null, null));
        assertProfileUnavailable(call(replicaB, "PUT", profilesPath, acmeToken, "application/json",
                "{\"statements\":[]}", "If-Match", "\"1\""));
        await("replica A reports not ready", () -> readiness(replicaA) == 503);
        assertThat(a.get("/actuator/health/liveness", "application/json").statusCode()).isEqualTo(200);

        fuseki.start();
        await("replica A is ready again", () -> readiness(replicaA) == 200);
        assertThat(a.get(path, "application/json").body()).isEqualTo(before);
        assertThat(call(replicaB, "GET", profilesPath, acmeToken, null, null).statusCode()).as("profiles recover without restart").isEqualTo(200);

        // A store that accepts connections but never answers: still 503 within the timeout, never a hang.
        fuseki.freeze();
        try {
            assertUnavailableQuickly(a, "/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.6");
            long t0 = System.nanoTime();
            assertProfileUnavailable(call(replicaA, "GET", profilesPath, acmeToken, null, null));
            assertThat((System.nanoTime() - t0) / 1_000_000).as("a profile answered within the timeout").isLessThan(TIMEOUT_SECONDS * 1000L + 3000);
        } finally {
            fuseki.thaw();
        }
        await("replica A is ready after the freeze", () -> readiness(replicaA) == 200);
        assertThat(a.get(path, "application/json").statusCode()).isEqualTo(200);
    }
}
