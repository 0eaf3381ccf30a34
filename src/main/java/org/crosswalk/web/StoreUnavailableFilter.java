package org.crosswalk.web;

import java.io.IOException;

import org.crosswalk.CrosswalkProperties;
import org.crosswalk.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The store cannot answer, and the request failed outside a controller: in Spring Security's filters
 * (checking an API token reads the tenant store, which in remote mode is the SPARQL store) or in any
 * other filter. Without this the servlet container would answer 500; the caller gets what a controller
 * gets ({@link ProblemHandler}): 503 problem+json with {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class StoreUnavailableFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableFilter.class);
    private final long retryAfterSeconds;

    public StoreUnavailableFilter(CrosswalkProperties props) {
        this.retryAfterSeconds = Math.max(1, props.remote().retryInterval().toSeconds());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            StoreUnavailableException cause = unavailable(e);
            if (cause == null || response.isCommitted()) throw e;
            log.warn("503: {}", cause.getMessage());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Store unavailable\",\"status\":503,\"detail\":"
                    + org.crosswalk.security.WebHeaders.json("The graph store cannot answer now: " + cause.getMessage() + ". Retry later.")
                    + ",\"instance\":" + org.crosswalk.security.WebHeaders.json(request.getRequestURI()) + "}");
        }
    }

    static StoreUnavailableException unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException s) return s;
        }
        return null;
    }
}
