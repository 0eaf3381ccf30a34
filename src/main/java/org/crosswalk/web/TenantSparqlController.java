package org.crosswalk.web;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.crosswalk.CrosswalkProperties;
import org.crosswalk.security.TenantAuthentication;
import org.crosswalk.tenancy.TenantView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The tenant's SPARQL door (SPARQL 1.1 protocol, query only): the reference data as the default graph
 * plus the caller's own profile graphs, versions and history as named graphs — nothing of any other
 * tenant, and never the system graph. Served on the REST port, not the Fuseki port, so one authentication
 * (Spring Security: API token or JWT) guards every tenant door; the isolation itself is the dataset the
 * query runs on ({@link TenantView}), whatever the query text says. The public endpoint on the Fuseki
 * port serves the reference store only, which holds no tenant data at all.
 */
@RestController
@Tag(name = "Tenant SPARQL", description = "SPARQL over the reference data and the caller's own profiles")
public class TenantSparqlController {
    private final TenantView view;
    private final Duration timeout;

    public TenantSparqlController(TenantView view, CrosswalkProperties props) {
        this.view = view;
        this.timeout = props.queryTimeout();
    }

    @RequestMapping(path = "/api/tenant/sparql", method = {RequestMethod.GET, RequestMethod.POST},
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.ALL_VALUE})
    @Operation(summary = "SPARQL query (GET ?query=, POST form query=, or POST application/sparql-query)")
    public ResponseEntity<?> query(@RequestParam(name = "query", required = false) String queryParam,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestHeader(name = "Accept", defaultValue = "application/sparql-results+json") String accept,
            @RequestBody(required = false) String body) {
        String text = queryParam;
        if (text == null && contentType != null && contentType.startsWith("application/sparql-query")) text = body;
        if (text == null || text.isBlank()) return problem(HttpStatus.BAD_REQUEST, "No query: send query= or a body of type application/sparql-query");
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            return problem(HttpStatus.BAD_REQUEST, "SPARQL syntax error: " + e.getMessage());
        }
        String tenant = ((TenantAuthentication) SecurityContextHolder.getContext().getAuthentication()).tenant();
        Query q = query;
        return view.read(tenant, dataset -> {
            try (QueryExecution exec = QueryExecution.dataset(dataset).query(q)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                MediaType type;
                if (q.isSelectType() || q.isAskType()) {
                    Lang lang = accept.contains("text/csv") ? ResultSetLang.RS_CSV
                            : accept.contains("text/tab-separated-values") ? ResultSetLang.RS_TSV
                            : accept.contains("application/sparql-results+xml") ? ResultSetLang.RS_XML : ResultSetLang.RS_JSON;
                    if (q.isSelectType()) ResultsWriter.create().lang(lang).write(out, exec.execSelect());
                    else ResultsWriter.create().lang(lang).write(out, exec.execAsk());
                    type = MediaType.parseMediaType(lang.getHeaderString());
                } else {
                    Lang lang = accept.contains("application/n-triples") ? Lang.NTRIPLES
                            : accept.contains("application/ld+json") ? Lang.JSONLD : Lang.TURTLE;
                    RDFDataMgr.write(out, q.isConstructType() ? exec.execConstruct() : exec.execDescribe(), lang);
                    type = MediaType.parseMediaType(lang.getHeaderString());
                }
                return ResponseEntity.ok().contentType(type).body(out.toByteArray());
            }
        });
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle("Bad SPARQL request");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
