package org.crosswalk.operations;

import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.store.RemoteStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The store as the readiness probe sees it: the embedded store is ready once opened; a remote store is
 * ready only while its monitor last reached it and found this service's data version. Liveness never
 * includes it: a store outage must take replicas out of the load balancer, not restart them.
 */
public final class StoreHealthIndicator implements HealthIndicator {
    private final CrosswalkStore store;

    public StoreHealthIndicator(CrosswalkStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        if (store instanceof RemoteStore remote) {
            Health.Builder b = remote.state() == RemoteStore.State.READY ? Health.up() : Health.outOfService();
            return b.withDetail("mode", "remote")
                    .withDetail("state", remote.state().name())
                    .withDetail("queryUrl", remote.endpoints().queryUrl())
                    .withDetail("dataVersion", store.version())
                    .withDetail("storedVersion", String.valueOf(remote.storedVersion()))
                    .withDetail("pushedOnStart", remote.pushedOnStart())
                    .build();
        }
        return Health.up().withDetail("mode", "embedded").withDetail("dataVersion", store.version()).build();
    }
}
