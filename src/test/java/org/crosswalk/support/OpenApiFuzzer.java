package org.crosswalk.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Requests generated from the OpenAPI document, seeded: every operation, its parameters filled with
 * valid values, near misses and junk (too long, wrong type, odd Unicode, percent signs, empty), unknown
 * parameters, bodies made from the request schemas with nulls and wrong types, random Accept headers
 * (bogus, q=0) and methods the path does not support. It records what came back; the contract is that
 * nothing is a 5xx, every error is problem+json, every text answer declares charset=UTF-8 and every
 * answer carries X-Content-Type-Options.
 *
 * <p>Run in the build by OpenApiFuzzTest (500 requests) and against a running service by bench/fuzz.sh
 * ({@code main}: base URL, seed, count).
 */
public final class OpenApiFuzzer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] FRAMEWORKS = {"iso42001", "eu-ai-act", "nist-ai-rmf", "iso27001"};
    private static final String[] IDS = {"A.6.2.4", "6.1.2", "Article 9(2)(a)", "GOVERN 1.1", "A.5.31", "clause-4.1", "Art. 14"};
    private static final String[] JUNK = {"", " ", "%", "%zz", "..", "../../etc/passwd", "null", "-1", "0", "999999999999",
            "1e309", "true", "'; DROP", "\"quoted\"", "<script>", "ü√∑", "\u202e", "\t", "a,b,,c", "x".repeat(3000),
            "2026-02-30", "2026-13-01", "*", "?", "#", "\\", "{}", "[]"};
    private static final String[] ACCEPTS = {null, null, null, "application/json", "text/csv", "*/*", "bogus", "text/html",
            "application/json;q=0", "application/json;q=0, text/csv;q=0", "application/xml", "text/*", "application/problem+json",
            "text/csv;q=0, */*"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"};

    public record Outcome(String request, int status, String contentType, String problem) {}

    public record Report(int requests, Map<Integer, Integer> byStatus, List<Outcome> violations) {}

    private final JsonNode doc;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public OpenApiFuzzer(String base, JsonNode doc, long seed) {
        this.base = base;
        this.doc = doc;
        this.random = new Random(seed);
    }

    public static JsonNode fetchDocument(String base) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    public Report run(int count) throws IOException, InterruptedException {
        List<String[]> operations = new ArrayList<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(o -> operations.add(new String[] {p.getKey(), o.getKey()})));
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<Outcome> violations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] op = operations.get(random.nextInt(operations.size()));
            Outcome o = send(op[0], op[1]);
            byStatus.merge(o.status(), 1, Integer::sum);
            if (o.problem() != null) violations.add(o);
        }
        return new Report(count, byStatus, violations);
    }

    private Outcome send(String pathTemplate, String method) throws IOException, InterruptedException {
        JsonNode op = doc.get("paths").get(pathTemplate).get(method);
        String path = pathTemplate;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            String name = p.get("name").asText();
            String in = p.get("in").asText();
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", encodePath(value(name, p.path("schema"))));
            } else if (in.equals("query") && (p.path("required").asBoolean() || random.nextInt(3) > 0)) {
                if (name.equals("params")) {
                    add(query, pick(new String[] {"q", "framework", "source", "target", "role", "bogus"}), value("q", F.objectNode()));
                } else {
                    int times = p.at("/schema/type").asText().equals("array") ? 1 + random.nextInt(3) : random.nextInt(12) == 0 ? 2 : 1;
                    for (int t = 0; t < times; t++) add(query, name, value(name, p.path("schema")));
                }
            }
        }
        for (String ext : new String[] {"ext"}) path = path.replace("{" + ext + "}", pick(new String[] {"csv", "xlsx", "json", "ttl", "exe"}));
        if (random.nextInt(10) == 0) add(query, pick(new String[] {"bogus", "limit", "offset", "format", "Source"}), pick(JUNK));
        String m = method.toUpperCase();
        if (random.nextInt(12) == 0) m = pick(METHODS);
        String uri = base + path + (query.isEmpty() ? "" : "?" + query);
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            return new Outcome(m + " " + uri, 0, null, null); // not a URI a client could send
        }
        String accept = pick(ACCEPTS);
        if (accept != null) b.header("Accept", accept);
        if (random.nextInt(20) == 0) b.header("If-None-Match", "\"" + Integer.toHexString(random.nextInt()) + "\"");
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        JsonNode content = op.path("requestBody").path("content");
        if (content.size() > 0 && !m.equals("GET") && !m.equals("HEAD") && !m.equals("TRACE") && !m.equals("OPTIONS")) {
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            String type = types.get(random.nextInt(types.size()));
            b.header("Content-Type", random.nextInt(15) == 0 ? "application/x-bogus" : type);
            body = HttpRequest.BodyPublishers.ofString(body(type, content.get(type).path("schema")), StandardCharsets.UTF_8);
        }
        b.method(m, body);
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome(m + " " + uri, -1, null, "no answer: " + e);
        }
        String type = r.headers().firstValue("Content-Type").orElse(null);
        String problem = null;
        if (r.statusCode() >= 500) problem = "5xx";
        else if (r.statusCode() >= 400 && r.statusCode() != 401 && m.equals("HEAD")) problem = null; // no body on HEAD
        else if (r.statusCode() >= 400 && (type == null || !type.startsWith("application/problem+json"))) problem = "error not problem+json";
        else if (type != null && type.startsWith("text/") && !type.toLowerCase().replace(" ", "").contains("charset=utf-8")) problem = "text without charset=UTF-8";
        if (problem == null && r.headers().firstValue("X-Content-Type-Options").isEmpty()) problem = "no X-Content-Type-Options";
        String shown = uri.length() > 300 ? uri.substring(0, 300) + "…" : uri;
        return new Outcome(m + " " + shown + (accept == null ? "" : " [Accept: " + accept + "]"), r.statusCode(), type,
                problem == null ? null : problem + ": " + (r.body().length() > 300 ? r.body().substring(0, 300) : r.body()));
    }

    private String value(String name, JsonNode schema) {
        int roll = random.nextInt(10);
        if (roll < 3) return pick(JUNK);
        switch (name) {
            case "framework", "source", "target": return pick(FRAMEWORKS);
            case "id", "requirement": return pick(IDS);
            case "role": return pick(new String[] {"provider", "deployer", "importer", "distributor", "nobody"});
            case "system": return pick(new String[] {"high-risk", "high-risk-annex-iii", "high-risk-annex-i", "gpai", "all", "x"});
            case "asOf", "from", "to": return pick(new String[] {"2026-08-02", "2027-12-02", "2028-08-02", "1999-01-01", "2100-01-01"});
            case "q": return pick(new String[] {"human oversight", "risk", "logging", "\"unterminated", "AND OR", "*", "oversight~"});
            case "file": return pick(FRAMEWORKS) + "-" + pick(FRAMEWORKS) + pick(new String[] {".sssom.tsv", ".oscal.json", ".csv", ".xlsx", ".json", ".zip"});
            case "name": return pick(new String[] {"coverage", "search", "crosswalk", "requirements", "frameworks", "nope"});
            case "limit": return Integer.toString(random.nextInt(30) - 2);
            case "offset": return Integer.toString(random.nextInt(700) - 5);
            case "satisfied": return pick(FRAMEWORKS) + ":" + pick(IDS);
            case "evidence": return pick(new String[] {"ai-policy", "ai-risk-assessment", "nope"});
            default:
        }
        return switch (schema.path("type").asText()) {
            case "integer" -> Integer.toString(random.nextInt(40) - 10);
            case "boolean" -> pick(new String[] {"true", "false", "yes"});
            default -> pick(JUNK);
        };
    }

    private String body(String type, JsonNode schema) {
        if (type.startsWith("text/csv")) {
            String[] rows = {"framework,requirement,status", "iso42001,A.6.2.4,satisfied", "iso42001,nope,satisfied",
                    "evidence,ai-policy,held", "a,b", "\"unterminated", "eu-ai-act,Article 9,partial,note,owner,2026-01-01", ""};
            StringBuilder s = new StringBuilder();
            for (int i = 0, n = random.nextInt(6); i < n; i++) s.append(pick(rows)).append('\n');
            return s.toString();
        }
        if (type.contains("json")) {
            if (random.nextInt(8) == 0) return pick(new String[] {"{", "[]", "null", "{\"a\":", "\"x\"", "{\"evidence\":[null]}", ""});
            return generate(resolve(schema), 0).toString();
        }
        if (type.contains("sparql-query")) return pick(new String[] {"SELECT * WHERE { ?s ?p ?o } LIMIT 1", "ASK {}", "SELEKT", ""});
        if (type.contains("form")) return "query=" + URLEncoder.encode(pick(new String[] {"ASK {}", "nope"}), StandardCharsets.UTF_8);
        return pick(JUNK);
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/")) return doc.at(ref.substring(1));
        return schema;
    }

    private JsonNode generate(JsonNode schema, int depth) {
        schema = resolve(schema);
        int roll = random.nextInt(14);
        if (roll == 0) return F.nullNode();
        if (roll == 1) return F.textNode(pick(JUNK));
        if (roll == 2) return F.numberNode(random.nextInt());
        switch (schema.path("type").asText("object")) {
            case "object": {
                ObjectNode o = F.objectNode();
                if (depth > 3) return o;
                Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").properties().iterator();
                while (props.hasNext()) {
                    var e = props.next();
                    if (random.nextInt(4) > 0) o.set(e.getKey(), generate(e.getValue(), depth + 1));
                }
                if (random.nextInt(10) == 0) o.put("unknown_field", 1);
                return o;
            }
            case "array": {
                ArrayNode a = F.arrayNode();
                for (int i = 0, n = random.nextInt(4); i < n && depth < 4; i++) a.add(generate(schema.path("items"), depth + 1));
                return a;
            }
            case "integer": return F.numberNode(random.nextInt(20) - 5);
            case "number": return F.numberNode(random.nextDouble() * 20 - 5);
            case "boolean": return F.booleanNode(random.nextBoolean());
            default: {
                String[] known = {"iso42001:A.6.2.4", "ai-policy", "satisfied", "partial", "planned", "eu-ai-act", "q3", "read"};
                return F.textNode(random.nextBoolean() ? pick(known) : pick(JUNK));
            }
        }
    }

    private void add(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) query.append('&');
        // Mostly encoded properly; sometimes raw, as a careless client sends it.
        if (random.nextInt(10) == 0) query.append(name).append('=').append(value.replace(" ", "%20").replace("#", "%23").replace("&", "%26"));
        else query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String encodePath(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    /** bench/fuzz.sh: OpenApiFuzzer BASE_URL SEED COUNT; exits 1 when any violation is found. */
    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 17;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long start = System.nanoTime();
        Report report = new OpenApiFuzzer(base, fetchDocument(base), seed).run(count);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("requests=%d seed=%d seconds=%.1f rate=%.0f/s%n", report.requests(), seed, seconds, report.requests() / seconds);
        System.out.println("by status: " + report.byStatus());
        System.out.println("violations: " + report.violations().size());
        report.violations().stream().limit(40).forEach(v -> System.out.println("  " + v));
        System.exit(report.violations().isEmpty() ? 0 : 1);
    }
}
