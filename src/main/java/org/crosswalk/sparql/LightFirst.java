package org.crosswalk.sparql;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * Cheap queries first: while a light-lane query runs, heavy-lane queries step aside.
 *
 * <p>Lanes bound how many heavy queries run, but the ones admitted still take every core: on a 2-core
 * machine two heavy queries left an {@code ASK {}} waiting 250-550 ms for a CPU and for the garbage
 * collections their allocation caused (bench/RESULTS.md, SPARQL door). Thread priorities cannot help
 * (Linux ignores Java's, and {@code nice} does not stop allocation), so the heavy queries yield
 * cooperatively: every operator's output in a heavy query passes a checkpoint, and at a checkpoint a heavy
 * query that sees a light one running parks until it has finished (at most {@link #MAX_PARK} at a time).
 *
 * <p>Heavy queries are not starved by a stream of light ones: a heavy query yields at most half of the
 * time it has run, so a busy light lane at most doubles its time (its timeout still applies).
 * The checkpoints sit between operators: the join inside one basic graph pattern is a single operator, so
 * a multi-pattern pattern that works long between two rows it produces (a cross product filtered down to
 * few rows, say) yields only when it produces one.
 */
final class LightFirst {
    /** Checkpoints between two looks at the light lane: one volatile read per this many rows. */
    private static final int ROWS_PER_LOOK = 256;
    static final long MAX_PARK = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long POLL = TimeUnit.MICROSECONDS.toNanos(200);

    /** The heavy query the current request thread runs, if any (Fuseki runs a query on its request's thread). */
    private static final ThreadLocal<HeavyQuery> CURRENT = new ThreadLocal<>();

    private final AtomicInteger lightRunning = new AtomicInteger();
    private final AtomicLong yields = new AtomicLong(), yieldedNanos = new AtomicLong();

    void lightStarted() {
        lightRunning.incrementAndGet();
    }

    void lightFinished() {
        lightRunning.decrementAndGet();
    }

    /** Marks the calling thread as running a heavy query until {@link #heavyFinished()}. */
    void heavyStarted() {
        CURRENT.set(new HeavyQuery(System.nanoTime()));
    }

    void heavyFinished() {
        CURRENT.remove();
    }

    /** How often heavy queries stepped aside, and for how long in total. */
    long yields() {
        return yields.get();
    }

    long yieldedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(yieldedNanos.get());
    }

    /**
     * The executor for queries on the door's dataset: TDB2's own (which hands graphs that are not TDB2's to
     * ARQ's standard one, as for the text index's wrapper), with a checkpoint after every operator of a
     * heavy query. Queries not marked heavy (the light lane, the REST API's named queries on the same
     * store) get the iterators unwrapped.
     */
    OpExecutorFactory executorFactory() {
        return execCxt -> new OpExecutorTDB2(execCxt) {
            @Override
            protected QueryIterator exec(Op op, QueryIterator input) {
                QueryIterator out = super.exec(op, input);
                HeavyQuery heavy = CURRENT.get();
                return heavy == null ? out : new Checkpoint(out, execCxt, heavy);
            }
        };
    }

    private final class HeavyQuery {
        final long started;
        long yielded;
        int rows;

        HeavyQuery(long started) {
            this.started = started;
        }

        /** @param cancelled the query's cancel signal (its timeout), or null: a cancelled query does not wait */
        void checkpoint(AtomicBoolean cancelled) {
            if (++rows % ROWS_PER_LOOK != 0 || lightRunning.get() == 0) return;
            long now = System.nanoTime();
            if (2 * yielded >= now - started) return;
            long until = now + MAX_PARK;
            while (lightRunning.get() > 0 && System.nanoTime() < until && !Thread.currentThread().isInterrupted()
                    && (cancelled == null || !cancelled.get())) LockSupport.parkNanos(POLL);
            long parked = System.nanoTime() - now;
            yielded += parked;
            yields.incrementAndGet();
            yieldedNanos.addAndGet(parked);
        }
    }

    /** Passes rows through unchanged; looks at the light lane on the way. */
    private static final class Checkpoint extends QueryIter1 {
        private final HeavyQuery heavy;
        /** The query's cancel signal (set by its timeout), or null. */
        private final AtomicBoolean cancelled;

        Checkpoint(QueryIterator input, ExecutionContext execCxt, HeavyQuery heavy) {
            super(input, execCxt);
            this.heavy = heavy;
            this.cancelled = execCxt.getCancelSignal();
        }

        @Override
        protected boolean hasNextBinding() {
            heavy.checkpoint(cancelled);
            return getInput().hasNext();
        }

        @Override
        protected Binding moveToNextBinding() {
            return getInput().nextBinding();
        }

        @Override
        protected void requestSubCancel() {}

        @Override
        protected void closeSubIterator() {}
    }
}
