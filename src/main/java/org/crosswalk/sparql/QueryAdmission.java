package org.crosswalk.sparql;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The door in front of Fuseki: every request to the dataset passes here before Fuseki reads a byte of it.
 *
 * <ul>
 * <li><b>Size.</b> A query text over {@code maxQueryBytes}, in any form (GET query string, POST
 * {@code application/sparql-query} body, form body, any other body), is answered 413 at once: a declared
 * Content-Length over the limit is refused unread, a body without one is read up to the limit and no
 * further. Nothing over the limit is ever buffered or parsed.</li>
 * <li><b>Time.</b> Fuseki parses a query before it starts the query timeout. The request handed to
 * Fuseki answers its {@code timeout} parameter with what is left of the budget counted from arrival (whole
 * seconds, rounded up: the only unit Fuseki reads there), at
 * the moment Fuseki asks (after it parsed), and Fuseki takes the smaller of that and the configured
 * timeout: waiting, reading, parsing and planning are inside the budget. Parsing itself is bounded by the
 * size limit (1 MB parses in about a second).</li>
 * <li><b>Concurrency, in two lanes.</b> A query whose text is short and whose algebra has at most one
 * triple pattern, no property path, no EXISTS and no SERVICE costs at most one index scan: it runs in the
 * light lane ({@code lightConcurrency} at once, with the shorter {@code lightTimeout}). Everything else
 * runs in the heavy lane ({@code heavyConcurrency} at once). Beyond a lane's bound the answer is an
 * immediate 503 with {@code Retry-After}; nothing queues, so a request never waits behind heavy ones,
 * and heavy queries can fill only their own lane, never the light one. A light query finding its lane
 * full may use a free heavy slot. Lanes rather than per-client limits: every client of a shared endpoint
 * (and every test here) may come from one address behind a proxy, and a per-client bound would refuse
 * the cheap query of a client that also runs heavy ones.</li>
 * <li><b>Cheap queries first.</b> The admitted heavy queries still take every core; while a light query
 * runs they step aside ({@link LightFirst}).</li>
 * <li>{@code GET /sparql} or {@code /query} without a query is a 400 saying so.</li>
 * </ul>
 */
public final class QueryAdmission implements Filter {
    /** Queries up to this many characters are parsed here to see whether they belong to the light lane. */
    static final int LIGHT_MAX_CHARS = 2048;

    /** The limits; {@code heavyConcurrency} 0 means the number of processors (at least 2). */
    public record Limits(long maxQueryBytes, int heavyConcurrency, int lightConcurrency, Duration timeout, Duration lightTimeout) {
        public static Limits defaults(Duration timeout) {
            return new Limits(1024 * 1024, 0, 2, timeout, Duration.ofSeconds(2));
        }

        int effectiveHeavy() {
            return heavyConcurrency > 0 ? heavyConcurrency : Math.max(2, Runtime.getRuntime().availableProcessors());
        }
    }

    /** What the door did, for operations and for the tests (read in-process). */
    public static final class Counters {
        final AtomicLong admitted = new AtomicLong(), light = new AtomicLong(), tooLarge = new AtomicLong(),
                busy = new AtomicLong(), noQuery = new AtomicLong(), bytesRead = new AtomicLong();

        public long admitted() { return admitted.get(); }
        public long admittedLight() { return light.get(); }
        public long refusedTooLarge() { return tooLarge.get(); }
        public long refusedBusy() { return busy.get(); }
        public long refusedNoQuery() { return noQuery.get(); }
        /** Request-body bytes this door has read in total (a refused body is not read past the limit). */
        public long bodyBytesRead() { return bytesRead.get(); }
        /** How often an admitted heavy query stepped aside for a light one, and for how long in all ({@link LightFirst}). */
        public long heavyYields() { return lightFirst.yields(); }
        public long heavyYieldedMillis() { return lightFirst.yieldedMillis(); }
        private final LightFirst lightFirst;

        Counters(LightFirst lightFirst) {
            this.lightFirst = lightFirst;
        }
    }

    private final String datasetPath;
    private final Limits limits;
    private final Semaphore heavy, light;
    private final LightFirst lightFirst = new LightFirst();
    private final Counters counters = new Counters(lightFirst);

