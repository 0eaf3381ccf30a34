package org.crosswalk.answers;

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
import org.crosswalk.answers.UnknownIdException.Thing;
import org.crosswalk.queries.NamedQuery;
import org.crosswalk.queries.NamedQueryRunner;
import org.crosswalk.queries.QueryParameter;
import org.crosswalk.queries.ResultTable;

/**
 * A named query called with parameters as people write them (text from a query string or a command
 * line): each value is checked and resolved by its declared type (ids in human form, role and system
 * codes, dates) before it reaches the query as an RDF term. Shared by the REST API and the CLI.
 */
public final class NamedQueryCalls {
    private final NamedQueryRunner runner;
    private final RequirementIndex index;

    public NamedQueryCalls(NamedQueryRunner runner, RequirementIndex index) {
        this.runner = runner;
        this.index = index;
    }

    public record QueryTable(String query, List<String> columns, List<Map<String, Object>> rows) implements Tabular {
        public List<String> csvHeader() {
            return columns;
        }

        public List<List<String>> csvRows() {
            List<List<String>> out = new ArrayList<>();
            for (Map<String, Object> r : rows) out.add(columns.stream().map(c -> r.get(c) == null ? "" : r.get(c).toString()).toList());
            return out;
        }
    }

    /** Runs {@code q}; {@code params} maps parameter names to raw values (lists: several values or comma-separated). */
    public QueryTable run(NamedQuery q, Map<String, List<String>> params) {
        Map<String, List<Node>> values = new HashMap<>();
        for (var e : params.entrySet()) {
            QueryParameter p = q.parameter(e.getKey()).orElseThrow(() -> UnknownIdException.described(Thing.QUERY_PARAMETER, "parameter of " + q.name(),
                    e.getKey(), q.parameters().stream().map(QueryParameter::name).toList()));
            if (!p.type().callerMayBind()) {
                // A tenant's graph is named by the server for the caller's own stored profile, never by a
                // parameter: this door runs on the reference data and must not be a way into tenant graphs.
                throw new IllegalArgumentException("Parameter '" + p.name() + "' of " + q.name() + " cannot be given here: "
                        + "a stored profile is read through /api/profiles/{id}/" + (q.name().equals("coverage") ? "coverage or /gaps" : "…")
                        + " with its tenant's credential");
            }
            List<String> raw = e.getValue().stream().flatMap(v -> p.type().list ? List.of(v.split(",")).stream() : java.util.stream.Stream.of(v))
                    .map(String::strip).filter(v -> !v.isEmpty() || !p.type().list).toList();
            if (!blankAllowed(p) && raw.stream().anyMatch(String::isEmpty)) {
                // Refused before any query runs: an unbound framework would make the query join every
                // framework with every other and hold a CPU until the timeout.
                throw new IllegalArgumentException("Parameter '" + p.name() + "' must not be empty (leave it out to use its default, "
                        + p.defaultValue() + ")");
            }
            values.put(p.name(), raw.stream().map(v -> toNode(p, v)).filter(java.util.Objects::nonNull).toList());
        }
        if (q.parameter("target").isPresent()) {
            List<Node> target = values.get("target");
            String targetId = target == null || target.isEmpty() ? q.parameter("target").get().defaultValue().replace("\"", "").strip() : target.getFirst().getLiteralLexicalForm();
            CrosswalkAnswers.requireFiltersApply(targetId, !values.getOrDefault("role", List.of()).isEmpty(),
                    !values.getOrDefault("system", List.of()).isEmpty());
        }
        ResultTable t = runner.run(q, values);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, RDFNode> r : t.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String c : t.columns()) row.put(c, value(r.get(c)));
            rows.add(row);
        }
        return new QueryTable(q.name(), t.columns(), rows);
    }

    /**
     * An empty value means something only for a list (no items), for a parameter whose default is UNDEF
     * (not given), or where the query's documentation says what {@code ""} means (coverage's source: none).
     */
    static boolean blankAllowed(QueryParameter p) {
        return p.type().list || p.defaultValue().equals("UNDEF") || p.description().contains("\"\"");
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
            case PROFILE -> throw new IllegalStateException("refused above");
        };
    }

    private static Object value(RDFNode n) {
        if (n == null) return null;
        if (n.isResource()) return n.asResource().isAnon() ? n.toString() : n.asResource().getURI();
        Literal l = n.asLiteral();
        Object v = l.getValue();
        return v instanceof Number || v instanceof Boolean ? v : l.getLexicalForm();
    }

}
