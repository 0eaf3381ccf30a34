package org.crosswalk;

import java.time.Instant;

import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.security.SecurityProperties;
import org.crosswalk.security.SparqlAccess;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.tenancy.ProfileInput;
import org.crosswalk.tenancy.Profiles;
import org.crosswalk.tenancy.TenantDirectory;
import org.crosswalk.tenancy.TenantStore;
import org.crosswalk.tenancy.TenantView;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tenant side: the tenants' database beside the reference store, tokens, profiles, the per-tenant view. */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    @Bean(destroyMethod = "close")
    TenantStore tenantStore(CrosswalkProperties props) {
        return TenantStore.open(props.storeDir());
    }

    @Bean
    TenantDirectory tenantDirectory(TenantStore store) {
        return new TenantDirectory(store);
    }

    @Bean
    Profiles profiles(TenantStore store) {
        Profiles profiles = new Profiles(store);
        int purged = profiles.purgeExpired(Instant.now());
        if (purged > 0) LoggerFactory.getLogger(Profiles.class).info("Purged {} profile(s) deleted more than 30 days ago", purged);
        return profiles;
    }

    @Bean
    TenantView tenantView(CrosswalkStore store, TenantStore tenants) {
        // The in-JVM reference dataset (with its text index): the embedded store itself, or a remote store's local copy.
        return new TenantView(store.endpointDataset(), tenants);
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
