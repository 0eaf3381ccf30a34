package org.crosswalk.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.crosswalk.tenancy.TenantDirectory;
import org.crosswalk.tenancy.TenantDirectory.Scope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may use which door. Reference data (catalogues, mappings, answers for posted profiles, exports)
 * stays open and read-only unless {@code crosswalk.security.require-token-for-reference}; stored
 * profiles and the tenant SPARQL endpoint need a bearer credential: an API token ({@code cwt_…}, checked
 * against its bcrypt hash in the tenant store) or, in resource-server mode, a JWT from the organisation's
 * identity provider whose tenant claim names a known tenant. Reading needs scope read, writing read-write;
 * the admin endpoints need the administrator token. Stateless: no session, no cookie, so no CSRF surface.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {
    /** Administrator tokens start with this (API tokens with TenantDirectory.PREFIX); the CLI mints them. */
    public static final String ADMIN_PREFIX = "cwadmin_";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties props, TenantDirectory directory,
            WebHeaders webHeaders) throws Exception {
        AuthenticationManagerResolver<HttpServletRequest> resolver = managers(props, directory);
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Caching headers are the REST layer's business (ETag on profiles, reference answers).
                // nosniff and X-Frame-Options DENY are Spring Security's defaults; CSP and Referrer-Policy
                // are the same on both ports (WebHeaders).
                .headers(h -> h.cacheControl(c -> c.disable())
                        .contentSecurityPolicy(c -> c.policyDirectives(WebHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                // Browser-based tools may read the public reference data from any configured origin, never
                // with credentials; the tenant and admin doors get no CORS at all.
                .cors(c -> c.configurationSource(webHeaders.restCors()))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/api/admin/**").hasRole("ADMIN");
                    a.requestMatchers(HttpMethod.GET, "/api/profiles", "/api/profiles/**").hasAuthority(TenantAuthentication.READ);
                    a.requestMatchers(HttpMethod.HEAD, "/api/profiles", "/api/profiles/**").hasAuthority(TenantAuthentication.READ);
                    a.requestMatchers("/api/profiles", "/api/profiles/**").hasAuthority(TenantAuthentication.WRITE);
                    a.requestMatchers("/api/tenant/**").hasAuthority(TenantAuthentication.READ);
                    // Importing a framework and writing or reviewing suggestions change the shared reference
                    // data (files under ontology/, mappings/, suggestions/): an administrator's act.
                    a.requestMatchers(HttpMethod.POST, "/api/imports/**", "/api/suggestions/**").hasRole("ADMIN");
                    if (props.requireTokenForReference()) a.anyRequest().authenticated();
                    else a.anyRequest().permitAll();
                })
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(resolver)
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
                .addFilterAfter(new WriteRateLimit(props.writesPerPeriod(), props.writePeriod()), AuthorizationFilter.class);
        return http.build();
    }

    /** cwt_… → API token; cwadmin_… → administrator; anything else → JWT (when that mode is on). */
    private static AuthenticationManagerResolver<HttpServletRequest> managers(SecurityProperties props, TenantDirectory directory) {
        AuthenticationManager apiTokens = auth -> {
            String token = ((BearerTokenAuthenticationToken) auth).getToken();
            return directory.verify(token)
                    .map(h -> (org.springframework.security.core.Authentication) new TenantAuthentication(h.tenant(), "token:" + h.tokenId(), h.scope()))
                    .orElseThrow(() -> new InvalidBearerTokenException("The API token is unknown, revoked or wrong"));
        };
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        String adminHash = props.adminTokenHash().strip();
        AuthenticationManager admin = auth -> {
            String token = ((BearerTokenAuthenticationToken) auth).getToken();
            if (adminHash.isEmpty() || !bcrypt.matches(token, adminHash)) {
                throw new InvalidBearerTokenException("The administrator token is wrong (or crosswalk.security.admin-token-hash is not set)");
            }
            AbstractAuthenticationToken a = new AbstractAuthenticationToken(AuthorityUtils.createAuthorityList("ROLE_ADMIN")) {
                @Override public Object getCredentials() { return ""; }
                @Override public Object getPrincipal() { return "admin"; }
            };
            a.setAuthenticated(true);
            return a;
        };
        AuthenticationManager jwt = props.jwt().enabled() ? jwtManager(props.jwt(), directory)
                : auth -> { throw new InvalidBearerTokenException("Not an API token, and JWT sign-in is not configured"); };
        return request -> {
            String header = request.getHeader("Authorization");
            String token = header == null ? "" : header.replaceFirst("(?i)^Bearer\\s+", "");
            if (token.startsWith(TenantDirectory.PREFIX)) return apiTokens;
            if (token.startsWith(ADMIN_PREFIX)) return admin;
            return jwt;
        };
    }

    private static AuthenticationManager jwtManager(SecurityProperties.Jwt cfg, TenantDirectory directory) {
        NimbusJwtDecoder decoder;
        if (!cfg.jwkSetFile().isBlank()) {
            try {
                JWKSet keys = JWKSet.parse(Files.readString(Path.of(cfg.jwkSetFile())));
                decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys)).build();
            } catch (IOException | ParseException e) {
                throw new IllegalStateException("crosswalk.security.jwt.jwk-set-file: cannot read a JWK set from "
                        + cfg.jwkSetFile() + ": " + e.getMessage(), e);
            }
        } else {
            decoder = NimbusJwtDecoder.withJwkSetUri(cfg.jwkSetUri()).build();
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(cfg.issuer().isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(cfg.issuer()));
        if (!cfg.audience().isBlank()) {
            validators.add(j -> j.getAudience() != null && j.getAudience().contains(cfg.audience())
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not for audience " + cfg.audience(), null)));
        }
        validators.add(j -> directory.tenantExists(j.getClaimAsString(cfg.tenantClaim()))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token's " + cfg.tenantClaim()
                        + " claim names no tenant of this service", null)));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        JwtDecoder d = decoder;
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(d);
        provider.setJwtAuthenticationConverter(j -> {
            Collection<String> scopes = new ArrayList<>();
            Object scope = j.getClaims().get("scope");
            if (scope instanceof String s) scopes.addAll(List.of(s.split(" ")));
            Object scp = j.getClaims().get("scp");
            if (scp instanceof Collection<?> c) c.forEach(x -> scopes.add(String.valueOf(x)));
            Scope granted = scopes.contains(cfg.writeScope()) ? Scope.READ_WRITE : Scope.READ;
            return new TenantAuthentication(j.getClaimAsString(cfg.tenantClaim()), "jwt:" + j.getSubject(), granted);
        });
        return provider::authenticate;
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problem(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "This door needs a valid bearer credential (an API token or a JWT): " + e.getMessage());
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "Not allowed",
                "The credential does not allow this (a read token cannot write; only the administrator token reaches /api/admin).");
    }

    static void problem(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status.value()
                + ",\"detail\":" + json(detail) + "}");
    }

    /** A JSON string literal of s (Jackson's escaping), for the few problem bodies written before Spring MVC. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        tools.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s, b);
        return b.append('"').toString();
    }
}
