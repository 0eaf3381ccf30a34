package org.crosswalk;

import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.GraphBuilder;
import org.crosswalk.graph.LiveReload;
import org.crosswalk.imports.FrameworkImporter;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.suggest.Review;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The parts that change the data while the service runs: importing a framework, reviewing mapping
 * suggestions. Both write files (the data stays the files), then serve the rebuilt graph at once.
 */
@Configuration(proxyBeanMethods = false)
public class CurationConfiguration {

    /**
     * Applies a rebuilt, validated graph to the running service's reference data (the in-JVM dataset the
     * queries and the SPARQL door read) and re-reads the ids. With a remote store (issue 15) the files are
     * written all the same and the store takes them on its next load.
     */
    public record ServedData(CrosswalkStore store, RequirementIndex index) {
        public synchronized void serve(GraphBuilder.BuiltGraph graph) {
            LiveReload.apply(store.endpointDataset(), graph);
            index.reload(store);
        }
    }

    @Bean
    ServedData servedData(CrosswalkStore store, RequirementIndex index) {
        return new ServedData(store, index);
    }

    @Bean
    Review review(DataSources sources, @Value("${crosswalk.suggestions-dir:suggestions}") java.nio.file.Path dir) {
        return new Review(sources, dir.toAbsolutePath());
    }

    @Bean
    FrameworkImporter frameworkImporter(DataSources sources, @Value("${crosswalk.max-import-size:32MB}") DataSize max) {
        return new FrameworkImporter(sources, max.toBytes());
    }
}