    public QueryAdmission(String datasetPath, Limits limits) {
        this.datasetPath = datasetPath;
        this.limits = limits;
        this.heavy = new Semaphore(limits.effectiveHeavy());
        this.light = new Semaphore(Math.max(1, limits.lightConcurrency()));
    }

    public Counters counters() {
        return counters;
    }

    public Limits limits() {
        return limits;
    }

    /** The query executor that makes admitted heavy queries step aside for light ones ({@link LightFirst}). */
    org.apache.jena.sparql.engine.main.OpExecutorFactory executorFactory() {
        return lightFirst.executorFactory();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!path.equals(datasetPath) && !path.startsWith(datasetPath + "/")) {
            chain.doFilter(request, response);
            return;
        }
        long arrived = System.nanoTime();
        long max = limits.maxQueryBytes();

        // 1. Size, before anything reads the body.
        String queryString = req.getQueryString();
        if (queryString != null && queryString.length() > max) {
            tooLarge(resp, "the query string has " + queryString.length() + " bytes");
            return;
        }
        long declared = req.getContentLengthLong();
        if (declared > max) {
            tooLarge(resp, "the request body has " + declared + " bytes");
            return;
        }
        byte[] body = null;
        if (declared > 0 || req.getHeader("Transfer-Encoding") != null) {
            body = readAtMost(req.getInputStream(), max);
            if (body == null) {
                tooLarge(resp, "the request body has more");
                return;
            }
        }

        // 2. The query text, wherever it is.
        Map<String, List<String>> params = parse(queryString);
        String contentType = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        boolean form = body != null && contentType.startsWith("application/x-www-form-urlencoded");
        if (form) parse(new String(body, StandardCharsets.UTF_8)).forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        String query = params.containsKey("query") && !params.get("query").isEmpty() ? params.get("query").get(0)
                : body != null && contentType.startsWith("application/sparql-query") ? new String(body, StandardCharsets.UTF_8) : null;
        if (query == null) {
            if (req.getMethod().equals("GET") && (path.endsWith("/sparql") || path.endsWith("/query"))) {
                counters.noQuery.incrementAndGet();
                text(resp, 400, "No query: send the SPARQL query in the 'query' parameter (GET or a form POST), "
                        + "or as the body of a POST with Content-Type application/sparql-query.");
                return;
            }
            chain.doFilter(new Admitted(req, body, form ? params : null, 0), response); // not a query (UI, graph read)
            return;
        }

