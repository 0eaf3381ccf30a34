package org.crosswalk.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * limit/offset on the list answers ({@link OpenApiDocumentation#PAGED}): an answer object keeps every field
 * it has (counts and summary are about the whole list) and its row list is cut to the page; an answer that
 * is a JSON array (the profiles, a profile's history) is itself cut to the page. Either way the response
 * says how many rows there are in all ({@code X-Total-Count}) and where the first, previous and next pages
 * are ({@code Link}, RFC 8288). Without limit the whole list comes, as before. The values are checked,
 * before the query runs, by {@link QueryParameterCheck}: a limit outside 1..{@value #MAX_LIMIT} or a
 * negative offset is a 400.
 */
@RestControllerAdvice
class Paging implements ResponseBodyAdvice<Object> {
    static final int MAX_LIMIT = 10_000;
    static final String ATTRIBUTE = Paging.class.getName();

    /** The row list of each paged answer (the first record component of one of these names). */
    private static final Set<String> ROWS = Set.of("requirements", "gaps", "hits", "mappings", "evidence");

    /** A page asked for; null limit: every row. */
    record Page(Integer limit, int offset) {}

    /** Parses limit and offset; throws InvalidParameter (400) when out of bounds. */
    static Page parse(HttpServletRequest request) {
        Integer limit = integer(request, "limit", 1, MAX_LIMIT);
        Integer offset = integer(request, "offset", 0, Integer.MAX_VALUE);
        return new Page(limit, offset == null ? 0 : offset);
    }

    private static Integer integer(HttpServletRequest request, String name, int min, int max) {
        String[] values = request.getParameterValues(name);
        if (values == null) return null;
        if (values.length > 1) throw new QueryParameterCheck.InvalidParameter(name, "give '" + name + "' once");
        try {
            long v = Long.parseLong(values[0].strip());
            if (v < min || v > max) throw new NumberFormatException();
            return (int) v;
        } catch (NumberFormatException e) {
            throw new QueryParameterCheck.InvalidParameter(name, "'" + name + "' must be an integer from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", not '" + values[0] + "'");
        }
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return returnType.getParameterType().isRecord() || List.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null || !(request instanceof ServletServerHttpRequest servlet)) return body;
        HttpServletRequest r = servlet.getServletRequest();
        if (!(r.getAttribute(ATTRIBUTE) instanceof Page page)) return body;
        if (body instanceof List<?> list) return cut(list, page, r, response);
        try {
            RecordComponent[] components = body.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            int rowsAt = -1;
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(body);
                types[i] = components[i].getType();
                if (rowsAt < 0 && ROWS.contains(components[i].getName()) && values[i] instanceof List<?>) rowsAt = i;
            }
            if (rowsAt < 0) return body;
            List<?> rows = (List<?>) values[rowsAt];
            List<?> paged = cut(rows, page, r, response);
            if (paged == rows) return body;
            values[rowsAt] = paged;
            Constructor<?> canonical = body.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot page " + body.getClass().getSimpleName(), e);
        }
    }

    /** The page of {@code rows} asked for (the list itself when that is all of it), with X-Total-Count and Link set. */
    private static List<?> cut(List<?> rows, Page page, HttpServletRequest r, ServerHttpResponse response) {
        int total = rows.size();
        int from = Math.min(page.offset(), total);
        int to = page.limit() == null ? total : (int) Math.min((long) from + page.limit(), total);
        response.getHeaders().set("X-Total-Count", Integer.toString(total));
        if (page.limit() != null) response.getHeaders().set("Link", links(r, page, total));
        return from == 0 && to == total ? rows : List.copyOf(rows.subList(from, to));
    }

    private static String links(HttpServletRequest r, Page page, int total) {
        int limit = page.limit();
        String query = r.getQueryString();
        UriComponentsBuilder base = UriComponentsBuilder.fromPath(r.getRequestURI()).query(query);
        StringBuilder b = new StringBuilder();
        append(b, base, limit, 0, "first");
        if (page.offset() > 0) append(b, base, limit, Math.max(0, page.offset() - limit), "prev");
        if ((long) page.offset() + limit < total) append(b, base, limit, page.offset() + limit, "next");
        int last = total == 0 ? 0 : ((total - 1) / limit) * limit;
        append(b, base, limit, last, "last");
        return b.toString();
    }

    private static void append(StringBuilder b, UriComponentsBuilder base, int limit, int offset, String rel) {
        if (!b.isEmpty()) b.append(", ");
        String uri = base.cloneBuilder().replaceQueryParam("limit", limit).replaceQueryParam("offset", offset).build().toUriString();
        b.append('<').append(uri).append(">; rel=\"").append(rel).append('"');
    }

    /** Whether "METHOD pattern" of this request is a paged list (the pattern Spring matched). */
    static boolean paged(HttpServletRequest r) {
        Object pattern = r.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String method = "HEAD".equals(r.getMethod()) ? "GET" : r.getMethod();
        return pattern != null && OpenApiDocumentation.PAGED.contains(method + " " + pattern);
    }
}
