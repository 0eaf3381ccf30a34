package org.crosswalk.queries;

import java.util.List;
import java.util.Optional;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * A documented SPARQL query from {@code queries/}: the single source of truth for one question,
 * run as-is by analysts and with bound parameters by the REST API.
 *
 * @param name    file name without .rq
 * @param title   one line
 * @param answers what question it answers
 * @param example how to call it
 * @param sliceParameter the framework parameter ({@code # slice: target}) when the query reads only what
 *                concerns that framework, so the store may answer it from an in-memory slice around it
 *                (CrosswalkStore#readAbout); null when it may read anything
 * @param text    the file as written
 * @param query   the parsed query (a template: never executed directly, see {@link ParameterBinder})
 */
public record NamedQuery(String name, String title, String answers, List<QueryParameter> parameters,
        String example, String sliceParameter, String text, Query query) {

    private static final String TEXT_QUERY = "http://jena.apache.org/text#query";

    public Optional<QueryParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** True when the query calls jena-text's {@code text:query}, which needs the full-text index. */
    public boolean usesTextIndex() {
        boolean[] found = {false};
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementPathBlock block) {
                block.patternElts().forEachRemaining(t -> {
                    if (t.getPredicate() != null && t.getPredicate().isURI() && TEXT_QUERY.equals(t.getPredicate().getURI())) {
                        found[0] = true;
                    }
                });
            }
        });
        return found[0];
    }
}
