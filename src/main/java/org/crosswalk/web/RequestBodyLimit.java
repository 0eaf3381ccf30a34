package org.crosswalk.web;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Request bodies (organisation profiles, evidence lists) above {@code crosswalk.max-request-body}
 * (default 1MB, tens of thousands of profile rows) get 413: without a cap a multi-megabyte profile held
 * a worker for seconds while every row was resolved. A body that announces a larger length is refused
 * before it is read; a chunked one is cut off when it passes the limit ({@link TooLarge}, which
 * {@link ProblemHandler} turns into the same 413).
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {
    /** Thrown while reading a body that has passed the limit. */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final long maxBytes;
    /** Framework catalogues are larger than profiles (NIST SP 800-53 HIGH: 2 MB): their own limit. */
    private final long maxImportBytes;

    RequestBodyLimit(@Value("${crosswalk.max-request-body:1MB}") DataSize max,
            @Value("${crosswalk.max-import-size:32MB}") DataSize maxImport) {
        this.maxBytes = max.toBytes();
        this.maxImportBytes = maxImport.toBytes();
    }

    static String detail(long limit) {
        return "The request body is larger than the limit of " + limit + " bytes (crosswalk.max-request-body).";
    }

    /**
     * The web view's profile upload (POST /overlap) has the same limit through the multipart settings
     * (application.properties), answered with a page a person can read instead of problem+json.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = request.getRequestURI().startsWith("/api/imports/") ? maxImportBytes : this.maxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request body too large\",\"status\":413,\"detail\":\""
                    + detail(maxBytes) + "\"}");
            return;
        }
        chain.doFilter(new Capped(request, maxBytes), response);
    }

    /** The request with an input stream that stops at the limit. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    private void count(long n) throws TooLarge {
                        if (n > 0 && (read += n) > limit) throw new TooLarge(limit);
                    }

                    @Override public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) count(1);
                        return b;
                    }

                    @Override public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        count(n);
                        return n;
                    }

                    @Override public boolean isFinished() { return in.isFinished(); }
                    @Override public boolean isReady() { return in.isReady(); }
                    @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
                };
            }
            return stream;
        }
    }
}
