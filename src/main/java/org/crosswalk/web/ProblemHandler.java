package org.crosswalk.web;

import java.net.URI;
import java.util.Set;

import org.apache.jena.query.QueryCancelledException;
import org.crosswalk.answers.InvalidInputException;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Every error as RFC 9457 problem+json that says what was wrong in the caller's terms: the unknown id
 * and the closest valid ones, the line or field of a malformed body. Never a stack trace.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** Retry-After of a 503 when the store cannot answer: the interval at which it is tried again. */
    private final java.time.Duration retryAfter;

    public ProblemHandler(org.crosswalk.CrosswalkProperties props) {
        this.retryAfter = props.remote().retryInterval();
    }

    /** An id in the URL path that does not exist: the resource is not there. */
    public static class NotFound extends RuntimeException {
        final UnknownIdException cause;

        public NotFound(UnknownIdException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }
    }

    /**
     * Runs an answer for a URL that names a resource: when the id that does not exist is one of
     * {@code resources} (what the URL names: a framework and a requirement in a requirement's path, the
     * requirement of a look-up), the resource is not there, 404. Any other unknown id stays what it is
     * everywhere, an unprocessable parameter, 422.
     */
    public static <T, E extends Exception> T unknownIsNotFound(Set<UnknownIdException.Thing> resources, Answer<T, E> answer) throws E {
        try {
            return answer.get();
        } catch (UnknownIdException e) {
            if (resources.contains(e.thing())) throw new NotFound(e);
            throw e;
        }
    }

    /** Work that gives an answer and may fail with a checked exception of its own (an export's I/O), or none. */
    @FunctionalInterface
    public interface Answer<T, E extends Exception> {
        T get() throws E;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return unknown(HttpStatus.NOT_FOUND, e.cause);
    }

    /** An id in a parameter or body that does not exist: the request cannot be processed. */
    @ExceptionHandler(UnknownIdException.class)
    ProblemDetail unknownId(UnknownIdException e) {
        return unknown(HttpStatus.UNPROCESSABLE_CONTENT, e);
    }

    private static ProblemDetail unknown(HttpStatus status, UnknownIdException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        pd.setTitle("Unknown " + e.kind());
        pd.setType(URI.create("https://w3id.org/crosswalk/problems/unknown-id"));
        pd.setProperty("id", e.given());
        pd.setProperty("closest", e.closest());
        return pd;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail badRequest(InvalidInputException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        pd.setTitle("Malformed request");
        if (e.line() != null) pd.setProperty("line", e.line());
        if (e.field() != null) pd.setProperty("field", e.field());
        return pd;
    }

    /** An unknown query parameter (never silently ignored) or a paging value out of bounds. */
    @ExceptionHandler(QueryParameterCheck.InvalidParameter.class)
    ProblemDetail invalidParameter(QueryParameterCheck.InvalidParameter e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        pd.setTitle("Invalid parameter");
        pd.setProperty("parameter", e.parameter);
        if (e.allowed != null) pd.setProperty("allowed", e.allowed);
        return pd;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        pd.setTitle("Invalid parameter");
        return pd;
    }

    /** A query string Tomcat cannot decode (e.g. q=%zz): the caller's URL, not our fault. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ProblemDetail undecodableParameter(org.apache.tomcat.util.http.InvalidParameterException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A query parameter is not valid percent-encoded UTF-8 (e.g. a '%' not followed by two hex digits; write it as %25).");
        pd.setTitle("Invalid parameter");
        return pd;
    }

    @ExceptionHandler(QueryCancelledException.class)
    ProblemDetail timeout(QueryCancelledException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The query took longer than the configured timeout (crosswalk.query-timeout).");
        pd.setTitle("Query timed out");
        return pd;
    }

    /** The store is down, slow or on another data version: come back later; nothing was changed. */
    @ExceptionHandler(StoreUnavailableException.class)
    ProblemDetail storeUnavailable(StoreUnavailableException e, jakarta.servlet.http.HttpServletResponse response) {
        log.warn("503: {}", e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The graph store cannot answer now: " + e.getMessage() + ". Retry later.");
        pd.setTitle("Store unavailable");
        return pd;
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e, jakarta.servlet.http.HttpServletResponse response) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException s) return storeUnavailable(s, response);
            if (t instanceof org.apache.jena.query.text.TextIndexParseException
                    || t.getClass().getName().startsWith("org.apache.lucene.queryparser")) {
                // jena-text could not parse the search text: the caller's input, not our fault.
                ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "The search text is not a valid Lucene query: " + t.getMessage().replace("Text search parse error:", "").strip().lines().findFirst().orElse(""));
                pd.setTitle("Invalid search query");
                return pd;
            }
        }
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, e);
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error; the server log has the details under reference " + reference + ".");
        pd.setProperty("reference", reference);
        pd.setTitle("Internal error");
        return pd;
    }

    private static final java.util.regex.Pattern JAVA_TYPE = java.util.regex.Pattern.compile("`([^`]+)`");

    /** "`java.util.ArrayList<java.lang.String>`" → "array": the JSON type a caller can act on, not our class. */
    static String inJsonTerms(String message) {
        return JAVA_TYPE.matcher(message).replaceAll(m -> {
            String type = m.group(1);
            if (type.startsWith("JsonToken.")) return m.group(0);
            String simple = type.replaceAll("<.*", "");
            simple = simple.substring(simple.lastIndexOf('.') + 1);
            String json = switch (simple) {
                case "List", "ArrayList", "Set", "HashSet", "Collection" -> "array";
                case "String", "char", "Character" -> "string";
                case "int", "Integer", "long", "Long", "short", "Short" -> "integer";
                case "double", "Double", "float", "Float", "BigDecimal" -> "number";
                case "boolean", "Boolean" -> "boolean";
                default -> type.endsWith("[]") ? "array" : "object";
            };
            return java.util.regex.Matcher.quoteReplacement(json);
        });
    }

    /** A path with no operation: said in the API's words, with where the operations are listed. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(org.springframework.web.servlet.resource.NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String path = "/" + ex.getResourcePath();
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is nothing at " + path
                + (path.startsWith("/api/") ? ": the API's operations are listed in /api/openapi.json." : "."));
        pd.setTitle("Not found");
        return problem(HttpStatus.NOT_FOUND, headers, pd);
    }

    /**
     * Accept names nothing we can give (or cannot be parsed): 406 with a problem body all the same, in
     * problem+json, so the caller learns what is offered.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String offered = ex.getSupportedMediaTypes().isEmpty() ? "application/json, text/csv (lists)"
                : String.join(", ", ex.getSupportedMediaTypes().stream().map(Object::toString).toList());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, "None of the media types in Accept ("
                + request.getHeader(HttpHeaders.ACCEPT) + ") can be given here; this resource offers " + offered + ".");
        pd.setTitle("Not acceptable");
        return problem(HttpStatus.NOT_ACCEPTABLE, new HttpHeaders(), pd);
    }

    /** A method the resource does not support: 405 listing only the methods it does (Allow). */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(org.springframework.web.HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        if (ex.getSupportedHttpMethods() != null) ex.getSupportedHttpMethods().forEach(m -> allowed.add(m.name()));
        if (allowed.contains("GET")) allowed.add("HEAD");
        if (!allowed.isEmpty()) allowed.add("OPTIONS");
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.ALLOW, String.join(", ", allowed));
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, ex.getMethod() + " is not supported here"
                + (allowed.isEmpty() ? "." : "; this resource supports " + String.join(", ", allowed) + "."));
        pd.setTitle("Method not allowed");
        return problem(HttpStatus.METHOD_NOT_ALLOWED, h, pd);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, HttpHeaders headers, ProblemDetail pd) {
        return ResponseEntity.status(status).headers(headers).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    /** Jackson's "(start marker at [Source: REDACTED ...; byte offset: #UNKNOWN])" and the like: parser internals. */
    static String withoutSource(String message) {
        return message.replaceAll("\\s*\\((start marker at )?\\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*(at )?\\[Source:[^\\]]*\\]", "");
    }

    /** Jackson's errors know the line, column and field: say those, without Java class names. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.TooLarge tooLarge) {
                ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, RequestBodyLimit.detail(tooLarge.limit));
                pd.setTitle("Request body too large");
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(pd);
            }
        }
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        pd.setTitle("Malformed request body");
        String detail = "the body could not be read";
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException je) {
                detail = inJsonTerms(withoutSource(je.getOriginalMessage()).replaceAll("\\s*\\(for \\w+ starting at \\[Source:.*?]\\)", "")
                        .replaceAll("\\s*\\(class [^)]*\\)", ""))
                        .replaceAll("[a-z]+(\\.[a-zA-Z$]+)+\\.", "")
                        .replaceAll("\\s*\\(token `JsonToken\\.[A-Z_]+`\\)", "");
                TokenStreamLocation at = je.getLocation();
                if (at != null && at.getLineNr() > 0) {
                    pd.setProperty("line", at.getLineNr());
                    pd.setProperty("column", at.getColumnNr());
                    detail += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                }
                if (!je.getPath().isEmpty()) {
                    String field = je.getPath().getLast().getPropertyName();
                    if (field != null) pd.setProperty("field", field);
                }
                break;
            }
        }
        pd.setDetail("Malformed request body: " + detail.lines().findFirst().orElse(detail).strip());
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
