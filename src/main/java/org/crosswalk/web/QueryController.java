package org.crosswalk.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.answers.Tabular;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.queries.NamedQuery;
import org.crosswalk.queries.NamedQueryRunner;
import org.crosswalk.queries.QueryParameter;
import org.crosswalk.queries.ResultTable;
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
    private final RequirementIndex index;

    public QueryController(NamedQueryRunner runner, RequirementIndex index) {
        this.runner = runner;
        this.index = index;
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

    public record Table(String query, List<String> columns, List<Map<String, Object>> rows) implements Tabular {
        public List<String> csvHeader() {
            return columns;
        }

        public List<List<String>> csvRows() {
            List<List<String>> out = new ArrayList<>();
            for (Map<String, Object> r : rows) out.add(columns.stream().map(c -> r.get(c) == null ? "" : r.get(c).toString()).toList());
            return out;
        }
    }

    @GetMapping("/{name}/run")
    @Operation(summary = "Run a named query; parameters by name in the query string (lists: repeat or comma-separate)")
    public Table run(@PathVariable String name, @RequestParam MultiValueMap<String, String> params) {
        NamedQuery q = named(name);
        Map<String, List<Node>> values = new HashMap<>();
        for (var e : params.entrySet()) {
            if (e.getKey().equals("format")) continue;
            QueryParameter p = q.parameter(e.getKey()).orElseThrow(() -> new UnknownIdException("parameter of " + name,
                    e.getKey(), q.parameters().stream().map(QueryParameter::name).toList()));
            List<String> raw = e.getValue().stream().flatMap(v -> p.type().list ? List.of(v.split(",")).stream() : java.util.stream.Stream.of(v))
                    .map(String::strip).filter(v -> !v.isEmpty() || !p.type().list).toList();
            values.put(p.name(), raw.stream().map(v -> toNode(p, v)).filter(java.util.Objects::nonNull).toList());
        }
        ResultTable t = runner.run(q, values);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, RDFNode> r : t.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String c : t.columns()) row.put(c, value(r.get(c)));
            rows.add(row);
        }
        return new Table(name, t.columns(), rows);
    }

    private Node toNode(QueryParameter p, String v) {
        return switch (p.type()) {
            case FRAMEWORK -> v.isEmpty() ? null : NodeFactory.createLiteralString(index.framework(v).id());
            case REQUIREMENT, REQUIREMENTS -> NodeFactory.createURI(index.requirement(null, v).iri());
            case EVIDENCE -> NodeFactory.createURI(index.evidence(v).iri());
            case ROLE -> NodeFactory.createLiteralString(index.role(v).code());
            case SYSTEM -> NodeFactory.createLiteralString(index.system(v).code());
            case DATE -> {
                try {
                    java.time.LocalDate.parse(v);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("Parameter '" + p.name() + "': '" + v + "' is not a date (YYYY-MM-DD)");
                }
                yield NodeFactory.createLiteralDT(v, XSDDatatype.XSDdate);
            }
            case BOOLEAN -> {
                if (!v.equals("true") && !v.equals("false")) throw new IllegalArgumentException("Parameter '" + p.name() + "' must be true or false");
                yield NodeFactory.createLiteralDT(v, XSDDatatype.XSDboolean);
            }
            case INTEGER -> {
                try {
                    Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Parameter '" + p.name() + "' must be an integer");
                }
                yield NodeFactory.createLiteralDT(v, XSDDatatype.XSDinteger);
            }
            case TEXT -> NodeFactory.createLiteralString(v);
        };
    }

    private static Object value(RDFNode n) {
        if (n == null) return null;
        if (n.isResource()) return n.asResource().isAnon() ? n.toString() : n.asResource().getURI();
        Literal l = n.asLiteral();
        Object v = l.getValue();
        return v instanceof Number || v instanceof Boolean ? v : l.getLexicalForm();
    }

    private NamedQuery named(String name) {
        return runner.library().get(name).orElseThrow(() -> new ProblemHandler.NotFound(new UnknownIdException(
                "named query", name, runner.library().all().stream().map(NamedQuery::name).toList())));
    }

    private static QueryDoc doc(NamedQuery q) {
        return new QueryDoc(q.name(), q.title(), q.answers(), q.example(),
                q.parameters().stream().map(p -> new ParameterDoc(p.name(), p.type().token, p.type().list, p.defaultValue(), p.description())).toList(),
                q.text());
    }
}
