package org.crosswalk.operations;

import org.crosswalk.CrosswalkProperties;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.store.RemoteStore;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What an operator needs beside the answers: the store in the readiness probe, store size and state as
 * metrics (request rates/latencies per endpoint come from Spring's http.server.requests, query times
 * from {@code crosswalk.query}), and SPARQL query logging switched by one setting.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    /** Component "store" of /actuator/health, in the readiness group (application.properties). */
    @Bean
    StoreHealthIndicator storeHealthIndicator(CrosswalkStore store) {
        return new StoreHealthIndicator(store);
    }

    @Bean
    MeterBinder storeMetrics(CrosswalkStore store) {
        return registry -> {
            Gauge.builder("crosswalk.store.triples", store, CrosswalkStore::tripleCount)
                    .description("Triples of reference data in the store").register(registry);
            Gauge.builder("crosswalk.store.ready", store, s -> s instanceof RemoteStore r && r.state() != RemoteStore.State.READY ? 0 : 1)
                    .description("1 while the store answers with this service's data version").register(registry);
        };
    }

    /**
     * crosswalk.log-queries=true logs every SPARQL query at INFO (the endpoint's request log and each
     * named query with its time); off by default, so a busy service or a test run does not fill its log.
     */
    @Bean
    QueryLogging queryLogging(CrosswalkProperties props) {
        LoggingSystem logging = LoggingSystem.get(OperationsConfiguration.class.getClassLoader());
        LogLevel level = props.logQueries() ? LogLevel.INFO : LogLevel.WARN;
        for (String logger : QueryLogging.LOGGERS) logging.setLogLevel(logger, level);
        return new QueryLogging(props.logQueries());
    }

    /** Whether SPARQL queries are logged (a bean so the setting is visible in /actuator/beans and tests). */
    public record QueryLogging(boolean enabled) {
        static final String[] LOGGERS = {"org.apache.jena.fuseki.Fuseki", "org.crosswalk.queries.NamedQueryRunner"};
    }
}
