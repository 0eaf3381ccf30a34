package org.crosswalk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.update.UpdateExecution;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.store.FSDirectory;
import org.crosswalk.graph.GraphBuilder.BuiltGraph;
import org.crosswalk.graph.Vocab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: a TDB2 database on disk with a jena-text (Lucene) index over labels, notations,
 * summaries and official texts. One directory per data version under the store root: a restart on
 * unchanged data reopens the existing database (nothing is reloaded, nothing duplicated); changed data
 * is built into a new directory, marked complete only after commit, and older versions are removed.
 */
public final class EmbeddedStore implements CrosswalkStore {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);
    private static final String COMPLETE_MARKER = "COMPLETE";

    /** The Lucene document field every indexed predicate writes to; text:query searches it by default. */
    public static final String TEXT_FIELD = "text";

    private final Dataset dataset;
    private final Dataset tdb;
    private final Path directory;
    private final String version;
    private final boolean reused;
    private final ReferenceCopy copy;
    /** Per-framework in-memory slices, for the questions about one framework when there is no whole copy (or null). */
    private final FrameworkSlices slices;
    /** TDB2 under the text index: its transactions (the data version) and its index tables (counts). */
    private final org.apache.jena.tdb2.store.DatasetGraphTDB tdbGraph;
    /** The default graph's triple count of the latest data version asked about: counted once, see {@link #tripleCount}. */
    private Counted counted;
    /** Counts the default graph when the store opens; {@link #close} stops and waits for it. */
    private final Thread countAtStart;
    private volatile boolean closed;

    private record Counted(long dataVersion, CompletableFuture<Long> triples) {}

    /** Default of crosswalk.memory-copy-max-triples: the real data is 64 k triples, the scale harness's 10x 6.1 M. */
    public static final long DEFAULT_MEMORY_COPY_MAX_TRIPLES = 2_000_000;
    /** Default of crosswalk.memory-slices-max-triples: EU AI Act's slice is 50 k triples at every scale, a synthetic framework's at 100x about 1 M. */
    public static final long DEFAULT_MEMORY_SLICES_MAX_TRIPLES = 2_000_000;

    /** Default of crosswalk.memory-slices-prepared: the framework the service's questions are mostly about. */
    public static final String DEFAULT_MEMORY_SLICES_PREPARED = "eu-ai-act";

    /**
     * How much of the reference data queries may read from memory instead of TDB2.
     *
     * @param wholeCopyMaxTriples a whole copy when the store has at most this many triples (0: never)
     * @param slicesMaxTriples    otherwise per-framework slices, at most this many triples together (0: none)
     * @param slicesPrepared      frameworks whose slice is made as soon as a data version is known to need
     *                            slices (on start, and at the first read after a commit), not at the first
     *                            question about them, which would otherwise read TDB2 while it is made
     */
    public record MemoryLimits(long wholeCopyMaxTriples, long slicesMaxTriples, List<String> slicesPrepared) {
        public static final MemoryLimits DEFAULTS = new MemoryLimits(DEFAULT_MEMORY_COPY_MAX_TRIPLES, DEFAULT_MEMORY_SLICES_MAX_TRIPLES,
                List.of(DEFAULT_MEMORY_SLICES_PREPARED));
        public static final MemoryLimits NONE = new MemoryLimits(0, 0, List.of());

        public MemoryLimits {
            slicesPrepared = slicesPrepared.stream().map(String::strip).filter(f -> !f.isEmpty()).toList(); // "a, b" or "" from a property
        }

        /** No slice made before it is asked for. */
        public MemoryLimits(long wholeCopyMaxTriples, long slicesMaxTriples) {
            this(wholeCopyMaxTriples, slicesMaxTriples, List.of());
        }
    }

    private EmbeddedStore(Dataset dataset, Dataset tdb, Path directory, String version, boolean reused, MemoryLimits memory) {
        this.dataset = dataset;
        this.tdb = tdb;
        this.directory = directory;
        this.version = version;
        this.reused = reused;
        this.tdbGraph = TDBInternal.getDatasetGraphTDB(tdb.asDatasetGraph());
        this.slices = memory.slicesMaxTriples() > 0 ? new FrameworkSlices(dataset, this::dataVersionOfThisRead, memory.slicesMaxTriples()) : null;
        // Slices are what reads use when a data version has no whole copy: the prepared ones are asked for
        // as soon as that is known (the copy's worker finds the version over its limit), or now without a copy.
        Runnable prepareSlices = slices == null || memory.slicesPrepared().isEmpty() ? () -> { } : () -> slices.prepare(memory.slicesPrepared());
        this.copy = memory.wholeCopyMaxTriples() > 0
                ? new ReferenceCopy(dataset, this::dataVersionOfThisRead, this::countUpTo, memory.wholeCopyMaxTriples(), prepareSlices) : null;
        if (copy != null) copy.requestCopy(); // started now, not on the first request; nothing waits for it
        else if (slices != null) Txn.executeRead(dataset, prepareSlices);
        // Counted now, beside the rest of the start: the first health probe reports the count, and at the
        // scale harness's 100x counting 61 M index entries took that probe 8-18 s after the service had started.
        this.countAtStart = Thread.ofVirtual().name("triple-count").start(() -> {
            try {
                tripleCount();
            } catch (RuntimeException e) { // closed while counting (tests open and close stores quickly)
                log.debug("Triple count at start not taken: {}", e.toString());
            }
        });
    }

    /** Opens the store for {@code version}, building it from {@code graph} if it does not exist yet. */
    public static EmbeddedStore open(Path root, String version, java.util.function.Supplier<BuiltGraph> graph) {
        return open(root, version, graph, MemoryLimits.DEFAULTS);
    }

    /**
     * Like {@link #open(Path, String, java.util.function.Supplier)}; queries read an in-memory copy of the
     * reference data within {@code memory}'s limits, see {@link ReferenceCopy} and {@link FrameworkSlices}.
     */
    public static EmbeddedStore open(Path root, String version, java.util.function.Supplier<BuiltGraph> graph, MemoryLimits memory) {
        Path dir = root.toAbsolutePath().resolve(version.substring(0, 16));
        boolean complete = Files.exists(dir.resolve(COMPLETE_MARKER));
        BuiltGraph built = null;
        if (!complete) {
            built = graph.get(); // validates before we touch the disk
            deleteRecursively(dir);
        }
        Dataset tdb = connectTdb(dir);
        Dataset dataset = withTextIndex(tdb, dir);
        if (!complete) {
            BuiltGraph toLoad = built;
            bulkLoad(tdb, toLoad.model());
            indexText(dataset, toLoad.model());
            try {
                Files.writeString(dir.resolve(COMPLETE_MARKER), version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.info("Built store {} ({} curated + {} derived mappings; {} provision versions, {} stated by amending acts, {} rescheduled by application rules)",
                    dir, built.curatedMappings(), built.derivedMappings(), built.lawVersions().versions(),
                    built.lawVersions().stated(), built.lawVersions().rescheduled());
        } else {
            log.info("Reusing store {} for unchanged data version {}", dir, version.substring(0, 16));
        }
        removeOtherVersions(root.toAbsolutePath(), dir);
        return new EmbeddedStore(dataset, tdb, dir, version, complete, memory);
    }

    static {
        // Jena 6.0.0: OpExecutorTDB2.optimizeExecuteTriples reorders a basic graph pattern by peeking at
        // its input bindings and throws "Peek iterator is already empty" when that input is empty (a
        // VALUES block with no rows, an earlier pattern with no match) — routine in our named queries.
        // Without a reorder transformation that code path is skipped; our queries are written in a
        // selective order. Revisit when upgrading Jena (the mirror here serves no later TDB2 yet).
        SystemTDB.setDefaultReorderTransform(null);
    }

    /**
     * Writes the built graph with a TDB2 bulk loader instead of one insert per triple through the
     * text-indexing wrapper: at the scale harness's 10x (millions of triples) the per-triple B+tree inserts
     * were most of the first load. The parallel loader (every index on its own thread at once) rather than
     * the phased one: on the 10x triples, loader alone, two cores, 22-32 s against 37-48 s (bench/RESULTS.md).
     * The loader runs its own transactions.
     */
    private static void bulkLoad(Dataset tdb, Model model) {
        DataLoader loader = LoaderFactory.parallelLoader(tdb.asDatasetGraph(), (format, args) -> {});
        loader.startBulk();
        try {
            StreamRDF stream = loader.stream();
            stream.start();
            model.getNsPrefixMap().forEach(stream::prefix);
            model.getGraph().find().forEachRemaining(stream::triple);
            stream.finish();
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
    }

    /**
     * Builds the Lucene index in one write transaction from the indexed predicates only (what jena-text's
     * own text indexer does), since the bulk load above bypassed the indexing wrapper.
     */
    private static void indexText(Dataset dataset, Model model) {
        if (!(dataset.asDatasetGraph() instanceof DatasetGraphText text)) throw new IllegalStateException("no text index");
        EntityDefinition def = text.getTextIndex().getDocDef();
        Txn.executeWrite(dataset, () -> {
            for (Node predicate : def.getPredicates(TEXT_FIELD)) {
                model.getGraph().find(Node.ANY, predicate, Node.ANY).forEachRemaining(t -> {
                    Entity entity = TextQueryFuncs.entityFromQuad(def, Quad.defaultGraphIRI, t.getSubject(), t.getPredicate(), t.getObject());
                    if (entity != null) text.getTextIndex().addEntity(entity);
                });
            }
        });
    }

    private static Dataset connectTdb(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TDB2Factory.connectDataset(dir.resolve("tdb2").toString());
    }

    private static Dataset withTextIndex(Dataset tdb, Path dir) {
        try {
            TextIndexConfig config = new TextIndexConfig(entityDefinition());
            config.setValueStored(true);
            return TextDatasetFactory.createLucene(tdb, FSDirectory.open(dir.resolve("lucene")), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything a person searches for lands in one field, so a plain text:query "…" finds it. */
    static EntityDefinition entityDefinition() {
        EntityDefinition def = new EntityDefinition("uri", TEXT_FIELD, SKOS.prefLabel);
        def.set(TEXT_FIELD, SKOS.notation.asNode());
        def.set(TEXT_FIELD, SKOS.altLabel.asNode());
        def.set(TEXT_FIELD, DCTerms.description.asNode());
        def.set(TEXT_FIELD, Vocab.officialText.asNode());
        return def;
    }

    /**
     * TDB2's data version as the calling thread's read transaction sees it, bumped by every commit: what
     * cached answers (DataGeneration) and the in-memory copy (ReferenceCopy) belong to.
     */
    long dataVersionOfThisRead() {
        var txn = tdbGraph.getTxnSystem().getThreadTransaction();
        if (txn == null) throw new IllegalStateException("the store's data version read outside CrosswalkStore.read");
        return txn.getDataVersion();
    }

    /** The TDB2 dataset with its text index (tests and the analysts' door). */
    public Dataset dataset() {
        return dataset;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public <T> T read(Function<RDFConnection, T> work) {
        return readAbout(null, work);
    }

    /**
     * Reads the whole in-memory copy when there is one; else, for the store over the copy's limit, the
     * framework's in-memory slice once it is made ({@link FrameworkSlices}); else TDB2.
     */
    @Override
    public <T> T readAbout(String framework, Function<RDFConnection, T> work) {
        return Txn.calculateRead(dataset, () -> {
            // The TDB2 read transaction stays open around the work: it fixes the data version the answer
            // belongs to (DataGeneration) and which copy or slice is read.
            Dataset inMemory = inMemoryForThisRead(framework);
            try (RDFConnection conn = RDFConnection.connect(inMemory != null ? inMemory : dataset)) {
                return work.apply(conn);
            }
        });
    }

    @Override
    public DatasetGraph referenceForThisRead(String framework) {
        Dataset inMemory = inMemoryForThisRead(framework);
        return (inMemory != null ? inMemory : dataset).asDatasetGraph();
    }

    /**
     * What the calling read transaction may read instead of TDB2: the whole copy of its data version, else
     * (a framework named, the store over the copy's limit) that framework's slice; null when neither is
     * made yet (each asks for itself) or there is none: read TDB2.
     */
    private Dataset inMemoryForThisRead(String framework) {
        Dataset copied = copy == null ? null : copy.forThisRead();
        if (copied == null && framework != null && slices != null && (copy == null || copy.noCopyOfThisRead())) {
            copied = slices.forThisRead(framework);
        }
        return copied;
    }

    @Override
    public <T> T readReference(Function<RDFConnection, T> work) {
        return read(work);
    }

    @Override
    public void update(UpdateRequest request) {
        Txn.executeWrite(dataset, () -> UpdateExecution.dataset(dataset).update(request).execute());
    }

    @Override
    public PrefixMapping prefixes() {
        return Txn.calculateRead(dataset, () -> PrefixMapping.Factory.create().setNsPrefixes(dataset.getDefaultModel()).lock());
    }

    @Override
    public Dataset endpointDataset() {
        return dataset;
    }

    public Path directory() {
        return directory;
    }

    /** True when the store was reopened as it was, false when it was (re)built on this start. */
    public boolean reused() {
        return reused;
    }

    /** Whether the calling read goes to the in-memory copy (for tests: the copy is made in the background). */
    boolean readsTheCopy() {
        return copy != null && copy.forThisRead() != null;
    }

    /** Whether a read about {@code framework} in the calling read transaction goes to its slice (for tests). */
    boolean readsTheSliceOf(String framework) {
        return slices != null && slices.holds(framework);
    }

    /** Whether {@code framework}'s slice of the calling read's data version is made, without asking for it (tests). */
    boolean sliceMadeFor(String framework) {
        return slices != null && slices.made(framework);
    }

    /**
     * The default graph's triples, counted on TDB2's primary index (see {@link #countUpTo}) once per data
     * version: health and the metrics gauge ask on every probe and scrape, and a count is linear in the
     * store (about a second at 100x with the index in the page cache, more when it is not). A caller that
     * asks while another counts the same version waits for that count instead of starting its own.
     */
    @Override
    public long tripleCount() {
        return Txn.calculateRead(dataset, () -> {
            // Inside a write transaction the count includes what is not committed yet: not for the cache.
            if (dataset.transactionMode() == ReadWrite.WRITE) return count(tdbGraph.getTripleTable(), Long.MAX_VALUE);
            long dataVersion = dataVersionOfThisRead();
            CompletableFuture<Long> mine = new CompletableFuture<>();
            Counted known;
            synchronized (this) {
                known = counted;
                if (known == null || known.dataVersion() != dataVersion) counted = new Counted(dataVersion, mine);
            }
            if (known != null && known.dataVersion() == dataVersion) return waitFor(known.triples());
            try {
                long triples = count(tdbGraph.getTripleTable(), Long.MAX_VALUE);
                mine.complete(triples);
                return triples;
            } catch (Throwable e) { // Errors too: a future left open would hold every later caller of this version
                mine.completeExceptionally(e);
                synchronized (this) {
                    if (counted != null && counted.triples() == mine) counted = null; // the next caller counts again
                }
                throw e;
            }
        });
    }

    /** Another caller's count of the same version, with its failure as that caller had it. */
    private static long waitFor(CompletableFuture<Long> count) {
        try {
            return count.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /**
     * Triples and quads in the store as the calling read sees them, counting no further than {@code limit}
     * + 1. Counted on TDB2's primary indexes, whose entries are node ids: {@code Graph.size()} on TDB2
     * decodes every node of every triple, which at the scale harness's 100x (61 M triples) took minutes
     * of every restart and of the first health probe.
     */
    long countUpTo(long limit) {
        long triples = count(tdbGraph.getTripleTable(), limit);
        return triples > limit ? triples : triples + count(tdbGraph.getQuadTable(), limit - triples);
    }

    /** Entries of a table's primary index, no further than {@code limit} + 1; stops when the store closes. */
    private long count(org.apache.jena.tdb2.store.TableBase table, long limit) {
        TupleIndex index = table.getNodeTupleTable().getTupleTable().getIndex(0);
        // Walk the B+tree's records without decoding each into a tuple of node ids: about 3x faster
        // (61 M entries at 100x: 0.8-0.9 s against 2.5 s once the index is in the page cache). TDB2's
        // indexes are such records; the decoding walk only keeps another kind of index working.
        Iterator<?> all = index instanceof TupleIndexRecord records && records.getRangeIndex() instanceof BPlusTree tree
                ? tree.iterator(null, null, (bytes, entry, key, factory) -> Boolean.TRUE)
                : index.all();
        long n = 0;
        while (n <= limit && all.hasNext()) {
            all.next();
            if (++n % 65_536 == 0 && closed) throw new IllegalStateException("the store was closed while counting");
        }
        return n;
    }

    @Override
    public void close() {
        closed = true;
        try {
            countAtStart.join(java.time.Duration.ofSeconds(10)); // it stops within 65,536 index entries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (copy != null) copy.close();
        if (slices != null) slices.close();
        dataset.close();
        TDBInternal.expel(tdb.asDatasetGraph(), true);
    }

    private static void removeOtherVersions(Path root, Path keep) {
        try (Stream<Path> dirs = Files.list(root)) {
            // The tenants' own database (TenantStore.DIRECTORY) lives under the same root and outlives every data version.
            dirs.filter(Files::isDirectory).filter(d -> !d.equals(keep))
                    .filter(d -> !d.getFileName().toString().equals("tenants")).forEach(d -> {
                log.info("Removing store of an older data version: {}", d);
                deleteRecursively(d);
            });
        } catch (IOException e) {
            log.warn("Could not clean old store versions under {}: {}", root, e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
