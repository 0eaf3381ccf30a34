package org.crosswalk.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every response of both ports carries (the REST port through Spring Security, the SPARQL
 * port through {@link #sparqlFilter()}): nosniff, no framing, no referrer, and a Content-Security-Policy
 * that allows the pages' own scripts, styles and images only (inline style attributes are used by the web
 * view's bars and by the Swagger and Fuseki UIs; no inline script anywhere). And CORS, configurable with
 * {@code crosswalk.cors.allowed-origins} (default {@code *}; empty turns CORS off): reads of the public
 * reference data from a browser on another origin, never with credentials.
 */
@Component
public class WebHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /**
     * The SPARQL port serves Apache Jena's Fuseki UI, whose query editor (YASGUI, bundled) builds functions
     * with {@code new Function}: 'unsafe-eval' there, and only there; still no inline or foreign script.
     */
    public static final String SPARQL_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'");
    static final List<String> EXPOSED = List.of("ETag", "Last-Modified", "Link", "X-Total-Count", "Retry-After", "Content-Disposition", "Location");

    private final List<String> origins;

    /** A JSON string literal. */
    public static String json(String s) {
        return SecurityConfiguration.json(s);
    }

    public WebHeaders(@Value("${crosswalk.cors.allowed-origins:*}") List<String> origins) {
        this.origins = origins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    private CorsConfiguration config(List<String> methods, List<String> headers) {
        CorsConfiguration c = new CorsConfiguration();
        if (origins.equals(List.of("*"))) c.setAllowedOrigins(origins); // a literal "*": the same answer for every origin
        else c.setAllowedOriginPatterns(origins);
        c.setAllowedMethods(methods);
        c.setAllowedHeaders(headers);
        c.setExposedHeaders(EXPOSED);
        c.setAllowCredentials(false);
        c.setMaxAge(3600L);
        return c;
    }

    /** REST: GET/HEAD/OPTIONS on the reference data; nothing on profiles, tenant and admin. */
    CorsConfigurationSource restCors() {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (origins.isEmpty()) return source;
        // Authorization: with crosswalk.security.require-token-for-reference a browser tool sends its API
        // token as a bearer header (a header it sets, not a browser credential: credentials stay off).
        CorsConfiguration reads = config(List.of("GET", "HEAD", "OPTIONS"), List.of("Accept", "Authorization", "If-None-Match", "If-Modified-Since"));
        return request -> {
            String path = request.getRequestURI();
            if (!path.startsWith("/api/") || path.startsWith("/api/profiles") || path.startsWith("/api/tenant")
                    || path.startsWith("/api/admin")) return null;
            return reads;
        };
    }

    /**
     * SPARQL port: the same security headers on every answer, and CORS for queries (GET and POST: on this
     * read-only endpoint a POST is a query too) without credentials. The Fuseki admin read-outs
     * ($/stats, $/datasets, $/server) are not public: 404 from outside the machine (loopback only, where the
     * bundled query UI's server runs them for an operator).
     */
    public Filter sparqlFilter() {
        CorsConfiguration queries = origins.isEmpty() ? null
                : config(List.of("GET", "HEAD", "POST", "OPTIONS"), List.of("Accept", "Authorization", "Content-Type"));
        DefaultCorsProcessor processor = new DefaultCorsProcessor();
        return (req, res, chain) -> {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Content-Security-Policy", SPARQL_CONTENT_SECURITY_POLICY);
            if (queries != null && request.getRequestURI().startsWith("/crosswalk")) {
                if (!processor.processRequest(queries, request, response)) return; // a refused origin
                if (org.springframework.web.cors.CorsUtils.isPreFlightRequest(request)) return;
            }
            chain.doFilter(req, res);
        };
    }

}
