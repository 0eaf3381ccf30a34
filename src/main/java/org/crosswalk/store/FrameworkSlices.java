package org.crosswalk.store;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-memory slices of the reference data, one per framework, for the named queries that ask about one
 * target framework (coverage.rq, upcoming.rq: their header says {@code # slice: target}) when the store is
 * too large for a whole in-memory copy ({@link ReferenceCopy}). At the scale harness's 100× (61 M triples)
 * no whole copy fits a small heap, and coverage ISO 42001 → EU AI Act on TDB2 took five times as long as
 * on the same triples in memory, although the question reads a few tens of thousands of them.
 *
 * <p>The slice of framework T holds every triple whose subject is:
 * <ul>
 * <li>a concept scheme (every framework's, so an identifier finds its scheme);</li>
 * <li>a requirement of T, or anything with a triple pointing at one (T's mappings through
 * owl:annotatedTarget, its provision versions, the evidence that supports it, the requirements of other
 * frameworks that match it);</li>
 * <li>anything reachable from those through their objects, except that the requirements of other frameworks
 * and mappings that do not end in T bring their own triples but nothing beyond them (else one framework's
 * slice would pull in the whole graph through the mapping web).</li>
 * </ul>
 * A query that starts from T's requirements, their mappings, versions or evidence (in any direction) or from
 * a scheme therefore finds there exactly what it finds in the store; what it cannot find is what lies beyond
 * another framework's requirement, which the questions about T never ask. {@code SliceDifferentialTest}
 * compares the two on every framework and random parameters, row by row.
 *
 * <p>Like the whole copy, a slice belongs to one TDB2 data version and is made in the background: a read
 * whose version has no slice yet goes to TDB2 and asks for one. Slices are kept least recently used first out,
 * within a budget of triples across all of them; a framework whose slice alone is over the budget is read on disk.
 */
final class FrameworkSlices {
    private static final Logger log = LoggerFactory.getLogger(FrameworkSlices.class);
    private static final Node IN_SCHEME = SKOS.inScheme.asNode();
    private static final Node CONCEPT_SCHEME = SKOS.ConceptScheme.asNode();
    private static final Node IDENTIFIER = DCTerms.identifier.asNode();
    private static final Node ANNOTATED_TARGET = OWL2.annotatedTarget.asNode();

    /** A slice of one framework at one data version; {@code dataset} null: over the budget (or failed), read the store. */
    private record Slice(long dataVersion, Dataset dataset, long triples) {}

    private final Dataset store;
    private final LongSupplier dataVersion;
    private final long budget;
    /** Access order: the least recently read slice is the first to go when the budget is exceeded. */
    private final LinkedHashMap<String, Slice> slices = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** One slice at a time, off the request threads; a daemon, so it never holds the JVM up. */
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("framework-slice").unstarted(r));
    private volatile boolean closed;

    /**
     * @param store       the TDB2 dataset, possibly wrapped by jena-text (its context, with the query rules, is kept)
     * @param dataVersion TDB2's data version as the calling thread's read transaction sees it
     * @param budget      most triples held in slices together
     */
    FrameworkSlices(Dataset store, LongSupplier dataVersion, long budget) {
        this.store = store;
        this.dataVersion = dataVersion;
        this.budget = budget;
    }

    /** The slice of {@code framework} for the calling read's data version, or null (read the store; one is asked for). */
    Dataset forThisRead(String framework) {
        long version = dataVersion.getAsLong();
        Slice s;
        synchronized (slices) {
            s = slices.get(framework);
        }
        if (s != null && s.dataVersion() == version) return s.dataset();
        if (s == null || s.dataVersion() < version) request(framework);
        return null;
    }

    /** Whether {@code framework} has a slice of the calling read's data version in memory (tests). */
    boolean holds(String framework) {
        return forThisRead(framework) != null;
    }

    /**
     * Asks for the slices of {@code frameworks} for the calling read's data version now, before any question
     * about them: the first question after a start or a reload then finds its slice made.
     */
    void prepare(java.util.List<String> frameworks) {
        frameworks.forEach(this::forThisRead);
    }

    /** Whether {@code framework}'s slice of the calling read's data version is made, without asking for it (tests). */
    boolean made(String framework) {
        long version = dataVersion.getAsLong();
        synchronized (slices) {
            Slice s = slices.get(framework);
            return s != null && s.dataVersion() == version && s.dataset() != null;
        }
    }

    private void request(String framework) {
        if (closed || !pending.add(framework)) return;
        try {
            builder.execute(() -> {
                try {
                    Txn.executeRead(store, () -> build(framework));
                } catch (RuntimeException e) {
                    if (!closed) log.warn("No in-memory slice of {}: {}; its questions read the store", framework, e.toString());
                } finally {
                    pending.remove(framework);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.remove(framework); // closing
        }
    }

    private void build(String framework) {
        long version = dataVersion.getAsLong();
        synchronized (slices) {
            Slice s = slices.get(framework);
            if (s != null && s.dataVersion() >= version) return;
        }
        long start = System.nanoTime();
        Graph slice = collect(store.asDatasetGraph().getDefaultGraph(), framework);
        Dataset dataset = null;
        long triples = slice == null ? 0 : slice.size();
        if (slice == null) {
            log.info("The slice of {} would hold more than crosswalk.memory-slices-max-triples={} triples: its questions read the store",
                    framework, budget);
        } else {
            DatasetGraph dsg = DatasetGraphFactory.wrap(slice);
            DatasetGraph from = store.asDatasetGraph();
            dsg.prefixes().putAll(from.prefixes());
            // The store's own Context (timeouts, the SPARQL door's query rules), as for the whole copy.
            dataset = DatasetFactory.wrap(new DatasetGraphWrapper(dsg, from.getContext()));
            log.info("In-memory slice of {} for its questions: {} triples in {} ms", framework, triples,
                    (System.nanoTime() - start) / 1_000_000);
        }
        synchronized (slices) {
            slices.put(framework, new Slice(version, dataset, triples));
            long held = slices.values().stream().mapToLong(Slice::triples).sum();
            for (Iterator<Map.Entry<String, Slice>> it = slices.entrySet().iterator(); held > budget && it.hasNext(); ) {
                Map.Entry<String, Slice> eldest = it.next();
                if (eldest.getKey().equals(framework)) continue;
                held -= eldest.getValue().triples();
                it.remove();
            }
        }
    }

    /** The slice's triples (see the class comment), or null when there are more than the budget. */
    private Graph collect(Graph g, String framework) {
        Set<Node> schemes = new HashSet<>();
        Set<Node> ofFramework = new HashSet<>();
        g.find(Node.ANY, RDF.type.asNode(), CONCEPT_SCHEME).forEachRemaining(t -> schemes.add(t.getSubject()));
        for (Node scheme : schemes) {
            boolean isIt = g.find(scheme, IDENTIFIER, Node.ANY).toList().stream()
                    .anyMatch(t -> t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().equals(framework));
            if (isIt) g.find(Node.ANY, IN_SCHEME, scheme).forEachRemaining(t -> ofFramework.add(t.getSubject()));
        }

        Graph out = GraphMemFactory.createDefaultGraph();
        Set<Node> seen = new HashSet<>();
        ArrayDeque<Node> expand = new ArrayDeque<>();
        for (Node n : schemes) if (seen.add(n)) expand.add(n);
        for (Node r : ofFramework) {
            if (seen.add(r)) expand.add(r);
            for (Iterator<Triple> in = g.find(Node.ANY, Node.ANY, r); in.hasNext(); ) {
                Node s = in.next().getSubject();
                if (seen.add(s)) expand.add(s);
            }
        }
        long n = 0;
        while (!expand.isEmpty()) {
            Node subject = expand.poll();
            boolean boundary = !ofFramework.contains(subject) && !schemes.contains(subject)
                    && (inOtherFramework(g, subject) || mappingElsewhere(g, subject, ofFramework));
            for (Iterator<Triple> it = g.find(subject, Node.ANY, Node.ANY); it.hasNext(); ) {
                Triple t = it.next();
                out.add(t);
                if (++n > budget) return null;
                if (closed) throw new java.util.concurrent.CancellationException("the store closes");
                Node o = t.getObject();
                if (!boundary && (o.isURI() || o.isBlank()) && seen.add(o)) expand.add(o);
            }
        }
        return out;
    }

    /** A requirement of another framework: it has a scheme, and is not one of the framework's requirements. */
    private static boolean inOtherFramework(Graph g, Node subject) {
        return g.contains(subject, IN_SCHEME, Node.ANY);
    }

    /** A mapping (an axiom with an annotated target) whose target is not a requirement of the framework. */
    private static boolean mappingElsewhere(Graph g, Node subject, Set<Node> ofFramework) {
        for (Iterator<Triple> it = g.find(subject, ANNOTATED_TARGET, Node.ANY); it.hasNext(); ) {
            if (!ofFramework.contains(it.next().getObject())) return true;
        }
        return false;
    }

    void close() {
        closed = true;
        // No interrupt: TDB2 reads files through channels an interrupt would close under every other reader.
        // A slice being built sees closed and stops.
        builder.shutdown();
        try {
            builder.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
