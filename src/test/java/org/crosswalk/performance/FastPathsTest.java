package org.crosswalk.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.queries.NamedQueryLibrary;
import org.crosswalk.queries.NamedQueryRunner;
import org.crosswalk.queries.ResultTable;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.support.ApiClient;
import org.crosswalk.support.OnDiskStore;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast paths of the REST door change no answer. The REST answers, with every fast path on (result
 * cache, reshaped queries, the cw:within closure), equal the named queries of queries/ run on the store
 * with no cache and with the hierarchy walked as skos:broader*, row by row, for 1,000+ random parameter combinations and posted
 * profiles (seeded: a failure names its seed and case, and reruns the same). Each combination is asked
 * twice through the API, so the second, cached answer is compared too. A write to the store changes
 * the answers at once; unknown ids and empty parameters are refused before any query; a full queue is
 * refused at once with 503 and Retry-After while health answers. (Admission is set to one request at a
 * time and a queue of one here, so three requests at once are enough to see it; the sequential cases never meet.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FastPathsTest {
    private static final long SEED = Long.getLong("crosswalk.differential-seed", 20261204L);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("fastpath").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
        registry.add("crosswalk.admission.concurrency", () -> "1");
        // One place in the queue: a sequential client can send its next request before the server thread
        // that wrote the last answer has given its turn back; with no queue at all that request was
        // refused (seen once in a fresh-clone build). Eight at once still overflow it.
        registry.add("crosswalk.admission.queue", () -> "1");
    }

    @LocalServerPort int port;
    @Autowired CrosswalkStore store;
    @Autowired NamedQueryLibrary library;
    @Autowired RequirementIndex index;
    ApiClient api;
    /** The definition: the named query files, run on the store on disk (TDB2, not the in-memory copy), nothing cached. */
    NamedQueryRunner reference;
    List<RequirementIndex.Requirement> requirements;
    List<String> frameworks;
    List<String> evidence;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        reference = new NamedQueryRunner(OnDiskStore.of(store), hierarchyWalkingLibrary(), java.time.Duration.ofSeconds(30));
        frameworks = index.frameworks().stream().map(RequirementIndex.Framework::id).toList();
        requirements = frameworks.stream().flatMap(f -> allOf(f).stream()).toList();
        evidence = index.evidenceTypes().stream().map(RequirementIndex.Code::code).toList();
    }

    /**
     * The named queries as they were before the cw:within closure was materialised: every cw:within
     * replaced by the property path skos:broader* it stands for. Comparing with them proves the closure
     * the loader writes is exactly the hierarchy, not only that the cache returns what the store said.
     */
    private static NamedQueryLibrary hierarchyWalkingLibrary() {
        try {
            Path dir = Files.createTempDirectory("queries-broader-star");
            int rewritten = 0;
            try (var files = Files.list(Path.of("queries"))) {
                for (Path q : files.filter(f -> f.toString().endsWith(".rq")).toList()) {
                    String text = Files.readString(q);
                    String walking = text.replace("cw:within", "skos:broader*");
                    if (!walking.equals(text)) rewritten++;
                    Files.writeString(dir.resolve(q.getFileName()), walking);
                }
            }
            assertThat(rewritten).as("queries that use cw:within").isGreaterThanOrEqualTo(2);
            return NamedQueryLibrary.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<RequirementIndex.Requirement> allOf(String framework) {
        List<RequirementIndex.Requirement> out = new ArrayList<>();
        for (JsonNode r : api.getJson("/api/frameworks/" + framework + "/requirements").get("requirements")) {
            out.add(index.requirement(framework, r.get("id").asString()));
        }
        return out;
    }

    @Test
    void restAnswersEqualTheNamedQueriesOnTheStore() {
        Random random = new Random(SEED);
        int cases = 0;
        for (int i = 0; i < 760; i++, cases++) crosswalk(random, "seed " + SEED + ", crosswalk case " + i);
        for (int i = 0; i < 150; i++, cases++) requirement(random, "seed " + SEED + ", requirement case " + i);
        for (int i = 0; i < 60; i++, cases++) search(random, "seed " + SEED + ", search case " + i);
        for (int i = 0; i < 40; i++, cases++) profile(random, "seed " + SEED + ", profile case " + i);
        assertThat(cases).isGreaterThanOrEqualTo(1000);
    }

    private void crosswalk(Random random, String where) {
        String source = pick(random, frameworks);
        String target = pick(random, frameworks);
        List<RequirementIndex.Requirement> ofSource = requirements.stream().filter(r -> r.framework().equals(source)).toList();
        RequirementIndex.Requirement req = random.nextInt(10) == 0 ? null : pick(random, ofSource);
        boolean derived = random.nextBoolean();
        int minStrength = random.nextInt(4) == 0 ? random.nextInt(11) : 0;
        String url = "/api/crosswalk?source=" + source + "&target=" + target + "&derived=" + derived + "&minStrength=" + minStrength
                + (req == null ? "" : "&requirement=" + enc(req.localId()));
        Map<String, List<Node>> p = new LinkedHashMap<>();
        p.put("source", List.of(lit(source)));
        p.put("target", List.of(lit(target)));
        if (req != null) p.put("requirement", List.of(NodeFactory.createURI(req.iri())));
        p.put("derived", List.of(NodeFactory.createLiteralDT(Boolean.toString(derived), XSDDatatype.XSDboolean)));
        p.put("minStrength", List.of(NodeFactory.createLiteralDT(Integer.toString(minStrength), XSDDatatype.XSDinteger)));
        List<String> expected = rows(reference.run("crosswalk", p), r -> String.join("|", s(r, "mapping"), s(r, "subject"),
                s(r, "relation"), s(r, "object"), s(r, "strength"), s(r, "rationale"), s(r, "reason"),
                s(r, "justification").replace("https://w3id.org/semapv/vocab/", "semapv:"), s(r, "mappingSet"), s(r, "via")));
        for (int ask = 0; ask < 2; ask++) {
            List<String> actual = new ArrayList<>();
            for (JsonNode m : api.getJson(url).get("mappings")) {
                actual.add(String.join("|", t(m, "mapping"), t(m.get("subject"), "iri"), t(m, "relation"), t(m.get("object"), "iri"),
                        t(m, "strength"), t(m, "rationale"), t(m, "reason"), t(m, "justification"), t(m, "mapping_set"), t(m, "via")));
            }
            assertThat(actual).as(where + ": GET " + url).containsExactlyElementsOf(expected);
        }
    }

    private void requirement(Random random, String where) {
        RequirementIndex.Requirement req = pick(random, requirements);
        String url = "/api/frameworks/" + req.framework() + "/requirements/" + enc(req.localId()).replace("+", "%20");
        List<String> expected = rows(reference.run("requirement", Map.of("requirement", List.of(NodeFactory.createURI(req.iri())))),
                r -> s(r, "relation") + "|" + s(r, "relative") + "|" + s(r, "notation") + "|" + s(r, "label")
                        + (s(r, "relation").equals("self") ? "|" + s(r, "summary") + "|" + s(r, "officialText") + "|" + s(r, "appliesFrom") : ""));
        for (int ask = 0; ask < 2; ask++) {
            JsonNode d = api.getJson(url);
            List<String> actual = new ArrayList<>();
            for (JsonNode a : d.get("ancestors")) actual.add("ancestor|" + t(a, "iri") + "|" + t(a, "notation") + "|" + t(a, "label"));
            for (JsonNode c : d.get("children")) actual.add("child|" + t(c, "iri") + "|" + t(c, "notation") + "|" + t(c, "label"));
            actual.add("self|" + t(d, "iri") + "|" + t(d, "notation") + "|" + t(d, "label") + "|" + t(d, "summary") + "|"
                    + t(d, "official_text") + "|" + t(d, "applies_from"));
            assertThat(actual).as(where + ": GET " + url).containsExactlyInAnyOrderElementsOf(expected);
            // ancestors and children keep the query's order
            assertThat(actual.stream().filter(x -> !x.startsWith("self")).toList())
                    .as(where).containsExactlyElementsOf(expected.stream().filter(x -> !x.startsWith("self")).toList());
        }
    }

    private void search(Random random, String where) {
        RequirementIndex.Requirement req = pick(random, requirements);
        String[] words = req.label().replaceAll("[^\\p{L}\\p{N} ]", " ").strip().split("\\s+");
        String q = words[random.nextInt(words.length)];
        if (q.length() < 3) q = "risk";
        String framework = random.nextBoolean() ? null : pick(random, frameworks);
        String url = "/api/search?q=" + enc(q) + (framework == null ? "" : "&framework=" + framework);
        Map<String, List<Node>> p = new LinkedHashMap<>();
        p.put("q", List.of(lit(q)));
        if (framework != null) p.put("framework", List.of(lit(framework)));
        List<String> expected = rows(reference.run("search", p), r -> s(r, "requirement") + "|" + r.get("score").asLiteral().getDouble());
        for (int ask = 0; ask < 2; ask++) {
            List<String> actual = new ArrayList<>();
            for (JsonNode h : api.getJson(url).get("hits")) actual.add(t(h.get("requirement"), "iri") + "|" + h.get("score").asDouble());
            assertThat(actual).as(where + ": GET " + url).containsExactlyElementsOf(expected);
        }
    }

    /** A random organisation profile posted as JSON to coverage or gaps, against a random target and filters. */
    private void profile(Random random, String where) {
        String target = random.nextInt(3) == 0 ? pick(random, frameworks) : "eu-ai-act";
        String source = random.nextInt(3) == 0 ? pick(random, frameworks) : null;
        List<RequirementIndex.Requirement> shuffled = new ArrayList<>(requirements);
        java.util.Collections.shuffle(shuffled, random);
        List<RequirementIndex.Requirement> satisfied = shuffled.subList(0, random.nextInt(40));
        List<RequirementIndex.Requirement> partial = shuffled.subList(40, 40 + random.nextInt(15));
        List<String> held = evidence.stream().filter(e -> random.nextInt(4) == 0).toList();
        String role = target.equals("eu-ai-act") && random.nextBoolean() ? pick(random, List.of("provider", "deployer", "importer", "distributor")) : null;
        String system = target.equals("eu-ai-act") && random.nextBoolean() ? pick(random, List.of("high-risk", "gpai", "transparency")) : null;
        String asOf = random.nextBoolean() ? pick(random, List.of("2025-02-02", "2025-08-02", "2026-08-02", "2027-08-02")) : null;
        boolean gaps = random.nextBoolean();
        boolean includePartial = gaps && random.nextBoolean();

        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (source != null) body.put("source", source);
        ArrayNode s = body.putArray("satisfied");
        satisfied.forEach(r -> s.add(r.framework() + ":" + r.localId()));
        ArrayNode ps = body.putArray("partially_satisfied");
        partial.forEach(r -> ps.add(r.framework() + ":" + r.localId()));
        ArrayNode e = body.putArray("evidence");
        held.forEach(e::add);
        String url = "/api/" + (gaps ? "gaps" : "coverage") + "?target=" + target + (role == null ? "" : "&role=" + role)
                + (system == null ? "" : "&system=" + system) + (asOf == null ? "" : "&asOf=" + asOf)
                + (gaps ? "&includePartial=" + includePartial : "");

        Map<String, List<Node>> p = new LinkedHashMap<>();
        p.put("source", source == null ? List.of() : List.of(lit(source)));
        p.put("satisfied", satisfied.stream().map(r -> NodeFactory.createURI(r.iri())).toList());
        p.put("partiallySatisfied", partial.stream().map(r -> NodeFactory.createURI(r.iri())).toList());
        p.put("held", held.stream().map(h -> NodeFactory.createURI(index.evidence(h).iri())).toList());
        p.put("target", List.of(lit(target)));
        if (role != null) p.put("role", List.of(lit(role)));
        if (system != null) p.put("system", List.of(lit(system)));
        // the API reads the law on the date asked, else today
        p.put("asOf", List.of(NodeFactory.createLiteralDT(asOf != null ? asOf : java.time.LocalDate.now().toString(), XSDDatatype.XSDdate)));
        if (gaps) {
            p.put("onlyGaps", List.of(NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)));
            p.put("includePartial", List.of(NodeFactory.createLiteralDT(Boolean.toString(includePartial), XSDDatatype.XSDboolean)));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map<String, RDFNode> r : reference.run("coverage", p).rows()) {
            expected.putIfAbsent(s(r, "requirement"), s(r, "status") + "|" + i(r, "full") + "|" + i(r, "partial") + "|" + i(r, "none") + "|" + i(r, "total"));
        }
        for (int ask = 0; ask < 2; ask++) {
            HttpResponse<String> res = api.post(url, "application/json", body.toString());
            assertThat(res.statusCode()).as(where + ": POST " + url + " " + body + " -> " + res.body()).isEqualTo(200);
            Map<String, String> actual = new LinkedHashMap<>();
            for (JsonNode r : api.parse(res.body()).get(gaps ? "gaps" : "requirements")) {
                JsonNode l = r.get("leaves");
                actual.put(t(r, "iri"), t(r, "status") + "|" + l.get("full").asInt() + "|" + l.get("partial").asInt() + "|"
                        + l.get("none").asInt() + "|" + l.get("total").asInt());
            }
            assertThat(List.copyOf(actual.entrySet())).as(where + ": POST " + url + " " + body).containsExactlyElementsOf(expected.entrySet());
        }
    }

    @Test
    void aWriteToTheStoreChangesTheAnswersAtOnce() {
        String url = "/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.4";
        JsonNode before = api.getJson(url);
        assertThat(api.getJson(url)).isEqualTo(before); // now cached
        String mapping = before.get("mappings").get(0).get("mapping").asString();
        long triples = api.getJson("/api/health").get("triples").asLong();
        // through the store's own write door, as a reload or a repair would go
        Model removed = store.read(conn -> conn.queryConstruct("CONSTRUCT WHERE { <" + mapping + "> ?p ?o }"));
        store.update(UpdateFactory.create("DELETE WHERE { <" + mapping + "> ?p ?o }"));
        try {
            JsonNode after = api.getJson(url);
            assertThat(after.get("count").asInt()).isEqualTo(before.get("count").asInt() - 1);
            assertThat(after.get("mappings").findValuesAsString("mapping")).doesNotContain(mapping);
            assertThat(api.getJson("/api/health").get("triples").asLong()).isEqualTo(triples - removed.size());
        } finally {
            QuadDataAcc restore = new QuadDataAcc();
            removed.getGraph().find().forEachRemaining(restore::addTriple);
            store.update(new UpdateRequest(new UpdateDataInsert(restore)));
        }
        assertThat(api.getJson(url)).isEqualTo(before);
    }

    @Test
    void unknownIdsAreStillRefusedWhenAnswersAreCached() {
        for (int ask = 0; ask < 2; ask++) {
            HttpResponse<String> r = api.get("/api/frameworks/iso42001/requirements/Z.99.1", "application/json");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            HttpResponse<String> p = api.get("/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=Z.99.1", "application/json");
            assertThat(p.statusCode()).isEqualTo(404);
            assertThat(p.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void emptyParametersAreRefusedBeforeAnyQueryRuns() {
        for (String url : List.of("/api/queries/crosswalk/run?source=", "/api/queries/crosswalk/run?target=%20",
                "/api/queries/requirements/run?framework=", "/api/queries/search/run?q=")) {
            HttpResponse<String> r = api.get(url, "application/json");
            assertThat(r.statusCode()).as(url + " -> " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(url).contains("must not be empty");
        }
        // where the query documents what "" means, it is still accepted: coverage of the listed requirements only
        assertThat(api.get("/api/queries/coverage/run?source=&satisfied=iso42001:A.6.2.4", "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void aFullQueueIsRefusedAtOnceWithRetryAfterWhileHealthAnswers() throws Exception {
        // One turn, one place in the queue: a slow export holds the turn, so most requests meanwhile are refused.
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            running.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> api.get("/api/exports/graph.ttl", "text/turtle")));
        }
        int health = api.get("/api/health", "application/json").statusCode();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var f : running) answers.add(f.get());
        assertThat(health).isEqualTo(200);
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503).contains(200, 503);
        for (HttpResponse<String> r : answers) {
            if (r.statusCode() != 503) continue;
            assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.parse(r.body()).get("status").asInt()).isEqualTo(503);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> rows(ResultTable t, Function<Map<String, RDFNode>, String> f) {
        return t.rows().stream().map(f).toList();
    }

    private static Node lit(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static String s(Map<String, RDFNode> r, String c) {
        RDFNode n = r.get(c);
        if (n == null) return "null";
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI();
    }

    private static int i(Map<String, RDFNode> r, String c) {
        return r.get(c) == null ? 0 : r.get(c).asLiteral().getInt();
    }

    private static String t(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "null" : v.asString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
