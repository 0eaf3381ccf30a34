package org.crosswalk.web;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs before the exception handlers and presets the error's media type to application/problem+json,
 * so the problem is written whatever Accept says: without it, a request with {@code Accept: text/html}
 * or {@code Accept: bogus} whose handler failed got its 4xx status with an empty body (Spring found no
 * converter for the problem in an accepted type). Resolves nothing itself.
 */
@Component
class ProblemContentType implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getRequestURI().startsWith("/api/") && !response.isCommitted()) {
            response.setContentType(OpenApiDocumentation.PROBLEM_JSON);
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
