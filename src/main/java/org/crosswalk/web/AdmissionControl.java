package org.crosswalk.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.crosswalk.CrosswalkProperties;
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
 * Admission control for the REST API: at most {@code concurrency} requests are answered at once, at most
 * {@code queue} more wait (up to {@code max-wait}) for a turn, and anything beyond is refused at once with
 * 503 and {@code Retry-After}. Without it every request queues on the CPU: under 200 connections all of
 * them slow down together until they hit the query timeout. With it, the requests that are served keep
 * their normal latency plus at most the bounded wait, and the others learn at once when to come back.
 * {@code /api/health} is never queued, so monitoring sees the service alive while it sheds load.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AdmissionControl extends OncePerRequestFilter {
    /** Seconds a refused client is asked to wait: one turn of a full queue is well under that. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final Semaphore turns;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int queue;
    private final long maxWaitNanos;

    public AdmissionControl(CrosswalkProperties props) {
        CrosswalkProperties.Admission a = props.admission();
        this.turns = new Semaphore(a.effectiveConcurrency(props.store()), true);
        this.queue = a.queue();
        this.maxWaitNanos = a.maxWait().toNanos();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || path.equals("/api/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!turns.tryAcquire()) {
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                refuse(response, "the queue of waiting requests is full");
                return;
            }
            boolean admitted;
            try {
                admitted = turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                admitted = false;
            } finally {
                waiting.decrementAndGet();
            }
            if (!admitted) {
                refuse(response, "no turn came within " + Duration.ofNanos(maxWaitNanos).toMillis() + " ms");
                return;
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    private static void refuse(HttpServletResponse response, String why) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service busy\",\"status\":503,\"detail\":\"The service is answering "
                + "as many requests as it can; " + why + ". Retry after " + RETRY_AFTER_SECONDS + " s.\"}");
    }
}
