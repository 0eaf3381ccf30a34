package org.crosswalk.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI document GRC tools generate their clients from. springdoc describes schemas with
 * swagger-core's own (Jackson 2) mapper, which does not see Spring's Jackson 3 settings, so it is told
 * the same snake_case naming here; otherwise the document would promise percentFull while the API sends
 * percent_full.
 *
 * <p>What springdoc cannot see from the controllers is added by {@link #contract()}: the operation ids
 * (stable names, written here once, so a generated client's method names never become {@code coverage_1}),
 * the real media types of downloads, every error answer as RFC 9457 problem+json with a {@code ProblemDetail}
 * schema, the caching and paging headers, and the credentials each door needs. The document is checked into
 * {@code src/main/openapi/crosswalk.json}; the build lints it, generates a Java client from it and runs a
 * contract test through that client against the running service.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocumentation {
    static final String PROBLEM = "ProblemDetail";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String CSV = "text/csv;charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** "METHOD path" → operation id. Every operation must be here (OpenApiContractTest checks it). */
    static final Map<String, String> OPERATION_IDS = Map.ofEntries(
            Map.entry("GET /api/health", "getHealth"),
            Map.entry("GET /api/frameworks", "listFrameworks"),
            Map.entry("GET /api/frameworks/{framework}", "getFramework"),
            Map.entry("GET /api/frameworks/{framework}/requirements", "listRequirements"),
            Map.entry("GET /api/frameworks/{framework}/requirements/{id}", "getRequirement"),
            Map.entry("GET /api/crosswalk", "getCrosswalk"),
            Map.entry("GET /api/coverage", "getCoverage"),
            Map.entry("POST /api/coverage", "postCoverageForProfile"),
            Map.entry("GET /api/gaps", "getGaps"),
            Map.entry("POST /api/gaps", "postGapsForProfile"),
            Map.entry("GET /api/changes", "getChanges"),
            Map.entry("GET /api/evidence", "listEvidenceReuse"),
            Map.entry("GET /api/evidence/{id}", "getEvidenceSupport"),
            Map.entry("POST /api/evidence/support", "postEvidenceSupport"),
            Map.entry("GET /api/search", "search"),
            Map.entry("GET /api/queries", "listNamedQueries"),
            Map.entry("GET /api/queries/{name}", "getNamedQuery"),
            Map.entry("GET /api/queries/{name}/run", "runNamedQuery"),
            Map.entry("GET /api/exports", "listExports"),
            Map.entry("GET /api/exports/mapping-sets/{file}", "downloadMappingSet"),
            Map.entry("GET /api/exports/catalogs/{file}", "downloadFrameworkCatalog"),
            Map.entry("GET /api/exports/crosswalk/{file}", "downloadCrosswalkTable"),
            Map.entry("GET /api/exports/coverage.{ext}", "downloadCoverageReport"),
            Map.entry("POST /api/exports/coverage.{ext}", "postCoverageReportForProfile"),
            Map.entry("GET /api/exports/gaps.{ext}", "downloadGapReport"),
            Map.entry("POST /api/exports/gaps.{ext}", "postGapReportForProfile"),
            Map.entry("GET /api/exports/graph.{ext}", "downloadGraph"),
            Map.entry("GET /api/profiles", "listProfiles"),
            Map.entry("POST /api/profiles", "createProfile"),
            Map.entry("GET /api/profiles/{id}", "getProfile"),
            Map.entry("PUT /api/profiles/{id}", "replaceProfile"),
            Map.entry("DELETE /api/profiles/{id}", "deleteProfile"),
            Map.entry("PATCH /api/profiles/{id}/statements", "patchProfileStatements"),
            Map.entry("POST /api/profiles/{id}/restore", "restoreProfile"),
            Map.entry("GET /api/profiles/{id}/history", "getProfileHistory"),
            Map.entry("GET /api/profiles/{id}/versions/{version}", "getProfileVersion"),
            Map.entry("GET /api/profiles/{id}/diff", "getProfileDiff"),
            Map.entry("GET /api/profiles/{id}/coverage", "getProfileCoverage"),
            Map.entry("GET /api/profiles/{id}/gaps", "getProfileGaps"),
            Map.entry("GET /api/profiles/{id}/evidence-reuse", "getProfileEvidenceReuse"),
            Map.entry("GET /api/profiles/{id}/exports/{report}.{ext}", "downloadProfileReport"),
            Map.entry("GET /api/tenant/sparql", "tenantSparqlGet"),
            Map.entry("POST /api/tenant/sparql", "tenantSparqlPost"),
            Map.entry("GET /api/admin/tenants", "listTenants"),
            Map.entry("POST /api/admin/tenants", "createTenant"),
            Map.entry("GET /api/admin/tenants/{tenant}/tokens", "listTokens"),
            Map.entry("POST /api/admin/tenants/{tenant}/tokens", "createToken"),
            Map.entry("DELETE /api/admin/tokens/{tokenId}", "revokeToken"),
            Map.entry("POST /api/admin/backup", "backupTenants"),
            Map.entry("POST /api/imports/frameworks", "importFramework"),
            Map.entry("POST /api/suggestions/{source}/{target}", "suggestMappings"),
            Map.entry("POST /api/suggestions/{source}/{target}/decisions", "decideSuggestion"));

    /** Summaries of the operations whose controllers say none. */
    private static final Map<String, String> SUMMARIES = Map.of(
            "GET /api/health", "Liveness, data version, triple count and the law the answers read today",
            "GET /api/admin/tenants", "Every tenant",
            "GET /api/admin/tenants/{tenant}/tokens", "The tenant's API tokens: ids, names, scopes (never the secrets)");

    /**
     * Operations that one path and method serve for several body types (springdoc merges them and keeps
     * one method's summary): described as what they take.
     */
    private static final Map<String, String> MERGED_SUMMARIES = Map.of(
            "POST /api/coverage", "Coverage for an organisation profile sent as the body: JSON (Holdings) or CSV (framework,requirement,status); stateless",
            "POST /api/gaps", "Gaps for an organisation profile sent as the body: JSON (Holdings) or CSV (framework,requirement,status); stateless",
            "POST /api/profiles", "Create a profile from JSON statements, or import the CSV or XLSX a GRC tool exports",
            "PUT /api/profiles/{id}", "Replace a profile's statements from JSON, CSV or XLSX (If-Match required)");

    /** Downloads whose body is a file: springdoc sees byte[] and says * / *; these are their real types. */
    private static final Map<String, List<String>> DOWNLOAD_TYPES = Map.ofEntries(
            Map.entry("GET /api/exports/mapping-sets/{file}", List.of("text/tab-separated-values;charset=UTF-8", "application/json")),
            Map.entry("GET /api/exports/catalogs/{file}", List.of("application/json")),
            Map.entry("GET /api/exports/crosswalk/{file}", List.of(CSV, XLSX, "application/json")),
            Map.entry("GET /api/exports/coverage.{ext}", List.of(CSV, XLSX, "application/json")),
            Map.entry("POST /api/exports/coverage.{ext}", List.of(CSV, XLSX, "application/json")),
            Map.entry("GET /api/exports/gaps.{ext}", List.of(CSV, XLSX, "application/json")),
            Map.entry("POST /api/exports/gaps.{ext}", List.of(CSV, XLSX, "application/json")),
            Map.entry("GET /api/exports/graph.{ext}", List.of("text/turtle;charset=UTF-8", "application/ld+json")),
            Map.entry("GET /api/profiles/{id}/exports/{report}.{ext}", List.of(CSV, XLSX, "application/json")),
            Map.entry("GET /api/tenant/sparql", List.of("application/sparql-results+json", "application/sparql-results+xml", CSV,
                    "text/tab-separated-values;charset=UTF-8", "text/turtle;charset=UTF-8", "application/ld+json", "application/n-triples")),
            Map.entry("POST /api/tenant/sparql", List.of("application/sparql-results+json", "application/sparql-results+xml", CSV,
                    "text/tab-separated-values;charset=UTF-8", "text/turtle;charset=UTF-8", "application/ld+json", "application/n-triples")));

    /** The list endpoints that page (limit/offset, Link, X-Total-Count): see ReferenceReads. */
    static final List<String> PAGED = List.of("GET /api/frameworks/{framework}/requirements", "GET /api/coverage",
            "GET /api/gaps", "GET /api/search", "GET /api/crosswalk", "GET /api/evidence",
            "GET /api/profiles", "GET /api/profiles/{id}/history");

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI crosswalkOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Crosswalk API")
                .version("0.1.0")
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0"))
                .description("Coverage, gaps and reuse of evidence across ISO/IEC 42001:2023, the EU AI Act "
                        + "(Regulation (EU) 2024/1689), NIST AI RMF 1.0 and ISO/IEC 27001:2022. Every answer is a named "
                        + "SPARQL query of queries/, also runnable on the SPARQL endpoint. Errors are RFC 9457 problem+json "
                        + "(schema ProblemDetail). Reads of reference data carry a strong ETag, Last-Modified and "
                        + "Cache-Control and answer If-None-Match with 304; list answers page with limit/offset "
                        + "(Link and X-Total-Count headers). An unknown query parameter is a 400."))
                .servers(List.of(new Server().url("/").description("This service")));
    }

    @Bean
    OpenApiCustomizer contract() {
        return OpenApiDocumentation::complete;
    }

    static void complete(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        components.getSchemas().remove("MultiValueMapStringString");
        components.addSecuritySchemes("apiToken", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("cwt_<id>_<secret>")
                .description("An API token made by an administrator for one tenant (scope read or read-write)."));
        components.addSecuritySchemes("jwt", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("In OAuth2/OIDC resource-server mode: a JWT from the organisation's identity provider; "
                        + "its tenant claim names the tenant, scope crosswalk:write allows writes."));
        components.addSecuritySchemes("adminToken", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("cwadmin_<secret>").description("The administrator token (its bcrypt hash is crosswalk.security.admin-token-hash)."));
        addHeaders(components);

        Map<String, String> tagDescriptions = new LinkedHashMap<>();
        if (api.getTags() != null) api.getTags().forEach(t -> tagDescriptions.put(t.getName(), t.getDescription()));
        tagDescriptions.putIfAbsent("Health", "Liveness, data version and the law answers read today");

        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String key = method.name() + " " + path;
            String id = OPERATION_IDS.get(key);
            if (id != null) op.setOperationId(id);
            if (op.getSummary() == null || MERGED_SUMMARIES.containsKey(key)) op.setSummary(MERGED_SUMMARIES.getOrDefault(key, SUMMARIES.get(key)));
            if (op.getTags() == null || op.getTags().isEmpty() || op.getTags().contains("health-controller")) op.setTags(List.of("Health"));
            describe(key, path, method, op);
        }));

        List<Tag> tags = new ArrayList<>();
        tagDescriptions.forEach((name, description) -> tags.add(new Tag().name(name).description(description)));
        tags.sort(java.util.Comparator.comparing(Tag::getName));
        api.setTags(tags);
    }

    private static Schema<?> problemSchema() {
        ObjectSchema s = new ObjectSchema();
        s.description("An RFC 9457 problem: what went wrong, in the caller's terms. Some problems add fields "
                + "(id and closest for an unknown id; line, column or field for a malformed body; errors for a profile's bad rows).");
        s.addProperty("type", new StringSchema().format("uri-reference").description("A URI naming the kind of problem (about:blank: the status says it)"));
        s.addProperty("title", new StringSchema().description("Short summary of the kind of problem"));
        s.addProperty("status", new IntegerSchema().format("int32").description("The HTTP status code"));
        s.addProperty("detail", new StringSchema().description("What was wrong with this request"));
        s.addProperty("instance", new StringSchema().format("uri-reference").description("The request path"));
        s.setRequired(List.of("title", "status"));
        s.setAdditionalProperties(true);
        return s;
    }

    private static void addHeaders(Components c) {
        c.addHeaders("ETag", new Header().description("Strong validator of this answer: the data version and the request "
                + "(method, path, query, Accept). Send it back in If-None-Match to get 304.").schema(new StringSchema()));
        c.addHeaders("Last-Modified", new Header().description("When the reference data last changed").schema(new StringSchema()));
        c.addHeaders("Cache-Control", new Header().description("How long a shared cache may keep this answer").schema(new StringSchema()));
        c.addHeaders("Vary", new Header().description("Accept (and Origin): the answer depends on them").schema(new StringSchema()));
        c.addHeaders("X-Total-Count", new Header().description("How many rows the whole list has, before limit/offset")
                .schema(new IntegerSchema().format("int64")));
        c.addHeaders("Link", new Header().description("RFC 8288 links to the first, previous and next page (rel=first, prev, next)")
                .schema(new StringSchema()));
        c.addHeaders("Retry-After", new Header().description("Seconds to wait before retrying").schema(new IntegerSchema()));
    }

    private static boolean secured(String path, PathItem.HttpMethod method) {
        return path.startsWith("/api/profiles") || path.startsWith("/api/tenant") || adminOnly(path, method);
    }

    private static boolean adminOnly(String path, PathItem.HttpMethod method) {
        return path.startsWith("/api/admin") || (method == PathItem.HttpMethod.POST
                && (path.startsWith("/api/imports") || path.startsWith("/api/suggestions")));
    }

    private static void describe(String key, String path, PathItem.HttpMethod method, Operation op) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.setResponses(responses);
        String ok = responses.containsKey("201") ? "201" : responses.containsKey("204") ? "204" : "200";
        ApiResponse success = responses.computeIfAbsent(ok, k -> new ApiResponse().description("OK"));
        if ("OK".equals(success.getDescription()) || success.getDescription() == null) success.setDescription("The answer");

        // Real media types of downloads, and CSV as text: a CSV body is never the JSON object's schema.
        List<String> types = DOWNLOAD_TYPES.get(key);
        if (types != null) {
            Content content = new Content();
            for (String t : types) {
                Schema<?> body = t.startsWith("application/json") || t.contains("+json")
                        ? new ObjectSchema().description("JSON document") : new StringSchema().format("binary");
                content.addMediaType(t, new MediaType().schema(body));
            }
            success.setContent(content);
        } else if (success.getContent() != null) {
            Content fixed = new Content();
            success.getContent().forEach((t, m) -> {
                if (t.equals("*/*")) fixed.addMediaType("application/json", m);
                else if (t.startsWith("text/csv")) fixed.addMediaType(CSV, new MediaType().schema(new StringSchema()
                        .description("The answer's rows as RFC 4180 CSV with a header row")));
                else fixed.addMediaType(t, m);
            });
            success.setContent(fixed);
        }

        boolean read = method == PathItem.HttpMethod.GET;
        boolean reference = read && !secured(path, method) && !path.equals("/api/health");
        if (reference) {
            success.addHeaderObject("ETag", ref("ETag"));
            success.addHeaderObject("Last-Modified", ref("Last-Modified"));
            success.addHeaderObject("Cache-Control", ref("Cache-Control"));
            success.addHeaderObject("Vary", ref("Vary"));
            responses.addApiResponse("304", new ApiResponse().description("Not modified: the If-None-Match validator is still current"));
        }
        if (PAGED.contains(key)) {
            success.addHeaderObject("X-Total-Count", ref("X-Total-Count"));
            success.addHeaderObject("Link", ref("Link"));
            List<Parameter> params = op.getParameters() == null ? new ArrayList<>() : new ArrayList<>(op.getParameters());
            params.add(new Parameter().in("query").name("limit").required(false)
                    .description("Rows per page (1-" + Paging.MAX_LIMIT + "; default: all rows)")
                    .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(Paging.MAX_LIMIT))));
            params.add(new Parameter().in("query").name("offset").required(false)
                    .description("Rows to skip (default 0)").schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)._default(0)));
            op.setParameters(params);
        }
        if (key.equals("GET /api/queries/{name}/run")) {
            // Any named query's own parameters, by name: ?q=oversight&framework=eu-ai-act. A free-form
            // exploded object, so generated clients take a map and send each entry as its own parameter.
            List<Parameter> params = new ArrayList<>(op.getParameters().stream().filter(p -> !"params".equals(p.getName())).toList());
            params.add(new Parameter().in("query").name("params").required(false)
                    .style(Parameter.StyleEnum.FORM).explode(true)
                    .description("The named query's parameters by name (GET /api/queries/{name} lists them), e.g. q=oversight&framework=eu-ai-act; "
                            + "lists: repeat the name or comma-separate. format=csv asks for CSV.")
                    .schema(new ObjectSchema().additionalProperties(new StringSchema())));
            op.setParameters(params);
        }

        if (op.getRequestBody() != null) {
            responses.addApiResponse("413", problem("The request body is larger than crosswalk.max-request-body"));
            responses.addApiResponse("415", problem("The body's Content-Type is not one this operation reads"));
        }
        responses.addApiResponse("400", problem("Malformed request: a bad parameter value, an unknown parameter, a malformed body"));
        if (path.contains("{")) responses.addApiResponse("404", problem("An id in the path does not exist (the closest valid ids are given)"));
        if (path.equals("/api/crosswalk")) responses.addApiResponse("404", problem("The requirement looked up does not exist in the source framework (the closest valid ids are given)"));
        responses.addApiResponse("406", problem("None of the media types in Accept can be given"));
        if (!path.equals("/api/health") && !path.startsWith("/api/admin")) {
            responses.addApiResponse("422", problem("An id in a parameter or the body does not exist (the closest valid ids are given)"));
        }
        responses.addApiResponse("500", problem("Unexpected error; the detail gives a reference to the server log"));
        ApiResponse unavailable = problem("Too busy, or the store cannot answer now; retry after Retry-After seconds");
        unavailable.addHeaderObject("Retry-After", ref("Retry-After"));
        responses.addApiResponse("503", unavailable);

        if (secured(path, method)) {
            responses.addApiResponse("401", problem("No credential, or an unknown, revoked or expired one"));
            responses.addApiResponse("403", problem("The credential does not allow this (a read token writing; not the administrator)"));
            if (adminOnly(path, method)) {
                op.setSecurity(List.of(new SecurityRequirement().addList("adminToken")));
            } else {
                op.setSecurity(List.of(new SecurityRequirement().addList("apiToken"), new SecurityRequirement().addList("jwt")));
            }
            if (path.startsWith("/api/profiles") && method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.POST) {
                responses.addApiResponse("412", problem("If-Match names an older version: someone else wrote first"));
                responses.addApiResponse("428", problem("If-Match is required on this write"));
            }
            if (method != PathItem.HttpMethod.GET) {
                ApiResponse tooMany = problem("More writes than crosswalk.security.writes-per-period for this credential");
                tooMany.addHeaderObject("Retry-After", ref("Retry-After"));
                responses.addApiResponse("429", tooMany);
            }
        } else {
            op.setSecurity(List.of()); // open: no credential is needed (or sent)
        }
        // Keep the responses in status order: the document is compared byte for byte with its snapshot.
        ApiResponses sorted = new ApiResponses();
        responses.keySet().stream().sorted().forEach(k -> sorted.addApiResponse(k, responses.get(k)));
        op.setResponses(sorted);
    }

    private static Header ref(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
