package org.crosswalk.web;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A query parameter the operation does not know is a 400 naming it, never silently ignored: a typo such as
 * {@code ?taget=nist-ai-rmf} would otherwise answer a different question than the one asked. The known
 * names are the operation's {@code @RequestParam}s, {@code format} (CSV by content negotiation) and, on
 * paged lists, {@code limit} and {@code offset} (checked here too, before any query runs). An operation
 * taking every parameter as a map (the named-query runner) checks its own.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameterCheck implements WebMvcConfigurer {

    /** A query parameter that is not known, or whose value is out of bounds. */
    static final class InvalidParameter extends RuntimeException {
        final String parameter;
        final Collection<String> allowed;

        InvalidParameter(String parameter, String message) {
            this(parameter, message, null);
        }

        InvalidParameter(String parameter, String message, Collection<String> allowed) {
            super(message);
            this.parameter = parameter;
            this.allowed = allowed;
        }
    }

    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!(handler instanceof HandlerMethod method)) return true;
                Set<String> names = known.computeIfAbsent(method, QueryParameterCheck::names);
                if (names == null || names.contains("*")) return true;
                boolean paged = Paging.paged(request);
                Set<String> query = queryNames(request.getQueryString());
                for (String name : query) {
                    if (names.contains(name) || name.equals("format") || (paged && (name.equals("limit") || name.equals("offset")))) continue;
                    Set<String> allowed = new TreeSet<>(names);
                    if (paged) allowed.addAll(Set.of("limit", "offset"));
                    throw new InvalidParameter(name, "Unknown query parameter '" + name + "'"
                            + (allowed.isEmpty() ? ": this operation takes none" : "; this operation takes " + String.join(", ", allowed)), allowed);
                }
                if (paged) request.setAttribute(Paging.ATTRIBUTE, Paging.parse(request));
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    private static Set<String> names(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter p : method.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp == null) continue;
            if (Map.class.isAssignableFrom(p.getParameterType())) names.add("*");
            String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
            names.add(name);
        }
        return names;
    }

    /** The parameter names in the query string only (not a form body), decoded. */
    private static Set<String> queryNames(String query) {
        Set<String> names = new java.util.LinkedHashSet<>();
        if (query == null || query.isEmpty()) return names;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String raw = eq < 0 ? pair : pair.substring(0, eq);
            try {
                names.add(java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter(raw, "A query parameter name is not valid percent-encoded UTF-8");
            }
        }
        return names;
    }
}
