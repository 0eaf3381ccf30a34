package org.crosswalk.cli;

import java.nio.file.Path;
import java.time.Duration;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.NamedQueryCalls;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.export.Exports;
import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.GraphBuilder;
import org.crosswalk.queries.NamedQueryLibrary;
import org.crosswalk.queries.NamedQueryRunner;
import org.crosswalk.store.EmbeddedStore;

/**
 * The same parts the service wires with Spring, wired by hand for one command: the store (built from the
 * data directories when their content changed, reused otherwise), the named queries and the answers.
 */
final class Session implements AutoCloseable {
    final EmbeddedStore store;
    final NamedQueryRunner runner;
    final RequirementIndex index;
    final CrosswalkAnswers answers;
    final NamedQueryCalls calls;
    final Exports exports;

    private Session(EmbeddedStore store, NamedQueryRunner runner, RequirementIndex index) {
        this.store = store;
        this.runner = runner;
        this.index = index;
        this.answers = new CrosswalkAnswers(runner, index);
        this.calls = new NamedQueryCalls(runner, index);
        this.exports = new Exports(store, answers);
    }

    static Session open(DataOptions data) {
        DataSources sources = data.dirs.sources();
        try (Progress p = Progress.start("Loading", 3)) {
            p.step("validating data");
            EmbeddedStore store = EmbeddedStore.open(data.store, sources.version(), () -> GraphBuilder.build(sources));
            p.step("loading queries");
            NamedQueryRunner runner = new NamedQueryRunner(store, NamedQueryLibrary.load(data.queries), Duration.ofSeconds(data.timeoutSeconds));
            p.step("indexing ids");
            return new Session(store, runner, RequirementIndex.load(store));
        }
    }

    @Override
    public void close() {
        store.close();
    }

    /** Where the data files are; the defaults are the service's (run from the project root). */
    static final class DataDirs {
        @picocli.CommandLine.Option(names = "--ontology", defaultValue = "${sys:crosswalk.home:-.}/ontology", description = "Ontology directory (default: ${DEFAULT-VALUE})")
        Path ontology;
        @picocli.CommandLine.Option(names = "--mappings", defaultValue = "${sys:crosswalk.home:-.}/mappings", description = "Mapping sets directory (default: ${DEFAULT-VALUE})")
        Path mappings;

        DataSources sources() {
            return new DataSources(ontology, mappings);
        }
    }

    /** The data files, the named queries and the store a command works on. */
    static final class DataOptions {
        @picocli.CommandLine.Mixin
        DataDirs dirs = new DataDirs();
        @picocli.CommandLine.Option(names = "--queries", defaultValue = "${sys:crosswalk.home:-.}/queries", description = "Named queries directory (default: ${DEFAULT-VALUE})")
        Path queries;
        @picocli.CommandLine.Option(names = "--store", defaultValue = "${sys:crosswalk.home:-.}/target/cli-store", description = "Store directory (default: ${DEFAULT-VALUE}; kept apart from the service's store so both can run at once)")
        Path store;
        @picocli.CommandLine.Option(names = "--timeout", defaultValue = "60", description = "Query timeout in seconds (default: ${DEFAULT-VALUE})")
        int timeoutSeconds;
    }
}
