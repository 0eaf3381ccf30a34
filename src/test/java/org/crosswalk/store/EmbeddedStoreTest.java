package org.crosswalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateFactory;
import org.crosswalk.graph.GraphBuilder.BuiltGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded TDB2 store: reads, one-transaction named-graph writes, the text index. */
class EmbeddedStoreTest {
    @TempDir Path root;

    static final String TENANT = "https://w3id.org/crosswalk/tenant/acme/profile/";

    private EmbeddedStore open() {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString("""
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                <urn:r1> skos:prefLabel "Human oversight of high-risk systems" ; skos:notation "R1" .
                <urn:r2> skos:prefLabel "Record keeping" ; skos:notation "R2" .
                """, Lang.TURTLE).parse(m);
        return EmbeddedStore.open(root, "0123456789abcdef0123", () -> new BuiltGraph(m, "0123456789abcdef0123", 0, 0));
    }

    /** A store of these triples (Turtle), with the in-memory copy up to {@code memoryCopyMaxTriples} (0: none). */
    private EmbeddedStore open(String ttl, String version, long memoryCopyMaxTriples) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(ttl, Lang.TURTLE).parse(m);
        return EmbeddedStore.open(root, version, () -> new BuiltGraph(m, version, 0, 0), new EmbeddedStore.MemoryLimits(memoryCopyMaxTriples, 0));
    }

    private static Graph graph(String ttl) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ttl, Lang.TURTLE).parse(g);
        return g;
    }

    private static long count(CrosswalkStore store, String sparql) {
        return store.read(c -> {
            long[] n = {0};
            c.querySelect(sparql, s -> n[0] = s.getLiteral("n").getLong());
            return n[0];
        });
    }

    @Test
    void namedGraphsAreReplacedTogetherAndLeaveTheReferenceDataAlone() {
        try (EmbeddedStore store = open()) {
            long reference = store.tripleCount();
            Map<String, Graph> graphs = new LinkedHashMap<>();
            graphs.put(TENANT + "p1", graph("<urn:p1> <urn:holds> <urn:r1>, <urn:r2> ."));
            graphs.put(TENANT + "p2", graph("<urn:p2> <urn:holds> <urn:r1> ."));
            store.replaceNamedGraphs(graphs);
            assertThat(count(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")).isEqualTo(3);

            // Replacing one graph drops its old triples; an empty graph removes it.
            store.replaceNamedGraphs(Map.of(TENANT + "p1", graph("<urn:p1> <urn:holds> <urn:r2> ."),
                    TENANT + "p2", GraphFactory.createDefaultGraph()));
            assertThat(count(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")).isEqualTo(1);
            assertThat(store.<Boolean>read(c -> c.queryAsk("ASK { GRAPH <" + TENANT + "p1> { <urn:p1> <urn:holds> <urn:r2> } }"))).isTrue();
            assertThat(store.tripleCount()).isEqualTo(reference);
        }
    }

    /** Counted once per data version (and at start), so it must follow every commit to the default graph. */
    @Test
    void theTripleCountFollowsEveryCommitToTheDefaultGraph() {
        try (EmbeddedStore store = open()) {
            assertThat(store.tripleCount()).isEqualTo(4);
            store.update(UpdateFactory.create("INSERT DATA { <urn:r3> <urn:p> \"x\" , \"y\" }"));
            assertThat(store.tripleCount()).isEqualTo(6);
            store.update(UpdateFactory.create("DELETE DATA { <urn:r3> <urn:p> \"x\" }"));
            assertThat(store.tripleCount()).as("asked again for the same version").isEqualTo(5).isEqualTo(store.tripleCount());
            // a named graph is not the default graph
            store.replaceNamedGraphs(Map.of(TENANT + "p1", graph("<urn:p1> <urn:holds> <urn:r1> .")));
            assertThat(store.tripleCount()).isEqualTo(5);
            // inside a write, the count sees the write; once it is rolled back, nothing of it is remembered
            store.dataset().begin(org.apache.jena.query.ReadWrite.WRITE);
            try {
                store.dataset().getDefaultModel().add(store.dataset().getDefaultModel().createResource("urn:r4"),
                        org.apache.jena.vocabulary.RDFS.label, "uncommitted");
                assertThat(store.tripleCount()).isEqualTo(6);
            } finally {
                store.dataset().abort();
                store.dataset().end();
            }
            assertThat(store.tripleCount()).isEqualTo(5);
        }
        try (EmbeddedStore reopened = open()) {
            assertThat(reopened.tripleCount()).as("counted again after a restart, not remembered").isEqualTo(5);
        }
    }

    @Test
    void aFailingUpdateChangesNothing() {
        try (EmbeddedStore store = open()) {
            // Second operation fails (LOAD of a missing file) after the first one inserted: all or nothing.
            var request = UpdateFactory.create("INSERT DATA { GRAPH <" + TENANT + "p9> { <urn:a> <urn:b> <urn:c> } } ;"
                    + " LOAD <file:///nonexistent/crosswalk-test.ttl> INTO GRAPH <" + TENANT + "p9>");
            assertThatThrownBy(() -> store.update(request)).isNotNull();
            assertThat(store.<Boolean>read(c -> c.queryAsk("ASK { GRAPH ?g { ?s ?p ?o } }"))).isFalse();
        }
    }

    @Test
    void referenceReadsReachTheTextIndex() {
        try (EmbeddedStore store = open()) {
            var hits = store.readReference(c -> {
                java.util.List<String> out = new java.util.ArrayList<>();
                c.querySelect("PREFIX text: <http://jena.apache.org/text#> SELECT ?r { ?r text:query 'oversight' }",
                        s -> out.add(s.getResource("r").getURI()));
                return out;
            });
            assertThat(hits).containsExactly("urn:r1");
            assertThat(store.version()).startsWith("0123456789abcdef");
            assertThat(store.prefixes().getNsPrefixURI("skos")).isEqualTo("http://www.w3.org/2004/02/skos/core#");
        }
    }

    @Test
    void readsSeeEveryCommitAtOnceThroughTheMemoryCopy() {
        try (EmbeddedStore store = open()) {
            String labels = "SELECT (COUNT(*) AS ?n) { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o }";
            assertThat(count(store, labels)).isEqualTo(2);
            assertThat(copyReady(store)).as("the copy is made in the background after the start").isTrue();
            assertThat(count(store, labels)).isEqualTo(2);
            store.update(UpdateFactory.create("INSERT DATA { <urn:r3> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Logging\" }"));
            // At once: the copy of the old version is not read (this read goes to the store), then the new copy.
            assertThat(count(store, labels)).isEqualTo(3);
            assertThat(copyReady(store)).as("a new copy after the commit").isTrue();
            assertThat(count(store, labels)).isEqualTo(3);
            // A read that began before a commit keeps what it began with (its snapshot), while reads after
            // the commit see it.
            var inRead = new java.util.concurrent.CountDownLatch(1);
            var committed = new java.util.concurrent.CountDownLatch(1);
            var earlier = java.util.concurrent.CompletableFuture.supplyAsync(() -> store.read(c -> {
                inRead.countDown();
                try {
                    committed.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                long[] n = {0};
                c.querySelect(labels, row -> n[0] = row.getLiteral("n").getLong());
                return n[0];
            }));
            assertThat(await(inRead)).isTrue();
            store.update(UpdateFactory.create("DELETE DATA { <urn:r3> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Logging\" }"));
            committed.countDown();
            assertThat(earlier.join()).isEqualTo(3);
            assertThat(count(store, labels)).isEqualTo(2);
        }
    }

    /**
     * Work that composes the reference data with other graphs (TenantView) reads the in-memory copy of its
     * own read's snapshot, as the store's reads do, and a commit reaches it at once.
     */
    @Test
    void compositionsReadTheCopyOfTheirOwnSnapshot() {
        try (EmbeddedStore store = open()) {
            assertThat(copyReady(store)).isTrue();
            var onDisk = store.endpointDataset();
            org.apache.jena.system.Txn.executeRead(onDisk, () -> {
                org.apache.jena.graph.Graph g = store.referenceForThisRead(null).getDefaultGraph();
                assertThat(g).as("the copy, not TDB2").isInstanceOf(org.apache.jena.mem.GraphMem.class);
                assertThat(g.size()).isEqualTo(onDisk.asDatasetGraph().getDefaultGraph().size());
            });
            var added = org.apache.jena.graph.Triple.create(org.apache.jena.graph.NodeFactory.createURI("urn:r3"),
                    org.apache.jena.vocabulary.SKOS.prefLabel.asNode(), org.apache.jena.graph.NodeFactory.createLiteralString("Logging"));
            // A read that began before the commit keeps its snapshot, even once the next version's copy is made.
            var inRead = new java.util.concurrent.CountDownLatch(1);
            var newCopyMade = new java.util.concurrent.CountDownLatch(1);
            var earlier = java.util.concurrent.CompletableFuture.supplyAsync(() -> org.apache.jena.system.Txn.calculateRead(onDisk, () -> {
                inRead.countDown();
                await(newCopyMade);
                return store.referenceForThisRead(null).getDefaultGraph().contains(added);
            }));
            assertThat(await(inRead)).isTrue();
            store.update(UpdateFactory.create("INSERT DATA { <urn:r3> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Logging\" }"));
            assertThat(org.apache.jena.system.Txn.calculateRead(onDisk, () -> store.referenceForThisRead(null).getDefaultGraph().contains(added)))
                    .as("the commit, at once (TDB2 until the new copy is made)").isTrue();
            assertThat(copyReady(store)).isTrue();
            newCopyMade.countDown();
            assertThat(earlier.join()).as("the earlier read, after the new copy: its own snapshot").isFalse();
            assertThat(org.apache.jena.system.Txn.calculateRead(onDisk, () -> {
                org.apache.jena.graph.Graph g = store.referenceForThisRead(null).getDefaultGraph();
                return g instanceof org.apache.jena.mem.GraphMem && g.contains(added);
            })).as("the new copy, with the commit").isTrue();
        }
    }

    /**
     * Over the whole copy's limit, a prepared framework's slice is made for each data version without a
     * question about it (the first one would read TDB2 while it is made); one not prepared is not.
     */
    @Test
    void aPreparedSliceIsMadeBeforeAnyQuestionAndAgainAfterACommit() {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString("""
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                <urn:f> a skos:ConceptScheme ; dcterms:identifier "f" .
                <urn:f1> skos:inScheme <urn:f> ; skos:prefLabel "One" .
                <urn:g> a skos:ConceptScheme ; dcterms:identifier "g" .
                <urn:g1> skos:inScheme <urn:g> ; skos:prefLabel "Other" .
                """, Lang.TURTLE).parse(m);
        String version = "5555555555555555aaaa";
        try (EmbeddedStore store = EmbeddedStore.open(root, version, () -> new BuiltGraph(m, version, 0, 0),
                new EmbeddedStore.MemoryLimits(1, 1_000, java.util.List.of("f")))) {
            assertThat(eventually(() -> store.read(c -> store.sliceMadeFor("f")))).as("f's slice, asked for by no question").isTrue();
            assertThat((boolean) store.read(c -> store.sliceMadeFor("g"))).as("g is not prepared").isFalse();
            store.update(UpdateFactory.create("INSERT DATA { <urn:f2> <http://www.w3.org/2004/02/skos/core#inScheme> <urn:f> }"));
            // the next read (any read) finds the new version over the copy's limit, and prepares its slices
            assertThat(eventually(() -> store.read(c -> store.sliceMadeFor("f")))).as("f's slice of the new version").isTrue();
            assertThat((boolean) store.readAbout("f", c -> c.queryAsk("ASK { <urn:f2> ?p ?o }"))).isTrue();
        }
    }

    /** Waits (up to 10 s) for {@code condition}. */
    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) return true;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    /** Waits (up to 10 s) until reads go to the in-memory copy of the current data version. */
    private static boolean copyReady(EmbeddedStore store) {
        return eventually(() -> store.read(c -> store.readsTheCopy()));
    }

    private static boolean await(java.util.concurrent.CountDownLatch latch) {
        try {
            return latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutTheMemoryCopyReadsGoToTheStore() {
        try (EmbeddedStore store = open("<urn:r1> <http://www.w3.org/2004/02/skos/core#prefLabel> \"A\" .", "fedcba9876543210fedc", 0)) {
            assertThat(count(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")).isEqualTo(1);
            store.update(UpdateFactory.create("INSERT DATA { <urn:r2> <urn:p> 1 }"));
            assertThat(count(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")).isEqualTo(2);
        }
    }

    @Test
    void triplesAreCountedOnTheIndexesAsTheGraphCountsThemAndNoFurtherThanAsked() {
        try (EmbeddedStore store = open()) {
            store.update(UpdateFactory.create("INSERT DATA { <urn:r3> <urn:p> 3 . GRAPH <" + TENANT + "x> { <urn:a> <urn:p> 1 . <urn:b> <urn:p> 2 } }"));
            long bySize = org.apache.jena.system.Txn.calculateRead(store.dataset(), () -> store.dataset().getDefaultModel().size());
            assertThat(store.tripleCount()).isEqualTo(bySize).isGreaterThanOrEqualTo(5);
            assertThat((long) store.read(c -> store.countUpTo(1000))).as("default graph and named graphs").isEqualTo(bySize + 2);
            assertThat((long) store.read(c -> store.countUpTo(2))).as("stops one past the limit").isEqualTo(3);
        }
    }

    @Test
    void overTheCopyLimitReadsGoToTheStoreAndStayRight() {
        try (EmbeddedStore store = open("<urn:r1> <urn:p> 1 . <urn:r2> <urn:p> 2 . <urn:r3> <urn:p> 3 .", "abcdef0123456789abcd", 2)) {
            assertThat(count(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")).isEqualTo(3);
            store.update(UpdateFactory.create("DELETE DATA { <urn:r3> <urn:p> 3 }"));
            assertThat(count(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")).isEqualTo(2);
        }
    }
}
