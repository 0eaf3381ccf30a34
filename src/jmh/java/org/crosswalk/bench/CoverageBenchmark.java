package org.crosswalk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.Holdings;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.answers.Views.CoverageAnswer;
import org.crosswalk.answers.Views.Filters;
import org.crosswalk.answers.Views.RequirementStatus;
import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.GraphBuilder;
import org.crosswalk.queries.NamedQueryLibrary;
import org.crosswalk.queries.NamedQueryRunner;
import org.crosswalk.store.EmbeddedStore;
import org.crosswalk.store.DataGeneration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Coverage of EU AI Act by ISO/IEC 42001 held as a whole, three ways, on the real data in a fresh TDB2
 * store: the plain Java rule ({@link PlainCoverage}, the limit), the API path with its result cache off
 * (queries/coverage.rq on the store as the service opens it — reading its in-memory copy of the reference
 * data once built — plus shaping: what a first call costs, without HTTP) and the API path as served (the
 * same with the result cache on); the cache-off path also for a provider of a high-risk system.
 * Run from the project root: {@code bench/jmh.sh} (see bench/RESULTS.md); {@code bench/jmh.sh -prof jfr}
 * records where the time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CoverageBenchmark {
    private static final String SOURCE = "iso42001", TARGET = "eu-ai-act";
    private static final Holdings HELD = Holdings.wholeFramework(SOURCE);
    private static final Filters NO_FILTER = new Filters(null, null, null);
    /** Issue 12's cold-latency question: the obligations of a provider of a high-risk system. */
    private static final Filters PROVIDER_HIGH_RISK = new Filters("provider", "high-risk", null);

    private Path storeRoot;
    private EmbeddedStore store;
    private PlainCoverage plain;
    private CrosswalkAnswers uncached, cached;

    @Setup
    public void setUp() throws Exception {
        storeRoot = Files.createTempDirectory("crosswalk-jmh-");
        DataSources sources = new DataSources(Path.of("ontology"), Path.of("mappings"));
        store = EmbeddedStore.open(storeRoot, sources.version(), () -> GraphBuilder.build(sources));
        NamedQueryLibrary library = NamedQueryLibrary.load(Path.of("queries"));
        RequirementIndex index = RequirementIndex.load(store);
        DataGeneration generation = DataGeneration.of(store);
        uncached = new CrosswalkAnswers(new NamedQueryRunner(store, library, Duration.ofSeconds(30)), index);
        cached = new CrosswalkAnswers(new NamedQueryRunner(store, library, Duration.ofSeconds(30),
                generation::current, 100_000, io.micrometer.core.instrument.Metrics.globalRegistry), index);
        plain = PlainCoverage.load(store.dataset(), SOURCE, TARGET);
        requireSameAnswer();
    }

    /** Nothing is measured unless the plain rule and the named query agree on every requirement. */
    private void requireSameAnswer() {
        Map<String, PlainCoverage.Status> byQuery = new HashMap<>();
        for (RequirementStatus r : uncached.coverage(HELD, TARGET, NO_FILTER).requirements()) {
            byQuery.put(r.iri(), new PlainCoverage.Status(r.status(), r.leaves().full(), r.leaves().partial(),
                    r.leaves().none(), r.leaves().total()));
        }
        Map<String, PlainCoverage.Status> byJava = plain.compute(LocalDate.now());
        if (!byJava.equals(byQuery)) {
            Map<String, String> diff = new HashMap<>();
            byQuery.forEach((k, v) -> { if (!v.equals(byJava.get(k))) diff.put(k, v + " vs plain " + byJava.get(k)); });
            byJava.forEach((k, v) -> { if (!byQuery.containsKey(k)) diff.put(k, "only in plain: " + v); });
            throw new IllegalStateException("plain Java and coverage.rq disagree on " + diff.size() + " requirements, e.g. "
                    + diff.entrySet().stream().limit(5).toList());
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        store.close();
        try (var s = Files.walk(storeRoot)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Map<String, PlainCoverage.Status> plainJava() {
        return plain.compute(LocalDate.now());
    }

    @Benchmark
    public CoverageAnswer namedQueryCacheOff() {
        return uncached.coverage(HELD, TARGET, NO_FILTER);
    }

    /** The same path for a provider of a high-risk system (issue 12's cold coverage figure, without HTTP). */
    @Benchmark
    public CoverageAnswer namedQueryCacheOffProviderHighRisk() {
        return uncached.coverage(HELD, TARGET, PROVIDER_HIGH_RISK);
    }

    @Benchmark
    public CoverageAnswer namedQueryAsServed() {
        return cached.coverage(HELD, TARGET, NO_FILTER);
    }
}
