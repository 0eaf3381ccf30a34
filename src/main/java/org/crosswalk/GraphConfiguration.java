package org.crosswalk;

import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.GraphBuilder;
import org.crosswalk.security.SparqlAccess;
import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.store.CrosswalkStore;
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
        return CrosswalkStore.open(props.storeDir(), sources.version(), () -> GraphBuilder.build(sources));
    }

    @Bean(destroyMethod = "close")
    SparqlEndpoint sparqlEndpoint(CrosswalkProperties props, CrosswalkStore store, SparqlAccess access) {
        return SparqlEndpoint.start(store.dataset(), props.sparqlPort(), props.queryTimeout(), access.filter());
    }
}