        // 3. A lane, or 503 at once.
        boolean cheap = query.length() <= LIGHT_MAX_CHARS && light(query);
        Semaphore lane = cheap && light.tryAcquire() ? light : heavy.tryAcquire() ? heavy : null;
        if (lane == null) {
            counters.busy.incrementAndGet();
            resp.setHeader("Retry-After", "1");
            text(resp, 503, "The SPARQL endpoint is busy: every slot for this kind of query is taken. Try again in a second.");
            return;
        }
        boolean isLight = lane == light;
        if (isLight) lightFirst.lightStarted(); else lightFirst.heavyStarted();
        try {
            counters.admitted.incrementAndGet();
            if (isLight) counters.light.incrementAndGet();
            long budget = (isLight ? limits.lightTimeout() : limits.timeout()).toNanos();
            chain.doFilter(new Admitted(req, body, form ? params : null, arrived + budget), response);
        } finally {
            if (isLight) lightFirst.lightFinished(); else lightFirst.heavyFinished();
            lane.release();
        }
    }

    /** At most one triple pattern, no path, EXISTS or SERVICE: one index scan at most. Unparseable counts as light (Fuseki answers 400 at once). */
    static boolean light(String text) {
        if (text.toUpperCase(Locale.ROOT).contains("EXISTS")) return false;
        Query q;
        try {
            q = QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (RuntimeException parseError) {
            return true;
        }
        int[] patterns = {0};
        boolean[] heavyOp = {false};
        Op op = Algebra.compile(q);
        OpWalker.walk(op, new OpVisitorBase() {
            @Override public void visit(OpBGP b) { patterns[0] += b.getPattern().size(); }
            @Override public void visit(OpTriple t) { patterns[0]++; }
            @Override public void visit(OpQuadPattern p) { patterns[0] += p.getBasicPattern().size(); }
            @Override public void visit(OpPath p) { heavyOp[0] = true; }
            @Override public void visit(OpService s) { heavyOp[0] = true; }
        });
        return !heavyOp[0] && patterns[0] <= 1;
    }

    private byte[] readAtMost(InputStream in, long max) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            counters.bytesRead.addAndGet(n);
            if (total > max) return null;
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private void tooLarge(HttpServletResponse resp, String what) throws IOException {
        counters.tooLarge.incrementAndGet();
        // The rest of the body is not read: the connection is closed after this answer.
        resp.setHeader("Connection", "close");
        text(resp, 413, "Query too large: " + what + "; the limit is " + limits.maxQueryBytes()
                + " bytes (crosswalk.sparql.max-query-size). Nothing was parsed.");
    }

    /**
     * The door's own short answers, written as bytes with their length. Not through {@code getWriter()}: under
     * a burst of refusals while heavy queries ran, Jetty's writer path cost 2-16 ms of CPU per 503 (thread CPU
     * time, measured in the door) against 0.15 ms for the same bytes through the output stream, and those
     * milliseconds were what a cheap query waited for.
     */
    private static void text(HttpServletResponse resp, int status, String message) throws IOException {
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.setContentLength(bytes.length);
        var out = resp.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    static Map<String, List<String>> parse(String urlEncoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (urlEncoded == null || urlEncoded.isEmpty()) return out;
        for (String pair : urlEncoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException badEncoding) {
                // left out, as a servlet container leaves out what it cannot decode
            }
        }
        return out;
    }

    /**
     * The request as Fuseki sees it: the body already read (bounded), form parameters from that body, and
     * a {@code timeout} parameter that is what remains of the budget when Fuseki asks for it.
     */
    static final class Admitted extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Map<String, List<String>> form;
        private final long deadline;

        Admitted(HttpServletRequest request, byte[] body, Map<String, List<String>> form, long deadline) {
            super(request);
            this.body = body;
            this.form = form;
            this.deadline = deadline;
        }

        private Map<String, List<String>> params() {
            Map<String, List<String>> p = form != null ? new LinkedHashMap<>(form) : new LinkedHashMap<>();
            if (form == null) super.getParameterMap().forEach((k, v) -> p.put(k, List.of(v)));
            if (deadline != 0) {
                // Fuseki reads this parameter as whole seconds (Timeouts.parseTimeoutStr, Long.parseLong):
                // a fraction would be refused with a warning and the budget silently lost. So the budget
                // left is rounded up to the second (rounding down would cut a 2 s timeout to 1 s), with one
                // second as the least Fuseki can be given: a query whose budget is already spent when
                // Fuseki asks still gets that second. It never runs longer than the configured timeout
                // counted from the start of its execution (Fuseki takes the smaller).
                long left = Math.max(1, ceilSeconds((deadline - System.nanoTime()) / 1e9));
                List<String> asked = p.get("timeout");
                long timeout = left;
                if (asked != null && !asked.isEmpty()) {
                    try {
                        double wanted = Double.parseDouble(asked.get(0));
                        // Fuseki reads 0 or less as "no timeout of the client's own": ours applies then.
                        if (Double.isFinite(wanted) && wanted > 0) timeout = Math.max(1, Math.min(left, ceilSeconds(wanted)));
                    } catch (NumberFormatException e) {
                        // a client's unreadable timeout ("1,5", text) is replaced by ours
                    }
                }
                p.put("timeout", List.of(Long.toString(timeout)));
            }
            return p;
        }

        private static long ceilSeconds(double seconds) {
            return (long) Math.ceil(Math.min(seconds, Long.MAX_VALUE / 2.0));
        }

        @Override public String getParameter(String name) {
            List<String> v = params().get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        @Override public Map<String, String[]> getParameterMap() {
            Map<String, String[]> m = new LinkedHashMap<>();
            params().forEach((k, v) -> m.put(k, v.toArray(String[]::new)));
            return Collections.unmodifiableMap(m);
        }

        @Override public Enumeration<String> getParameterNames() {
            return Collections.enumeration(params().keySet());
        }

        @Override public String[] getParameterValues(String name) {
            List<String> v = params().get(name);
            return v == null ? null : v.toArray(String[]::new);
        }

        @Override public ServletInputStream getInputStream() throws IOException {
            if (body == null) return super.getInputStream();
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
            };
        }

        @Override public BufferedReader getReader() throws IOException {
            if (body == null) return super.getReader();
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
