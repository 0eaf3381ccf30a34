package org.crosswalk.security;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes per credential (API token, or JWT subject) are limited: one client in a loop cannot starve the
 * store's single writer for everyone else. Above the limit: 429 with Retry-After in whole seconds, and
 * nothing is written. Reads are not counted here.
 */
final class WriteRateLimit extends OncePerRequestFilter {
    private final RateLimiterRegistry registry;
    private final Duration period;

    WriteRateLimit(int perPeriod, Duration period) {
        this.period = period;
        this.registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(perPeriod).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String m = request.getMethod();
        return m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS") || !request.getRequestURI().startsWith("/api/profiles");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof TenantAuthentication t) {
            RateLimiter limiter = registry.rateLimiter(t.tenant() + "|" + t.agent());
            if (!limiter.acquirePermission()) {
                long nanos = limiter instanceof AtomicRateLimiter a ? a.getDetailedMetrics().getNanosToWait() : period.toNanos();
                long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
                response.setHeader("Retry-After", Long.toString(seconds));
                SecurityConfiguration.problem(response, HttpStatus.TOO_MANY_REQUESTS, "Too many writes",
                        "This credential has made more writes than crosswalk.security.writes-per-period allows; retry after "
                                + seconds + " s. Nothing was written.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
