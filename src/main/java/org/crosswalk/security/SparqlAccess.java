package org.crosswalk.security;

import java.io.IOException;

import org.crosswalk.tenancy.TenantDirectory;
import org.springframework.http.HttpStatus;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may use the public SPARQL endpoint (Fuseki, its own port, outside Spring Security): everyone by
 * default; with {@code crosswalk.security.require-token-for-reference} only callers with a valid API
 * token of any tenant. The endpoint serves reference data only, so the token opens nothing more.
 */
public final class SparqlAccess {
    private final boolean requireToken;
    private final TenantDirectory directory;

    public SparqlAccess(SecurityProperties props, TenantDirectory directory) {
        this.requireToken = props.requireTokenForReference();
        this.directory = directory;
    }

    /** The servlet filter to put in front of the endpoint, or null when it stays open. */
    public Filter filter() {
        if (!requireToken) return null;
        return (request, response, chain) -> {
            String header = ((HttpServletRequest) request).getHeader("Authorization");
            String token = header == null ? null : header.replaceFirst("(?i)^Bearer\\s+", "");
            if (directory.verify(token).isPresent()) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse r = (HttpServletResponse) response;
            r.setHeader("WWW-Authenticate", "Bearer");
            writeProblem(r);
        };
    }

    private static void writeProblem(HttpServletResponse r) throws IOException {
        SecurityConfiguration.problem(r, HttpStatus.UNAUTHORIZED, "Authentication required",
                "This endpoint needs an API token (crosswalk.security.require-token-for-reference is on).");
    }
}
