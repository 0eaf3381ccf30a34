package org.crosswalk.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A stand-in identity provider for tests: an RSA key set published as a local JWK set file (what the
 * service trusts), a second key nobody trusts, and signed JWTs. Plus an administrator token and its hash.
 */
final class TenantKeys {
    static final String ISSUER = "https://idp.example.test";
    static final String ADMIN_TOKEN = "cwadmin_test-administrator-token";
    static final String ADMIN_HASH = new BCryptPasswordEncoder(4).encode(ADMIN_TOKEN);

    final RSAKey trusted;
    final RSAKey untrusted;
    final Path jwkSetFile;

    TenantKeys() {
        try {
            trusted = new RSAKeyGenerator(2048).keyID("trusted").generate();
            untrusted = new RSAKeyGenerator(2048).keyID("trusted").generate(); // same kid, other key: a forgery
            jwkSetFile = Files.createTempFile("crosswalk-jwks-", ".json");
            Files.writeString(jwkSetFile, new JWKSet(trusted.toPublicJWK()).toString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jwt(RSAKey key, String tenant, String scope, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice@" + tenant)
                    .claim("tenant", tenant).claim("scope", scope).issueTime(new Date())
                    .expirationTime(Date.from(expires)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
