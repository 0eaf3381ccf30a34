package org.crosswalk.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code q=0} in Accept means "not this" (RFC 9110 §12.4.2), which Spring's content negotiation does
 * not honour (it only orders by q). The refused types are taken out of Accept before Spring sees it, a
 * wildcard next to them is narrowed to the API's other types, and when nothing is left the answer is
 * 406 problem+json at once.
 */
@Component
class AcceptQuality extends OncePerRequestFilter {
    /** What the API's answers can be given as by negotiation (downloads choose by file extension). */
    private static final List<String> OFFERED = List.of("application/json", "text/csv");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith("/api/") || accept == null || !accept.contains("q=0");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> kept = new ArrayList<>();
        Set<String> refused = new LinkedHashSet<>();
        for (String entry : request.getHeader(HttpHeaders.ACCEPT).split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) continue;
            if (e.replaceAll("\\s", "").matches("(?i).*;q=0(\\.0{0,3})?(;.*)?$")) refused.add(e.split(";")[0].strip().toLowerCase());
            else kept.add(e);
        }
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        List<String> narrowed = new ArrayList<>();
        for (String e : kept) {
            String type = e.split(";")[0].strip().toLowerCase();
            if (type.endsWith("/*")) {
                String prefix = type.equals("*/*") ? "" : type.substring(0, type.length() - 1);
                for (String offered : OFFERED) if (offered.startsWith(prefix) && !refused.contains(offered)) narrowed.add(offered);
            } else {
                narrowed.add(e);
            }
        }
        if (narrowed.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Not acceptable\",\"status\":406,\"detail\":"
                    + org.crosswalk.security.WebHeaders.json("Accept refuses (q=0) every media type it names: "
                            + String.join(", ", refused) + "; this API offers application/json and, for lists, text/csv.")
                    + ",\"instance\":" + org.crosswalk.security.WebHeaders.json(request.getRequestURI()) + "}");
            return;
        }
        String accept = String.join(", ", narrowed);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept)) : super.getHeaders(name);
            }
        }, response);
    }
}
