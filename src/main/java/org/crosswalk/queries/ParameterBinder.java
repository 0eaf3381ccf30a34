package org.crosswalk.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;

/**
 * Binds parameter values into a named query by rewriting its parameter VALUES blocks on the parsed
 * syntax tree: a value is always an RDF term in a VALUES row, never text spliced into the query, so
 * nothing a caller sends can change the query's shape (no injection). Blocks whose variables are not
 * all declared parameters are left alone; parameters the caller does not give keep the file's defaults.
 */
public final class ParameterBinder {

    private ParameterBinder() {}

    /**
     * @param values per parameter name: the terms to bind; an empty list means "none" (zero rows) for a
     *               list parameter or a framework parameter; a list holding one null means UNDEF
     */
    public static Query bind(NamedQuery named, Map<String, List<Node>> values) {
        Set<String> declared = named.parameters().stream().map(QueryParameter::name).collect(Collectors.toSet());
        for (String name : values.keySet()) {
            if (!declared.contains(name)) throw new IllegalArgumentException("Unknown parameter: " + name);
        }
        // Parsing a named query costs more than answering a look-up from the store, so the library's
        // parsed template is copied instead: cloneQuery deep-copies groups, unions, optionals and
        // subqueries, all the rewrite replaces parts of. The copy is taken under the template's lock
        // because Query fills some fields lazily on first read.
        Query parsed = named.query();
        Query query;
        synchronized (parsed) {
            query = parsed.cloneQuery();
        }
        rewrite(query.getQueryPattern(), declared, values);
        return query;
    }

    private static void rewrite(Element element, Set<String> declared, Map<String, List<Node>> values) {
        switch (element) {
            case ElementGroup group -> {
                List<Element> elements = group.getElements();
                for (int i = 0; i < elements.size(); i++) {
                    if (elements.get(i) instanceof ElementData data && isParameterBlock(data, declared)) {
                        elements.set(i, rebind(data, values));
                    } else {
                        rewrite(elements.get(i), declared, values);
                    }
                }
            }
            case ElementOptional opt -> rewrite(opt.getOptionalElement(), declared, values);
            case ElementUnion union -> union.getElements().forEach(e -> rewrite(e, declared, values));
            case ElementMinus minus -> rewrite(minus.getMinusElement(), declared, values);
            case ElementNamedGraph graph -> rewrite(graph.getElement(), declared, values);
            case ElementSubQuery sub -> rewrite(sub.getQuery().getQueryPattern(), declared, values);
            default -> { /* triple patterns, filters, binds: nothing to bind */ }
        }
    }

    private static boolean isParameterBlock(ElementData data, Set<String> declared) {
        return !data.getVars().isEmpty() && data.getVars().stream().allMatch(v -> declared.contains(v.getVarName()));
    }

    private static ElementData rebind(ElementData data, Map<String, List<Node>> values) {
        List<Var> vars = data.getVars();
        if (vars.stream().noneMatch(v -> values.containsKey(v.getVarName()))) return data;
        List<Binding> rows = new ArrayList<>();
        if (vars.size() == 1) {
            Var var = vars.getFirst();
            for (Node node : values.get(var.getVarName())) {
                BindingBuilder row = Binding.builder();
                if (node != null) row.add(var, node);
                rows.add(row.build());
            }
        } else {
            // A block of scalar parameters has one row: given values replace the file's defaults.
            Binding defaults = data.getRows().isEmpty() ? Binding.builder().build() : data.getRows().getFirst();
            BindingBuilder row = Binding.builder();
            for (Var var : vars) {
                List<Node> given = values.get(var.getVarName());
                Node node = given == null ? defaults.get(var) : given.isEmpty() ? null : given.getFirst();
                if (node != null) row.add(var, node);
            }
            rows.add(row.build());
        }
        return new ElementData(vars, rows);
    }
}
