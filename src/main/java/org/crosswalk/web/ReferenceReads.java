package org.crosswalk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.store.DataGeneration;
import org.crosswalk.store.StoreUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Conditional requests and caching for reads of the public reference data (GET/HEAD under /api, except
 * health, profiles, tenant and admin, and never with an Authorization header: private answers are not
 * for shared caches and get {@code Cache-Control: no-store}).
 *
 * <p>The answer to a read is a function of the data and of the request, so the strong ETag is a hash of
 * the data generation (the store's data version plus every committed write) and of the method, path,
 * query string and Accept header. It is known before anything is computed: an If-None-Match that names
 * it gets 304 at once, without running a query. Last-Modified is the latest authoring date in the data
 * (pav:authoredOn of the mappings, dct:issued and ELI dates of the acts), taken once per generation.
 * Vary: Accept on every such read (the same URL gives JSON or CSV).
 */
@Component
class ReferenceReads extends OncePerRequestFilter {
    private final CrosswalkStore store;
    private final DataGeneration generation;
    private final String cacheControl;
    private volatile Dated dated;

    private record Dated(String generation, Instant lastModified) {}

    ReferenceReads(CrosswalkStore store, DataGeneration generation,
            @Value("${crosswalk.cache.max-age:5m}") Duration maxAge) {
        this.store = store;
        this.generation = generation;
        // Public reference data that changes only when an administrator imports or accepts mappings: shared
        // caches may keep it a few minutes, then must ask again (cheap: 304 on an unchanged generation).
        this.cacheControl = "public, max-age=" + maxAge.toSeconds() + ", must-revalidate";
    }

    static boolean privateRead(HttpServletRequest r) {
        String path = r.getRequestURI();
        return r.getHeader(HttpHeaders.AUTHORIZATION) != null || path.startsWith("/api/profiles")
                || path.startsWith("/api/tenant") || path.startsWith("/api/admin");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest r) {
        return !r.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        String path = request.getRequestURI();
        if (privateRead(request)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            chain.doFilter(request, response);
            return;
        }
        if (!read || path.equals("/api/health") || path.startsWith("/api/openapi.json") || path.startsWith("/api/docs")) {
            if (read) response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            chain.doFilter(request, response);
            return;
        }
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        Dated d;
        try {
            d = dated();
        } catch (StoreUnavailableException e) {
            chain.doFilter(request, response); // the answer will say 503 itself
            return;
        }
        String etag = etag(d.generation(), request);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            validators(response, etag, d);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == HttpServletResponse.SC_OK) validators(wrapper, etag, d);
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    private void validators(HttpServletResponse response, String etag, Dated d) {
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, d.lastModified().toEpochMilli());
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) return true;
        }
        return false;
    }

    static String etag(String generation, HttpServletRequest r) {
        String method = r.getMethod().equals("HEAD") ? "GET" : r.getMethod(); // HEAD describes the GET
        String accept = r.getHeader(HttpHeaders.ACCEPT);
        String key = generation + '\n' + method + '\n' + r.getRequestURI() + '\n' + (r.getQueryString() == null ? "" : r.getQueryString())
                + '\n' + (accept == null ? "" : accept);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Dated dated() {
        String gen = store.read(conn -> generation.current());
        Dated d = dated;
        if (d != null && d.generation().equals(gen)) return d;
        Instant latest = store.read(ReferenceReads::latestDate);
        d = new Dated(gen, latest);
        dated = d;
        return d;
    }

    /** The latest authoring or publication date in the data that is not in the future. */
    private static Instant latestDate(RDFConnection conn) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String q = """
                PREFIX pav: <http://purl.org/pav/>
                PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX eli: <http://data.europa.eu/eli/ontology#>
                SELECT (MAX(STR(?d)) AS ?latest) WHERE {
                  VALUES ?p { pav:authoredOn dct:issued dct:modified eli:date_document eli:date_publication }
                  ?s ?p ?d FILTER(SUBSTR(STR(?d), 1, 10) <= "%s")
                }""".formatted(today);
        try (var exec = conn.query(q)) {
            var rs = exec.execSelect();
            if (rs.hasNext()) {
                QuerySolution s = rs.next();
                if (s.contains("latest")) {
                    String v = s.getLiteral("latest").getLexicalForm();
                    return LocalDate.parse(v.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
            }
        }
        return Instant.EPOCH;
    }
}
