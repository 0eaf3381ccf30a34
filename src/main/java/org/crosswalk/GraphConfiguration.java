package org.crosswalk;

import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.GraphBuilder;
import org.crosswalk.security.SparqlAccess;
import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.store.EmbeddedStore;
import org.crosswalk.store.RemoteStore;
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

    /** crosswalk.store: embedded (TDB2 + Lucene on disk, the default) or remote (any SPARQL 1.1 store). */
    @Bean(destroyMethod = "close")
    CrosswalkStore crosswalkStore(CrosswalkProperties props, DataSources sources) {
        return switch (props.store()) {
            case "embedded" -> EmbeddedStore.open(props.storeDir(), sources.version(), () -> GraphBuilder.build(sources),
                    new EmbeddedStore.MemoryLimits(props.memoryCopyMaxTriples(), props.memorySlicesMaxTriples(),
                            props.memorySlicesPrepared()));
            // Always validated on start: the service keeps its own copy for full-text search and the id index.
            case "remote" -> RemoteStore.connect(props.remote().endpoints(), props.queryTimeout(),
                    props.remote().retryInterval(), GraphBuilder.build(sources));
            default -> throw new IllegalArgumentException("crosswalk.store must be 'embedded' or 'remote', not '" + props.store() + "'");
        };
    }

    /** The analysts' read-only door, over the store's in-JVM dataset (with the text index) in both modes. */
    @Bean(destroyMethod = "close")
    SparqlEndpoint sparqlEndpoint(CrosswalkProperties props, CrosswalkStore store, SparqlAccess access,
            org.crosswalk.security.WebHeaders webHeaders) {
        // The analysts' door serves the in-JVM dataset (with its text index and query lock-down); with
        // crosswalk.security.require-token-for-reference it needs an API token (SparqlAccess). Security
        // headers and CORS first, so that a refused request carries them too.
        jakarta.servlet.Filter headers = webHeaders.sparqlFilter();
        jakarta.servlet.Filter guard = access.filter();
        jakarta.servlet.Filter both = guard == null ? headers
                : (req, res, chain) -> headers.doFilter(req, res, (rq, rs) -> guard.doFilter(rq, rs, chain));
        var door = props.sparql();
        return SparqlEndpoint.start(store.endpointDataset(), props.sparqlPort(), props.queryTimeout(), both,
                new org.crosswalk.sparql.QueryAdmission.Limits(door.maxQuerySize().toBytes(), door.concurrency(),
                        door.lightConcurrency(), props.queryTimeout(), door.lightTimeout()));
    }
}
