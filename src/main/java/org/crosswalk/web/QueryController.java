package org.crosswalk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crosswalk.answers.NamedQueryCalls;
import org.crosswalk.answers.NamedQueryCalls.QueryTable;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.answers.UnknownIdException.Thing;
import org.crosswalk.queries.NamedQuery;
import org.crosswalk.queries.NamedQueryRunner;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The library of named queries, documented and runnable with typed parameters from the query string. */
@RestController
@RequestMapping(path = "/api/queries", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
@Tag(name = "Named queries", description = "The documented SPARQL queries of queries/, run with bound parameters")
public class QueryController {
    private final NamedQueryRunner runner;
    private final NamedQueryCalls calls;

    public QueryController(NamedQueryRunner runner, RequirementIndex index) {
        this.runner = runner;
        this.calls = new NamedQueryCalls(runner, index);
    }

    public record ParameterDoc(String name, String type, boolean list, String defaultValue, String description) {}

    public record QueryDoc(String name, String title, String answers, String example, List<ParameterDoc> parameters, String sparql) {}

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every named query with its documentation")
    public List<QueryDoc> list() {
        return runner.library().all().stream().map(QueryController::doc).toList();
    }

    @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One named query: documentation and SPARQL text")
    public QueryDoc get(@PathVariable String name) {
        return doc(named(name));
    }

    @GetMapping("/{name}/run")
    @Operation(summary = "Run a named query; parameters by name in the query string (lists: repeat or comma-separate)")
    public QueryTable run(@PathVariable String name, @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        NamedQuery q = named(name);
        Map<String, List<String>> raw = new LinkedHashMap<>(params);
        raw.remove("format");
        for (String given : raw.keySet()) {
            if (q.parameter(given).isEmpty()) {
                List<String> allowed = q.parameters().stream().map(org.crosswalk.queries.QueryParameter::name).toList();
                throw new QueryParameterCheck.InvalidParameter(given, "Unknown query parameter '" + given + "' of the named query "
                        + q.name() + (allowed.isEmpty() ? ", which takes none" : "; it takes " + String.join(", ", allowed)), allowed);
            }
        }
        return calls.run(q, raw);
    }

    private NamedQuery named(String name) {
        return runner.library().get(name).orElseThrow(() -> new ProblemHandler.NotFound(new UnknownIdException(
                Thing.NAMED_QUERY, name, runner.library().all().stream().map(NamedQuery::name).toList())));
    }

    private static QueryDoc doc(NamedQuery q) {
        return new QueryDoc(q.name(), q.title(), q.answers(), q.example(),
                q.parameters().stream().map(p -> new ParameterDoc(p.name(), p.type().token, p.type().list, p.defaultValue(), p.description())).toList(),
                q.text());
    }
}
