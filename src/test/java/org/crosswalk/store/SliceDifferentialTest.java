package org.crosswalk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.update.UpdateFactory;
import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.GraphBuilder;
import org.crosswalk.queries.NamedQueryLibrary;
import org.crosswalk.queries.NamedQueryRunner;
import org.crosswalk.queries.ResultTable;
import org.crosswalk.support.OnDiskStore;
import org.crosswalk.support.TestStores;
import org.crosswalk.tenancy.TenantStore;
import org.crosswalk.tenancy.TenantView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-framework in-memory slices ({@link FrameworkSlices}) answer the questions that declare
 * {@code # slice: target} (queries/coverage.rq, queries/upcoming.rq) exactly as TDB2 does: the real data in a
 * TDB2 store on disk with no whole copy, each framework's slice made, and every row of every column compared
 * (as a multiset: ties in ORDER BY may come in another order) for random holdings, roles, system classes,
 * dates and gap switches (seeded: a failure names its seed and case). The slices must also be real slices
 * (smaller than the store), and a write must change the answers at once.
 */
class SliceDifferentialTest {
    private static final long SEED = Long.getLong("crosswalk.differential-seed", 20261206L);
    private static EmbeddedStore store;
    private static NamedQueryRunner onSlices;
    private static NamedQueryRunner onDisk;
    private static List<String> frameworks;
    private static List<String> requirements;
    private static List<String> evidence;

    @BeforeAll
    static void open() {
        // as the service sets it (application.properties): no SPARQL text per query in the build log
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(NamedQueryRunner.class)).setLevel(ch.qos.logback.classic.Level.WARN);
        DataSources sources = new DataSources(TestStores.ontologyDir(), TestStores.mappingsDir());
        store = EmbeddedStore.open(TestStores.newStoreRoot("slices"), sources.version(), () -> GraphBuilder.build(sources),
                new EmbeddedStore.MemoryLimits(0, 2_000_000));
        NamedQueryLibrary library = NamedQueryLibrary.load(Path.of("queries"));
        onSlices = new NamedQueryRunner(store, library, Duration.ofSeconds(30));
        onDisk = new NamedQueryRunner(new OnDiskStore(store), library, Duration.ofSeconds(30));
        frameworks = column("SELECT ?f WHERE { ?s a <http://www.w3.org/2004/02/skos/core#ConceptScheme> ; <http://purl.org/dc/terms/identifier> ?f } ORDER BY ?f");
        requirements = column("SELECT ?r WHERE { ?r <http://www.w3.org/2004/02/skos/core#inScheme> ?s } ORDER BY ?r");
        evidence = column("SELECT ?e WHERE { ?e a <https://w3id.org/crosswalk/ontology#EvidenceType> } ORDER BY ?e");
        assertThat(frameworks).hasSizeGreaterThanOrEqualTo(4);
        assertThat(evidence).isNotEmpty();
        frameworks.forEach(SliceDifferentialTest::awaitSlice);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<String> column(String select) {
        return store.read(conn -> {
            List<String> out = new ArrayList<>();
            conn.querySelect(select, row -> out.add(row.get(row.varNames().next()).toString()));
            return out;
        });
    }

    /** Asks for the framework's slice and waits until reads about it go there (it is made in the background). */
    private static void awaitSlice(String framework) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!store.read(conn -> store.readsTheSliceOf(framework))) {
            assertThat(System.nanoTime()).as("slice of " + framework + " made within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Each slice is a part of the store, not a copy of it (else the comparison above would prove nothing). */
    @Test
    void slicesAreSmallerThanTheStore() {
        long all = store.tripleCount();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String f : frameworks) {
            awaitSlice(f);
            sizes.put(f, store.readAbout(f, conn -> conn.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").execSelect()
                    .next().getLiteral("n").getLong()));
        }
        assertThat(sizes.values()).as("triples in each slice " + sizes + " (store: " + all + ")").allMatch(n -> n > 0 && n < all);
        // ISO/IEC 27001 is the framework furthest from the EU AI Act's provisions and versions: well under half
        assertThat(sizes.get("iso27001")).as("triples in the slice of iso27001 (store: " + all + ")").isLessThan(all / 2);
    }

    @Test
    void answersOnTheSlicesEqualTheStoreRowByRow() {
        frameworks.forEach(SliceDifferentialTest::awaitSlice); // the cases below change no data: every one reads a slice
        Random random = new Random(SEED);
        int cases = 0;
        for (int i = 0; i < 300; i++, cases++) coverage(random, "seed " + SEED + ", coverage case " + i);
        for (int i = 0; i < 100; i++, cases++) upcoming(random, "seed " + SEED + ", upcoming case " + i);
        assertThat(cases).isEqualTo(400);
    }

    @Test
    void aWriteChangesTheAnswersAtOnce() {
        Map<String, List<Node>> p = new LinkedHashMap<>();
        p.put("source", List.of(lit("iso42001")));
        p.put("target", List.of(lit("eu-ai-act")));
        p.put("asOf", List.of(date("2027-08-02")));
        ResultTable answer = onSlices.run("coverage", p);
        List<String> before = rows(answer);
        // a mapping the answer gives as a reason: without it, that row must go
        String mapping = answer.rows().stream().filter(r -> r.get("mapping") != null).findFirst().orElseThrow()
                .get("mapping").asResource().getURI();
        var removed = store.read(conn -> conn.queryConstruct("CONSTRUCT WHERE { <" + mapping + "> ?p ?o }"));
        store.update(UpdateFactory.create("DELETE WHERE { <" + mapping + "> ?p ?o }"));
        try {
            List<String> after = rows(onSlices.run("coverage", p));
            assertThat(after).as("coverage without " + mapping).isNotEqualTo(before).isEqualTo(rows(onDisk.run("coverage", p)));
            awaitSlice("eu-ai-act"); // the new version's slice: still the same answer
            assertThat(rows(onSlices.run("coverage", p))).isEqualTo(after);
        } finally {
            var restore = new org.apache.jena.sparql.modify.request.QuadDataAcc();
            removed.getGraph().find().forEachRemaining(restore::addTriple);
            store.update(new org.apache.jena.update.UpdateRequest(new org.apache.jena.sparql.modify.request.UpdateDataInsert(restore)));
        }
        awaitSlice("eu-ai-act");
        assertThat(rows(onSlices.run("coverage", p))).isEqualTo(before);
    }

    /**
     * A stored profile's coverage (queries/coverage.rq reading the profile's version graph, in TenantView's
     * dataset of the reference data plus that graph) on the target's slice equals the same on TDB2, for
     * random profiles: the slice serves what a profile holds as it serves posted lists.
     */
    @Test
    void aStoredProfileReadOnTheSliceAnswersAsOnTheStore() {
        frameworks.forEach(SliceDifferentialTest::awaitSlice);
        Random random = new Random(SEED + 1);
        try (TenantStore tenants = TenantStore.open(TestStores.newStoreRoot("slices-tenants"))) {
            // what each of the stored profile's reads was given (else this could compare TDB2 with itself)
            List<String> readFrom = java.util.Collections.synchronizedList(new ArrayList<>());
            TenantView onSlice = new TenantView(store.endpointDataset(), framework -> {
                var reference = store.referenceForThisRead(framework);
                readFrom.add(framework + (reference.getDefaultGraph() instanceof org.apache.jena.mem.GraphMem ? " in memory" : " on TDB2"));
                return reference;
            }, tenants);
            TenantView onTdb2 = new TenantView(store.endpointDataset(), framework -> store.endpointDataset().asDatasetGraph(), tenants);
            Node about = NodeFactory.createURI("https://w3id.org/crosswalk/ontology#about");
            Node status = NodeFactory.createURI("https://w3id.org/crosswalk/ontology#profileStatus");
            List<String> holdable = new ArrayList<>(requirements);
            holdable.addAll(evidence);
            for (int i = 0; i < 60; i++) {
                String profile = "p" + i;
                Node graph = NodeFactory.createURI(TenantView.profileGraph("t", profile, 1));
                List<String> shuffled = new ArrayList<>(holdable);
                java.util.Collections.shuffle(shuffled, random);
                List<String> held = shuffled.subList(0, 1 + random.nextInt(80));
                tenants.write(() -> {
                    for (int k = 0; k < held.size(); k++) {
                        Node statement = NodeFactory.createURI(graph.getURI() + "/statement/" + k);
                        tenants.graphs().add(graph, statement, about, NodeFactory.createURI(held.get(k)));
                        tenants.graphs().add(graph, statement, status, lit(pick(random, List.of("satisfied", "satisfied", "partial", "planned"))));
                    }
                    return null;
                });
                String target = random.nextInt(3) == 0 ? pick(random, frameworks) : "eu-ai-act";
                Map<String, List<Node>> p = new LinkedHashMap<>();
                p.put("source", List.of());
                p.put("profile", List.of(graph));
                p.put("target", List.of(lit(target)));
                filters(random, target, p);
                if (random.nextBoolean()) {
                    p.put("onlyGaps", List.of(bool(true)));
                    p.put("includePartial", List.of(bool(random.nextBoolean())));
                }
                ResultTable expected = onSlices.run("coverage", p, "rows", t -> t, onTdb2.profileScope("t", profile, 1, "d" + i));
                ResultTable actual = onSlices.run("coverage", p, "rows", t -> t, onSlice.profileScope("t", profile, 1, "d" + i));
                assertThat(rows(actual)).as("seed " + (SEED + 1) + ", stored profile case " + i + ": " + p).isEqualTo(rows(expected));
                assertThat(readFrom).as("case " + i + ": the stored profile's answer read the target's slice").containsExactly(target + " in memory");
                readFrom.clear();
            }
        }
    }

    private void coverage(Random random, String where) {
        String target = random.nextInt(3) == 0 ? pick(random, frameworks) : "eu-ai-act";
        Map<String, List<Node>> p = new LinkedHashMap<>();
        int holding = random.nextInt(3);
        p.put("source", holding == 1 ? List.of() : List.of(lit(pick(random, frameworks))));
        List<String> shuffled = new ArrayList<>(requirements);
        java.util.Collections.shuffle(shuffled, random);
        int n = holding == 0 ? 0 : random.nextInt(60);
        p.put("satisfied", shuffled.subList(0, n).stream().map(NodeFactory::createURI).toList());
        p.put("partiallySatisfied", shuffled.subList(60, 60 + random.nextInt(20)).stream().map(NodeFactory::createURI).toList());
        p.put("held", evidence.stream().filter(e -> random.nextInt(4) == 0).map(NodeFactory::createURI).toList());
        p.put("target", List.of(lit(target)));
        filters(random, target, p);
        if (random.nextBoolean()) {
            p.put("onlyGaps", List.of(bool(true)));
            p.put("includePartial", List.of(bool(random.nextBoolean())));
        }
        compare("coverage", p, where);
    }

    private void upcoming(Random random, String where) {
        Map<String, List<Node>> p = new LinkedHashMap<>();
        p.put("target", List.of(lit("eu-ai-act")));
        filters(random, "eu-ai-act", p);
        compare("upcoming", p, where);
    }

    private static void filters(Random random, String target, Map<String, List<Node>> p) {
        if (target.equals("eu-ai-act") && random.nextBoolean()) {
            p.put("role", List.of(lit(pick(random, List.of("provider", "deployer", "importer", "distributor", "gpai-provider")))));
        }
        if (target.equals("eu-ai-act") && random.nextBoolean()) {
            p.put("system", List.of(lit(pick(random, List.of("high-risk", "high-risk-annex-iii", "gpai", "transparency", "prohibited")))));
        }
        p.put("asOf", List.of(date(pick(random, List.of("2024-08-01", "2025-02-02", "2025-08-02", "2026-08-02", "2027-08-02", "2028-12-02")))));
    }

    private static void compare(String query, Map<String, List<Node>> p, String where) {
        List<String> expected = rows(onDisk.run(query, p));
        List<String> actual = rows(onSlices.run(query, p));
        assertThat(actual).as(where + ": " + query + " " + p).isEqualTo(expected);
    }

    /** Every row as one string of every column, sorted: the multiset of rows. */
    private static List<String> rows(ResultTable t) {
        List<String> out = new ArrayList<>();
        for (Map<String, RDFNode> r : t.rows()) {
            StringBuilder b = new StringBuilder();
            for (String c : t.columns()) b.append(c).append('=').append(r.get(c)).append(' ');
            out.add(b.toString());
        }
        out.sort(null);
        return out;
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Node lit(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static Node date(String d) {
        return NodeFactory.createLiteralDT(d, XSDDatatype.XSDdate);
    }

    private static Node bool(boolean b) {
        return NodeFactory.createLiteralDT(Boolean.toString(b), XSDDatatype.XSDboolean);
    }
}
