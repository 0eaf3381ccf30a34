package org.crosswalk.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecutionHTTP;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SPARQL endpoint as an analyst's client sees it: the whole application on random ports, the real
 * data on a TDB2 store on disk, queried over HTTP with Jena's own SPARQL client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SparqlEndpointTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("sparql").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
        registry.add("crosswalk.query-timeout", () -> "2s");
    }

    @Autowired SparqlEndpoint endpoint;
    @LocalServerPort int apiPort;

    private String queryUrl() {
        return endpoint.queryUrl("localhost");
    }

    private long count(String where) {
        try (var qe = QueryExecutionHTTP.service(queryUrl()).query("SELECT (COUNT(*) AS ?n) WHERE { " + where + " }").build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    @Test
    void answersSelectQueriesOverHttp() {
        try (RDFConnection conn = RDFConnection.connect(queryUrl())) {
            List<String> notations = new ArrayList<>();
            conn.querySelect("""
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                    SELECT ?n WHERE { <https://w3id.org/crosswalk/iso42001/2023/6.1.2> skos:notation ?n }""",
                    (QuerySolution row) -> notations.add(row.getLiteral("n").getString()));
            assertThat(notations).containsExactly("6.1.2");
        }
    }

    @Test
    void refusesUpdatesAndChangesNothing() {
        long before = count("?s ?p ?o");
        String update = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }";
        String base = queryUrl().replace("/sparql", "");
        assertThatThrownBy(() -> UpdateExecutionHTTP.service(base + "/update").update(update).execute())
                .isInstanceOf(HttpException.class);
        assertThatThrownBy(() -> UpdateExecutionHTTP.service(base).update(update).execute())
                .isInstanceOf(HttpException.class)
                .satisfies(e -> assertThat(((HttpException) e).getStatusCode()).isBetween(400, 499));
        assertThatThrownBy(() -> {
            try (RDFConnection gsp = RDFConnection.connect(base)) {
                gsp.load(org.apache.jena.rdf.model.ModelFactory.createDefaultModel()
                        .add(org.apache.jena.rdf.model.ResourceFactory.createResource("urn:x:s"),
                                org.apache.jena.vocabulary.RDFS.label, "x"));
            }
        }).isInstanceOf(HttpException.class);
        assertThat(count("?s ?p ?o")).isEqualTo(before);
        assertThat(count("<urn:x:s> ?p ?o")).isZero();
    }

    @Test
    void malformedQueryGets400WithTheParseError() throws Exception {
        HttpResponse<String> resp = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(queryUrl() + "?query=" + java.net.URLEncoder.encode("SELEC * WHERE {", "UTF-8"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(400);
        assertThat(resp.body()).containsIgnoringCase("error").contains("line 1");
    }

    @Test
    void slowQueryIsCutOffByTheTimeout() {
        // A four-way cross product of the whole graph: far beyond the 2 s configured for this test.
        String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        assertThatThrownBy(() -> {
            try (var qe = QueryExecutionHTTP.service(queryUrl()).query(slow).build()) {
                qe.execSelect().forEachRemaining(r -> {});
            }
        }).isInstanceOf(QueryExceptionHTTP.class)
          .satisfies(e -> assertThat(((QueryExceptionHTTP) e).getStatusCode()).isEqualTo(503));
        // The server is still there and answering afterwards.
        assertThat(count("?s ?p ?o")).isPositive();
    }

    @Test
    void serviceClausesNeverLeaveTheServer() throws Exception {
        // A listener that would see the endpoint's outgoing request if SERVICE were allowed.
        var hits = new java.util.concurrent.atomic.AtomicInteger();
        var listener = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("localhost", 0), 0);
        listener.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        listener.start();
        try {
            String query = "SELECT * WHERE { SERVICE <http://localhost:" + listener.getAddress().getPort() + "/sparql> { ?s ?p ?o } }";
            assertThatThrownBy(() -> {
                try (var qe = QueryExecutionHTTP.service(queryUrl()).query(query).build()) {
                    qe.execSelect().forEachRemaining(r -> {});
                }
            }).isInstanceOf(QueryExceptionHTTP.class);
            assertThat(hits.get()).as("requests the endpoint sent out").isZero();
        } finally {
            listener.stop(0);
        }
    }

    @Test
    void functionsAreNotLoadedByClassName() {
        // afn:wait maps onto java:org.apache.jena.sparql.function.library.wait; both would sleep the
        // worker through the timeout. Unknown functions evaluate to an error, leaving ?x unbound.
        for (String function : List.of("<http://jena.apache.org/ARQ/function#wait>",
                "<java:org.apache.jena.sparql.function.library.wait>")) {
            try (var qe = QueryExecutionHTTP.service(queryUrl())
                    .query("SELECT ?x WHERE { BIND(" + function + "(30000) AS ?x) }").build()) {
                var row = qe.execSelect().next();
                assertThat(row.contains("x")).as(function).isFalse();
            }
        }
        // Nor the legacy namespace, afn:print (it writes the caller's text into the server log), or a
        // property function loaded by class name.
        try (var qe = QueryExecutionHTTP.service(queryUrl()).query("SELECT ?x ?y WHERE { "
                + "BIND(<http://jena.hpl.hp.com/ARQ/function#wait>(30000) AS ?x) "
                + "BIND(<http://jena.apache.org/ARQ/function#print>(\"forged\\nERROR line\") AS ?y) }").build()) {
            var row = qe.execSelect().next();
            assertThat(row.contains("x")).isFalse();
            assertThat(row.contains("y")).isFalse();
        }
        try (var qe = QueryExecutionHTTP.service(queryUrl()).query("SELECT ?a WHERE { BIND(<urn:x:y#z> AS ?iri) "
                + "?iri <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?a ?b) }").build()) {
            assertThat(qe.execSelect().hasNext()).as("an unknown property is matched as data, and there is none").isFalse();
        }
        // ARQ's own library (loaded by name too) and jena-text stay available.
        try (var qe = QueryExecutionHTTP.service(queryUrl())
                .query("PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT ?x WHERE { BIND(afn:localname(<urn:x:y#z>) AS ?x) }").build()) {
            assertThat(qe.execSelect().next().getLiteral("x").getString()).isEqualTo("z");
        }
    }

    @Test
    void regularExpressionsInTextSearchAreRefusedBeforeLuceneBuildsThem() throws Exception {
        // /a{1,1000000}/ kept a core busy for minutes, past the timeout, before this was refused.
        for (String query : List.of(
                "PREFIX text: <http://jena.apache.org/text#> SELECT * { (?r ?s) text:query \"/a{1,1000000}/\" }",
                "PREFIX text: <http://jena.apache.org/text#> SELECT * { VALUES ?q { \"/a{1,1000000}/\" } (?r ?s) text:query ?q }")) {
            HttpResponse<String> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(queryUrl() + "?query=" + java.net.URLEncoder.encode(query, "UTF-8"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).as(query).isEqualTo(400);
            assertThat(resp.body()).contains("regular expressions");
        }
        // A slash inside a phrase is text, not a regular expression.
        try (var qe = QueryExecutionHTTP.service(queryUrl()).query(
                "PREFIX text: <http://jena.apache.org/text#> SELECT * { (?r ?s) text:query '\"and/or\" oversight' }").build()) {
            assertThat(qe.execSelect().hasNext()).isTrue();
        }
    }

    @Test
    void fullTextQueryFindsARequirementByItsLabel() {
        List<String> hits = new ArrayList<>();
        try (var qe = QueryExecutionHTTP.service(queryUrl()).query("""
                PREFIX text: <http://jena.apache.org/text#>
                SELECT DISTINCT ?s WHERE { (?s ?score) text:query "\\"risk management system\\"" }""").build()) {
            qe.execSelect().forEachRemaining(r -> hits.add(r.getResource("s").getURI()));
        }
        assertThat(hits).contains("https://w3id.org/crosswalk/eu-ai-act/2024/art_9");
    }

    @Test
    void everyRequirementIsFoundByItsNotationAndByFullText() {
        // All requirements with their notation and title, as an analyst would list them.
        List<String[]> requirements = new ArrayList<>();
        try (var qe = QueryExecutionHTTP.service(queryUrl()).query("""
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?r ?notation ?label WHERE { ?r a ?k ; skos:notation ?notation ; skos:prefLabel ?label .
                  ?k rdfs:subClassOf cw:Requirement }""").build()) {
            qe.execSelect().forEachRemaining(row -> requirements.add(new String[] {row.getResource("r").getURI(),
                    row.getLiteral("notation").getString(), row.getLiteral("label").getString()}));
        }
        assertThat(requirements).hasSizeGreaterThan(700);
        List<String> missing = new ArrayList<>();
        for (String[] r : requirements) {
            String phrase = r[2].replace("\\", " ").replace("\"", " ");
            String query = """
                    PREFIX text: <http://jena.apache.org/text#>
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                    ASK { ?r skos:notation ?n . (?r ?score) text:query (?q 100000) . FILTER (?r = ?want) }""";
            var pss = new org.apache.jena.query.ParameterizedSparqlString(query);
            pss.setIri("want", r[0]);
            pss.setLiteral("n", r[1]);
            pss.setLiteral("q", "\"" + phrase.replaceAll("\\s+", " ").strip() + "\"");
            try (var qe = QueryExecutionHTTP.service(queryUrl()).query(pss.asQuery()).build()) {
                if (!qe.execAsk()) missing.add(r[1] + " " + r[0]);
            }
        }
        assertThat(missing).as("requirements not found by their notation, and by their title in full text").isEmpty();
    }

    @Test
    void healthReportsTriplesAndDataVersion() throws Exception {
        HttpResponse<String> resp = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort + "/api/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.body()).contains("\"status\":\"UP\"").containsPattern("\"triples\":[1-9][0-9]*")
                .containsPattern("\"dataVersion\":\"[0-9a-f]{64}\"");
    }

    @Test
    void servesTheQueryUi() throws Exception {
        String base = queryUrl().replace("/crosswalk/sparql", "");
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/index.html")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Fuseki");
        HttpResponse<String> server = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/$/server")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(server.body()).contains("\"ds.name\":\"/crosswalk\"");
    }

    // ------------------------------------------------------------------ the door: size, lanes, 400

    /** Sends a request head by hand, then up to {@code send} bytes of body, and reads the status line and headers. */
    static String rawRequest(int port, String head, long send, boolean chunked) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] block = "SELECT * WHERE { ?s ?p ?o } #".repeat(565).substring(0, 16384).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < send) {
                    if (chunked) out.write((Integer.toHexString(block.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.write(block);
                    if (chunked) out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    sent += block.length;
                    if (socket.getInputStream().available() > 0) break; // answered before the body was all sent
                }
                out.flush();
            } catch (java.io.IOException closedByServer) {
                // The server answered and closed the connection without reading the rest: what we expect.
            }
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder response = new StringBuilder();
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) response.append(line).append('\n');
            return response.toString();
        }
    }

    @Test
    void aThirtyMegabyteQueryIsRefusedWith413BeforeAnythingIsReadOrParsed() throws Exception {
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        var counters = endpoint.admission();
        long admitted = counters.admitted(), read = counters.bodyBytesRead(), refused = counters.refusedTooLarge();
        int port = endpoint.port();
        long thirtyMb = 30L * 1024 * 1024;

        // Declared 30 MB, as application/sparql-query and as a form: refused on the header, not a byte read.
        for (String type : List.of("application/sparql-query", "application/x-www-form-urlencoded")) {
            String head = "POST /crosswalk/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + thirtyMb + "\r\n\r\n";
            assertThat(rawRequest(port, head, thirtyMb, false)).as(type).startsWith("HTTP/1.1 413");
        }
        assertThat(counters.bodyBytesRead()).as("bytes read of declared-too-large bodies").isEqualTo(read);
        // No length given (chunked): read up to the limit and no further, then 413.
        String chunked = "POST /crosswalk/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query"
                + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(rawRequest(port, chunked, thirtyMb, true)).startsWith("HTTP/1.1 413");
        assertThat(counters.bodyBytesRead() - read).as("bytes read of a 30 MB chunked body")
                .isLessThanOrEqualTo(QueryAdmission.Limits.defaults(java.time.Duration.ZERO).maxQueryBytes() + 16384);

        assertThat(counters.refusedTooLarge() - refused).isEqualTo(3);
        assertThat(counters.admitted()).as("queries handed to Fuseki (parsed)").isEqualTo(admitted);
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        assertThat(after).as("heap after GC (baseline %d MB)", baseline >> 20).isLessThan(baseline + (64L << 20));
        // And the endpoint is still answering.
        assertThat(count("?s ?p ?o")).isPositive();
    }

    @Test
    void getWithoutAQueryIs400() throws Exception {
        for (String path : List.of("/crosswalk/sparql", "/crosswalk/query")) {
            HttpResponse<String> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + endpoint.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).as(path).isEqualTo(400);
            assertThat(resp.body()).contains("No query");
        }
    }

    @Test
    void lanesTellOneTriplePatternFromMore() {
        assertThat(QueryAdmission.light("ASK {}")).isTrue();
        assertThat(QueryAdmission.light("SELECT * { ?s a ?t } LIMIT 10")).isTrue();
        assertThat(QueryAdmission.light("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }")).isFalse();
        assertThat(QueryAdmission.light("ASK { ?a <urn:p>+ ?b }")).isFalse();
        assertThat(QueryAdmission.light("ASK { FILTER EXISTS { ?a ?b ?c . ?d ?e ?f } }")).isFalse();
        assertThat(QueryAdmission.light("SELECT * { { SELECT * { ?a ?b ?c } } ?d ?e ?f }")).isFalse();
    }

    /**
     * 40 heavy queries at once fill the heavy lane and are refused beyond it with 503 + Retry-After; ASK {}
     * meanwhile goes through the light lane: answered (or refused at once), never behind the heavy ones.
     * Timings are written to target/bench/sparql-door.txt for bench/RESULTS.md, not asserted.
     */
    @Test
    void askIsAnsweredWhileFortyHeavyQueriesRun() throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(48)).build();
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        var inFlight = new java.util.concurrent.atomic.AtomicInteger(40);
        // The ASKs come from another client, as from another analyst already connected: sharing the heavy
        // queries' client would time its own I/O thread working through their 40 answers, not the door.
        HttpClient analyst = HttpClient.newHttpClient();
        analyst.send(HttpRequest.newBuilder(URI.create(queryUrl() + "?query=ASK%20%7B%7D")).GET().build(), HttpResponse.BodyHandlers.discarding());
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> heavies = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            heavies.add(client.sendAsync(HttpRequest.newBuilder(URI.create(queryUrl()))
                    .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(heavy + " #" + i)).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> inFlight.decrementAndGet()));
        }
        // Wait until the heavy lane is full (as many admitted as it has slots), then ask.
        long admittedBefore = endpoint.admission().admitted() - endpoint.admission().admittedLight();
        for (int i = 0; i < 200 && inFlight.get() > 0 && endpoint.admission().refusedBusy() == 0; i++) Thread.sleep(10);
        List<String> askTimings = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < 10; i++) {
            long s = System.nanoTime();
            HttpResponse<String> ask = analyst.send(HttpRequest.newBuilder(URI.create(queryUrl() + "?query=ASK%20%7B%7D"))
                    .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString());
            int stillRunning = inFlight.get();
            askTimings.add(String.format(java.util.Locale.ROOT, "%.1f ms (%d, %d heavy in flight)", (System.nanoTime() - s) / 1e6, ask.statusCode(), stillRunning));
            if (ask.statusCode() == 200) {
                assertThat(ask.body()).contains("true");
                answered++;
            } else {
                assertThat(ask.statusCode()).isEqualTo(503);
                assertThat(ask.headers().firstValue("Retry-After")).isPresent();
            }
            assertThat(stillRunning).as("ASK answered while heavy queries still run (not queued behind them)").isPositive();
        }
        int busy = 0;
        List<String> heavyStatus = new ArrayList<>();
        for (var f : heavies) {
            HttpResponse<String> r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            heavyStatus.add(Integer.toString(r.statusCode()));
            if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) busy++;
        }
        long total = System.nanoTime() - t0;
        assertThat(answered).as("ASK {} answered through the light lane").isPositive();
        assertThat(endpoint.admission().heavyYields()).as("the admitted heavy queries stepped aside while the ASKs ran").isPositive();
        assertThat(busy).as("heavy queries beyond the lane refused with 503 + Retry-After").isPositive();
        assertThat(heavyStatus).as("every heavy query answered: 200, 503 busy or 503 cut off by the timeout").allMatch(st -> st.equals("200") || st.equals("503"));
        assertThat(endpoint.admission().admitted() - endpoint.admission().admittedLight() - admittedBefore)
                .as("heavy queries admitted at once").isLessThanOrEqualTo(40);
        Path out = Path.of("target", "bench", "sparql-door.txt");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, "40 heavy queries + 10 x ASK {} (" + Runtime.getRuntime().availableProcessors() + " processors)\n"
                + "ASK: " + String.join("; ", askTimings) + "\nheavy statuses: " + String.join(" ", heavyStatus)
                + "\nrefused busy (all kinds): " + endpoint.admission().refusedBusy() + ", total " + Math.round(total / 1e6) + " ms"
                + "\nheavy queries stepped aside " + endpoint.admission().heavyYields() + " times, " + endpoint.admission().heavyYieldedMillis() + " ms in all\n");
    }
}
