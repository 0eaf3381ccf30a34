package org.crosswalk.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Heavy queries step aside while a light one runs, and only then, and never for more than half their time.
 * A TDB2 store on disk with 200 triples; the heavy query is a three-way cross product (8 million rows
 * counted), the kind the door's heavy lane exists for.
 */
class LightFirstTest {
    private static final String HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    private Dataset dataset;
    private final LightFirst lightFirst = new LightFirst();

    @BeforeEach
    void store() {
        dataset = TDB2Factory.connectDataset(TestStores.newStoreRoot("light-first").toString());
        Txn.executeWrite(dataset, () -> {
            var m = dataset.getDefaultModel();
            for (int i = 0; i < 200; i++) m.add(m.createResource("urn:x:s" + i), m.createProperty("urn:x:p"), "o" + i);
        });
        QC.setFactory(dataset.getContext(), lightFirst.executorFactory());
    }

    @AfterEach
    void close() {
        dataset.close();
    }

    /** The heavy query's count, run as the door runs a query of the heavy lane. */
    private long runHeavy() {
        lightFirst.heavyStarted();
        try {
            return runUnmarked();
        } finally {
            lightFirst.heavyFinished();
        }
    }

    /** The same query, run as any query not admitted to the heavy lane (the REST API's, the light lane's). */
    private long runUnmarked() {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(HEAVY).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    @Test
    void aHeavyQueryRunsThroughWhenNothingLightRuns() {
        assertThat(runHeavy()).isEqualTo(8_000_000L);
        assertThat(lightFirst.yields()).isZero();
    }

    @Test
    void aHeavyQueryStepsAsideWhileALightOneRunsButIsNotStarved() throws Exception {
        lightFirst.lightStarted(); // a light query that never ends: the worst case for the heavy one
        try {
            long started = System.nanoTime();
            long n = CompletableFuture.supplyAsync(this::runHeavy).get(120, TimeUnit.SECONDS);
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(n).as("the same answer").isEqualTo(8_000_000L);
            assertThat(lightFirst.yields()).as("stepped aside").isPositive();
            // At most half of its time, plus the one park that may begin just under the half.
            assertThat(lightFirst.yieldedMillis()).isLessThanOrEqualTo(elapsedMillis / 2 + TimeUnit.NANOSECONDS.toMillis(LightFirst.MAX_PARK));
        } finally {
            lightFirst.lightFinished();
        }
    }

    @Test
    void queriesNotMarkedHeavyAreNeverHeldBack() throws Exception {
        lightFirst.lightStarted();
        try {
            long n = CompletableFuture.supplyAsync(this::runUnmarked).get(120, TimeUnit.SECONDS);
            assertThat(n).isEqualTo(8_000_000L);
            assertThat(lightFirst.yields()).isZero();
        } finally {
            lightFirst.lightFinished();
        }
    }
}
