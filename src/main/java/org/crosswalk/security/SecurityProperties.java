package org.crosswalk.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code crosswalk.security.*}.
 *
 * @param requireTokenForReference when true, the reference-data REST endpoints need a token too (default: open, read-only)
 * @param adminTokenHash           bcrypt hash of the administrator token (the CLI's {@code admin new-admin-token}
 *                                 prints a token and its hash); empty: the admin endpoints refuse everyone
 * @param writesPerPeriod          writes one token (or JWT subject) may make per {@code writePeriod}; above it, 429
 * @param writePeriod              the period of that limit
 * @param jwt                      the OAuth2/OIDC resource-server mode (off when neither key set is given)
 */
@ConfigurationProperties("crosswalk.security")
public record SecurityProperties(
        @DefaultValue("false") boolean requireTokenForReference,
        @DefaultValue("") String adminTokenHash,
        @DefaultValue("20") int writesPerPeriod,
        @DefaultValue("1s") Duration writePeriod,
        @DefaultValue Jwt jwt) {

    /**
     * @param jwkSetUri   the identity provider's JWK set URL
     * @param jwkSetFile  a JWK set in a local file (an IdP's keys copied by hand, or test keys)
     * @param issuer      required {@code iss}, when set
     * @param audience    required {@code aud} entry, when set
     * @param tenantClaim the claim naming the tenant
     * @param writeScope  the scope (in {@code scope} or {@code scp}) that allows writes; without it a JWT reads only
     */
    public record Jwt(
            @DefaultValue("") String jwkSetUri,
            @DefaultValue("") String jwkSetFile,
            @DefaultValue("") String issuer,
            @DefaultValue("") String audience,
            @DefaultValue("tenant") String tenantClaim,
            @DefaultValue("crosswalk:write") String writeScope) {

        public boolean enabled() {
            return !jwkSetUri.isBlank() || !jwkSetFile.isBlank();
        }
    }
}
