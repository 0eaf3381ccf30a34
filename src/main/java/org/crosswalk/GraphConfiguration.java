package org.crosswalk;

import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.GraphBuilder;
import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.store.EmbeddedStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the parts in the order they depend on each other: data files → validated graph → store →
 * SPARQL endpoint. Spring only holds them; none of them knows about Spring.
 */
@Configuration(proxyBeanMethods = false)
public class GraphConfiguration {

    @Bean
    DataSources dataSources(CrosswalkProperties props) {
        return new DataSources(props.ontologyDir(), props.mappingsDir());
    }

    @Bean(destroyMethod = "close")
    CrosswalkStore crosswalkStore(CrosswalkProperties props, DataSources sources) {
        return EmbeddedStore.open(props.storeDir(), sources.version(), () -> GraphBuilder.build(sources));
    }

    @Bean(destroyMethod = "close")
    SparqlEndpoint sparqlEndpoint(CrosswalkProperties props, CrosswalkStore store) {
        // The analysts' door serves the in-JVM dataset (with its text index and query lock-down).
        return SparqlEndpoint.start(store.endpointDataset(), props.sparqlPort(), props.queryTimeout());
    }
}
