package org.crosswalk.web;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The servlet container's error path (an error the container reports itself, forwarded to /error), in
 * place of Spring Boot's default JSON ({"status":999,...}): problem+json with the status the container
 * set. Asked for directly, /error is not a resource: 404.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {
    private final org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    ProblemErrorController(@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /** The methods the operations at this path support (for a 405 that the container answered itself, e.g. TRACE). */
    private String allowed(String uri) {
        java.util.Set<String> methods = new java.util.TreeSet<>();
        var path = org.springframework.http.server.PathContainer.parsePath(uri);
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var patterns = info.getPathPatternsCondition();
            if (patterns != null && patterns.getPatterns().stream().anyMatch(p -> p.matches(path))) {
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            }
        });
        if (methods.contains("GET")) methods.add("HEAD");
        if (!methods.isEmpty()) methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        // An error dispatch does not pass Spring Security's header writer: the same headers as every response.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", org.crosswalk.security.WebHeaders.CONTENT_SECURITY_POLICY);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null && i >= 400 ? HttpStatus.resolve(i) : null;
        ProblemDetail pd;
        if (status == null) {
            status = HttpStatus.NOT_FOUND;
            pd = ProblemDetail.forStatusAndDetail(status, "There is nothing at /error.");
            pd.setTitle("Not found");
        } else {
            pd = ProblemDetail.forStatusAndDetail(status, status.getReasonPhrase() + ".");
            pd.setTitle(status.getReasonPhrase());
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (uri instanceof String s) {
                pd.setInstance(java.net.URI.create(s.replace(" ", "%20")));
                if (status == HttpStatus.METHOD_NOT_ALLOWED) {
                    String allow = allowed(s);
                    response.setHeader("Allow", allow);
                    pd.setDetail("This method is not supported here" + (allow.isEmpty() ? "." : "; this resource supports " + allow + "."));
                    pd.setTitle("Method not allowed");
                }
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
