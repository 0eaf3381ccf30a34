package org.crosswalk.tenancy;

import java.nio.file.Path;

import org.crosswalk.support.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running service (random ports, a fresh TDB2 store on disk) shared by the tenant test classes:
 * identical settings, so Spring starts it once for all of them. Each test makes its own tenants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TenantServiceTest {
    static final TenantKeys KEYS = new TenantKeys();
    static final Path BACKUPS = TestStores.newStoreRoot("backups");
    /** Writes per credential per minute: low enough for a test to pass it, high enough for every other test. */
    static final int WRITES_PER_MINUTE = 12;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("tenants").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
        registry.add("crosswalk.backup-dir", BACKUPS::toString);
        registry.add("crosswalk.profiles.max-statements", () -> "40");
        registry.add("crosswalk.security.writes-per-period", () -> Integer.toString(WRITES_PER_MINUTE));
        registry.add("crosswalk.security.write-period", () -> "60s");
        registry.add("crosswalk.security.admin-token-hash", () -> TenantKeys.ADMIN_HASH);
        registry.add("crosswalk.security.jwt.jwk-set-file", () -> KEYS.jwkSetFile.toString());
        registry.add("crosswalk.security.jwt.issuer", () -> TenantKeys.ISSUER);
    }
}
