package org.crosswalk;

import java.time.Instant;

import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.security.SecurityProperties;
import org.crosswalk.security.SparqlAccess;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.tenancy.ProfileInput;
import org.crosswalk.tenancy.Profiles;
import org.crosswalk.tenancy.TenantDirectory;
import org.crosswalk.tenancy.RemoteTenantStore;
import org.crosswalk.tenancy.TenantGraphs;
import org.crosswalk.tenancy.TenantStore;
import org.crosswalk.store.RemoteDataset;
import org.crosswalk.store.StoreUnavailableException;
import org.crosswalk.tenancy.TenantView;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tenant side: the tenants' database (beside the reference store, or in the remote store), tokens, profiles, the per-tenant view. */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    /**
     * Embedded: the tenants' TDB2 database beside the reference store. Remote: a dataset of the remote store
     * (its own, never the reference data's), so every replica sees the same tenants, tokens and profiles.
     */
    @Bean(destroyMethod = "close")
    TenantGraphs tenantStore(CrosswalkProperties props) {
        if (!"remote".equals(props.store())) return TenantStore.open(props.storeDir());
        String[] urls = props.remote().tenantEndpoints();
        return new RemoteTenantStore(new RemoteDataset(urls[0], urls[1], props.remote().username(), props.remote().password(),
                props.queryTimeout()));
    }

    @Bean
    TenantDirectory tenantDirectory(TenantGraphs store) {
        return new TenantDirectory(store);
    }

    @Bean
    Profiles profiles(TenantGraphs store) {
        Profiles profiles = new Profiles(store);
        try {
            int purged = profiles.purgeExpired(Instant.now());
            if (purged > 0) LoggerFactory.getLogger(Profiles.class).info("Purged {} profile(s) deleted more than 30 days ago", purged);
        } catch (StoreUnavailableException e) {
            // A remote store that is down at start must not stop the service: the purge runs at the next start.
            LoggerFactory.getLogger(Profiles.class).warn("Expired deleted profiles not purged ({}): the next start tries again", e.getMessage());
        }
        return profiles;
    }

    @Bean
    TenantView tenantView(CrosswalkStore store, TenantGraphs tenants) {
        // The in-JVM reference data (with its text index): the embedded store (its in-memory copy or slice
        // when it keeps one), or a remote store's local copy.
        return new TenantView(store, tenants);
    }

    @Bean
    SparqlAccess sparqlAccess(SecurityProperties props, TenantDirectory directory) {
        return new SparqlAccess(props, directory);
    }

    @Bean
    ProfileInput profileInput(RequirementIndex index, @Value("${crosswalk.profiles.max-statements:5000}") int maxStatements) {
        return new ProfileInput(index, maxStatements);
    }
}
