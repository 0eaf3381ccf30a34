package org.crosswalk.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory copy of the embedded store's data (the reference data in the default graph), which the
 * named queries read instead of TDB2. The reference data changes only on a reload (an import, an
 * accepted suggestion), so read-only hash-indexed in-memory graphs (Jena's GraphMemFast) answer the same queries with no B+tree
 * searches and no node-table decoding: measured on coverage ISO 42001 → EU AI Act, the query runs in
 * about half the time (bench/RESULTS.md, "Issue 12, afternoon").
 *
 * <p>TDB2 stays the store: the data on disk, the transactions, the SPARQL door, and the data version that
 * every cached answer is keyed by. The copy belongs to one TDB2 data version and is made in the background:
 * until the copy of the version a read sees is ready (on start, after a commit), that read goes to TDB2
 * itself, so an answer is never computed on other data than the version it is filed under, and neither a
 * start nor a write waits for a copy (613 k triples took 3.8 s to copy at the scale harness's 1×). Over
 * {@code maxTriples} there is no copy and queries read TDB2 (the scale harness's 100× would not fit a small
 * heap twice).
 *
 * <p>Full-text queries find the same Lucene index through the copy's context, as they do through TDB2.
 */
final class ReferenceCopy {
    private static final Logger log = LoggerFactory.getLogger(ReferenceCopy.class);

    private record Snapshot(long dataVersion, Dataset dataset) {}

    private final Dataset store;
    private final LongSupplier dataVersion;
    private final LongUnaryOperator countUpTo;
    private final long maxTriples;
    /** Told, inside the read, when a data version gets no copy because it is over the limit. */
    private final Runnable overTheLimit;
    private volatile Snapshot current;
    private final AtomicBoolean copying = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Thread worker;

    /**
     * @param store       the TDB2 dataset, possibly wrapped by jena-text
     * @param dataVersion TDB2's data version as the calling thread's read transaction sees it
     * @param countUpTo   the store's triples and quads as that read sees them, counted no further than the
     *                    limit given + 1 (a full count of a large store is what the limit is there to avoid)
     * @param overTheLimit run on the copying thread, in its read, when a data version is too large to copy
     */
    ReferenceCopy(Dataset store, LongSupplier dataVersion, LongUnaryOperator countUpTo, long maxTriples, Runnable overTheLimit) {
        this.store = store;
        this.dataVersion = dataVersion;
        this.countUpTo = countUpTo;
        this.maxTriples = maxTriples;
        this.overTheLimit = overTheLimit;
    }

    /**
     * The copy to read for the calling thread's read transaction on the store, or null when the store
     * itself must be read: over the size limit, an older transaction than the newest copy, or a newer one
     * whose copy is not made yet (this asks for it).
     */
    Dataset forThisRead() {
        long version = dataVersion.getAsLong();
        Snapshot s = current;
        if (s != null && s.dataVersion() == version) return s.dataset();
        if (s == null || s.dataVersion() < version) requestCopy();
        return null;
    }

    /**
     * True when the calling read's data version has no copy and will not get one (over the size limit, or
     * the copy failed); false while it may still come, or when it is there.
     */
    boolean noCopyOfThisRead() {
        Snapshot s = current;
        return s != null && s.dataVersion() == dataVersion.getAsLong() && s.dataset() == null;
    }

    /**
     * Makes a copy of the newest data version on a background thread, unless one is being made: one copy
     * at a time, and a read that finds the copy behind (a commit during the copy) asks again.
     */
    void requestCopy() {
        if (copying.get()) return; // the reads of a busy service pass here while a copy is made: no lock
        synchronized (this) { // with close(): a copy either starts before the store closes, and close waits for it, or not at all
            if (closed || !copying.compareAndSet(false, true)) return;
            worker = Thread.ofPlatform().daemon().name("reference-copy").start(this::copyNewestVersion);
        }
    }

    private void copyNewestVersion() {
        try {
            Txn.executeRead(store, () -> {
                long version = dataVersion.getAsLong();
                Snapshot s = current;
                if (s != null && s.dataVersion() >= version) return;
                Dataset copied = null;
                try {
                    copied = copy();
                } catch (RuntimeException e) {
                    if (closed) throw e;
                    // filed as "no copy" for this version, so reads do not ask again until the next commit
                    log.warn("No in-memory copy of data version {}: {}; queries read the store", version, e.toString());
                }
                current = new Snapshot(version, copied);
            });
        } catch (RuntimeException e) {
            // reads keep going to the store; a copy stopped because the store closes is not news
            if (!closed) log.warn("No in-memory copy of the store: {}", e.toString());
        } finally {
            copying.set(false);
        }
    }

    /** Copies the dataset as this read transaction sees it (null when it is over the limit). */
    private Dataset copy() {
        DatasetGraph from = store.asDatasetGraph();
        long size = countUpTo.applyAsLong(maxTriples);
        if (size > maxTriples) {
            if (current == null) {
                log.info("The store holds more than crosswalk.memory-copy-max-triples={} triples: queries read the store on disk", maxTriples);
            }
            overTheLimit.run();
            return null;
        }
        long start = System.nanoTime();
        // Every graph a GraphMemFast (Jena's default in-memory graph); named graphs too, so a read sees
        // exactly what the store holds (in the service they are empty: tenants have their own database).
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        long n = 0;
        for (var quads = from.find(); quads.hasNext(); ) {
            dsg.add(quads.next());
            if ((++n & 0xFFFF) == 0 && closed) throw new java.util.concurrent.CancellationException("the store closes");
        }
        dsg.prefixes().putAll(from.prefixes());
        // The store's own Context object, not a copy of it: the query rules set on it (timeouts, no
        // SERVICE, allowed functions, the guarded text:query — set when the SPARQL door starts, after this
        // copy is made) hold for the copy too, and text:query finds the store's Lucene index through it.
        if (from instanceof DatasetGraphText text) from.getContext().set(TextQuery.textIndex, text.getTextIndex());
        log.info("In-memory copy of the store for queries: {} triples in {} ms", size, (System.nanoTime() - start) / 1_000_000);
        return DatasetFactory.wrap(new DatasetGraphWrapper(dsg, from.getContext()));
    }

    /** Stops a copy being made (the store is about to close) and waits for it to let go of the store. */
    void close() {
        Thread w;
        synchronized (this) {
            closed = true;
            w = worker;
        }
        if (w == null) return;
        try {
            w.join(java.time.Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
